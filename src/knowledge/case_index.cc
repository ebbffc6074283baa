// Values derived from a case for search (case_index.h).

#include "ecosol/knowledge/case_index.h"

#include <set>

namespace ecosol::knowledge {
namespace {

using Facets = std::vector<std::pair<std::string, std::string>>;

void AddAll(Facets* out, const std::string& facet, const std::vector<std::string>& values) {
  for (const std::string& v : values) out->emplace_back(facet, v);
}

void AddIfGiven(Facets* out, const std::string& facet, const std::string& value) {
  if (!value.empty()) out->emplace_back(facet, value);
}

void AppendLine(std::string* out, const std::string& line) {
  if (!out->empty()) out->push_back('\n');
  out->append(line);
}

// Appends every language's text of `text`, one per line.
void Append(std::string* out, const Text& text) {
  for (const auto& [lang, s] : text) AppendLine(out, s);
}

void AppendWords(std::string* out, const std::vector<std::string>& words) {
  for (const std::string& w : words) AppendLine(out, w);
}

void AppendElements(std::string* out, const Case& c) {
  for (const CoreElement& e : c.core_elements) {
    Append(out, e.label);
    Append(out, e.description);
  }
}

void AppendResults(std::string* out, const Case& c) {
  for (const CaseOutcome& o : c.outcomes) Append(out, o.text);
  for (const ScalingPath& s : c.scaling) Append(out, s.text);
}

}  // namespace

std::vector<std::string> CaseLanguages(const Case& c) {
  std::set<std::string> langs;
  for (const Text* t : {&c.title, &c.summary, &c.text}) {
    for (const auto& [lang, s] : *t) langs.insert(lang);
  }
  return {langs.begin(), langs.end()};
}

std::vector<std::pair<std::string, std::string>> CaseFacets(const Case& c) {
  Facets out;
  for (int sdg : c.sdgs) out.emplace_back("sdg", std::to_string(sdg));
  AddAll(&out, "country", c.countries);
  AddAll(&out, "theme", c.themes);
  AddIfGiven(&out, "stage", c.stage);
  AddIfGiven(&out, "type", c.type);
  if (c.strength) AddIfGiven(&out, "strength", c.strength->level);
  AddIfGiven(&out, "policy_field", c.policy_field);
  AddAll(&out, "language", CaseLanguages(c));
  out.emplace_back("source", c.source ? c.source->name : "ecosol");
  return out;
}

CaseText CaseSearchText(const Case& c) {
  CaseText out;
  Append(&out.title, c.title);
  std::string& body = out.body;
  Append(&body, c.summary);
  Append(&body, c.problem);
  for (const Text& cause : c.root_causes) Append(&body, cause);
  Append(&body, c.model);
  AppendElements(&body, c);
  for (const CaseActor& a : c.actors) AppendLine(&body, a.name);
  for (const auto& [dimension, text] : c.si_drive) Append(&body, text);
  AppendResults(&body, c);
  AppendWords(&body, c.themes);
  AppendWords(&body, c.methods);
  Append(&body, c.text);
  return out;
}

}  // namespace ecosol::knowledge
