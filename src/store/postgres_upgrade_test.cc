// A PostgreSQL database made by an older release (schema version 15, before the work queue;
// tests/data/postgresql-schema-v15.sql) is upgraded by Migrate, as `ecosol serve` and
// `ecosol worker` do at start, without losing data; a job the old release left running is
// failed with the reason rather than started again from the beginning.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "ecosol/store/store.h"
#include "test_paths.h"

namespace ecosol::store {
namespace {

class PostgresUpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("ECOSOL_TEST_PG_URL");
    ASSERT_NE(url, nullptr) << "ECOSOL_TEST_PG_URL is not set: run the tests with `make test`";
    admin_url_ = url;
    std::random_device rd;
    schema_ = "v15_" + std::to_string(rd() % 1000000);
    std::ifstream in(::ecosol::testing::SourceDir() + "/tests/data/postgresql-schema-v15.sql");
    ASSERT_TRUE(in) << "tests/data/postgresql-schema-v15.sql is missing";
    std::stringstream text;
    text << in.rdbuf();
    std::string sql = text.str();
    // The dump names its schema ecosol_v15 everywhere: loaded under this test's own name.
    for (size_t at = 0; (at = sql.find("ecosol_v15", at)) != std::string::npos;) {
      sql.replace(at, 10, schema_);
      at += schema_.size();
    }
    Run(sql);
  }

  void TearDown() override { Run("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"); }

  void Run(const std::string& sql) {
    PGconn* c = PQconnectdb(admin_url_.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PGresult* r = PQexec(c, ("SET client_min_messages = warning; " + sql).c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
        << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
  }

  std::string Url() const {
    return admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }

  std::string admin_url_;
  std::string schema_;
};

TEST_F(PostgresUpgradeTest, AnOlderReleasesDatabaseIsUpgradedWithItsData) {
  auto store = OpenStore(Url());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Store& s = **store;
  ASSERT_EQ(*s.SchemaVersion(), 15);
  Status migrated = s.Migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.ToString();
  EXPECT_EQ(*s.SchemaVersion(), 20);
  EXPECT_TRUE(s.Migrate().ok());  // once is enough

  // The registry, the accounts and the assessments are all there.
  EXPECT_EQ(*s.CountActors(), 30);
  auto users = s.ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].email, "old@example.org");
  auto first = s.FindByIdentifier("v15-30", "R006884");
  ASSERT_TRUE(first.ok() && first->has_value()) << "the first Co-operatives UK row";
  auto assessed = s.Assessments(**first, "un-ilo");
  ASSERT_TRUE(assessed.ok());
  EXPECT_EQ(assessed->size(), 1u);
  auto searched = s.ListActors([] {
    ActorQuery q;
    q.q = "workmen";
    return q;
  }());
  ASSERT_TRUE(searched.ok()) << searched.status().ToString();
  EXPECT_FALSE(searched->items.empty()) << "full-text search on the upgraded database";

  // The old release's jobs: the finished one as it was, the running one failed with the reason.
  auto done = s.GetJob("job-old-done");
  ASSERT_TRUE(done.ok() && done->has_value());
  EXPECT_EQ((*done)->state, "done");
  EXPECT_EQ((*done)->attempts, 0);
  auto running = s.GetJob("job-old-running");
  ASSERT_TRUE(running.ok() && running->has_value());
  EXPECT_EQ((*running)->state, "failed");
  EXPECT_NE((*running)->error.find("upgrade"), std::string::npos) << (*running)->error;
  // The queue works on it.
  EXPECT_FALSE(s.ClaimJob("w", {"screening"}, 60000, "t")->has_value());
}

// A migration that fails rolls back the whole upgrade: here migration 19 meets a table of its
// name already there, after migrations 16 to 18 ran in the same transaction. The database stays
// at version 15 with its data and its old release's jobs as they were; once the cause is
// removed, the upgrade runs.
TEST_F(PostgresUpgradeTest, AFailedMigrationRollsBackTheWholeUpgrade) {
  Run("CREATE TABLE " + schema_ + ".actor_text (x INTEGER)");
  {
    auto store = OpenStore(Url());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Store& s = **store;
    Status failed = s.Migrate();
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.ToString().find("migration 19"), std::string::npos) << failed.ToString();
    EXPECT_NE(failed.ToString().find("actor_text"), std::string::npos) << failed.ToString();
    EXPECT_EQ(*s.SchemaVersion(), 15);
    EXPECT_EQ(*s.CountActors(), 30);
  }
  // Migration 16's changes to the jobs (new columns, the running job failed) were undone, and
  // migration 17's table is not there.
  PGconn* c = PQconnectdb(Url().c_str());
  ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
  auto scalar = [&](const std::string& sql) {
    PGresult* r = PQexec(c, sql.c_str());
    std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1
                        ? PQgetvalue(r, 0, 0)
                        : std::string("error: ") + PQerrorMessage(c);
    PQclear(r);
    return v;
  };
  EXPECT_EQ(scalar("SELECT state FROM jobs WHERE id = 'job-old-running'"), "running");
  EXPECT_EQ(scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" +
                   schema_ + "' AND table_name = 'jobs' AND column_name = 'attempts'"),
            "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" +
                   schema_ + "' AND table_name = 'job_inputs'"),
            "0");
  PQfinish(c);
  Run("DROP TABLE " + schema_ + ".actor_text");
  auto store = OpenStore(Url());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Status migrated = (*store)->Migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), 20);
  EXPECT_EQ(*(*store)->CountActors(), 30);
}

}  // namespace
}  // namespace ecosol::store
