#pragma once

// Non-ranked methods and what every tally shares (tally.h): consent, single choice, approval,
// score, dot vote; participatory budgeting; stakeholder colleges and their presets; the ballot
// summary, quorum and threshold. Private to the module: Tally() calls them.

#include <nlohmann/json.hpp>

#include "ecosol/base/status.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {

// Checks the colleges against the preset and sets each ballot's weight so that each college
// weighs its share whatever its turnout (abstentions and empty colleges as the input's policies
// say). Without colleges every weight stays 1.
Status ApplyColleges(TallyInput& input);

// Consent, single choice, approval, score and dot vote: winners and details ("totals",
// "colleges": per college the counts and its weighted share...).
Result<nlohmann::json> TallyChoices(const TallyInput& input);

// Budget greedy and Method of Equal Shares: the funded options, their cost, the budget left,
// and the rounds.
Result<nlohmann::json> TallyBudget(const TallyInput& input);

// {"cast", "by_channel": {...}, "by_college": {...}} over every channel.
nlohmann::json BallotSummary(const TallyInput& input);
// {"met", "needed": {...}, "cast", ...}: the quorum over every channel merged.
nlohmann::json QuorumResult(const TallyInput& input);

}  // namespace ecosol::participation
