#pragma once

// Allocation of a fund: which applications to fund and how much, maximising impact under the
// budget, the leverage rule, the grant limits, regional, sector and equity quotas and a
// first-loss budget, solved exactly as a mixed-integer programme with CBC (DOMAIN.md section 5:
// "a knapsack with group fairness, solved exactly by MIP at these sizes"; docs/finance.md,
// "Allocation").
//
//   auto problem = ParseAllocationProblem(json::parse(text));   // clear errors: where, how to fix
//   auto result = Allocate(*problem);
//   result->status;                        // SolveStatus::kOptimal
//   result->mip.grants[0];                 // {id, amount, impact}
//   result->constraints[1].impact_cost;    // impact lost to the leverage rule
//   result->greedy.total_impact;           // the greedy ranking, for comparison
//   AllocationResultToJson(*result);       // {status, mip, greedy, constraints, ...}
//
// Impact (the objective): an application funded with amount x of its request r contributes
// impact_score * x / r; funded in full it contributes its whole score, in part a proportional
// share; unfunded, nothing. The objective is linear, so the programme stays a MIP.
// Pure functions; thread safety: safe to call from several threads (each call builds its own
// CBC model; the CBC solves themselves are serialised by a mutex, as CBC 2.10's driver keeps
// static state).

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

// One application to the fund. Amounts are in the fund's currency.
struct Application {
  std::string id;
  double requested = 0;     // > 0; the amount asked for
  double min_grant = 0;     // funded between min_grant and max_grant, or not at all
  double max_grant = 0;     // <= requested
  double impact_score = 0;  // >= 0; the impact if funded in full
  std::string region;
  std::string sector;
  std::vector<std::string> equity_groups;  // "women_led", "indigenous_led", ...
  double private_capital = 0;              // private money committed if the application is funded
  double first_loss = 0;                   // first-loss cover it needs if funded (0: none)
};

enum class QuotaDimension { kRegion, kSector, kEquityGroup };
std::string_view ToString(QuotaDimension dimension);

enum class QuotaBound { kAtLeast, kAtMost };
std::string_view ToString(QuotaBound bound);

// What a quota's value measures: an amount, a share of the budget (a constant) or a share of the
// amount actually allocated (sum of grants). Both shares keep the constraint linear.
enum class QuotaBase { kAmount, kShareOfBudget, kShareOfAllocated };
std::string_view ToString(QuotaBase base);

// "At least 20% of the budget to region north": {kRegion, "north", kAtLeast, kShareOfBudget, 0.2}.
struct Quota {
  std::string id;  // stable name used in reports; generated when the input has none
  QuotaDimension dimension = QuotaDimension::kRegion;
  std::string key;
  QuotaBound bound = QuotaBound::kAtLeast;
  QuotaBase base = QuotaBase::kShareOfBudget;
  double value = 0;  // a share in [0, 1] or an amount >= 0
};

struct AllocationRules {
  double budget = 0;  // > 0; public money to allocate
  // Private capital of the funded set >= ratio x public money allocated (Canada's Social
  // Finance Fund: at least $2 private per $1 public; DOMAIN.md section 5). 0: no leverage rule.
  double leverage_ratio = 0;
  double min_grant = 0;  // fund-wide limits, on top of each application's own
  std::optional<double> max_grant;
  std::optional<double> first_loss_budget;  // none: first-loss cover is not limited
  std::vector<Quota> quotas;
};

struct SolverOptions {
  double time_limit_seconds = 30;           // the main solve; the result states the gap if it stops
  double relative_gap = 1e-6;               // CBC stops when (bound - impact) / impact <= this
  bool analyse_constraints = true;          // re-solve without each constraint to price it
  double analysis_time_limit_seconds = 10;  // per re-solve
};

struct AllocationProblem {
  AllocationRules rules;
  std::vector<Application> applications;
  SolverOptions options;
};

struct Grant {
  std::string id;
  double amount = 0;
  double impact = 0;
};

// A set of grants and its totals. amounts[i] belongs to applications[i] (0: not funded).
struct Portfolio {
  std::vector<double> amounts;
  std::vector<Grant> grants;  // the funded applications, in input order
  double total_allocated = 0;
  double total_impact = 0;
  double private_capital = 0;
  double first_loss = 0;
};

enum class SolveStatus {
  kOptimal,          // proven optimal within options.relative_gap
  kFeasible,         // stopped by the time limit with a solution; see gap
  kInfeasible,       // no allocation satisfies every rule; see infeasibility
  kNoSolutionFound,  // stopped by the time limit before finding any solution
  kSolverError,      // CBC abandoned (numerical difficulties)
};
std::string_view ToString(SolveStatus status);

// One constraint (or constraint family) of the model and what it costs. The cost is measured by
// re-solving without it: impact_cost = impact without it - impact with it.
struct ConstraintReport {
  std::string id;       // "budget", "leverage", "first_loss_budget", "grant_limits" or a quota id
  std::string family;   // "budget", "leverage", "first_loss", "grant_limits", "region", ...
  double activity = 0;  // left-hand side at the chosen portfolio (for grant_limits: 0)
  double limit = 0;     // right-hand side at the chosen portfolio
  bool tight = false;   // activity within tolerance of the limit
  bool analysed = false;
  SolveStatus status_without = SolveStatus::kOptimal;
  double impact_without = 0;
  double impact_cost = 0;
  bool binding = false;  // removing it raises the impact by more than the solver's tolerance
};

struct AllocationResult {
  SolveStatus status = SolveStatus::kSolverError;
  std::string solver_detail;  // CBC's status in words ("proven optimal", "stopped on time", ...)
  double seconds = 0;         // the main solve
  double best_bound = 0;      // upper bound on the impact proven by CBC
  double gap = 0;             // (best_bound - impact) / max(impact, 1e-9)
  Portfolio mip;              // empty unless a solution was found
  std::vector<ConstraintReport> constraints;
  Portfolio greedy;
  std::vector<std::string> greedy_violations;  // rules the greedy ranking breaks (at-least quotas)
  std::vector<std::string> infeasibility;      // why no allocation exists, in words
  std::vector<std::string> unfundable;         // applications whose limits leave no amount
};

// Checks the problem: budget > 0, unique ids, 0 <= min <= max <= requested, quotas naming a
// region, sector or group some application has, shares in [0, 1]... InvalidArgument saying which
// field is wrong and how to fix it.
Status ValidateAllocationProblem(const AllocationProblem& problem);

// Solves the MIP, analyses each constraint, runs the greedy baseline. InvalidArgument when the
// problem is invalid; an infeasible problem is a result (status kInfeasible) with reasons.
Result<AllocationResult> Allocate(const AllocationProblem& problem);

// Every rule the amounts break, in words (empty: feasible). amounts[i] belongs to
// applications[i]. Tolerance: a millionth of the budget on sums, 1e-9 relative on bounds.
std::vector<std::string> CheckAllocation(const AllocationProblem& problem,
                                         std::span<const double> amounts);

// The greedy ranking: by impact per unit of money (impact_score / requested), each application
// gets the most it can without breaking the budget, its limits, the first-loss budget, the
// leverage rule and at-most quotas (checked after each grant). At-least quotas are not sought;
// CheckAllocation says which it misses.
Portfolio GreedyAllocation(const AllocationProblem& problem);

// The portfolio of given amounts (totals and the funded grants).
Portfolio MakePortfolio(const AllocationProblem& problem, std::vector<double> amounts);

// Parses {rules, applications, options} (docs/finance.md, "Allocation input"); unknown keys are
// errors so that a misspelt rule is never silently ignored.
Result<AllocationProblem> ParseAllocationProblem(const nlohmann::json& doc);

// The parts of that input on their own, with the same checks (errors prefixed with `where` for
// an application, "rules" and "options" otherwise). The service checks stored applications and
// a fund's rules with them; cross-checks (quotas naming a region some application has) are
// ValidateAllocationProblem's, once the problem is whole.
Result<Application> ParseAllocationApplication(const nlohmann::json& doc, const std::string& where);
Result<AllocationRules> ParseAllocationRules(const nlohmann::json& doc);
Result<SolverOptions> ParseSolverOptions(const nlohmann::json& doc);

// Stable field names: status, solver, seconds, impact, best_bound, gap, mip, greedy,
// greedy_violations, constraints, infeasibility, unfundable.
nlohmann::json AllocationResultToJson(const AllocationResult& result);

}  // namespace ecosol::finance
