// The JSON form of loan terms and schedules (loan_schedule.h). Field names are stable: the CLI
// (`ecosol finance schedule --json`), the HTTP API and docs/finance.md ("Loan book") use them.

#include <nlohmann/json.hpp>

#include "ecosol/finance/loan_schedule.h"
#include "loan_json_util.h"

namespace ecosol::finance {
namespace {

using loanjson::ReadAmount;
using loanjson::ReadDate;
using loanjson::ReadInt;
using loanjson::ReadNumber;
using loanjson::ReadString;
using loanjson::RequireObject;
using nlohmann::json;

Result<RepaymentMethod> ParseMethod(const std::string& name) {
  if (name == "annuity") return RepaymentMethod::kAnnuity;
  if (name == "flat") return RepaymentMethod::kFlat;
  return InvalidArgument("method: unknown repayment method \"" + name +
                         "\"; use \"annuity\" or \"flat\"");
}

Result<Frequency> ParseFrequency(const std::string& name) {
  if (name == "monthly") return Frequency::kMonthly;
  if (name == "quarterly") return Frequency::kQuarterly;
  if (name == "weekly") return Frequency::kWeekly;
  return InvalidArgument("frequency: unknown frequency \"" + name +
                         "\"; use \"weekly\", \"monthly\" or \"quarterly\"");
}

Status ParseGrace(const json& doc, LoanTerms& terms) {
  auto it = doc.find("grace");
  if (it == doc.end() || it->is_null()) return Status::Ok();
  ECOSOL_RETURN_IF_ERROR(RequireObject(*it, "grace"));
  auto type = ReadString(*it, "type", "grace", true);
  if (!type.ok()) return type.status();
  if (**type == "interest_only") {
    terms.grace = GraceType::kInterestOnly;
  } else if (**type == "full") {
    terms.grace = GraceType::kFull;
  } else {
    return InvalidArgument("grace.type: unknown grace type \"" + **type +
                           "\"; use \"interest_only\" or \"full\"");
  }
  auto periods = ReadInt(*it, "periods", "grace", true);
  if (!periods.ok()) return periods.status();
  terms.grace_periods = **periods;
  return Status::Ok();
}

Status ParseMonths(const json& doc, LoanTerms& terms) {
  auto it = doc.find("repayment_months");
  if (it == doc.end() || it->is_null()) return Status::Ok();
  if (!it->is_array() || it->empty()) {
    return InvalidArgument(
        "repayment_months: expected a non-empty array of months 1-12, e.g. [8, 9]; got " +
        it->dump());
  }
  for (const json& m : *it) {
    if (!m.is_number_integer()) {
      return InvalidArgument("repayment_months: expected months 1-12, got " + m.dump());
    }
    terms.repayment_months.push_back(m.get<int>());
  }
  return Status::Ok();
}

Status ParseNames(const json& doc, LoanTerms& terms) {
  auto method = ReadString(doc, "method", "", false);
  if (!method.ok()) return method.status();
  if (method->has_value()) {
    auto m = ParseMethod(**method);
    if (!m.ok()) return m.status();
    terms.method = *m;
  }
  auto frequency = ReadString(doc, "frequency", "", false);
  if (!frequency.ok()) return frequency.status();
  if (frequency->has_value()) {
    auto f = ParseFrequency(**frequency);
    if (!f.ok()) return f.status();
    terms.frequency = *f;
  }
  return Status::Ok();
}

Status ParseNumbers(const json& doc, LoanTerms& terms, bool derived) {
  if (!derived) {
    auto principal = ReadAmount(doc, "principal", "", true);
    if (!principal.ok()) return principal.status();
    terms.principal = **principal;
    auto disbursed = ReadDate(doc, "disbursed_on", "", true);
    if (!disbursed.ok()) return disbursed.status();
    terms.disbursed_on = **disbursed;
  }
  auto rate = ReadNumber(doc, "annual_rate", "", true);
  if (!rate.ok()) return rate.status();
  terms.annual_rate = **rate;
  auto periods = ReadInt(doc, "periods", "", true);
  if (!periods.ok()) return periods.status();
  terms.periods = **periods;
  auto fee = ReadAmount(doc, "late_fee", "", false);
  if (!fee.ok()) return fee.status();
  terms.late_fee = fee->value_or(0);
  return Status::Ok();
}

json InstalmentToJson(const Instalment& row) {
  json out = {{"number", row.number},
              {"period", row.period},
              {"due_on", FormatLoanDate(row.due_on)},
              {"principal", row.principal},
              {"interest", row.interest},
              {"total", row.total},
              {"balance_after", row.balance_after}};
  if (row.capitalised_interest != 0) out["capitalised_interest"] = row.capitalised_interest;
  return out;
}

}  // namespace

Result<LoanTerms> ParseLoanTerms(const json& doc, bool derived) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(doc, "terms"));
  LoanTerms terms;
  ECOSOL_RETURN_IF_ERROR(ParseNumbers(doc, terms, derived));
  ECOSOL_RETURN_IF_ERROR(ParseNames(doc, terms));
  ECOSOL_RETURN_IF_ERROR(ParseGrace(doc, terms));
  ECOSOL_RETURN_IF_ERROR(ParseMonths(doc, terms));
  if (!derived) {
    // The values are checked where the schedule is built; checking here too reports a bad
    // loan while it is read, before any payment is looked at.
    auto schedule = BuildSchedule(terms);
    if (!schedule.ok()) return schedule.status();
  }
  return terms;
}

json LoanTermsToJson(const LoanTerms& terms) {
  json out = {{"principal", terms.principal},
              {"annual_rate", terms.annual_rate},
              {"method", std::string(ToString(terms.method))},
              {"frequency", std::string(ToString(terms.frequency))},
              {"periods", terms.periods},
              {"disbursed_on", FormatLoanDate(terms.disbursed_on)}};
  if (terms.grace != GraceType::kNone) {
    out["grace"] = {{"type", std::string(ToString(terms.grace))}, {"periods", terms.grace_periods}};
  }
  if (!terms.repayment_months.empty()) out["repayment_months"] = terms.repayment_months;
  if (terms.late_fee != 0) out["late_fee"] = terms.late_fee;
  return out;
}

json ScheduleToJson(const Schedule& schedule) {
  json rows = json::array();
  for (const Instalment& row : schedule.instalments) rows.push_back(InstalmentToJson(row));
  return {{"terms", LoanTermsToJson(schedule.terms)},
          {"regular_instalment", schedule.regular_instalment},
          {"total_interest", schedule.total_interest},
          {"total_paid", schedule.total_paid},
          {"nominal_annual_rate", schedule.nominal_annual_rate},
          {"effective_annual_rate", schedule.effective_annual_rate},
          {"instalments", std::move(rows)}};
}

}  // namespace ecosol::finance
