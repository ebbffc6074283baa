#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "choices.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

json BudgetOf(json in) {
  auto input = ParseTallyInput(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto result = TallyBudget(*input);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : json(nullptr);
}

// Lackner and Skowron, "Multi-Winner Voting with Approval Preferences" (2023), Example 1 with
// committee size 4 as run by their abcvoting library (Example 11, Method of Equal Shares phase
// 1): 12 voters 3 x {a, b}, 3 x {a, c}, 2 x {a, d}, {b, c, f}, {e}, {f}, {g}; candidates a..h.
// A committee election is budgeting with unit costs and a budget of the committee size: each
// voter holds 1/3; a is bought at 1/8 per supporter, leaving 5/24 to its 8 supporters, and then
// no candidate is affordable (b's supporters hold 3 x 5/24 + 1/3 = 23/24 < 1).
json BookExample(const char* method) {
  json options = json::array();
  for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
    options.push_back({{"id", id}, {"cost", 1}});
  }
  return {{"method", method},
          {"budget", 4},
          {"options", options},
          {"ballots",
           {{{"approve", {"a", "b"}}, {"count", 3}},
            {{"approve", {"a", "c"}}, {"count", 3}},
            {{"approve", {"a", "d"}}, {"count", 2}},
            {{"approve", {"b", "c", "f"}}},
            {{"approve", {"e"}}},
            {{"approve", {"f"}}},
            {{"approve", {"g"}}}}}};
}

TEST(EqualSharesTest, PublishedCommitteeExample) {
  const json result = BudgetOf(BookExample("equal_shares"));
  EXPECT_EQ(result["winners"], json({"a"}));
  EXPECT_NEAR(result["share_per_voter"].get<double>(), 1.0 / 3, 1e-12);
  ASSERT_EQ(result["rounds"].size(), 1u);
  EXPECT_NEAR(result["rounds"][0]["max_payment"].get<double>(), 1.0 / 8, 1e-12);
  EXPECT_NEAR(result["rounds"][0]["voters_money_left"].get<double>(), 8 * 5.0 / 24 + 4.0 / 3,
              1e-12);
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 3);
}

// Greedy on the same election buys a (8 votes), b and c (4 each), then d or f (2 each, same
// cost): d, listed first.
TEST(BudgetGreedyTest, PublishedCommitteeExample) {
  const json result = BudgetOf(BookExample("budget_greedy"));
  EXPECT_EQ(result["winners"], json({"a", "b", "c", "d"}));
  EXPECT_TRUE(result["tie"].get<bool>());
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 0);
}

// 6 voters approve X (60) and Y (30); 4 approve Z (40); budget 100. Greedy gives the majority
// both of its projects; equal shares gives each voter 10: Y costs the six 5 each, X is then
// out of their reach (6 x 5 < 60) and the four buy Z.
json Majority(const char* method) {
  return {
      {"method", method},
      {"budget", 100},
      {"options",
       {{{"id", "X"}, {"cost", 60}}, {{"id", "Y"}, {"cost", 30}}, {{"id", "Z"}, {"cost", 40}}}},
      {"ballots", {{{"approve", {"X", "Y"}}, {"count", 6}}, {{"approve", {"Z"}}, {"count", 4}}}}};
}

TEST(BudgetGreedyTest, SkipsWhatDoesNotFitAndContinues) {
  const json result = BudgetOf(Majority("budget_greedy"));
  EXPECT_EQ(result["winners"], json({"Y", "X"}));  // X and Y tie at 6: the cheaper first
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 10);
  EXPECT_EQ(result["rounds"][2]["reason"], "does not fit");
}

TEST(EqualSharesTest, IsProportionalWhereGreedyIsNot) {
  const json result = BudgetOf(Majority("equal_shares"));
  EXPECT_EQ(result["winners"], json({"Y", "Z"}));
  EXPECT_DOUBLE_EQ(result["rounds"][0]["max_payment"].get<double>(), 5);
  EXPECT_DOUBLE_EQ(result["rounds"][1]["max_payment"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(result["spent"].get<double>(), 70);
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 30);
}

// Budget 40, 4 voters with 10 each. A (24) by v1-v3: 8 each, effective votes 3, bought first
// (B: 12 / 6 = 2). Then B (12) by v3 (2 left) and v4 (10): v3 pays all it has, v4 pays 10, so
// the largest payment is 10 and the effective vote count 1.2.
TEST(EqualSharesTest, ASupporterShortOfMoneyPaysAllItHas) {
  const json result = BudgetOf(
      {{"method", "equal_shares"},
       {"budget", 40},
       {"options", {{{"id", "A"}, {"cost", 24}}, {{"id", "B"}, {"cost", 12}}}},
       {"ballots",
        {{{"approve", {"A"}}, {"count", 2}}, {{"approve", {"A", "B"}}}, {{"approve", {"B"}}}}}});
  EXPECT_EQ(result["winners"], json({"A", "B"}));
  EXPECT_DOUBLE_EQ(result["rounds"][0]["max_payment"].get<double>(), 8);
  EXPECT_DOUBLE_EQ(result["rounds"][1]["max_payment"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(result["rounds"][1]["effective_votes"].get<double>(), 1.2);
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 4);
}

// Colleges weigh budgeting too: the single worker holds half the budget.
TEST(EqualSharesTest, CollegeWeightsShareTheBudget) {
  const json result = BudgetOf(
      {{"method", "equal_shares"},
       {"budget", 100},
       {"options", {{{"id", "W"}, {"cost", 50}}, {{"id", "U"}, {"cost", 50}}}},
       {"colleges", {{{"name", "workers"}, {"weight", 0.5}}, {{"name", "users"}, {"weight", 0.5}}}},
       {"ballots",
        {{{"approve", {"W"}}, {"college", "workers"}},
         {{"approve", {"U"}}, {"college", "users"}, {"count", 9}}}}});
  EXPECT_EQ(result["winners"], json({"W", "U"}));
  EXPECT_DOUBLE_EQ(result["budget_left"].get<double>(), 0);
}

TEST(TallyBudgetTest, RefusesOtherMethods) {
  TallyInput input;
  input.method = Method::kApproval;
  input.budget = 10;
  EXPECT_FALSE(TallyBudget(input).ok());
}

}  // namespace
}  // namespace ecosol::participation
