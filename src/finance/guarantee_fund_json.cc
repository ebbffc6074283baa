// The JSON form of a guarantee fund and its report (guarantee_fund.h).

#include <nlohmann/json.hpp>

#include "ecosol/finance/guarantee_fund.h"
#include "loan_json_util.h"

namespace ecosol::finance {
namespace {

using loanjson::ReadAmount;
using loanjson::ReadNumber;
using loanjson::ReadString;
using loanjson::RequireObject;
using nlohmann::json;

Result<GuaranteeFundTerms> ParseTerms(const json& doc) {
  auto it = doc.find("fund");
  if (it == doc.end()) return InvalidArgument("fund: missing; add the fund's terms");
  ECOSOL_RETURN_IF_ERROR(RequireObject(*it, "fund"));
  GuaranteeFundTerms f;
  auto capital = ReadAmount(*it, "capital", "fund", true);
  if (!capital.ok()) return capital.status();
  f.capital = **capital;
  auto cap = ReadAmount(*it, "per_loan_cap", "fund", false);
  if (!cap.ok()) return cap.status();
  f.per_loan_cap = cap->value_or(0);
  auto coverage = ReadNumber(*it, "coverage", "fund", true);
  if (!coverage.ok()) return coverage.status();
  f.coverage = **coverage;
  auto leverage = ReadNumber(*it, "leverage", "fund", false);
  if (!leverage.ok()) return leverage.status();
  f.leverage = leverage->value_or(1.0);
  auto fee = ReadNumber(*it, "annual_fee_rate", "fund", false);
  if (!fee.ok()) return fee.status();
  f.annual_fee_rate = fee->value_or(0.0);
  return f;
}

// Reads [{"loan_id": ..., <amount_key>: ...}] into (id, amount) pairs.
Result<std::vector<std::pair<std::string, std::int64_t>>> ParseLines(const json& doc,
                                                                     const std::string& key,
                                                                     const std::string& amount) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return out;
  if (!it->is_array()) return InvalidArgument(key + ": expected an array");
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string where = key + "[" + std::to_string(i) + "]";
    ECOSOL_RETURN_IF_ERROR(RequireObject((*it)[i], where));
    auto id = ReadString((*it)[i], "loan_id", where, true);
    if (!id.ok()) return id.status();
    auto value = ReadAmount((*it)[i], amount, where, true);
    if (!value.ok()) return value.status();
    out.emplace_back(**id, **value);
  }
  return out;
}

}  // namespace

Result<GuaranteeFundInput> ParseGuaranteeFund(const json& doc) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(doc, "input"));
  GuaranteeFundInput in;
  auto terms = ParseTerms(doc);
  if (!terms.ok()) return terms.status();
  in.fund = *terms;
  auto guarantees = ParseLines(doc, "guarantees", "outstanding");
  if (!guarantees.ok()) return guarantees.status();
  for (auto& [id, amount] : *guarantees) in.guarantees.push_back({id, amount});
  auto calls = ParseLines(doc, "calls", "loss");
  if (!calls.ok()) return calls.status();
  for (auto& [id, amount] : *calls) in.calls.push_back({id, amount});
  return in;
}

json GuaranteeFundReportToJson(const GuaranteeFundReport& report) {
  json guarantees = json::array();
  for (const GuaranteeLine& g : report.guarantees) {
    guarantees.push_back({{"loan_id", g.loan_id},
                          {"guaranteed", g.guaranteed},
                          {"annual_fee", g.annual_fee},
                          {"called", g.called}});
  }
  json calls = json::array();
  for (const CallResult& c : report.calls) {
    calls.push_back({{"loan_id", c.loan_id},
                     {"loss", c.loss},
                     {"covered", c.covered},
                     {"paid", c.paid},
                     {"limited_by", c.limited_by},
                     {"lender_bears", c.lender_bears}});
  }
  return {{"guarantees", std::move(guarantees)}, {"calls", std::move(calls)},
          {"capital_left", report.capital_left}, {"limit", report.limit},
          {"exposure", report.exposure},         {"remaining_capacity", report.remaining_capacity},
          {"annual_fees", report.annual_fees}};
}

}  // namespace ecosol::finance
