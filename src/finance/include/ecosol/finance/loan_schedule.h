#pragma once

// Loan repayment schedules: annuity, flat, grace periods and seasonal repayment (docs/finance.md,
// "Loan book"; DOMAIN.md section 5).
//
//   auto terms = ParseLoanTerms(json::parse(R"({"principal": 1200000, "annual_rate": 0.12,
//       "method": "annuity", "frequency": "monthly", "periods": 12,
//       "disbursed_on": "2026-01-15"})"));
//   auto schedule = BuildSchedule(*terms);
//   schedule->instalments[0].total;    // 106619 (1,066.19)
//   schedule->instalments[11].due_on;  // 2027-01-15
//   ScheduleToJson(*schedule);         // {"method", "instalments": [{"due_on", ...}], ...}
//
// Money is an integer number of minor units (cents) in std::int64_t. Rounding rule: every amount
// computed from a rate is rounded to the cent half away from zero (std::llround); the last
// instalment takes whatever principal is left, so the principal always sums exactly to the loan.
// Dates are ISO 8601 calendar dates ("2026-01-15") held as std::chrono::sys_days.
// Pure functions over values; thread safety: none needed.

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

using LoanDate = std::chrono::sys_days;

// "2026-01-15" -> a date; any other form (or an impossible date such as 2026-02-30) is an
// InvalidArgument naming `where`.
Result<LoanDate> ParseLoanDate(std::string_view text, std::string_view where);
std::string FormatLoanDate(LoanDate date);

// Annuity: equal instalments, interest on the declining balance. Flat: interest on the original
// principal every period (as microfinance often quotes it), principal in equal parts.
enum class RepaymentMethod { kAnnuity, kFlat };
std::string_view ToString(RepaymentMethod method);

enum class Frequency { kWeekly, kMonthly, kQuarterly };
std::string_view ToString(Frequency frequency);
// 52, 12 or 4: the period rate is annual_rate / PeriodsPerYear (30/360 for months and quarters).
int PeriodsPerYear(Frequency frequency);

// kInterestOnly: during grace the borrower pays the period's interest and no principal.
// kFull: nothing is paid during grace; each period's interest is added to the balance
// (capitalised) and the grown balance is repaid over the remaining periods.
enum class GraceType { kNone, kInterestOnly, kFull };
std::string_view ToString(GraceType type);

struct LoanTerms {
  std::int64_t principal = 0;  // minor units, > 0
  double annual_rate = 0;      // nominal, as a fraction: 0.12 = 12% a year
  RepaymentMethod method = RepaymentMethod::kAnnuity;
  Frequency frequency = Frequency::kMonthly;
  int periods = 0;  // number of periods, grace included
  LoanDate disbursed_on{};
  GraceType grace = GraceType::kNone;
  int grace_periods = 0;  // the first periods of the term
  // Seasonal repayment (monthly only): instalments fall only in these months (1-12), e.g. after
  // harvests; empty means every period.
  std::vector<int> repayment_months;
  std::int64_t late_fee = 0;  // charged once on an instalment not paid in full by its due date
};

struct Instalment {
  int number = 0;  // 1-based position in the schedule
  int period = 0;  // 1-based period of the term it falls in (differs from number when seasonal)
  LoanDate due_on{};
  std::int64_t principal = 0;
  std::int64_t interest = 0;
  std::int64_t total = 0;                 // principal + interest
  std::int64_t capitalised_interest = 0;  // full grace: interest added to the balance instead
  std::int64_t balance_after = 0;         // principal still owed once this instalment is paid
};

struct Schedule {
  LoanTerms terms;
  std::int64_t regular_instalment = 0;  // the annuity or flat instalment before rounding fixes
  std::int64_t total_interest = 0;
  std::int64_t total_paid = 0;
  // The rate that discounts the instalments back to the principal (internal rate of return),
  // as a nominal annual rate (period rate x periods per year) and as an effective annual rate
  // ((1 + period rate)^periods per year - 1). For a flat loan it shows the true cost.
  double nominal_annual_rate = 0;
  double effective_annual_rate = 0;
  std::vector<Instalment> instalments;  // only periods with something due (or capitalised)
};

// Builds the schedule. InvalidArgument when the terms are inconsistent (grace as long as the
// term, seasonal months with a non-monthly frequency, a last period outside the repayment months).
Result<Schedule> BuildSchedule(const LoanTerms& terms);

// The due date of period k (1-based): disbursement + k weeks, months or quarters. A day that does
// not exist in the target month is moved to the month's last day (Jan 31 + 1 month = Feb 28).
LoanDate PeriodEnd(LoanDate start, Frequency frequency, int k);

// Rounds half away from zero to a whole number of minor units.
std::int64_t RoundMinor(double amount);

// Parses loan terms. `derived` true (restructuring) means principal and disbursed_on are not read
// (they come from the loan). Errors name the field and say how to fix it.
Result<LoanTerms> ParseLoanTerms(const nlohmann::json& doc, bool derived = false);
nlohmann::json LoanTermsToJson(const LoanTerms& terms);
nlohmann::json ScheduleToJson(const Schedule& schedule);

}  // namespace ecosol::finance
