#include "sqlite_rtree_load.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace ecosol::store {
namespace {

// Each test holds two R*Trees over the same entries: `t`, written by BulkLoadRtree, and `u`,
// filled by SQLite's own INSERTs. Whatever is asked, both must answer the same.
class RtreeLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    Exec("CREATE VIRTUAL TABLE t USING rtree(id, min_x, max_x, min_y, max_y)");
    Exec("CREATE VIRTUAL TABLE u USING rtree(id, min_x, max_x, min_y, max_y)");
  }
  void TearDown() override { sqlite3_close(db_); }

  void Exec(const std::string& sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK)
        << (err ? err : "") << " in " << sql;
  }

  std::vector<std::string> Column(const std::string& sql, const std::vector<double>& params = {}) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
    for (size_t i = 0; i < params.size(); ++i) {
      sqlite3_bind_double(st, static_cast<int>(i + 1), params[i]);
    }
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      out.emplace_back(text ? text : "NULL");
    }
    EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    return out;
  }

  std::string Check(const std::string& table) {
    auto out = Column("SELECT rtreecheck('" + table + "')");
    return out.empty() ? "no answer" : out[0];
  }

  // Random entries with coordinates on a grid of 1/64 (exact in single precision, so that both
  // trees hold the very same boxes): points, mostly, and some boxes; some share their place.
  std::vector<RtreeEntry> Entries(size_t n, unsigned seed, long long first_id = 1) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> x(-180 * 64, 180 * 64), y(-90 * 64, 90 * 64);
    std::uniform_int_distribution<int> size(0, 64), kind(0, 9);
    std::vector<RtreeEntry> out;
    for (size_t i = 0; i < n; ++i) {
      RtreeEntry e;
      e.id = first_id + static_cast<long long>(i) * 3;  // not consecutive
      if (i > 0 && kind(rng) == 0) {
        e.min_x = out.back().min_x;  // the same place as the one before
        e.min_y = out.back().min_y;
      } else {
        e.min_x = x(rng) / 64.0;
        e.min_y = y(rng) / 64.0;
      }
      const bool box = kind(rng) == 1;
      e.max_x = e.min_x + (box ? size(rng) / 64.0 : 0);
      e.max_y = e.min_y + (box ? size(rng) / 64.0 : 0);
      out.push_back(e);
    }
    return out;
  }

  void Mirror(const std::vector<RtreeEntry>& entries) {
    Exec("DELETE FROM u");
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO u VALUES (?, ?, ?, ?, ?)", -1, &st, nullptr),
              SQLITE_OK);
    for (const RtreeEntry& e : entries) {
      sqlite3_bind_int64(st, 1, e.id);
      sqlite3_bind_double(st, 2, e.min_x);
      sqlite3_bind_double(st, 3, e.max_x);
      sqlite3_bind_double(st, 4, e.min_y);
      sqlite3_bind_double(st, 5, e.max_y);
      ASSERT_EQ(sqlite3_step(st), SQLITE_DONE) << sqlite3_errmsg(db_);
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
  }

  void Load(std::vector<RtreeEntry> entries) {
    Exec("BEGIN");
    Status s = BulkLoadRtree(db_, "t", &entries);
    ASSERT_TRUE(s.ok()) << s.ToString();
    Exec("COMMIT");
  }

  // Both trees hold the same rows and find the same ones in `boxes` random boxes, from tiny to
  // a quarter of the world.
  void ExpectSameAnswers(unsigned seed, int boxes = 200) {
    EXPECT_EQ(Column("SELECT id, min_x, max_x, min_y, max_y FROM t ORDER BY id"),
              Column("SELECT id, min_x, max_x, min_y, max_y FROM u ORDER BY id"));
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> x(-185, 185), y(-95, 95), w(0, 90);
    for (int i = 0; i < boxes; ++i) {
      const double x0 = x(rng), y0 = y(rng), dx = i % 2 ? w(rng) : w(rng) / 100,
                   dy = i % 2 ? w(rng) / 2 : w(rng) / 200;
      const std::vector<double> box = {x0, x0 + dx, y0, y0 + dy};
      const std::string where =
          " WHERE max_x >= ?1 AND min_x <= ?2 AND max_y >= ?3 AND min_y <= ?4 ORDER BY id";
      EXPECT_EQ(Column("SELECT id FROM t" + where, box), Column("SELECT id FROM u" + where, box))
          << "box " << x0 << " " << y0 << " " << dx << " " << dy;
    }
  }

  sqlite3* db_ = nullptr;
};

TEST_F(RtreeLoadTest, PackedTreesOfEverySizeAreValidAndAnswerAsSqlitesOwn) {
  // Empty; one leaf; one leaf full (51 cells of 24 bytes in SQLite's 1,228-byte nodes); two
  // leaves; two levels; three levels.
  for (size_t n : std::vector<size_t>{0, 1, 51, 52, 2601, 2602, 30000}) {
    SCOPED_TRACE("entries: " + std::to_string(n));
    auto entries = Entries(n, static_cast<unsigned>(n) + 7);
    Load(entries);
    Mirror(entries);
    EXPECT_EQ(Check("t"), "ok");
    EXPECT_EQ(Column("SELECT count(*) FROM t"), std::vector<std::string>{std::to_string(n)});
    ExpectSameAnswers(static_cast<unsigned>(n));
  }
  // 30,000 entries in full nodes of 51: 589 leaves, 12 nodes above them, the root: a depth of 2.
  EXPECT_EQ(Column("SELECT count(*) FROM t_node"), std::vector<std::string>{"602"});
  EXPECT_EQ(Column("SELECT hex(substr(data, 1, 2)) FROM t_node WHERE nodeno = 1"),
            std::vector<std::string>{"0002"});
}

TEST_F(RtreeLoadTest, SqliteKeepsWritingAPackedTree) {
  auto entries = Entries(20000, 1);
  Load(entries);
  Mirror(entries);
  // Inserts into full nodes (split), deletes (nodes left too small are dissolved), moves.
  for (const char* table : {"t", "u"}) {
    const std::string name = table;
    Exec(
        "WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < "
        "3000) INSERT INTO " +
        name +
        " SELECT value * 3 + 2, (value % 360) - 180, (value % 360) - 180, (value % 180) - 90, "
        "(value % 180) - 90 FROM n");
    Exec("DELETE FROM " + name + " WHERE id % 5 = 1");
    Exec("UPDATE " + name + " SET min_x = 1.5, max_x = 2.5 WHERE id % 7 = 0");
  }
  EXPECT_EQ(Check("t"), "ok");
  EXPECT_EQ(Check("u"), "ok");
  ExpectSameAnswers(2);
}

TEST_F(RtreeLoadTest, ALoadReplacesWhatTheTreeHeld) {
  Load(Entries(5000, 3));
  auto entries = Entries(700, 4, 100000);
  Load(entries);
  Mirror(entries);
  EXPECT_EQ(Check("t"), "ok");
  EXPECT_EQ(Column("SELECT count(*) FROM t WHERE id < 100000"), std::vector<std::string>{"0"});
  ExpectSameAnswers(3);
}

TEST_F(RtreeLoadTest, BoundsAreRoundedOutwardsAsSqliteRoundsThem) {
  // 0.1 has no exact single-precision value: the stored box must still hold the point, so that
  // a query box touching only the exact point finds it.
  std::vector<RtreeEntry> entries = {{1, 0.1, 0.1, -51.507351, -51.507351},
                                     {2, -0.1275, -0.1275, 51.507351, 51.507351}};
  Load(entries);
  for (const RtreeEntry& e : entries) {
    const std::vector<double> exact = {e.min_x, e.max_x, e.min_y, e.max_y};
    EXPECT_EQ(Column("SELECT id FROM t WHERE max_x >= ?1 AND min_x <= ?2 AND max_y >= ?3 AND "
                     "min_y <= ?4",
                     exact),
              std::vector<std::string>{std::to_string(e.id)});
    EXPECT_EQ(Column("SELECT min_x <= ?1 AND max_x >= ?2 AND min_y <= ?3 AND max_y >= ?4 AND "
                     "max_x - min_x < 1e-6 FROM t WHERE id = " +
                         std::to_string(e.id),
                     exact),
              std::vector<std::string>{"1"});
  }
  EXPECT_EQ(Check("t"), "ok");
}

TEST_F(RtreeLoadTest, AnIdGivenTwiceIsRefusedBeforeAnythingIsWritten) {
  Load(Entries(100, 5));
  std::vector<RtreeEntry> twice = {{7, 1, 1, 2, 2}, {8, 3, 3, 4, 4}, {7, 5, 5, 6, 6}};
  Exec("BEGIN");
  Status s = BulkLoadRtree(db_, "t", &twice);
  Exec("COMMIT");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("the id 7 was given twice"), std::string::npos) << s.ToString();
  EXPECT_EQ(Column("SELECT count(*) FROM t"), std::vector<std::string>{"100"});
  EXPECT_EQ(Check("t"), "ok");
}

TEST_F(RtreeLoadTest, ATableThatIsNotAnRtreeIsAnError) {
  std::vector<RtreeEntry> one = {{1, 0, 0, 0, 0}};
  Status s = BulkLoadRtree(db_, "missing", &one);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("missing_node"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace ecosol::store
