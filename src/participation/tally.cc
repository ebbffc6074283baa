// Tally (tally.h): the colleges' weights, then the method's tally, then the ballots over every
// channel, the quorum and whether a decision was taken.

#include "ecosol/participation/tally.h"

#include "choices.h"
#include "ranked.h"

namespace ecosol::participation {

Result<nlohmann::json> Tally(const TallyInput& given) {
  TallyInput input = given;
  return Tally(std::move(input));
}

Result<nlohmann::json> Tally(TallyInput&& input) {
  ECOSOL_RETURN_IF_ERROR(ApplyColleges(input));
  const bool budgeting =
      input.method == Method::kBudgetGreedy || input.method == Method::kEqualShares;
  Result<nlohmann::json> details = IsRanked(input.method) ? TallyRanked(input)
                                   : budgeting            ? TallyBudget(input)
                                                          : TallyChoices(input);
  if (!details.ok()) return details.status();
  nlohmann::json out = std::move(*details);
  out["method"] = std::string(ToString(input.method));
  out["ballots"] = BallotSummary(input);
  out["quorum"] = QuorumResult(input);
  // Without its quorum a vote decides nothing: the options that lead are kept apart.
  const bool quorum = out["quorum"].value("met", false);
  if (!quorum) {
    out["leading"] = out.value("winners", nlohmann::json::array());
    out["winners"] = nlohmann::json::array();
  }
  const bool threshold = !out.contains("threshold") || out["threshold"].is_null() ||
                         out["threshold"].value("met", false);
  out["decided"] = quorum && threshold && !out["winners"].empty();
  if (!out["decided"].get<bool>()) {
    out["why_undecided"] = !quorum      ? "the quorum was not met"
                           : !threshold ? "no option reached the threshold"
                                        : "no option won";
  }
  return out;
}

}  // namespace ecosol::participation
