// The store contract: the same tests run on SQLite and on PostgreSQL. The PostgreSQL suite needs
// ECOSOL_TEST_PG_URL (a server the test may create schemas in); `make test` starts a throwaway
// cluster and sets it. Without it the PostgreSQL tests fail, so that a missing server is never
// mistaken for a pass.

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "ecosol/store/store.h"
#include "ecosol/text/search_text.h"
#include "sqlite_store.h"
#include "test_paths.h"

namespace ecosol::store {
namespace {

using model::Actor;
using model::ActorKind;
using model::Location;
using model::LocationPrecision;

JobRecord NewJob(const std::string& id, const std::string& kind, const std::string& state) {
  JobRecord j;
  j.id = id;
  j.kind = kind;
  j.state = state;
  j.params = "{}";
  j.created_at = j.updated_at = "t";
  return j;
}

std::string UniqueName(const char* prefix) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::string(prefix) + std::to_string(rd() % 1000000) + "_" + std::to_string(counter++);
}

class StoreContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string url;
    if (GetParam() == "sqlite") {
      path_ = std::filesystem::temp_directory_path() / (UniqueName("ecosol_store_") + ".db");
      url = path_.string();
    } else {
      const char* pg = std::getenv("ECOSOL_TEST_PG_URL");
      ASSERT_NE(pg, nullptr) << "ECOSOL_TEST_PG_URL is not set: run the tests with `make test`, "
                                "which starts a throwaway PostgreSQL cluster";
      schema_ = UniqueName("t_");
      pg_url_ = pg;
      RunPg("CREATE SCHEMA " + schema_);
      url = pg_url_ + (pg_url_.find('?') == std::string::npos ? "?" : "&") +
            "options=-csearch_path%3D" + schema_;
    }
    url_ = url;
    auto store = OpenStore(url);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate().ok());
  }

  void TearDown() override {
    store_.reset();
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path_.string() + suffix);
      }
    }
    if (!schema_.empty()) RunPg("DROP SCHEMA " + schema_ + " CASCADE");
  }

  void RunPg(const std::string& sql) {
    PGconn* c = PQconnectdb(pg_url_.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PGresult* r = PQexec(c, ("SET client_min_messages = warning; " + sql).c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
  }

  static Actor MakeActor(const std::string& id, const std::string& name, double lat, double lon) {
    Actor a;
    a.id = id;
    a.name = name;
    a.kind = ActorKind::kOrganisation;
    a.address.country = "GB";
    a.location = Location{lat, lon, LocationPrecision::kExact};
    a.version = 1;
    a.updated_at = "2026-11-28T00:00:00Z";
    return a;
  }

  // Filters on actors "a" (activity ICA140, structure OS60) and "b" (a network whose primary
  // activity is ICA140), written by FiltersAndBBox and BulkLoadBuildsEveryIndex.
  void ExpectFiltersFindAlphaAndBeta() {
    ActorQuery q;
    q.activity = "ICA140";
    EXPECT_EQ(Ids(q), (std::vector<std::string>{"a", "b"}));
    q.structure = "OS60";
    EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
    q = ActorQuery();
    q.kind = ActorKind::kNetwork;
    EXPECT_EQ(Ids(q), std::vector<std::string>{"b"});
  }

  std::vector<std::string> Ids(const ActorQuery& q) {
    auto page = store_->ListActors(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const Actor& a : page->items) ids.push_back(a.id);
    }
    return ids;
  }

  std::unique_ptr<Store> store_;
  std::filesystem::path path_;
  std::string url_;  // of store_, to open other connections to the same database
  std::string schema_;
  std::string pg_url_;
};

TEST_P(StoreContractTest, MigrateIsIdempotentAndVersioned) {
  ASSERT_TRUE(store_->Migrate().ok());
  auto v = store_->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_GE(*v, 1);
  EXPECT_EQ(store_->Backend(), GetParam());
}

// Several servers starting together on a new database (issue 10): each migrates it, and every
// migration is applied once. Without the migration lock, PostgreSQL failed this with "duplicate
// key value violates unique constraint pg_type_typname_nsp_index" and "relation already exists".
TEST_P(StoreContractTest, ProcessesMigratingTogetherApplyEachMigrationOnce) {
  std::string url;
  std::filesystem::path path;
  std::string schema;
  if (GetParam() == "sqlite") {
    path = std::filesystem::temp_directory_path() / (UniqueName("ecosol_migrate_") + ".db");
    url = path.string();
  } else {
    schema = UniqueName("m_");
    RunPg("CREATE SCHEMA " + schema);
    url = pg_url_ + (pg_url_.find('?') == std::string::npos ? "?" : "&") +
          "options=-csearch_path%3D" + schema;
  }
  const int latest = *store_->SchemaVersion();
  constexpr size_t kProcesses = 4;
  std::vector<std::unique_ptr<Store>> stores;
  for (size_t i = 0; i < kProcesses; ++i) {
    auto s = OpenStore(url);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    stores.push_back(std::move(*s));
  }
  std::vector<Status> results(kProcesses, Status::Ok());
  {
    std::vector<std::thread> threads;
    for (size_t i = 0; i < kProcesses; ++i) {
      threads.emplace_back([&, i] { results[i] = stores[i]->Migrate(); });
    }
    for (std::thread& t : threads) t.join();
  }
  for (size_t i = 0; i < kProcesses; ++i) {
    EXPECT_TRUE(results[i].ok()) << "store " << i << ": " << results[i].ToString();
    auto v = stores[i]->SchemaVersion();
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, latest);
  }
  // The migrated database works: a write through one store is read through another.
  ASSERT_TRUE(stores[0]->PutActor(MakeActor("m1", "Migrated Co-op", 51.5, -0.1), "create").ok());
  auto got = stores[kProcesses - 1]->GetActor("m1");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  EXPECT_EQ((*got)->name, "Migrated Co-op");
  stores.clear();
  if (!path.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  if (!schema.empty()) RunPg("DROP SCHEMA " + schema + " CASCADE");
}

TEST_P(StoreContractTest, PutGetAndHistory) {
  Actor a = MakeActor("a1", "Suma Wholefoods", 53.7, -1.8);
  a.identifiers = {{"coops-uk", "R1"}};
  a.description = {{"en", "A workers' co-operative"}};
  ASSERT_TRUE(store_->PutActor(a, "create").ok());
  a.version = 2;
  a.website = "https://suma.coop";
  ASSERT_TRUE(store_->PutActor(a, "update").ok());
  auto got = store_->GetActor("a1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, a);
  auto history = store_->ActorHistory("a1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].change, "create");
  EXPECT_EQ((*history)[0].actor.website, "");
  EXPECT_EQ((*history)[1].actor.website, "https://suma.coop");
  auto missing = store_->GetActor("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(StoreContractTest, IdentifiersAreUniquePerScheme) {
  Actor a = MakeActor("a1", "One", 50, 0);
  a.identifiers = {{"coops-uk", "R1"}};
  ASSERT_TRUE(store_->PutActor(a, "create").ok());
  auto found = store_->FindByIdentifier("coops-uk", "R1");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ(**found, "a1");
  Actor b = MakeActor("b1", "Two", 50, 0);
  b.identifiers = {{"coops-uk", "R1"}};
  Status s = store_->PutActor(b, "create");
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  // The failed put left nothing behind.
  auto got = store_->GetActor("b1");
  ASSERT_TRUE(got.ok());
  EXPECT_FALSE(got->has_value());
}

TEST_P(StoreContractTest, TransactionRollsBackOnError) {
  Status s = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutActor(MakeActor("x1", "X", 1, 1), "create"));
    return InvalidArgument("row 2 is bad");
  });
  EXPECT_FALSE(s.ok());
  auto count = store_->CountActors();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 0);
}

TEST_P(StoreContractTest, SearchIsAccentAndLanguageInsensitiveAndRanked) {
  Actor fr = MakeActor("fr", "Coopérative d'habitants", 48.8, 2.3);
  fr.address.country = "FR";
  Actor es = MakeActor("es", "Cooperativas agrarias unidas", 40.4, -3.7);
  Actor other = MakeActor("other", "Housing association", 51.5, -0.1);
  other.description = {{"en", "works with a cooperative bank"}};
  for (const Actor& a : {fr, es, other}) ASSERT_TRUE(store_->PutActor(a, "create").ok());
  ActorQuery q;
  q.q = "COOPERATIVE";
  auto ids = Ids(q);
  ASSERT_EQ(ids.size(), 3u);
  // Name matches rank above a match in the description.
  EXPECT_EQ(ids.back(), "other");
  q.country = "FR";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"fr"});
  q = ActorQuery();
  q.q = "habitant";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"fr"});
  q.q = "hous";  // prefix of the last word
  EXPECT_EQ(Ids(q), std::vector<std::string>{"other"});
}

// A search for the public among many better-ranked private actors: every public match is
// listed once across the pages, whether the best ranked rows hold enough of them (bread) or not
// (water: 120 private actors with shorter names rank first).
TEST_P(StoreContractTest, SearchesForThePublicPageThroughTheActorsItMaySee) {
  ASSERT_TRUE(
      store_
          ->InTransaction([&]() -> Status {
            for (int i = 0; i < 120; ++i) {
              Actor p = MakeActor("p" + std::to_string(i), i < 3 ? "Bread" : "Water", 50, 0);
              p.visibility = model::Visibility::kPrivate;
              ECOSOL_RETURN_IF_ERROR(store_->PutActor(p, "create"));
            }
            for (int i = 0; i < 5; ++i) {
              const std::string n = std::to_string(i);
              ECOSOL_RETURN_IF_ERROR(store_->PutActor(
                  MakeActor("v" + n, "Water and bread kiosk " + n + " of the valley", 50, 0),
                  "create"));
            }
            return Status::Ok();
          })
          .ok());
  for (const char* word : {"water", "bread"}) {
    ActorQuery q;
    q.q = word;
    q.limit = 2;
    std::vector<std::string> seen;
    for (int page = 0; page < 10; ++page) {
      auto got = store_->ListActors(q);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      for (const Actor& a : got->items) seen.push_back(a.id);
      if (got->next_cursor.empty()) break;
      q.cursor = got->next_cursor;
    }
    std::sort(seen.begin(), seen.end());
    EXPECT_EQ(seen, (std::vector<std::string>{"v0", "v1", "v2", "v3", "v4"})) << word;
  }
  // Those who may see everything get the private ones first.
  ActorQuery all;
  all.q = "bread";
  all.limit = 3;
  all.audience.everything = true;
  auto ids = Ids(all);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"p0", "p1", "p2"}));
}

TEST_P(StoreContractTest, UpdatedTextIsReindexed) {
  Actor a = MakeActor("a", "Old bakery", 50, 0);
  ASSERT_TRUE(store_->PutActor(a, "create").ok());
  a.name = "New brewery";
  a.version = 2;
  ASSERT_TRUE(store_->PutActor(a, "update").ok());
  ActorQuery q;
  q.q = "bakery";
  EXPECT_TRUE(Ids(q).empty());
  q.q = "brewery";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
}

TEST_P(StoreContractTest, FiltersAndBBox) {
  Actor a = MakeActor("a", "Alpha", 51.5, -0.1);  // London
  a.activities = {"ICA140"};
  a.structures = {"OS60"};
  Actor b = MakeActor("b", "Beta", 53.5, -2.2);  // Manchester
  b.kind = ActorKind::kNetwork;
  b.primary_activity = "ICA140";
  Actor h = MakeActor("h", "Hidden", 51.5, -0.1);
  h.location->precision = LocationPrecision::kHidden;
  for (const Actor& x : {a, b, h}) ASSERT_TRUE(store_->PutActor(x, "create").ok());
  ExpectFiltersFindAlphaAndBeta();
  ActorQuery q;
  q.bbox = BBox{-1, 51, 0, 52};
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});  // the hidden actor is not found by place
  bool truncated = true;
  auto points = store_->MapPoints(ActorQuery(), 10, &truncated);
  ASSERT_TRUE(points.ok());
  EXPECT_EQ(points->size(), 2u);
  EXPECT_FALSE(truncated);
  points = store_->MapPoints(ActorQuery(), 1, &truncated);
  ASSERT_TRUE(points.ok());
  EXPECT_EQ(points->size(), 1u);
  EXPECT_TRUE(truncated);
}

// The index definitions of a SQLite database (name and SQL), to check that a bulk load rebuilds
// exactly what the migrations create.
std::vector<std::string> SqliteIndexes(const std::string& path) {
  sqlite3* db = nullptr;
  std::vector<std::string> out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name || ': ' || COALESCE(sql, '') FROM sqlite_master "
                       "WHERE type IN ('index', 'trigger') ORDER BY name",
                       -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// A bulk load into an empty registry (SQLite defers its indexes to the end) gives the same
// results as writing row by row: filters, boxes, search, identifiers, history, later updates.
// FTS5's verdict on the actors' full-text index against the actors' forms ("ok" when they
// agree, else its error).
std::string SqliteFtsCheck(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out = "could not open " + path;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    char* error = nullptr;
    const int rc =
        sqlite3_exec(db, "INSERT INTO actors_fts (actors_fts) VALUES ('integrity-check')", nullptr,
                     nullptr, &error);
    out = rc == SQLITE_OK ? "ok" : (error ? error : sqlite3_errstr(rc));
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return out;
}

// The CREATE statement of `name` in the SQLite database at `path` ("" when there is none).
std::string SqliteSchemaOf(const std::string& path, const std::string& name) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = ?", -1, &st, nullptr) ==
        SQLITE_OK) {
      sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

TEST_P(StoreContractTest, BulkLoadBuildsEveryIndex) {
  std::vector<std::string> indexes_before;
  if (GetParam() == "sqlite") indexes_before = SqliteIndexes(path_.string());
  Actor a = MakeActor("a", "Alpha Housing Co-operative", 51.5, -0.1);  // London
  a.activities = {"ICA140"};
  a.structures = {"OS60"};
  a.identifiers = {{"src", "A1"}};
  a.territory = "GB/london";
  Actor b = MakeActor("b", "Beta Bakery", 53.5, -2.2);  // Manchester
  b.kind = ActorKind::kNetwork;
  b.primary_activity = "ICA140";
  b.description = {{"en", "housing advice"}};
  Actor h = MakeActor("h", "Hidden Housing", 51.5, -0.1);
  h.location->precision = LocationPrecision::kHidden;
  Status s = store_->InTransaction([&]() -> Status {
    auto empty = store_->BeginBulkLoad();
    if (!empty.ok()) return empty.status();
    if (!*empty) return Internal("the registry was empty");
    for (const Actor& x : {a, b, h}) ECOSOL_RETURN_IF_ERROR(store_->PutActor(x, "create"));
    auto found = store_->FindByIdentifier("src", "A1");  // lookups work during the load
    if (!found.ok() || !found->has_value()) return Internal("identifier not found during load");
    auto taken = store_->ActorIdTaken("b");
    if (!taken.ok() || !*taken) return Internal("id not found during load");
    return store_->EndBulkLoad();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  if (GetParam() == "sqlite") {
    EXPECT_EQ(SqliteIndexes(path_.string()), indexes_before);
    EXPECT_EQ(SqliteFtsCheck(path_.string()), "ok");  // indexed row by row during the load
  }

  ExpectFiltersFindAlphaAndBeta();
  ActorQuery q;
  q.bbox = BBox{-1, 51, 0, 52};
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q = ActorQuery();
  q.q = "housing";
  EXPECT_EQ(Ids(q).size(), 3u);
  auto in_london = store_->CountActorsIn("GB/london");
  ASSERT_TRUE(in_london.ok());
  EXPECT_EQ(*in_london, 1);
  // An update after the load replaces the indexed text.
  a.version = 2;
  a.name = "Alpha Bakery";
  ASSERT_TRUE(store_->PutActor(a, "update").ok());
  q.q = "housing";
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"h", "b"}));
  auto history = store_->ActorHistory("a");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].actor.name, "Alpha Housing Co-operative");
  EXPECT_EQ((*history)[1].change, "update");
  if (GetParam() == "sqlite") {
    EXPECT_EQ(SqliteFtsCheck(path_.string()), "ok");
  }
}

// SQLite's R*Tree verdict on the actors' spatial index ("ok" when sound).
std::string SqliteRtreeCheck(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out = "could not open " + path;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT rtreecheck('actors_rtree')", -1, &st, nullptr);
    if (sqlite3_step(st) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// The spatial index a bulk load builds (on SQLite, an R*Tree written packed, several levels
// deep here) finds in any box exactly the actors whose coordinates lie in it, also after
// row-by-row writes have moved, added and deleted actors.
TEST_P(StoreContractTest, BulkLoadBuildsASpatialIndexThatFindsEveryActorInABox) {
  std::mt19937 rng(26);
  std::uniform_real_distribution<double> lat(49.9, 58.7), lon(-8.2, 1.8);
  std::map<std::string, Actor> actors;
  for (int i = 0; i < 3000; ++i) {
    const std::string id = "g" + std::to_string(i);
    actors.emplace(id, MakeActor(id, "Grid " + std::to_string(i), lat(rng), lon(rng)));
  }
  Status s = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->BeginBulkLoad().status());
    for (const auto& [id, a] : actors) ECOSOL_RETURN_IF_ERROR(store_->PutActor(a, "create"));
    return store_->EndBulkLoad();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto expect_boxes_right = [&](unsigned seed) {
    std::mt19937 box_rng(seed);
    std::uniform_real_distribution<double> size(0.05, 2.0);
    for (int i = 0; i < 40; ++i) {
      const double w = size(box_rng), x = lon(box_rng), y = lat(box_rng);
      ActorQuery q;
      q.bbox = BBox{x, y, x + w, y + w / 2};
      q.limit = 5000;
      std::vector<std::string> expected;
      for (const auto& [id, a] : actors) {
        if (a.deleted) continue;
        const Location& l = *a.location;
        if (l.lon >= x && l.lon <= x + w && l.lat >= y && l.lat <= y + w / 2) {
          expected.push_back(id);
        }
      }
      std::vector<std::string> found = Ids(q);
      std::sort(found.begin(), found.end());
      EXPECT_EQ(found, expected) << "box " << x << " " << y << " " << w;
    }
  };
  expect_boxes_right(1);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(SqliteRtreeCheck(path_.string()), "ok");
  }

  for (int i = 0; i < 3000; i += 7) {  // moved, deleted, added
    Actor& a = actors.at("g" + std::to_string(i));
    a.version += 1;
    if (i % 2) {
      a.location->lat = lat(rng);
      a.location->lon = lon(rng);
      ASSERT_TRUE(store_->PutActor(a, "update").ok());
    } else {
      a.deleted = true;
      ASSERT_TRUE(store_->PutActor(a, "delete").ok());
    }
    const std::string id = "n" + std::to_string(i);
    actors.emplace(id, MakeActor(id, "New " + std::to_string(i), lat(rng), lon(rng)));
    ASSERT_TRUE(store_->PutActor(actors.at(id), "create").ok());
  }
  expect_boxes_right(2);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(SqliteRtreeCheck(path_.string()), "ok");
  }
}

// A bulk load tunes its connection for the load only: afterwards, committed or rolled back, the
// connection has its usual settings again (on SQLite, a page cache of 32 MiB instead of the
// load's 256 MiB; on PostgreSQL the load's work_mem is SET LOCAL, ended by the transaction).
TEST(SqliteBulkLoadTest, ABulkLoadGivesItsConnectionBackItsUsualSettings) {
  const auto path = std::filesystem::temp_directory_path() / (UniqueName("ecosol_bulk_") + ".db");
  {
    auto opened = OpenStore(path.string());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Store& store = **opened;
    ASSERT_TRUE(store.Migrate().ok());
    auto before = SqliteCacheSize(store);
    ASSERT_TRUE(before.ok()) << before.status().ToString();
    EXPECT_EQ(*before, -32768);
    EXPECT_EQ(*SqliteMmapSize(store), 0);
    EXPECT_EQ(*SqliteTempStore(store), 2);
    for (bool fail : {false, true}) {
      long long during = 0;
      long long mapped_during = 0;
      Status s = store.InTransaction([&]() -> Status {
        ECOSOL_RETURN_IF_ERROR(store.BeginBulkLoad().status());
        Actor a;
        a.id = fail ? "f" : "c";
        a.name = fail ? "Failed" : "Committed";
        a.kind = ActorKind::kOrganisation;
        a.version = 1;
        a.updated_at = "2026-12-02T00:00:00Z";
        ECOSOL_RETURN_IF_ERROR(store.PutActor(a, "create"));
        auto size = SqliteCacheSize(store);
        if (!size.ok()) return size.status();
        during = *size;
        auto mapped = SqliteMmapSize(store);
        if (!mapped.ok()) return mapped.status();
        mapped_during = *mapped;
        // The indexes built at the end are sorted in temporary files (BuildDeferredIndexes);
        // the load's settings are back after them.
        ECOSOL_RETURN_IF_ERROR(store.EndBulkLoad());
        auto size_after_indexes = SqliteCacheSize(store);
        if (!size_after_indexes.ok()) return size_after_indexes.status();
        EXPECT_EQ(*size_after_indexes, -262144);
        auto temp_after_indexes = SqliteTempStore(store);
        if (!temp_after_indexes.ok()) return temp_after_indexes.status();
        EXPECT_EQ(*temp_after_indexes, 2);
        return fail ? InvalidArgument("a bad row") : Status::Ok();
      });
      EXPECT_EQ(s.ok(), !fail) << s.ToString();
      EXPECT_EQ(during, -262144);
      auto after = SqliteCacheSize(store);
      ASSERT_TRUE(after.ok()) << after.status().ToString();
      EXPECT_EQ(*after, -32768) << (fail ? "after a rollback" : "after a commit");
      EXPECT_EQ(mapped_during, 2147418112);
      EXPECT_EQ(*SqliteMmapSize(store), 0) << (fail ? "after a rollback" : "after a commit");
      EXPECT_EQ(*SqliteTempStore(store), 2) << (fail ? "after a rollback" : "after a commit");
    }
    EXPECT_EQ(*store.CountActors(), 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// A bulk load that fails is rolled back whole, its dropped indexes included.
TEST_P(StoreContractTest, FailedBulkLoadLeavesTheRegistryAsItWas) {
  std::vector<std::string> indexes_before;
  if (GetParam() == "sqlite") indexes_before = SqliteIndexes(path_.string());
  Status s = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->BeginBulkLoad().status());
    ECOSOL_RETURN_IF_ERROR(store_->PutActor(MakeActor("x", "Xenia Housing", 50, 0), "create"));
    return InvalidArgument("line 3 is bad");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(SqliteIndexes(path_.string()), indexes_before);
  }
  EXPECT_EQ(*store_->CountActors(), 0);
  // Row-by-row writes index as before.
  ASSERT_TRUE(store_->PutActor(MakeActor("y", "Yew Housing", 50, 0), "create").ok());
  ActorQuery q;
  q.q = "housing";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"y"});
  q = ActorQuery();
  q.bbox = BBox{-1, 49, 1, 51};
  EXPECT_EQ(Ids(q), std::vector<std::string>{"y"});
}

// A listing by box alone is ordered by name, pages with cursors, and uses exact coordinates.
// Boxes include their edges, also for coordinates no single-precision float holds exactly
// (SQLite's R*Tree keeps such bounds rounded outwards).
TEST_P(StoreContractTest, BoxesIncludeActorsOnTheirEdges) {
  const double lat = 51.123456789, lon = -0.987654321;
  ASSERT_TRUE(store_->PutActor(MakeActor("corner", "Corner", lat, lon), "create").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("edge", "Edge", lat + 0.01, lon), "create").ok());
  for (const BBox& box : {BBox{lon, lat, lon + 0.1, lat + 0.1},
                          BBox{lon - 0.1, lat - 0.1, lon, lat}, BBox{lon, lat, lon, lat + 0.01}}) {
    ActorQuery q;
    q.bbox = box;
    auto by_box = store_->ListActors(q);
    ASSERT_TRUE(by_box.ok()) << by_box.status().ToString();
    q.kind = ActorKind::kOrganisation;  // with another filter: another query plan
    auto filtered = store_->ListActors(q);
    ASSERT_TRUE(filtered.ok());
    std::vector<std::string> ids, filtered_ids;
    for (const Actor& a : by_box->items) ids.push_back(a.id);
    for (const Actor& a : filtered->items) filtered_ids.push_back(a.id);
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids[0], "corner");
    EXPECT_EQ(ids, filtered_ids);
  }
}

TEST_P(StoreContractTest, BoxListingIsByNameExactAndPaged) {
  std::vector<std::string> expected;
  for (int i = 0; i < 25; ++i) {
    std::string name = std::string(1, static_cast<char>('z' - i)) + " co-op";
    Actor a = MakeActor("in" + std::to_string(i), name, 51.0 + i * 0.01, -0.5 + i * 0.01);
    ASSERT_TRUE(store_->PutActor(a, "create").ok());
    expected.push_back(a.id);
  }
  std::reverse(expected.begin(), expected.end());  // by name: "f co-op" ... "z co-op"
  // Just outside the box's edges (closer than a single-precision float can tell).
  ASSERT_TRUE(store_->PutActor(MakeActor("out1", "a out", 50.9999999, 0), "create").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("out2", "b out", 51.1, 0.0000001), "create").ok());
  Actor gone = MakeActor("gone", "c gone", 51.1, -0.1);
  ASSERT_TRUE(store_->PutActor(gone, "create").ok());
  gone.deleted = true;
  gone.version = 2;
  ASSERT_TRUE(store_->PutActor(gone, "delete").ok());
  ActorQuery q;
  q.bbox = BBox{-0.5, 51.0, 0.0, 52.0};
  q.limit = 10;
  std::vector<std::string> seen;
  for (int page = 0; page < 5; ++page) {
    auto result = store_->ListActors(q);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    for (const Actor& a : result->items) seen.push_back(a.id);
    if (result->next_cursor.empty()) break;
    q.cursor = result->next_cursor;
  }
  EXPECT_EQ(seen, expected);
}

// An approximate location is known to listings, maps and boxes only rounded to 0.01 degree
// (about 1 km): narrowing a box around the true place finds nothing, and only a box around the
// rounded point does. Restricted records are listed only to audiences that may see them.
TEST_P(StoreContractTest, BoxesKnowApproximateLocationsOnlyRoundedAndRestrictedRecordsNot) {
  Actor a = MakeActor("routes", "Safe routes", 26.84671, 80.94621);
  a.location->precision = LocationPrecision::kApproximate;
  ASSERT_TRUE(store_->PutActor(a, "create").ok());
  Actor b = MakeActor("closed", "Closed group", 26.9, 80.9);
  b.visibility = model::Visibility::kNetwork;
  b.territory = "GB/wales";
  ASSERT_TRUE(store_->PutActor(b, "create").ok());
  auto ids = [&](ActorQuery q) {
    std::vector<std::string> out;
    auto page = store_->ListActors(q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      for (const Actor& x : page->items) out.push_back(x.id);
    }
    return out;
  };
  ActorQuery near_truth;
  near_truth.bbox = BBox{80.9462, 26.8467, 80.9463, 26.8468};
  EXPECT_TRUE(ids(near_truth).empty());
  ActorQuery near_rounded;
  near_rounded.bbox = BBox{80.949, 26.849, 80.951, 26.851};
  EXPECT_EQ(ids(near_rounded), std::vector<std::string>{"routes"});
  bool truncated = false;
  auto points = store_->MapPoints(near_rounded, 10, &truncated);
  ASSERT_TRUE(points.ok());
  ASSERT_EQ(points->size(), 1u);
  EXPECT_DOUBLE_EQ((*points)[0].lat, 26.85);
  // The stored document keeps the exact place for those who may see it.
  EXPECT_DOUBLE_EQ((*store_->GetActor("routes"))->location->lat, 26.84671);

  ActorQuery all;
  all.bbox = BBox{80, 26, 81, 27};
  EXPECT_EQ(ids(all), std::vector<std::string>{"routes"});
  all.q = "closed";
  all.bbox.reset();
  EXPECT_TRUE(ids(all).empty());
  all.audience.actor_ids = {"closed"};
  EXPECT_EQ(ids(all), std::vector<std::string>{"closed"});
  all.audience = {};
  all.audience.network_ids = {"closed"};
  EXPECT_EQ(ids(all), std::vector<std::string>{"closed"});  // a network record
  Actor c = MakeActor("sealed", "Sealed", 10.5, 10.5);
  c.visibility = model::Visibility::kPrivate;
  c.territory = "GB/wales";
  ASSERT_TRUE(store_->PutActor(c, "create").ok());
  ActorQuery sealed;
  sealed.bbox = BBox{10, 10, 11, 11};
  sealed.audience.network_ids = {"sealed"};
  sealed.audience.territories = {"GB"};
  EXPECT_TRUE(ids(sealed).empty());  // a private record is not seen at network level
  sealed.audience.actor_ids = {"sealed"};
  EXPECT_EQ(ids(sealed), std::vector<std::string>{"sealed"});
  all.audience = {};
  all.audience.everything = true;
  EXPECT_EQ(ids(all), std::vector<std::string>{"closed"});
  all.q.clear();
  all.audience = {};
  all.audience.territories = {"GB"};
  all.bbox = BBox{80, 26, 81, 27};
  EXPECT_EQ(ids(all), (std::vector<std::string>{"closed", "routes"}));
  EXPECT_EQ(*store_->CountActorsIn("GB"), 0);  // public counts: "routes" has no territory
}

// The generation moves on with every committed change, and only then.
TEST_P(StoreContractTest, GenerationMovesOnWithEveryCommittedChange) {
  auto g0 = store_->Generation();
  ASSERT_TRUE(g0.ok()) << g0.status().ToString();
  ASSERT_TRUE(store_->PutActor(MakeActor("a", "A", 50, 0), "create").ok());
  long long g1 = *store_->Generation();
  EXPECT_GT(g1, *g0);
  ASSERT_TRUE(store_->GetActor("a").ok());
  ASSERT_TRUE(store_->ListActors(ActorQuery()).ok());
  EXPECT_EQ(*store_->Generation(), g1);  // reads change nothing
  Status failed = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutActor(MakeActor("b", "B", 50, 0), "create"));
    return InvalidArgument("no");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(*store_->Generation(), g1);  // rolled back
  ASSERT_TRUE(store_->PutSourceAttribution("src", "Contains open data").ok());
  long long g2 = *store_->Generation();
  EXPECT_GT(g2, g1);
  ASSERT_TRUE(store_->PutTerritory({"GB", "", "United Kingdom", "country", std::nullopt}).ok());
  EXPECT_GT(*store_->Generation(), g2);
}

// What ActorChanges reports: id, key and listed state of the actors written after a generation.
std::vector<std::string> Changes(Store& store, long long since) {
  std::vector<std::string> out;
  Status s = store.ActorChanges(since, [&](ActorChange&& c) -> Status {
    std::string line = c.sort_name + (c.located ? " located " + c.located->id : " not listed");
    if (c.located) {
      line += " " + std::to_string(c.located->location->lat);
    }
    out.push_back(line);
    return Status::Ok();
  });
  if (!s.ok()) out.push_back("error: " + s.ToString());
  return out;
}

// A reader that read the generation and then the changes since its last one misses nothing.
TEST_P(StoreContractTest, ActorChangesSinceAGeneration) {
  Actor a = MakeActor("a", "Alpha", 50, 0);
  Actor b = MakeActor("b", "Beta", 51, 0);
  b.location.reset();
  Actor h = MakeActor("h", "Hidden", 52, 0);
  h.location->precision = LocationPrecision::kHidden;
  for (const Actor& x : {a, b, h}) ASSERT_TRUE(store_->PutActor(x, "create").ok());
  EXPECT_EQ(Changes(*store_, -1),
            (std::vector<std::string>{"alpha located a 50.000000", "beta not listed",
                                      "hidden not listed"}));
  long long g1 = *store_->Generation();
  EXPECT_TRUE(Changes(*store_, g1).empty());
  a.version = 2;
  a.location->lat = 49;
  ASSERT_TRUE(store_->PutActor(a, "update").ok());
  long long g2 = *store_->Generation();
  EXPECT_EQ(Changes(*store_, g1), std::vector<std::string>{"alpha located a 49.000000"});
  // A rolled-back write and a change to something else than actors are not actor changes.
  Status failed = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutActor(MakeActor("c", "C", 50, 0), "create"));
    return InvalidArgument("no");
  });
  EXPECT_FALSE(failed.ok());
  ASSERT_TRUE(store_->PutSourceAttribution("src", "Contains open data").ok());
  EXPECT_TRUE(Changes(*store_, g2).empty());
  long long g3 = *store_->Generation();
  a.version = 3;
  a.deleted = true;
  ASSERT_TRUE(store_->PutActor(a, "delete").ok());
  h.version = 2;
  h.location->precision = LocationPrecision::kExact;
  ASSERT_TRUE(store_->PutActor(h, "update").ok());
  EXPECT_EQ(Changes(*store_, g3),
            (std::vector<std::string>{"alpha not listed", "hidden located h 52.000000"}));
  EXPECT_EQ(Changes(*store_, -1).size(), 3u);
}

// What a cached first page of a search needs to know: which actors changed since, whether each
// matches the words now, and the row ids the page read.
TEST_P(StoreContractTest, SearchChangesSinceAGeneration) {
  for (const Actor& x :
       {MakeActor("a", "Riverside housing co-op", 50, 0),
        MakeActor("b", "Hilltop housing co-op", 50, 0), MakeActor("c", "Village bakery", 50, 0)}) {
    ASSERT_TRUE(store_->PutActor(x, "create").ok());
  }
  ActorQuery q;
  q.q = "housing";
  q.limit = 1;
  auto page = store_->ListActors(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  // The page's match and the one read to know a next page exists.
  EXPECT_EQ(page->matched_rids.size(), 2u);
  long long g1 = *store_->Generation();
  auto none = store_->SearchChangesSince(g1, "housing", 10);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(none->too_many);
  EXPECT_TRUE(none->changed.empty());
  // A bakery renamed: changed, not matching; a new housing actor: matching (by a word's form).
  Actor c = MakeActor("c", "Village brewery", 50, 0);
  c.version = 2;
  ASSERT_TRUE(store_->PutActor(c, "update").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("d", "Seaside Housings", 50, 0), "create").ok());
  auto two = store_->SearchChangesSince(g1, "housing", 10);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_FALSE(two->too_many);
  ASSERT_EQ(two->changed.size(), 2u);
  EXPECT_FALSE(two->changed[0].matches);
  EXPECT_TRUE(two->changed[1].matches);
  EXPECT_NE(two->changed[0].rid, two->changed[1].rid);
  for (const auto& changed : two->changed) {
    EXPECT_EQ(std::count(page->matched_rids.begin(), page->matched_rids.end(), changed.rid), 0);
  }
  // One of the page's matches deleted: its row id is reported (no longer matching).
  Actor a = MakeActor("a", "Riverside housing co-op", 50, 0);
  a.version = 2;
  a.deleted = true;
  long long g2 = *store_->Generation();
  ASSERT_TRUE(store_->PutActor(a, "delete").ok());
  auto deleted = store_->SearchChangesSince(g2, "housing", 10);
  ASSERT_TRUE(deleted.ok());
  ASSERT_EQ(deleted->changed.size(), 1u);
  EXPECT_EQ(
      std::count(page->matched_rids.begin(), page->matched_rids.end(), deleted->changed[0].rid), 1);
  // Whether an actor matches is the search's own answer: every word by one of its forms, the last
  // word also as a prefix, in any script.
  long long g3 = *store_->Generation();
  ASSERT_TRUE(store_->PutActor(MakeActor("e", "Coopérative d'habitants", 50, 0), "create").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("f", "Жилищный кооператив", 50, 0), "create").ok());
  auto matching = [&](const std::string& words) {
    std::vector<bool> out;
    auto changes = store_->SearchChangesSince(g3, words, 10);
    EXPECT_TRUE(changes.ok()) << changes.status().ToString();
    if (changes.ok()) {
      for (const auto& changed : changes->changed) out.push_back(changed.matches);
    }
    return out;
  };
  for (const char* words : {"cooperative habitant", "habit", "COOPERATIVES", "кооператив", "кооп",
                            "habitants bakery", "cooperative zzz", "zzz"}) {
    ActorQuery search;
    search.q = words;
    std::vector<std::string> found = Ids(search);
    EXPECT_EQ(matching(words), (std::vector<bool>{std::count(found.begin(), found.end(), "e") > 0,
                                                  std::count(found.begin(), found.end(), "f") > 0}))
        << words;
  }
  EXPECT_EQ(matching("habit"), (std::vector<bool>{true, false}));
  EXPECT_EQ(matching("кооп"), (std::vector<bool>{false, true}));
  // More changes than asked about.
  auto many = store_->SearchChangesSince(g1, "housing", 2);
  ASSERT_TRUE(many.ok());
  EXPECT_TRUE(many->too_many);
}

// Changes are read in pages: a large write is read whole, each actor once.
TEST_P(StoreContractTest, ActorChangesReadsEveryRowOfALargeWrite) {
  long long g0 = *store_->Generation();
  const int n = 4500;  // more than two pages
  Status s = store_->InTransaction([&]() -> Status {
    for (int i = 0; i < n; ++i) {
      ECOSOL_RETURN_IF_ERROR(store_->PutActor(
          MakeActor("id" + std::to_string(i), "N" + std::to_string(i), 50, 0), "create"));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  // Then single writes in later generations, one of them moving an actor of the large write.
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(
        store_->PutActor(MakeActor("later" + std::to_string(i), "L", 50, 0), "create").ok());
  }
  Actor moved = MakeActor("id7", "N7", 51, 1);
  moved.version = 2;
  ASSERT_TRUE(store_->PutActor(moved, "update").ok());
  for (long long since : {g0, -1LL}) {
    std::set<long long> rids;
    int visits = 0;
    double moved_lat = 0;
    ASSERT_TRUE(store_
                    ->ActorChanges(since,
                                   [&](ActorChange&& c) -> Status {
                                     ++visits;
                                     rids.insert(c.rid);
                                     if (c.located && c.located->id == "id7") {
                                       moved_lat = c.located->location->lat;
                                     }
                                     return Status::Ok();
                                   })
                    .ok());
    EXPECT_EQ(visits, n + 3);
    EXPECT_EQ(rids.size(), static_cast<size_t>(n + 3));
    EXPECT_EQ(moved_lat, 51);
  }
}

TEST_P(StoreContractTest, CursorPagingVisitsEveryActorOnce) {
  for (int i = 0; i < 25; ++i) {
    Actor a = MakeActor("id" + std::to_string(i), i % 2 ? "Same name" : "Name " + std::to_string(i),
                        50, 0);
    ASSERT_TRUE(store_->PutActor(a, "create").ok());
  }
  for (const std::string& text : {std::string(), std::string("name")}) {
    ActorQuery q;
    q.q = text;
    q.limit = 7;
    std::set<std::string> seen;
    int pages = 0;
    while (true) {
      auto page = store_->ListActors(q);
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      for (const Actor& a : page->items) EXPECT_TRUE(seen.insert(a.id).second) << a.id;
      ++pages;
      if (page->next_cursor.empty()) break;
      q.cursor = page->next_cursor;
    }
    EXPECT_EQ(seen.size(), 25u);
    EXPECT_EQ(pages, 4);
  }
  ActorQuery bad;
  bad.cursor = "garbage!";
  EXPECT_EQ(store_->ListActors(bad).status().code(), StatusCode::kInvalidArgument);
}

// Background checkpoints change nothing a reader sees, here or from another connection.
// Bytes 18 and 19 of a SQLite file's header: 2 in WAL mode, 1 with a rollback journal.
int JournalByte(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char header[20] = {};
  in.read(header, sizeof header);
  return header[18] == header[19] ? header[18] : -1;
}

TEST_P(StoreContractTest, ALoadAloneWritesPagesOnceAndReturnsToTheLog) {
  if (path_.empty()) {  // PostgreSQL: nothing to do
    EXPECT_FALSE(*store_->BeginLoadAlone());
    EXPECT_TRUE(store_->EndLoadAlone().ok());
    return;
  }
  EXPECT_EQ(JournalByte(path_), 2);
  {
    auto other = OpenStore(path_.string());  // another connection: the load keeps the log
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(*store_->BeginLoadAlone());
    EXPECT_EQ(JournalByte(path_), 2);
  }
  ASSERT_TRUE(*store_->BeginLoadAlone());
  EXPECT_EQ(JournalByte(path_), 1);
  ASSERT_TRUE(store_
                  ->InTransaction([&]() -> Status {
                    EXPECT_FALSE(store_->BeginLoadAlone().ok());  // not inside a transaction
                    auto empty = store_->BeginBulkLoad();
                    if (!empty.ok()) return empty.status();
                    EXPECT_TRUE(*empty);
                    for (int i = 0; i < 300; ++i) {
                      ECOSOL_RETURN_IF_ERROR(store_->PutActor(
                          MakeActor("la" + std::to_string(i), "Loaded Alone Bakery", 50 + i * 0.01,
                                    -1 + i * 0.01),
                          "create"));
                    }
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(store_->EndLoadAlone().ok());
  EXPECT_EQ(JournalByte(path_), 2);
  EXPECT_FALSE(std::filesystem::exists(path_.string() + "-journal"));
  // Everything is there, indexes included, for this connection and a new one.
  auto other = OpenStore(path_.string());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*(*other)->CountActors(), 300);
  ActorQuery q;
  q.q = "bakery";
  q.limit = 1000;
  EXPECT_EQ((*other)->ListActors(q)->items.size(), 300u);
  ActorQuery box;
  box.bbox = BBox{-1.005, 49.995, -0.005, 50.995};  // actors 0 to 99
  box.limit = 1000;
  EXPECT_EQ(store_->ListActors(box)->items.size(), 100u);
  // No longer empty: a second load keeps the log.
  EXPECT_FALSE(*store_->BeginLoadAlone());
}

// A process that dies in the middle of a load alone leaves a journal; the next opening rolls
// the load back and the database is whole and back in WAL mode (SQLite only: PostgreSQL never
// loads alone, as the test above checks).
TEST(LoadAloneTest, ALoadCutShortByACrashIsRolledBack) {
  const auto path = std::filesystem::temp_directory_path() / (UniqueName("ecosol_crash_") + ".db");
  auto actor = [](const std::string& id) {
    Actor a;
    a.id = id;
    a.name = "Crashing Load Co-operative";
    a.kind = ActorKind::kOrganisation;
    a.address.country = "GB";
    a.location = Location{52, 0, LocationPrecision::kExact};
    a.version = 1;
    a.updated_at = "2026-11-28T00:00:00Z";
    a.description["en"] = std::string(2000, 'x');
    return a;
  };
  {
    auto fresh = OpenStore(path.string());
    ASSERT_TRUE(fresh.ok());
    ASSERT_TRUE((*fresh)->Migrate().ok());
  }
  const auto size_before = std::filesystem::file_size(path);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Enough rows for the default page cache (32 MiB) to spill into the database file.
    auto s = OpenStore(path.string());
    if (!s.ok() || !*(*s)->BeginLoadAlone()) _exit(3);
    (void)(*s)->InTransaction([&]() -> Status {
      for (int i = 0; i < 20000; ++i) {
        if (!(*s)->PutActor(actor("crash" + std::to_string(i)), "create").ok()) _exit(4);
      }
      _exit(0);  // dies holding the transaction
    });
    _exit(5);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(std::filesystem::exists(path.string() + "-journal")) << "a hot journal";
  EXPECT_GT(std::filesystem::file_size(path), size_before) << "pages written before the crash";
  {
    auto reopened = OpenStore(path.string());
    ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
    EXPECT_EQ(*(*reopened)->CountActors(), 0);
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-journal"));
    EXPECT_EQ(JournalByte(path), 2);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "ok");
    sqlite3_finalize(st);
    sqlite3_close(db);
    // And it is written to again.
    ASSERT_TRUE((*reopened)->PutActor(actor("after"), "create").ok());
    EXPECT_EQ(*(*reopened)->CountActors(), 1);
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix);
  }
}

TEST_P(StoreContractTest, BackgroundCheckpointsKeepEveryCommit) {
  ASSERT_TRUE(store_->BackgroundCheckpoints(true).ok());
  ASSERT_TRUE(store_->BackgroundCheckpoints(true).ok());  // already on: nothing to do
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(store_
                    ->InTransaction([&]() -> Status {
                      return store_->PutActor(
                          MakeActor("cp" + std::to_string(i), "Checkpointed", 50, 0), "create");
                    })
                    .ok());
  }
  EXPECT_EQ(*store_->CountActors(), 20);
  ASSERT_TRUE(store_->BackgroundCheckpoints(false).ok());
  ASSERT_TRUE(store_->BackgroundCheckpoints(false).ok());
  if (!path_.empty()) {
    auto other = OpenStore(path_.string());
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(*(*other)->CountActors(), 20);
  }
  EXPECT_TRUE(store_->GetActor("cp19")->has_value());
}

// Batch work lists in id order, with the stored documents left for the caller to decode.
TEST_P(StoreContractTest, IdOrderPagingWithStoredDocuments) {
  for (int i = 0; i < 10; ++i) {
    // Names in the reverse order of the ids.
    Actor a = MakeActor("id" + std::to_string(i), "Name " + std::to_string(9 - i), 50, 0);
    ASSERT_TRUE(store_->PutActor(a, "create").ok());
  }
  ActorQuery q;
  q.by_id = true;
  q.stored_docs = true;
  q.limit = 4;
  std::vector<std::string> ids;
  std::string by_name_cursor;
  while (true) {
    auto page = store_->ListActors(q);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_TRUE(page->items.empty());
    for (const StoredActor& stored : page->stored) {
      auto actor = DecodeStoredActor(stored.doc);
      ASSERT_TRUE(actor.ok()) << actor.status().ToString();
      EXPECT_EQ(actor->id, stored.id);
      EXPECT_EQ(actor->name, "Name " + std::to_string(9 - (stored.id[2] - '0')));
      ids.push_back(stored.id);
    }
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"id0", "id1", "id2", "id3", "id4", "id5", "id6", "id7",
                                           "id8", "id9"}));
  // A cursor of one order is refused by the other, and a search has no id order.
  ActorQuery by_name;
  by_name.limit = 4;
  auto first = store_->ListActors(by_name);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->items.at(0).id, "id9");
  q.cursor = first->next_cursor;
  EXPECT_EQ(store_->ListActors(q).status().code(), StatusCode::kInvalidArgument);
  ActorQuery search;
  search.q = "name";
  search.by_id = true;
  EXPECT_EQ(store_->ListActors(search).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreContractTest, DeletedActorsAreHiddenButKept) {
  Actor a = MakeActor("a", "Gone", 50, 0);
  ASSERT_TRUE(store_->PutActor(a, "create").ok());
  a.deleted = true;
  a.version = 2;
  ASSERT_TRUE(store_->PutActor(a, "delete").ok());
  EXPECT_TRUE(Ids(ActorQuery()).empty());
  ActorQuery all;
  all.include_deleted = true;
  EXPECT_EQ(Ids(all), std::vector<std::string>{"a"});
  auto got = store_->GetActor("a");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_TRUE((*got)->deleted);
  ActorQuery search;
  search.q = "gone";
  EXPECT_TRUE(Ids(search).empty());
  // Those who may see everything search the full-text index alone: a deleted actor left it.
  ActorQuery everything = search;
  everything.audience.everything = true;
  EXPECT_TRUE(Ids(everything).empty());
  a.deleted = false;
  a.version = 3;
  ASSERT_TRUE(store_->PutActor(a, "restore").ok());
  EXPECT_EQ(Ids(search), std::vector<std::string>{"a"});
  EXPECT_EQ(Ids(everything), std::vector<std::string>{"a"});
}

TEST_P(StoreContractTest, RelationshipsAndTerms) {
  ASSERT_TRUE(store_->PutActor(MakeActor("a", "A", 1, 1), "create").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("b", "B", 1, 1), "create").ok());
  model::Relationship r{"r1",
                        "a",
                        "b",
                        model::RelationshipType::kMemberOf,
                        "2020-01-01",
                        "",
                        0.5,
                        "",
                        {},
                        1,
                        "2026-11-28T00:00:00Z",
                        false};
  ASSERT_TRUE(store_->PutRelationship(r, "create").ok());
  auto of_b = store_->RelationshipsOf("b");
  ASSERT_TRUE(of_b.ok());
  ASSERT_EQ(of_b->size(), 1u);
  EXPECT_EQ((*of_b)[0], r);
  std::vector<model::Relationship> all;
  ASSERT_TRUE(store_
                  ->VisitRelationships([&](model::Relationship&& rel) {
                    all.push_back(std::move(rel));
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0], r);
  r.deleted = true;
  r.version = 2;
  ASSERT_TRUE(store_->PutRelationship(r, "delete").ok());
  EXPECT_TRUE(store_->RelationshipsOf("a")->empty());
  long long visited = 0;
  ASSERT_TRUE(store_
                  ->VisitRelationships([&](model::Relationship&&) {
                    ++visited;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(visited, 0);

  ASSERT_TRUE(store_
                  ->PutTerms({{"organisational-structure", "OS100", {{"en", "Multi"}}},
                              {"organisational-structure", "OS20", {{"en", "NFP"}}}})
                  .ok());
  auto terms = store_->Terms("organisational-structure");
  ASSERT_TRUE(terms.ok());
  ASSERT_EQ(terms->size(), 2u);
  EXPECT_EQ((*terms)[0].code, "OS20");
  EXPECT_EQ((*terms)[1].labels.at("en"), "Multi");
}

TEST_P(StoreContractTest, TerritoriesFormAHierarchyWithActorCounts) {
  using model::Territory;
  ASSERT_TRUE(store_->PutTerritory({"GB", "", "United Kingdom", "country", std::nullopt}).ok());
  ASSERT_TRUE(store_->PutTerritory({"GB/wales", "GB", "Wales", "region", 3100000}).ok());
  ASSERT_TRUE(store_->PutTerritory({"GB/england", "GB", "England", "region", std::nullopt}).ok());
  ASSERT_TRUE(
      store_->PutTerritory({"GB/wales/cardiff", "GB/wales", "Cardiff", "locality", {}}).ok());
  // An upsert without a population keeps the stored one.
  ASSERT_TRUE(store_->PutTerritory({"GB/wales", "GB", "Wales", "region", std::nullopt}).ok());
  auto wales = store_->GetTerritory("GB/wales");
  ASSERT_TRUE(wales.ok() && wales->has_value());
  EXPECT_EQ(**wales, (Territory{"GB/wales", "GB", "Wales", "region", 3100000}));
  EXPECT_FALSE(store_->GetTerritory("GB/scotland")->has_value());

  auto regions = store_->Territories("GB");
  ASSERT_TRUE(regions.ok());
  ASSERT_EQ(regions->size(), 2u);
  EXPECT_EQ((*regions)[0].id, "GB/england");  // by name
  EXPECT_EQ((*regions)[1].id, "GB/wales");
  ASSERT_EQ(store_->Territories("")->size(), 1u);

  ASSERT_TRUE(store_->SetTerritoryPopulation("GB/wales", std::nullopt).ok());
  EXPECT_FALSE((*store_->GetTerritory("GB/wales"))->population.has_value());
  ASSERT_TRUE(store_->SetTerritoryPopulation("GB", 67000000).ok());
  EXPECT_EQ((*store_->GetTerritory("GB"))->population, 67000000);
  EXPECT_EQ(store_->SetTerritoryPopulation("XX", 1).code(), StatusCode::kNotFound);

  Actor cardiff = MakeActor("c", "C", 51.5, -3.2);
  cardiff.territory = "GB/wales/cardiff";
  Actor swansea = MakeActor("s", "S", 51.6, -3.9);
  swansea.territory = "GB/wales";
  Actor walesish = MakeActor("w", "W", 51.6, -3.9);
  walesish.territory = "GB/walesish";  // a sibling whose id merely starts like Wales's
  for (const Actor& a : {cardiff, swansea, walesish}) {
    ASSERT_TRUE(store_->PutActor(a, "create").ok());
  }
  EXPECT_EQ(*store_->CountActorsIn("GB"), 3);
  EXPECT_EQ(*store_->CountActorsIn("GB/wales"), 2);
  EXPECT_EQ(*store_->CountActorsIn("GB/wales/cardiff"), 1);
  EXPECT_EQ(*store_->CountActorsIn("FR"), 0);
  swansea.deleted = true;
  swansea.version = 2;
  ASSERT_TRUE(store_->PutActor(swansea, "delete").ok());
  EXPECT_EQ(*store_->CountActorsIn("GB/wales"), 1);
}

// Perception assessments: kept per territory by date, scores with "no answer" round-trip as
// nulls, and a deleted assessment is hidden from listings until restored.
TEST_P(StoreContractTest, PerceptionAssessmentsDeleteAndRestore) {
  PerceptionAssessment a;
  a.id = "pa-2";
  a.territory = "CA/QC";
  a.rater = "user:u1";
  a.rater_role = "network";
  a.date = "2026-11-02";
  a.framework = "building-blocks";
  a.scores = {{"market_access.social_procurement", 8.5},
              {"enabling_policy.co_construction", std::nullopt}};
  ASSERT_TRUE(store_->PutPerceptionAssessment(a).ok());
  PerceptionAssessment b = a;
  b.id = "pa-1";
  b.rater = "Researcher R";
  b.rater_role = "researcher";
  b.date = "2026-11-01";
  b.scores = {{"market_access.social_procurement", 0.0}};
  ASSERT_TRUE(store_->PutPerceptionAssessment(b).ok());
  PerceptionAssessment elsewhere = a;
  elsewhere.id = "pa-3";
  elsewhere.territory = "CA/ON";
  ASSERT_TRUE(store_->PutPerceptionAssessment(elsewhere).ok());
  EXPECT_EQ(store_->PutPerceptionAssessment(PerceptionAssessment{}).code(),
            StatusCode::kInvalidArgument);

  auto got = store_->GetPerceptionAssessment("pa-2");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, a);
  EXPECT_FALSE((*got)->scores.at("enabling_policy.co_construction").has_value());
  EXPECT_FALSE(store_->GetPerceptionAssessment("pa-9")->has_value());

  auto quebec = store_->PerceptionAssessments("CA/QC", false);
  ASSERT_TRUE(quebec.ok());
  ASSERT_EQ(quebec->size(), 2u);
  EXPECT_EQ((*quebec)[0].id, "pa-1");  // by date
  EXPECT_EQ((*quebec)[0].scores.at("market_access.social_procurement"), 0.0);

  ASSERT_TRUE(store_->SetPerceptionAssessmentDeleted("pa-2", true).ok());
  EXPECT_EQ(store_->PerceptionAssessments("CA/QC", false)->size(), 1u);
  auto with_deleted = store_->PerceptionAssessments("CA/QC", true);
  ASSERT_TRUE(with_deleted.ok());
  ASSERT_EQ(with_deleted->size(), 2u);
  EXPECT_TRUE((*with_deleted)[1].deleted);
  ASSERT_TRUE(store_->SetPerceptionAssessmentDeleted("pa-2", false).ok());
  EXPECT_EQ(store_->PerceptionAssessments("CA/QC", false)->size(), 2u);
  EXPECT_EQ(store_->SetPerceptionAssessmentDeleted("pa-9", true).code(), StatusCode::kNotFound);
}

// Offers and wants: every write is a new version kept in the history, deleting is a version that
// listings skip, a failed write changes nothing, and bad records are refused.
TEST_P(StoreContractTest, OffersWantsAreVersionedAndRecoverable) {
  OfferWantRecord o;
  o.id = "ow-1";
  o.actor_id = "tiess";
  o.exchange_type = "offer";
  o.doc = R"({"title":"Research partnerships","tags":["research"]})";
  o.updated_at = "2026-11-29T10:00:00Z";
  o.updated_by = "user:u1";
  auto v1 = store_->PutOfferWant(o);
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_EQ(*v1, 1);
  OfferWantRecord w = o;
  w.id = "ow-2";
  w.actor_id = "chantier";
  w.exchange_type = "want";
  ASSERT_TRUE(store_->PutOfferWant(w).ok());

  o.doc = R"({"title":"Research and training","tags":["research","training"]})";
  o.updated_at = "2026-11-29T11:00:00Z";
  EXPECT_EQ(*store_->PutOfferWant(o), 2);
  auto got = store_->GetOfferWant("ow-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->version, 2);
  EXPECT_EQ((*got)->doc, o.doc);
  EXPECT_EQ((*got)->updated_by, "user:u1");
  EXPECT_FALSE(store_->GetOfferWant("ow-9")->has_value());

  OfferWantRecord gone = o;
  gone.deleted = true;
  EXPECT_EQ(*store_->PutOfferWant(gone), 3);
  EXPECT_EQ(store_->OffersWants("tiess", false)->size(), 0u);
  auto all = store_->OffersWants("", true);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "ow-2");  // by actor: chantier before tiess
  EXPECT_TRUE((*all)[1].deleted);
  EXPECT_EQ(store_->OffersWants("", false)->size(), 1u);

  auto history = store_->OfferWantHistory("ow-1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].doc, R"({"title":"Research partnerships","tags":["research"]})");
  EXPECT_EQ((*history)[0].version, 1);
  EXPECT_FALSE((*history)[1].deleted);
  EXPECT_TRUE((*history)[2].deleted);
  EXPECT_TRUE(store_->OfferWantHistory("ow-9")->empty());

  // Restoring is a version too.
  gone.deleted = false;
  EXPECT_EQ(*store_->PutOfferWant(gone), 4);
  EXPECT_EQ(store_->OffersWants("tiess", false)->size(), 1u);

  // Refused, and nothing changed.
  OfferWantRecord bad = o;
  bad.exchange_type = "swap";
  EXPECT_EQ(store_->PutOfferWant(bad).status().code(), StatusCode::kInvalidArgument);
  bad = o;
  bad.doc = "[1, 2]";
  EXPECT_EQ(store_->PutOfferWant(bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->PutOfferWant(OfferWantRecord{}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->GetOfferWant("ow-1").value()->version, 4);
  EXPECT_EQ(store_->OfferWantHistory("ow-1")->size(), 4u);
}

// A database made by the release before migration 4 (tests/data/README.md) is upgraded with its
// data and history intact.
TEST(MigrationTest, UpgradesASchemaVersion3Database) {
  auto path = std::filesystem::temp_directory_path() / (UniqueName("ecosol_v3_") + ".db");
  std::filesystem::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db",
                             path);
  {
    auto store = OpenStore(path.string());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(*(*store)->SchemaVersion(), 3);
    ASSERT_TRUE((*store)->Migrate().ok());
    EXPECT_EQ(*(*store)->SchemaVersion(), 20);
    auto history = (*store)->ActorHistory("cuk-r006884");
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].change, "create");
    EXPECT_EQ((*history)[0].actor.name, "Maesteg Workmen's Club and Institute Limited");
    EXPECT_EQ((*history)[1].change, "update");
    EXPECT_EQ((*history)[1].actor.name, "Maesteg Workmen's Club and Institute Limited (renamed)");
    auto current = (*store)->GetActor("cuk-r006884");
    ASSERT_TRUE(current.ok() && current->has_value());
    EXPECT_EQ((*current)->version, 2);
    // A new version after the upgrade joins the history.
    Actor a = **current;
    a.version = 3;
    a.website = "https://maesteg.example";
    ASSERT_TRUE((*store)->PutActor(a, "update").ok());
    history = (*store)->ActorHistory("cuk-r006884");
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[1].actor.website, "");
    EXPECT_EQ((*history)[2].actor.website, "https://maesteg.example");
    auto one = (*store)->ActorHistory("cuk-r007634");
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->size(), 1u);
    EXPECT_EQ((*one)[0].change, "create");
    ActorQuery q;
    q.q = "maesteg";
    auto page = (*store)->ListActors(q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->items.size(), 1u);
  }
  // Migration 20 made the actors' full-text index again, with columns and no positions, over
  // the same rows.
  EXPECT_EQ(SqliteFtsCheck(path.string()), "ok");
  auto schema = SqliteSchemaOf(path.string(), "actors_fts");
  EXPECT_NE(schema.find("detail=column"), std::string::npos) << schema;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// A migration that fails rolls back the whole upgrade: the database stays at its old version
// with its data, none of the earlier pending migrations is left half-applied, and once the cause
// is removed the upgrade runs. Here migration 18 meets a table of its name already there.
TEST(MigrationTest, AFailedMigrationRollsBackTheWholeUpgrade) {
  auto path = std::filesystem::temp_directory_path() / (UniqueName("ecosol_v3_fail_") + ".db");
  std::filesystem::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db",
                             path);
  auto count = [&](const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    long long n = -1;
    if (st != nullptr && sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
  };
  auto tables = [&] { return count("SELECT count(*) FROM sqlite_master WHERE type = 'table'"); };
  ASSERT_EQ(count("CREATE TABLE job_outputs (x INTEGER)"), -1);  // a statement with no row
  const long long tables_before = tables();
  {
    auto store = OpenStore(path.string());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(*(*store)->SchemaVersion(), 3);
    const long long actors = *(*store)->CountActors();
    Status failed = (*store)->Migrate();
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.ToString().find("migration 18"), std::string::npos) << failed.ToString();
    EXPECT_NE(failed.ToString().find("job_outputs"), std::string::npos) << failed.ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), 3);
    EXPECT_EQ(*(*store)->CountActors(), actors);
  }
  // Nothing of migrations 4 to 17 is left: no new table (migration 17 makes job_inputs).
  EXPECT_EQ(tables(), tables_before);
  EXPECT_EQ(count("SELECT count(*) FROM sqlite_master WHERE name = 'job_inputs'"), 0);
  // With the obstacle gone, the upgrade runs.
  ASSERT_EQ(count("DROP TABLE job_outputs"), -1);
  {
    auto store = OpenStore(path.string());
    ASSERT_TRUE(store.ok());
    Status migrated = (*store)->Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.ToString();
    EXPECT_EQ(*(*store)->SchemaVersion(), 20);
    auto history = (*store)->ActorHistory("cuk-r006884");
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    EXPECT_EQ(history->size(), 2u);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// SQLite keeps no memory statistics in an Ecosol process: they cost a global mutex around every
// allocation of every connection (ConfigureSqliteProcess). Checked in a process of its own,
// which no other test has initialised SQLite in (the "threadsafe" death test style runs the test
// again in a new process).
TEST(SqliteProcessTest, KeepsNoMemoryStatistics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("ecosol_memstatus_" + std::to_string(::getpid()) + ".db"))
                               .string();
  EXPECT_EXIT(
      {
        auto store = OpenStore(path);
        bool ok = store.ok() && (*store)->Migrate().ok() && (*store)->CountActors().ok();
        // While the connection is open it holds memory, which statistics would count.
        const sqlite3_int64 counted = sqlite3_memory_used();
        store = Unavailable("closed");
        std::filesystem::remove(path);
        std::_Exit(!ok ? 2 : counted == 0 ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
  std::filesystem::remove(path);
}

// A server is never without a reader under load: each read overlaps the next, so a passive
// checkpoint never finds the log free to start again. The log must not grow without bound
// (WalUpkeepSettings): here two connections take turns holding a read transaction, so that one
// always is, while another writes.
TEST(SqliteWalTest, TheLogStartsAgainWhileReadersNeverStop) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("ecosol_wal_" + std::to_string(::getpid()) + ".db"))
                               .string();
  auto remove_files = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  };
  remove_files();
  const WalUpkeepSettings kept = GetWalUpkeepSettings();
  WalUpkeepSettings small;
  small.passive_pages = 50;
  small.restart_pages = 200;
  small.restart_wait_ms = 200;
  small.restart_interval_ms = 0;
  SetWalUpkeepSettings(small);
  {
    auto store = OpenStore(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Migrate().ok());
    std::atomic<bool> stop{false};
    std::atomic<int> overlaps{0};
    std::thread readers([&] {
      sqlite3* conn[2] = {nullptr, nullptr};
      for (sqlite3*& c : conn) {
        ASSERT_EQ(sqlite3_open_v2(path.c_str(), &c, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        sqlite3_busy_timeout(c, 5000);
      }
      auto begin_read = [](sqlite3* c) {
        // A read transaction starts at its first read and keeps its snapshot until COMMIT.
        return sqlite3_exec(c, "BEGIN; SELECT count(*) FROM actors;", nullptr, nullptr, nullptr) ==
               SQLITE_OK;
      };
      ASSERT_TRUE(begin_read(conn[0]));
      for (int i = 0; !stop; ++i) {
        sqlite3* next = conn[(i + 1) % 2];
        sqlite3* held = conn[i % 2];
        if (begin_read(next)) ++overlaps;  // a newer snapshot before the older one ends
        sqlite3_exec(held, "COMMIT", nullptr, nullptr, nullptr);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      for (sqlite3* c : conn) {
        sqlite3_exec(c, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close_v2(c);
      }
    });
    Actor a;
    a.kind = ActorKind::kOrganisation;
    a.address.country = "GB";
    a.version = 1;
    a.updated_at = "2026-11-28T00:00:00Z";
    a.description["en"] = std::string(3000, 'x');
    uintmax_t largest = 0;
    for (int i = 0; i < 600; ++i) {
      a.id = "wal-" + std::to_string(i);
      a.name = "Wal co-operative " + std::to_string(i);
      ASSERT_TRUE((*store)->PutActor(a, "create").ok());
      largest = std::max(largest, std::filesystem::file_size(path + "-wal"));
    }
    stop = true;
    readers.join();
    EXPECT_GT(overlaps.load(), 100);  // the readers did overlap all along
    // 600 actors of over 3 KB each wrote far more than 200 pages (800 KiB) of log: without
    // the restarting checkpoint the log holds all of them.
    auto count = (*store)->CountActors();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 600);
    EXPECT_LT(largest, 3u << 20) << "the log grew to " << largest << " bytes";
  }
  SetWalUpkeepSettings(kept);
  remove_files();
}

TEST(OpenStoreTest, UnwritableFolderGivesAClearError) {
  auto store = OpenStore("/nonexistent-folder/x.db");
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("/nonexistent-folder/x.db"), std::string::npos);
}

TEST_P(StoreContractTest, ProfilesAreVersionedAndAssessmentsDriveTheVerdictFilter) {
  ASSERT_TRUE(store_->PutActor(MakeActor("coop", "Coop", 50.1, 3.1), "create").ok());
  ASSERT_TRUE(store_->PutActor(MakeActor("washer", "Washer", 50.2, 3.2), "create").ok());
  ProfileRecord p{"coop", 0, "2026-11-29T00:00:00Z", "tester", R"({"legal_form":"cooperative"})",
                  "",     ""};
  ASSERT_TRUE(store_->PutProfile(&p).ok());
  EXPECT_EQ(p.version, 1);
  p.doc = R"({"legal_form":"company"})";
  ASSERT_TRUE(store_->PutProfile(&p).ok());
  EXPECT_EQ(p.version, 2);
  auto latest = store_->GetProfile("coop", 0);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->doc, R"({"legal_form":"company"})");
  auto first = store_->GetProfile("coop", 1);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->doc, R"({"legal_form":"cooperative"})");
  EXPECT_FALSE(store_->GetProfile("washer", 0)->has_value());
  EXPECT_EQ(*store_->ProfiledActors("", 10), std::vector<std::string>{"coop"});

  AssessmentRecord a{"asm-1",  "coop", "un-ilo", "1.0.0", 0, "consistent", "2026-11-29T00:00:00Z",
                     "tester", 1,      "{}"};
  ASSERT_TRUE(store_->AddAssessment(&a).ok());
  EXPECT_EQ(a.n, 1);
  AssessmentRecord b = a;
  b.id = "asm-2";
  b.verdict = "inconsistent";
  ASSERT_TRUE(store_->AddAssessment(&b).ok());
  EXPECT_EQ(b.n, 2);
  AssessmentRecord w{"asm-3",  "washer", "un-ilo", "1.0.0", 0, "consistent", "2026-11-29T00:00:00Z",
                     "tester", 0,        "{}"};
  ASSERT_TRUE(store_->AddAssessment(&w).ok());
  auto history = store_->Assessments("coop", "");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].verdict, "consistent");
  EXPECT_EQ((*history)[1].verdict, "inconsistent");

  // The filter uses the latest verdict only.
  ActorQuery q;
  q.verdict = "inconsistent";
  auto page = store_->ListActors(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, "coop");
  q.verdict = "consistent";
  page = store_->ListActors(q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, "washer");
  q.verdict_framework = "fr-ess";
  EXPECT_TRUE(store_->ListActors(q)->items.empty());
  auto counts = store_->VerdictCounts("un-ilo");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, (std::vector<std::pair<std::string, long long>>{{"consistent", 1},
                                                                     {"inconsistent", 1}}));

  // A batch numbers each actor's records on from its last one, in order, also when an actor
  // appears twice in it; the latest verdict is its last record's.
  AssessmentRecord c1 = a, c2 = a, w2 = w;
  c1.id = "asm-4";
  c1.verdict = "partially_consistent";
  w2.id = "asm-5";
  w2.verdict = "inconsistent";
  c2.id = "asm-6";
  c2.verdict = "consistent";
  ASSERT_TRUE(store_->AddAssessments({c1, w2, c2}).ok());
  history = store_->Assessments("coop", "un-ilo");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ((*history)[2].id, "asm-4");
  EXPECT_EQ((*history)[2].n, 3);
  EXPECT_EQ((*history)[3].id, "asm-6");
  EXPECT_EQ((*history)[3].n, 4);
  EXPECT_EQ(store_->Assessments("washer", "un-ilo")->back().n, 2);
  counts = store_->VerdictCounts("un-ilo");
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, (std::vector<std::pair<std::string, long long>>{{"consistent", 1},
                                                                     {"inconsistent", 1}}));
  // A batch that fails (a duplicate id) writes nothing.
  AssessmentRecord dup = a;
  dup.verdict = "inconsistent";
  EXPECT_FALSE(store_->AddAssessments({dup}).ok());
  EXPECT_EQ(store_->Assessments("coop", "un-ilo")->size(), 4u);

  JobRecord job = NewJob("job-1", "screening", "running");
  job.done = 5;
  job.total = 10;
  job.who = "tester";
  ASSERT_TRUE(store_->PutJob(job).ok());
  job.state = "done";
  job.done = 10;
  ASSERT_TRUE(store_->PutJob(job).ok());
  auto got = store_->GetJob("job-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->state, "done");
  EXPECT_EQ((*got)->done, 10);
  EXPECT_FALSE(store_->GetJob("job-2")->has_value());
}

// The work queue: claims are exclusive, a lapsed lease lets another worker take the job over,
// and the first worker's writes are then refused (so no batch is done twice).
TEST_P(StoreContractTest, JobOutputsKeepEveryByteAndAreReplaced) {
  EXPECT_FALSE(store_->GetJobOutput("job-1")->has_value());
  std::string pdf = "%PDF-1.4\n";
  for (int c = 0; c < 256; ++c) pdf += static_cast<char>(c);  // NUL and bytes beyond ASCII
  ASSERT_TRUE(store_->PutJobOutput("job-1", {"report.pdf", "application/pdf", pdf}).ok());
  auto got = store_->GetJobOutput("job-1");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().ToString();
  EXPECT_EQ((*got)->name, "report.pdf");
  EXPECT_EQ((*got)->content_type, "application/pdf");
  EXPECT_EQ((*got)->content, pdf);
  EXPECT_FALSE(store_->GetJobOutput("job-2")->has_value());
  // Put again (a retried job): replaced, and a rolled-back put leaves the earlier one.
  ASSERT_TRUE(store_->PutJobOutput("job-1", {"m.json", "application/json", "{}"}).ok());
  Status rolled_back = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutJobOutput("job-1", {"x", "text/plain", "lost"}));
    return Conflict("the job lost its lease");
  });
  EXPECT_FALSE(rolled_back.ok());
  got = store_->GetJobOutput("job-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->name, "m.json");
  EXPECT_EQ((*got)->content, "{}");
}

TEST_P(StoreContractTest, JobQueueClaimsLeasesAndFences) {
  for (int i = 0; i < 3; ++i) {
    JobRecord j;
    j.id = "job-" + std::to_string(i);
    j.kind = i == 2 ? "report" : "screening";
    j.state = "queued";
    j.params = "{}";
    j.created_at = j.updated_at = "2026-11-30T10:00:0" + std::to_string(i) + "Z";
    j.who = i == 0 ? "ann" : "bob";
    ASSERT_TRUE(store_->PutJob(j).ok());
  }
  // Oldest first, only the kinds asked for.
  auto a = store_->ClaimJob("w1", {"screening"}, 60000, "t1");
  ASSERT_TRUE(a.ok() && a->has_value()) << a.status().ToString();
  EXPECT_EQ((*a)->id, "job-0");
  EXPECT_EQ((*a)->state, "running");
  EXPECT_EQ((*a)->worker, "w1");
  EXPECT_EQ((*a)->attempts, 1);
  EXPECT_GT((*a)->lease_until, 1700000000000LL);  // milliseconds since 1970
  auto b = store_->ClaimJob("w2", {"screening"}, 60000, "t1");
  ASSERT_TRUE(b.ok() && b->has_value());
  EXPECT_EQ((*b)->id, "job-1");
  auto none = store_->ClaimJob("w2", {"screening"}, 60000, "t1");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE(store_->ClaimJob("w2", {}, 60000, "t1")->has_value());

  // Progress and a checkpoint, committed with other writes; the lease is renewed.
  JobRecord held = **a;
  held.done = 5;
  held.checkpoint = R"({"cursor":"x"})";
  ASSERT_TRUE(store_->UpdateClaimedJob(held, 60000).ok());
  ASSERT_TRUE(store_->RenewJobLease(held, 60000).ok());
  EXPECT_EQ((*store_->GetJob("job-0"))->checkpoint, R"({"cursor":"x"})");

  // Handing a job back: queued again, the claim not counted; the next claim resumes it.
  JobRecord back = **b;
  back.state = "queued";
  ASSERT_TRUE(store_->UpdateClaimedJob(back, 60000).ok());
  auto again = store_->ClaimJob("w3", {"screening"}, 60000, "t2");
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ((*again)->id, "job-1");
  EXPECT_EQ((*again)->attempts, 1);
  // The old holder's writes are refused.
  EXPECT_EQ(store_->UpdateClaimedJob(back, 60000).code(), StatusCode::kConflict);

  // A lease that ran out (a lease of -1 ms is already over): another worker takes the job over,
  // and the first worker's writes and renewals are refused.
  held.done = 6;
  ASSERT_TRUE(store_->UpdateClaimedJob(held, -1).ok());
  auto taken = store_->ClaimJob("w4", {"screening"}, 60000, "t3");
  ASSERT_TRUE(taken.ok() && taken->has_value());
  EXPECT_EQ((*taken)->id, "job-0");
  EXPECT_EQ((*taken)->attempts, 2);
  EXPECT_EQ((*taken)->done, 6);
  EXPECT_EQ((*taken)->checkpoint, R"({"cursor":"x"})");
  held.done = 7;
  Status lost = store_->UpdateClaimedJob(held, 60000);
  EXPECT_EQ(lost.code(), StatusCode::kConflict) << lost.ToString();
  EXPECT_EQ(store_->RenewJobLease(held, 60000).code(), StatusCode::kConflict);
  // Refused inside a transaction too: the other writes of the batch are rolled back.
  Status batch = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->UpdateClaimedJob(held, 60000));
    return store_->PutJob(NewJob("job-side", "x", "queued"));
  });
  EXPECT_EQ(batch.code(), StatusCode::kConflict);
  EXPECT_FALSE(store_->GetJob("job-side")->has_value());
  EXPECT_EQ((*store_->GetJob("job-0"))->done, 6);

  // Finishing: done, with the worker kept for the record; no later write goes through.
  JobRecord finished = **taken;
  finished.state = "done";
  finished.result = R"({"actors":7})";
  ASSERT_TRUE(store_->UpdateClaimedJob(finished, 60000).ok());
  auto got = store_->GetJob("job-0");
  EXPECT_EQ((*got)->state, "done");
  EXPECT_EQ((*got)->worker, "w4");
  EXPECT_EQ((*got)->lease_until, 0);
  EXPECT_EQ(store_->UpdateClaimedJob(finished, 60000).code(), StatusCode::kConflict);

  // A job whose workers died max_attempts times is failed, not claimed.
  JobRecord doomed = **again;
  doomed.max_attempts = 1;
  ASSERT_TRUE(store_->PutJob(doomed).ok());
  ASSERT_TRUE(store_->UpdateClaimedJob(doomed, -1).ok());
  EXPECT_FALSE(store_->ClaimJob("w5", {"screening"}, 60000, "t4")->has_value());
  got = store_->GetJob("job-1");
  EXPECT_EQ((*got)->state, "failed");
  EXPECT_NE((*got)->error.find("stopped 1 times"), std::string::npos) << (*got)->error;

  // Listings and counts.
  auto counts = store_->JobCounts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, (std::vector<std::pair<std::string, long long>>{
                         {"done", 1}, {"failed", 1}, {"queued", 1}}));
  auto bobs = store_->ListJobs("bob", "", 10);
  ASSERT_TRUE(bobs.ok());
  ASSERT_EQ(bobs->size(), 2u);
  EXPECT_EQ((*bobs)[0].id, "job-2");  // newest first
  EXPECT_EQ(store_->ListJobs("", "queued", 10)->size(), 1u);
  EXPECT_EQ(store_->ListJobs("", "", 1)->size(), 1u);
}

// Many workers claiming at once, each on its own connection: every job is taken exactly once.
TEST_P(StoreContractTest, ConcurrentClaimsTakeEachJobOnce) {
  constexpr int kJobs = 60;
  for (int i = 0; i < kJobs; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "job-%03d", i);
    ASSERT_TRUE(store_->PutJob(NewJob(id, "screening", "queued")).ok());
  }
  constexpr int kWorkers = 4;
  std::vector<std::vector<std::string>> taken(kWorkers);
  std::vector<std::string> errors(kWorkers);
  std::vector<std::thread> threads;
  for (int w = 0; w < kWorkers; ++w) {
    threads.emplace_back([&, w] {
      auto conn = OpenStore(url_);
      if (!conn.ok()) {
        errors[static_cast<size_t>(w)] = conn.status().ToString();
        return;
      }
      while (true) {
        auto job = (*conn)->ClaimJob("w" + std::to_string(w), {"screening"}, 60000, "t");
        if (!job.ok()) {
          errors[static_cast<size_t>(w)] = job.status().ToString();
          return;
        }
        if (!job->has_value()) return;
        taken[static_cast<size_t>(w)].push_back((*job)->id);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::multiset<std::string> all;
  for (int w = 0; w < kWorkers; ++w) {
    EXPECT_EQ(errors[static_cast<size_t>(w)], "");
    all.insert(taken[static_cast<size_t>(w)].begin(), taken[static_cast<size_t>(w)].end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), static_cast<size_t>(kJobs));
}

// Log positions (read replicas): a primary has every position it reports; SQLite has none.
TEST_P(StoreContractTest, LogPositions) {
  auto position = store_->LogPosition();
  ASSERT_TRUE(position.ok()) << position.status().ToString();
  if (GetParam() == "sqlite") {
    EXPECT_EQ(*position, "");
    EXPECT_TRUE(*store_->HasReplayed("0/3000148"));
    return;
  }
  EXPECT_NE(position->find('/'), std::string::npos) << *position;
  auto replayed = store_->HasReplayed(*position);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_TRUE(*replayed);  // a primary holds all it wrote
  for (const char* bad : {"", "3000148", "0/", "/1", "0/x1", "0/1/2", "0/1; DROP TABLE actors"}) {
    EXPECT_EQ(store_->HasReplayed(bad).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(StoreContractTest, MergesDecisionsIndicatorsAndPeers) {
  MergeRecord m;
  m.id = "mrg-1";
  m.survivor_id = "a";
  m.merged_ids = {"c", "b"};
  m.created_at = "2026-11-29T10:00:00Z";
  m.who = "user:u1";
  m.doc = R"({"rules":"default"})";
  ASSERT_TRUE(store_->PutMerge(m).ok());
  MergeRecord later = m;
  later.id = "mrg-2";
  later.survivor_id = "d";
  later.merged_ids = {"a"};
  later.created_at = "2026-11-29T11:00:00Z";
  ASSERT_TRUE(store_->PutMerge(later).ok());

  auto got = store_->GetMerge("mrg-1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->survivor_id, "a");
  EXPECT_EQ((*got)->merged_ids, (std::vector<std::string>{"c", "b"}));
  EXPECT_EQ((*got)->doc, m.doc);
  EXPECT_TRUE((*got)->undone_at.empty());
  EXPECT_FALSE(store_->GetMerge("mrg-9")->has_value());

  auto of_a = store_->Merges("a", 0);
  ASSERT_TRUE(of_a.ok());
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].id, "mrg-2");  // newest first
  EXPECT_EQ(store_->Merges("b", 0)->size(), 1u);
  EXPECT_EQ(store_->Merges("", 1)->size(), 1u);
  EXPECT_TRUE(store_->Merges("zz", 0)->empty());

  m.undone_at = "2026-11-29T12:00:00Z";
  m.undone_by = "user:u2";
  ASSERT_TRUE(store_->PutMerge(m).ok());
  EXPECT_EQ((*store_->GetMerge("mrg-1"))->undone_by, "user:u2");
  EXPECT_EQ((*store_->GetMerge("mrg-1"))->merged_ids.size(), 2u);

  EXPECT_EQ(store_->PutDedupDecision({"b", "a", "distinct", "t", "u"}).code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(store_->PutDedupDecision({"a", "b", "distinct", "t", "u"}).ok());
  ASSERT_TRUE(store_->PutDedupDecision({"a", "b", "distinct", "t2", "u2"}).ok());
  auto decisions = store_->DedupDecisions();
  ASSERT_TRUE(decisions.ok());
  ASSERT_EQ(decisions->size(), 1u);
  EXPECT_EQ((*decisions)[0].who, "u2");
  EXPECT_TRUE(store_->DeleteDedupDecision("a", "b").ok());
  EXPECT_EQ(store_->DeleteDedupDecision("a", "b").code(), StatusCode::kNotFound);

  std::vector<IndicatorRecord> indicators = {
      {"a", "turnover", "2016", 1250000.5, "GBP", "coops-uk-economy", "2016-03-31", "t"},
      {"a", "employees", "2016", 12, "people", "coops-uk-economy", "2016-03-31", "t"},
      {"b", "turnover", "2015", 10, "GBP", "coops-uk-economy", "", "t"}};
  ASSERT_TRUE(store_->PutIndicators(indicators).ok());
  indicators[0].value = 1300000;
  ASSERT_TRUE(store_->PutIndicators({indicators[0]}).ok());  // replaces by key
  auto of_actor = store_->Indicators("a");
  ASSERT_TRUE(of_actor.ok());
  ASSERT_EQ(of_actor->size(), 2u);
  EXPECT_EQ((*of_actor)[0].name, "employees");
  EXPECT_EQ((*of_actor)[1].value, 1300000);
  EXPECT_EQ((*of_actor)[1].as_of, "2016-03-31");
  EXPECT_EQ(*store_->CountIndicators(), 3);
  auto all = store_->AllIndicators();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].actor_id, "a");  // by actor, then name
  EXPECT_EQ((*all)[0].name, "employees");
  EXPECT_EQ((*all)[2].actor_id, "b");
  EXPECT_EQ((*all)[2].value, 10);

  EXPECT_FALSE(store_->GetSyncPeer("http://x")->has_value());
  ASSERT_TRUE(store_->PutSyncPeer({"http://x", "42", "t", 7}).ok());
  ASSERT_TRUE(store_->PutSyncPeer({"http://x", "43", "t2", 9}).ok());
  auto peer = store_->GetSyncPeer("http://x");
  ASSERT_TRUE(peer.ok() && peer->has_value());
  EXPECT_EQ((*peer)->cursor, "43");
  EXPECT_EQ((*peer)->pulled, 9);
}

// The change feed pages through one large write by row id, stops at `up_to`, and gives the
// document of public actors only.
TEST_P(StoreContractTest, FeedActorsPagesThroughOneGenerationInOrder) {
  long long g0 = *store_->Generation();
  Status s = store_->InTransaction([&]() -> Status {
    for (int i = 0; i < 25; ++i) {
      Actor a = MakeActor("f" + std::to_string(i), "F" + std::to_string(i), 50, 0);
      if (i == 3) a.visibility = model::Visibility::kPrivate;
      ECOSOL_RETURN_IF_ERROR(store_->PutActor(a, "create"));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  long long g1 = *store_->Generation();
  Actor later = MakeActor("later", "Later", 50, 0);
  ASSERT_TRUE(store_->PutActor(later, "create").ok());
  long long g2 = *store_->Generation();

  std::vector<std::string> ids;
  long long gen = g0, rid = 0;
  int pages = 0;
  while (true) {
    auto page = store_->FeedActors(gen, rid, g1, 10);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    if (page->empty()) break;
    ++pages;
    for (const FeedActor& f : *page) {
      EXPECT_EQ(f.generation, g1);
      EXPECT_EQ(f.actor.has_value(), f.id != "f3") << f.id;
      if (f.actor) {
        EXPECT_EQ(f.actor->name, "F" + f.id.substr(1));
      }
      ids.push_back(f.id);
    }
    gen = page->back().generation;
    rid = page->back().rid;
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(ids.size(), 25u);  // each once, none beyond up_to
  EXPECT_EQ(ids.front(), "f0");
  EXPECT_EQ(ids.back(), "f24");

  // Reading on to g2 gives the later write; a deletion moves the actor to the end, without its
  // document.
  later.version = 2;
  later.deleted = true;
  ASSERT_TRUE(store_->PutActor(later, "delete").ok());
  auto rest = store_->FeedActors(gen, rid, g2, 10);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 0u);  // `later` was rewritten after g2
  long long g3 = *store_->Generation();
  rest = store_->FeedActors(gen, rid, g3, 10);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].id, "later");
  EXPECT_EQ((*rest)[0].generation, g3);
  EXPECT_FALSE((*rest)[0].actor.has_value());
  EXPECT_TRUE(store_->FeedActors(g3, (*rest)[0].rid, g3, 10)->empty());
}

TEST_P(StoreContractTest, SyncPeersAreListedByUrl) {
  EXPECT_TRUE(store_->SyncPeers()->empty());
  ASSERT_TRUE(store_->PutSyncPeer({"http://b.example", "2.7", "t2", 3}).ok());
  ASSERT_TRUE(store_->PutSyncPeer({"http://a.example", "5.1", "t1", 9}).ok());
  auto peers = store_->SyncPeers();
  ASSERT_TRUE(peers.ok());
  ASSERT_EQ(peers->size(), 2u);
  EXPECT_EQ((*peers)[0].url, "http://a.example");
  EXPECT_EQ((*peers)[0].pulled, 9);
  EXPECT_EQ((*peers)[1].cursor, "2.7");
}

// --- knowledge commons (store/knowledge.h) ---

CaseIndexData CaseIndex(const std::string& title, const std::string& body,
                        std::vector<std::pair<std::string, std::string>> facets, int year = 0) {
  return {title, text::IndexForms(title), text::IndexForms(body), std::move(facets), year};
}

Status PutTestCase(Store& store, const std::string& id, const std::string& doc,
                   const CaseIndexData& index, long long expected_head, const std::string& status,
                   const std::string& at = "2026-11-30T10:00:00Z") {
  CaseVersionRecord v{id, 0, at, "ana", expected_head == 0 ? "create" : "edit", doc};
  return store.PutCase(&v, index, expected_head, status);
}

std::vector<std::string> HitIds(const CaseSearchResult& r) {
  std::vector<std::string> ids;
  for (const CaseHit& h : r.hits) ids.push_back(h.id);
  return ids;
}

long long FacetCountOf(const CaseSearchResult& r, const std::string& facet,
                       const std::string& value) {
  auto it = r.facets.find(facet);
  if (it == r.facets.end()) return -1;
  for (const FacetCount& c : it->second) {
    if (c.value == value) return c.count;
  }
  return 0;
}

TEST_P(StoreContractTest, CasesAreVersionedAndPublishedAfterReview) {
  ASSERT_TRUE(PutTestCase(*store_, "c1", R"({"v":1})",
                          CaseIndex("Women's e-rickshaw network", "safe mobility for women",
                                    {{"sdg", "5"}, {"country", "IN"}}),
                          0, "draft")
                  .ok());
  // A second create of the same id is refused; a stale base version too.
  Status again = PutTestCase(*store_, "c1", "{}", CaseIndex("x", "", {}), 0, "draft");
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  auto state = store_->GetCaseState("c1");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->head_version, 1);
  EXPECT_EQ((*state)->published_version, 0);
  EXPECT_EQ((*state)->status, "draft");

  // Drafts are found among heads only.
  CaseSearchQuery pub;
  pub.q = "rickshaw";
  EXPECT_EQ(store_->SearchCases(pub)->total, 0);
  CaseSearchQuery heads = pub;
  heads.heads = true;
  EXPECT_EQ(HitIds(*store_->SearchCases(heads)), std::vector<std::string>{"c1"});

  // Submit then approve version 1: it becomes the published version.
  CaseReviewRecord submit{"c1", 0, "submit", 1, "ana", "2026-11-30T10:01:00Z", ""};
  ASSERT_TRUE(store_->ReviewCase(&submit, "in_review").ok());
  EXPECT_EQ(submit.n, 1);
  CaseReviewRecord stale{"c1", 0, "approve", 2, "sam", "2026-11-30T10:02:00Z", ""};
  EXPECT_EQ(store_->ReviewCase(&stale, "published").code(), StatusCode::kConflict);
  CaseReviewRecord approve{"c1", 0, "approve", 1, "sam", "2026-11-30T10:02:00Z", "fine"};
  ASSERT_TRUE(store_->ReviewCase(&approve, "published").ok());
  EXPECT_EQ(approve.n, 2);
  EXPECT_EQ(HitIds(*store_->SearchCases(pub)), std::vector<std::string>{"c1"});

  // Version 2 (a draft) changes the words: readers of published cases still find version 1,
  // heads find version 2.
  EXPECT_EQ(PutTestCase(*store_, "c1", "{}", CaseIndex("x", "", {}), 3, "draft").code(),
            StatusCode::kConflict);
  ASSERT_TRUE(PutTestCase(*store_, "c1", R"({"v":2})",
                          CaseIndex("Women's e-taxi network", "safe mobility", {{"sdg", "5"}}), 1,
                          "draft", "2026-11-30T11:00:00Z")
                  .ok());
  auto found = store_->SearchCases(pub);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].version, 1);
  EXPECT_EQ(found->hits[0].doc, R"({"v":1})");
  EXPECT_EQ(store_->SearchCases(heads)->total, 0);  // "rickshaw" is gone from the head
  heads.q = "taxi";
  found = store_->SearchCases(heads);
  ASSERT_EQ(found->hits.size(), 1u);
  EXPECT_EQ(found->hits[0].version, 2);

  // Approving version 2 replaces version 1 in the published index.
  CaseReviewRecord approve2{"c1", 0, "approve", 2, "sam", "2026-11-30T12:00:00Z", ""};
  ASSERT_TRUE(store_->ReviewCase(&approve2, "published").ok());
  EXPECT_EQ(store_->SearchCases(pub)->total, 0);
  pub.q = "taxi";
  EXPECT_EQ(store_->SearchCases(pub)->total, 1);

  // Withdrawing removes it from the published index; versions and trail stay.
  CaseReviewRecord withdraw{"c1", 0, "withdraw", 2, "sam", "2026-11-30T13:00:00Z", "dup"};
  ASSERT_TRUE(store_->ReviewCase(&withdraw, "withdrawn").ok());
  EXPECT_EQ(store_->SearchCases(pub)->total, 0);
  auto versions = store_->CaseVersions("c1");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].doc, R"({"v":1})");
  EXPECT_EQ((*versions)[1].change, "edit");
  EXPECT_EQ(store_->GetCaseVersion("c1", 0)->value().version, 2);
  EXPECT_EQ(store_->GetCaseVersion("c1", 1)->value().doc, R"({"v":1})");
  EXPECT_FALSE(store_->GetCaseVersion("c1", 7)->has_value());
  auto trail = store_->CaseReviews("c1");
  ASSERT_TRUE(trail.ok());
  ASSERT_EQ(trail->size(), 4u);
  EXPECT_EQ((*trail)[3].action, "withdraw");
  EXPECT_EQ((*trail)[3].comment, "dup");
  CaseReviewRecord missing{"nope", 0, "approve", 1, "sam", "t", ""};
  EXPECT_EQ(store_->ReviewCase(&missing, "published").code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->CountCases(), 1);
}

TEST_P(StoreContractTest, CaseSearchFiltersCountsFacetsAndFindsAcrossLanguages) {
  struct Row {
    std::string id, title, body;
    std::vector<std::pair<std::string, std::string>> facets;
  };
  std::vector<Row> rows = {
      {"a",
       "Coopérative d'habitation",
       "logement abordable au Québec",
       {{"sdg", "11"}, {"country", "CA"}, {"language", "fr"}}},
      {"b",
       "Housing co-operative",
       "affordable housing cooperatives",
       {{"sdg", "11"}, {"sdg", "1"}, {"country", "GB"}, {"language", "en"}}},
      {"c",
       "Cooperativas de vivienda",
       "vivienda por ayuda mutua",
       {{"sdg", "11"}, {"country", "UY"}, {"language", "es"}}},
      {"d", "Fish use", "ocean resources", {{"sdg", "14"}, {"country", "WS"}, {"language", "en"}}},
  };
  for (const Row& r : rows) {
    ASSERT_TRUE(PutTestCase(*store_, r.id, "{\"id\":\"" + r.id + "\"}",
                            CaseIndex(r.title, r.body, r.facets), 0, "published")
                    .ok());
  }
  CaseSearchQuery q;
  q.q = "cooperative";
  q.facets = {"sdg", "country", "language"};
  auto r = store_->SearchCases(q);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 3);  // accents and plurals fold: coopérative, cooperativas
  std::vector<std::string> ids = HitIds(*r);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(FacetCountOf(*r, "sdg", "11"), 3);
  EXPECT_EQ(FacetCountOf(*r, "sdg", "1"), 1);
  EXPECT_EQ(FacetCountOf(*r, "sdg", "14"), 0);
  ASSERT_EQ(r->facets["sdg"].size(), 2u);
  EXPECT_EQ(r->facets["sdg"][0].value, "11");  // most frequent first

  // A filtered facet is counted over the other filters: choosing language fr still shows en
  // and es with their counts, while country counts follow the filter.
  q.filters["language"] = {"fr"};
  r = store_->SearchCases(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(HitIds(*r), std::vector<std::string>{"a"});
  EXPECT_EQ(FacetCountOf(*r, "language", "en"), 1);
  EXPECT_EQ(FacetCountOf(*r, "language", "es"), 1);
  EXPECT_EQ(FacetCountOf(*r, "country", "GB"), 0);
  EXPECT_EQ(FacetCountOf(*r, "country", "CA"), 1);
  // Values of one facet are alternatives; facets combine.
  q.filters["language"] = {"fr", "es"};
  EXPECT_EQ(store_->SearchCases(q)->total, 2);
  q.filters["country"] = {"UY"};
  EXPECT_EQ(HitIds(*store_->SearchCases(q)), std::vector<std::string>{"c"});

  // Without a query: listed by title; paging; any-word matching; exclusions.
  CaseSearchQuery all;
  all.limit = 2;
  auto page = store_->SearchCases(all);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  EXPECT_EQ(HitIds(*page), (std::vector<std::string>{"c", "a"}));  // by folded title
  all.offset = 2;
  EXPECT_EQ(HitIds(*store_->SearchCases(all)), (std::vector<std::string>{"d", "b"}));
  CaseSearchQuery any;
  any.q = "ocean housing";
  EXPECT_EQ(store_->SearchCases(any)->total, 0);
  any.any_word = true;
  ids = HitIds(*store_->SearchCases(any));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"b", "d"}));
  any.exclude_ids = {"b"};
  EXPECT_EQ(HitIds(*store_->SearchCases(any)), std::vector<std::string>{"d"});
  // Too short to search finds nothing; a bad limit is refused.
  CaseSearchQuery tiny;
  tiny.q = "a";
  EXPECT_EQ(store_->SearchCases(tiny)->total, 0);
  tiny.limit = -1;
  EXPECT_EQ(store_->SearchCases(tiny).status().code(), StatusCode::kInvalidArgument);
  // Newest first, since a date.
  ASSERT_TRUE(PutTestCase(*store_, "e", "{}", CaseIndex("Energy co-op", "", {}), 0, "published",
                          "2026-12-01T00:00:00Z")
                  .ok());
  CaseSearchQuery recent;
  recent.changed_since = "2026-11-30T12:00:00Z";
  recent.newest_first = true;
  EXPECT_EQ(HitIds(*store_->SearchCases(recent)), std::vector<std::string>{"e"});
}

// A search with words whose conditions the store can check in memory (published or heads,
// facet filters, exclusions) is worked out over the text matches in memory; with a date or a
// status it runs in SQL. Both give the same totals, order and facet counts.
TEST_P(StoreContractTest, CaseSearchInMemoryAgreesWithSql) {
  const std::vector<std::string> words = {"water",  "housing", "credit", "women", "energy",
                                          "school", "farm",    "health", "youth", "market"};
  const std::vector<std::string> countries = {"IN", "KE", "BR", "FR", "CA"};
  for (int i = 0; i < 60; ++i) {
    std::string title = words[static_cast<size_t>(i) % words.size()] + " " +
                        words[static_cast<size_t>(i * 7 + 3) % words.size()] + " project";
    std::string body;
    for (int k = 0; k <= i % 5; ++k) body += words[static_cast<size_t>(i + k * 3) % 10] + " ";
    std::vector<std::pair<std::string, std::string>> facets = {
        {"country", countries[static_cast<size_t>(i) % countries.size()]},
        {"sdg", std::to_string(1 + i % 4)}};
    if (i % 3 == 0) facets.push_back({"sdg", "5"});
    if (i % 11 == 0) facets.clear();  // cases without facets are still found
    const std::string id = "k" + std::to_string(i);
    ASSERT_TRUE(PutTestCase(*store_, id, "{}", CaseIndex(title, body, facets), 0,
                            i % 6 == 5 ? "draft" : "published")
                    .ok());
    if (i % 9 == 4) {  // a new draft head over the published version
      ASSERT_TRUE(
          PutTestCase(*store_, id, "{}", CaseIndex("market " + title, body, facets), 1, "draft")
              .ok());
    }
  }
  std::vector<CaseSearchQuery> queries;
  for (const char* w : {"water", "housing credit", "project", "women market", "farm"}) {
    CaseSearchQuery q;
    q.q = w;
    q.facets = {"country", "sdg"};
    q.limit = 7;
    queries.push_back(q);
    q.offset = 3;
    q.filters["sdg"] = {"5", "2"};
    queries.push_back(q);
    q.filters["country"] = {"IN"};
    q.heads = true;
    queries.push_back(q);
    q.any_word = true;
    q.exclude_ids = {"k0", "k13"};
    q.offset = 0;
    q.limit = 50;
    queries.push_back(q);
  }
  size_t with_matches = 0;
  for (CaseSearchQuery q : queries) {
    auto in_memory = store_->SearchCases(q);
    q.changed_since = "2000-01-01T00:00:00Z";  // every version: the SQL path
    auto in_sql = store_->SearchCases(q);
    ASSERT_TRUE(in_memory.ok()) << in_memory.status().ToString();
    ASSERT_TRUE(in_sql.ok()) << in_sql.status().ToString();
    SCOPED_TRACE("query '" + q.q + "', offset " + std::to_string(q.offset));
    if (in_memory->total > 0) ++with_matches;
    EXPECT_EQ(in_memory->total, in_sql->total);
    EXPECT_EQ(HitIds(*in_memory), HitIds(*in_sql));
    ASSERT_EQ(in_memory->facets.size(), in_sql->facets.size());
    for (const auto& [facet, counts] : in_sql->facets) {
      ASSERT_EQ(in_memory->facets[facet].size(), counts.size()) << facet;
      for (size_t i = 0; i < counts.size(); ++i) {
        EXPECT_EQ(in_memory->facets[facet][i].value, counts[i].value) << facet;
        EXPECT_EQ(in_memory->facets[facet][i].count, counts[i].count) << facet;
      }
    }
  }
  EXPECT_GE(with_matches, 12u);  // of 20: the comparison is not of empty results
}

// The last word is also a prefix while few cases have it as typed: "wal" finds "walls"; a word
// that many cases have ("with") is taken whole and does not find "without".
TEST_P(StoreContractTest, CaseSearchTakesACommonLastWordWhole) {
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(PutTestCase(*store_, "w" + std::to_string(i), "{}",
                            CaseIndex("Working with neighbours", "", {}), 0, "published")
                    .ok());
  }
  ASSERT_TRUE(
      PutTestCase(*store_, "alone", "{}", CaseIndex("Care without walls", "", {}), 0, "published")
          .ok());
  CaseSearchQuery q;
  q.q = "with";
  EXPECT_EQ(store_->SearchCases(q)->total, 50);
  q.q = "wal";
  EXPECT_EQ(HitIds(*store_->SearchCases(q)), std::vector<std::string>{"alone"});
  q.q = "care with";  // the last word is common: "care" and "with" both needed
  EXPECT_EQ(store_->SearchCases(q)->total, 0);
  q.q = "neighbours wit";  // rare as typed: a prefix
  EXPECT_EQ(store_->SearchCases(q)->total, 50);
}

// The in-memory copy of the index is per connection: a write through another connection (another
// server thread or process) is seen by the next search, published or withdrawn alike.
TEST_P(StoreContractTest, CaseSearchSeesWritesOfOtherConnections) {
  ASSERT_TRUE(
      PutTestCase(*store_, "a", "{}", CaseIndex("Water co-op", "", {{"sdg", "6"}}), 0, "published")
          .ok());
  CaseSearchQuery q;
  q.q = "water";
  q.facets = {"sdg"};
  ASSERT_EQ(store_->SearchCases(q)->total, 1);  // fills this connection's copy
  auto other = OpenStore(url_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_TRUE(
      PutTestCase(**other, "b", "{}", CaseIndex("Water fund", "", {{"sdg", "1"}}), 0, "published")
          .ok());
  auto r = store_->SearchCases(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 2);
  EXPECT_EQ(FacetCountOf(*r, "sdg", "1"), 1);
  CaseReviewRecord withdraw{"a", 0, "withdraw", 1, "steward", "2026-11-30T11:00:00Z", ""};
  ASSERT_TRUE((*other)->ReviewCase(&withdraw, "withdrawn").ok());
  r = store_->SearchCases(q);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(HitIds(*r), std::vector<std::string>{"b"});
  EXPECT_EQ(FacetCountOf(*r, "sdg", "6"), 0);
}

TEST_P(StoreContractTest, FinanceRecordsAreVersionedListedAndRecoverable) {
  FinanceRecord loan{"loan",   "L-1",
                     0,        "coop-a",
                     "fund-1", R"({"principal":1200000})",
                     "ana",    "2026-11-30T10:00:00Z"};
  ASSERT_TRUE(store_->PutFinanceRecord(&loan, 0).ok());
  EXPECT_EQ(loan.version, 1);
  // A second create, or an edit from a stale version, is refused and changes nothing.
  FinanceRecord again = loan;
  EXPECT_EQ(store_->PutFinanceRecord(&again, 0).code(), StatusCode::kConflict);
  loan.doc = R"({"principal":1000000})";
  ASSERT_TRUE(store_->PutFinanceRecord(&loan, 1).ok());
  EXPECT_EQ(loan.version, 2);
  FinanceRecord stale = loan;
  Status refused = store_->PutFinanceRecord(&stale, 1);
  EXPECT_EQ(refused.code(), StatusCode::kConflict);
  EXPECT_NE(refused.message().find("is at version 2, not 1"), std::string::npos)
      << refused.message();
  auto head = store_->GetFinanceRecord("loan", "L-1");
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->version, 2);
  EXPECT_EQ((*head)->doc, R"({"principal":1000000})");
  EXPECT_EQ((*head)->actor_id, "coop-a");
  EXPECT_EQ(store_->GetFinanceRecord("loan", "L-1", 1)->value().doc, R"({"principal":1200000})");
  EXPECT_FALSE(store_->GetFinanceRecord("loan", "L-9")->has_value());
  EXPECT_FALSE(store_->GetFinanceRecord("fund", "L-1")->has_value());  // ids are per kind

  FinanceRecord other{"loan", "L-2", 0, "coop-b", "fund-1", "{}", "ana", "2026-11-30T11:00:00Z"};
  ASSERT_TRUE(store_->PutFinanceRecord(&other, 0).ok());
  FinanceRecord fund{"fund", "fund-1", 0, "", "", "{}", "ana", "2026-11-30T11:00:00Z"};
  ASSERT_TRUE(store_->PutFinanceRecord(&fund, 0).ok());
  auto ids = [&](const FinanceQuery& q) {
    std::vector<std::string> out;
    auto records = store_->FinanceRecords(q);
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    if (records.ok()) {
      for (const FinanceRecord& r : *records) out.push_back(r.id);
    }
    return out;
  };
  EXPECT_EQ(ids({"loan", "", "", false}), (std::vector<std::string>{"L-1", "L-2"}));
  EXPECT_EQ(ids({"loan", "coop-b", "", false}), std::vector<std::string>{"L-2"});
  EXPECT_EQ(ids({"loan", "", "fund-1", false}), (std::vector<std::string>{"L-1", "L-2"}));
  EXPECT_EQ(ids({"fund", "", "", false}), std::vector<std::string>{"fund-1"});

  // Deleting is a version; putting the record again restores it.
  loan.deleted = true;
  ASSERT_TRUE(store_->PutFinanceRecord(&loan, 2).ok());
  EXPECT_EQ(ids({"loan", "", "", false}), std::vector<std::string>{"L-2"});
  EXPECT_EQ(ids({"loan", "", "", true}), (std::vector<std::string>{"L-1", "L-2"}));
  loan.deleted = false;
  ASSERT_TRUE(store_->PutFinanceRecord(&loan, 3).ok());
  EXPECT_EQ(ids({"loan", "", "", false}), (std::vector<std::string>{"L-1", "L-2"}));
  auto versions = store_->FinanceRecordVersions("loan", "L-1");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 4u);
  EXPECT_TRUE((*versions)[2].deleted);
  EXPECT_EQ((*versions)[3].doc, R"({"principal":1000000})");

  FinanceRecord bad{"", "x", 0, "", "", "{}", "ana", "t"};
  EXPECT_EQ(store_->PutFinanceRecord(&bad, 0).code(), StatusCode::kInvalidArgument);
  bad = {"loan", "x", 0, "", "", "", "ana", "t"};
  EXPECT_EQ(store_->PutFinanceRecord(&bad, 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->FinanceRecords({}).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreContractTest, ParticipationRecordsAreVersionedPerProcess) {
  ParticipationRecord process{
      "process", "p-1", 0, "p-1", "", R"({"title":"Budget"})", "ana", "2026-11-30T10:00:00Z"};
  ASSERT_TRUE(store_->PutParticipationRecord(&process, 0).ok());
  ParticipationRecord proposal{
      "proposal", "pr-1", 0, "p-1", "", R"({"title":"Bikes"})", "bob", "2026-11-30T10:01:00Z"};
  ASSERT_TRUE(store_->PutParticipationRecord(&proposal, 0).ok());
  ParticipationRecord amendment{"amendment", "am-1", 0,    "p-1",
                                "pr-1",      "{}",   "cy", "2026-11-30T10:02:00Z"};
  ASSERT_TRUE(store_->PutParticipationRecord(&amendment, 0).ok());
  ParticipationRecord elsewhere{"proposal", "pr-9", 0, "p-2", "", "{}", "cy", "t"};
  ASSERT_TRUE(store_->PutParticipationRecord(&elsewhere, 0).ok());
  proposal.doc = R"({"title":"Bicycles"})";
  ASSERT_TRUE(store_->PutParticipationRecord(&proposal, 1).ok());
  EXPECT_EQ(store_->PutParticipationRecord(&proposal, 1).code(), StatusCode::kConflict);

  auto of_process = store_->ParticipationRecords({"proposal", "p-1", "", false});
  ASSERT_TRUE(of_process.ok());
  ASSERT_EQ(of_process->size(), 1u);
  EXPECT_EQ((*of_process)[0].doc, R"({"title":"Bicycles"})");
  EXPECT_EQ(store_->ParticipationRecords({"amendment", "", "pr-1", false})->size(), 1u);
  EXPECT_EQ(store_->ParticipationRecords({"proposal", "", "", false})->size(), 2u);
  auto all = store_->ProcessRecordVersions("p-1");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);  // amendment 1, process 1, proposal 1 and 2
  EXPECT_EQ((*all)[0].kind, "amendment");
  EXPECT_EQ((*all)[3].version, 2);
  ParticipationRecord orphan{"proposal", "x", 0, "", "", "{}", "cy", "t"};
  EXPECT_EQ(store_->PutParticipationRecord(&orphan, 0).code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreContractTest, DecisionLogAppendsInOrderAndBallotBoxKeepsCommitmentOrder) {
  auto head = store_->LockDecisionLog("p-1");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->first, 0);
  DecisionLogRow first{"p-1", 1, "process", "{}", "ana", "t1", std::string(64, '0'), "h1"};
  ASSERT_TRUE(store_->AppendDecisionLog(first).ok());
  DecisionLogRow gap{"p-1", 3, "record", "{}", "ana", "t2", "h1", "h3"};
  EXPECT_EQ(store_->AppendDecisionLog(gap).code(), StatusCode::kConflict);
  DecisionLogRow unchained{"p-1", 2, "record", "{}", "ana", "t2", "hX", "h2"};
  EXPECT_EQ(store_->AppendDecisionLog(unchained).code(), StatusCode::kConflict);
  DecisionLogRow second{"p-1", 2, "record", R"({"id":"pr-1"})", "ana", "t2", "h1", "h2"};
  ASSERT_TRUE(store_->AppendDecisionLog(second).ok());
  DecisionLogRow other{"p-2", 1, "process", "{}", "ana", "t1", std::string(64, '0'), "g1"};
  ASSERT_TRUE(store_->AppendDecisionLog(other).ok());
  head = store_->LockDecisionLog("p-1");
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->first, 2);
  EXPECT_EQ(head->second, "h2");
  auto rows = store_->DecisionLog("p-1", 1, 0);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[1].body, R"({"id":"pr-1"})");
  EXPECT_EQ((*rows)[1].prev_hash, "h1");
  EXPECT_EQ(store_->DecisionLog("p-1", 2, 0)->size(), 1u);
  EXPECT_EQ(store_->DecisionLog("p-1", 1, 1)->size(), 1u);

  ASSERT_TRUE(store_->PutBoxedBallot({"p-1", "d-1", "cc", R"({"choice":"yes"})", "n1"}).ok());
  ASSERT_TRUE(store_->PutBoxedBallot({"p-1", "d-1", "aa", R"({"choice":"no"})", "n2"}).ok());
  ASSERT_TRUE(store_->PutBoxedBallot({"p-1", "d-2", "bb", "{}", "n3"}).ok());
  EXPECT_EQ(store_->PutBoxedBallot({"p-1", "d-1", "aa", "{}", "n4"}).code(), StatusCode::kConflict);
  auto box = store_->BoxedBallots("p-1", "d-1");
  ASSERT_TRUE(box.ok());
  ASSERT_EQ(box->size(), 2u);
  EXPECT_EQ((*box)[0].commitment, "aa");
  EXPECT_EQ((*box)[0].nonce, "n2");
  EXPECT_EQ((*box)[1].ballot, R"({"choice":"yes"})");
}

TEST_P(StoreContractTest, TransfersAreVersionedAndWatchesListedByOwner) {
  TransferRecord t{"tr-1", 0, "origin", "adapted", "ongoing", "2026-11-30", "ana", "{}", false};
  ASSERT_TRUE(store_->PutTransfer(&t).ok());
  EXPECT_EQ(t.version, 1);
  t.outcome = "failure";
  ASSERT_TRUE(store_->PutTransfer(&t).ok());
  EXPECT_EQ(t.version, 2);
  TransferRecord other{"tr-2", 0, "elsewhere", "x", "success", "2026-11-30", "ana", "{}", false};
  ASSERT_TRUE(store_->PutTransfer(&other).ok());
  auto of = store_->Transfers("origin");
  ASSERT_TRUE(of.ok());
  ASSERT_EQ(of->size(), 1u);
  EXPECT_EQ((*of)[0].outcome, "failure");
  EXPECT_EQ(store_->Transfers("adapted")->size(), 1u);
  EXPECT_EQ(store_->Transfers("")->size(), 2u);
  t.deleted = true;
  ASSERT_TRUE(store_->PutTransfer(&t).ok());
  EXPECT_TRUE(store_->Transfers("origin")->empty());
  EXPECT_EQ(store_->GetTransfer("tr-1")->value().version, 3);
  TransferRecord bad;
  EXPECT_EQ(store_->PutTransfer(&bad).code(), StatusCode::kInvalidArgument);

  ASSERT_TRUE(store_->PutWatch({"w-2", "ana", "water", R"({"q":"water"})", "t", false}).ok());
  ASSERT_TRUE(store_->PutWatch({"w-1", "ana", "housing", R"({"q":"housing"})", "t", false}).ok());
  ASSERT_TRUE(store_->PutWatch({"w-3", "bob", "energy", "{}", "t", false}).ok());
  auto mine = store_->Watches("ana");
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].name, "housing");
  ASSERT_TRUE(store_->PutWatch({"w-1", "ana", "housing", "{}", "t", true}).ok());
  EXPECT_EQ(store_->Watches("ana")->size(), 1u);
  EXPECT_TRUE(store_->GetWatch("w-1")->value().deleted);
  EXPECT_EQ(store_->Watches("")->size(), 2u);
}

}  // namespace
}  // namespace ecosol::store
