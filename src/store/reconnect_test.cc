// PostgreSQL connections that the server drops (a restart, pg_terminate_backend, a network cut)
// are opened again before the next statement, never in the middle of a transaction: a write
// acknowledged before stays, a transaction cut short leaves nothing behind.

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <random>
#include <string>

#include "ecosol/store/store.h"
#include "test_store.h"

namespace ecosol::store {
namespace {

JobRecord NewJob(const std::string& id) {
  JobRecord j;
  j.id = id;
  j.kind = "test";
  j.state = "queued";
  j.params = "{}";
  j.created_at = j.updated_at = "t";
  return j;
}

class ReconnectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    std::random_device rd;
    app_ = "ecosol_reconnect_" + std::to_string(rd() % 1000000);
    auto store = OpenStore(db_.url() + "&application_name=" + app_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  // Ends this test's connection from the server's side, as a restart would.
  void Terminate() {
    const char* url = std::getenv("ECOSOL_TEST_PG_URL");
    ASSERT_NE(url, nullptr);
    PGconn* c = PQconnectdb(url);
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    std::string sql =
        "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
        "'" +
        app_ + "'";
    PGresult* r = PQexec(c, sql.c_str());
    ASSERT_EQ(PQresultStatus(r), PGRES_TUPLES_OK) << PQerrorMessage(c);
    EXPECT_EQ(std::string(PQgetvalue(r, 0, 0)), "1");
    PQclear(r);
    PQfinish(c);
  }

  testing::TestStore db_{"postgresql"};
  std::string app_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReconnectTest, ADroppedConnectionIsOpenedAgain) {
  ASSERT_TRUE(store_->PutJob(NewJob("job-before")).ok());
  Terminate();
  // The first statement may learn of the loss (Unavailable); the next one runs on a new
  // connection.
  Status first = store_->PutJob(NewJob("job-after"));
  if (!first.ok()) {
    EXPECT_EQ(first.code(), StatusCode::kUnavailable) << first.ToString();
    ASSERT_TRUE(store_->PutJob(NewJob("job-after")).ok());
  }
  EXPECT_TRUE((*store_->GetJob("job-before")).has_value());
  EXPECT_TRUE((*store_->GetJob("job-after")).has_value());
}

TEST_F(ReconnectTest, ATransactionCutShortLeavesNothing) {
  Status cut = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutJob(NewJob("job-1")));
    Terminate();
    ECOSOL_RETURN_IF_ERROR(store_->PutJob(NewJob("job-2")));
    return store_->PutJob(NewJob("job-3"));
  });
  EXPECT_EQ(cut.code(), StatusCode::kUnavailable) << cut.ToString();
  // Even a caller that goes on after an error is refused until the transaction ends: nothing
  // runs outside it on a new connection.
  Status ignored = store_->InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_->PutJob(NewJob("job-4")));
    Terminate();
    (void)store_->PutJob(NewJob("job-5")).ok();  // fails: the connection is gone
    return store_->PutJob(NewJob("job-6"));      // refused: still in the cut transaction
  });
  EXPECT_EQ(ignored.code(), StatusCode::kUnavailable) << ignored.ToString();
  for (const char* id : {"job-1", "job-2", "job-3", "job-4", "job-5", "job-6"}) {
    auto got = store_->GetJob(id);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_FALSE(got->has_value()) << id;
  }
  ASSERT_TRUE(store_->PutJob(NewJob("job-7")).ok());
  EXPECT_TRUE((*store_->GetJob("job-7")).has_value());
}

}  // namespace
}  // namespace ecosol::store
