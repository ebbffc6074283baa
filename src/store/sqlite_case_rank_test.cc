#include "sqlite_case_rank.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "ecosol/store/store.h"
#include "test_store.h"

namespace ecosol::store {
namespace {

class CaseRankTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    auto lengths = RegisterCaseRank(db_);
    ASSERT_TRUE(lengths.ok()) << lengths.status().ToString();
    lengths_ = *lengths;
    Exec("CREATE VIRTUAL TABLE t USING fts5(title, body)");
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"water co-op", "clean water for the village, water kiosks"},
        {"housing", "a housing co-op builds homes; water and energy shared"},
        {"savings group", "women save together"},
        {"water", "water water water water water water water water water water water water"},
        {"energy co-op of a very long title about many other things", "solar water pumps"},
    };
    for (const auto& [title, body] : rows) {
      Exec("INSERT INTO t (title, body) VALUES ('" + title + "', '" + body + "')");
    }
  }
  void TearDown() override { sqlite3_close(db_); }

  void Exec(const std::string& sql) {
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
  }

  // (rowid, ecosol_case_rank, bm25) of the rows matching `match`.
  std::vector<std::tuple<long long, double, double>> Ranks(const std::string& match) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_,
                                 "SELECT rowid, ecosol_case_rank(t, 10.0, 1.0), bm25(t, 10.0, 1.0) "
                                 "FROM t WHERE t MATCH ? ORDER BY rowid",
                                 -1, &st, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db_);
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::tuple<long long, double, double>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      out.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1),
                       sqlite3_column_double(st, 2));
    }
    sqlite3_finalize(st);
    return out;
  }

  // Fills the lengths from t_docsize, as the store does.
  void ReadLengths() {
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db_, "SELECT id, sz FROM t_docsize", -1, &st, nullptr), SQLITE_OK);
    lengths_->by_rowid.assign(16, 0);
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string blob(static_cast<const char*>(sqlite3_column_blob(st, 1)),
                       static_cast<size_t>(sqlite3_column_bytes(st, 1)));
      auto total = DocsizeTotal(blob);
      ASSERT_TRUE(total.has_value());
      lengths_->by_rowid[static_cast<size_t>(sqlite3_column_int64(st, 0))] = *total;
    }
    sqlite3_finalize(st);
  }

  sqlite3* db_ = nullptr;
  CaseRankContext* lengths_ = nullptr;
};

TEST_F(CaseRankTest, IsFts5sBm25WithOrWithoutTheLengthsInMemory) {
  for (bool in_memory : {false, true}) {
    if (in_memory) ReadLengths();
    for (const char* match :
         {"water", "water OR co*", "water AND co", "energy OR housing", "\"water\" OR \"wat\"*"}) {
      auto ranks = Ranks(match);
      ASSERT_FALSE(ranks.empty()) << match;
      for (const auto& [rowid, mine, fts5] : ranks) {
        EXPECT_NEAR(mine, fts5, 1e-9) << match << " row " << rowid;
        EXPECT_LT(mine, 0) << match;  // negated: lower is better
      }
    }
  }
  // The title weighs ten times the body: row 1 (in its title) ranks above row 2 (once in its
  // body).
  auto ranks = Ranks("water");
  ASSERT_EQ(ranks.size(), 4u);
  EXPECT_LT(std::get<1>(ranks[0]), std::get<1>(ranks[1]));
}

TEST_F(CaseRankTest, ARowWrittenAfterTheLengthsWereReadIsRankedAsBm25Does) {
  ReadLengths();
  lengths_->by_rowid.resize(3);  // rows 3, 4 and 5 unknown
  for (const auto& [rowid, mine, fts5] : Ranks("water OR energy")) {
    EXPECT_NEAR(mine, fts5, 1e-9) << "row " << rowid;
  }
}

TEST_F(CaseRankTest, TakesTheRowCountsOfItsPhrasesFromTheCaller) {
  ReadLengths();
  const std::string match = "(\"water\" OR \"co\"*) AND \"energy\"";
  ASSERT_EQ(MatchPhrases(match), (std::vector<std::string>{"\"water\"", "\"co\"*", "\"energy\""}));
  lengths_->doc_counts = {4, 3, 2};  // as counted by the store: the rank is bm25's
  for (const auto& [rowid, mine, fts5] : Ranks(match)) EXPECT_NEAR(mine, fts5, 1e-9);
  lengths_->doc_counts = {1, 1, 1};  // other counts, another rank: they are used
  auto ranks = Ranks(match);
  ASSERT_FALSE(ranks.empty());
  EXPECT_GT(std::abs(std::get<1>(ranks[0]) - std::get<2>(ranks[0])), 1e-6);
  lengths_->doc_counts = {4, 3};  // not one per phrase: counted as bm25 does
  for (const auto& [rowid, mine, fts5] : Ranks(match)) EXPECT_NEAR(mine, fts5, 1e-9);
}

// Over a detail=column table (the actors' index, which keeps no positions) the rank counts
// each column a phrase appears in once (CaseRankContext::by_column). Where no word repeats
// within a column, that is FTS5's bm25 over the same rows indexed with their positions.
TEST_F(CaseRankTest, ByColumnIsBm25WithEachColumnOfARowCountedOnce) {
  auto by_column = RegisterCaseRank(db_, "ecosol_actor_rank");
  ASSERT_TRUE(by_column.ok()) << by_column.status().ToString();
  (*by_column)->by_column = true;
  Exec("CREATE VIRTUAL TABLE c USING fts5(title, body, detail=column)");
  Exec("CREATE VIRTUAL TABLE f USING fts5(title, body)");
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"water co-op", "clean water for the village kiosks"},
      {"housing", "a housing co-op builds homes with shared energy"},
      {"savings group", "women save together"},
      {"energy co-op of a very long title about many other things", "solar water pumps"},
  };
  for (const auto& [title, body] : rows) {
    for (const char* table : {"c", "f"}) {
      Exec(std::string("INSERT INTO ") + table + " (title, body) VALUES ('" + title + "', '" +
           body + "')");
    }
  }
  auto ranks = [&](const std::string& sql, const std::string& match) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db_);
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::pair<long long, double>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      out.emplace_back(sqlite3_column_int64(st, 0), sqlite3_column_double(st, 1));
    }
    sqlite3_finalize(st);
    return out;
  };
  for (const char* match : {"water", "housing", "water OR co*", "co AND energy", "\"wat\"*"}) {
    auto mine =
        ranks("SELECT rowid, ecosol_actor_rank(c, 10.0, 1.0) FROM c WHERE c MATCH ? ORDER BY rowid",
              match);
    auto bm25 =
        ranks("SELECT rowid, bm25(f, 10.0, 1.0) FROM f WHERE f MATCH ? ORDER BY rowid", match);
    ASSERT_FALSE(mine.empty()) << match;
    ASSERT_EQ(mine.size(), bm25.size()) << match;
    for (size_t i = 0; i < mine.size(); ++i) {
      EXPECT_EQ(mine[i].first, bm25[i].first) << match;
      EXPECT_NEAR(mine[i].second, bm25[i].second, 1e-9) << match << " row " << mine[i].first;
    }
  }
  // "housing" is in row 2's title and body: both columns count, the title ten times the body.
  auto housing =
      ranks("SELECT rowid, ecosol_actor_rank(c, 10.0, 1.0) FROM c WHERE c MATCH ?", "housing");
  auto title_only =
      ranks("SELECT rowid, ecosol_actor_rank(c, 10.0, 0.0) FROM c WHERE c MATCH ?", "housing");
  ASSERT_EQ(housing.size(), 1u);
  ASSERT_EQ(title_only.size(), 1u);
  EXPECT_LT(housing[0].second, title_only[0].second);
  // A word three times in a title counts once: it ranks lower (a greater negated score) than
  // by its instances, which ecosol_case_rank counts (here by reading the row's text again).
  Exec("INSERT INTO c (title, body) VALUES ('kiosk kiosk kiosk', 'kiosk')");
  auto once =
      ranks("SELECT rowid, ecosol_actor_rank(c, 10.0, 1.0) FROM c WHERE c MATCH ?", "kiosk");
  auto each = ranks("SELECT rowid, ecosol_case_rank(c, 10.0, 1.0) FROM c WHERE c MATCH ?", "kiosk");
  ASSERT_EQ(once.size(), 1u);
  ASSERT_EQ(each.size(), 1u);
  EXPECT_GT(once[0].second, each[0].second);
}

TEST(MatchPhrasesTest, ReadsQuotedPhrasesAndPrefixes) {
  EXPECT_EQ(MatchPhrases("(\"a\" OR \"b\"\"c\" OR \"d\"*)"),
            (std::vector<std::string>{"\"a\"", "\"b\"\"c\"", "\"d\"*"}));
  EXPECT_TRUE(MatchPhrases("").empty());
  EXPECT_TRUE(MatchPhrases("\"cut short").empty());
}

TEST(DocsizeTotalTest, SumsTheVarintsOfEachColumn) {
  EXPECT_EQ(DocsizeTotal(std::string("\x03\x07", 2)), 10u);
  EXPECT_EQ(DocsizeTotal(std::string("\x81\x00\x02", 3)), 130u);  // 128 in two bytes, then 2
  EXPECT_EQ(DocsizeTotal(""), 0u);
  EXPECT_EQ(DocsizeTotal(std::string("\x81", 1)), std::nullopt);  // cut short
}

// The store's actor searches rank with ecosol_actor_rank and the lengths read at the first
// search; actors written after it must be ranked by their new lengths, as bm25 would.
TEST(ActorRankTest, SearchesFollowTheLengthsOfActorsWrittenSinceTheFirstSearch) {
  testing::TestStore db("sqlite");
  ASSERT_TRUE(db.ok()) << db.error();
  Store& store = db.store();
  const std::string kLong = "Water kiosk of the valley and of the hills above the river";
  auto put = [&](const std::string& id, const std::string& name, int version) {
    model::Actor a;
    a.id = id;
    a.name = name;
    a.kind = model::ActorKind::kOrganisation;
    a.version = version;
    a.updated_at = "2026-12-01T00:00:00Z";
    ASSERT_TRUE(store.PutActor(a, version == 1 ? "create" : "update").ok()) << id;
  };
  auto ids = [&]() {
    ActorQuery q;
    q.q = "water";
    auto page = store.ListActors(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    if (page.ok()) {
      for (const model::Actor& a : page->items) out.push_back(a.id);
    }
    return out;
  };
  put("a", "Water", 1);
  put("b", kLong, 1);
  put("c", "Savings group", 1);
  // The shorter name first (the same word once in each).
  EXPECT_EQ(ids(), (std::vector<std::string>{"a", "b"}));
  // The lengths swap: so does the order.
  put("a", kLong, 2);
  put("b", "Water", 2);
  EXPECT_EQ(ids(), (std::vector<std::string>{"b", "a"}));
  // A new actor as short as b ties with it (then by row id), before a.
  put("d", "Water", 1);
  EXPECT_EQ(ids(), (std::vector<std::string>{"b", "d", "a"}));
}

}  // namespace
}  // namespace ecosol::store
