// Guarantee fund arithmetic (guarantee_fund.h); rules and sources in docs/finance.md ("Loan book").

#include "ecosol/finance/guarantee_fund.h"

#include <algorithm>

#include "ecosol/finance/loan_schedule.h"

namespace ecosol::finance {
namespace {

std::string Str(std::int64_t v) { return std::to_string(v); }

Status ValidateTerms(const GuaranteeFundTerms& f) {
  if (f.capital <= 0)
    return InvalidArgument("fund.capital: must be positive, got " + Str(f.capital));
  if (!(f.leverage >= 1 && f.leverage <= 100)) {
    return InvalidArgument("fund.leverage: expected a multiplier from 1 to 100, got " +
                           std::to_string(f.leverage));
  }
  if (!(f.coverage > 0 && f.coverage <= 1)) {
    return InvalidArgument(
        "fund.coverage: expected a fraction above 0 and at most 1 (0.65 for "
        "65%), got " +
        std::to_string(f.coverage));
  }
  if (f.per_loan_cap < 0) {
    return InvalidArgument("fund.per_loan_cap: must not be negative (0 = no cap), got " +
                           Str(f.per_loan_cap));
  }
  if (!(f.annual_fee_rate >= 0 && f.annual_fee_rate < 1)) {
    return InvalidArgument("fund.annual_fee_rate: expected a fraction from 0 to 1, got " +
                           std::to_string(f.annual_fee_rate));
  }
  return Status::Ok();
}

// min(coverage x outstanding, per-loan cap).
std::int64_t Guaranteed(const GuaranteeFundTerms& f, std::int64_t outstanding) {
  const std::int64_t covered = RoundMinor(f.coverage * static_cast<double>(outstanding));
  return f.per_loan_cap > 0 ? std::min(covered, f.per_loan_cap) : covered;
}

std::int64_t Limit(const GuaranteeFundTerms& f, std::int64_t capital) {
  return RoundMinor(f.leverage * static_cast<double>(capital));
}

GuaranteeLine* Find(GuaranteeFundReport& report, const std::string& loan_id) {
  for (GuaranteeLine& line : report.guarantees) {
    if (line.loan_id == loan_id) return &line;
  }
  return nullptr;
}

Status Issue(const GuaranteeFundInput& in, GuaranteeFundReport& report) {
  for (size_t i = 0; i < in.guarantees.size(); ++i) {
    const GuaranteedLoan& g = in.guarantees[i];
    const std::string where = "guarantees[" + std::to_string(i) + "]";
    if (g.outstanding < 0) {
      return InvalidArgument(where + ".outstanding: must not be negative, got " +
                             Str(g.outstanding));
    }
    if (g.loan_id.empty() || Find(report, g.loan_id) != nullptr) {
      return InvalidArgument(where + ".loan_id: \"" + g.loan_id +
                             "\" is empty or guaranteed twice; give each loan one guarantee");
    }
    GuaranteeLine line;
    line.loan_id = g.loan_id;
    line.guaranteed = Guaranteed(in.fund, g.outstanding);
    line.annual_fee = RoundMinor(in.fund.annual_fee_rate * static_cast<double>(line.guaranteed));
    report.exposure += line.guaranteed;
    if (report.exposure > report.limit) {
      return InvalidArgument(where + ": guaranteeing " + Str(line.guaranteed) + " for loan \"" +
                             g.loan_id + "\" takes exposure to " + Str(report.exposure) +
                             ", over the fund's limit of " + Str(report.limit) +
                             " (leverage x capital); refuse it or raise the fund's capital");
    }
    report.annual_fees += line.annual_fee;
    report.guarantees.push_back(line);
  }
  return Status::Ok();
}

// Pays coverage x loss, at most the guaranteed amount (so the per-loan cap) and at most the
// capital left.
Status Call(const GuaranteeFundInput& in, size_t i, GuaranteeFundReport& report) {
  const GuaranteeCall& call = in.calls[i];
  const std::string where = "calls[" + std::to_string(i) + "]";
  GuaranteeLine* line = Find(report, call.loan_id);
  if (line == nullptr || line->called) {
    return InvalidArgument(where + ".loan_id: \"" + call.loan_id + "\" is " +
                           (line == nullptr ? "not guaranteed by the fund" : "already called") +
                           "; check the loan id");
  }
  const std::int64_t outstanding =
      in.guarantees[static_cast<size_t>(line - report.guarantees.data())].outstanding;
  if (call.loss <= 0 || call.loss > outstanding) {
    return InvalidArgument(where + ".loss: expected more than 0 and at most the " +
                           Str(outstanding) + " outstanding, got " + Str(call.loss));
  }
  CallResult r{
      call.loan_id, call.loss, RoundMinor(in.fund.coverage * static_cast<double>(call.loss)), 0,
      "coverage",   0};
  r.paid = r.covered;
  if (r.paid > line->guaranteed) {
    r.paid = line->guaranteed;
    r.limited_by = "per_loan_cap";
  }
  if (r.paid > report.capital_left) {
    r.paid = report.capital_left;
    r.limited_by = "fund_capital";
  }
  r.lender_bears = r.loss - r.paid;
  report.capital_left -= r.paid;
  report.exposure -= line->guaranteed;
  report.annual_fees -= line->annual_fee;
  line->called = true;
  report.calls.push_back(r);
  return Status::Ok();
}

}  // namespace

Result<GuaranteeFundReport> EvaluateGuaranteeFund(const GuaranteeFundInput& input) {
  ECOSOL_RETURN_IF_ERROR(ValidateTerms(input.fund));
  GuaranteeFundReport report;
  report.capital_left = input.fund.capital;
  report.limit = Limit(input.fund, input.fund.capital);
  ECOSOL_RETURN_IF_ERROR(Issue(input, report));
  for (size_t i = 0; i < input.calls.size(); ++i) {
    ECOSOL_RETURN_IF_ERROR(Call(input, i, report));
  }
  report.limit = Limit(input.fund, report.capital_left);
  report.remaining_capacity = report.limit - report.exposure;
  return report;
}

}  // namespace ecosol::finance
