// The JSON form of co-op share capital and its withdrawal plan (share_capital.h).

#include <nlohmann/json.hpp>

#include "ecosol/finance/share_capital.h"
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

struct Line {
  std::string member;
  std::int64_t amount = 0;
  LoanDate date{};
};

// Reads [{"member", "amount", "date"}] under `key`.
Result<std::vector<Line>> ParseLines(const json& doc, const std::string& key) {
  std::vector<Line> out;
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return out;
  if (!it->is_array()) return InvalidArgument(key + ": expected an array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string where = key + "[" + std::to_string(i) + "]";
    ECOSOL_RETURN_IF_ERROR(RequireObject((*it)[i], where));
    auto member = ReadString((*it)[i], "member", where, true);
    if (!member.ok()) return member.status();
    auto amount = ReadAmount((*it)[i], "amount", where, true);
    if (!amount.ok()) return amount.status();
    auto date = ReadDate((*it)[i], "date", where, true);
    if (!date.ok()) return date.status();
    out.push_back({**member, **amount, **date});
  }
  return out;
}

Result<WithdrawalRules> ParseRules(const json& doc) {
  WithdrawalRules rules;
  auto it = doc.find("rules");
  if (it == doc.end() || it->is_null()) return rules;
  ECOSOL_RETURN_IF_ERROR(RequireObject(*it, "rules"));
  auto notice = ReadInt(*it, "notice_months", "rules", false);
  if (!notice.ok()) return notice.status();
  rules.notice_months = notice->value_or(0);
  auto limit = ReadNumber(*it, "annual_limit", "rules", false);
  if (!limit.ok()) return limit.status();
  rules.annual_limit = limit->value_or(1.0);
  auto horizon = ReadInt(*it, "horizon_years", "rules", false);
  if (!horizon.ok()) return horizon.status();
  rules.horizon_years = horizon->value_or(10);
  return rules;
}

}  // namespace

Result<ShareCapitalInput> ParseShareCapital(const json& doc) {
  ECOSOL_RETURN_IF_ERROR(RequireObject(doc, "input"));
  ShareCapitalInput in;
  auto shares = ParseLines(doc, "shares");
  if (!shares.ok()) return shares.status();
  for (Line& l : *shares) in.shares.push_back({l.member, l.amount, l.date});
  auto requests = ParseLines(doc, "requests");
  if (!requests.ok()) return requests.status();
  for (Line& l : *requests) in.requests.push_back({l.member, l.amount, l.date});
  auto rules = ParseRules(doc);
  if (!rules.ok()) return rules.status();
  in.rules = *rules;
  return in;
}

json WithdrawalPlanToJson(const WithdrawalPlan& plan) {
  json payouts = json::array();
  for (const SharePayout& p : plan.payouts) {
    payouts.push_back({{"request", p.request},
                       {"member", p.member},
                       {"amount", p.amount},
                       {"paid_on", FormatLoanDate(p.paid_on)}});
  }
  json years = json::array();
  for (const ShareYear& y : plan.years) {
    years.push_back({{"year", y.year},
                     {"capital_at_start", y.capital_at_start},
                     {"limit", y.limit},
                     {"paid", y.paid}});
  }
  json unpaid = json::array();
  for (const UnpaidRequest& u : plan.unpaid) {
    unpaid.push_back({{"request", u.request}, {"member", u.member}, {"amount", u.amount}});
  }
  return {
      {"payouts", std::move(payouts)}, {"years", std::move(years)}, {"unpaid", std::move(unpaid)}};
}

}  // namespace ecosol::finance
