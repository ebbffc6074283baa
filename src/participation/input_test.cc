#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

// The error message of parsing `text`, or "" when it parses.
std::string ErrorOf(const char* text) {
  auto input = ParseTallyInput(json::parse(text));
  return input.ok() ? "" : input.status().message();
}

TEST(MethodNameTest, RoundTripsEveryMethodAndKnowsTheRankedOnes) {
  for (Method m : {Method::kConsent, Method::kSingleChoice, Method::kApproval, Method::kScore,
                   Method::kDotVote, Method::kBorda, Method::kInstantRunoff, Method::kSchulze,
                   Method::kStv, Method::kBudgetGreedy, Method::kEqualShares}) {
    EXPECT_EQ(ParseMethod(ToString(m)), m);
  }
  EXPECT_EQ(ParseMethod("plurality"), std::nullopt);
  EXPECT_TRUE(IsRanked(Method::kSchulze));
  EXPECT_TRUE(IsRanked(Method::kStv));
  EXPECT_FALSE(IsRanked(Method::kApproval));
  EXPECT_FALSE(IsRanked(Method::kEqualShares));
}

TEST(ParseTallyInputTest, ReadsTheIssuesForm) {
  auto input = ParseTallyInput(json::parse(R"({
    "method": "score", "score_max": 5,
    "options": ["A", {"id": "B", "name": "Bakery"}],
    "ballots": [{"scores": {"A": 5, "B": 2}, "count": 3, "channel": "paper"},
                {"scores": {"B": 4}}],
    "quorum": {"min_ballots": 2}, "threshold": 0.5, "tie_break_seed": "2026-11-30"})"));
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  EXPECT_EQ(input->method, Method::kScore);
  ASSERT_EQ(input->options.size(), 2u);
  EXPECT_EQ(input->options[0].name, "A");
  EXPECT_EQ(input->options[1].name, "Bakery");
  ASSERT_EQ(input->ballots.size(), 2u);
  EXPECT_EQ(input->ballots[0].count, 3);
  EXPECT_EQ(input->ballots[0].channel, "paper");
  EXPECT_EQ(input->ballots[1].channel, "online");
  EXPECT_EQ(input->quorum.min_ballots, 2);
  ASSERT_TRUE(input->threshold.has_value());
  EXPECT_DOUBLE_EQ(input->threshold->share, 0.5);
  EXPECT_TRUE(input->threshold->strictly_more);
  EXPECT_EQ(input->tie_break_seed, "2026-11-30");
}

TEST(ParseTallyInputTest, ThresholdObject) {
  auto input = ParseTallyInput(json::parse(R"({"method": "single_choice",
    "options": ["yes", "no"], "ballots": [{"choice": "yes"}],
    "quorum": {"eligible": 10},
    "threshold": {"share": 0.6667, "strictly_more": false, "of_eligible": true}})"));
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  EXPECT_FALSE(input->threshold->strictly_more);
  EXPECT_TRUE(input->threshold->of_eligible);
}

TEST(ParseTallyInputTest, ErrorsNameThePath) {
  EXPECT_EQ(ErrorOf(R"({"method": "score", "score_max": 5, "options": ["A", "B"],
    "ballots": [{"scores": {"A": 1}}, {"scores": {"A": 1}}, {"scores": {"A": 1}},
                {"scores": {"B": 7}}]})"),
            "ballots[3].scores.B: 7 is above score_max 5");
  EXPECT_EQ(ErrorOf(R"({"method": "schulze", "options": ["A", "B", "C"],
    "ballots": [{"ranking": ["A", "D"]}]})"),
            "ballots[0].ranking[1]: 'D' is not an option (options: A, B, C)");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "ballots": [{"approve": ["A"],
    "colour": "red"}]})"),
            "ballots[0].colour: unknown field; known fields: approve, channel, choice, college, "
            "count, proxy_for, ranking, scores, votes");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "quorom": {}})"),
            "quorom: unknown field; known fields: abstentions, ballots, budget, colleges, dots, "
            "empty_colleges, max_proxies, method, options, preset, quorum, reserved, "
            "score_max, seats, threshold, tie_break_seed");
}

TEST(ParseTallyInputTest, BallotsMustMatchTheMethod) {
  EXPECT_EQ(ErrorOf(R"({"method": "borda", "options": ["A", "B"],
    "ballots": [{"approve": ["A"]}]})"),
            "ballots[0].approve: method borda takes \"ranking\", not \"approve\"");
  EXPECT_EQ(ErrorOf(R"({"method": "consent", "options": ["proposal"],
    "ballots": [{"choice": "maybe"}]})"),
            "ballots[0].choice: 'maybe' is not a consent answer; give agree, abstain, disagree "
            "or block");
  EXPECT_EQ(ErrorOf(R"({"method": "single_choice", "options": ["A", "B"],
    "ballots": [{"choice": "C"}]})"),
            "ballots[0].choice: 'C' is not an option (options: A, B)");
  EXPECT_EQ(ErrorOf(R"({"method": "dot_vote", "dots": 5, "options": ["A", "B"],
    "ballots": [{"scores": {"A": 3, "B": 3}}]})"),
            "ballots[0].scores: 6 dots in all; at most 5 per ballot (dots)");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "ballots": [{"approve": []},
    {"approve": ["A", "A"]}]})"),
            "ballots[1].approve[1]: 'A' appears twice; list it once");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "ballots": [{"approve": ["A"], "count": 0}]})"),
            "ballots[0].count: expected a whole number from 1 to 1000000000000, got 0");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "ballots": [{"approve": ["A"], "count": 2.5}]})"),
            "ballots[0].count: expected a whole number from 1 to 1000000000000, got 2.5");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "ballots": [{"approve": ["A"], "channel": "fax"}]})"),
            "ballots[0].channel: 'fax' is not a channel; give online, paper or in_person");
}

TEST(ParseTallyInputTest, CollegesAndBallotColleges) {
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "colleges": [{"name": "workers", "weight": 0.5}, {"name": "users", "weight": 0.5}],
    "ballots": [{"approve": ["A"], "college": "funders"}]})"),
            "ballots[0].college: 'funders' is not a declared college (colleges: users, workers)");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "colleges": [{"name": "workers", "weight": 0.5}, {"name": "users", "weight": 0.5}],
    "ballots": [{"approve": ["A"]}]})"),
            "ballots[0]: no college; with colleges declared every ballot names one (users, "
            "workers)");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "ballots": [{"approve": ["A"], "college": "users"}]})"),
            "ballots[0].college: 'users' is not a declared college (no colleges are declared)");
}

TEST(ParseTallyInputTest, BudgetingNeedsCostsAndABudget) {
  EXPECT_EQ(ErrorOf(R"({"method": "equal_shares", "budget": 100,
    "options": [{"id": "park", "cost": 50}, {"id": "bench"}]})"),
            "options[1].cost: bench needs a cost above 0 for participatory budgeting");
  EXPECT_EQ(ErrorOf(R"({"method": "budget_greedy", "options": [{"id": "park", "cost": 50}]})"),
            "budget: budget_greedy needs a budget above 0");
}

TEST(ParseTallyInputTest, ReservedSeatsNeedTheirCategoryAndFitTheSeats) {
  EXPECT_EQ(ErrorOf(R"({"method": "stv", "seats": 2,
    "options": [{"id": "A", "category": "worker"}, {"id": "B", "category": "user"}, "C"],
    "reserved": [{"category": "supporter", "seats": 1}]})"),
            "reserved[0].category: no option has category 'supporter'");
  EXPECT_EQ(ErrorOf(R"({"method": "stv", "seats": 2,
    "options": [{"id": "A", "category": "worker"}, {"id": "B", "category": "user"}, "C"],
    "reserved": [{"category": "worker", "seats": 2}, {"category": "user", "seats": 1}]})"),
            "reserved: 3 seats reserved but only 2 to fill (seats)");
  EXPECT_EQ(ErrorOf(R"({"method": "stv", "seats": 2,
    "options": [{"id": "A", "category": "worker"}, {"id": "B", "category": "user"}, "C"],
    "reserved": [{"category": "worker", "seats": 1}, {"category": "user", "seats": 1}]})"),
            "");
}

TEST(ParseTallyInputTest, QuorumAndThresholdChecks) {
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"],
    "quorum": {"min_share_of_eligible": 0.25}})"),
            "quorum.eligible: min_share_of_eligible needs the voter roll's size; give eligible");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "threshold": 1.5})"),
            "threshold: the share must be above 0 and at most 1, got 1.5");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "threshold": {"share": 0.5,
    "majority": true}})"),
            "threshold.majority: unknown field; known fields: of_eligible, share, strictly_more");
}

TEST(ParseTallyInputTest, ProxiesAreCappedAndEachMemberGivesOne) {
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "max_proxies": 1,
    "ballots": [{"approve": ["A"], "proxy_for": ["m1", "m2"]}]})"),
            "ballots[0].proxy_for: 2 proxies held; at most 1 (max_proxies)");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "max_proxies": 2,
    "ballots": [{"approve": ["A"], "proxy_for": ["m1"]}, {"approve": [], "proxy_for": ["m1"]}]})"),
            "ballots[1].proxy_for[0]: member 'm1' is already represented by another proxy; a "
            "member gives one proxy at most");
  EXPECT_EQ(ErrorOf(R"({"method": "approval", "options": ["A"], "max_proxies": 2,
    "ballots": [{"approve": ["A"], "count": 2, "proxy_for": ["m1"]}]})"),
            "ballots[0].proxy_for: a ballot carrying proxies stands for one voter; count is 2, "
            "give count 1");
}

}  // namespace
}  // namespace ecosol::participation
