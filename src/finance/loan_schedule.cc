// Schedule builders (loan_schedule.h). Formulas and conventions, with their sources, are in
// docs/finance.md ("Loan book"); the comments below name them where they are used.

#include "ecosol/finance/loan_schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ecosol/base/dates.h"

namespace ecosol::finance {
namespace {

using std::chrono::year_month_day;

Status ValidateSeasonal(const LoanTerms& t) {
  if (t.repayment_months.empty()) return Status::Ok();
  if (t.frequency != Frequency::kMonthly) {
    return InvalidArgument(
        "repayment_months: seasonal repayment needs frequency \"monthly\"; set frequency to "
        "monthly or remove repayment_months");
  }
  if (t.grace != GraceType::kNone) {
    return InvalidArgument(
        "grace: not combined with repayment_months (the months before the first repayment month "
        "are already without payment); remove grace");
  }
  std::vector<int> months = t.repayment_months;
  std::sort(months.begin(), months.end());
  for (size_t i = 0; i < months.size(); ++i) {
    if (months[i] < 1 || months[i] > 12 || (i > 0 && months[i] == months[i - 1])) {
      return InvalidArgument("repayment_months: expected distinct months 1-12, got " +
                             std::to_string(months[i]));
    }
  }
  return Status::Ok();
}

Status ValidateTerms(const LoanTerms& t) {
  if (t.principal <= 0) {
    return InvalidArgument("principal: must be positive (minor units), got " +
                           std::to_string(t.principal));
  }
  if (!(t.annual_rate >= 0 && t.annual_rate <= 10)) {
    return InvalidArgument(
        "annual_rate: expected a fraction between 0 and 10 (0.12 for 12% a year), got " +
        std::to_string(t.annual_rate));
  }
  if (t.periods < 1 || t.periods > 1200) {
    return InvalidArgument("periods: expected 1 to 1200 periods, got " + std::to_string(t.periods));
  }
  if ((t.grace == GraceType::kNone) != (t.grace_periods == 0) || t.grace_periods < 0 ||
      t.grace_periods >= t.periods) {
    return InvalidArgument("grace.periods: expected 1 to periods - 1 (" +
                           std::to_string(t.periods - 1) + ") with a grace type, got " +
                           std::to_string(t.grace_periods) +
                           "; at least one period must repay principal");
  }
  if (t.late_fee < 0) {
    return InvalidArgument("late_fee: must not be negative, got " + std::to_string(t.late_fee));
  }
  return ValidateSeasonal(t);
}

double PeriodRate(const LoanTerms& t) { return t.annual_rate / PeriodsPerYear(t.frequency); }

void Push(Schedule& s, int period, std::int64_t principal, std::int64_t interest,
          std::int64_t capitalised, std::int64_t balance_after) {
  Instalment row;
  row.number = static_cast<int>(s.instalments.size()) + 1;
  row.period = period;
  row.due_on = PeriodEnd(s.terms.disbursed_on, s.terms.frequency, period);
  row.principal = principal;
  row.interest = interest;
  row.total = principal + interest;
  row.capitalised_interest = capitalised;
  row.balance_after = balance_after;
  s.instalments.push_back(row);
}

// Grace periods 1..g. Interest-only: the period's interest on the balance is paid. Full: the
// interest is added to the balance (capitalised), so the next period's interest is on the grown
// balance. Returns the balance at the end of grace.
std::int64_t BuildGrace(Schedule& s, double r) {
  std::int64_t balance = s.terms.principal;
  for (int k = 1; k <= s.terms.grace_periods; ++k) {
    std::int64_t interest = RoundMinor(static_cast<double>(balance) * r);
    if (s.terms.grace == GraceType::kFull) {
      balance += interest;
      Push(s, k, 0, 0, interest, balance);
    } else {
      Push(s, k, 0, interest, 0, balance);
    }
  }
  return balance;
}

// Annuity: A = B r / (1 - (1 + r)^-m) (the present value of an ordinary annuity solved for the
// payment), rounded; each period's interest is r times the balance, principal is A - interest,
// and the last instalment repays what is left.
void BuildAnnuity(Schedule& s, double r, std::int64_t balance, int first, int m) {
  const double b = static_cast<double>(balance);
  s.regular_instalment = RoundMinor(r == 0 ? b / m : b * r / (1 - std::pow(1 + r, -m)));
  for (int k = first; k < first + m; ++k) {
    std::int64_t interest = RoundMinor(static_cast<double>(balance) * r);
    std::int64_t principal = std::min(balance, s.regular_instalment - interest);
    if (k == first + m - 1) principal = balance;
    balance -= principal;
    Push(s, k, principal, interest, 0, balance);
  }
}

// Flat: every period's interest is r times the amount lent (the principal at the start of
// repayment, grown by capitalised interest under full grace), never the declining balance;
// principal is repaid in equal parts B / m, the last part taking the rounding difference.
void BuildFlat(Schedule& s, double r, std::int64_t balance, int first, int m) {
  const std::int64_t interest = RoundMinor(static_cast<double>(balance) * r);
  const std::int64_t part = RoundMinor(static_cast<double>(balance) / m);
  s.regular_instalment = part + interest;
  for (int k = first; k < first + m; ++k) {
    std::int64_t principal = k == first + m - 1 ? balance : std::min(balance, part);
    balance -= principal;
    Push(s, k, principal, interest, 0, balance);
  }
}

// Seasonal: instalments only in the repayment months. Principal is repaid in equal parts at each
// instalment (last takes the rest). Interest accrues monthly without compounding and is paid at
// the next instalment: annuity (declining balance) r x balance x months since the last
// instalment; flat r x principal x months.
Status BuildSeasonal(Schedule& s, double r) {
  const LoanTerms& t = s.terms;
  std::vector<int> due;
  for (int k = 1; k <= t.periods; ++k) {
    year_month_day ymd{PeriodEnd(t.disbursed_on, t.frequency, k)};
    int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    if (std::count(t.repayment_months.begin(), t.repayment_months.end(), month) > 0) {
      due.push_back(k);
    }
  }
  if (due.empty() || due.back() != t.periods) {
    return InvalidArgument("repayment_months: the last period (due " +
                           FormatLoanDate(PeriodEnd(t.disbursed_on, t.frequency, t.periods)) +
                           ") is not in a repayment month; change periods so the loan ends in "
                           "one of repayment_months");
  }
  std::int64_t balance = t.principal;
  const std::int64_t part =
      RoundMinor(static_cast<double>(t.principal) / static_cast<double>(due.size()));
  s.regular_instalment = part;
  int last = 0;
  for (int k : due) {
    std::int64_t base = t.method == RepaymentMethod::kFlat ? t.principal : balance;
    std::int64_t interest = RoundMinor(static_cast<double>(base) * r * (k - last));
    std::int64_t principal = k == due.back() ? balance : std::min(balance, part);
    balance -= principal;
    Push(s, k, principal, interest, 0, balance);
    last = k;
  }
  return Status::Ok();
}

// The period rate i at which the instalments, discounted by period, equal the principal
// (bisection: the present value falls as i rises).
double InternalRate(const Schedule& s) {
  auto present_value = [&s](double i) {
    double pv = 0;
    for (const Instalment& row : s.instalments) {
      pv += static_cast<double>(row.total) / std::pow(1 + i, row.period);
    }
    return pv;
  };
  double lo = -0.5;
  double hi = 1.0;
  const double principal = static_cast<double>(s.terms.principal);
  for (int step = 0; step < 200; ++step) {
    double mid = (lo + hi) / 2;
    (present_value(mid) > principal ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

void Summarise(Schedule& s) {
  for (const Instalment& row : s.instalments) {
    s.total_interest += row.interest;
    s.total_paid += row.total;
  }
  const double i = InternalRate(s);
  const int n = PeriodsPerYear(s.terms.frequency);
  s.nominal_annual_rate = i * n;
  s.effective_annual_rate = std::pow(1 + i, n) - 1;
}

}  // namespace

Result<LoanDate> ParseLoanDate(std::string_view text, std::string_view where) {
  bool shape = text.size() == 10;  // YYYY-MM-DD, whether or not the day exists
  for (std::size_t i = 0; shape && i < text.size(); ++i) {
    shape = (i == 4 || i == 7) ? text[i] == '-' : (text[i] >= '0' && text[i] <= '9');
  }
  auto day = ParseIsoDay(text);
  if (!day) {
    return InvalidArgument(
        std::string(where) +
        (shape ? ": \"" + std::string(text) + "\" is not a calendar date"
               : ": expected an ISO 8601 date YYYY-MM-DD, got \"" + std::string(text) + "\""));
  }
  return LoanDate{*day};
}

std::string FormatLoanDate(LoanDate date) {
  year_month_day ymd{date};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

std::string_view ToString(RepaymentMethod method) {
  return method == RepaymentMethod::kFlat ? "flat" : "annuity";
}

std::string_view ToString(Frequency frequency) {
  switch (frequency) {
    case Frequency::kWeekly:
      return "weekly";
    case Frequency::kQuarterly:
      return "quarterly";
    case Frequency::kMonthly:
      break;
  }
  return "monthly";
}

int PeriodsPerYear(Frequency frequency) {
  switch (frequency) {
    case Frequency::kWeekly:
      return 52;
    case Frequency::kQuarterly:
      return 4;
    case Frequency::kMonthly:
      break;
  }
  return 12;
}

std::string_view ToString(GraceType type) {
  switch (type) {
    case GraceType::kInterestOnly:
      return "interest_only";
    case GraceType::kFull:
      return "full";
    case GraceType::kNone:
      break;
  }
  return "none";
}

LoanDate PeriodEnd(LoanDate start, Frequency frequency, int k) {
  using namespace std::chrono;
  if (frequency == Frequency::kWeekly) return start + days{7 * k};
  const year_month_day ymd{start};
  const int months_ahead = frequency == Frequency::kQuarterly ? 3 * k : k;
  const year_month ym = year_month{ymd.year(), ymd.month()} + months{months_ahead};
  const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  return sys_days{year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)}};
}

std::int64_t RoundMinor(double amount) { return static_cast<std::int64_t>(std::llround(amount)); }

Result<Schedule> BuildSchedule(const LoanTerms& terms) {
  ECOSOL_RETURN_IF_ERROR(ValidateTerms(terms));
  Schedule s;
  s.terms = terms;
  const double r = PeriodRate(terms);
  if (!terms.repayment_months.empty()) {
    ECOSOL_RETURN_IF_ERROR(BuildSeasonal(s, r));
  } else {
    const std::int64_t balance = BuildGrace(s, r);
    const int first = terms.grace_periods + 1;
    const int m = terms.periods - terms.grace_periods;
    if (terms.method == RepaymentMethod::kFlat) {
      BuildFlat(s, r, balance, first, m);
    } else {
      BuildAnnuity(s, r, balance, first, m);
    }
  }
  Summarise(s);
  return s;
}

}  // namespace ecosol::finance
