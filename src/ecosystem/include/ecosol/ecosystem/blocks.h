#pragma once

// The building blocks of a territory's SSE ecosystem and the comparison of territories
// (docs/ecosystem-blocks.md). A framework (frameworks/building-blocks.yaml) names seven blocks,
// their crosswalk to the OECD 2022 policy areas and the Better Entrepreneurship Policy Tool's
// modules, JSON Logic `signals` that find hard evidence among the actors, ties and indicators of
// a territory, and good-practice statements that raters score 0-10.
//
//   auto framework = LoadBlocksFramework("frameworks/building-blocks.yaml");
//   if (!framework.ok()) return framework.status();
//   TerritorySnapshot quebec;          // the territory, its actors, their ties and partners,
//   quebec.territory = {...};          // indicators and perception assessments
//   auto report = AssessTerritory(**framework, quebec);
//   report->blocks[0].coverage;        // 0-100, with its evidence
//   report->type.type;                 // EcosystemType::kEnabling, with the reason in words
//   auto side_by_side = Compare(**framework, {*report, *other});
//   side_by_side->differences[0].text.at("en");
//       // "Rest of Canada: no finance intermediary federated with the apex body (unlike Quebec)"
//
// Pure functions over in-memory data: services load snapshots from the store. Errors are
// values (InvalidArgument saying what, where and how to fix); nothing here throws.
// Thread safety: a loaded BlocksFramework is immutable and may be shared between threads.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"
#include "ecosol/rules/rule.h"
#include "ecosol/store/ecosystem.h"

namespace ecosol::ecosystem {

// Language code -> text; always en, fr, es and pt once loaded.
using Text = std::map<std::string, std::string>;

// ---- the framework -------------------------------------------------------------------------

// An OECD 2022 policy area or a BEPT module.
struct CrosswalkArea {
  std::string id;
  Text label;
};

// A role an actor plays in the ecosystem ("apex", "finance_intermediary", "university", ...),
// decided by a JSON Logic rule over the actor's facts.
struct ActorRole {
  std::string id;
  Text label;
  std::shared_ptr<const rules::Rule> rule;
};

// A good-practice statement raters score 0-10.
struct Statement {
  std::string id;  // "market_access.social_procurement"
  Text text;
};

struct Block {
  std::string id;  // "capacity_building", ...
  Text label;
  std::vector<std::string> oecd_areas;    // CrosswalkArea ids
  std::vector<std::string> bept_modules;  // CrosswalkArea ids
  std::vector<Statement> statements;
};

// What a signal's rule reads: an actor of the territory (with its roles and ties), a tie
// touching the territory, or an indicator of one of its actors.
enum class SignalSubject { kActor, kTie, kIndicator };
std::string_view ToString(SignalSubject subject);

// Hard evidence: present when at least `min_count` items match the rule; it then adds its
// points to the blocks it feeds.
struct Signal {
  std::string id;
  SignalSubject subject = SignalSubject::kActor;
  std::shared_ptr<const rules::Rule> rule;
  long long min_count = 1;
  std::map<std::string, double> points;  // block id -> points
  Text present;                          // why a matching item counts
  Text absent;                           // the difference in words when missing
};

// One side of the EFESEIIS typing: the mean coverage of `blocks` against `threshold`.
struct Dimension {
  std::vector<std::string> blocks;
  double threshold = 50;
  Text label;
};

struct BlocksFramework {
  std::string id;
  std::string version;
  Text title;
  std::vector<CrosswalkArea> oecd_areas;    // nine
  std::vector<CrosswalkArea> bept_modules;  // seven
  std::vector<ActorRole> roles;
  std::string sse_role;  // the role counted as SSE actors (per 10,000 residents)
  std::vector<Block> blocks;
  std::vector<Signal> signals;
  double hard_weight = 0.6;
  double perception_weight = 0.4;
  double covered = 50;  // a block is covered at this coverage or more
  double gap = 25;      // coverage gap that a comparison explains in words
  Dimension institutional_support;
  Dimension bottom_up_vitality;
  std::map<std::string, Text> type_labels;  // "arid", "artificial", "fertile", "enabling"
  // Sentence templates with {placeholders}: dimension_present, dimension_absent, type_reason,
  // population_unknown, signal_absent, block_gap, type_differs.
  std::map<std::string, Text> texts;

  const Block* FindBlock(std::string_view id) const;
  // The block a statement belongs to, or null when no block has it.
  const Block* BlockOfStatement(std::string_view statement_id) const;
};

// Checks and compiles a framework document (YAML already converted to JSON). InvalidArgument
// naming `where` and the entry for: a missing or unknown key value, a block other than the
// seven, a crosswalk id that is not listed, a rule that does not compile, a signal feeding an
// unknown block, duplicate ids, a label or text missing one of en/fr/es/pt, weights or
// thresholds that are not numbers in range.
Result<std::shared_ptr<const BlocksFramework>> ParseBlocksFramework(const nlohmann::json& doc,
                                                                    const std::string& where);
// Reads and parses a YAML file (NotFound when it cannot be read).
Result<std::shared_ptr<const BlocksFramework>> LoadBlocksFramework(const std::string& path);

// The ids of the framework's roles an actor plays, in framework order, from its facts (id,
// name, kind, structures, claims, activities, legal_form, territory; `inside` true).
// InvalidArgument when a role's rule fails on the actor.
Result<std::vector<std::string>> ActorRoles(const BlocksFramework& framework,
                                            const model::Actor& actor);

// ---- a territory ----------------------------------------------------------------------------

// A dated figure about an actor of the territory (turnover, employees, members...).
struct ActorIndicator {
  std::string actor_id;
  std::string name;
  std::string period;
  double value = 0;
  std::string unit;
};

// What AssessTerritory reads. Deleted actors, deleted or ended ties and deleted assessments are
// left out; ties touching no actor of `actors` are ignored.
struct TerritorySnapshot {
  model::Territory territory;                      // population optional
  std::vector<model::Actor> actors;                // placed in the territory
  std::vector<model::Relationship> relationships;  // touching them
  std::vector<model::Actor> partners;              // actors outside at the other end of those ties
  std::vector<ActorIndicator> indicators;
  std::vector<store::PerceptionAssessment> assessments;
};

// An item that counts as evidence: an actor, a tie, an indicator or a rated statement.
struct EvidenceItem {
  std::string signal;   // the signal id; "perception" for ratings
  std::string subject;  // "actor" | "tie" | "indicator" | "statement"
  std::string id;       // actor id, relationship id, "actor:name:period", statement id
  std::string name;     // "Fiducie du Chantier", "Ville de Montréal <- Coop (supplies)", ...
  Text reason;
};

struct SignalResult {
  std::string id;
  long long count = 0;  // matching items
  bool present = false;
  std::vector<EvidenceItem> items;
};

struct HardIndicators {
  long long actors = 0;      // actors placed in the territory
  long long sse_actors = 0;  // of them, those with the framework's sse_role
  std::optional<long long> population;
  std::optional<double> sse_per_10000;       // null when the population is unknown or 0
  Text sse_per_10000_note;                   // why it is null (empty otherwise)
  std::map<std::string, long long> by_kind;  // ActorKind name -> actors
  std::map<std::string, long long> by_role;  // role id -> actors
  std::vector<SignalResult> signals;         // in framework order: presence and counts
};

// The perception of one statement over the raters of a territory.
struct StatementPerception {
  std::string statement;
  std::string block;
  long long answered = 0;
  long long no_answer = 0;
  std::optional<double> mean;  // of the answers; null when nobody answered
  std::optional<double> sd;    // population standard deviation of the answers
  // 1 - sd / 5, in [0, 1] (5 is the largest sd on a 0-10 scale: half at 0, half at 10);
  // null with fewer than two answers, where agreement cannot be measured.
  std::optional<double> consensus;
};

struct BlockCoverage {
  std::string block;
  double hard = 0;                   // sum of points of present signals, at most 100
  std::optional<double> perception;  // 10 x mean of the block's statement means
  double coverage = 0;               // 0-100
  bool covered = false;
  std::vector<EvidenceItem> evidence;
};

enum class EcosystemType { kArid, kArtificial, kFertile, kEnabling };
std::string_view ToString(EcosystemType type);

struct TypeVerdict {
  EcosystemType type = EcosystemType::kArid;
  double institutional_support = 0;  // mean coverage of its blocks
  double bottom_up_vitality = 0;
  Text reason;
};

struct TerritoryReport {
  std::string framework;
  std::string framework_version;
  std::string territory_id;
  std::string territory_name;
  HardIndicators indicators;
  long long raters = 0;                         // non-deleted assessments
  std::vector<StatementPerception> perception;  // every statement, in framework order
  std::vector<BlockCoverage> blocks;            // the seven, in framework order
  TypeVerdict type;
};

// Checks one assessment against the framework: InvalidArgument for a score outside 0-10, an
// unknown statement, or an assessment of another framework (empty `framework` is accepted).
Status CheckAssessment(const BlocksFramework& framework, const store::PerceptionAssessment& a);

// Per statement, in framework order: answered, no answer, mean, sd, consensus. Deleted
// assessments are skipped; the others are checked as by CheckAssessment.
Result<std::vector<StatementPerception>> PerceptionOf(
    const BlocksFramework& framework, const std::vector<store::PerceptionAssessment>& ratings);

// The report of one territory. Fails as CheckAssessment for bad ratings, and with
// InvalidArgument for an assessment of another territory or when a rule fails on the data.
Result<TerritoryReport> AssessTerritory(const BlocksFramework& framework,
                                        const TerritorySnapshot& snapshot);

nlohmann::json ToJson(const TerritoryReport& report);

// ---- comparison -----------------------------------------------------------------------------

// One metric side by side: values[i] belongs to Comparison::territories[i] (null: unknown).
struct MetricRow {
  std::string metric;  // "block.market_access.coverage", "sse_per_10000", "signal.university"...
  std::vector<nlohmann::json> values;
};

struct Difference {
  std::string kind;                 // "signal" | "block" | "type"
  std::string about;                // the signal or block id; "type"
  std::vector<std::string> ahead;   // territory ids that have it / score higher
  std::vector<std::string> behind;  // territory ids that lack it / score lower
  Text text;
};

struct Comparison {
  std::vector<std::string> territories;  // ids, in the order given
  std::vector<std::string> names;
  std::vector<MetricRow> rows;
  std::vector<Difference> differences;  // signals, then blocks, then types
};

// Two or more reports of the same framework side by side. InvalidArgument for fewer than two
// reports, reports of another framework, or the same territory twice.
Result<Comparison> Compare(const BlocksFramework& framework,
                           const std::vector<TerritoryReport>& reports);

nlohmann::json ToJson(const Comparison& comparison);

}  // namespace ecosol::ecosystem
