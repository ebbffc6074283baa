#pragma once

// What the store keeps for ecosystem assessments (migration 11): perception assessments of a
// territory's building blocks, one per rater and date. A rater scores the statements of a
// building-blocks framework (frameworks/building-blocks.yaml) from 0 to 10, or gives no answer.
// The scoring rules live in ecosystem/blocks.h; the store checks only that ids are given.

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

}  // namespace ecosol::store
