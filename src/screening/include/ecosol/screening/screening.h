#pragma once

// SSE screening: an organisation's profile (the facts it declared, the registry holds, its
// statutes say, or an assessor recorded) evaluated against frameworks, principle by principle.
//
//   auto profile = ParseProfile(json, *catalogue);           // checked against facts.yaml
//   ApplyStatutes(analysis, *catalogue, &*profile);           // statutes win over declarations
//   Screening s = Screen(*profile, *catalogue->Find("un-ilo"), {});
//   s.verdict == Verdict::kInconsistent;                      // with reasons per criterion
//   nlohmann::json out = ToJson(s, "fr");
//
// A missing fact is never a pass or a fail: criteria reading it are insufficient_evidence
// (docs/frameworks-format.md has the aggregation). Pure functions over immutable inputs:
// thread-safe.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/screening/framework.h"
#include "ecosol/text/statutes.h"

namespace ecosol::screening {

enum class CriterionStatus { kMet, kNotMet, kInsufficientEvidence, kNotApplicable };
enum class PrincipleStatus { kMet, kPartlyMet, kNotMet, kInsufficientEvidence };
enum class Verdict {
  kConsistent,
  kPartiallyConsistent,
  kInconsistent,
  kInsufficientEvidence,
  kNotApplicable
};
std::string_view ToString(CriterionStatus s);
std::string_view ToString(PrincipleStatus s);
std::string_view ToString(Verdict v);
std::optional<Verdict> ParseVerdict(std::string_view name);

// Where a fact came from. `source` is declared | registry | statutes | assessor; statutes facts
// carry the clause and the span of text that gave them.
struct FactOrigin {
  std::string source = "declared";
  std::string by;           // who recorded it, when known
  std::string date;         // when, when known
  nlohmann::json evidence;  // statutes: {"clause", "polarity", "start", "end", "text"}
};

// A declared fact the statutes contradict.
struct Conflict {
  std::string fact;
  nlohmann::json declared;
  nlohmann::json statutes;
  nlohmann::json evidence;
};

struct Profile {
  std::string subject = "organisation";             // organisation | initiative | programme
  nlohmann::json facts = nlohmann::json::object();  // nested, as in facts.yaml paths
  std::map<std::string, FactOrigin> origins;        // path -> origin (absent: declared)
  std::vector<Conflict> conflicts;
};

// Reads a profile document: the facts of frameworks/facts.yaml as nested JSON, plus optional
// "id", "notes" and "provenance" ({path: {source, by, date}}). Unknown fields, wrong types,
// shares outside 0..1 and values outside an enum are errors naming the path and the fix.
// `default_source` is the origin of facts without provenance.
Result<Profile> ParseProfile(const nlohmann::json& doc, const Catalogue& catalogue,
                             const std::string& default_source = "declared");

// The profile back as a document (facts plus provenance), as ParseProfile reads it.
nlohmann::json ProfileToJson(const Profile& profile);

// Sets the facts the statutes give (frameworks/statutes-facts.yaml); a declared value that
// differs is replaced and recorded in `conflicts`. The first clause setting a fact wins.
void ApplyStatutes(const text::StatutesAnalysis& analysis, const Catalogue& catalogue,
                   Profile* profile);

struct CriterionResult {
  const Criterion* criterion = nullptr;
  CriterionStatus status = CriterionStatus::kInsufficientEvidence;
  std::vector<std::string> missing;  // facts whose absence left it undecided
  std::string error;                 // evaluation error, if any (then insufficient evidence)
};

struct PrincipleResult {
  const Principle* principle = nullptr;
  PrincipleStatus status = PrincipleStatus::kInsufficientEvidence;
  std::vector<CriterionResult> criteria;
};

struct FlagResult {
  std::string id;
  Severity severity = Severity::kStrong;
  const RedFlag* flag = nullptr;     // null for the engine's own flags
  std::vector<std::string> missing;  // for unchecked flags
  nlohmann::json evidence;           // engine flags: their evidence
};

struct Screening {
  const Framework* framework = nullptr;
  Verdict verdict = Verdict::kInsufficientEvidence;
  std::vector<PrincipleResult> principles;
  std::vector<FlagResult> red_flags;        // raised
  std::vector<FlagResult> unchecked_flags;  // could not be checked: facts missing
};

struct ScreenOptions {
  std::vector<std::string> options;  // framework options switched on ("esus")
};

// Evaluates one framework on a profile.
Screening Screen(const Profile& profile, const Framework& framework, const ScreenOptions& options);

// The frameworks to run when none are named: un-ilo and every framework of the profile's
// subject whose applies_when is true for it.
std::vector<const Framework*> DefaultFrameworks(const Profile& profile, const Catalogue& catalogue);

// {"framework", "version", "title", "verdict", "principles": [...], "red_flags": [...],
//  "unchecked_flags": [...]}; texts in `lang` (en, fr, es or pt; others fall back to en).
// Evidence lists each fact a criterion read with its value and origin.
nlohmann::json ToJson(const Screening& screening, const Profile& profile, std::string_view lang);

}  // namespace ecosol::screening
