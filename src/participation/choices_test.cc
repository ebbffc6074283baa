#include "choices.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

json TallyOf(const json& in) {
  auto input = ParseTallyInput(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto result = TallyChoices(*input);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : json(nullptr);
}

json Consent(json ballots) {
  return {{"method", "consent"}, {"options", {"proposal"}}, {"ballots", std::move(ballots)}};
}

TEST(ConsentTest, AdoptedWithoutBlockWhenAgreeHoldsTheMajority) {
  const json result = TallyOf(Consent({{{"choice", "agree"}, {"count", 6}},
                                       {{"choice", "disagree"}, {"count", 2}},
                                       {{"choice", "abstain"}, {"count", 5}}}));
  EXPECT_EQ(result["decision"], "adopted");
  EXPECT_EQ(result["winners"], json({"proposal"}));
  EXPECT_NEAR(result["threshold"]["share"].get<double>(), 0.75, 1e-12);  // abstentions excluded
  EXPECT_EQ(result["counts"]["abstain"], 5);
}

TEST(ConsentTest, OneBlockBlocks) {
  const json result = TallyOf(
      Consent({{{"choice", "agree"}, {"count", 40}}, {{"choice", "block"}, {"channel", "paper"}}}));
  EXPECT_EQ(result["decision"], "blocked");
  EXPECT_TRUE(result["blocked"].get<bool>());
  EXPECT_EQ(result["winners"], json::array());
}

TEST(ConsentTest, RejectedWhenAgreeDoesNotHoldTheThreshold) {
  json in = Consent({{{"choice", "agree"}, {"count", 3}}, {{"choice", "disagree"}, {"count", 3}}});
  EXPECT_EQ(TallyOf(in)["decision"], "rejected");  // 50% is not more than 50%
  in["threshold"] = {{"share", 0.5}, {"strictly_more", false}};
  EXPECT_EQ(TallyOf(in)["decision"], "adopted");
}

TEST(SingleChoiceTest, PluralityAndReportedTie) {
  const json result = TallyOf({{"method", "single_choice"},
                               {"options", {"A", "B", "C"}},
                               {"ballots",
                                {{{"choice", "B"}, {"count", 4}},
                                 {{"choice", "C"}, {"count", 4}},
                                 {{"choice", "A"}, {"count", 1}}}}});
  EXPECT_EQ(result["winners"], json({"B"}));  // listed before C
  EXPECT_TRUE(result["tie"].get<bool>());
  EXPECT_EQ(result["tied"], json({"B", "C"}));
  EXPECT_EQ(result["tie_break"],
            "the order in which the options are listed (the first listed is favoured)");
}

TEST(SingleChoiceTest, SeededTieBreakIsReproducibleAndStated) {
  json in = {{"method", "single_choice"},
             {"options", {"A", "B"}},
             {"tie_break_seed", "assembly-2026"},
             {"ballots", {{{"choice", "A"}}, {{"choice", "B"}}}}};
  const json first = TallyOf(in);
  EXPECT_EQ(TallyOf(in)["winners"], first["winners"]);
  EXPECT_NE(first["tie_break"].get<std::string>().find("assembly-2026"), std::string::npos);
}

TEST(SingleChoiceTest, ThresholdOfEligibleVoters) {
  // 30 yes out of 100 eligible: a majority of the votes cast but not of the roll.
  json in = {{"method", "single_choice"},
             {"options", {"yes", "no"}},
             {"quorum", {{"eligible", 100}}},
             {"threshold", {{"share", 0.5}, {"of_eligible", true}}},
             {"ballots", {{{"choice", "yes"}, {"count", 30}}, {{"choice", "no"}, {"count", 10}}}}};
  const json result = TallyOf(in);
  EXPECT_NEAR(result["threshold"]["share"].get<double>(), 0.3, 1e-12);
  EXPECT_FALSE(result["threshold"]["met"].get<bool>());
  EXPECT_EQ(result["winners"], json::array());
}

TEST(ScoreTest, HighestSumWithMeans) {
  const json result = TallyOf({{"method", "score"},
                               {"score_max", 5},
                               {"options", {"A", "B"}},
                               {"ballots",
                                {{{"scores", {{"A", 5}, {"B", 1}}}, {"count", 2}},
                                 {{"scores", {{"B", 5}}}, {"count", 2}},
                                 {{"scores", {{"A", 0}, {"B", 4}}}}}}});
  EXPECT_DOUBLE_EQ(result["totals"]["A"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(result["totals"]["B"].get<double>(), 16);
  EXPECT_DOUBLE_EQ(result["means"]["B"].get<double>(), 16.0 / 5);
  EXPECT_EQ(result["winners"], json({"B"}));
}

TEST(DotVoteTest, MostDotsWin) {
  const json result = TallyOf(
      {{"method", "dot_vote"},
       {"dots", 3},
       {"seats", 2},
       {"options", {"A", "B", "C"}},
       {"ballots",
        {{{"scores", {{"A", 3}}}}, {{"scores", {{"B", 2}, {"C", 1}}}}, {{"scores", {{"C", 3}}}}}}});
  EXPECT_EQ(result["winners"], json({"C", "A"}));  // C 4, A 3, B 2
  EXPECT_FALSE(result["tie"].get<bool>());
}

TEST(ApprovalTest, WeightedCollegesPerCollegeCounts) {
  const json result =
      TallyOf({{"method", "approval"},
               {"options", {"A", "B"}},
               {"colleges", {{{"name", "w"}, {"weight", 0.5}}, {{"name", "u"}, {"weight", 0.5}}}},
               {"ballots",
                {{{"approve", {"A"}}, {"college", "w"}, {"count", 1}},
                 {{"approve", {"B"}}, {"college", "u"}, {"count", 9}},
                 {{"approve", {"A", "B"}}, {"college", "u"}, {"count", 1}}}}});
  // A: 0.5 x 1 + 0.5 x 1/10 = 0.55; B: 0.5 x 10/10 = 0.5.
  EXPECT_NEAR(result["shares"]["A"].get<double>(), 0.55, 1e-12);
  EXPECT_NEAR(result["shares"]["B"].get<double>(), 0.5, 1e-12);
  EXPECT_EQ(result["winners"], json({"A"}));
  EXPECT_EQ(result["colleges"][1]["totals"]["B"], 10.0);
}

// Property: adding a ballot that approves the winner never makes it lose (random elections,
// fixed seed).
TEST(ApprovalTest, AddingABallotForTheWinnerKeepsItWinning) {
  std::mt19937 rng(20261130);
  const std::vector<std::string> ids = {"A", "B", "C", "D", "E"};
  for (int trial = 0; trial < 300; ++trial) {
    json ballots = json::array();
    const int n = std::uniform_int_distribution<int>(1, 12)(rng);
    for (int i = 0; i < n; ++i) {
      json approve = json::array();
      for (const std::string& id : ids) {
        if (std::bernoulli_distribution(0.4)(rng)) approve.push_back(id);
      }
      ballots.push_back(
          {{"approve", approve}, {"count", std::uniform_int_distribution<int>(1, 3)(rng)}});
    }
    json in = {{"method", "approval"}, {"options", ids}, {"ballots", ballots}};
    const std::string winner = TallyOf(in)["winners"][0].get<std::string>();
    json extra = {winner};
    for (const std::string& id : ids) {
      if (id != winner && std::bernoulli_distribution(0.3)(rng)) extra.push_back(id);
    }
    in["ballots"].push_back({{"approve", extra}});
    EXPECT_EQ(TallyOf(in)["winners"][0], winner) << in.dump();
  }
}

TEST(QuorumTest, PaperInPersonAndOnlineBallotsMergeUnderOneQuorum) {
  auto input = ParseTallyInput(json::parse(R"({"method": "approval", "options": ["A"],
    "quorum": {"min_ballots": 50, "eligible": 120, "min_share_of_eligible": 0.4},
    "ballots": [{"approve": ["A"], "count": 30, "channel": "online"},
                {"approve": [], "count": 15, "channel": "paper"},
                {"approve": ["A"], "count": 5, "channel": "in_person"}]})"));
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const json quorum = QuorumResult(*input);
  EXPECT_TRUE(quorum["met"].get<bool>());  // 50 >= 50 and 50/120 >= 0.4, none alone suffices
  EXPECT_EQ(quorum["cast"], 50);
  EXPECT_EQ(quorum["by_channel"]["paper"], 15);
  const json summary = BallotSummary(*input);
  EXPECT_EQ(summary["by_channel"], json({{"online", 30}, {"paper", 15}, {"in_person", 5}}));
  input->ballots.pop_back();
  const json short_quorum = QuorumResult(*input);
  EXPECT_FALSE(short_quorum["met"].get<bool>());
  EXPECT_FALSE(short_quorum["conditions"][0]["met"].get<bool>());
}

TEST(QuorumTest, MinCollegesCountsCollegesThatVoted) {
  auto input = ParseTallyInput(json::parse(R"({"method": "approval", "options": ["A"],
    "colleges": [{"name": "w", "weight": 0.5}, {"name": "u", "weight": 0.5}],
    "quorum": {"min_colleges": 2},
    "ballots": [{"approve": ["A"], "college": "w"}]})"));
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  const json quorum = QuorumResult(*input);
  EXPECT_FALSE(quorum["met"].get<bool>());
  EXPECT_EQ(quorum["colleges_voting"], 1);
  EXPECT_EQ(BallotSummary(*input)["by_college"], json({{"u", 0}, {"w", 1}}));
}

TEST(TallyChoicesTest, RefusesRankedMethods) {
  TallyInput input;
  input.method = Method::kSchulze;
  input.options = {{"A", "A", 0, ""}};
  EXPECT_FALSE(TallyChoices(input).ok());
}

}  // namespace
}  // namespace ecosol::participation
