// The rules of an allocation read one way by the validation, the feasibility check, the MIP
// and the greedy baseline (allocation.h; docs/finance.md, "Allocation").

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "allocation_solver.h"
#include "ecosol/finance/allocation.h"

namespace ecosol::finance {
namespace {

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string Where(size_t i, const Application& app) {
  return "applications[" + std::to_string(i) + "] (id \"" + app.id + "\")";
}

bool Finite(double v) { return std::isfinite(v); }

Status CheckRules(const AllocationRules& r) {
  if (!Finite(r.budget) || r.budget <= 0) {
    return InvalidArgument("rules.budget: " + Num(r.budget) +
                           " is not a positive amount; give the public money to allocate");
  }
  if (!Finite(r.leverage_ratio) || r.leverage_ratio < 0) {
    return InvalidArgument("rules.leverage_ratio: " + Num(r.leverage_ratio) +
                           " is negative; give private capital per unit of public money "
                           "(2 for the Social Finance Fund's $2 per $1) or 0 for no rule");
  }
  if (!Finite(r.min_grant) || r.min_grant < 0) {
    return InvalidArgument("rules.min_grant: " + Num(r.min_grant) + " must be an amount >= 0");
  }
  if (r.max_grant && (!Finite(*r.max_grant) || *r.max_grant <= 0 || *r.max_grant < r.min_grant)) {
    return InvalidArgument("rules.max_grant: " + Num(*r.max_grant) +
                           " must be positive and at least rules.min_grant " + Num(r.min_grant));
  }
  if (r.first_loss_budget && (!Finite(*r.first_loss_budget) || *r.first_loss_budget < 0)) {
    return InvalidArgument("rules.first_loss_budget: " + Num(*r.first_loss_budget) +
                           " must be an amount >= 0 (leave it out for no limit)");
  }
  return Status::Ok();
}

Status CheckAmounts(size_t i, const Application& a) {
  const std::string at = Where(i, a);
  for (double v :
       {a.requested, a.min_grant, a.max_grant, a.impact_score, a.private_capital, a.first_loss}) {
    if (!Finite(v)) return InvalidArgument(at + ": amounts and scores must be finite numbers");
  }
  if (a.requested <= 0) {
    return InvalidArgument(at + ".requested: " + Num(a.requested) + " must be positive");
  }
  if (a.max_grant <= 0 || a.max_grant > a.requested) {
    return InvalidArgument(at + ".max_grant: " + Num(a.max_grant) +
                           " must be positive and at most the amount requested " +
                           Num(a.requested));
  }
  if (a.min_grant < 0 || a.min_grant > a.max_grant) {
    return InvalidArgument(at + ".min_grant: " + Num(a.min_grant) +
                           " must be between 0 and max_grant " + Num(a.max_grant));
  }
  if (a.impact_score < 0) {
    return InvalidArgument(at + ".impact_score: " + Num(a.impact_score) + " must be >= 0");
  }
  if (a.private_capital < 0 || a.first_loss < 0) {
    return InvalidArgument(at + ": private_capital and first_loss must be amounts >= 0");
  }
  return Status::Ok();
}

Status CheckApplications(const std::vector<Application>& apps) {
  if (apps.empty()) return InvalidArgument("applications: empty; add at least one application");
  std::set<std::string> ids;
  for (size_t i = 0; i < apps.size(); ++i) {
    if (apps[i].id.empty()) {
      return InvalidArgument("applications[" + std::to_string(i) +
                             "].id: missing; give each "
                             "application a unique id");
    }
    if (!ids.insert(apps[i].id).second) {
      return InvalidArgument(Where(i, apps[i]) + ": the id is used twice; ids must be unique");
    }
    ECOSOL_RETURN_IF_ERROR(CheckAmounts(i, apps[i]));
  }
  return Status::Ok();
}

std::string KeysOf(const AllocationProblem& p, QuotaDimension d) {
  std::set<std::string> keys;
  for (const Application& a : p.applications) {
    if (d == QuotaDimension::kRegion) keys.insert(a.region);
    if (d == QuotaDimension::kSector) keys.insert(a.sector);
    if (d == QuotaDimension::kEquityGroup)
      keys.insert(a.equity_groups.begin(), a.equity_groups.end());
  }
  keys.erase("");
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out.empty() ? "none" : out;
}

Status CheckQuota(const AllocationProblem& p, size_t q) {
  const Quota& quota = p.rules.quotas[q];
  const std::string at = "rules.quotas[" + std::to_string(q) + "] (id \"" + quota.id + "\")";
  if (quota.key.empty())
    return InvalidArgument(at + ": names no " + std::string(ToString(quota.dimension)));
  const bool share = quota.base != QuotaBase::kAmount;
  if (!Finite(quota.value) || quota.value < 0 || (share && quota.value > 1)) {
    return InvalidArgument(
        at + ": value " + Num(quota.value) +
        (share ? " is not a share between 0 and 1 (write 0.2 for 20%)" : " is not an amount >= 0"));
  }
  const bool named =
      std::any_of(p.applications.begin(), p.applications.end(),
                  [&](const Application& a) { return internal::QuotaCovers(quota, a); });
  if (!named) {
    return InvalidArgument(at + ": no application has " + std::string(ToString(quota.dimension)) +
                           " \"" + quota.key +
                           "\"; check the spelling (known: " + KeysOf(p, quota.dimension) + ")");
  }
  return Status::Ok();
}

Status CheckOptions(const SolverOptions& o) {
  if (!Finite(o.time_limit_seconds) || o.time_limit_seconds <= 0 ||
      !Finite(o.analysis_time_limit_seconds) || o.analysis_time_limit_seconds <= 0) {
    return InvalidArgument("options: time limits must be positive numbers of seconds");
  }
  if (!Finite(o.relative_gap) || o.relative_gap < 0 || o.relative_gap >= 1) {
    return InvalidArgument("options.relative_gap: " + Num(o.relative_gap) +
                           " must be in [0, 1) (1e-6 is one millionth of the impact)");
  }
  return Status::Ok();
}

// Appends the quota's violation, if any, to `out`.
void CheckQuotaAmount(const AllocationProblem& p, const Quota& q, std::span<const double> amounts,
                      double allocated, std::vector<std::string>& out) {
  const double tol = 1e-6 * p.rules.budget;
  double got = 0;
  for (size_t i = 0; i < amounts.size(); ++i) {
    if (internal::QuotaCovers(q, p.applications[i])) got += amounts[i];
  }
  const double limit = internal::QuotaLimit(q, p.rules.budget, allocated);
  const bool at_least = q.bound == QuotaBound::kAtLeast;
  if ((at_least && got < limit - tol) || (!at_least && got > limit + tol)) {
    out.push_back(q.id + ": " + Num(got) + " to " + std::string(ToString(q.dimension)) + " " +
                  q.key + ", " + (at_least ? "below" : "above") + " " + Num(limit));
  }
}

}  // namespace

std::string_view ToString(QuotaDimension d) {
  switch (d) {
    case QuotaDimension::kRegion:
      return "region";
    case QuotaDimension::kSector:
      return "sector";
    case QuotaDimension::kEquityGroup:
      return "equity_group";
  }
  return "region";
}

std::string_view ToString(QuotaBound b) {
  return b == QuotaBound::kAtLeast ? "at_least" : "at_most";
}

std::string_view ToString(QuotaBase b) {
  switch (b) {
    case QuotaBase::kAmount:
      return "amount";
    case QuotaBase::kShareOfBudget:
      return "share_of_budget";
    case QuotaBase::kShareOfAllocated:
      return "share_of_allocated";
  }
  return "amount";
}

std::string_view ToString(SolveStatus s) {
  switch (s) {
    case SolveStatus::kOptimal:
      return "optimal";
    case SolveStatus::kFeasible:
      return "feasible";
    case SolveStatus::kInfeasible:
      return "infeasible";
    case SolveStatus::kNoSolutionFound:
      return "no_solution_found";
    case SolveStatus::kSolverError:
      return "solver_error";
  }
  return "solver_error";
}

Status ValidateAllocationProblem(const AllocationProblem& p) {
  ECOSOL_RETURN_IF_ERROR(CheckRules(p.rules));
  ECOSOL_RETURN_IF_ERROR(CheckApplications(p.applications));
  std::set<std::string> quota_ids;
  for (size_t q = 0; q < p.rules.quotas.size(); ++q) {
    ECOSOL_RETURN_IF_ERROR(CheckQuota(p, q));
    if (!quota_ids.insert(p.rules.quotas[q].id).second) {
      return InvalidArgument("rules.quotas[" + std::to_string(q) + "]: id \"" +
                             p.rules.quotas[q].id + "\" is used twice; quota ids must be unique");
    }
  }
  return CheckOptions(p.options);
}

namespace internal {

GrantBounds BoundsOf(const AllocationRules& rules, const Application& app, bool drop_fund_limits) {
  GrantBounds g{app.min_grant, app.max_grant};
  if (drop_fund_limits) return g;
  g.lo = std::max(g.lo, rules.min_grant);
  if (rules.max_grant) g.hi = std::min(g.hi, *rules.max_grant);
  return g;
}

bool QuotaCovers(const Quota& quota, const Application& app) {
  switch (quota.dimension) {
    case QuotaDimension::kRegion:
      return app.region == quota.key;
    case QuotaDimension::kSector:
      return app.sector == quota.key;
    case QuotaDimension::kEquityGroup:
      return std::find(app.equity_groups.begin(), app.equity_groups.end(), quota.key) !=
             app.equity_groups.end();
  }
  return false;
}

double QuotaLimit(const Quota& quota, double budget, double allocated) {
  switch (quota.base) {
    case QuotaBase::kAmount:
      return quota.value;
    case QuotaBase::kShareOfBudget:
      return quota.value * budget;
    case QuotaBase::kShareOfAllocated:
      return quota.value * allocated;
  }
  return 0;
}

}  // namespace internal

Portfolio MakePortfolio(const AllocationProblem& p, std::vector<double> amounts) {
  Portfolio out;
  out.amounts = std::move(amounts);
  for (size_t i = 0; i < out.amounts.size() && i < p.applications.size(); ++i) {
    if (out.amounts[i] <= 0) continue;
    const Application& app = p.applications[i];
    const double impact = internal::ImpactPerUnit(app) * out.amounts[i];
    out.grants.push_back({app.id, out.amounts[i], impact});
    out.total_allocated += out.amounts[i];
    out.total_impact += impact;
    out.private_capital += app.private_capital;
    out.first_loss += app.first_loss;
  }
  return out;
}

std::vector<std::string> CheckAllocation(const AllocationProblem& p,
                                         std::span<const double> amounts) {
  std::vector<std::string> out;
  if (amounts.size() != p.applications.size()) {
    out.push_back("amounts: " + std::to_string(amounts.size()) + " for " +
                  std::to_string(p.applications.size()) + " applications");
    return out;
  }
  const AllocationRules& r = p.rules;
  const double tol = 1e-6 * r.budget;  // a millionth of the budget (allocation.h)
  const Portfolio pf = MakePortfolio(p, {amounts.begin(), amounts.end()});
  for (size_t i = 0; i < amounts.size(); ++i) {
    const internal::GrantBounds g = internal::BoundsOf(r, p.applications[i], false);
    const double x = amounts[i];
    if (x < 0 || (x > 0 && (x < g.lo - 1e-9 * g.lo || x > g.hi + 1e-9 * g.hi))) {
      out.push_back(p.applications[i].id + ": grant " + Num(x) + " is neither 0 nor between " +
                    Num(g.lo) + " and " + Num(g.hi));
    }
  }
  if (pf.total_allocated > r.budget + tol) {
    out.push_back("budget: " + Num(pf.total_allocated) + " allocated, above " + Num(r.budget));
  }
  if (pf.private_capital <
      r.leverage_ratio * pf.total_allocated - tol * std::max(1.0, r.leverage_ratio)) {
    out.push_back("leverage: private capital " + Num(pf.private_capital) + " is below " +
                  Num(r.leverage_ratio) + " x " + Num(pf.total_allocated) + " allocated");
  }
  if (r.first_loss_budget && pf.first_loss > *r.first_loss_budget + tol) {
    out.push_back("first_loss_budget: " + Num(pf.first_loss) + " of cover needed, above " +
                  Num(*r.first_loss_budget));
  }
  for (const Quota& q : r.quotas) CheckQuotaAmount(p, q, amounts, pf.total_allocated, out);
  return out;
}

}  // namespace ecosol::finance
