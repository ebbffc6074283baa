// Backups and restores on both backends. The PostgreSQL tests need ECOSOL_TEST_PG_URL (`make
// test` sets it); without it they fail rather than pass unseen.

#include "ecosol/store/backup.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <thread>

#include "ecosol/store/store.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::store {
namespace {

namespace fs = std::filesystem;
using model::Actor;
using model::ActorKind;

Actor MakeActor(const std::string& id, const std::string& name) {
  Actor a;
  a.id = id;
  a.name = name;
  a.kind = ActorKind::kOrganisation;
  a.address.country = "GB";
  a.version = 1;
  a.updated_at = "2026-11-28T00:00:00Z";
  return a;
}

long long CountOf(const BackupReport& r, const std::string& table) {
  for (const auto& [name, n] : r.table_counts) {
    if (name == table) return n;
  }
  return -1;
}

bool HasTable(const BackupReport& r, const std::string& table) {
  for (const auto& t : r.tables) {
    if (t.size() > table.size() && t.substr(t.size() - table.size() - 1) == "." + table) {
      return true;
    }
  }
  return false;
}

// The files of `folder` whose name contains `part`.
std::vector<std::string> FilesWith(const fs::path& folder, const std::string& part) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(folder)) {
    if (e.path().filename().string().find(part) != std::string::npos) {
      found.push_back(e.path().string());
    }
  }
  return found;
}

// Overwrites `n` bytes in the middle of `file` with pseudo-random bytes (whole pages, so that a
// SQLite file loses page headers), or cuts the file to half its size when `truncate`.
void Damage(const std::string& file, bool truncate) {
  auto size = fs::file_size(file);
  if (truncate) {
    fs::resize_file(file, size / 2);
    return;
  }
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  std::mt19937 gen(42);
  std::uintmax_t start = (size / 2) & ~std::uintmax_t{4095};
  f.seekp(static_cast<std::streamoff>(start));
  std::uintmax_t n = std::min<std::uintmax_t>(3 * 4096, size - start);
  for (std::uintmax_t i = 0; i < n; ++i) f.put(static_cast<char>(gen() & 0xFF));
}

// A database of the test's own (SQLite: a file in the test's folder, opened and closed on
// demand so that restores can replace it; PostgreSQL: a schema of TestStore) and a folder for
// the backup files.
class BackupTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    folder_ = fs::temp_directory_path() /
              ("ecosol_backup_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(folder_);
    if (GetParam() == "sqlite") {
      url_ = (folder_ / "live.db").string();
    } else {
      pg_ = std::make_unique<testing::TestStore>("postgresql");
      ASSERT_TRUE(pg_->ok()) << pg_->error();
      url_ = pg_->url();
    }
    auto s = Open();
    ASSERT_TRUE(s) << "cannot open " << url_;
  }

  void TearDown() override {
    pg_.reset();
    std::error_code ec;
    fs::remove_all(folder_, ec);
  }

  std::unique_ptr<Store> Open() {
    auto s = OpenStore(url_);
    if (!s.ok() || !(*s)->Migrate().ok()) return nullptr;
    return std::move(*s);
  }

  // Writes actors a1 "Alpha" and a2 "Beta".
  void WriteKnownContent() {
    auto s = Open();
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->PutActor(MakeActor("a1", "Alpha"), "create").ok());
    ASSERT_TRUE(s->PutActor(MakeActor("a2", "Beta"), "create").ok());
  }

  // Renames a1 and adds a3.
  void ChangeContent() {
    auto s = Open();
    ASSERT_TRUE(s);
    Actor a1 = MakeActor("a1", "Alpha renamed");
    a1.version = 2;
    ASSERT_TRUE(s->PutActor(a1, "update").ok());
    ASSERT_TRUE(s->PutActor(MakeActor("a3", "Gamma"), "create").ok());
  }

  void ExpectChangedContent() {
    auto s = Open();
    ASSERT_TRUE(s);
    EXPECT_EQ(*s->CountActors(), 3);
    auto a1 = s->GetActor("a1");
    ASSERT_TRUE(a1.ok() && a1->has_value());
    EXPECT_EQ((*a1)->name, "Alpha renamed");
  }

  std::string File(const std::string& name) const { return (folder_ / name).string(); }
  // The other kind of target: a PostgreSQL URL for a SQLite backup and the other way round.
  std::string MismatchedTarget() const {
    return GetParam() == "sqlite" ? "postgresql://127.0.0.1:1/nowhere" : File("other.db");
  }

  fs::path folder_;
  std::string url_;
  std::unique_ptr<testing::TestStore> pg_;
};

TEST(RedactUrlTest, HidesPasswordsAndKeepsTheRest) {
  EXPECT_EQ(RedactUrl("postgresql://ecosol:s3cret@db.example.org:5432/ecosol"),
            "postgresql://ecosol:***@db.example.org:5432/ecosol");
  EXPECT_EQ(RedactUrl("postgres://u:p%40ss@h/db?sslmode=require&password=two&application_name=x"),
            "postgres://u:***@h/db?sslmode=require&password=***&application_name=x");
  EXPECT_EQ(RedactUrl("postgresql://h/db?password=only"), "postgresql://h/db?password=***");
  EXPECT_EQ(RedactUrl("postgresql://ecosol@h/db"), "postgresql://ecosol@h/db");
  EXPECT_EQ(RedactUrl("postgresql:///ecosol?host=/tmp/pg"), "postgresql:///ecosol?host=/tmp/pg");
  EXPECT_EQ(RedactUrl("data/my:odd@file.db"), "data/my:odd@file.db");
}

// OpenStore's rule, which the CLI also follows to know when to make a database's folder.
TEST(IsPostgresUrlTest, OnlyThePostgresSchemesArePostgres) {
  EXPECT_TRUE(IsPostgresUrl("postgresql://ecosol@db.example.org/ecosol"));
  EXPECT_TRUE(IsPostgresUrl("postgres://h/db"));
  EXPECT_TRUE(IsPostgresUrl("postgresql:///ecosol?host=/tmp/pg"));
  EXPECT_FALSE(IsPostgresUrl("postgres-copy.db"));
  EXPECT_FALSE(IsPostgresUrl("data/postgresql:/x.db"));
  EXPECT_FALSE(IsPostgresUrl("./postgresql://x"));
  EXPECT_FALSE(IsPostgresUrl(":memory:"));
  EXPECT_FALSE(IsPostgresUrl(""));
}

TEST_P(BackupTest, BackupVerifyChangeRestoreBringsTheOldContentBack) {
  WriteKnownContent();
  std::vector<BackupProgress> steps;
  BackupOptions o;
  o.progress = [&](const BackupProgress& p) { steps.push_back(p); };
  auto made = Backup(url_, File("b1"), o);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->file, File("b1"));
  EXPECT_GT(made->size_bytes, 0);
  EXPECT_EQ(made->size_bytes, static_cast<long long>(fs::file_size(File("b1"))));
  EXPECT_EQ(made->schema_version, SupportedSchemaVersion());
  EXPECT_GT(SupportedSchemaVersion(), 3);
  // Nothing but the backup is left in the folder (no temporary file).
  EXPECT_EQ(FilesWith(folder_, "partial").size(), 0u);

  auto verified = VerifyBackup(File("b1"));
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->schema_version, SupportedSchemaVersion());
  if (GetParam() == "sqlite") {
    EXPECT_EQ(verified->format, "sqlite");
    EXPECT_EQ(CountOf(*verified, "actors"), 2);
    EXPECT_EQ(CountOf(*verified, "relationships"), 0);
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.back().pages_done, steps.back().pages_total);
    EXPECT_GT(steps.back().pages_total, 0);
    // A single self-contained file: rollback journal, nothing beside it.
    EXPECT_FALSE(fs::exists(File("b1-wal")));
  } else {
    EXPECT_EQ(verified->format, "pg_dump");
    EXPECT_TRUE(HasTable(*verified, "actors"));
    EXPECT_TRUE(HasTable(*verified, "schema_migrations"));
  }

  ChangeContent();
  // The wrong kind of target is refused before anything happens.
  auto wrong = Restore(File("b1"), MismatchedTarget(), {});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(File("other.db")));

  RestoreOptions force;
  force.force = true;
  auto restored = Restore(File("b1"), url_, force);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  EXPECT_EQ(restored->schema_version_restored, SupportedSchemaVersion());
  EXPECT_EQ(restored->schema_version_after, SupportedSchemaVersion());
  ASSERT_FALSE(restored->previous_kept.empty());
  EXPECT_TRUE(fs::exists(restored->previous_kept));
  {
    auto s = Open();
    ASSERT_TRUE(s);
    EXPECT_EQ(*s->CountActors(), 2);
    auto a1 = s->GetActor("a1");
    ASSERT_TRUE(a1.ok() && a1->has_value());
    EXPECT_EQ((*a1)->name, "Alpha");
    auto a3 = s->GetActor("a3");
    ASSERT_TRUE(a3.ok());
    EXPECT_FALSE(a3->has_value());
    // The restored database takes writes.
    ASSERT_TRUE(s->PutActor(MakeActor("a4", "Delta"), "create").ok());
  }
  // A second restore straight after keeps its own copy of the previous content.
  auto again = Restore(File("b1"), url_, force);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_NE(again->previous_kept, restored->previous_kept);
  EXPECT_TRUE(fs::exists(again->previous_kept));
  // The previous content is kept, complete.
  auto kept = VerifyBackup(restored->previous_kept);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  if (GetParam() == "sqlite") {
    EXPECT_EQ(CountOf(*kept, "actors"), 3);
    EXPECT_NE(restored->previous_kept.find("live.db.before-restore-"), std::string::npos);
    auto old = OpenStore(restored->previous_kept);
    ASSERT_TRUE(old.ok());
    EXPECT_EQ((*(*old)->GetActor("a1"))->name, "Alpha renamed");
  } else {
    EXPECT_TRUE(HasTable(*kept, "actors"));
  }
}

TEST_P(BackupTest, BackupRefusesAnExistingFileUnlessOverwrite) {
  WriteKnownContent();
  ASSERT_TRUE(Backup(url_, File("b1"), {}).ok());
  auto size = fs::file_size(File("b1"));
  auto again = Backup(url_, File("b1"), {});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_NE(again.status().message().find("--overwrite"), std::string::npos);
  EXPECT_EQ(fs::file_size(File("b1")), size);
  ChangeContent();
  BackupOptions o;
  o.overwrite = true;
  auto replaced = Backup(url_, File("b1"), o);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  if (GetParam() == "sqlite") {
    EXPECT_EQ(CountOf(*replaced, "actors"), 3);
  }
  EXPECT_EQ(FilesWith(folder_, "partial").size(), 0u);
  // The database itself is never a backup's file.
  if (GetParam() == "sqlite") {
    auto self = Backup(url_, url_, o);
    ASSERT_FALSE(self.ok());
    ExpectChangedContent();
  }
}

TEST_P(BackupTest, ADamagedBackupFailsVerificationAndRestoreChangesNothing) {
  WriteKnownContent();
  ASSERT_TRUE(Backup(url_, File("b1"), {}).ok());
  fs::copy_file(File("b1"), File("cut"));
  fs::copy_file(File("b1"), File("garbled"));
  Damage(File("cut"), true);
  ChangeContent();
  std::vector<std::string> damaged = {File("cut")};
  // pg_dump's archive keeps its table definitions as plain text with no checksum, so bytes
  // overwritten there may go unnoticed: only the truncated archive is tried. The SQLite file
  // loses page headers.
  if (GetParam() == "sqlite") {
    Damage(File("garbled"), false);
    damaged.push_back(File("garbled"));
  }
  for (const auto& file : damaged) {
    SCOPED_TRACE(file);
    auto v = VerifyBackup(file);
    ASSERT_FALSE(v.ok());
    EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument) << v.status().ToString();
    EXPECT_NE(v.status().message().find("damaged"), std::string::npos) << v.status().ToString();
    RestoreOptions force;
    force.force = true;
    auto r = Restore(file, url_, force);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("nothing was restored"), std::string::npos);
    ExpectChangedContent();
    EXPECT_TRUE(FilesWith(folder_, "before-restore").empty());
    EXPECT_TRUE(FilesWith(folder_, "restoring").empty());
  }
  // Not a backup at all.
  std::ofstream(File("text")) << "hello";
  auto text = VerifyBackup(File("text"));
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("neither a SQLite database"), std::string::npos);
  EXPECT_EQ(VerifyBackup(File("missing")).status().code(), StatusCode::kNotFound);
}

TEST_P(BackupTest, RestoreIntoATargetWithDataNeedsForce) {
  WriteKnownContent();
  ASSERT_TRUE(Backup(url_, File("b1"), {}).ok());
  ChangeContent();
  auto r = Restore(File("b1"), url_, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_NE(r.status().message().find("--force"), std::string::npos);
  ExpectChangedContent();
  EXPECT_TRUE(FilesWith(folder_, "before-restore").empty());
}

// A backup taken while another connection keeps writing holds one consistent state: between
// the counts before and after, intact, and restorable.
TEST_P(BackupTest, ABackupTakenDuringWritesIsConsistent) {
  {
    auto s = Open();
    ASSERT_TRUE(s);
    // Enough pages that the SQLite copy takes several steps (long descriptions).
    ASSERT_TRUE(s->InTransaction([&]() -> Status {
                   for (int i = 0; i < 1500; ++i) {
                     Actor a = MakeActor("seed" + std::to_string(i), "Seed " + std::to_string(i));
                     a.description = {{"en", std::string(3000, static_cast<char>('a' + i % 26))}};
                     ECOSOL_RETURN_IF_ERROR(s->PutActor(a, "create"));
                   }
                   return Status::Ok();
                 }).ok());
  }
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::atomic<bool> writer_failed{false};
  std::thread writer([&] {
    auto s = Open();
    if (!s) {
      writer_failed = true;
      return;
    }
    for (int i = 0; !stop; ++i) {
      if (!s->PutActor(MakeActor("w" + std::to_string(i), "Writer " + std::to_string(i)), "create")
               .ok()) {
        writer_failed = true;
        return;
      }
      ++written;
    }
  });
  while (written < 20 && !writer_failed) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  long long before = 1500 + written;
  int progress_calls = 0;
  BackupOptions o;
  o.progress = [&](const BackupProgress&) { ++progress_calls; };
  auto made = Backup(url_, File("b1"), o);
  long long after_backup = 1500 + written;
  while (written < after_backup - 1500 + 20 && !writer_failed) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  stop = true;
  writer.join();
  ASSERT_FALSE(writer_failed);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  long long after = 1500 + written;
  EXPECT_GT(after, after_backup);  // the writer went on after the backup
  if (GetParam() == "sqlite") {
    EXPECT_GT(progress_calls, 1);
  }
  auto v = VerifyBackup(File("b1"));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  RestoreOptions force;
  force.force = true;
  auto r = Restore(File("b1"), url_, force);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto s = Open();
  ASSERT_TRUE(s);
  long long restored = *s->CountActors();
  EXPECT_GE(restored, before);
  EXPECT_LE(restored, after_backup);
  EXPECT_LT(restored, after);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(CountOf(*v, "actors"), restored);
  }
}

// A table the backup does not hold (as a newer migration would have made) does not survive the
// restore, so that Migrate can make it again; it is in the kept previous content.
TEST_P(BackupTest, ARestoreLeavesNoTableTheBackupDoesNotHold) {
  WriteKnownContent();
  ASSERT_TRUE(Backup(url_, File("b1"), {}).ok());
  const std::string sql =
      "CREATE TABLE later_feature (x INTEGER); INSERT INTO later_feature VALUES (7)";
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  } else {
    PGconn* c = PQconnectdb(url_.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_EQ(PQresultStatus(r), PGRES_COMMAND_OK) << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
  }
  RestoreOptions force;
  force.force = true;
  auto r = Restore(File("b1"), url_, force);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->schema_version_after, SupportedSchemaVersion());
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url_.c_str(), &db), SQLITE_OK);
    EXPECT_NE(sqlite3_exec(db, "SELECT * FROM later_feature", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  } else {
    PGconn* c = PQconnectdb(url_.c_str());
    PGresult* res = PQexec(c, "SELECT * FROM later_feature");
    EXPECT_EQ(PQresultStatus(res), PGRES_FATAL_ERROR);
    PQclear(res);
    PQfinish(c);
    auto kept = VerifyBackup(r->previous_kept);
    ASSERT_TRUE(kept.ok()) << kept.status().ToString();
    EXPECT_TRUE(HasTable(*kept, "later_feature"));
  }
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(*s->CountActors(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

class SqliteBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("ecosol_sqlite_backup_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(folder_, ec);
  }
  std::string File(const std::string& name) const { return (folder_ / name).string(); }
  fs::path folder_;
};

// A backup of the release before migration 4 (tests/data/README.md) is upgraded on restore.
TEST_F(SqliteBackupTest, AnOlderBackupIsUpgradedByTheRestore) {
  fs::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db", File("v3.db"));
  auto v = VerifyBackup(File("v3.db"));
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->schema_version, 3);
  EXPECT_EQ(CountOf(*v, "actors"), 2);
  auto r = Restore(File("v3.db"), File("target/new.db"), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->schema_version_restored, 3);
  EXPECT_EQ(r->schema_version_after, SupportedSchemaVersion());
  EXPECT_TRUE(r->previous_kept.empty());
  auto s = OpenStore(File("target/new.db"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*(*s)->SchemaVersion(), SupportedSchemaVersion());
  auto history = (*s)->ActorHistory("cuk-r006884");
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 2u);
  // The backup itself is untouched: still version 3.
  EXPECT_EQ(VerifyBackup(File("v3.db"))->schema_version, 3);
}

TEST_F(SqliteBackupTest, ANewerSchemaIsRefused) {
  {
    auto s = OpenStore(File("new.db"));
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->Migrate().ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(File("new.db").c_str(), &db), SQLITE_OK);
  std::string sql = "INSERT INTO schema_migrations VALUES (" +
                    std::to_string(SupportedSchemaVersion() + 1) + ", 'later')";
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto v = VerifyBackup(File("new.db"));
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kConflict);
  EXPECT_NE(v.status().message().find("upgrade ecosol"), std::string::npos);
  EXPECT_FALSE(Restore(File("new.db"), File("target.db"), {}).ok());
  EXPECT_FALSE(fs::exists(File("target.db")));
}

// A target another connection has open (a running server) is not replaced under it.
TEST_F(SqliteBackupTest, ATargetInUseIsNotReplaced) {
  testing::TestStore live("sqlite");
  ASSERT_TRUE(live.ok()) << live.error();
  ASSERT_TRUE(live.store().PutActor(MakeActor("a1", "Alpha"), "create").ok());
  ASSERT_TRUE(Backup(live.url(), File("b1"), {}).ok());
  ASSERT_TRUE(live.store().PutActor(MakeActor("a2", "Beta"), "create").ok());
  RestoreOptions force;
  force.force = true;
  auto r = Restore(File("b1"), live.url(), force);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(r.status().message().find("in use"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(*live.store().CountActors(), 2);
  EXPECT_TRUE(FilesWith(fs::path(live.url()).parent_path(),
                        fs::path(live.url()).filename().string() + ".before-restore")
                  .empty());
}

}  // namespace
}  // namespace ecosol::store
