#pragma once

// Co-operative share capital and the planning of members' withdrawals (docs/finance.md, "Loan
// book"). Members' withdrawable shares are the co-op's capital; paying them out is limited by the
// co-op's own rules: a notice period and a cap on what may be withdrawn each year, as a share of
// the capital (the Community Shares Handbook, 2.2.2 "Withdrawable shares": the rules can specify
// "a period of notice of the intention to withdraw, the proportion of total share capital that
// can be withdrawn at any one time", and let the board suspend withdrawals).
//
//   auto input = ParseShareCapital(doc);  // {"shares": [...], "requests": [...], "rules": {...}}
//   auto plan = PlanShareWithdrawals(*input);
//   plan->payouts[0].paid_on;             // when the first request is paid out
//   plan->years[0].limit;                 // annual_limit x capital at 1 January
//
// Plan: requests are served first come, first served (by request date, then input order). A
// request can be paid from its notice end (request date + notice_months). In each calendar year
// the payouts may not exceed annual_limit x the capital on 1 January (shares subscribed before
// that day minus payouts made before it); a request is paid in part when the limit runs out and
// the rest waits for 1 January of the next year, ahead of later requests. Planning stops after
// horizon_years; what is left is reported as unpaid.
// Pure functions; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/finance/loan_schedule.h"

namespace ecosol::finance {

struct MemberShare {
  std::string member;
  std::int64_t amount = 0;  // minor units, > 0
  LoanDate subscribed_on{};
};

struct WithdrawalRequest {
  std::string member;
  std::int64_t amount = 0;  // minor units, > 0, at most what the member holds
  LoanDate requested_on{};
};

// Rules the co-op sets for itself.
struct WithdrawalRules {
  int notice_months = 0;    // 0-120
  double annual_limit = 1;  // fraction of the capital on 1 January, 0 < limit <= 1 (0.10 = 10%)
  int horizon_years = 10;   // 1-100
};

struct ShareCapitalInput {
  std::vector<MemberShare> shares;
  std::vector<WithdrawalRequest> requests;
  WithdrawalRules rules;
};

struct SharePayout {
  std::size_t request = 0;  // index into the input's requests
  std::string member;
  std::int64_t amount = 0;
  LoanDate paid_on{};
};

struct ShareYear {
  int year = 0;
  std::int64_t capital_at_start = 0;
  std::int64_t limit = 0;
  std::int64_t paid = 0;
};

struct UnpaidRequest {
  std::size_t request = 0;
  std::string member;
  std::int64_t amount = 0;  // still to be paid after the horizon
};

struct WithdrawalPlan {
  std::vector<SharePayout> payouts;  // in date order
  std::vector<ShareYear> years;
  std::vector<UnpaidRequest> unpaid;
};

// InvalidArgument for non-positive amounts, bad rules, or a request for more than the member
// holds on the request date (after the member's earlier requests).
Result<WithdrawalPlan> PlanShareWithdrawals(const ShareCapitalInput& input);

Result<ShareCapitalInput> ParseShareCapital(const nlohmann::json& doc);
nlohmann::json WithdrawalPlanToJson(const WithdrawalPlan& plan);

}  // namespace ecosol::finance
