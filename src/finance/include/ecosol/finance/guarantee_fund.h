#pragma once

// Guarantee funds: a fund guarantees part of the loans a bank makes to SSE organisations
// (docs/finance.md, "Loan book"; DOMAIN.md section 5: "guarantee funds (e.g. up to 65% of a bank
// loan)", ILO 2019).
//
//   auto input = ParseGuaranteeFund(doc);   // {"fund": {...}, "guarantees": [...], "calls": [...]}
//   auto report = EvaluateGuaranteeFund(*input);
//   report->calls[0].paid;                  // what the fund pays the bank
//   report->calls[0].limited_by;            // "coverage", "per_loan_cap" or "fund_capital"
//   report->remaining_capacity;             // how much more it can guarantee
//
// Rules (each a parameter the fund's own statutes or agreement with the bank sets):
// - guaranteed amount of a loan = min(coverage x outstanding principal, per-loan cap);
// - exposure = the sum of the guaranteed amounts of the loans not yet called; it may not exceed
//   leverage x capital (the fund's multiplier); remaining capacity = that limit - exposure;
// - fee = annual fee rate x guaranteed amount, per year;
// - call on default: the fund pays min(coverage x loss, per-loan cap, capital left) where loss is
//   the principal the bank could not recover; the capital falls by what is paid, and so does
//   the limit (leverage x capital).
// Amounts in minor units, rounded half away from zero. Pure functions; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

struct GuaranteeFundTerms {
  std::int64_t capital = 0;       // the fund's own money, > 0
  double leverage = 1;            // exposure <= leverage x capital; >= 1
  double coverage = 0;            // share of a loan guaranteed, 0 < coverage <= 1 (e.g. 0.65)
  std::int64_t per_loan_cap = 0;  // largest guaranteed amount per loan; 0 = no cap
  double annual_fee_rate = 0;     // e.g. 0.01 = 1% of the guaranteed amount a year
};

struct GuaranteedLoan {
  std::string loan_id;
  std::int64_t outstanding = 0;  // principal still owed to the bank
};

// A default: the bank lost `loss` of principal on the loan (after its own recoveries).
struct GuaranteeCall {
  std::string loan_id;
  std::int64_t loss = 0;
};

struct GuaranteeFundInput {
  GuaranteeFundTerms fund;
  std::vector<GuaranteedLoan> guarantees;
  std::vector<GuaranteeCall> calls;  // in the order they are made
};

struct GuaranteeLine {
  std::string loan_id;
  std::int64_t guaranteed = 0;
  std::int64_t annual_fee = 0;
  bool called = false;
};

struct CallResult {
  std::string loan_id;
  std::int64_t loss = 0;
  std::int64_t covered = 0;       // coverage x loss
  std::int64_t paid = 0;          // after the caps
  std::string limited_by;         // "coverage" (no cap bit), "per_loan_cap" or "fund_capital"
  std::int64_t lender_bears = 0;  // loss - paid
};

struct GuaranteeFundReport {
  std::vector<GuaranteeLine> guarantees;
  std::vector<CallResult> calls;
  std::int64_t capital_left = 0;        // capital - calls paid
  std::int64_t limit = 0;               // leverage x capital_left
  std::int64_t exposure = 0;            // guaranteed amounts of loans not called
  std::int64_t remaining_capacity = 0;  // limit - exposure; negative when over the limit
  std::int64_t annual_fees = 0;
};

// InvalidArgument for bad terms, negative amounts, a call on a loan the fund does not guarantee,
// a loan called twice or a guarantee that would take exposure over the limit when issued.
Result<GuaranteeFundReport> EvaluateGuaranteeFund(const GuaranteeFundInput& input);

Result<GuaranteeFundInput> ParseGuaranteeFund(const nlohmann::json& doc);
nlohmann::json GuaranteeFundReportToJson(const GuaranteeFundReport& report);

}  // namespace ecosol::finance
