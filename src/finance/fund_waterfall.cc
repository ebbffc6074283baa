// The loss waterfall and the distribution of gains (fund.h).
//
// Convention (docs/finance.md ("Funds, capital stacks and match funding"), "Waterfall"): losses are
// absorbed from the bottom of the stack up, first-loss capital first, then junior, then senior;
// gains are paid from the top down, the senior tranche's target return first. This is the
// subordination of blended-finance structures: catalytic first-loss capital "bears the first loss"
// so that other investors are protected (GIIN, Catalytic First-Loss Capital, issue brief, October
// 2013), and the ILO lists first-loss capital, quasi-equity and subordinated debt among SSE finance
// mechanisms (ILO, Financial mechanisms for innovative SSE ecosystems, 2019; DOMAIN.md section 5).
// The attachment and detachment points are the fund losses at which a tranche starts to lose and is
// wiped out, as in structured-finance tranching.

#include <algorithm>
#include <numeric>

#include "ecosol/finance/fund.h"
#include "fund_amounts.h"

namespace ecosol::finance {
namespace {

using funds_internal::SplitProRata;

// Indices of the tranches sorted by loss order (ascending or descending), ties in input order.
std::vector<size_t> ByLossOrder(const Fund& fund, bool senior_first) {
  std::vector<size_t> order(fund.tranches.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    int la = fund.tranches[a].loss_order;
    int lb = fund.tranches[b].loss_order;
    return senior_first ? la > lb : la < lb;
  });
  return order;
}

// Consecutive runs of `order` sharing a loss order: the pari passu groups.
std::vector<std::vector<size_t>> Groups(const Fund& fund, const std::vector<size_t>& order) {
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    if (groups.empty() ||
        fund.tranches[groups.back().front()].loss_order != fund.tranches[i].loss_order) {
      groups.emplace_back();
    }
    groups.back().push_back(i);
  }
  return groups;
}

std::int64_t Due(const Tranche& t) {
  // The target return of the period on what was drawn, rounded down to the cent.
  return t.target_return ? funds_internal::FloorTimes(t.drawn, *t.target_return) : 0;
}

}  // namespace

std::string_view ToString(ResidualPolicy policy) {
  switch (policy) {
    case ResidualPolicy::kRetained:
      return "retained";
    case ResidualPolicy::kProRata:
      return "pro_rata";
    case ResidualPolicy::kMostJunior:
      return "most_junior";
  }
  return "retained";
}

Result<ResidualPolicy> ParseResidualPolicy(std::string_view name) {
  for (auto p :
       {ResidualPolicy::kRetained, ResidualPolicy::kProRata, ResidualPolicy::kMostJunior}) {
    if (ToString(p) == name) return p;
  }
  return InvalidArgument("residual policy '" + std::string(name) +
                         "' is not one of retained, pro_rata, most_junior");
}

Result<LossWaterfall> AllocateLoss(const Fund& fund, std::int64_t loss) {
  if (loss < 0 || loss > funds_internal::kMaxCents) {
    return InvalidArgument("loss: must be from 0 to " + std::to_string(funds_internal::kMaxCents) +
                           " cents (a gain goes to DistributeGain), got " + std::to_string(loss));
  }
  LossWaterfall w;
  w.fund_id = fund.id;
  w.loss = loss;
  for (const Tranche& t : fund.tranches) w.total += t.drawn;
  w.absorbed = std::min(loss, w.total);
  w.unabsorbed = loss - w.absorbed;
  std::int64_t left = w.absorbed;
  std::int64_t below = 0;  // capital of the tranches that absorb before this group
  for (const auto& group : Groups(fund, ByLossOrder(fund, false))) {
    std::vector<std::int64_t> amounts;
    for (size_t i : group) amounts.push_back(fund.tranches[i].drawn);
    std::int64_t group_total = std::accumulate(amounts.begin(), amounts.end(), std::int64_t{0});
    std::int64_t take = std::min(left, group_total);
    std::vector<std::int64_t> shares = SplitProRata(take, amounts);
    for (size_t k = 0; k < group.size(); ++k) {
      const Tranche& t = fund.tranches[group[k]];
      TrancheLoss row{t.id,  t.loss_order,       t.drawn, shares[k], t.drawn - shares[k], 0.0,
                      below, below + group_total};
      if (t.drawn > 0)
        row.share_lost = static_cast<double>(shares[k]) / static_cast<double>(t.drawn);
      w.tranches.push_back(std::move(row));
    }
    left -= take;
    below += group_total;
  }
  return w;
}

Result<GainDistribution> DistributeGain(const Fund& fund, std::int64_t gain,
                                        ResidualPolicy policy) {
  if (gain < 0 || gain > funds_internal::kMaxCents) {
    return InvalidArgument("gain: must be from 0 to " + std::to_string(funds_internal::kMaxCents) +
                           " cents (a loss goes to AllocateLoss), got " + std::to_string(gain));
  }
  GainDistribution d;
  d.fund_id = fund.id;
  d.gain = gain;
  d.policy = policy;
  std::int64_t left = gain;
  std::vector<size_t> order = ByLossOrder(fund, true);
  for (const auto& group : Groups(fund, order)) {
    std::vector<std::int64_t> due;
    for (size_t i : group) due.push_back(Due(fund.tranches[i]));
    std::int64_t pay = std::min(left, std::accumulate(due.begin(), due.end(), std::int64_t{0}));
    std::vector<std::int64_t> paid = SplitProRata(pay, due);
    for (size_t k = 0; k < group.size(); ++k) {
      const Tranche& t = fund.tranches[group[k]];
      d.tranches.push_back({t.id, t.loss_order, due[k], paid[k], due[k] - paid[k], 0});
    }
    left -= pay;
  }
  // Who shares the residual: tranches with a target return (grants never earn), all of them or
  // only the most junior (lowest loss order) ones; the weights are what they drew.
  int most_junior = 0;
  for (const Tranche& t : fund.tranches) {
    if (t.target_return && (most_junior == 0 || t.loss_order < most_junior)) {
      most_junior = t.loss_order;
    }
  }
  std::vector<std::int64_t> weights;
  for (size_t i : order) {
    const Tranche& t = fund.tranches[i];
    bool shares = policy == ResidualPolicy::kProRata ||
                  (policy == ResidualPolicy::kMostJunior && t.loss_order == most_junior);
    weights.push_back(shares && t.target_return ? t.drawn : 0);
  }
  std::vector<std::int64_t> residual = SplitProRata(left, weights);
  for (size_t k = 0; k < residual.size(); ++k) {
    d.tranches[k].residual = residual[k];
    left -= residual[k];
  }
  d.retained = left;
  return d;
}

}  // namespace ecosol::finance
