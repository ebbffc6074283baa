#pragma once

// Test helper: a fresh, migrated store on either backend, removed when the holder goes away.
//   TestStore db("sqlite");        // a temporary SQLite file
//   TestStore db("postgresql");    // a new schema on ECOSOL_TEST_PG_URL (make test sets it)
//   ASSERT_TRUE(db.ok()) << db.error();
//   Use(db.store());

#include <memory>
#include <string>

#include "ecosol/store/store.h"

namespace ecosol::testing {

class TestStore {
 public:
  explicit TestStore(const std::string& backend);
  ~TestStore();
  TestStore(const TestStore&) = delete;
  TestStore& operator=(const TestStore&) = delete;

  bool ok() const { return store_ != nullptr; }
  const std::string& error() const { return error_; }
  store::Store& store() { return *store_; }
  // The URL or path the store was opened with (to open more connections to it).
  const std::string& url() const { return url_; }

 private:
  std::unique_ptr<store::Store> store_;
  std::string error_;
  std::string url_;
  std::string path_;
  std::string schema_;
  std::string admin_url_;
};

// The folder of the project's taxonomies (data/taxonomy).
std::string TaxonomyFolder();
// The shared reference data folder (../shared/data).
std::string SharedDataFolder();

}  // namespace ecosol::testing
