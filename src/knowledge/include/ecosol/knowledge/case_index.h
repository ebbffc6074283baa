#pragma once

// Values derived from a case document for search (docs/knowledge.md, "Derived values"): its
// languages, its facets and the text a full-text index holds. None of them is stored in the
// document; a store computes them when it writes a version.
//
//   CaseLanguages(c);   // {"en", "fr"}: the languages of the title, summary and text
//   CaseFacets(c);      // {{"sdg", "5"}, {"country", "IN"}, {"theme", "mobility"}, ...}
//   CaseSearchText(c);  // {title: every title, body: summary, problem, model, ...}
//
// Pure functions of the case; thread safety: none needed.

#include <string>
#include <utility>
#include <vector>

#include "ecosol/knowledge/case.h"

namespace ecosol::knowledge {

// The language codes of the title, summary and text, sorted, each once ("und" included when an
// import could not tell the language).
std::vector<std::string> CaseLanguages(const Case& c);

// (facet, value) pairs, in this order: sdg ("1".."17"), country, theme, stage, type, strength
// (its level), policy_field, language, source (source.name, or "ecosol" for cases written here).
// Facets with no value give no pair; list facets give one pair per value.
std::vector<std::pair<std::string, std::string>> CaseFacets(const Case& c);

// What a full-text index holds: `title` has every language's title; `body` the summary, problem,
// root causes, model, core elements (labels and descriptions), actors, SI-DRIVE dimensions,
// outcomes, scaling paths, themes, methods and the long text, in every language. Parts are
// separated by newlines.
struct CaseText {
  std::string title;
  std::string body;
};
CaseText CaseSearchText(const Case& c);

}  // namespace ecosol::knowledge
