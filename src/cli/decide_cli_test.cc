// `ecosol decide tally FILE.json`: the tally as text and as JSON; bad input names the file and
// the field and exits 1. No database is opened.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;
using test_support::TestFolder;

class DecideCliTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const json& doc) {
    return folder_.Write(name, doc.dump());
  }

  CliRunner cli_;
  TestFolder folder_{"ecosol_decide_cli"};
};

// Instant-runoff over 9 ballots: C is eliminated first and its 2 ballots go to B, which then
// beats A 5 to 4.
json Runoff() {
  return {{"method", "instant_runoff"},
          {"options", {"A", "B", "C"}},
          {"ballots",
           {{{"ranking", {"A", "B", "C"}}, {"count", 4}},
            {{"ranking", {"B", "A", "C"}}, {"count", 3}},
            {{"ranking", {"C", "B", "A"}}, {"count", 2}, {"channel", "paper"}}}}};
}

TEST_F(DecideCliTest, TallyAsTextAndJson) {
  const std::string file = Write("runoff.json", Runoff());
  ASSERT_EQ(cli_.Run({"decide", "tally", file}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("method: instant_runoff"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("decided: winners B"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("ballots: 9"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("round 2"), std::string::npos) << cli_.out();

  ASSERT_EQ(cli_.Run({"decide", "tally", file, "--json"}), 0) << cli_.err();
  json out = json::parse(cli_.out());
  EXPECT_EQ(out["winners"], json::array({"B"}));
  EXPECT_EQ(out["decided"], true);
  EXPECT_EQ(out["ballots"]["by_channel"]["paper"], 2);
  EXPECT_EQ(out["rounds"].size(), 2u) << out.dump();
}

TEST_F(DecideCliTest, QuorumNotMetIsShown) {
  json in = Runoff();
  in["quorum"] = {{"min_ballots", 10}};
  ASSERT_EQ(cli_.Run({"decide", "tally", Write("q.json", in)}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("not decided: the quorum was not met"), std::string::npos)
      << cli_.out();
  EXPECT_NE(cli_.out().find("leading: B"), std::string::npos) << cli_.out();
}

TEST_F(DecideCliTest, BadInputNamesTheFileAndTheField) {
  json in = Runoff();
  in["ballots"][0]["ranking"][1] = "D";
  const std::string file = Write("bad.json", in);
  EXPECT_EQ(cli_.Run({"decide", "tally", file}), 1);
  EXPECT_NE(cli_.err().find("bad.json"), std::string::npos) << cli_.err();
  EXPECT_NE(cli_.err().find("ballots[0].ranking[1]"), std::string::npos) << cli_.err();
  EXPECT_EQ(cli_.Run({"decide", "tally", folder_.Write("broken.json", "{\"method\":")}), 1);
  EXPECT_NE(cli_.err().find("broken.json"), std::string::npos) << cli_.err();
  EXPECT_EQ(cli_.Run({"decide", "tally", (folder_.path() / "missing.json").string()}), 1);
}

TEST_F(DecideCliTest, OpinionMapAsTextAndJson) {
  // Two camps of 10 split on s1 and s2; everyone agrees with s3.
  json in = {{"statements", json::array({"s1", "s2", {{"id", "s3"}, {"text", "More co-ops"}}})},
             {"votes", json::array()},
             {"min_votes", 3}};
  for (int i = 0; i < 20; ++i) {
    const int side = i < 10 ? 1 : -1;
    const std::string p = "p" + std::to_string(i);
    in["votes"].push_back({{"participant", p}, {"statement", "s1"}, {"vote", side}});
    in["votes"].push_back({{"participant", p}, {"statement", "s2"}, {"vote", -side}});
    in["votes"].push_back({{"participant", p}, {"statement", "s3"}, {"vote", "agree"}});
  }
  const std::string file = Write("opinion.json", in);
  ASSERT_EQ(cli_.Run({"decide", "opinion", file}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("groups: 2"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("agrees with s1"), std::string::npos) << cli_.out();
  ASSERT_EQ(cli_.Run({"decide", "opinion", file, "--json"}), 0) << cli_.err();
  json out = json::parse(cli_.out());
  EXPECT_EQ(out["k"], 2);
  EXPECT_EQ(out["consensus"][0]["statement"], "s3");
  in["votes"][1]["vote"] = 2;
  EXPECT_EQ(cli_.Run({"decide", "opinion", Write("bad.json", in)}), 1);
  EXPECT_NE(cli_.err().find("votes[1].vote"), std::string::npos) << cli_.err();
}

}  // namespace
}  // namespace ecosol::cli
