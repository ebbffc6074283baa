#pragma once

// The catalogue of context features used to describe where a social innovation works and where
// it might be transferred (docs/knowledge.md). The catalogue is data: frameworks/
// transfer-context.yaml (kind: transfer_context) lists the CICI domains, each feature with its
// domain, type, labels and question in en/fr/es/pt, the risk flag a failed dependency on it
// raises, and when a difference between two places is notable; the flags with their severity,
// sentence and adaptation; and the sentence templates of an analysis.
//
//   auto framework = LoadTransferFramework("frameworks/transfer-context.yaml");
//   if (!framework.ok()) return framework.status();
//   const Feature* trust = (*framework)->FindFeature("trust");
//   trust->levels;  // {"low", "medium", "high"}, in order
//
// Errors are values naming the file and the entry ("transfer-context.yaml: feature 'trust':
// ..."); nothing here throws. Thread safety: a loaded TransferFramework is immutable and may be
// shared between threads.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::knowledge {

// Language code -> text. Framework texts always have en, fr, es and pt.
using Text = std::map<std::string, std::string>;

// The kinds of value a feature takes.
enum class FeatureType {
  kShare,   // a number from 0 to 1 (informal share of the economy)
  kNumber,  // a number of at least 0 (population)
  kLevel,   // one of ordered `levels`, lowest first (trust: low, medium, high)
  kList,    // a set of `values` (legal forms available)
  kBool,    // true or false (multi-functional organisations common)
  kChoice,  // one of unordered `values` (settlement, welfare regime)
};
std::string_view ToString(FeatureType type);

enum class Severity { kLow, kMedium, kHigh };
std::string_view ToString(Severity severity);
std::optional<Severity> SeverityFromString(std::string_view s);

// When a difference between origin and target on a feature is notable, although no core element
// declared a dependency on it.
struct Notable {
  enum class Kind { kAnyDifference, kGap, kRatio, kSteps, kMissingItems };
  Kind kind = Kind::kAnyDifference;
  double amount = 0;  // the gap (shares), ratio (numbers) or steps (levels)
};

struct Feature {
  std::string id;      // "trust"
  std::string domain;  // "socio_cultural"
  FeatureType type = FeatureType::kBool;
  std::vector<std::string> levels;  // kLevel: the order, lowest first
  std::vector<std::string> values;  // kList and kChoice: the allowed values
  // Each level or value in words, in four languages ("low" -> fr "faible").
  std::map<std::string, Text> value_labels;
  Text label;
  Text question;     // what to find out when the value is unknown
  std::string flag;  // the risk flag a failed dependency raises
  Notable notable;

  // The position of `level` in `levels`, or -1 when it is not one of them.
  int LevelIndex(std::string_view level) const;
};

struct Domain {
  std::string id;  // "geographical", ...
  Text label;
};

struct FlagDefinition {
  std::string id;  // "trust_dependency"
  Severity severity = Severity::kHigh;
  Text text;        // why the flag is raised, with {element}, {feature}, {expected}, ...
  Text adaptation;  // what to change, with {element}
  // Asset types (ids of frameworks/partner-assets.yaml) that actors of the target territory may
  // offer to close the gap: the analysis's local partners.
  std::vector<std::string> assets;
};

struct TransferFramework {
  std::string id;
  std::string version;
  Text title;
  std::vector<Domain> domains;  // the seven CICI domains, in the file's order
  std::vector<Feature> features;
  std::vector<FlagDefinition> flags;
  std::map<std::string, Text> ops;    // "at_least" -> "of at least {value}", ...
  std::map<std::string, Text> texts;  // reason and judgement templates (see the YAML)

  const Feature* FindFeature(std::string_view id) const;
  const Domain* FindDomain(std::string_view id) const;
  const FlagDefinition* FindFlag(std::string_view id) const;
};

// The seven CICI domains, which every framework must list.
const std::vector<std::string>& CiciDomains();

// Checks a framework document (YAML read as JSON); `where` names it in errors.
Result<std::shared_ptr<const TransferFramework>> ParseTransferFramework(const nlohmann::json& doc,
                                                                        const std::string& where);
// Reads and checks frameworks/transfer-context.yaml (or another file of the same kind).
Result<std::shared_ptr<const TransferFramework>> LoadTransferFramework(const std::string& path);

}  // namespace ecosol::knowledge
