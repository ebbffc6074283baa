#pragma once

// A case of social innovation (docs/knowledge.md, "Case documents"): what it is, who made it, what
// it achieved, and, for transfer analysis, its origin context and its core elements, each with
// the features of the context it relies on (ASTAIRE's mechanism mapping, DOMAIN.md section 4).
//
//   {"id": "qc-housing-coop", "title": {"en": "Credit-union-backed housing co-operative"},
//    "summary": {"en": "..."}, "stage": "impact", "countries": ["CA"], "sdgs": [1, 11],
//    "outcomes": [{"text": {"en": "..."}, "evidence": "evaluation",
//                  "sources": [{"title": "...", "url": "https://...", "year": 2021}]}],
//    "origin": {...a context profile...},
//    "core_elements": [
//      {"id": "member_loans", "label": {"en": "Members' mortgage from the credit union"},
//       "description": {"en": "..."},
//       "relies_on": [
//         {"feature": "finance_mechanisms", "op": "includes", "value": "credit_union",
//          "why": "the co-op's mortgage is lent by the caisse"},
//         {"feature": "trust", "op": "at_least", "value": "medium", "severity": "high"}]}]}
//
// Only `id` (a-z, 0-9, '.', '_', '-'; at most 128 characters, starting with a letter or digit)
// and `title` are required. A Text is a map {language code: text} with at least one non-empty
// entry; any lower-case language code is accepted ("en", "ar", "pt-br", "und" when unknown).
// Enumerated fields take the values AllowedValues() lists; countries are ISO 3166-1 alpha-2
// codes, SDGs 1 to 17; themes and methods are trimmed and ASCII lower-cased, duplicates dropped.
// Keys the document model does not know are ignored.
//
// Ops by feature type: at_least / at_most (shares, numbers, levels), is (levels, choices,
// bools), in (levels, choices; a list of values), includes (lists; one value or a list, all
// needed), includes_any (lists; a list, one of them needed). `severity` (low, medium, high)
// overrides the flag's default severity. A case without core elements has nothing a transfer
// analysis could check (AnalyseTransfer refuses it).
// Errors name the path: "case 'x': core element 'y': relies_on[2]: unknown feature 'trsut'",
// "case 'x': outcomes[1]: evidence 'stron' is not one of anecdotal, monitoring, evaluation,
// experimental". Thread safety: value types.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/context.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge {

enum class DependencyOp { kAtLeast, kAtMost, kIs, kIn, kIncludes, kIncludesAny };
std::string_view ToString(DependencyOp op);

struct Dependency {
  std::string feature;
  DependencyOp op = DependencyOp::kIs;
  FeatureValue value;  // a list of strings for kIn, kIncludesAny and a list kIncludes
  std::string why;     // the case author's reason, in their language
  std::optional<Severity> severity;
};

struct CoreElement {
  std::string id;
  Text label;
  Text description;  // empty when not given
  std::vector<Dependency> relies_on;
};

// The enumerations of the case document; AllowedValues gives each one's values, in one table.
enum class CaseVocabulary {
  kActorRole,      // actors[].role
  kStage,          // stage (SI-DRIVE)
  kPolicyField,    // policy_field (SI-DRIVE)
  kSiDrive,        // the keys of si_drive
  kEvidence,       // outcomes[].evidence
  kScalingPath,    // scaling[].path
  kStrength,       // strength.level
  kKnowledge,      // provenance[].knowledge
  kParticipation,  // provenance[].participation
  kCaseType,       // type
};
const std::vector<std::string>& AllowedValues(CaseVocabulary vocabulary);

struct CaseActor {
  std::string name;
  std::string actor_id;  // a registry actor, when known
  std::string role;      // CaseVocabulary::kActorRole, or empty
};

struct SourceRef {  // a publication backing an outcome
  std::string title;
  std::string url;
  std::optional<int> year;
};

struct CaseOutcome {
  Text text;
  std::string evidence;  // CaseVocabulary::kEvidence, or empty
  std::vector<SourceRef> sources;
};

struct ScalingPath {
  std::string path;  // CaseVocabulary::kScalingPath
  Text text;
};

struct Strength {
  std::string level;        // CaseVocabulary::kStrength
  std::string framework;    // the assessing framework's id ("social-innovation-strength")
  std::string assessed_at;  // YYYY-MM-DD, or empty
  Text reasons;
};

// Who knows a claim of the case, and how they took part (co-construction, DOMAIN.md s.4/6).
struct Provenance {
  std::string claim;      // "summary", "outcomes[0]", "core_elements.<id>", "si_drive.concepts"...
  std::string knowledge;  // CaseVocabulary::kKnowledge, or empty
  std::vector<std::string> contributors;
  std::string participation;  // CaseVocabulary::kParticipation, or empty
};

struct Location {
  double lat = 0;
  double lon = 0;
};

// Where a document came from when it was imported.
struct CaseSource {
  std::string name;  // "UNDP SDG Innovation Commons"; required when a source is given
  std::string id;
  std::string url;
  std::string licence;
};

struct Case {
  std::string id;
  Text title;
  Text summary;  // empty Texts were not given
  Text problem;
  std::vector<Text> root_causes;
  Text model;
  std::vector<CoreElement> core_elements;
  std::vector<CaseActor> actors;
  std::string stage;                     // CaseVocabulary::kStage, or empty
  std::string policy_field;              // CaseVocabulary::kPolicyField, or empty
  std::map<std::string, Text> si_drive;  // CaseVocabulary::kSiDrive -> text
  std::vector<CaseOutcome> outcomes;
  std::vector<ScalingPath> scaling;
  std::optional<Strength> strength;
  std::vector<Provenance> provenance;
  ContextProfile origin;               // nothing known when not given
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, upper case
  std::vector<int> sdgs;               // 1..17
  std::vector<std::string> themes;     // lower case
  std::vector<std::string> methods;    // lower case
  std::string type;                    // CaseVocabulary::kCaseType, or empty
  std::optional<int> year;
  std::optional<Location> location;
  std::optional<CaseSource> source;
  Text text;  // long body text, searchable
};

// True when `id` may name a case: [a-z0-9][a-z0-9._-]{0,127}.
bool IsValidCaseId(std::string_view id);

// Reads and checks a case document; the framework checks the origin and the dependencies.
Result<Case> ParseCase(const TransferFramework& framework, const nlohmann::json& doc);
// The document again, in canonical form (fields not given are left out): ParseCase of the result
// gives the same Case.
nlohmann::json CaseToJson(const TransferFramework& framework, const Case& c);

}  // namespace ecosol::knowledge
