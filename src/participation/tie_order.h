#pragma once

// The one tie-break order of every method (docs/participation.md, "Ties"): without a seed, the
// order in which the options are listed; with a public seed, a random order of the options drawn
// from it. The draw uses fixed, published generators (FNV-1a to seed SplitMix64, then
// Fisher-Yates with rejection sampling) rather than std::hash or <random>'s distributions, whose
// results are implementation-defined, so a seed gives the same order on every machine.

#include <string>
#include <vector>

#include "ecosol/participation/tally.h"

namespace ecosol::participation {

struct TieOrder {
  // place[i]: option i's place in the order (0 is favoured).
  std::vector<int> place;
  std::string rule;  // the order in words, for the result's "tie_break"
};

TieOrder MakeTieOrder(const TallyInput& input);

}  // namespace ecosol::participation
