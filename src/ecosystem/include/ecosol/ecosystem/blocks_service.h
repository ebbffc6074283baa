#pragma once

// The building blocks of territories from the store (docs/ecosystem-blocks.md, "Through the CLI
// and the API"): a territory's snapshot as a reader sees it, its report, the comparison of
// territories, and the perception assessments raters record, delete and restore.
//
//   auto framework = BlocksFrameworkIn("frameworks");        // loaded once per process
//   SnapshotScope scope;                                      // the public's view
//   auto report = TerritoryBlocks(store, scope, **framework, "CA/QC");
//   auto side_by_side = CompareTerritories(store, scope, **framework, {"CA/QC", "CA/ON"});
//
//   PerceptionInput in{"CA/QC", "researcher", {{"market_access.private_buyers", 7}}};
//   PerceptionAuthor me{"user:usr-1", false, "user:usr-1", "203.0.113.9"};
//   auto recorded = RecordPerception(store, clock, **framework, in, me);
//
// Errors are values: InvalidArgument saying what is wrong and how to write it, NotFound for an
// unknown territory or assessment, PermissionDenied for someone else's assessment.
// Thread safety: free functions over the caller's store connection; BlocksFrameworkIn may be
// called from any thread.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/ecosystem/blocks.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/store/ecosystem.h"
#include "ecosol/store/store.h"

namespace ecosol::ecosystem {

// The file of the building-blocks framework in a frameworks folder.
inline constexpr char kBlocksFrameworkFile[] = "building-blocks.yaml";

// `<frameworks_dir>/building-blocks.yaml`, loaded and checked on the first call for that folder
// and shared afterwards (errors are not kept, so a corrected file is read on the next call).
Result<std::shared_ptr<const BlocksFramework>> BlocksFrameworkIn(const std::string& frameworks_dir);

// ---- reading --------------------------------------------------------------------------------

// A territory of the registry: InvalidArgument for a missing or malformed id, NotFound (naming
// where to list them) for an unknown one.
Result<model::Territory> KnownTerritory(store::Store& store, const std::string& id);

// The territory as `scope`'s reader sees it: the actors placed in it or below, the ties touching
// them, the partners at the other end, the latest value of each indicator of its actors (by
// actor and name), and its non-deleted perception assessments. InvalidArgument for a malformed
// territory id, NotFound for an unknown one.
Result<TerritorySnapshot> LoadTerritorySnapshot(store::Store& store, const SnapshotScope& scope,
                                                const std::string& territory_id);

// The report of one territory (AssessTerritory over LoadTerritorySnapshot).
Result<TerritoryReport> TerritoryBlocks(store::Store& store, const SnapshotScope& scope,
                                        const BlocksFramework& framework,
                                        const std::string& territory_id);

// Two or more territories side by side, in the order given: InvalidArgument for fewer than two
// or a territory named twice; the errors of TerritoryBlocks otherwise. The registry is read once.
Result<Comparison> CompareTerritories(store::Store& store, const SnapshotScope& scope,
                                      const BlocksFramework& framework,
                                      const std::vector<std::string>& territory_ids);

// "CA/QC,CA/ON" -> {"CA/QC", "CA/ON"} (spaces around names trimmed, empty names skipped).
std::vector<std::string> ParseTerritoryList(std::string_view list);

// A short text that changes whenever the perception assessments of these territories or the
// number of indicators in the registry change: what a cached report depends on besides the
// registry's generation (which those writes do not move).
Result<std::string> BlocksInputsStamp(store::Store& store,
                                      const std::vector<std::string>& territory_ids);

// ---- JSON for clients -----------------------------------------------------------------------

// InvalidArgument unless `lang` is en, fr, es or pt.
Status CheckLanguage(const std::string& lang);

// `doc` with every text in four languages (an object with exactly the keys en, fr, es, pt, all
// strings) replaced by its text in `lang`.
nlohmann::json Localize(const nlohmann::json& doc, const std::string& lang);

// What a rating form needs: {id, version, title, scale: {min, max}, blocks: [{id, label,
// oecd_areas, bept_modules, statements: [{id, text}]}], oecd_areas: [{id, label}],
// bept_modules: [{id, label}]}, texts in four languages.
nlohmann::json FrameworkToJson(const BlocksFramework& framework);

// ---- perception assessments -------------------------------------------------------------------

// Who records, deletes or restores an assessment, and how the audit log names them.
struct PerceptionAuthor {
  std::string rater;   // recorded as the assessment's rater: "user:<id>", a name...
  bool admin = false;  // may delete and restore anyone's assessments
  std::string who;     // the audit log's "who": "user:<id>", "cli:<login>"...
  std::string address = "local";
};

// What a rater gives; the id, date and framework are set when it is recorded.
struct PerceptionInput {
  std::string territory;
  std::string rater_role;  // "network", "public_body", "researcher", "funder"...
  std::map<std::string, std::optional<double>> scores;  // statement -> 0..10, or no answer
};

// Reads {territory, rater_role, scores: {statement: number or null}} (a request body or a
// ratings file; a file may also be just the `scores` object when `territory` is given apart).
// InvalidArgument naming the key that is missing or of the wrong type.
Result<PerceptionInput> PerceptionInputFromJson(const nlohmann::json& doc);

// Checks the ratings against the framework (CheckAssessment) and that the territory is known,
// then stores a new assessment (id "pa-<16 hex digits>", today's date from `clock`) with an
// audit entry "perception.add", in one transaction. Nothing is written on error: InvalidArgument
// (no rater, a bad score or statement, no score at all), NotFound (unknown territory).
Result<store::PerceptionAssessment> RecordPerception(store::Store& store, const Clock& clock,
                                                     const BlocksFramework& framework,
                                                     const PerceptionInput& input,
                                                     const PerceptionAuthor& author);

// A territory's assessments, by date then id (the deleted ones too when `with_deleted`).
// NotFound for an unknown territory.
Result<std::vector<store::PerceptionAssessment>> ListPerception(store::Store& store,
                                                                const std::string& territory_id,
                                                                bool with_deleted);

// Deletes (soft: it can be restored) or restores an assessment, with an audit entry
// "perception.delete" / "perception.restore". NotFound for an unknown id; PermissionDenied
// unless `author` recorded it or is an admin; Conflict when it is already deleted (restored).
Result<store::PerceptionAssessment> SetPerceptionDeleted(store::Store& store, const Clock& clock,
                                                         const std::string& id, bool deleted,
                                                         const PerceptionAuthor& author);

// {id, territory, rater (null unless `with_rater`), rater_role, date, framework, scores,
// deleted}.
nlohmann::json PerceptionToJson(const store::PerceptionAssessment& assessment, bool with_rater);

}  // namespace ecosol::ecosystem
