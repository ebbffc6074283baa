#pragma once

// The loan book: payments allocated to a loan's schedule, arrears, restructuring, write-offs, and
// the portfolio at risk (PAR) of a book (docs/finance.md, "Loan book"; DOMAIN.md section 5).
//
//   auto book = ParseLoanBook(doc);                   // {"loans": [{"id", "terms", "payments",
//                                                     //   "restructurings", "written_off_on"}]}
//   auto position = LoanPositionAt(book->loans[0], as_of);
//   position->days_in_arrears;                        // days the oldest unpaid instalment is late
//   auto par = PortfolioAtRisk(*book, as_of, {1, 30, 60, 90});
//   par->thresholds[1].ratio;                         // PAR30, a fraction of outstanding principal
//   PortfolioAtRiskToJson(*par);
//
// Conventions (sources in docs/finance.md ("Loan book")):
// - An instalment due on day d and not paid in full is 1 day late on d + 1 (days late = as_of - d).
// - A payment is allocated instalment by instalment, oldest first, and within an instalment to the
//   late fee, then interest, then principal (Apache Fineract's default "penalties, fees, interest,
//   principal" order). What is left goes to the next instalments in the same order (prepayment).
// - Payments dated on a restructuring or write-off date are applied before it.
// Pure functions over values; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/finance/loan_schedule.h"

namespace ecosol::finance {

struct LoanPayment {
  LoanDate paid_on{};
  std::int64_t amount = 0;  // minor units, > 0
};

// From `on`, the loan is repaid on a new schedule: its principal is the outstanding principal
// plus the interest and late fees due and unpaid on that date (capitalised arrears); interest of
// the old schedule not yet due is not charged (the new schedule charges interest from `on`).
// `terms` gives rate, method, frequency, periods, grace; principal and disbursed_on are derived.
struct Restructuring {
  LoanDate on{};
  LoanTerms terms;
};

struct Loan {
  std::string id;
  LoanTerms terms;
  std::vector<LoanPayment> payments;          // any order; sorted by date when applied
  std::vector<Restructuring> restructurings;  // in date order, after disbursement
  std::optional<LoanDate> written_off_on;     // out of the outstanding portfolio from this date
};

// An instalment of a schedule with what has been charged and paid on it up to the position date.
struct InstalmentPosition {
  Instalment due;
  std::int64_t late_fee = 0;  // charged (0 or the loan's late_fee)
  std::int64_t late_fee_paid = 0;
  std::int64_t interest_paid = 0;
  std::int64_t principal_paid = 0;
  std::optional<LoanDate> paid_in_full_on;
  std::int64_t overdue = 0;  // unpaid fee + interest + principal, when due before the position date
  int days_late = 0;         // 0 unless overdue
};

// One schedule of the loan's life: the original, then one per restructuring.
struct SchedulePhase {
  LoanDate starts_on{};
  std::int64_t capitalised_arrears = 0;  // interest and fees folded into this phase's principal
  Schedule schedule;
  std::vector<InstalmentPosition> instalments;
};

struct LoanPosition {
  std::string loan_id;
  LoanDate as_of{};
  std::vector<SchedulePhase> phases;  // history kept: phases[0] is the original schedule
  bool restructured = false;
  bool written_off = false;
  std::int64_t written_off_principal = 0;  // the principal outstanding on the write-off date
  std::int64_t recoveries = 0;             // payments received after the write-off
  std::int64_t outstanding_principal = 0;  // 0 once written off
  std::int64_t overdue_principal = 0;
  std::int64_t overdue_interest = 0;
  std::int64_t overdue_late_fees = 0;
  int days_in_arrears = 0;  // days late of the oldest overdue instalment; 0 when none
};

// The loan's position at the end of `as_of` (payments dated after it are ignored). A loan not yet
// disbursed at `as_of` has no instalments due and outstanding principal 0. InvalidArgument for a
// payment before disbursement or a non-positive amount, a restructuring out of order or with
// nothing outstanding, a write-off before disbursement, or a payment larger than what is owed.
Result<LoanPosition> LoanPositionAt(const Loan& loan, LoanDate as_of);

struct LoanBook {
  std::vector<Loan> loans;
};

// PAR at one threshold: loans whose days in arrears exceed `days` (strictly: a loan exactly 30
// days late is not in PAR30) contribute their WHOLE outstanding principal to at_risk; outstanding
// is the total outstanding principal of the book; ratio = at_risk / outstanding (0 when nothing is
// outstanding). Balances are summed, loans are not counted. Written-off loans are in neither.
struct ParFigure {
  int days = 0;
  std::int64_t at_risk = 0;
  std::int64_t outstanding = 0;
  double ratio = 0;
  int loans_at_risk = 0;  // for information only; the ratio is by balance
  std::vector<std::string> loan_ids;
};

struct ParThreshold {
  int days = 0;
  ParFigure all;  // the headline figure: restructured loans included (IRIS FP2635 guidance)
  ParFigure restructured;  // restructured loans only, over their own outstanding principal
  ParFigure excluding_restructured;
};

struct PortfolioAtRiskReport {
  LoanDate as_of{};
  bool restructured_included = true;       // restructured loans are in `all`
  std::int64_t written_off_principal = 0;  // written off on or before as_of, for information
  std::vector<ParThreshold> thresholds;
  std::vector<LoanPosition> positions;
};

// PAR of the book at `as_of` for each threshold (days, each >= 0). Errors name the loan.
Result<PortfolioAtRiskReport> PortfolioAtRisk(const LoanBook& book, LoanDate as_of,
                                              const std::vector<int>& thresholds);

// {"loans": [{"id": "L1", "terms": {...loan terms...}, "payments": [{"date", "amount"}],
//   "restructurings": [{"date", "terms": {...without principal and disbursed_on...}}],
//   "written_off_on": "2026-06-30"}]}
Result<LoanBook> ParseLoanBook(const nlohmann::json& doc);
Result<Loan> ParseLoan(const nlohmann::json& doc, std::string_view where);
nlohmann::json LoanPositionToJson(const LoanPosition& position);
nlohmann::json PortfolioAtRiskToJson(const PortfolioAtRiskReport& report);

}  // namespace ecosol::finance
