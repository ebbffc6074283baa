#include "test_store.h"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "test_paths.h"

namespace ecosol::testing {
namespace {

std::string UniqueName(const char* prefix) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::string(prefix) + std::to_string(rd() % 1000000) + "_" + std::to_string(counter++);
}

bool RunPg(const std::string& url, const std::string& sql, std::string* error) {
  PGconn* c = PQconnectdb(url.c_str());
  bool ok = PQstatus(c) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(c, ("SET client_min_messages = warning; " + sql).c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
  }
  if (!ok && error) *error = PQerrorMessage(c);
  PQfinish(c);
  return ok;
}

}  // namespace

TestStore::TestStore(const std::string& backend) {
  if (backend == "sqlite") {
    path_ =
        (std::filesystem::temp_directory_path() / (UniqueName("ecosol_test_") + ".db")).string();
    url_ = path_;
  } else {
    const char* pg = std::getenv("ECOSOL_TEST_PG_URL");
    if (!pg) {
      error_ =
          "ECOSOL_TEST_PG_URL is not set: run the tests with `make test`, which starts a "
          "throwaway PostgreSQL cluster";
      return;
    }
    admin_url_ = pg;
    schema_ = UniqueName("t_");
    if (!RunPg(admin_url_, "CREATE SCHEMA " + schema_, &error_)) return;
    url_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  auto store = store::OpenStore(url_);
  if (!store.ok()) {
    error_ = store.status().ToString();
    return;
  }
  Status s = (*store)->Migrate();
  if (!s.ok()) {
    error_ = s.ToString();
    return;
  }
  store_ = std::move(*store);
}

TestStore::~TestStore() {
  store_.reset();
  if (!path_.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  if (!schema_.empty()) RunPg(admin_url_, "DROP SCHEMA " + schema_ + " CASCADE", nullptr);
}

std::string TaxonomyFolder() { return ::ecosol::testing::SourceDir() + "/data/taxonomy"; }
std::string SharedDataFolder() { return ::ecosol::testing::SourceDir() + "/../shared/data"; }

}  // namespace ecosol::testing
