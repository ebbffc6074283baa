#pragma once

// Merging the records of one organisation, and undoing it.
//
// A merge keeps one actor, the survivor, and folds the others into it:
// - each data field takes the value of the record whose source the survivorship rules rank
//   first for that field (ties: the survivor's own value, then the most recently sourced);
//   list fields (activities, structures, ...) take the union; map fields (names, descriptions,
//   contacts, attributes) are decided key by key; the field keeps its value's provenance;
// - the survivor takes the merged records' identifiers (an identifier in a scheme where the
//   survivor already has another value stays with its merged record);
// - visibility becomes the most restrictive of the records';
// - relationships of the merged records are moved to the survivor (a relationship that would
//   join the survivor to itself is deleted);
// - each merged record is kept, deleted (restorable) with attributes.merged_into naming the
//   survivor, so that every source record and its provenance stay in the registry.
// Everything is written in one transaction as new versions, and the merge record (store/
// resolution.h) says what changed, so that UnmergeActors can undo it.
//
//   MergeRequest r;
//   r.survivor = "cuk-r000123";
//   r.merged = {"essglobal-42"};
//   auto merge = registry.MergeActors(r);

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/registry/dedup.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/resolution.h"
#include "ecosol/store/store.h"

namespace ecosol::registry {

// Which source wins for which field. A list of source patterns, most trusted first: a pattern
// matches a provenance source equal to it or starting with it followed by '-' ("coops-uk"
// matches "coops-uk-standard-2023"); "*" matches any source. Sources no pattern matches rank
// last.
struct SurvivorshipRules {
  std::vector<std::string> default_order = {"*"};
  std::map<std::string, std::vector<std::string>> fields;  // field (JSON name) -> order

  // Registered facts (name, legal form, founding and dissolution dates) from the Co-operatives
  // UK register first; every other field from any source alike.
  static SurvivorshipRules Default();
  const std::vector<std::string>& OrderFor(const std::string& field) const;
  // 0 for the first pattern, ...; the number of patterns when none matches.
  size_t Rank(const std::string& field, const std::string& source) const;
};
// Whether survivorship decides `field` (a JSON name): the data fields but kind, territory,
// identifiers and visibility, which follow rules of their own.
bool IsSurvivorshipField(const std::string& field);
// {"default": [...], "fields": {"name": [...], ...}}; unknown keys and fields are errors.
Result<SurvivorshipRules> SurvivorshipRulesFromJson(const nlohmann::json& j);
nlohmann::json SurvivorshipRulesToJson(const SurvivorshipRules& rules);

struct MergeRequest {
  std::string survivor;
  std::vector<std::string> merged;  // at least one, none the survivor, no repeats
  SurvivorshipRules rules = SurvivorshipRules::Default();
  // Compute the merge (MergeRecord::doc, the survivor's new state in doc["result"]) without
  // writing anything.
  bool dry_run = false;
};

// {"id", "survivor", "merged": [...], "created_at", "who", "undone_at" (or null), "undone_by",
// "rules", "fields": [{"field", "from", "source"}...], "identifiers": [...], "result" (dry runs)}:
// the form of the HTTP API and of `ecosol merge --json`.
nlohmann::json MergeRecordToJson(const store::MergeRecord& record);

// The candidate clusters stewards still have to review: FindDuplicates without the pairs a
// steward decided are distinct (a cluster held together only by such pairs splits or goes).
Result<std::vector<DuplicateCluster>> PendingDuplicates(store::Store& store,
                                                        const DedupOptions& options);
// Records that two actors are distinct (or, with `distinct` false, forgets that decision).
// InvalidArgument for the same id twice; NotFound for an unknown actor or decision.
Status DecideDistinct(store::Store& store, const std::string& a, const std::string& b,
                      bool distinct, const std::string& who, const std::string& at);

}  // namespace ecosol::registry
