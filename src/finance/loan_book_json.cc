// The JSON form of loans, loan positions and PAR reports (loan_book.h). Field names are stable:
// the CLI (`ecosol finance par --json`), the HTTP API and docs/finance.md ("Loan book") use them.

#include <nlohmann/json.hpp>

#include "ecosol/finance/loan_book.h"
#include "loan_json_util.h"

namespace ecosol::finance {
namespace {

using loanjson::ReadAmount;
using loanjson::ReadDate;
using loanjson::ReadString;
using loanjson::RequireObject;
using nlohmann::json;

Result<std::vector<LoanPayment>> ParsePayments(const json& doc, const std::string& where) {
  std::vector<LoanPayment> out;
  auto it = doc.find("payments");
  if (it == doc.end() || it->is_null()) return out;
  if (!it->is_array()) return InvalidArgument(where + ".payments: expected an array");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& p = (*it)[i];
    const std::string at = where + ".payments[" + std::to_string(i) + "]";
    ECOSOL_RETURN_IF_ERROR(RequireObject(p, at));
    auto date = ReadDate(p, "date", at, true);
    if (!date.ok()) return date.status();
    auto amount = ReadAmount(p, "amount", at, true);
    if (!amount.ok()) return amount.status();
    out.push_back({**date, **amount});
  }
  return out;
}

Result<std::vector<Restructuring>> ParseRestructurings(const json& doc, const std::string& where) {
  std::vector<Restructuring> out;
  auto it = doc.find("restructurings");
  if (it == doc.end() || it->is_null()) return out;
  if (!it->is_array()) return InvalidArgument(where + ".restructurings: expected an array");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& r = (*it)[i];
    const std::string at = where + ".restructurings[" + std::to_string(i) + "]";
    ECOSOL_RETURN_IF_ERROR(RequireObject(r, at));
    auto date = ReadDate(r, "date", at, true);
    if (!date.ok()) return date.status();
    auto terms_it = r.find("terms");
    if (terms_it == r.end()) return InvalidArgument(at + ".terms: missing; add the new terms");
    auto terms = ParseLoanTerms(*terms_it, true);
    if (!terms.ok()) return terms.status().WithContext(at + ".terms");
    out.push_back({**date, std::move(*terms)});
  }
  return out;
}

json PhaseToJson(const SchedulePhase& phase) {
  json rows = json::array();
  for (const InstalmentPosition& p : phase.instalments) {
    json row = {{"number", p.due.number},           {"due_on", FormatLoanDate(p.due.due_on)},
                {"principal", p.due.principal},     {"interest", p.due.interest},
                {"late_fee", p.late_fee},           {"principal_paid", p.principal_paid},
                {"interest_paid", p.interest_paid}, {"late_fee_paid", p.late_fee_paid},
                {"paid_in_full_on", nullptr},       {"overdue", p.overdue},
                {"days_late", p.days_late}};
    if (p.paid_in_full_on) row["paid_in_full_on"] = FormatLoanDate(*p.paid_in_full_on);
    rows.push_back(std::move(row));
  }
  return {{"starts_on", FormatLoanDate(phase.starts_on)},
          {"capitalised_arrears", phase.capitalised_arrears},
          {"terms", LoanTermsToJson(phase.schedule.terms)},
          {"instalments", std::move(rows)}};
}

json FigureToJson(const ParFigure& f) {
  return {{"days", f.days},
          {"at_risk", f.at_risk},
          {"outstanding", f.outstanding},
          {"ratio", f.ratio},
          {"loans_at_risk", f.loans_at_risk},
          {"loan_ids", f.loan_ids}};
}

}  // namespace

Result<Loan> ParseLoan(const json& doc, std::string_view where_view) {
  const std::string where(where_view);
  ECOSOL_RETURN_IF_ERROR(RequireObject(doc, where));
  Loan loan;
  auto id = ReadString(doc, "id", where, true);
  if (!id.ok()) return id.status();
  loan.id = **id;
  auto terms_it = doc.find("terms");
  if (terms_it == doc.end()) return InvalidArgument(where + ".terms: missing; add the loan terms");
  auto terms = ParseLoanTerms(*terms_it);
  if (!terms.ok()) return terms.status().WithContext(where + ".terms");
  loan.terms = std::move(*terms);
  auto payments = ParsePayments(doc, where);
  if (!payments.ok()) return payments.status();
  loan.payments = std::move(*payments);
  auto restructurings = ParseRestructurings(doc, where);
  if (!restructurings.ok()) return restructurings.status();
  loan.restructurings = std::move(*restructurings);
  auto written_off = ReadDate(doc, "written_off_on", where, false);
  if (!written_off.ok()) return written_off.status();
  loan.written_off_on = *written_off;
  return loan;
}

Result<LoanBook> ParseLoanBook(const json& doc) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(doc, "book"));
  auto it = doc.find("loans");
  if (it == doc.end() || !it->is_array()) {
    return InvalidArgument("loans: expected an array of loans, e.g. {\"loans\": [{\"id\": ...}]}");
  }
  LoanBook book;
  for (size_t i = 0; i < it->size(); ++i) {
    auto loan = ParseLoan((*it)[i], "loans[" + std::to_string(i) + "]");
    if (!loan.ok()) return loan.status();
    book.loans.push_back(std::move(*loan));
  }
  return book;
}

json LoanPositionToJson(const LoanPosition& pos) {
  json phases = json::array();
  for (const SchedulePhase& phase : pos.phases) phases.push_back(PhaseToJson(phase));
  return {{"loan_id", pos.loan_id},
          {"as_of", FormatLoanDate(pos.as_of)},
          {"restructured", pos.restructured},
          {"written_off", pos.written_off},
          {"written_off_principal", pos.written_off_principal},
          {"recoveries", pos.recoveries},
          {"outstanding_principal", pos.outstanding_principal},
          {"overdue_principal", pos.overdue_principal},
          {"overdue_interest", pos.overdue_interest},
          {"overdue_late_fees", pos.overdue_late_fees},
          {"days_in_arrears", pos.days_in_arrears},
          {"phases", std::move(phases)}};
}

json PortfolioAtRiskToJson(const PortfolioAtRiskReport& report) {
  json thresholds = json::array();
  for (const ParThreshold& t : report.thresholds) {
    thresholds.push_back({{"days", t.days},
                          {"all", FigureToJson(t.all)},
                          {"restructured", FigureToJson(t.restructured)},
                          {"excluding_restructured", FigureToJson(t.excluding_restructured)}});
  }
  json loans = json::array();
  for (const LoanPosition& pos : report.positions) {
    loans.push_back({{"loan_id", pos.loan_id},
                     {"outstanding_principal", pos.outstanding_principal},
                     {"days_in_arrears", pos.days_in_arrears},
                     {"restructured", pos.restructured},
                     {"written_off", pos.written_off}});
  }
  return {{"as_of", FormatLoanDate(report.as_of)},
          {"restructured_included", report.restructured_included},
          {"written_off_principal", report.written_off_principal},
          {"thresholds", std::move(thresholds)},
          {"loans", std::move(loans)}};
}

}  // namespace ecosol::finance
