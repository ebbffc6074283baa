#pragma once

// The catalogue of social finance mechanisms (ILO 2019) and their suitability rules
// (docs/finance.md). The catalogue is data: frameworks/finance-mechanisms.yaml (kind:
// finance_mechanisms) lists the profile facts the rules read, the rules (JSON Logic, each with
// its source and, in en/fr/es/pt, what it means when it holds, why it fails and what would have
// to change) and the mechanisms on the ILO axes, each with the rules that decide whether it
// suits an organisation.
//
//   auto catalogue = LoadMechanismCatalogue("frameworks/finance-mechanisms.yaml");
//   if (!catalogue.ok()) return catalogue.status();
//   const Mechanism* m = (*catalogue)->FindMechanism("quasi_equity");
//   SuitabilityResult fit = CheckSuitability(**catalogue, *m, profile_facts);
//   fit.fit;  // kFits, kDoesNotFit or kUnknown, with each rule's outcome
//
// Errors are values naming the file and the entry ("finance-mechanisms.yaml: mechanism
// 'grant': ..."); nothing here throws. Thread safety: a loaded catalogue is immutable and may be
// shared between threads; the functions are pure.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/rules/rule.h"

namespace ecosol::finance {

// Language code -> text. Framework texts always have en, fr, es and pt.
using Text = std::map<std::string, std::string>;

// The working languages; every text of a finance framework has all four.
const std::vector<std::string>& Languages();
// text[lang], or the English text when `lang` is absent.
const std::string& InLanguage(const Text& text, const std::string& lang);

// A source cited by a rule: the id of an entry of the file's `sources`, and where in it.
struct SourceRef {
  std::string ref;
  std::string article;  // may be empty
};

struct Source {
  std::string id;
  std::string title;
  bool verified = false;
};

// A profile fact a rule may read ("governance.voting_rule").
struct FactDefinition {
  std::string path;
  std::string type;                 // boolean, number, share, money, count, string, enum
  std::vector<std::string> values;  // enum: the allowed values
  Text label;
};

struct SuitabilityRule {
  std::string id;  // "formal_entity"
  rules::Rule rule;
  SourceRef source;
  Text passed;  // what holding the rule says about the organisation
  Text failed;  // why the mechanism does not suit it
  Text change;  // what would have to change
};

// The ILO axes: where the money comes from, who provides it, on what terms.
struct Axes {
  std::string origin;    // internal | external
  std::string provider;  // public | private | mixed
  std::string terms;     // market | non_market | mixed
};

struct Mechanism {
  std::string id;  // "quasi_equity"
  Axes axes;
  std::string instrument;          // "debt", "equity_with_outside_votes", ...
  std::vector<std::string> rules;  // ids of SuitabilityRule, all of which must hold
  SourceRef source;
  Text label;
  Text description;
};

struct MechanismCatalogue {
  std::string id;
  std::string version;
  Text title;
  std::vector<Source> sources;
  std::vector<FactDefinition> facts;
  std::vector<SuitabilityRule> rules;
  std::vector<Mechanism> mechanisms;  // in the file's order

  const Mechanism* FindMechanism(std::string_view mechanism_id) const;
  const SuitabilityRule* FindRule(std::string_view rule_id) const;
  const FactDefinition* FindFact(std::string_view path) const;
  const Source* FindSource(std::string_view source_id) const;
  // "member_capital, member_loans, ...": for error messages listing what is known.
  std::string MechanismIds() const;
};

// Checks a catalogue document (YAML read as JSON); `where` names it in errors. Fails when a
// rule reads a fact not listed under `facts`, a mechanism names an unknown rule or source, an
// axis has a value other than those above, or a text lacks one of the four languages.
Result<std::shared_ptr<const MechanismCatalogue>> ParseMechanismCatalogue(const nlohmann::json& doc,
                                                                          const std::string& where);
// Reads and checks frameworks/finance-mechanisms.yaml (or another file of the same kind).
Result<std::shared_ptr<const MechanismCatalogue>> LoadMechanismCatalogue(const std::string& path);

// Checks the facts of a profile that the catalogue declares: an enum holds one of its values,
// a boolean is true or false, a number, money or count is a number (count: a whole number;
// money, count: not negative). Facts the catalogue does not declare are left alone (a profile
// may carry screening facts too); a null fact counts as missing. The error names the path, the
// value and what is allowed: `facts.legal_form: 'coop' is not one of cooperative, ...`.
Status CheckProfileFacts(const MechanismCatalogue& catalogue, const nlohmann::json& facts);

enum class Fit { kFits, kUnknown, kDoesNotFit };
std::string_view ToString(Fit fit);  // "fits", "unknown", "does_not_fit"

// The outcome of one rule for one profile.
struct RuleOutcome {
  const SuitabilityRule* rule = nullptr;
  rules::Outcome::Kind kind = rules::Outcome::Kind::kUnknown;
  std::vector<std::string> missing;  // the facts whose absence made it unknown
};

struct SuitabilityResult {
  const Mechanism* mechanism = nullptr;
  // kDoesNotFit when a rule fails; otherwise kUnknown when a rule is unknown; otherwise kFits.
  Fit fit = Fit::kUnknown;
  std::vector<RuleOutcome> outcomes;  // in the mechanism's order of rules
  int passed = 0;
  int failed = 0;
  int unknown = 0;
};

// Evaluates `mechanism`'s rules against the profile facts (missing-aware: a missing fact makes
// a rule unknown, never passed or failed). `mechanism` must belong to `catalogue`.
SuitabilityResult CheckSuitability(const MechanismCatalogue& catalogue, const Mechanism& mechanism,
                                   const nlohmann::json& facts);

// {"mechanism", "label", "axes", "instrument", "fit", "passed": [{rule, text, source}],
//  "failed": [{rule, reason, change, source}], "unknown": [{rule, missing, source}]} with texts
// in `lang`.
nlohmann::json SuitabilityToJson(const MechanismCatalogue& catalogue,
                                 const SuitabilityResult& result, const std::string& lang);
// The catalogue as JSON for clients: mechanisms with axes, labels, descriptions and rules, in
// all four languages.
nlohmann::json CatalogueToJson(const MechanismCatalogue& catalogue);

}  // namespace ecosol::finance
