#pragma once

// The ESSGlobal taxonomies (organisational structure, ICA activities, membership types,
// qualifiers, countries) with labels in en, fr, es, pt.
//
//   auto terms = ReadTaxonomyFolder("data/taxonomy");   // ESSGlobal TSVs + supplement
//   store.PutTerms(*terms);
//   Taxonomy tax = *Taxonomy::Load(store);
//   tax.Has("organisational-structure", "OS115");        // true
//   tax.Label("organisational-structure", "OS115", "fr"); // "Coopérative"
//
// Thread safety: a loaded Taxonomy is immutable and safe to share.

#include <map>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/relationship.h"
#include "ecosol/store/store.h"

namespace ecosol::registry {

// The schemes Ecosol knows, with the ESSGlobal file each comes from.
struct SchemeInfo {
  std::string name;  // "organisational-structure"
  std::string file;  // "organisational-structure.tsv"
  std::string title;
};
const std::vector<SchemeInfo>& KnownSchemes();
// The interface languages: en, fr, es, pt.
const std::vector<std::string>& Languages();

// Reads one ESSGlobal phrase table (term, property, -, one column per language).
Result<std::vector<model::Term>> ReadEssglobalTsv(const std::string& path,
                                                  const std::string& scheme);
// Reads `folder`/essglobal/*.tsv for every known scheme, then fills missing labels from
// `folder`/labels-supplement.tsv (scheme, code, lang, label).
Result<std::vector<model::Term>> ReadTaxonomyFolder(const std::string& folder);

class Taxonomy {
 public:
  static Result<Taxonomy> Load(store::Store& store);
  bool Has(const std::string& scheme, const std::string& code) const;
  // The label in `lang`, else in English, else the code itself.
  std::string Label(const std::string& scheme, const std::string& code,
                    const std::string& lang) const;
  const std::vector<model::Term>& Terms(const std::string& scheme) const;
  bool empty() const { return terms_.empty(); }

 private:
  std::map<std::string, std::vector<model::Term>> terms_;       // scheme -> terms in order
  std::map<std::string, std::map<std::string, size_t>> index_;  // scheme -> code -> position
};

}  // namespace ecosol::registry
