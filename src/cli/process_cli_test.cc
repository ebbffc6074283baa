// `ecosol decide create|phase|add|open|vote|paper|close|receipt|draw|log|verify` over a SQLite
// database: a whole process run from the command line, and any stored decision entry changed
// by hand found by `decide verify` (exit 1).

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;
using test_support::TestFolder;

class ProcessCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  std::string Write(const std::string& name, const json& doc) {
    return folder_.Write(name, doc.dump());
  }

  // A process with one closed secret decision and one draw; returns ana's receipt.
  std::string RunProcess() {
    json process = {{"id", "coop-ag"},
                    {"title", "General assembly"},
                    {"phases", json::array({{{"id", "vote"}, {"kind", "decision"}}})},
                    {"participants", json::array({{{"id", "ana"}, {"college", "workers"}},
                                                  {{"id", "bob"}, {"college", "users"}},
                                                  {{"id", "cy"}, {"college", "users"}}})}};
    EXPECT_EQ(cli_.Run({"decide", "create", Write("process.json", process)}), 0) << cli_.err();
    json decision = {{"id", "budget"},
                     {"title", "Adopt the budget?"},
                     {"input",
                      {{"method", "single_choice"},
                       {"options", json::array({"yes", "no"})},
                       {"colleges", json::array({{{"name", "workers"}, {"weight", 0.5}},
                                                 {{"name", "users"}, {"weight", 0.5}}})}}}};
    EXPECT_EQ(cli_.Run({"decide", "open", "coop-ag", Write("decision.json", decision)}), 0)
        << cli_.err();
    EXPECT_EQ(cli_.Run({"decide", "vote", "coop-ag", "budget", "--as", "ana", "--ballot",
                        R"({"choice": "yes"})", "--json"}),
              0)
        << cli_.err();
    std::string receipt = json::parse(cli_.out())["commitment"];
    EXPECT_EQ(cli_.Run({"decide", "vote", "coop-ag", "budget", "--as", "bob", "--ballot",
                        R"({"choice": "no"})"}),
              0)
        << cli_.err();
    EXPECT_NE(cli_.out().find("receipt: "), std::string::npos) << cli_.out();
    EXPECT_EQ(cli_.Run({"decide", "vote", "coop-ag", "budget", "--as", "cy", "--ballot",
                        R"({"choice": "yes"})"}),
              0)
        << cli_.err();
    EXPECT_EQ(cli_.Run({"decide", "close", "coop-ag", "budget"}), 0) << cli_.err();
    EXPECT_NE(cli_.out().find("decided: winners yes"), std::string::npos) << cli_.out();
    json draw = {{"id", "tellers"},
                 {"seed", "2026-11-30 lottery 7 19 22"},
                 {"witnesses", json::array({"ana"})},
                 {"pool", json::array({"ana", "bob", "cy"})},
                 {"seats", 2}};
    EXPECT_EQ(cli_.Run({"decide", "draw", "coop-ag", Write("draw.json", draw)}), 0) << cli_.err();
    return receipt;
  }

  void Tamper(const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(db_.url().c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    EXPECT_GE(sqlite3_changes(raw), 1) << sql;
    sqlite3_close(raw);
  }

  testing::TestStore db_{"sqlite"};
  CliRunner cli_{db_.url()};
  TestFolder folder_{"ecosol_process_cli"};
};

TEST_F(ProcessCliTest, AProcessRunsAndVerifies) {
  const std::string receipt = RunProcess();
  ASSERT_EQ(cli_.Run({"decide", "receipt", "coop-ag", "budget", receipt}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("included: ballot"), std::string::npos) << cli_.out();
  ASSERT_EQ(cli_.Run({"decide", "receipt", "coop-ag", "budget", std::string(64, 'f')}), 0);
  EXPECT_NE(cli_.out().find("NOT included"), std::string::npos) << cli_.out();
  ASSERT_EQ(cli_.Run({"decide", "show", "coop-ag"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("budget"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("sortition tellers"), std::string::npos) << cli_.out();
  ASSERT_EQ(cli_.Run({"decide", "processes"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("coop-ag"), std::string::npos) << cli_.out();
  ASSERT_EQ(cli_.Run({"decide", "log", "coop-ag", "--json"}), 0) << cli_.err();
  // The process, the decision's record and its opening, 3 votes, the close, the draw.
  EXPECT_EQ(json::parse(cli_.out()).size(), 8u);
  ASSERT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("verified, 8 log entries"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("1 closed decisions recounted, 1 draws redrawn"), std::string::npos)
      << cli_.out();
  // Bad input changes nothing.
  EXPECT_EQ(cli_.Run({"decide", "vote", "coop-ag", "budget", "--as", "ana", "--ballot", "{"}), 1);
  EXPECT_NE(cli_.err().find("--ballot"), std::string::npos) << cli_.err();
  EXPECT_EQ(cli_.Run({"decide", "show", "nope"}), 1);
  ASSERT_EQ(cli_.Run({"decide", "verify", "coop-ag", "--json"}), 0) << cli_.err();
  EXPECT_EQ(json::parse(cli_.out())["entries"], 8);
}

// Every kind of stored decision entry, changed by hand, is found.
TEST_F(ProcessCliTest, TamperingWithAnyDecisionEntryIsDetected) {
  RunProcess();
  ASSERT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 0) << cli_.err();
  // Each change is made and then undone, so that the next one is found on its own.
  const char* kinds[] = {"process", "record",          "decision_opened",
                         "voted",   "decision_closed", "sortition"};
  for (const char* kind : kinds) {
    SCOPED_TRACE(kind);
    // Change one character of the entry's body: a key added at its end.
    Tamper(
        std::string("CREATE TABLE IF NOT EXISTS saved AS SELECT * FROM decision_log WHERE 0; "
                    "DELETE FROM saved; INSERT INTO saved SELECT * FROM decision_log; "
                    "UPDATE decision_log SET body = substr(body, 1, length(body) - 1) || "
                    "',\"x\":1}' WHERE seq = (SELECT MIN(seq) FROM decision_log WHERE kind = '") +
        kind + "')");
    EXPECT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 1) << cli_.out();
    EXPECT_NE(cli_.err().find("does not verify"), std::string::npos) << cli_.err();
    EXPECT_NE(cli_.out().find("problems found"), std::string::npos) << cli_.out();
    Tamper("DELETE FROM decision_log; INSERT INTO decision_log SELECT * FROM saved");
    ASSERT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 0) << cli_.out();
  }
  // A hash recomputed by hand still breaks the next entry's link; the head row too.
  // (Its first digit changed to another: 'f' unless it is 'f' already, one hash in 16.)
  Tamper(
      "UPDATE decision_log SET hash = CASE WHEN substr(hash, 1, 1) = 'f' THEN 'e' ELSE 'f' END "
      "|| substr(hash, 2) WHERE seq = 4");
  EXPECT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 1);
  EXPECT_NE(cli_.out().find("entry 5"), std::string::npos) << cli_.out();
  Tamper("DELETE FROM decision_log; INSERT INTO decision_log SELECT * FROM saved");
  // A stored record changed without its entry.
  Tamper(
      "UPDATE participation_records SET doc = replace(doc, 'Adopt', 'Reject') WHERE kind = "
      "'decision'");
  EXPECT_EQ(cli_.Run({"decide", "verify", "coop-ag"}), 1);
}

}  // namespace
}  // namespace ecosol::cli
