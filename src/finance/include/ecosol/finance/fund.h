#pragma once

// Funds and capital stacks (docs/finance.md ("Funds, capital stacks and match funding"); issue 8
// point 4; DOMAIN.md section 5).
//
// A fund is a stack of tranches of capital, each with what was committed, what was drawn, a target
// return (none for a grant) and a loss order: 1 absorbs losses first (first-loss capital), then 2,
// and so on; tranches sharing an order are pari passu and share losses pro rata to what they drew.
//
//   auto fund = ParseFund(json::parse(R"({"id": "ssf-demo", "tranches": [
//       {"id": "grant", "source": "private", "instrument": "grant", "committed": 100000,
//        "drawn": 100000, "target_return": null, "loss_order": 1},
//       {"id": "senior", "source": "private", "instrument": "senior_debt",
//        "committed": 900000, "drawn": 900000, "target_return": 0.04, "loss_order": 2}]})"));
//   auto w = AllocateLoss(*fund, 150000);  // grant loses 100000, senior 50000
//   WaterfallToJson(*w);                   // a table for the capital-stack chart
//   auto d = DistributeGain(*fund, 30000, ResidualPolicy::kRetained);  // senior's 4%: 36000 due
//   CheckLeverage(*fund, CanadaSocialFinanceFundLeverage()).passes;
//
// Money is integer minor units (cents) everywhere, in structs and in JSON, so that sums are exact
// and every split is shown to the cent; shares and rates are doubles (0.05 = 5%).
// Errors name the path and the fix: "fund 'x': tranches[2]: id 'senior' is used twice; give each
// tranche its own id". Pure functions over value types; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

// Where a tranche's money comes from, for the leverage rule. Philanthropic money (foundations,
// donors) is private: it is not public money (Canada's Social Finance Fund counts it so).
enum class CapitalSource { kPublic, kPrivate };
std::string_view ToString(CapitalSource source);

// The instrument, as in the ILO list of mechanisms (DOMAIN.md section 5): grants (often the
// first-loss layer), equity, quasi-equity, subordinated debt and senior debt.
enum class Instrument { kGrant, kEquity, kQuasiEquity, kSubordinatedDebt, kSeniorDebt };
std::string_view ToString(Instrument instrument);

struct Tranche {
  std::string id;
  std::string name;  // for people; defaults to the id
  CapitalSource source = CapitalSource::kPrivate;
  Instrument instrument = Instrument::kSeniorDebt;
  std::int64_t committed = 0;           // cents
  std::int64_t drawn = 0;               // cents, 0 <= drawn <= committed: the capital at risk
  std::optional<double> target_return;  // per period, 0.04 = 4%; none for a grant
  int loss_order = 1;                   // 1 absorbs losses first
};

struct Fund {
  std::string id;
  std::string name;
  std::string currency;  // ISO 4217 code, informative ("CAD")
  std::vector<Tranche> tranches;
};

// Parses and validates a fund: {"id", "name"?, "currency"?, "tranches": [{"id", "name"?,
// "source": "public"|"private", "instrument": "grant"|"equity"|"quasi_equity"|
// "subordinated_debt"|"senior_debt", "committed", "drawn"? (defaults to committed),
// "target_return"? (null or absent: none), "loss_order"}]}. Rejects: no tranches, duplicate or
// empty ids, negative or non-integer amounts, drawn above committed, a loss order below 1, a
// target return outside [0, 1], a grant with a target return.
Result<Fund> ParseFund(const nlohmann::json& doc);
// The same checks on a fund built in code.
Status ValidateFund(const Fund& fund);
// Advice that is not an error: a more senior tranche targeting a higher return than a more
// junior one (juniors are paid for taking losses first, GIIN 2013). Empty when none.
std::vector<std::string> StackWarnings(const Fund& fund);

// One row of the loss table (a bar of the capital-stack chart).
struct TrancheLoss {
  std::string id;
  int loss_order = 1;
  std::int64_t amount = 0;      // drawn
  std::int64_t absorbed = 0;    // loss it takes
  std::int64_t remaining = 0;   // amount - absorbed
  double share_lost = 0.0;      // absorbed / amount; 0 when amount is 0
  std::int64_t attachment = 0;  // fund loss at which it starts to lose
  std::int64_t detachment = 0;  // fund loss at which it is wiped out
};

struct LossWaterfall {
  std::string fund_id;
  std::int64_t loss = 0;              // the loss asked about
  std::int64_t total = 0;             // total drawn capital
  std::int64_t absorbed = 0;          // min(loss, total)
  std::int64_t unabsorbed = 0;        // loss beyond all capital (0 unless the fund is wiped out)
  std::vector<TrancheLoss> tranches;  // in loss order, then input order
};

// Who absorbs a portfolio loss of `loss` cents (>= 0; InvalidArgument otherwise): tranche by
// tranche in loss order, pari passu groups pro rata to drawn (largest remainder to the cent).
// `fund` must be valid (ValidateFund).
Result<LossWaterfall> AllocateLoss(const Fund& fund, std::int64_t loss);

// What is left after every tranche's target return is paid.
enum class ResidualPolicy {
  kRetained,    // kept by the fund (revolving funds recycle surplus: ILO 2019)
  kProRata,     // to every tranche with a target return, pro rata to drawn
  kMostJunior,  // to the most junior tranche(s) with a target return (the equity-like upside)
};
std::string_view ToString(ResidualPolicy policy);
Result<ResidualPolicy> ParseResidualPolicy(std::string_view name);

struct TrancheGain {
  std::string id;
  int loss_order = 1;
  std::int64_t due = 0;        // round(drawn * target_return); 0 for a grant
  std::int64_t paid = 0;       // towards `due`
  std::int64_t shortfall = 0;  // due - paid
  std::int64_t residual = 0;   // share of the residual
};

struct GainDistribution {
  std::string fund_id;
  std::int64_t gain = 0;
  ResidualPolicy policy = ResidualPolicy::kRetained;
  std::int64_t retained = 0;          // residual kept by the fund
  std::vector<TrancheGain> tranches;  // in payment order: most senior first
};

// Distributes a period's gain (>= 0) in priority order, the reverse of the loss order: the most
// senior tranche is paid its target return first, then the next; pari passu groups pro rata to
// what is due. The residual follows `policy`. Returns on capital only, not repayment of principal.
Result<GainDistribution> DistributeGain(const Fund& fund, std::int64_t gain, ResidualPolicy policy);

// The leverage rule: private money per unit of public money, on committed or drawn amounts.
struct LeverageRule {
  double min_private_per_public = 2.0;
  bool on_drawn = false;  // false: committed amounts
  std::string source;
};
// At least $2 of private capital per $1 of public money (Canada, Social Finance Fund; DOMAIN.md
// section 5), on committed amounts.
LeverageRule CanadaSocialFinanceFundLeverage();
// {"min_private_per_public": 2, "basis": "committed"|"drawn", "source": "..."}.
Result<LeverageRule> ParseLeverageRule(const nlohmann::json& doc);

struct LeverageCheck {
  std::int64_t public_amount = 0;
  std::int64_t private_amount = 0;
  std::optional<double> ratio;      // private / public; none when there is no public money
  std::int64_t private_needed = 0;  // ceil(min * public)
  std::int64_t shortfall = 0;       // max(0, needed - private)
  bool passes = false;              // private >= needed (always true without public money)
  LeverageRule rule;
};
LeverageCheck CheckLeverage(const Fund& fund, const LeverageRule& rule);

nlohmann::json FundToJson(const Fund& fund);
nlohmann::json WaterfallToJson(const LossWaterfall& waterfall);
nlohmann::json GainDistributionToJson(const GainDistribution& distribution);
nlohmann::json LeverageCheckToJson(const LeverageCheck& check);

}  // namespace ecosol::finance
