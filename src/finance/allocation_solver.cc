// The allocation MIP for CBC (docs/finance.md, "Allocation model"). Money is scaled by the
// budget (the budget is 1 in the model) so that coefficients stay near 1 whatever the currency;
// amounts are scaled back before they leave this file.
//
// Variables per fundable application i: x_i >= 0 (the grant, scaled) and y_i in {0, 1}; x_i is
// written lo_i y_i + z_i in the matrix (see Columns).
//   maximise   sum_i impact_score_i / requested_i * x_i
//   lo_i y_i <= x_i <= hi_i y_i                      semi-continuous grant (funded or not)
//   sum_i x_i <= budget
//   sum_i private_i y_i - ratio * sum_i x_i >= 0      leverage (DOMAIN.md 5: $2 private per $1)
//   sum_i first_loss_i y_i <= first_loss_budget
//   sum_{i in q} x_i >=/<= value                      quota as an amount or a share of the budget
//   sum_{i in q} x_i - share * sum_i x_i >=/<= 0      quota as a share of the amount allocated

#include "allocation_solver.h"

#include <Cbc_C_Interface.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace ecosol::finance::internal {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A sparse matrix gathered row by row and handed to CBC column by column.
class ModelBuilder {
 public:
  int AddColumn(double lo, double hi, double objective, bool integer) {
    col_lo_.push_back(lo);
    col_hi_.push_back(hi);
    objective_.push_back(objective);
    integer_.push_back(integer);
    return static_cast<int>(col_lo_.size()) - 1;
  }
  void AddRow(const std::vector<std::pair<int, double>>& terms, double lo, double hi) {
    const int row = static_cast<int>(row_lo_.size());
    for (const auto& [col, value] : terms) entries_.emplace_back(col, row, value);
    row_lo_.push_back(lo);
    row_hi_.push_back(hi);
  }
  int columns() const { return static_cast<int>(col_lo_.size()); }
  void LoadInto(Cbc_Model* model);

 private:
  std::vector<double> col_lo_, col_hi_, objective_;
  std::vector<bool> integer_;
  std::vector<double> row_lo_, row_hi_;
  std::vector<std::tuple<int, int, double>> entries_;  // (column, row, value)
};

void ModelBuilder::LoadInto(Cbc_Model* model) {
  std::sort(entries_.begin(), entries_.end());
  std::vector<CoinBigIndex> start(col_lo_.size() + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  index.reserve(entries_.size());
  value.reserve(entries_.size());
  for (size_t k = 0; k < entries_.size(); ++k) {
    const auto& [col, row, v] = entries_[k];
    // A variable may enter a row twice (y_i carries lo_i and the private capital): add them.
    if (k > 0 && std::get<0>(entries_[k - 1]) == col && std::get<1>(entries_[k - 1]) == row) {
      value.back() += v;
      continue;
    }
    ++start[static_cast<size_t>(col) + 1];
    index.push_back(row);
    value.push_back(v);
  }
  for (size_t c = 1; c < start.size(); ++c) start[c] += start[c - 1];
  Cbc_loadProblem(model, columns(), static_cast<int>(row_lo_.size()), start.data(), index.data(),
                  value.data(), col_lo_.data(), col_hi_.data(), objective_.data(), row_lo_.data(),
                  row_hi_.data());
  for (int c = 0; c < columns(); ++c) {
    if (integer_[static_cast<size_t>(c)]) Cbc_setInteger(model, c);
  }
}

// The grant of application i is x_i = lo_i y_i + z_i with 0 <= z_i <= (hi_i - lo_i) y_i: one
// linking row per application instead of two (lo y <= x <= hi y), which halves the rows of the
// LP relaxation; none when lo_i = hi_i (a pure 0/1 choice).
struct Columns {
  std::vector<int> y, z;   // by application; -1 when absent (y: cannot be funded)
  std::vector<double> lo;  // scaled minimum grant
  // Appends coef * x_i to a row.
  void Term(size_t i, double coef, std::vector<std::pair<int, double>>& row) const {
    if (y[i] < 0) return;
    if (lo[i] > 0) row.emplace_back(y[i], coef * lo[i]);
    if (z[i] >= 0) row.emplace_back(z[i], coef);
  }
};

Columns AddGrantColumns(const AllocationProblem& p, const Relaxation& r, ModelBuilder& b) {
  const double unit = p.rules.budget;
  Columns cols;
  for (const Application& app : p.applications) {
    const GrantBounds g = BoundsOf(p.rules, app, r.drop_grant_limits);
    const bool fundable = g.fundable();
    // CBC minimises: the objective is the negated impact, per scaled unit of money.
    const double per_unit = -ImpactPerUnit(app) * unit;
    const double lo = g.lo / unit, spread = (g.hi - g.lo) / unit;
    const int y = fundable ? b.AddColumn(0, 1, per_unit * lo, true) : -1;
    const int z = fundable && spread > 0 ? b.AddColumn(0, spread, per_unit, false) : -1;
    if (z >= 0) b.AddRow({{z, 1.0}, {y, -spread}}, -kInf, 0);
    cols.y.push_back(y);
    cols.z.push_back(z);
    cols.lo.push_back(lo);
  }
  return cols;
}

void AddQuotaRow(const AllocationProblem& p, const Quota& q, const Columns& cols, ModelBuilder& b) {
  const double unit = p.rules.budget;
  std::vector<std::pair<int, double>> terms;
  const double share = q.base == QuotaBase::kShareOfAllocated ? q.value : 0.0;
  for (size_t i = 0; i < p.applications.size(); ++i) {
    const double coef = (QuotaCovers(q, p.applications[i]) ? 1.0 : 0.0) - share;
    if (coef != 0) cols.Term(i, coef, terms);
  }
  double rhs = 0;
  if (q.base == QuotaBase::kAmount) rhs = q.value / unit;
  if (q.base == QuotaBase::kShareOfBudget) rhs = q.value;
  if (q.bound == QuotaBound::kAtLeast) {
    b.AddRow(terms, rhs, kInf);
  } else {
    b.AddRow(terms, -kInf, rhs);
  }
}

void AddFundRows(const AllocationProblem& p, const Relaxation& r, const Columns& cols,
                 ModelBuilder& b) {
  const AllocationRules& rules = p.rules;
  const double unit = rules.budget;
  std::vector<std::pair<int, double>> budget, leverage, first_loss;
  for (size_t i = 0; i < p.applications.size(); ++i) {
    if (cols.y[i] < 0) continue;
    const Application& app = p.applications[i];
    cols.Term(i, 1.0, budget);
    cols.Term(i, -rules.leverage_ratio, leverage);
    if (app.private_capital > 0) leverage.emplace_back(cols.y[i], app.private_capital / unit);
    if (app.first_loss > 0) first_loss.emplace_back(cols.y[i], app.first_loss / unit);
  }
  if (!r.drop_budget) b.AddRow(budget, -kInf, 1.0);
  if (!r.drop_leverage && rules.leverage_ratio > 0) b.AddRow(leverage, 0, kInf);
  if (!r.drop_first_loss && rules.first_loss_budget) {
    b.AddRow(first_loss, -kInf, *rules.first_loss_budget / unit);
  }
  for (size_t q = 0; q < rules.quotas.size(); ++q) {
    if (!r.DropsQuota(q)) AddQuotaRow(p, rules.quotas[q], cols, b);
  }
}

struct CbcDeleter {
  void operator()(Cbc_Model* m) const { Cbc_deleteModel(m); }
};

void Configure(Cbc_Model* model, double time_limit, double relative_gap) {
  const std::string seconds = std::to_string(time_limit);
  const std::string gap = std::to_string(relative_gap);
  Cbc_setLogLevel(model, 0);
  Cbc_setParameter(model, "log", "0");
  Cbc_setParameter(model, "slog", "0");
  Cbc_setParameter(model, "sec", seconds.c_str());
  Cbc_setParameter(model, "ratio", gap.c_str());
  Cbc_setMaximumSeconds(model, time_limit);
  Cbc_setAllowableFractionGap(model, relative_gap);
}

// CBC's state after the solve, in our terms.
void ReadStatus(Cbc_Model* model, bool has_solution, MipOutcome& out) {
  if (Cbc_isProvenInfeasible(model) && !has_solution) {
    out.status = SolveStatus::kInfeasible;
    out.detail = "proven infeasible";
  } else if (Cbc_isAbandoned(model)) {
    out.status = SolveStatus::kSolverError;
    out.detail = "abandoned (numerical difficulties)";
  } else if (Cbc_isProvenOptimal(model) && has_solution) {
    out.status = SolveStatus::kOptimal;
    out.detail = "proven optimal within the relative gap";
  } else if (has_solution) {
    out.status = SolveStatus::kFeasible;
    out.detail = Cbc_isSecondsLimitReached(model) ? "stopped on the time limit with a solution"
                                                  : "stopped with a solution, not proven optimal";
  } else {
    out.status = SolveStatus::kNoSolutionFound;
    out.detail = "stopped on the time limit before any solution was found";
  }
}

// Scales the solution back to money and cleans solver noise: an application is funded when its
// binary is set, and its amount is kept within its limits.
std::vector<double> ReadAmounts(const AllocationProblem& p, const Relaxation& r,
                                const Columns& cols, const double* solution) {
  std::vector<double> amounts(p.applications.size(), 0.0);
  for (size_t i = 0; i < amounts.size(); ++i) {
    if (cols.y[i] < 0 || solution[static_cast<size_t>(cols.y[i])] < 0.5) continue;
    const double z = cols.z[i] < 0 ? 0.0 : solution[static_cast<size_t>(cols.z[i])];
    const GrantBounds g = BoundsOf(p.rules, p.applications[i], r.drop_grant_limits);
    amounts[i] = std::clamp(g.lo + z * p.rules.budget, g.lo, g.hi);
  }
  return amounts;
}

// Hands a known solution to CBC, in the model's variables (y_i, z_i), so that a re-solve
// starts from an incumbent and only has to improve it.
void SetStart(const AllocationProblem& p, const Relaxation& r, const Columns& cols,
              const std::vector<double>& amounts, Cbc_Model* model) {
  std::vector<int> index;
  std::vector<double> value;
  for (size_t i = 0; i < amounts.size() && i < cols.y.size(); ++i) {
    if (cols.y[i] < 0) continue;
    const bool funded = amounts[i] > 0;
    index.push_back(cols.y[i]);
    value.push_back(funded ? 1.0 : 0.0);
    if (cols.z[i] < 0) continue;
    const GrantBounds g = BoundsOf(p.rules, p.applications[i], r.drop_grant_limits);
    index.push_back(cols.z[i]);
    value.push_back(funded ? std::max(0.0, amounts[i] - g.lo) / p.rules.budget : 0.0);
  }
  Cbc_setMIPStartI(model, static_cast<int>(index.size()), index.data(), value.data());
}

}  // namespace

MipOutcome SolveAllocationMip(const AllocationProblem& problem, const Relaxation& relaxation,
                              double time_limit_seconds, const std::vector<double>& start) {
  const auto began = std::chrono::steady_clock::now();
  ModelBuilder builder;
  const Columns cols = AddGrantColumns(problem, relaxation, builder);
  AddFundRows(problem, relaxation, cols, builder);
  MipOutcome out;
  std::unique_ptr<Cbc_Model, CbcDeleter> model(Cbc_newModel());
  builder.LoadInto(model.get());
  Configure(model.get(), time_limit_seconds, problem.options.relative_gap);
  if (!start.empty()) SetStart(problem, relaxation, cols, start, model.get());
  if (builder.columns() > 0) {
    // CBC 2.10's C interface runs its command-line driver (CbcMain1), which keeps static state:
    // solves are serialised so that concurrent callers (the HTTP server) stay safe.
    static std::mutex cbc_mutex;
    std::lock_guard<std::mutex> lock(cbc_mutex);
    Cbc_solve(model.get());
  }
  const double* best = builder.columns() > 0 ? Cbc_bestSolution(model.get()) : nullptr;
  if (builder.columns() == 0) {
    out.status = SolveStatus::kOptimal;  // nothing to choose: the empty portfolio
    out.detail = "no application can be funded";
    out.amounts.assign(problem.applications.size(), 0.0);
  } else {
    ReadStatus(model.get(), best != nullptr, out);
    if (best != nullptr) out.amounts = ReadAmounts(problem, relaxation, cols, best);
  }
  for (size_t i = 0; i < out.amounts.size(); ++i) {
    out.impact += ImpactPerUnit(problem.applications[i]) * out.amounts[i];
  }
  out.best_bound = out.impact;
  // CBC's bound is on the negated impact; the cleaned solution may differ from CBC's by noise.
  if (best != nullptr) {
    out.best_bound = std::max(out.impact, -Cbc_getBestPossibleObjValue(model.get()));
  }
  out.gap = (out.best_bound - out.impact) / std::max(std::abs(out.impact), 1e-9);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  return out;
}

}  // namespace ecosol::finance::internal
