#include "ecosol/finance/allocation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace ecosol::finance {
namespace {

Application App(std::string id, double requested, double min, double max, double score,
                std::string region = "north", double private_capital = 0) {
  Application a;
  a.id = std::move(id);
  a.requested = requested;
  a.min_grant = min;
  a.max_grant = max;
  a.impact_score = score;
  a.region = std::move(region);
  a.sector = "food";
  a.private_capital = private_capital;
  return a;
}

Quota MakeQuota(QuotaDimension d, std::string key, QuotaBound bound, QuotaBase base, double value) {
  Quota q;
  q.dimension = d;
  q.key = key;
  q.bound = bound;
  q.base = base;
  q.value = value;
  q.id = std::string(ToString(d)) + ":" + key + ":" + std::string(ToString(bound));
  return q;
}

double ImpactOf(const AllocationProblem& p, const std::vector<double>& amounts) {
  return MakePortfolio(p, amounts).total_impact;
}

// The best feasible impact over every combination of amounts in {0, lo, lo+step, ..., hi}
// (each application's limits must be multiples of step); -1 when no combination is feasible.
double BruteForce(const AllocationProblem& p, double step) {
  std::vector<std::vector<double>> choices;
  for (const Application& a : p.applications) {
    const double lo = std::max(a.min_grant, p.rules.min_grant);
    const double hi = std::min(a.max_grant, p.rules.max_grant.value_or(a.max_grant));
    std::vector<double> c = {0.0};
    for (double x = std::max(lo, step); x <= hi + 1e-9; x += step) c.push_back(x);
    choices.push_back(c);
  }
  std::vector<double> amounts(p.applications.size(), 0.0);
  double best = -1;
  std::function<void(size_t)> walk = [&](size_t i) {
    if (i == amounts.size()) {
      if (CheckAllocation(p, amounts).empty()) best = std::max(best, ImpactOf(p, amounts));
      return;
    }
    for (double x : choices[i]) {
      amounts[i] = x;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

AllocationProblem Quiet(AllocationProblem p) {
  p.options.analyse_constraints = false;
  return p;
}

// A random instance with every kind of rule; amounts are multiples of `step`, and when
// fixed_amounts is set each application has min = max (a pure 0/1 choice).
AllocationProblem RandomProblem(std::mt19937& rng, size_t n, bool fixed_amounts, double step) {
  std::uniform_int_distribution<int> units(1, 6), score(0, 100), coin(0, 1), region(0, 2);
  const char* regions[] = {"north", "south", "east"};
  AllocationProblem p;
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    const double requested = step * units(rng);
    const double min = fixed_amounts ? requested : step * std::min(units(rng), 2);
    Application a = App("a" + std::to_string(i), requested, std::min(min, requested), requested,
                        score(rng), regions[region(rng)], step * 2 * units(rng));
    a.sector = coin(rng) ? "food" : "housing";
    if (coin(rng)) a.equity_groups.push_back("women_led");
    if (coin(rng) && coin(rng)) a.first_loss = step * units(rng);
    total += requested;
    p.applications.push_back(a);
  }
  p.rules.budget = step * std::round(total / step / 2);
  p.rules.leverage_ratio = coin(rng) ? 1.0 : 0.0;
  p.rules.first_loss_budget = step * 3;
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kRegion, p.applications[0].region,
                                     QuotaBound::kAtLeast, QuotaBase::kShareOfBudget, 0.1));
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kSector, p.applications[0].sector,
                                     QuotaBound::kAtMost, QuotaBase::kShareOfBudget, 0.6));
  p.applications[0].equity_groups = {"women_led"};
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kEquityGroup, "women_led",
                                     QuotaBound::kAtLeast, QuotaBase::kShareOfAllocated, 0.3));
  return p;
}

// Budget 100. A: 1 impact per unit but no private capital; B: 0.5 per unit, 300 private.
// With leverage 2 (private >= 2 x public): {A, B} may take 100 with B at its minimum 10, so
// A = 90, B = 10, impact 90 + 5 = 95. Without leverage A = 100 (impact 100, cost 5); without
// the budget A = 100, B = 50 (impact 125, cost 30).
AllocationProblem LeverageCase() {
  AllocationProblem p;
  p.rules.budget = 100;
  p.rules.leverage_ratio = 2;  // DOMAIN.md 5: Social Finance Fund, $2 private per $1 public
  p.applications = {App("a", 100, 10, 100, 100, "north", 0),
                    App("b", 100, 10, 100, 50, "south", 300)};
  return p;
}

TEST(AllocationTest, LeverageCaseOptimumAndConstraintCosts) {
  auto r = Allocate(LeverageCase());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, SolveStatus::kOptimal);
  ASSERT_EQ(r->mip.grants.size(), 2u);
  EXPECT_NEAR(r->mip.amounts[0], 90, 1e-6);
  EXPECT_NEAR(r->mip.amounts[1], 10, 1e-6);
  EXPECT_NEAR(r->mip.total_impact, 95, 1e-6);
  EXPECT_NEAR(BruteForce(LeverageCase(), 10), 95, 1e-9);
  ASSERT_EQ(r->constraints.size(), 2u);
  EXPECT_EQ(r->constraints[0].id, "budget");
  EXPECT_TRUE(r->constraints[0].tight);
  EXPECT_TRUE(r->constraints[0].binding);
  EXPECT_NEAR(r->constraints[0].impact_cost, 30, 1e-6);
  EXPECT_EQ(r->constraints[1].id, "leverage");
  EXPECT_NEAR(r->constraints[1].activity, 300, 1e-9);
  EXPECT_NEAR(r->constraints[1].limit, 200, 1e-6);
  EXPECT_FALSE(r->constraints[1].tight);  // 300 >= 200: slack, yet it binds through y_A
  EXPECT_TRUE(r->constraints[1].binding);
  EXPECT_NEAR(r->constraints[1].impact_cost, 5, 1e-6);
}

TEST(AllocationTest, GreedyFallsShortOfTheMipWhenLeverageBlocksTheBestRatio) {
  auto r = Allocate(LeverageCase());
  ASSERT_TRUE(r.ok());
  // Greedy looks at A first: with no private capital it can receive nothing; B then takes 100.
  EXPECT_NEAR(r->greedy.total_impact, 50, 1e-9);
  EXPECT_TRUE(r->greedy_violations.empty());
  EXPECT_GT(r->mip.total_impact, r->greedy.total_impact);
}

TEST(AllocationTest, GreedyIsSuboptimalOnAKnapsack) {
  // A has the best ratio (1.1) but its fixed 60 leaves 40, too little for B or C (50 each).
  AllocationProblem p;
  p.rules.budget = 100;
  p.applications = {App("a", 60, 60, 60, 66), App("b", 50, 50, 50, 50), App("c", 50, 50, 50, 50)};
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->greedy.total_impact, 66, 1e-9);
  EXPECT_NEAR(r->mip.total_impact, 100, 1e-6);
  EXPECT_EQ(r->mip.amounts, (std::vector<double>{0, 50, 50}));
  EXPECT_NEAR(BruteForce(p, 10), 100, 1e-9);
}

TEST(AllocationTest, QuotaCostIsTheImpactRegainedWithoutIt) {
  AllocationProblem p = LeverageCase();
  // At most half the budget to the north caps A at 50: A = 50, B = 50, impact 75 (cost 20).
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kRegion, "north", QuotaBound::kAtMost,
                                     QuotaBase::kShareOfBudget, 0.5));
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->mip.total_impact, 75, 1e-6);
  EXPECT_NEAR(BruteForce(p, 10), 75, 1e-9);
  ASSERT_EQ(r->constraints.size(), 3u);
  EXPECT_EQ(r->constraints[2].id, "region:north:at_most");
  EXPECT_TRUE(r->constraints[2].tight);
  EXPECT_NEAR(r->constraints[2].impact_cost, 20, 1e-6);
  EXPECT_TRUE(r->constraints[2].binding);
}

TEST(AllocationTest, SlackQuotaCostsNothing) {
  AllocationProblem p = LeverageCase();
  p.rules.quotas.push_back(
      MakeQuota(QuotaDimension::kRegion, "south", QuotaBound::kAtMost, QuotaBase::kAmount, 80));
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->mip.total_impact, 95, 1e-6);
  EXPECT_FALSE(r->constraints[2].tight);
  EXPECT_FALSE(r->constraints[2].binding);
  EXPECT_NEAR(r->constraints[2].impact_cost, 0, 1e-6);
}

TEST(AllocationTest, FixedAmountsMatchBruteForceOnRandomInstances) {
  std::mt19937 rng(20261130);
  int feasible = 0;
  for (int round = 0; round < 40; ++round) {
    AllocationProblem p = Quiet(RandomProblem(rng, 6, true, 10));
    auto r = Allocate(p);
    ASSERT_TRUE(r.ok()) << r.status().message();
    const double brute = BruteForce(p, 10);
    if (brute < 0) {
      EXPECT_EQ(r->status, SolveStatus::kInfeasible) << "round " << round;
      continue;
    }
    ++feasible;
    ASSERT_EQ(r->status, SolveStatus::kOptimal) << "round " << round;
    EXPECT_NEAR(r->mip.total_impact, brute, 1e-6 * std::max(1.0, brute)) << "round " << round;
    EXPECT_TRUE(CheckAllocation(p, r->mip.amounts).empty()) << "round " << round;
  }
  EXPECT_GT(feasible, 10);
}

TEST(AllocationTest, SemiContinuousAmountsAtLeastMatchTheGrid) {
  // Amounts vary in steps of 10 in the brute force, continuously in the MIP: the MIP must
  // reach the grid's best and may pass it.
  std::mt19937 rng(7);
  for (int round = 0; round < 25; ++round) {
    AllocationProblem p = Quiet(RandomProblem(rng, 4, false, 10));
    auto r = Allocate(p);
    ASSERT_TRUE(r.ok()) << r.status().message();
    const double brute = BruteForce(p, 10);
    if (brute < 0) continue;  // the grid may miss a continuous solution
    ASSERT_TRUE(r->status == SolveStatus::kOptimal) << "round " << round;
    EXPECT_GE(r->mip.total_impact, brute - 1e-6 * std::max(1.0, brute)) << "round " << round;
    EXPECT_TRUE(CheckAllocation(p, r->mip.amounts).empty()) << "round " << round;
  }
}

TEST(AllocationTest, EveryReturnedSolutionKeepsEveryRule) {
  std::mt19937 rng(42);
  int solved = 0;
  for (int round = 0; round < 30; ++round) {
    AllocationProblem p = RandomProblem(rng, 40, false, 1000);
    p.options.analyse_constraints = round % 5 == 0;
    auto r = Allocate(p);
    ASSERT_TRUE(r.ok()) << r.status().message();
    if (r->status == SolveStatus::kInfeasible) continue;
    ASSERT_EQ(r->status, SolveStatus::kOptimal) << "round " << round;
    ++solved;
    const auto broken = CheckAllocation(p, r->mip.amounts);
    EXPECT_TRUE(broken.empty()) << "round " << round << ": " << broken.front();
    if (r->greedy_violations.empty()) {
      EXPECT_GE(r->mip.total_impact, r->greedy.total_impact - 1e-6) << "round " << round;
    }
    for (const ConstraintReport& c : r->constraints) {
      EXPECT_GE(c.impact_cost, -1e-6 * std::max(1.0, r->mip.total_impact)) << c.id;
    }
  }
  EXPECT_GT(solved, 15);
}

TEST(AllocationTest, QuotaBeyondItsApplicationsIsExplained) {
  AllocationProblem p = LeverageCase();
  p.rules.leverage_ratio = 0;
  // South can take at most 100, yet the quota asks for 150.
  p.rules.budget = 200;
  p.rules.quotas.push_back(
      MakeQuota(QuotaDimension::kRegion, "south", QuotaBound::kAtLeast, QuotaBase::kAmount, 150));
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, SolveStatus::kInfeasible);
  EXPECT_TRUE(r->mip.grants.empty());
  ASSERT_FALSE(r->infeasibility.empty());
  EXPECT_NE(r->infeasibility[0].find("region:south:at_least needs at least 150"), std::string::npos)
      << r->infeasibility[0];
  EXPECT_NE(r->infeasibility[0].find("at most 100"), std::string::npos);
  EXPECT_EQ(r->greedy_violations.size(), 1u);  // greedy does not seek at-least quotas
}

TEST(AllocationTest, ConflictingFamiliesAreNamed) {
  // North needs 60% of the budget, but north has no private capital and leverage needs 2x:
  // dropping either the region quotas or the leverage rule makes an allocation possible.
  AllocationProblem p = LeverageCase();
  p.applications[1].private_capital = 100;
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kRegion, "north", QuotaBound::kAtLeast,
                                     QuotaBase::kShareOfBudget, 0.6));
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->status, SolveStatus::kInfeasible);
  auto mentions = [&](const std::string& text) {
    return std::any_of(r->infeasibility.begin(), r->infeasibility.end(),
                       [&](const std::string& s) { return s.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(mentions("without the region quotas an allocation exists"));
  EXPECT_TRUE(mentions("without the leverage rule an allocation exists"));
  EXPECT_FALSE(mentions("without the budget an allocation exists"));
}

TEST(AllocationTest, FirstLossBudgetLimitsTheFundedSet) {
  AllocationProblem p;
  p.rules.budget = 100;
  p.rules.first_loss_budget = 30;
  p.applications = {App("a", 50, 50, 50, 50), App("b", 50, 50, 50, 40), App("c", 50, 50, 50, 30)};
  p.applications[0].first_loss = 20;
  p.applications[1].first_loss = 20;
  // a and b together need 40 of cover (> 30): the best is a + c (80).
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->mip.total_impact, 80, 1e-6);
  EXPECT_NEAR(BruteForce(p, 10), 80, 1e-9);
  EXPECT_NEAR(r->mip.first_loss, 20, 1e-9);
  ASSERT_EQ(r->constraints.size(), 2u);
  EXPECT_EQ(r->constraints[1].id, "first_loss_budget");
  EXPECT_NEAR(r->constraints[1].impact_cost, 10, 1e-6);
}

TEST(AllocationTest, FundGrantLimitsNarrowEachApplication) {
  AllocationProblem p;
  p.rules.budget = 100;
  p.rules.max_grant = 40;
  p.rules.min_grant = 30;
  p.applications = {App("a", 100, 0, 100, 100), App("b", 20, 0, 20, 20), App("c", 60, 0, 60, 30)};
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  // b's max (20) is below the fund minimum (30): it cannot be funded.
  ASSERT_EQ(r->unfundable.size(), 1u);
  EXPECT_EQ(r->unfundable[0].rfind("b:", 0), 0u);
  // a at 40 (1 per unit) and c at 40 (0.5 per unit): 40 + 20 = 60.
  EXPECT_NEAR(r->mip.total_impact, 60, 1e-6);
  EXPECT_NEAR(BruteForce(p, 10), 60, 1e-9);
  ASSERT_EQ(r->constraints.size(), 2u);
  EXPECT_EQ(r->constraints[1].id, "grant_limits");
  EXPECT_TRUE(r->constraints[1].tight);
  // Without them a takes 100: impact 100, a cost of 40.
  EXPECT_NEAR(r->constraints[1].impact_cost, 40, 1e-6);
}

TEST(AllocationTest, ShareOfAllocatedEquityQuota) {
  // At least half of what is allocated must go to women-led applications (only b): the best
  // is a = b = 50 (impact 50 + 25 = 75), not a alone at 100 (impact 100, 0% to the group).
  AllocationProblem p;
  p.rules.budget = 100;
  p.applications = {App("a", 100, 0, 100, 100), App("b", 100, 0, 100, 50)};
  p.applications[1].equity_groups = {"women_led"};
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kEquityGroup, "women_led",
                                     QuotaBound::kAtLeast, QuotaBase::kShareOfAllocated, 0.5));
  auto r = Allocate(p);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->mip.total_impact, 75, 1e-6);
  EXPECT_NEAR(BruteForce(p, 10), 75, 1e-9);
  // Greedy gives a everything and misses the quota.
  EXPECT_NEAR(r->greedy.total_impact, 100, 1e-9);
  ASSERT_EQ(r->greedy_violations.size(), 1u);
  EXPECT_NE(r->greedy_violations[0].find("equity_group:women_led:at_least"), std::string::npos);
}

TEST(AllocationTest, CheckAllocationNamesEachBrokenRule) {
  AllocationProblem p = LeverageCase();
  p.rules.first_loss_budget = 0;
  p.applications[0].first_loss = 5;
  p.applications[1].private_capital = 100;  // 100 < 2 x 105
  const auto broken = CheckAllocation(p, std::vector<double>{5, 100});
  ASSERT_EQ(broken.size(), 4u);
  EXPECT_NE(broken[0].find("a: grant 5 is neither 0 nor between 10 and 100"), std::string::npos);
  EXPECT_NE(broken[1].find("budget: 105 allocated"), std::string::npos);
  EXPECT_NE(broken[2].find("leverage"), std::string::npos);
  EXPECT_NE(broken[3].find("first_loss_budget"), std::string::npos);
  EXPECT_EQ(CheckAllocation(p, std::vector<double>{1}).size(), 1u);
}

TEST(AllocationTest, InvalidProblemsSayWhatAndHowToFix) {
  auto message = [](AllocationProblem p) {
    auto r = Allocate(p);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    return r.status().message();
  };
  AllocationProblem p = LeverageCase();
  p.rules.budget = 0;
  EXPECT_NE(message(p).find("rules.budget"), std::string::npos);
  p = LeverageCase();
  p.applications[1].min_grant = 200;
  EXPECT_NE(message(p).find("applications[1] (id \"b\").min_grant"), std::string::npos);
  p = LeverageCase();
  p.applications[1].max_grant = 150;
  EXPECT_NE(message(p).find("at most the amount requested"), std::string::npos);
  p = LeverageCase();
  p.applications[1].id = "a";
  EXPECT_NE(message(p).find("used twice"), std::string::npos);
  p = LeverageCase();
  p.applications.clear();
  EXPECT_NE(message(p).find("add at least one application"), std::string::npos);
  p = LeverageCase();
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kRegion, "nrth", QuotaBound::kAtLeast,
                                     QuotaBase::kShareOfBudget, 0.2));
  EXPECT_NE(message(p).find("check the spelling (known: north, south)"), std::string::npos);
  p = LeverageCase();
  p.rules.quotas.push_back(MakeQuota(QuotaDimension::kRegion, "north", QuotaBound::kAtLeast,
                                     QuotaBase::kShareOfBudget, 20));
  EXPECT_NE(message(p).find("write 0.2 for 20%"), std::string::npos);
  p = LeverageCase();
  p.rules.leverage_ratio = -1;
  EXPECT_NE(message(p).find("rules.leverage_ratio"), std::string::npos);
  p = LeverageCase();
  p.options.relative_gap = 2;
  EXPECT_NE(message(p).find("options.relative_gap"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::finance
