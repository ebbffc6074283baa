#pragma once

// What the store keeps for ecosystem analytics:
// - perception assessments of a territory's building blocks (migration 11), one per rater and
//   date. A rater scores the statements of a building-blocks framework
//   (frameworks/building-blocks.yaml) from 0 to 10, or gives no answer. The scoring rules live in
//   ecosystem/blocks.h; the store checks only that ids are given.
// - the offers and wants of actors (migration 12), for partner matching (ecosystem/partners.h),
//   versioned: every change is a new version and the earlier ones are kept.

#include <map>
#include <optional>
#include <string>

namespace ecosol::store {

struct PerceptionAssessment {
  std::string id;          // "pa-..."
  std::string territory;   // territory id: "CA/QC"
  std::string rater;       // a user id or a name
  std::string rater_role;  // "network", "public_body", "researcher", "funder", ...
  std::string date;        // ISO date of the rating
  std::string framework;   // "building-blocks"
  // Statement id -> score 0..10; nullopt: "no answer" (excluded from means).
  std::map<std::string, std::optional<double>> scores;
  bool deleted = false;  // deleted assessments are kept and can be restored
  bool operator==(const PerceptionAssessment&) const = default;
};

// An offer or a want of an actor, kept as its JSON document (the Murmurations offers_wants shape
// with Ecosol's block and asset type; ecosystem/partners.h reads and checks it).
struct OfferWantRecord {
  std::string id;             // "ow-..."
  std::string actor_id;       // whose offer or want
  std::string exchange_type;  // "offer" | "want"
  std::string doc;            // a JSON object
  long long version = 0;      // 1 for the first; set by the store
  bool deleted = false;       // a deleted one is a version too, and can be restored
  std::string updated_at;     // ISO timestamp of this version
  std::string updated_by;     // "user:<id>", "import", "seed", ...
  bool operator==(const OfferWantRecord&) const = default;
};

}  // namespace ecosol::store
