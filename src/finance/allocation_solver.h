#pragma once

// Private to the finance module: the allocation MIP built for CBC, and the rule helpers that the
// model, the feasibility check and the greedy baseline share (so that all three read the rules
// the same way).

#include <string>
#include <vector>

#include "ecosol/finance/allocation.h"

namespace ecosol::finance::internal {

// Which constraints to leave out of a solve: the constraint analysis re-solves without each one,
// the infeasibility diagnosis without each family.
struct Relaxation {
  bool drop_budget = false;
  bool drop_leverage = false;
  bool drop_first_loss = false;
  bool drop_grant_limits = false;  // the fund-wide min_grant / max_grant, not the applicant's own
  std::vector<bool> drop_quota;    // by index in rules.quotas; empty: keep all
  bool DropsQuota(size_t q) const { return q < drop_quota.size() && drop_quota[q]; }
};

struct GrantBounds {
  double lo = 0;
  double hi = 0;
  bool fundable() const { return hi > 0 && lo <= hi; }
};

// An application's grant limits: its own, narrowed by the fund's min_grant and max_grant.
GrantBounds BoundsOf(const AllocationRules& rules, const Application& app, bool drop_fund_limits);

// Whether an application counts towards a quota (its region, sector or one of its groups).
bool QuotaCovers(const Quota& quota, const Application& app);

// The quota's right-hand side in money, given the total allocated.
double QuotaLimit(const Quota& quota, double budget, double allocated);

// Impact per unit of money: the objective coefficient (allocation.h).
inline double ImpactPerUnit(const Application& app) { return app.impact_score / app.requested; }

struct MipOutcome {
  SolveStatus status = SolveStatus::kSolverError;
  std::string detail;
  std::vector<double> amounts;  // by application; empty without a solution
  double impact = 0;
  double best_bound = 0;
  double gap = 0;
  double seconds = 0;
};

// Builds and solves the MIP (docs/finance.md, "Allocation model") within the time limit.
// `start` (amounts by application, or empty) is handed to CBC as a first solution; it must keep
// every rule the relaxation keeps (the main solution does, for any relaxation).
MipOutcome SolveAllocationMip(const AllocationProblem& problem, const Relaxation& relaxation,
                              double time_limit_seconds, const std::vector<double>& start = {});

}  // namespace ecosol::finance::internal
