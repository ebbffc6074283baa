// `ecosol backup`, `ecosol backup verify` and `ecosol restore` on both backends: exit codes,
// messages and --json reports.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "ecosol/store/backup.h"
#include "ecosol/store/store.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;
using test_support::TestFolder;
namespace fs = std::filesystem;

class BackupCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // SQLite: a file of the test's own, with no connection held open, so that restores can
    // replace it. PostgreSQL: a schema of TestStore.
    if (GetParam() == "sqlite") {
      url_ = (folder_.path() / "live.db").string();
    } else {
      pg_ = std::make_unique<testing::TestStore>("postgresql");
      ASSERT_TRUE(pg_->ok()) << pg_->error();
      url_ = pg_->url();
    }
    cli_ = std::make_unique<CliRunner>(url_);
    ASSERT_EQ(Run({"init"}), 0) << cli_->err();
  }

  int Run(const std::vector<std::string>& args) { return cli_->Run(args); }
  std::string File(const std::string& name) const { return (folder_.path() / name).string(); }

  long long Actors() {
    auto s = store::OpenStore(url_);
    if (!s.ok()) return -1;
    auto n = (*s)->CountActors();
    return n.ok() ? *n : -1;
  }

  void AddActor(const std::string& id) {
    auto s = store::OpenStore(url_);
    ASSERT_TRUE(s.ok());
    model::Actor a;
    a.id = id;
    a.name = "Actor " + id;
    a.kind = model::ActorKind::kOrganisation;
    a.address.country = "GB";
    a.version = 1;
    a.updated_at = "2026-11-28T00:00:00Z";
    ASSERT_TRUE((*s)->PutActor(a, "create").ok());
  }

  TestFolder folder_{"ecosol_backup_cli"};
  std::string url_;
  std::unique_ptr<testing::TestStore> pg_;
  std::unique_ptr<CliRunner> cli_;
};

TEST_P(BackupCliTest, BackupVerifyAndRestore) {
  AddActor("a1");
  const std::string file = File("one.backup");
  ASSERT_EQ(Run({"backup", file}), 0) << cli_->err();
  EXPECT_NE(cli_->out().find("backed up " + url_ + " to " + file), std::string::npos)
      << cli_->out();
  EXPECT_NE(cli_->out().find("verified: "), std::string::npos);
  EXPECT_NE(cli_->out().find("schema version " + std::to_string(store::SupportedSchemaVersion())),
            std::string::npos)
      << cli_->out();
  if (GetParam() == "sqlite") {
    EXPECT_NE(cli_->out().find("integrity ok"), std::string::npos);
    EXPECT_NE(cli_->out().find("actors 1"), std::string::npos) << cli_->out();
  }

  // A second backup to the same name is refused; --overwrite replaces it.
  EXPECT_EQ(Run({"backup", file}), 1);
  EXPECT_NE(cli_->err().find("ecosol: error: '" + file + "' already exists"), std::string::npos)
      << cli_->err();
  EXPECT_NE(cli_->err().find("--overwrite"), std::string::npos);
  ASSERT_EQ(Run({"backup", file, "--overwrite", "--json"}), 0) << cli_->err();
  auto made = nlohmann::json::parse(cli_->out());
  EXPECT_EQ(made["file"], file);
  EXPECT_EQ(made["database"], url_);
  EXPECT_EQ(made["verified"], true);
  EXPECT_EQ(made["schema_version"], store::SupportedSchemaVersion());
  EXPECT_GT(made["size_bytes"].get<long long>(), 0);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(made["format"], "sqlite");
    EXPECT_EQ(made["table_counts"]["actors"], 1);
    EXPECT_GT(made["table_counts"]["terms"].get<long long>(), 0);  // the taxonomies of init
  } else {
    EXPECT_EQ(made["format"], "pg_dump");
    EXPECT_FALSE(made["tables"].empty());
  }

  ASSERT_EQ(Run({"backup", "verify", file, "--json"}), 0) << cli_->err();
  auto verified = nlohmann::json::parse(cli_->out());
  EXPECT_EQ(verified["file"], file);
  EXPECT_EQ(verified["schema_version"], made["schema_version"]);
  ASSERT_EQ(Run({"backup", "verify", file}), 0) << cli_->err();
  EXPECT_NE(cli_->out().find(file + ": "), std::string::npos) << cli_->out();

  AddActor("a2");
  ASSERT_EQ(Actors(), 2);
  // Into a database holding data: refused without --force, nothing changes.
  EXPECT_EQ(Run({"restore", file}), 1);
  EXPECT_NE(cli_->err().find("already holds data"), std::string::npos) << cli_->err();
  EXPECT_NE(cli_->err().find("pass --force"), std::string::npos) << cli_->err();
  EXPECT_EQ(Actors(), 2);
  ASSERT_EQ(Run({"restore", file, "--force", "--json"}), 0) << cli_->err();
  auto restored = nlohmann::json::parse(cli_->out());
  EXPECT_EQ(restored["target"], url_);
  EXPECT_EQ(restored["schema_version_after"], store::SupportedSchemaVersion());
  ASSERT_TRUE(restored["previous_kept"].is_string());
  EXPECT_TRUE(fs::exists(restored["previous_kept"].get<std::string>()));
  EXPECT_EQ(Actors(), 1);
  // The previous content is itself a backup that verifies.
  ASSERT_EQ(Run({"backup", "verify", restored["previous_kept"].get<std::string>()}), 0)
      << cli_->err();
}

TEST_P(BackupCliTest, ErrorsSayWhatAndHowToFix) {
  // No file named.
  EXPECT_EQ(Run({"backup"}), 1);
  EXPECT_NE(cli_->err().find("name the backup file"), std::string::npos) << cli_->err();
  EXPECT_EQ(Run({"restore"}), 2);  // a usage error (CLI11)
  // A file that is no backup.
  std::ofstream(File("notes.txt")) << "not a backup";
  EXPECT_EQ(Run({"backup", "verify", File("notes.txt")}), 1);
  EXPECT_NE(cli_->err().find("neither a SQLite database nor a pg_dump"), std::string::npos)
      << cli_->err();
  EXPECT_EQ(Run({"restore", File("notes.txt"), "--force"}), 1);
  EXPECT_NE(cli_->err().find("nothing was restored"), std::string::npos) << cli_->err();
  EXPECT_EQ(Run({"backup", "verify", File("missing.db")}), 1);
  EXPECT_NE(cli_->err().find("does not exist"), std::string::npos);
  // A damaged backup: verification fails, restore changes nothing.
  AddActor("a1");
  const std::string file = File("b.backup");
  ASSERT_EQ(Run({"backup", file}), 0) << cli_->err();
  fs::resize_file(file, fs::file_size(file) / 2);
  AddActor("a2");
  EXPECT_EQ(Run({"backup", "verify", file}), 1);
  EXPECT_NE(cli_->err().find("damaged"), std::string::npos) << cli_->err();
  EXPECT_EQ(Run({"restore", file, "--force"}), 1);
  EXPECT_EQ(Actors(), 2);
  // A backup into a folder that does not exist.
  EXPECT_EQ(Run({"backup", File("no/such/folder/x.backup")}), 1);
  EXPECT_NE(cli_->err().find("create it first"), std::string::npos) << cli_->err();
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

// A SQLite backup restored with --db naming a PostgreSQL database, and a restore into a new
// SQLite file (no --force needed: nothing is there).
TEST(BackupCliKindsTest, TheKindOfBackupMustMatchTheDatabase) {
  TestFolder folder("ecosol_backup_kinds");
  const std::string db = (folder.path() / "a.db").string();
  CliRunner cli(db);
  ASSERT_EQ(cli.Run({"init"}), 0) << cli.err();
  const std::string file = (folder.path() / "a.backup").string();
  ASSERT_EQ(cli.Run({"backup", file}), 0) << cli.err();
  CliRunner pg("postgresql://127.0.0.1:1/nowhere");
  EXPECT_EQ(pg.Run({"restore", file}), 1);
  EXPECT_NE(pg.err().find("is a SQLite backup but the target is a PostgreSQL URL"),
            std::string::npos)
      << pg.err();
  const std::string fresh = (folder.path() / "sub" / "fresh.db").string();
  CliRunner other(fresh);
  ASSERT_EQ(other.Run({"restore", file}), 0) << other.err();
  EXPECT_NE(other.out().find("restored " + file + " into " + fresh), std::string::npos)
      << other.out();
  EXPECT_EQ(other.out().find("previous content"), std::string::npos);
  ASSERT_EQ(other.Run({"actors", "list", "--json"}), 0) << other.err();
}

}  // namespace
}  // namespace ecosol::cli
