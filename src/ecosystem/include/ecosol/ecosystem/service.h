#pragma once

// Loading the ecosystem from the store: the actors a reader may see, as they see them, and the
// relationships between them, then the network and its measures.
//
//   SnapshotScope scope;                          // the public's view
//   auto snapshot = LoadSnapshot(store, scope);
//   auto report = NetworkReport(*snapshot, filter, options);   // MetricsToJson + "filter"
//
// A relationship is part of a reader's snapshot when the reader may see both of its actors.

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/metrics.h"
#include "ecosol/ecosystem/network.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"
#include "ecosol/store/store.h"

namespace ecosol::ecosystem {

// Whose view of the registry a snapshot takes.
struct SnapshotScope {
  store::Audience audience;  // default: the public
  // How an actor appears to the reader: nullopt when it may not see it. Empty: the public view
  // (registry::PublicView) for a public-only audience, the actor as stored otherwise.
  std::function<std::optional<model::Actor>(model::Actor)> view;
  int page_size = 2000;  // stored documents read per store query
};

struct Snapshot {
  std::vector<model::Actor> actors;                // as the reader sees them, in id order
  std::vector<model::Relationship> relationships;  // between those actors, in id order
};

// Reads the snapshot; stops at the first store error.
Result<Snapshot> LoadSnapshot(store::Store& store, const SnapshotScope& scope);

// Checks a filter: the day is an ISO date (YYYY-MM-DD) and the territory, when given, is a
// territory id ("CA", "CA/QC"). InvalidArgument says what is wrong and how to write it.
Status CheckFilter(const NetworkFilter& filter);

// The measures of the filtered network: MetricsToJson's document with "filter"
// ({"territory", "types", "as_of", "with_partners"}) added.
Result<nlohmann::json> NetworkReport(const Snapshot& snapshot, const NetworkFilter& filter,
                                     const MetricsOptions& options);

// The whole job for one reader: checks the filter and that its territory is known (NotFound
// otherwise), loads the reader's snapshot and reports on it.
Result<nlohmann::json> NetworkReport(store::Store& store, const SnapshotScope& scope,
                                     const NetworkFilter& filter, const MetricsOptions& options);

// Parses a comma-separated list of relationship types ("funds,partner_of"); InvalidArgument
// naming the unknown type and the known ones.
Result<std::vector<model::RelationshipType>> ParseTypeList(std::string_view list);

// Sets the options a caller may choose: betweenness "auto"|"exact"|"sampled", the number of
// sampled sources (0 keeps the default), the seed and the language of the explanations ("en",
// "fr", "es", "pt"). InvalidArgument says which value is wrong and what is expected.
Status SetMetricsOptions(const std::string& betweenness, int samples, uint64_t seed,
                         const std::string& language, MetricsOptions* options);

// The filter as JSON (for reports and the API's answer).
nlohmann::json FilterToJson(const NetworkFilter& filter);

}  // namespace ecosol::ecosystem
