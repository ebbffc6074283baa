#pragma once

// Assessment frameworks as data: the UN/ILO definition, national schemes, labels and the
// social-innovation checks, each a YAML file in frameworks/ (format: docs/frameworks-format.md).
//
//   auto catalogue = LoadFrameworks("frameworks");   // every *.yaml, checked
//   if (!catalogue.ok()) return catalogue.status();  // "frameworks/uk-cic.yaml: criterion
//                                                    //  'cic.dividend_cap': reads unknown fact
//                                                    ..."
//   const Framework* f = (*catalogue)->Find("un-ilo");
//
// Loading checks each file completely: known keys and values, unique ids, principles that exist,
// rules that compile, rules reading only facts listed in frameworks/facts.yaml and in the
// criterion's `facts`, and an explanation in en, fr, es and pt for every outcome.
//
// Thread safety: a loaded Catalogue is immutable and shared as shared_ptr<const Catalogue>.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/rules/rule.h"
#include "ecosol/rules/yaml_json.h"

namespace ecosol::screening {

// Language code -> text; always has en, fr, es and pt once loaded.
using Text = std::map<std::string, std::string>;

enum class Severity { kHard, kStrong, kSoft };
std::string_view ToString(Severity severity);

// One fact of frameworks/facts.yaml.
struct FactSpec {
  std::string path;     // "governance.voting_rule"
  std::string subject;  // organisation | initiative | programme
  std::string
      type;  // boolean | number | share | money | count | string | enum | enum_list | colleges
  std::vector<std::string> values;  // for enum and enum_list
  Text label;
};

struct SourceRef {
  std::string ref;      // id in Framework::sources
  std::string article;  // "art. 1", "para 5(b)"
};

struct Source {
  std::string id;
  std::string title;
  std::string url;
  bool verified = true;
};

struct Criterion {
  std::string id;
  std::string principle;
  Severity severity = Severity::kHard;
  std::vector<std::string> facts;
  std::shared_ptr<const rules::Rule> rule;
  std::shared_ptr<const rules::Rule> applies_when;  // null: always
  std::string option;  // evaluated only when this option is on; empty: always
  SourceRef source;
  std::map<std::string, Text> explanation;  // met | not_met | insufficient_evidence -> text
};

struct RedFlag {
  std::string id;
  Severity severity = Severity::kStrong;
  std::vector<std::string> facts;
  std::shared_ptr<const rules::Rule> rule;  // raised when known and truthy
  SourceRef source;
  Text explanation;
};

struct Principle {
  std::string id;
  Text title;
};

struct Option {
  std::string id;
  Text title;
};

struct Framework {
  std::string id;
  std::string version;
  std::string subject;  // organisation | initiative | programme
  std::string kind;     // definition | national_scheme | label | innovation | policy |
                        // tender_reservation
  std::string jurisdiction;
  Text title;
  Text description;
  std::shared_ptr<const rules::Rule> applies_when;  // null: always
  std::vector<Source> sources;
  std::vector<Option> options;
  std::vector<Principle> principles;
  std::vector<Criterion> criteria;
  std::vector<RedFlag> red_flags;
  nlohmann::json document;  // the file as JSON, served to the web app

  const Source* FindSource(std::string_view id) const;
};

// Every framework of a folder, with the fact catalogue they were checked against.
class Catalogue {
 public:
  const Framework* Find(std::string_view id) const;
  const std::vector<Framework>& frameworks() const { return frameworks_; }
  const std::vector<FactSpec>& facts() const { return facts_; }
  const FactSpec* FindFact(std::string_view path) const;
  // The clause -> fact table of frameworks/statutes-facts.yaml, as loaded.
  struct StatutesMapping {
    std::string clause;
    std::string polarity;  // affirmed | negated
    std::string fact;
    nlohmann::json value;  // a constant, or the string "$value"
    std::string bound;     // "" (a figure), "max" or "min" (a limit)
  };
  const std::vector<StatutesMapping>& statutes_mappings() const { return mappings_; }

 private:
  friend Result<std::shared_ptr<const Catalogue>> LoadFolder(const std::string& dir);
  std::vector<Framework> frameworks_;  // sorted by id
  std::vector<FactSpec> facts_;
  std::vector<StatutesMapping> mappings_;
};

// Loads facts.yaml, statutes-facts.yaml and every other *.yaml of `dir`. Any error in any file
// fails the whole load (InvalidArgument naming the file and the entry): a half-loaded catalogue
// would screen against the wrong rules.
Result<std::shared_ptr<const Catalogue>> LoadFrameworks(const std::string& dir);

// Parses one framework document (already YAML -> JSON) against a fact catalogue; `where` names it
// in errors. Exposed for tests and for the API's framework check.
Result<Framework> ParseFramework(const nlohmann::json& doc, const std::vector<FactSpec>& facts,
                                 const std::string& where);

// YAML text -> JSON, now in rules/ (shared with the ecosystem building blocks).
using rules::YamlToJson;

}  // namespace ecosol::screening
