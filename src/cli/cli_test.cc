#include "ecosol/cli/cli.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_test_support.h"
#include "ecosol/interop/importer.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/store.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;
using test_support::TestFolder;
namespace fs = std::filesystem;

class CliTest : public ::testing::TestWithParam<std::string> {
 protected:
  CliTest() : db_(GetParam()) {}

  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  int Run(const std::vector<std::string>& args, const std::string& stdin_text = "") {
    return cli_.Run(args, stdin_text);
  }

  std::string WriteFile(const std::string& name, const std::string& content) {
    return folder_.Write(name, content);
  }

  // Three rows of the Co-ops UK file, one changed to be invalid when `bad`.
  std::string SmallCsv(bool bad) {
    std::ifstream in(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
    std::string header, line, out;
    std::getline(in, header);
    out = header + "\n";
    out +=
        "R1,Alpha Bakery "
        "Co-op,,,,,,Leeds,,,GB,,https://alpha.coop,,,,,,,,53.8,-1.55,,,,,,,,Society\n";
    out += "R2,Beta Housing Co-operative,,,,,,York,,,GB,,,,,,,,,,,,,53.96,-1.08,,,,,Society\n";
    out += bad ? "R3,Gamma,,,,,,,,,GB,,,,,,,,,,999,0,,,,,,,,\n"
               : "R3,Gamma Wholefoods,,,,,,,,,GB,,,,,,,,,,,,,,,,,,,\n";
    return out;
  }

  testing::TestStore db_;
  TestFolder folder_{"ecosol_cli"};
  CliRunner cli_{db_.url()};
};

TEST_P(CliTest, ImportReportsJsonAndReimportChangesNothing) {
  ASSERT_EQ(Run({"init"}), 0) << cli_.err();
  std::string file = WriteFile("small.csv", SmallCsv(false));
  ASSERT_EQ(Run({"import", file, "--format", "essglobal-csv", "--id-scheme", "coops-uk", "--json"}),
            0)
      << cli_.err();
  auto report = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(report["imported"], 3);
  EXPECT_EQ(report["updated"], 0);
  EXPECT_TRUE(report["rejected"].empty());
  ASSERT_EQ(Run({"import", file, "--id-scheme", "coops-uk", "--json"}), 0);
  report = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(report["imported"], 0);
  EXPECT_EQ(report["updated"], 0);
  EXPECT_EQ(report["unchanged"], 3);
}

// A SQLite database in a folder that does not exist yet: the command makes the folder, whatever
// the file is called (a name that starts like a PostgreSQL scheme is still a file).
TEST(CliDatabaseFolderTest, ASqliteDatabaseGetsItsFolderMade) {
  TestFolder folder("ecosol_cli_folder");
  for (const char* name : {"new/a/ecosol.db", "other/postgres-copy.db"}) {
    const fs::path db = folder.path() / name;
    ASSERT_FALSE(fs::exists(db.parent_path())) << name;
    CliRunner cli(db.string());
    ASSERT_EQ(cli.Run({"init"}), 0) << name << ": " << cli.err();
    EXPECT_TRUE(fs::is_regular_file(db)) << name;
    ASSERT_EQ(cli.Run({"actors", "list", "--json"}), 0) << name << ": " << cli.err();
  }
}

// Records the files created in a folder from now on (inotify), to see which files SQLite made.
class FolderCreations {
 public:
  explicit FolderCreations(const fs::path& folder) : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ >= 0) watch_ = inotify_add_watch(fd_, folder.c_str(), IN_CREATE);
  }
  ~FolderCreations() {
    if (fd_ >= 0) close(fd_);
  }
  FolderCreations(const FolderCreations&) = delete;
  FolderCreations& operator=(const FolderCreations&) = delete;
  bool ok() const { return fd_ >= 0 && watch_ >= 0; }

  // The names of the files created since the construction or the last call (the events
  // queued in the kernel).
  std::set<std::string> Take() {
    std::set<std::string> names;
    alignas(inotify_event) char buffer[64 * 1024];
    for (ssize_t n; (n = read(fd_, buffer, sizeof buffer)) > 0;) {
      for (char* p = buffer; p < buffer + n;) {
        auto* event = reinterpret_cast<inotify_event*>(p);
        if (event->len > 0) names.insert(event->name);
        p += sizeof(inotify_event) + event->len;
      }
    }
    return names;
  }

 private:
  int fd_;
  int watch_ = -1;
};

// `ecosol import` into an empty SQLite registry that no other connection has open writes its
// pages once, with a rollback journal (Store::BeginLoadAlone; in WAL mode SQLite never makes a
// "-journal" file), then returns the database to WAL mode. Into a registry that has actors, or
// with another connection open, it keeps the write-ahead log. (Not a CliTest: the fixture's
// TestStore keeps a connection open.)
TEST(CliLoadAloneTest, AnImportIntoAnEmptyRegistryNobodyHasOpenUsesARollbackJournal) {
  TestFolder folder("ecosol_cli_alone");
  std::string db = (folder.path() / "e.db").string();
  std::string journal = "e.db-journal";
  CliRunner cli(db);
  ASSERT_EQ(cli.Run({"init"}), 0) << cli.err();
  std::ifstream coops(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
  std::string header;
  std::getline(coops, header);
  auto rows = [&header](const std::string& prefix) {  // 20 actors in Leeds
    std::string csv = header + "\n";
    for (int i = 0; i < 20; ++i) {
      csv += prefix + std::to_string(i) + ",Bakery " + prefix + std::to_string(i) +
             " Co-op,,,,,,Leeds,,,GB,,,,,,,,,,53.8,-1.55,,,,,,,,Society\n";
    }
    return csv;
  };
  std::string first = rows("A"), second = rows("B"), third = rows("C");
  auto header_mode = [&db] {  // bytes 18 and 19 of the header: 2 and 2 in WAL mode
    std::ifstream in(db, std::ios::binary);
    char bytes[20] = {};
    in.read(bytes, sizeof bytes);
    return std::pair<int, int>(bytes[18], bytes[19]);
  };

  FolderCreations created(folder.path());
  ASSERT_TRUE(created.ok()) << "inotify on " << folder.path();
  ASSERT_EQ(cli.Run({"import", folder.Write("first.csv", first), "--json"}), 0) << cli.err();
  EXPECT_EQ(nlohmann::json::parse(cli.out())["imported"], 20);
  EXPECT_TRUE(created.Take().contains(journal))
      << "the import into the empty registry did not use a rollback journal";
  EXPECT_EQ(header_mode(), std::make_pair(2, 2)) << "not back in WAL mode";
  EXPECT_FALSE(fs::exists(db + "-journal"));

  // The registry has actors now: the next import keeps the log.
  ASSERT_EQ(cli.Run({"import", folder.Write("second.csv", second), "--json"}), 0) << cli.err();
  EXPECT_EQ(nlohmann::json::parse(cli.out())["imported"], 20);
  EXPECT_FALSE(created.Take().contains(journal));

  // Another connection open (a server, say) on a new empty registry: the import keeps the log
  // and both see the rows.
  std::string db2 = (folder.path() / "f.db").string();
  CliRunner cli2(db2);
  ASSERT_EQ(cli2.Run({"init"}), 0) << cli2.err();
  auto other = store::OpenStore(db2);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  created.Take();
  ASSERT_EQ(cli2.Run({"import", folder.Write("third.csv", third), "--json"}), 0) << cli2.err();
  EXPECT_EQ(nlohmann::json::parse(cli2.out())["imported"], 20);
  EXPECT_FALSE(created.Take().contains("f.db-journal"));
  auto count = (*other)->CountActors();
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(*count, 20);
}

// --background queues the file with an import job; `ecosol worker --once` runs it, and
// `ecosol jobs show` gives its report.
TEST_P(CliTest, BackgroundImportIsQueuedForAWorker) {
  ASSERT_EQ(Run({"init"}), 0) << cli_.err();
  std::string file = WriteFile("small.csv", SmallCsv(false));
  ASSERT_EQ(Run({"import", file, "--format", "essglobal-csv", "--id-scheme", "coops-uk",
                 "--background", "--json"}),
            0)
      << cli_.err();
  auto job = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(job["kind"], "import");
  EXPECT_EQ(job["state"], "queued");
  const std::string id = job["id"];
  ASSERT_EQ(Run({"actors", "list", "--json"}), 0);
  EXPECT_TRUE(nlohmann::json::parse(cli_.out())["items"].empty());  // not imported yet
  ASSERT_EQ(Run({"worker", "--once"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("ran 1 job(s): 1 done"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"jobs", "show", id, "--json"}), 0) << cli_.err();
  auto done = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(done["state"], "done");
  EXPECT_EQ(done["result"]["imported"], 3);
  ASSERT_EQ(Run({"actors", "list", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"].size(), 3u);
  // A format that cannot be queued is refused, and nothing is queued.
  EXPECT_EQ(Run({"import", file, "--format", "ecosol-json", "--background"}), 1);
  EXPECT_NE(cli_.err().find("cannot be queued"), std::string::npos) << cli_.err();
  ASSERT_EQ(Run({"jobs", "list", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"].size(), 1u);
}

TEST_P(CliTest, RejectedRowsFailTheBatchUnlessSkipInvalid) {
  ASSERT_EQ(Run({"init"}), 0);
  std::string file = WriteFile("bad.csv", SmallCsv(true));
  EXPECT_EQ(Run({"import", file, "--json"}), 1);
  auto report = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(report["rejected"].size(), 1u);
  EXPECT_EQ(report["rejected"][0]["line"], 4);
  EXPECT_EQ(report["rejected"][0]["field"], "Latitude");
  EXPECT_NE(cli_.err().find("--skip-invalid"), std::string::npos);
  ASSERT_EQ(Run({"actors", "list", "--json"}), 0);
  EXPECT_TRUE(nlohmann::json::parse(cli_.out())["items"].empty());
  EXPECT_EQ(Run({"import", file, "--skip-invalid", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["imported"], 2);
}

TEST_P(CliTest, ListSearchShowAndExport) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"import", WriteFile("s.csv", SmallCsv(false)), "--id-scheme", "coops-uk"}), 0)
      << cli_.err();
  ASSERT_EQ(Run({"actors", "search", "cooperatives", "--json"}), 0) << cli_.err();
  auto found = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(found["items"][0]["name"], "Beta Housing Co-operative");
  ASSERT_EQ(Run({"actors", "search", "co-op", "--json"}), 0);
  std::set<std::string> names;
  auto coop = nlohmann::json::parse(cli_.out());
  for (const auto& item : coop["items"]) names.insert(item["name"].get<std::string>());
  EXPECT_TRUE(names.count("Alpha Bakery Co-op")) << cli_.out();
  ASSERT_EQ(Run({"actors", "list", "--limit", "1"}), 0);
  EXPECT_NE(cli_.out().find("Alpha Bakery"), std::string::npos);
  EXPECT_NE(cli_.out().find("--cursor"), std::string::npos);
  ASSERT_EQ(Run({"actors", "show", "coops-uk-r1", "--json"}), 0) << cli_.err();
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["website"], "https://alpha.coop");
  EXPECT_EQ(Run({"actors", "show", "missing"}), 1);
  EXPECT_NE(cli_.err().find("missing"), std::string::npos);
  std::string exported = (folder_.path() / "out.csv").string();
  ASSERT_EQ(Run({"export", "--format", "essglobal-csv", "--id-scheme", "coops-uk", "-o", exported}),
            0);
  std::ifstream in(exported);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("R2,Beta Housing Co-operative"), std::string::npos);
}

// The same bakery from a second source (another file, another identifier scheme) is proposed
// as a duplicate, with its reasons; the two other actors are not.
TEST_P(CliTest, DedupReportListsCandidateClusters) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"import", WriteFile("s.csv", SmallCsv(false)), "--id-scheme", "coops-uk"}), 0)
      << cli_.err();
  std::string other = SmallCsv(false);
  other = other.substr(0, other.find('\n') + 1) +
          "M9,ALPHA BAKERY LIMITED,,,,,,Leeds,,,GB,,,,,,,,,,53.8001,-1.5502,,,,,,,,\n";
  ASSERT_EQ(Run({"import", WriteFile("map.csv", other), "--source", "map"}), 0) << cli_.err();
  ASSERT_EQ(Run({"dedup", "--report", "--json"}), 0) << cli_.err();
  auto report = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(report["clusters"], 1);
  EXPECT_EQ(report["items"][0]["ids"], nlohmann::json({"coops-uk-r1", "map-m9"}));
  EXPECT_GE(report["items"][0]["score"].get<double>(), 0.85);
  EXPECT_EQ(report["items"][0]["pairs"][0]["reasons"][0], "same name");
  ASSERT_EQ(Run({"dedup", "--report"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("ALPHA BAKERY LIMITED"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("1 candidate clusters"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"dedup"}), 1);
  EXPECT_NE(cli_.err().find("--report"), std::string::npos);
  EXPECT_EQ(Run({"dedup", "--report", "--threshold", "2"}), 1);
}

// The bakery's two records merged (dry run first), listed, undone; then decided distinct, which
// takes them out of the report.
TEST_P(CliTest, MergeUnmergeAndDistinctDecisions) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"import", WriteFile("s.csv", SmallCsv(false)), "--id-scheme", "coops-uk"}), 0)
      << cli_.err();
  std::string other = SmallCsv(false);
  other = other.substr(0, other.find('\n') + 1) +
          "M9,ALPHA BAKERY LIMITED,,,,,,Leeds,,,GB,,,,,,,,,,53.8001,-1.5502,,,,,,,,\n";
  ASSERT_EQ(Run({"import", WriteFile("map.csv", other), "--source", "map"}), 0) << cli_.err();

  ASSERT_EQ(Run({"merge", "coops-uk-r1", "map-m9", "--dry-run"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("would merge map-m9 into coops-uk-r1"), std::string::npos)
      << cli_.out();
  ASSERT_EQ(Run({"actors", "show", "map-m9"}), 0);  // nothing written

  std::string rules = WriteFile("rules.json", R"({"default": ["map", "*"]})");
  ASSERT_EQ(Run({"merge", "coops-uk-r1", "map-m9", "--rules", rules, "--json"}), 0) << cli_.err();
  auto merge = nlohmann::json::parse(cli_.out());
  const std::string id = merge["id"];
  EXPECT_EQ(merge["rules"]["default"], nlohmann::json({"map", "*"}));
  ASSERT_EQ(Run({"actors", "show", "coops-uk-r1", "--json"}), 0);
  auto survivor = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(survivor["name"], "ALPHA BAKERY LIMITED");  // the map's name, by the rules given
  EXPECT_EQ(survivor["identifiers"]["map"], "M9");
  EXPECT_EQ(Run({"actors", "show", "map-m9"}), 1);

  ASSERT_EQ(Run({"merges", "--actor", "map-m9"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find(id), std::string::npos);
  EXPECT_NE(cli_.out().find("1 merges"), std::string::npos);
  ASSERT_EQ(Run({"unmerge", id}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("undone"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"actors", "show", "map-m9", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["identifiers"]["map"], "M9");
  EXPECT_EQ(Run({"unmerge", id}), 1);
  EXPECT_NE(cli_.err().find("already undone"), std::string::npos) << cli_.err();

  // Bad requests fail clearly and change nothing.
  EXPECT_EQ(Run({"merge", "coops-uk-r1"}), 2);  // a usage error: one id only
  EXPECT_EQ(Run({"merge", "coops-uk-r1", "ghost"}), 1);
  EXPECT_NE(cli_.err().find("ghost"), std::string::npos);
  EXPECT_EQ(Run({"merge", "coops-uk-r1", "map-m9", "--rules", WriteFile("bad.json", "{\"x\": 1}")}),
            1);
  EXPECT_NE(cli_.err().find("bad.json"), std::string::npos);

  ASSERT_EQ(Run({"dedup", "--distinct", "map-m9", "coops-uk-r1"}), 0) << cli_.err();
  ASSERT_EQ(Run({"dedup", "--report", "--json"}), 0) << cli_.err();
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["clusters"], 0);
  ASSERT_EQ(Run({"dedup", "--forget", "map-m9", "coops-uk-r1"}), 0) << cli_.err();
  ASSERT_EQ(Run({"dedup", "--report", "--json"}), 0) << cli_.err();
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["clusters"], 1);
  EXPECT_EQ(Run({"dedup", "--distinct", "map-m9", "nobody"}), 1);
}

TEST_P(CliTest, TerritoriesListAndPopulation) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"import", WriteFile("s.csv", SmallCsv(false)), "--id-scheme", "coops-uk"}), 0)
      << cli_.err();
  ASSERT_EQ(Run({"territories", "list", "--json"}), 0) << cli_.err();
  auto countries = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(countries["items"].size(), 1u);
  EXPECT_EQ(countries["items"][0]["id"], "GB");
  EXPECT_EQ(countries["items"][0]["actors"], 3);
  EXPECT_EQ(countries["items"][0]["children"], 2);  // Leeds and York
  ASSERT_EQ(Run({"territories", "list", "--parent", "GB"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("GB/leeds"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("York"), std::string::npos) << cli_.out();

  ASSERT_EQ(Run({"territories", "set-population", "GB/leeds", "812000"}), 0) << cli_.err();
  ASSERT_EQ(Run({"territories", "list", "--parent", "GB", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"][0]["population"], 812000);
  ASSERT_EQ(Run({"territories", "set-population", "GB/leeds", "--clear"}), 0) << cli_.err();
  ASSERT_EQ(Run({"territories", "list", "--parent", "GB", "--json"}), 0);
  EXPECT_TRUE(nlohmann::json::parse(cli_.out())["items"][0]["population"].is_null());

  EXPECT_EQ(Run({"territories", "set-population", "GB/leeds"}), 1);
  EXPECT_NE(cli_.err().find("--clear"), std::string::npos);
  EXPECT_EQ(Run({"territories", "set-population", "ZZ", "5"}), 1);
  EXPECT_NE(cli_.err().find("ZZ"), std::string::npos);
  EXPECT_EQ(Run({"territories", "list", "--parent", "GB/nowhere"}), 1);
}

TEST_P(CliTest, DemoLoadsSeedActorsWithRelationships) {
  std::string coops = WriteFile("coops.csv", SmallCsv(false));
  ASSERT_EQ(Run({"demo", "--coops-uk", coops}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("demo ecosystem ready"), std::string::npos);
  // The seed's actors and relationships are counted apart.
  std::ifstream seed_file(::ecosol::testing::SourceDir() + "/data/demo/seed-ecosystem.json");
  auto seed = nlohmann::json::parse(seed_file);
  const std::string counts = "actors " + std::to_string(seed["actors"].size()) +
                             " new, 0 updated, 0 unchanged; relationships " +
                             std::to_string(seed["relationships"].size()) +
                             " new, 0 updated, 0 unchanged";
  EXPECT_NE(cli_.out().find(counts), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"actors", "show", "tiess", "--json"}), 0) << cli_.err();
  auto tiess = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(tiess["kind"], "organisation");
  EXPECT_EQ(tiess["provenance"]["name"]["source"], "ecosol-seed");
  ASSERT_EQ(Run({"actors", "show", "tiess"}), 0);
  EXPECT_NE(cli_.out().find("relationship:"), std::string::npos);
  // The demo process (data/participation/demo-process.json) ran to its last phase and verifies.
  ASSERT_EQ(Run({"decide", "verify", "qc-ess-action-plan", "--json"}), 0) << cli_.out();
  auto verified = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(verified["decisions_closed"], 1);
  EXPECT_EQ(verified["sortitions"], 1);
  // Running the demo again changes nothing.
  ASSERT_EQ(Run({"demo", "--coops-uk", coops}), 0);
  EXPECT_NE(cli_.out().find("qc-ess-action-plan unchanged"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("0 new, 0 updated, 3 unchanged"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("actors 0 new, 0 updated, " + std::to_string(seed["actors"].size()) +
                            " unchanged; relationships 0 new, 0 updated, " +
                            std::to_string(seed["relationships"].size()) + " unchanged"),
            std::string::npos)
      << cli_.out();
}

TEST(CliErrorsTest, UninitialisedDatabaseSaysToRunInit) {
  std::string db =
      (fs::temp_directory_path() / ("ecosol_cli_fresh_" + std::to_string(::getpid()) + ".db"))
          .string();
  const char* argv[] = {"ecosol", "--db", db.c_str(), "actors", "list"};
  std::ostringstream out, err;
  EXPECT_EQ(RunCli(5, argv, out, err), 1);
  EXPECT_NE(err.str().find("ecosol init"), std::string::npos) << err.str();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
}

// A database made by an older release (tests/data/README.md) is upgraded by the first command
// that opens it, not only by `init`: before, `serve` on it failed with internal errors.
TEST(CliUpgradeTest, AnyCommandUpgradesAnOlderDatabase) {
  std::string db =
      (fs::temp_directory_path() / ("ecosol_cli_v3_" + std::to_string(::getpid()) + ".db"))
          .string();
  fs::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db", db,
                fs::copy_options::overwrite_existing);
  const char* argv[] = {"ecosol", "--db", db.c_str(), "actors", "search", "maesteg", "--json"};
  std::ostringstream out, err;
  EXPECT_EQ(RunCli(7, argv, out, err), 0) << err.str();
  EXPECT_NE(out.str().find("cuk-r006884"), std::string::npos) << out.str();
  auto store = store::OpenStore(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*(*store)->SchemaVersion(), 20);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);
}

TEST_P(CliTest, ErrorsAreClearAndNonZero) {
  ASSERT_EQ(Run({"init"}), 0);
  EXPECT_EQ(Run({"import", "/no/such/file.csv"}), 1);
  EXPECT_NE(cli_.err().find("/no/such/file.csv"), std::string::npos);
  EXPECT_EQ(Run({"import", WriteFile("x.csv", "a,b\n"), "--format", "excel"}), 1);
  EXPECT_NE(cli_.err().find("essglobal-csv"), std::string::npos);
  EXPECT_EQ(Run({"import", WriteFile("empty.csv", "")}), 1);
  EXPECT_NE(cli_.err().find("empty"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"import", folder_.path().string()}), 1);
  EXPECT_NE(cli_.err().find("not a regular file"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"frobnicate"}), 2);
  EXPECT_EQ(Run({"actors", "list", "--kind", "company"}), 1);
  // Ecosol JSON with a source id that is not a string (it aborted the command before).
  EXPECT_EQ(Run({"import", WriteFile("s.json", R"({"source": {"id": 5}, "actors": []})"),
                 "--format", "ecosol-json"}),
            1);
  EXPECT_NE(cli_.err().find("source"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"import",
                 WriteFile("n.json", R"({"actors": [{"name": "x", "location": )"
                                     R"({"lat": 1e400, "lon": 0}}]})"),
                 "--format", "ecosol-json"}),
            1);
  EXPECT_NE(cli_.err().find("number"), std::string::npos) << cli_.err();
}

// An export publishes only what the public may see.
TEST_P(CliTest, ExportsLeaveOutWhatThePublicMayNotSee) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"import", WriteFile("coops.csv", SmallCsv(false))}), 0) << cli_.err();
  {
    auto store = store::OpenStore(db_.url());
    ASSERT_TRUE(store.ok());
    registry::Registry reg(**store, SystemClock());
    auto page = reg.ListActors({});
    ASSERT_TRUE(page.ok() && page->items.size() == 3u);
    std::string alpha, beta;
    for (const auto& a : page->items) {
      if (a.name.find("Alpha") != std::string::npos) alpha = a.id;
      if (a.name.find("Beta") != std::string::npos) beta = a.id;
    }
    ASSERT_TRUE(reg.UpdateActor(alpha, {{"visibility", "network"}}, {}, "test").ok());
    ASSERT_TRUE(reg.UpdateActor(beta,
                                {{"website", "https://beta-secret.example"},
                                 {"field_visibility", {{"website", "private"}}}},
                                {}, "test")
                    .ok());
  }
  ASSERT_EQ(Run({"export"}), 0) << cli_.err();
  EXPECT_EQ(cli_.out().find("Alpha Bakery"), std::string::npos);
  EXPECT_NE(cli_.out().find("Beta Housing"), std::string::npos);
  EXPECT_EQ(cli_.out().find("beta-secret"), std::string::npos);
  // The command line itself acts as an admin and lists everything.
  ASSERT_EQ(Run({"actors", "list"}), 0);
  EXPECT_NE(cli_.out().find("Alpha Bakery"), std::string::npos);
}

// Accounts, tokens and the audit log from the command line.
TEST_P(CliTest, UsersTokensAndAudit) {
  ASSERT_EQ(Run({"init"}), 0);
  ASSERT_EQ(Run({"users", "add", "ana@example.org", "--name", "Ana"}, "a long passphrase\n"), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("added user usr-"), std::string::npos);
  EXPECT_EQ(Run({"users", "add", "bo@example.org"}, "short\n"), 1);
  EXPECT_NE(cli_.err().find("12 characters"), std::string::npos);
  ASSERT_EQ(Run({"users", "grant", "ana@example.org", "admin"}), 0) << cli_.err();
  EXPECT_EQ(Run({"users", "grant", "ana@example.org", "steward"}), 1);
  EXPECT_NE(cli_.err().find("scope"), std::string::npos);
  EXPECT_EQ(Run({"users", "grant", "ana@example.org", "king"}), 1);
  ASSERT_EQ(Run({"users", "list", "--json"}), 0);
  auto users = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(users["items"].size(), 1u);
  EXPECT_EQ(users["items"][0]["roles"][0]["role"], "admin");
  EXPECT_FALSE(users["items"][0].contains("password_hash"));

  ASSERT_EQ(Run({"tokens", "create", "ana@example.org", "--name", "backup", "--scope", "read"}), 0)
      << cli_.err();
  std::string token = cli_.out();
  EXPECT_EQ(token.rfind("eco_", 0), 0u);
  ASSERT_EQ(Run({"tokens", "list", "--json"}), 0);
  auto tokens = nlohmann::json::parse(cli_.out());
  ASSERT_EQ(tokens["items"].size(), 1u);
  EXPECT_EQ(cli_.out().find(token.substr(0, token.size() - 1)), std::string::npos);
  std::string token_id = tokens["items"][0]["id"];
  ASSERT_EQ(Run({"tokens", "revoke", token_id}), 0);
  ASSERT_EQ(Run({"tokens", "list", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"][0]["state"], "revoked");
  ASSERT_EQ(Run({"users", "revoke", "ana@example.org", "admin"}), 0);
  ASSERT_EQ(Run({"users", "disable", "ana@example.org"}), 0);

  ASSERT_EQ(Run({"audit", "verify"}), 0) << cli_.out();
  EXPECT_NE(cli_.out().find("intact: 6 entries"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"audit", "show", "--json"}), 0);
  auto entries = nlohmann::json::parse(cli_.out())["items"];
  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(entries[0]["action"], "user.create");
  EXPECT_EQ(entries[0]["who"].get<std::string>().rfind("cli:", 0), 0u);
  EXPECT_EQ(entries[5]["action"], "user.disable");
  EXPECT_EQ(cli_.out().find("argon2"), std::string::npos);
  ASSERT_EQ(Run({"audit", "show"}), 0);
  EXPECT_NE(cli_.out().find("token.revoke"), std::string::npos);

  // Someone with access to the database rewrites who disabled the user: verify names the entry.
  const std::string sql = "UPDATE audit_log SET who = 'cli:someone-else' WHERE seq = 6";
  if (GetParam() == "sqlite") {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.url().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  } else {
    PGconn* pg = PQconnectdb(db_.url().c_str());
    ASSERT_EQ(PQstatus(pg), CONNECTION_OK);
    PQclear(PQexec(pg, sql.c_str()));
    PQfinish(pg);
  }
  EXPECT_EQ(Run({"audit", "verify"}), 1);
  EXPECT_NE(cli_.out().find("BROKEN at entry 6"), std::string::npos) << cli_.out();
}

// `ecosol import FILE --format csv --mapping MAP.yaml`, with the example mapping of a network's
// spreadsheet.
TEST_P(CliTest, ImportsACsvThroughItsMapping) {
  ASSERT_EQ(Run({"init"}), 0);
  const std::string csv =
      ::ecosol::testing::SourceDir() + "/tests/data/csv-mapping/adherents-reseau.csv";
  const std::string mapping =
      ::ecosol::testing::SourceDir() + "/data/mappings/reseau-occitanie.yaml";
  ASSERT_EQ(Run({"import", csv, "--format", "csv", "--mapping", mapping, "--json"}), 0)
      << cli_.err();
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["imported"], 5);
  ASSERT_EQ(Run({"actors", "search", "Lauragais", "--json"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("Les Jardins du Lauragais"), std::string::npos) << cli_.out();
  // The mapping is required with csv, and only there; a bad one names its line.
  EXPECT_EQ(Run({"import", csv, "--format", "csv"}), 1);
  EXPECT_NE(cli_.err().find("--mapping: required"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"import", csv, "--mapping", mapping}), 1);
  EXPECT_NE(cli_.err().find("only format csv"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"import", csv, "--format", "csv", "--mapping", "/no/such/map.yaml"}), 1);
  EXPECT_NE(cli_.err().find("/no/such/map.yaml"), std::string::npos) << cli_.err();
  std::string bad =
      WriteFile("bad.yaml", "id: Ref\nfields:\n  name: Nom\n  pattern: {column: x}\n");
  EXPECT_EQ(Run({"import", csv, "--format", "csv", "--mapping", bad}), 1);
  EXPECT_NE(cli_.err().find("bad.yaml: line 4: fields.pattern: unknown field"), std::string::npos)
      << cli_.err();
  // A bad row refuses the file: still 5 actors.
  auto text = interop::ReadFile(csv);
  ASSERT_TRUE(text.ok());
  std::string more = WriteFile(
      "more.csv", *text + "OC-0100;Autre;SCOP;Pêche;;;;Sète;Hérault;France;;;;;;;;Non;\n");
  EXPECT_EQ(Run({"import", more, "--format", "csv", "--mapping", mapping}), 1);
  EXPECT_NE(cli_.err().find("more.csv:9: Secteur(s): 'Pêche' is not in the map"), std::string::npos)
      << cli_.err();
  ASSERT_EQ(Run({"actors", "list", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"].size(), 5u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
