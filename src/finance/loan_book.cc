// Replaying a loan's payments on its schedules, and the portfolio at risk (loan_book.h).
// Conventions and sources: docs/finance.md ("Loan book").

#include "ecosol/finance/loan_book.h"

#include <algorithm>
#include <numeric>

namespace ecosol::finance {
namespace {

std::int64_t Unpaid(const InstalmentPosition& p) {
  return (p.late_fee - p.late_fee_paid) + (p.due.interest - p.interest_paid) +
         (p.due.principal - p.principal_paid);
}

std::int64_t OutstandingPrincipal(const SchedulePhase& phase) {
  std::int64_t sum = 0;
  for (const InstalmentPosition& p : phase.instalments) sum += p.due.principal - p.principal_paid;
  return sum;
}

// A late fee is charged once on each instalment due before `date` (so late on `date`) and not
// paid in full. Called before each payment is allocated and at the end of the replay.
void ChargeLateFees(SchedulePhase& phase, LoanDate date, std::int64_t fee) {
  if (fee == 0) return;
  for (InstalmentPosition& p : phase.instalments) {
    if (p.due.due_on >= date) break;
    if (p.late_fee == 0 && Unpaid(p) > 0) p.late_fee = fee;
  }
}

// Moves up to `amount` from the payment to one component; returns what is left.
std::int64_t Take(std::int64_t due, std::int64_t& paid, std::int64_t amount) {
  const std::int64_t n = std::min(due - paid, amount);
  paid += n;
  return amount - n;
}

// Oldest instalment first; within it late fee, interest, principal (Fineract's default
// "penalties, fees, interest, principal order"). Returns the part of the payment left over.
std::int64_t Allocate(SchedulePhase& phase, LoanDate date, std::int64_t amount) {
  for (InstalmentPosition& p : phase.instalments) {
    if (amount == 0) break;
    if (Unpaid(p) == 0) continue;
    amount = Take(p.late_fee, p.late_fee_paid, amount);
    amount = Take(p.due.interest, p.interest_paid, amount);
    amount = Take(p.due.principal, p.principal_paid, amount);
    if (Unpaid(p) == 0) p.paid_in_full_on = date;
  }
  return amount;
}

Result<SchedulePhase> StartPhase(const LoanTerms& terms, std::int64_t capitalised) {
  auto schedule = BuildSchedule(terms);
  if (!schedule.ok()) return schedule.status();
  SchedulePhase phase;
  phase.starts_on = terms.disbursed_on;
  phase.capitalised_arrears = capitalised;
  phase.schedule = std::move(*schedule);
  for (const Instalment& row : phase.schedule.instalments) {
    InstalmentPosition p;
    p.due = row;
    phase.instalments.push_back(p);
  }
  return phase;
}

std::string Money(std::int64_t amount) { return std::to_string(amount); }

Status ValidatePayments(const Loan& loan) {
  for (size_t i = 0; i < loan.payments.size(); ++i) {
    const LoanPayment& p = loan.payments[i];
    const std::string where = "payments[" + std::to_string(i) + "]";
    if (p.amount <= 0) {
      return InvalidArgument(where + ".amount: must be positive (minor units), got " +
                             Money(p.amount));
    }
    if (p.paid_on < loan.terms.disbursed_on) {
      return InvalidArgument(
          where + ".date: " + FormatLoanDate(p.paid_on) + " is before the disbursement on " +
          FormatLoanDate(loan.terms.disbursed_on) + "; correct the payment date or disbursed_on");
    }
  }
  return Status::Ok();
}

Status ValidateEvents(const Loan& loan) {
  LoanDate previous = loan.terms.disbursed_on;
  for (size_t i = 0; i < loan.restructurings.size(); ++i) {
    const LoanDate on = loan.restructurings[i].on;
    if (on <= previous) {
      return InvalidArgument("restructurings[" + std::to_string(i) + "].date: " +
                             FormatLoanDate(on) + " must be after " + FormatLoanDate(previous) +
                             " (the disbursement or the previous restructuring)");
    }
    previous = on;
  }
  if (loan.written_off_on && *loan.written_off_on < previous) {
    return InvalidArgument("written_off_on: " + FormatLoanDate(*loan.written_off_on) +
                           " is before " + FormatLoanDate(previous) +
                           " (the disbursement or the last restructuring); correct the date");
  }
  return Status::Ok();
}

// Replays the payments from `next` dated on or before `until` on the phase.
Status ApplyPayments(const Loan& loan, const std::vector<size_t>& order, size_t& next,
                     LoanDate until, SchedulePhase& phase) {
  for (; next < order.size() && loan.payments[order[next]].paid_on <= until; ++next) {
    const LoanPayment& payment = loan.payments[order[next]];
    ChargeLateFees(phase, payment.paid_on, loan.terms.late_fee);
    const std::int64_t owed = std::accumulate(
        phase.instalments.begin(), phase.instalments.end(), std::int64_t{0},
        [](std::int64_t sum, const InstalmentPosition& p) { return sum + Unpaid(p); });
    if (Allocate(phase, payment.paid_on, payment.amount) > 0) {
      return InvalidArgument("payments[" + std::to_string(order[next]) +
                             "]: " + Money(payment.amount) + " paid on " +
                             FormatLoanDate(payment.paid_on) + " is more than the " + Money(owed) +
                             " owed; correct the amount or record the excess as a refund");
    }
  }
  return Status::Ok();
}

// The new phase from a restructuring: outstanding principal plus the interest and late fees due
// on or before its date and unpaid become the new principal.
Result<SchedulePhase> Restructure(const Loan& loan, size_t index, const SchedulePhase& old) {
  const Restructuring& r = loan.restructurings[index];
  std::int64_t arrears = 0;
  for (const InstalmentPosition& p : old.instalments) {
    if (p.due.due_on > r.on) break;
    arrears += (p.late_fee - p.late_fee_paid) + (p.due.interest - p.interest_paid);
  }
  LoanTerms terms = r.terms;
  terms.principal = OutstandingPrincipal(old) + arrears;
  terms.disbursed_on = r.on;
  terms.late_fee = loan.terms.late_fee;
  const std::string where = "restructurings[" + std::to_string(index) + "]";
  if (terms.principal == 0) {
    return InvalidArgument(where + ": nothing is outstanding on " + FormatLoanDate(r.on) +
                           "; remove the restructuring");
  }
  auto phase = StartPhase(terms, arrears);
  if (!phase.ok()) return phase.status().WithContext(where + ".terms");
  return phase;
}

void MeasureArrears(LoanPosition& pos) {
  SchedulePhase& phase = pos.phases.back();
  pos.outstanding_principal = OutstandingPrincipal(phase);
  for (InstalmentPosition& p : phase.instalments) {
    if (p.due.due_on >= pos.as_of || Unpaid(p) == 0) continue;
    p.overdue = Unpaid(p);
    p.days_late = static_cast<int>((pos.as_of - p.due.due_on).count());
    pos.overdue_principal += p.due.principal - p.principal_paid;
    pos.overdue_interest += p.due.interest - p.interest_paid;
    pos.overdue_late_fees += p.late_fee - p.late_fee_paid;
    pos.days_in_arrears = std::max(pos.days_in_arrears, p.days_late);
  }
}

Result<LoanPosition> Replay(const Loan& loan, LoanDate as_of) {
  LoanPosition pos;
  pos.loan_id = loan.id;
  pos.as_of = as_of;
  if (as_of < loan.terms.disbursed_on) return pos;
  auto first = StartPhase(loan.terms, 0);
  if (!first.ok()) return first.status().WithContext("terms");
  pos.phases.push_back(std::move(*first));
  std::vector<size_t> order(loan.payments.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&loan](size_t a, size_t b) {
    return loan.payments[a].paid_on < loan.payments[b].paid_on;
  });
  size_t next = 0;
  for (size_t i = 0; i < loan.restructurings.size() && loan.restructurings[i].on <= as_of; ++i) {
    const LoanDate on = loan.restructurings[i].on;
    ECOSOL_RETURN_IF_ERROR(ApplyPayments(loan, order, next, on, pos.phases.back()));
    ChargeLateFees(pos.phases.back(), on, loan.terms.late_fee);
    auto phase = Restructure(loan, i, pos.phases.back());
    if (!phase.ok()) return phase.status();
    pos.phases.push_back(std::move(*phase));
    pos.restructured = true;
  }
  const bool written_off = loan.written_off_on && *loan.written_off_on <= as_of;
  const LoanDate end = written_off ? *loan.written_off_on : as_of;
  ECOSOL_RETURN_IF_ERROR(ApplyPayments(loan, order, next, end, pos.phases.back()));
  if (!written_off) {
    ChargeLateFees(pos.phases.back(), as_of, loan.terms.late_fee);
    MeasureArrears(pos);
    return pos;
  }
  // Written off: the principal left is taken out of the portfolio; later payments are recoveries.
  pos.written_off = true;
  pos.written_off_principal = OutstandingPrincipal(pos.phases.back());
  for (; next < order.size() && loan.payments[order[next]].paid_on <= as_of; ++next) {
    pos.recoveries += loan.payments[order[next]].amount;
  }
  return pos;
}

void Count(ParFigure& figure, const LoanPosition& pos) {
  figure.outstanding += pos.outstanding_principal;
  if (pos.outstanding_principal == 0 || pos.days_in_arrears <= figure.days) return;
  figure.at_risk += pos.outstanding_principal;
  figure.loans_at_risk += 1;
  figure.loan_ids.push_back(pos.loan_id);
}

void SetRatio(ParFigure& figure) {
  figure.ratio = figure.outstanding == 0 ? 0.0
                                         : static_cast<double>(figure.at_risk) /
                                               static_cast<double>(figure.outstanding);
}

}  // namespace

Result<LoanPosition> LoanPositionAt(const Loan& loan, LoanDate as_of) {
  const std::string context = "loan \"" + loan.id + "\"";
  Status valid = ValidatePayments(loan);
  if (valid.ok()) valid = ValidateEvents(loan);
  if (!valid.ok()) return valid.WithContext(context);
  auto pos = Replay(loan, as_of);
  if (!pos.ok()) return pos.status().WithContext(context);
  return pos;
}

// PARx. IRIS FP2635 (Non-performing loans, 30 days): the entire unpaid principal of loans with an
// instalment of principal more than 30 days past due, not accrued interest, and "should also
// include loans that have been restructured or rescheduled"; other thresholds alike (FP6373 for
// 90 days). Divided by the outstanding principal of the book (DOMAIN.md section 5).
Result<PortfolioAtRiskReport> PortfolioAtRisk(const LoanBook& book, LoanDate as_of,
                                              const std::vector<int>& thresholds) {
  PortfolioAtRiskReport report;
  report.as_of = as_of;
  for (size_t i = 0; i < thresholds.size(); ++i) {
    if (thresholds[i] < 0) {
      return InvalidArgument("thresholds[" + std::to_string(i) + "]: expected days >= 0, got " +
                             std::to_string(thresholds[i]));
    }
    ParThreshold t;
    t.days = t.all.days = t.restructured.days = t.excluding_restructured.days = thresholds[i];
    report.thresholds.push_back(t);
  }
  for (const Loan& loan : book.loans) {
    auto pos = LoanPositionAt(loan, as_of);
    if (!pos.ok()) return pos.status();
    report.written_off_principal += pos->written_off_principal;
    for (ParThreshold& t : report.thresholds) {
      if (pos->written_off) continue;
      Count(t.all, *pos);
      Count(pos->restructured ? t.restructured : t.excluding_restructured, *pos);
    }
    report.positions.push_back(std::move(*pos));
  }
  for (ParThreshold& t : report.thresholds) {
    SetRatio(t.all);
    SetRatio(t.restructured);
    SetRatio(t.excluding_restructured);
  }
  return report;
}

}  // namespace ecosol::finance
