// The greedy baseline of an allocation (allocation.h): rank by impact per unit of money and give
// each application the most it can take without breaking a rule that greedy can keep while it
// goes (budget, limits, first-loss budget, leverage and at-most quotas, checked on every prefix).
// At-least quotas ask for money to be set aside in advance, which a ranking cannot do.

#include <algorithm>
#include <numeric>
#include <vector>

#include "allocation_solver.h"
#include "ecosol/finance/allocation.h"

namespace ecosol::finance {
namespace {

struct Running {
  double allocated = 0;
  double private_capital = 0;
  double first_loss = 0;
  std::vector<double> quota;  // amount granted so far to each quota's members
};

// The most application `app` may receive given what is already granted.
double Room(const AllocationProblem& p, const Application& app, const Running& run) {
  const AllocationRules& r = p.rules;
  double cap = std::min(internal::BoundsOf(r, app, false).hi, r.budget - run.allocated);
  if (r.first_loss_budget && run.first_loss + app.first_loss > *r.first_loss_budget) return 0;
  // Leverage after the grant: P + p_i >= ratio (X + a)  =>  a <= (P + p_i) / ratio - X.
  if (r.leverage_ratio > 0) {
    cap = std::min(cap,
                   (run.private_capital + app.private_capital) / r.leverage_ratio - run.allocated);
  }
  for (size_t q = 0; q < r.quotas.size(); ++q) {
    const Quota& quota = r.quotas[q];
    if (quota.bound != QuotaBound::kAtMost || !internal::QuotaCovers(quota, app)) continue;
    if (quota.base != QuotaBase::kShareOfAllocated) {
      cap = std::min(cap, internal::QuotaLimit(quota, r.budget, 0) - run.quota[q]);
    } else if (quota.value < 1) {
      // G + a <= v (X + a)  =>  a <= (v X - G) / (1 - v).
      cap = std::min(cap, (quota.value * run.allocated - run.quota[q]) / (1 - quota.value));
    }
  }
  return cap;
}

void Record(const AllocationProblem& p, size_t i, double amount, Running& run) {
  const Application& app = p.applications[i];
  run.allocated += amount;
  run.private_capital += app.private_capital;
  run.first_loss += app.first_loss;
  for (size_t q = 0; q < p.rules.quotas.size(); ++q) {
    if (internal::QuotaCovers(p.rules.quotas[q], app)) run.quota[q] += amount;
  }
}

}  // namespace

Portfolio GreedyAllocation(const AllocationProblem& p) {
  std::vector<size_t> order(p.applications.size());
  std::iota(order.begin(), order.end(), size_t{0});
  // Highest impact per unit of money first; ties keep the input order.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return internal::ImpactPerUnit(p.applications[a]) > internal::ImpactPerUnit(p.applications[b]);
  });
  Running run;
  run.quota.assign(p.rules.quotas.size(), 0.0);
  std::vector<double> amounts(p.applications.size(), 0.0);
  for (size_t i : order) {
    const Application& app = p.applications[i];
    const internal::GrantBounds g = internal::BoundsOf(p.rules, app, false);
    if (!g.fundable() || app.impact_score <= 0) continue;
    const double room = Room(p, app, run);
    if (room <= 0 || room < g.lo) continue;
    amounts[i] = room;
    Record(p, i, room, run);
  }
  return MakePortfolio(p, std::move(amounts));
}

}  // namespace ecosol::finance
