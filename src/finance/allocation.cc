// Allocate (allocation.h): the main MIP solve, then the price of each constraint (re-solve
// without it), the infeasibility diagnosis (re-solve without each family of rules) and the
// greedy baseline. docs/finance.md, "Allocation", states the method.

#include "ecosol/finance/allocation.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "allocation_solver.h"

namespace ecosol::finance {
namespace {

using internal::Relaxation;

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// A relaxation dropping one rule (a member pointer to its flag).
Relaxation Without(bool Relaxation::*flag) {
  Relaxation rel;
  rel.*flag = true;
  return rel;
}

bool HasGrantLimits(const AllocationRules& r) { return r.min_grant > 0 || r.max_grant.has_value(); }

Relaxation DropQuotas(const AllocationRules& r, bool (*pick)(const Quota&)) {
  Relaxation rel;
  rel.drop_quota.resize(r.quotas.size());
  for (size_t q = 0; q < r.quotas.size(); ++q) rel.drop_quota[q] = pick(r.quotas[q]);
  return rel;
}

// One constraint of the model with its relaxation and its two sides at a portfolio.
struct Candidate {
  ConstraintReport report;
  Relaxation relaxation;
};

double QuotaAmount(const AllocationProblem& p, const Portfolio& pf, const Quota& q) {
  double got = 0;
  for (size_t i = 0; i < p.applications.size(); ++i) {
    if (internal::QuotaCovers(q, p.applications[i])) got += pf.amounts[i];
  }
  return got;
}

std::vector<Candidate> Candidates(const AllocationProblem& p, const Portfolio& pf) {
  const AllocationRules& r = p.rules;
  std::vector<Candidate> out;
  auto add = [&](std::string id, std::string family, double activity, double limit,
                 Relaxation rel) {
    ConstraintReport c;
    c.id = std::move(id);
    c.family = std::move(family);
    c.activity = activity;
    c.limit = limit;
    c.tight = std::abs(activity - limit) <= 1e-6 * r.budget;
    out.push_back({std::move(c), std::move(rel)});
  };
  add("budget", "budget", pf.total_allocated, r.budget, Without(&Relaxation::drop_budget));
  if (r.leverage_ratio > 0) {
    add("leverage", "leverage", pf.private_capital, r.leverage_ratio * pf.total_allocated,
        Without(&Relaxation::drop_leverage));
  }
  if (r.first_loss_budget) {
    add("first_loss_budget", "first_loss", pf.first_loss, *r.first_loss_budget,
        Without(&Relaxation::drop_first_loss));
  }
  if (HasGrantLimits(r))
    add("grant_limits", "grant_limits", 0, 0, Without(&Relaxation::drop_grant_limits));
  for (size_t q = 0; q < r.quotas.size(); ++q) {
    const Quota& quota = r.quotas[q];
    Relaxation rel;
    rel.drop_quota.assign(r.quotas.size(), false);
    rel.drop_quota[q] = true;
    add(quota.id, std::string(ToString(quota.dimension)), QuotaAmount(p, pf, quota),
        internal::QuotaLimit(quota, r.budget, pf.total_allocated), std::move(rel));
  }
  return out;
}

// Grant limits are tight when a funded grant sits on a fund-wide limit stricter than its own.
bool GrantLimitsTight(const AllocationProblem& p, const Portfolio& pf) {
  for (size_t i = 0; i < p.applications.size(); ++i) {
    const double x = pf.amounts[i];
    if (x <= 0) continue;
    const internal::GrantBounds own = internal::BoundsOf(p.rules, p.applications[i], true);
    const internal::GrantBounds fund = internal::BoundsOf(p.rules, p.applications[i], false);
    if ((fund.lo > own.lo && x <= fund.lo) || (fund.hi < own.hi && x >= fund.hi)) return true;
  }
  return false;
}

std::vector<ConstraintReport> AnalyseConstraints(const AllocationProblem& p, const Portfolio& pf) {
  std::vector<ConstraintReport> out;
  // Both solves are within relative_gap of their optimum, so smaller differences are noise.
  const double noise = std::max(1e-7, 2 * p.options.relative_gap) * std::max(1.0, pf.total_impact);
  for (Candidate& c : Candidates(p, pf)) {
    if (c.report.family == "grant_limits") c.report.tight = GrantLimitsTight(p, pf);
    if (p.options.analyse_constraints) {
      const internal::MipOutcome without =
          internal::SolveAllocationMip(p, c.relaxation, p.options.analysis_time_limit_seconds,
                                       pf.amounts);  // still feasible without the constraint
      c.report.analysed = true;
      c.report.status_without = without.status;
      c.report.impact_without = without.impact;
      c.report.impact_cost = without.impact - pf.total_impact;
      c.report.binding = c.report.impact_cost > noise;
    }
    out.push_back(std::move(c.report));
  }
  return out;
}

// Quick arithmetic reasons: an at-least quota asking more than its members can receive.
void CapacityReasons(const AllocationProblem& p, std::vector<std::string>& out) {
  const AllocationRules& r = p.rules;
  for (const Quota& q : r.quotas) {
    if (q.bound != QuotaBound::kAtLeast || q.base == QuotaBase::kShareOfAllocated) continue;
    const double need = internal::QuotaLimit(q, r.budget, 0);
    double room = 0;
    for (const Application& app : p.applications) {
      const internal::GrantBounds g = internal::BoundsOf(r, app, false);
      if (g.fundable() && internal::QuotaCovers(q, app)) room += g.hi;
    }
    if (need > room + 1e-6 * r.budget) {
      out.push_back("quota " + q.id + " needs at least " + Num(need) + " for " +
                    std::string(ToString(q.dimension)) + " " + q.key +
                    ", but its applications can receive at most " + Num(room) +
                    " in total (the sum of their maximum grants)");
    }
    if (need > r.budget) {
      out.push_back("quota " + q.id + " needs " + Num(need) + ", more than the budget " +
                    Num(r.budget));
    }
  }
}

struct Family {
  std::string name;
  Relaxation relaxation;
};

std::vector<Family> Families(const AllocationProblem& p) {
  const AllocationRules& r = p.rules;
  std::vector<Family> out;
  auto has = [&](QuotaDimension d) {
    return std::any_of(r.quotas.begin(), r.quotas.end(),
                       [d](const Quota& q) { return q.dimension == d; });
  };
  if (has(QuotaDimension::kRegion)) {
    out.push_back({"the region quotas", DropQuotas(r, [](const Quota& q) {
                     return q.dimension == QuotaDimension::kRegion;
                   })});
  }
  if (has(QuotaDimension::kSector)) {
    out.push_back({"the sector quotas", DropQuotas(r, [](const Quota& q) {
                     return q.dimension == QuotaDimension::kSector;
                   })});
  }
  if (has(QuotaDimension::kEquityGroup)) {
    out.push_back({"the equity quotas", DropQuotas(r, [](const Quota& q) {
                     return q.dimension == QuotaDimension::kEquityGroup;
                   })});
  }
  if (r.leverage_ratio > 0)
    out.push_back({"the leverage rule", Without(&Relaxation::drop_leverage)});
  if (r.first_loss_budget)
    out.push_back({"the first-loss budget", Without(&Relaxation::drop_first_loss)});
  out.push_back({"the budget", Without(&Relaxation::drop_budget)});
  if (HasGrantLimits(r))
    out.push_back({"the fund's grant limits", Without(&Relaxation::drop_grant_limits)});
  return out;
}

void SolveWithout(const AllocationProblem& p, const std::string& name, const Relaxation& rel,
                  std::vector<std::string>& out, bool& any) {
  const internal::MipOutcome m =
      internal::SolveAllocationMip(p, rel, p.options.analysis_time_limit_seconds);
  if (m.status == SolveStatus::kOptimal || m.status == SolveStatus::kFeasible) {
    any = true;
    out.push_back("without " + name + " an allocation exists (impact " + Num(m.impact) +
                  "): " + name + " conflict with the other rules");
  } else if (m.status != SolveStatus::kInfeasible) {
    out.push_back("without " + name + ": undecided within the time limit");
  }
}

std::vector<std::string> DiagnoseInfeasibility(const AllocationProblem& p) {
  std::vector<std::string> out;
  CapacityReasons(p, out);
  bool any = false;
  for (const Family& f : Families(p)) SolveWithout(p, f.name, f.relaxation, out, any);
  // Single quotas too, while that stays cheap.
  if (p.rules.quotas.size() <= 20) {
    for (size_t q = 0; q < p.rules.quotas.size(); ++q) {
      Relaxation rel;
      rel.drop_quota.assign(p.rules.quotas.size(), false);
      rel.drop_quota[q] = true;
      bool single = false;
      SolveWithout(p, "quota " + p.rules.quotas[q].id, rel, out, single);
    }
  }
  if (!any) {
    out.push_back(
        "no single family of rules is to blame: at least two families conflict "
        "together; relax the at-least quotas or raise the budget");
  }
  return out;
}

std::vector<std::string> Unfundable(const AllocationProblem& p) {
  std::vector<std::string> out;
  for (const Application& app : p.applications) {
    const internal::GrantBounds g = internal::BoundsOf(p.rules, app, false);
    if (!g.fundable()) {
      out.push_back(app.id + ": the fund's limits leave no amount (from " + Num(g.lo) + " to " +
                    Num(g.hi) + "); it cannot be funded");
    }
  }
  return out;
}

}  // namespace

Result<AllocationResult> Allocate(const AllocationProblem& problem) {
  ECOSOL_RETURN_IF_ERROR(ValidateAllocationProblem(problem));
  AllocationResult result;
  result.unfundable = Unfundable(problem);
  const internal::MipOutcome main =
      internal::SolveAllocationMip(problem, {}, problem.options.time_limit_seconds);
  result.status = main.status;
  result.solver_detail = main.detail;
  result.seconds = main.seconds;
  result.best_bound = main.best_bound;
  result.gap = main.gap;
  if (!main.amounts.empty()) {
    result.mip = MakePortfolio(problem, main.amounts);
    result.constraints = AnalyseConstraints(problem, result.mip);
  }
  if (main.status == SolveStatus::kInfeasible)
    result.infeasibility = DiagnoseInfeasibility(problem);
  result.greedy = GreedyAllocation(problem);
  result.greedy_violations = CheckAllocation(problem, result.greedy.amounts);
  return result;
}

}  // namespace ecosol::finance
