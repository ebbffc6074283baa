// `ecosol copy --to URL`: a SQLite database copied whole into PostgreSQL answers as the source
// did (actors with their history and deletions, search, cases, accounts, screenings, the audit
// chain, new writes); a target holding data, bad arguments, an older source and a row PostgreSQL
// refuses all leave the target unchanged.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_test_support.h"
#include "ecosol/store/store.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using json = nlohmann::json;
using test_support::CliRunner;
using test_support::TestFolder;

class CopyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pg_ = std::make_unique<testing::TestStore>("postgresql");
    ASSERT_TRUE(pg_->ok()) << pg_->error();
    sqlite_ = (folder_.path() / "laptop.db").string();
    cli_ = std::make_unique<CliRunner>(sqlite_, CliRunner::Frameworks::kCheckout);
  }

  int Run(const std::vector<std::string>& args, const std::string& in = "") {
    return cli_->Run(args, in);
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = (folder_.path() / name).string();
    std::ofstream(path) << text;
    return path;
  }

  // A laptop's database: the demo ecosystem (two Co-operatives UK rows, the seed actors and
  // relationships, the demo's cases, finance records and process), a user, two screenings, an
  // actor updated and one deleted.
  void MakeLaptopDatabase() {
    // Two co-operatives in the standard CSV (its header from the real file).
    std::ifstream coops(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
    std::string header;
    std::getline(coops, header);
    std::string csv = header +
                      "\nR1,Alpha Bakery Co-op,,,,,,Leeds,,,GB,,https://alpha.coop,,,,,,,,53.8,"
                      "-1.55,,,,,,,,Society"
                      "\nR2,Beta Housing Co-operative,,,,,,York,,,GB,,,,,,,,,,53.96,"
                      "-1.08,,,,,,,,Society\n";
    ASSERT_EQ(Run({"demo", "--coops-uk", Write("coops.csv", csv)}), 0) << cli_->err();
    ASSERT_EQ(Run({"users", "add", "ana@example.org", "--name", "Ana"}, "a long passphrase\n"), 0)
        << cli_->err();
    ASSERT_EQ(Run({"screen", "--actor", "tiess", "--framework", "un-ilo", "--json"}), 0)
        << cli_->err();
    ASSERT_EQ(Run({"screen", "--actor", "tiess", "--framework", "un-ilo", "--json"}), 0);
    auto s = store::OpenStore(sqlite_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    auto page = (*s)->ListActors(store::ActorQuery{});
    ASSERT_TRUE(page.ok() && page->items.size() >= 3) << page.status().ToString();
    updated_ = page->items[0].id;
    deleted_ = page->items[1].id;
    model::Actor a = page->items[0];
    a.version += 1;
    a.website = "https://updated.example";
    ASSERT_TRUE((*s)->PutActor(a, "update").ok());
    model::Actor d = page->items[1];
    d.version += 1;
    d.deleted = true;
    ASSERT_TRUE((*s)->PutActor(d, "delete").ok());
  }

  static std::vector<std::string> SearchIds(store::Store& s, const std::string& q) {
    store::ActorQuery query;
    query.q = q;
    query.limit = 1000;
    auto page = s.ListActors(query);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const model::Actor& a : page->items) ids.push_back(a.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static std::vector<std::string> CaseIds(store::Store& s, const std::string& q) {
    store::CaseSearchQuery query;
    query.q = q;
    query.heads = true;
    query.limit = 1000;
    auto r = s.SearchCases(query);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> ids;
    if (r.ok()) {
      for (const store::CaseHit& h : r->hits) ids.push_back(h.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // The longest word of `text` (a word both databases must find).
  static std::string LongestWord(const std::string& text) {
    std::istringstream in(text);
    std::string word, best;
    while (in >> word) {
      word.erase(std::remove_if(word.begin(), word.end(),
                                [](unsigned char c) { return !std::isalpha(c); }),
                 word.end());
      if (word.size() > best.size()) best = word;
    }
    return best;
  }

  long long PgActors() {
    auto s = store::OpenStore(pg_->url());
    if (!s.ok()) return -1;
    auto page = (*s)->CountActors();
    return page.ok() ? *page : -1;
  }

  TestFolder folder_{"ecosol_copy_cli"};
  std::unique_ptr<testing::TestStore> pg_;
  std::string sqlite_;
  std::unique_ptr<CliRunner> cli_;
  std::string updated_;
  std::string deleted_;
};

TEST_F(CopyCliTest, CopiesEverythingAndBothDatabasesAnswerAlike) {
  MakeLaptopDatabase();
  ASSERT_EQ(Run({"copy", "--to", pg_->url(), "--json"}), 0) << cli_->err();
  json report = json::parse(cli_->out());
  EXPECT_TRUE(report["verified"].get<bool>());

  auto src = store::OpenStore(sqlite_);
  auto dst = store::OpenStore(pg_->url());
  ASSERT_TRUE(src.ok() && dst.ok());
  store::Store& a = **src;
  store::Store& b = **dst;
  EXPECT_EQ(b.Backend(), "postgresql");
  EXPECT_EQ(*b.SchemaVersion(), *a.SchemaVersion());

  // Counts, per table as the report gives them and through the store.
  const long long actors = *a.CountActors();
  EXPECT_GT(actors, 10);
  EXPECT_EQ(*b.CountActors(), actors);
  EXPECT_EQ(report["table_counts"]["actors"].get<long long>(), actors + 1);  // + the deleted one
  EXPECT_GT(report["table_counts"]["relationships"].get<long long>(), 0);
  EXPECT_GT(report["table_counts"]["cases"].get<long long>(), 0);
  EXPECT_GT(report["table_counts"]["finance_records"].get<long long>(), 0);
  EXPECT_GT(report["table_counts"]["participation_records"].get<long long>(), 0);
  EXPECT_EQ(report["table_counts"]["users"].get<long long>(), 1);
  EXPECT_GT(report["table_counts"]["audit_log"].get<long long>(), 0);
  EXPECT_EQ(*b.CountRelationships(), *a.CountRelationships());
  EXPECT_EQ(*b.CountCases(), *a.CountCases());

  // An actor with its history; the deleted one stays deleted, with its history.
  for (const std::string& id : {updated_, deleted_}) {
    auto ha = a.ActorHistory(id);
    auto hb = b.ActorHistory(id);
    ASSERT_TRUE(ha.ok() && hb.ok()) << hb.status().ToString();
    ASSERT_EQ(hb->size(), ha->size()) << id;
    ASSERT_GE(hb->size(), 2u) << id;
    for (size_t i = 0; i < ha->size(); ++i) {
      EXPECT_EQ((*hb)[i].version, (*ha)[i].version);
      EXPECT_EQ((*hb)[i].change, (*ha)[i].change);
      EXPECT_EQ((*hb)[i].actor.name, (*ha)[i].actor.name);
    }
  }
  auto got = b.GetActor(updated_);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->website, "https://updated.example");
  auto gone = b.GetActor(deleted_);
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(!gone->has_value() || (*gone)->deleted);

  // Full-text search finds the same actors (PostgreSQL's vectors were rebuilt from the forms),
  // and not the deleted one.
  int words = 0;
  for (const std::string& id : {updated_, std::string("tiess")}) {
    auto actor = a.GetActor(id);
    ASSERT_TRUE(actor.ok() && actor->has_value()) << id;
    const std::string word = LongestWord((*actor)->name);
    ASSERT_FALSE(word.empty());
    std::vector<std::string> found = SearchIds(a, word);
    EXPECT_FALSE(found.empty()) << word;
    EXPECT_EQ(SearchIds(b, word), found) << word;
    ++words;
  }
  EXPECT_EQ(words, 2);
  auto deleted_actor = a.ActorHistory(deleted_);
  const std::string deleted_word = LongestWord(deleted_actor->front().actor.name);
  std::vector<std::string> hits = SearchIds(b, deleted_word);
  EXPECT_EQ(std::count(hits.begin(), hits.end(), deleted_), 0);

  // Cases: the same matches for a word of a case's title.
  store::CaseSearchQuery any;
  any.heads = true;
  any.limit = 1;
  auto first = a.SearchCases(any);
  ASSERT_TRUE(first.ok() && !first->hits.empty());
  const json title = json::parse(first->hits[0].doc)["title"];
  const std::string case_word =
      LongestWord(title.is_object() ? title.value("en", std::string()) : title.get<std::string>());
  ASSERT_FALSE(case_word.empty()) << first->hits[0].doc;
  std::vector<std::string> cases = CaseIds(a, case_word);
  EXPECT_FALSE(cases.empty()) << case_word;
  EXPECT_EQ(CaseIds(b, case_word), cases) << case_word;

  // Through the command line on PostgreSQL: the audit chain verifies, the user, the screenings.
  CliRunner on_pg(pg_->url(), CliRunner::Frameworks::kCheckout);
  EXPECT_EQ(on_pg.Run({"audit", "verify"}), 0) << on_pg.out() << on_pg.err();
  ASSERT_EQ(on_pg.Run({"users", "list"}), 0) << on_pg.err();
  EXPECT_NE(on_pg.out().find("ana@example.org"), std::string::npos) << on_pg.out();
  ASSERT_EQ(on_pg.Run({"screenings", "tiess"}), 0) << on_pg.err();
  EXPECT_EQ(json::parse(on_pg.out())["items"].size(), 2u);

  // New writes: the id sequence was moved past the copied rows.
  model::Actor fresh;
  fresh.id = "after-copy";
  fresh.name = "Gamma Workers Co-operative";
  fresh.kind = model::ActorKind::kOrganisation;
  fresh.address.country = "GB";
  fresh.version = 1;
  fresh.updated_at = "2026-12-01T00:00:00Z";
  ASSERT_TRUE(b.PutActor(fresh, "create").ok());
  EXPECT_EQ(*b.CountActors(), actors + 1);
  EXPECT_EQ(SearchIds(b, "Gamma"), std::vector<std::string>{"after-copy"});

  // The source is unchanged.
  EXPECT_EQ(*a.CountActors(), actors);
}

TEST_F(CopyCliTest, RefusesATargetThatHoldsDataAndChangesNothing) {
  MakeLaptopDatabase();
  // The target's URL with a password (which the test cluster, trusting local connections,
  // ignores): it is never printed.
  std::string url = pg_->url();
  const size_t at = url.find('@');
  ASSERT_NE(at, std::string::npos) << url;
  url.insert(at, ":s3cret-word");
  ASSERT_EQ(Run({"copy", "--to", url}), 0) << cli_->err();
  EXPECT_NE(cli_->out().find("verified: every table holds as many rows"), std::string::npos)
      << cli_->out();
  EXPECT_NE(cli_->out().find(":***@"), std::string::npos) << cli_->out();
  EXPECT_EQ(cli_->out().find("s3cret"), std::string::npos) << cli_->out();
  const long long before = PgActors();
  EXPECT_GT(before, 0);
  EXPECT_EQ(Run({"copy", "--to", url}), 1);
  EXPECT_NE(cli_->err().find("already holds data (table"), std::string::npos) << cli_->err();
  EXPECT_NE(cli_->err().find(":***@"), std::string::npos) << cli_->err();
  EXPECT_EQ(cli_->err().find("s3cret"), std::string::npos) << cli_->err();
  EXPECT_EQ(PgActors(), before);
}

TEST_F(CopyCliTest, ARowPostgreSQLRefusesLeavesTheTargetAsItWas) {
  MakeLaptopDatabase();
  // Text that is not UTF-8, which SQLite keeps and PostgreSQL refuses, in the vocabularies:
  // a table copied after the actors.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(sqlite_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO terms (scheme, code, labels) VALUES "
                         "('zz', 'bad', CAST(X'C328' AS TEXT))",
                         nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  EXPECT_EQ(Run({"copy", "--to", pg_->url()}), 1);
  EXPECT_NE(cli_->err().find("copying terms into PostgreSQL failed"), std::string::npos)
      << cli_->err();
  EXPECT_EQ(PgActors(), 0);  // the actors, copied before, were rolled back
}

TEST_F(CopyCliTest, ClearErrorsForWhatItCannotCopy) {
  // A source that does not exist.
  EXPECT_EQ(Run({"copy", "--to", pg_->url()}), 1);
  EXPECT_NE(cli_->err().find("does not exist"), std::string::npos) << cli_->err();
  ASSERT_EQ(Run({"init"}), 0) << cli_->err();
  // A target that is not PostgreSQL.
  EXPECT_EQ(Run({"copy", "--to", (folder_.path() / "other.db").string()}), 1);
  EXPECT_NE(cli_->err().find("is not a postgresql:// URL"), std::string::npos) << cli_->err();
  // No target.
  EXPECT_EQ(Run({"copy"}), 2);
  // A source that is PostgreSQL.
  CliRunner on_pg(pg_->url());
  EXPECT_EQ(on_pg.Run({"copy", "--to", pg_->url()}), 1);
  EXPECT_NE(on_pg.err().find("copy reads a SQLite database"), std::string::npos) << on_pg.err();
  // A source made by an older release: upgrade it first.
  const std::string old = (folder_.path() / "v3.db").string();
  std::filesystem::copy_file(::ecosol::testing::SourceDir() + "/tests/data/sqlite-schema-v3.db",
                             old);
  CliRunner on_old(old);
  EXPECT_EQ(on_old.Run({"copy", "--to", pg_->url()}), 1);
  EXPECT_NE(on_old.err().find("older than this ecosol"), std::string::npos) << on_old.err();
  EXPECT_NE(on_old.err().find("init"), std::string::npos) << on_old.err();
  EXPECT_EQ(PgActors(), 0);
  // Once upgraded, it copies.
  ASSERT_EQ(on_old.Run({"init"}), 0) << on_old.err();
  ASSERT_EQ(on_old.Run({"copy", "--to", pg_->url()}), 0) << on_old.err();
  EXPECT_GT(PgActors(), 0);
}

}  // namespace
}  // namespace ecosol::cli
