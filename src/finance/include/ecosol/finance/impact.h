#pragma once

// The impact export (docs/finance.md, "Impact export"; issue 8 point 7): indicators of a social
// finance portfolio computed from the loan book, the funds and their allocations and the readiness
// assessments, written as CSV, as plain JSON for the web page, and as JSON-LD aligned with the
// Common Impact Data Standard (CIDS, Canada's Common Approach to Impact Measurement), each
// indicator linked to its IRIS+ metric (the GIIN's catalogue) when one matches.
//
//   auto report = ComputeImpact(json::parse(R"({"as_of": "2026-06-30",
//       "reporter": {"id": "ecosol-demo", "name": "Ecosol demo observatory"},
//       "currency": "CAD", "organisations": [{"id": "coop-1", "name": "Coop 1"}],
//       "loan_book": {...the loan book view...}, "funds": [...], "assessments": [...]})"));
//   report->values[0];                 // {indicator "organisations_financed", amount 1}
//   std::string csv = ImpactToCsv(*report);        // one row per value, CRLF line ends
//   nlohmann::json graph = ImpactToJsonLd(*report); // {"@context", "@graph": [...]}
//
// Input (built by the service layer from stored records; docs/finance.md lists every field):
//   as_of, reporter {id, name}, currency (ISO 4217), organisations [{id, name, territory?}],
//   loan_book (LoanBookView: {as_of, par: PortfolioAtRiskToJson, loans: [{id, actor_id,
//   principal, disbursed_on?, outstanding_principal, days_in_arrears, restructured?,
//   written_off}]}) or null, funds [{fund: FundToJson, leverage: LeverageCheckToJson,
//   allocation: the saved allocation answer with "applications": [{id, actor_id, mip}] or null}],
//   assessments [{organisation, date, total, max_total, stage?}].
// Units as the engines write them: loan book and fund amounts are integer cents; allocation
// amounts are numbers in the currency unit (allocation.h), rounded here to the cent.
//
// Errors: InvalidArgument naming the field, what was expected and how to fix it
// ("loan_book.loans[1].outstanding_principal: missing; ..."): a missing or malformed field, a
// negative amount, an unknown organisation, a currency that differs from the report's, a loan
// book at another date, PAR figures that disagree with the loans. Nothing throws.
// Pure functions over values; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

// What an indicator's value measures, and how it is written: kMoney in the report's currency
// (the value is in cents, written "1234.56"), kCount a whole number, kPercent a percentage
// (written 46.5600 for 46.56%), kRatio a plain number (2.5 private per 1 public), kPoints a
// readiness score.
enum class ImpactUnit { kMoney, kCount, kPercent, kRatio, kPoints };

// One indicator of the catalogue. iris_code/iris_name are empty when no IRIS+ metric matches
// (docs/finance.md lists the codes checked and where).
struct ImpactIndicator {
  std::string_view id;
  std::string_view name;
  std::string_view description;
  ImpactUnit unit = ImpactUnit::kCount;
  std::string_view iris_code;
  std::string_view iris_name;
};

// The catalogue, in the order values are reported.
const std::vector<ImpactIndicator>& ImpactIndicators();
// The entry with this id, or nullptr.
const ImpactIndicator* FindImpactIndicator(std::string_view id);

struct ImpactOrganisation {
  std::string id;
  std::string name;
  std::string territory;  // may be empty
};

struct ImpactFund {
  std::string id;
  std::string name;
};

// One value of one indicator, for the portfolio (organisation_id and fund_id empty), a fund
// (fund_id set) or an organisation (organisation_id set).
struct ImpactValue {
  std::string indicator;  // an ImpactIndicators() id
  std::string organisation_id;
  std::string fund_id;
  std::int64_t amount = 0;  // kMoney: cents; kCount: the count
  double number = 0;        // kPercent (40 = 40%), kRatio, kPoints
};

struct ImpactReport {
  std::string as_of;  // YYYY-MM-DD: stocks are at the end of this day
  ImpactOrganisation reporter;
  std::string currency;
  std::vector<ImpactOrganisation> organisations;
  std::vector<ImpactFund> funds;
  std::vector<ImpactValue> values;  // by indicator (catalogue order), then portfolio, funds, orgs
};

// Reads the input described above and computes every indicator it allows. Values dated after
// as_of (loans disbursed later, later assessments) are left out.
Result<ImpactReport> ComputeImpact(const nlohmann::json& input);

// The value as written in CSV and JSON-LD: "1234.56", "3", "40.0000", "2.5000", "10.50".
std::string FormatImpactValue(const ImpactValue& value);

// RFC 4180 CSV with a header row and CRLF line ends; a field holding a comma, a quote, CR or LF
// is quoted and its quotes doubled. Columns: indicator, name, organisation_id, organisation_name,
// fund_id, value, unit, as_of, iris_code, iris_name, cids_class.
std::string ImpactToCsv(const ImpactReport& report);

// JSON-LD: {"@context": prefixes (cids, i72, org, prov, sch, xsd), "@graph": [the reporter and
// the organisations (cids:Organization), one cids:Indicator per indicator and subject, one
// cids:IndicatorReport per value with an i72:Measure, and the IRIS+ metrics (cids:Code)]}.
nlohmann::json ImpactToJsonLd(const ImpactReport& report);

// Plain JSON for the web page: {"as_of", "currency", "reporter", "organisations", "funds",
// "values": [{"indicator", "name", "organisation_id", "organisation_name", "fund_id", "value"
// (a number in the unit: 1234.56 for money), "text", "unit", "iris_code", "iris_name"}]}.
nlohmann::json ImpactToJson(const ImpactReport& report);

}  // namespace ecosol::finance
