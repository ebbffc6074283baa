#pragma once

// Ranked methods (tally.h): Borda, instant-runoff, Schulze, STV with reserved seats. Private to
// the module: Tally() calls it for the ranked methods.

#include <nlohmann/json.hpp>

#include "ecosol/base/status.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {

// The winners and the method's details ("rounds", "pairwise", "strongest_paths", "scores"...)
// of a ranked method; each ballot counts count x weight. InvalidArgument for a method that is
// not ranked or an input the method cannot tally (more seats than options...).
Result<nlohmann::json> TallyRanked(const TallyInput& input);

}  // namespace ecosol::participation
