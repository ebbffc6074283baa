// Planning co-op share withdrawals under a notice period and an annual limit (share_capital.h).

#include "ecosol/finance/share_capital.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace ecosol::finance {
namespace {

using std::chrono::year_month_day;

std::string Str(std::int64_t v) { return std::to_string(v); }

Status ValidateRules(const WithdrawalRules& r) {
  if (r.notice_months < 0 || r.notice_months > 120) {
    return InvalidArgument("rules.notice_months: expected 0 to 120, got " +
                           std::to_string(r.notice_months));
  }
  if (!(r.annual_limit > 0 && r.annual_limit <= 1)) {
    return InvalidArgument(
        "rules.annual_limit: expected a fraction above 0 and at most 1 (0.10 for 10% of the "
        "capital a year), got " +
        std::to_string(r.annual_limit));
  }
  if (r.horizon_years < 1 || r.horizon_years > 100) {
    return InvalidArgument("rules.horizon_years: expected 1 to 100, got " +
                           std::to_string(r.horizon_years));
  }
  return Status::Ok();
}

std::int64_t HeldOn(const ShareCapitalInput& in, const std::string& member, LoanDate date) {
  std::int64_t sum = 0;
  for (const MemberShare& s : in.shares) {
    if (s.member == member && s.subscribed_on <= date) sum += s.amount;
  }
  return sum;
}

// Every request for a positive amount the member holds, counting earlier requests.
Status ValidateAmounts(const ShareCapitalInput& in, const std::vector<std::size_t>& order) {
  for (std::size_t i = 0; i < in.shares.size(); ++i) {
    if (in.shares[i].amount <= 0) {
      return InvalidArgument("shares[" + std::to_string(i) + "].amount: must be positive, got " +
                             Str(in.shares[i].amount));
    }
  }
  std::map<std::string, std::int64_t> requested;
  for (std::size_t i : order) {
    const WithdrawalRequest& r = in.requests[i];
    const std::string where = "requests[" + std::to_string(i) + "]";
    if (r.amount <= 0) {
      return InvalidArgument(where + ".amount: must be positive, got " + Str(r.amount));
    }
    const std::int64_t held = HeldOn(in, r.member, r.requested_on) - requested[r.member];
    if (r.amount > held) {
      return InvalidArgument(where + ": member \"" + r.member + "\" asks for " + Str(r.amount) +
                             " but holds " + Str(held) + " on " + FormatLoanDate(r.requested_on) +
                             " (after earlier requests); reduce the amount");
    }
    requested[r.member] += r.amount;
  }
  return Status::Ok();
}

LoanDate FirstOfYear(int year) {
  return LoanDate{
      year_month_day{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}}};
}

int YearOf(LoanDate d) { return static_cast<int>(year_month_day{d}.year()); }

struct Pending {
  std::size_t request;
  LoanDate eligible_on;
  std::int64_t left;
};

// Pays what year `year` allows, first come first served.
ShareYear PayYear(const ShareCapitalInput& in, int year, std::vector<Pending>& pending,
                  WithdrawalPlan& plan) {
  const LoanDate start = FirstOfYear(year);
  const LoanDate next = FirstOfYear(year + 1);
  ShareYear y;
  y.year = year;
  for (const MemberShare& s : in.shares) {
    if (s.subscribed_on < start) y.capital_at_start += s.amount;
  }
  for (const SharePayout& p : plan.payouts) y.capital_at_start -= p.amount;
  y.limit = RoundMinor(in.rules.annual_limit * static_cast<double>(y.capital_at_start));
  for (Pending& p : pending) {
    if (y.paid == y.limit) break;
    if (p.left == 0) continue;
    if (p.eligible_on >= next) break;  // later requests wait behind this one
    const std::int64_t amount = std::min(p.left, y.limit - y.paid);
    const WithdrawalRequest& r = in.requests[p.request];
    plan.payouts.push_back({p.request, r.member, amount, std::max(p.eligible_on, start)});
    p.left -= amount;
    y.paid += amount;
  }
  return y;
}

}  // namespace

Result<WithdrawalPlan> PlanShareWithdrawals(const ShareCapitalInput& in) {
  ECOSOL_RETURN_IF_ERROR(ValidateRules(in.rules));
  std::vector<std::size_t> order(in.requests.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&in](std::size_t a, std::size_t b) {
    return in.requests[a].requested_on < in.requests[b].requested_on;
  });
  ECOSOL_RETURN_IF_ERROR(ValidateAmounts(in, order));
  WithdrawalPlan plan;
  if (order.empty()) return plan;
  std::vector<Pending> pending;
  for (std::size_t i : order) {
    const WithdrawalRequest& r = in.requests[i];
    pending.push_back(
        {i, PeriodEnd(r.requested_on, Frequency::kMonthly, in.rules.notice_months), r.amount});
  }
  const int first = YearOf(pending.front().eligible_on);
  for (int year = first; year < first + in.rules.horizon_years; ++year) {
    plan.years.push_back(PayYear(in, year, pending, plan));
    if (pending.back().left == 0) break;
  }
  for (const Pending& p : pending) {
    if (p.left > 0) plan.unpaid.push_back({p.request, in.requests[p.request].member, p.left});
  }
  return plan;
}

}  // namespace ecosol::finance
