// Tally from the JSON form to the answer: the method, the ballots over every channel,
// the quorum and whether a decision was taken.

#include "ecosol/participation/tally.h"

#include <gtest/gtest.h>

namespace ecosol::participation {
namespace {

using nlohmann::json;

json TallyJson(const json& in) {
  auto input = ParseTallyInput(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto out = Tally(*input);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : json();
}

// Schulze's 45 voters and 5 candidates (Schulze 2011, and the method's usual example): E wins.
TEST(TallyTest, SchulzeStandardExampleFromJson) {
  json ballots = json::array();
  auto add = [&](int n, const std::string& order) {
    json ranking = json::array();
    for (char c : order) ranking.push_back(std::string(1, c));
    ballots.push_back({{"ranking", ranking}, {"count", n}});
  };
  add(5, "ACBED");
  add(5, "ADECB");
  add(8, "BEDAC");
  add(3, "CABED");
  add(7, "CAEBD");
  add(2, "CBADE");
  add(7, "DCEBA");
  add(8, "EBADC");
  json out = TallyJson({{"method", "schulze"},
                        {"options", {"A", "B", "C", "D", "E"}},
                        {"ballots", ballots},
                        {"quorum", {{"min_ballots", 45}}}});
  EXPECT_EQ(out["winners"], json::array({"E"}));
  EXPECT_EQ(out["ballots"]["cast"], 45);
  EXPECT_EQ(out["quorum"]["met"], true);
  EXPECT_EQ(out["decided"], true);
}

TEST(TallyTest, WithoutItsQuorumAVoteDecidesNothing) {
  // Paper and online ballots count together: 3 + 2 = 5 of the 6 needed.
  json in = {
      {"method", "single_choice"},
      {"options", {"yes", "no"}},
      {"ballots",
       {{{"choice", "yes"}, {"count", 3}, {"channel", "paper"}}, {{"choice", "no"}, {"count", 2}}}},
      {"quorum", {{"min_ballots", 6}}}};
  json out = TallyJson(in);
  EXPECT_EQ(out["decided"], false);
  EXPECT_EQ(out["why_undecided"], "the quorum was not met");
  EXPECT_EQ(out["winners"], json::array());
  EXPECT_EQ(out["leading"], json::array({"yes"}));
  EXPECT_EQ(out["ballots"]["cast"], 5);

  in["ballots"].push_back({{"choice", "yes"}, {"channel", "in_person"}});
  out = TallyJson(in);
  EXPECT_EQ(out["decided"], true);
  EXPECT_EQ(out["winners"], json::array({"yes"}));
  EXPECT_FALSE(out.contains("why_undecided"));
}

// A SCIC with colleges at 50%, 40% and 10%: workers 3 yes 1 no, users 1 yes 3 no, supporters 2
// yes. Weighted yes = 0.5 x 3/4 + 0.4 x 1/4 + 0.1 x 2/2 = 0.575 (a head count would give 6/10).
TEST(TallyTest, CollegeWeightedYesShareDecidesAgainstTheThreshold) {
  json in = {{"method", "single_choice"},
             {"options", {"yes", "no"}},
             {"preset", "fr_scic"},
             {"colleges",
              {{{"name", "workers"}, {"weight", 0.5}},
               {{"name", "users"}, {"weight", 0.4}},
               {{"name", "supporters"}, {"weight", 0.1}}}},
             {"ballots",
              {{{"choice", "yes"}, {"college", "workers"}, {"count", 3}},
               {{"choice", "no"}, {"college", "workers"}},
               {{"choice", "yes"}, {"college", "users"}},
               {{"choice", "no"}, {"college", "users"}, {"count", 3}},
               {{"choice", "yes"}, {"college", "supporters"}, {"count", 2}}}},
             {"threshold", {{"share", 0.5}}}};
  json out = TallyJson(in);
  EXPECT_NEAR(out["threshold"]["share"].get<double>(), 0.575, 1e-9) << out.dump();
  EXPECT_EQ(out["decided"], true);
  in["threshold"] = {{"share", 0.6}};
  out = TallyJson(in);
  EXPECT_EQ(out["decided"], false);
  EXPECT_EQ(out["why_undecided"], "no option reached the threshold");

  // A college above 50% is refused by the preset before anything is counted.
  in["colleges"][0]["weight"] = 0.55;
  in["colleges"][1]["weight"] = 0.35;
  auto refused = ParseTallyInput(in);
  EXPECT_FALSE(refused.ok());
}

// One tie-break order for every method (tie_order.h): a five-way tie goes the same way under
// single choice, approval and Borda, for each of several seeds.
TEST(TallyTest, EveryMethodBreaksTiesInTheSameOrder) {
  for (const char* seed : {"assembly-2026", "lottery 3 14 15", "x"}) {
    json tie = {{"options", {"A", "B", "C", "D", "E"}}, {"tie_break_seed", seed}};
    json single = tie, approval = tie, borda = tie;
    single["method"] = "single_choice";
    single["ballots"] = json::array();
    approval["method"] = "approval";
    approval["ballots"] = json::array();
    borda["method"] = "borda";
    borda["ballots"] = json::array();
    for (const char* o : {"A", "B", "C", "D", "E"}) {
      single["ballots"].push_back({{"choice", o}});
      approval["ballots"].push_back({{"approve", json::array({o})}});
    }
    borda["ballots"].push_back({{"ranking", {"A", "B", "C", "D", "E"}}});
    borda["ballots"].push_back({{"ranking", {"E", "D", "C", "B", "A"}}});
    const json winner = TallyJson(single)["winners"];
    EXPECT_EQ(TallyJson(approval)["winners"], winner) << seed;
    EXPECT_EQ(TallyJson(borda)["winners"], winner) << seed;
    EXPECT_EQ(TallyJson(single)["tie_break"], TallyJson(borda)["tie_break"]) << seed;
  }
}

}  // namespace
}  // namespace ecosol::participation
