#pragma once

// Trends from the store (docs/ecosystem.md, "Trends"): births, deaths, active organisations and
// yearly indicators of a territory's actors as a reader sees them.
//
//   TrendsQuery q;
//   q.territory = "GB/wales";
//   q.dimension = "sector";
//   auto trends = TrendsFor(store, scope, q);     // NotFound for an unknown territory
//
// Errors are values: InvalidArgument as ComputeTrends says, NotFound for an unknown territory.
// Thread safety: free functions over the caller's store connection.

#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/ecosystem/trends.h"
#include "ecosol/store/store.h"

namespace ecosol::ecosystem {

// The trends of the actors `scope`'s reader sees, with the indicators of those actors. A
// territory in the query must be known (its name goes into the sentences); an empty one means
// the whole registry.
Result<Trends> TrendsFor(store::Store& store, const SnapshotScope& scope, TrendsQuery query);

// "turnover, employees" -> {"turnover", "employees"} (spaces trimmed, empty names skipped).
std::vector<std::string> ParseNameList(std::string_view list);

}  // namespace ecosol::ecosystem
