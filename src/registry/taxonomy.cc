#include "ecosol/registry/taxonomy.h"

#include <fstream>
#include <sstream>

#include "ecosol/base/strings.h"

namespace ecosol::registry {

const std::vector<SchemeInfo>& KnownSchemes() {
  static const std::vector<SchemeInfo> schemes = {
      {"organisational-structure", "organisational-structure.tsv", "Organisational structure"},
      {"activities-ica", "activities-ica.tsv", "Economic activity (ICA)"},
      {"base-membership-type", "base-membership-type.tsv", "Membership type"},
      {"qualifiers", "qualifiers.tsv", "Qualifiers"},
      {"countries", "countries-iso.tsv", "Countries"},
  };
  return schemes;
}

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> langs = {"en", "fr", "es", "pt"};
  return langs;
}

Result<std::vector<model::Term>> ReadEssglobalTsv(const std::string& path,
                                                  const std::string& scheme) {
  std::ifstream in(path);
  if (!in) return NotFound("taxonomy file not found: " + path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header = Split(line, '\t');
  if (header.size() < 4 || header[0] != "term") {
    return InvalidArgument(path + ": line 1: expected a header 'term, property, ..., EN, ...'");
  }
  std::vector<model::Term> out;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() < 3 || cols[1] != "skos:prefLabel" || cols[0].empty()) continue;
    model::Term term{scheme, cols[0], {}};
    for (size_t i = 3; i < cols.size() && i < header.size(); ++i) {
      std::string lang = AsciiLower(header[i]);
      std::string label(Trim(cols[i]));
      if (!label.empty()) term.labels[lang] = label;
    }
    out.push_back(std::move(term));
  }
  return out;
}

namespace {

Status ApplySupplement(const std::string& path, std::vector<model::Term>* terms) {
  std::ifstream in(path);
  if (!in) return Status::Ok();  // the supplement is optional
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 || Trim(line).empty()) continue;
    std::vector<std::string> cols = Split(line, '\t');
    if (cols.size() != 4) {
      return InvalidArgument(path + ": line " + std::to_string(line_no) +
                             ": expected 4 tab-separated columns scheme, code, lang, label");
    }
    for (model::Term& t : *terms) {
      if (t.scheme == cols[0] && t.code == cols[1] && !t.labels.count(cols[2])) {
        t.labels[cols[2]] = cols[3];
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<model::Term>> ReadTaxonomyFolder(const std::string& folder) {
  std::vector<model::Term> all;
  for (const SchemeInfo& s : KnownSchemes()) {
    auto terms = ReadEssglobalTsv(folder + "/essglobal/" + s.file, s.name);
    if (!terms.ok()) return terms.status();
    all.insert(all.end(), terms->begin(), terms->end());
  }
  ECOSOL_RETURN_IF_ERROR(ApplySupplement(folder + "/labels-supplement.tsv", &all));
  return all;
}

Result<Taxonomy> Taxonomy::Load(store::Store& store) {
  Taxonomy tax;
  for (const SchemeInfo& s : KnownSchemes()) {
    auto terms = store.Terms(s.name);
    if (!terms.ok()) return terms.status();
    auto& index = tax.index_[s.name];
    for (size_t i = 0; i < terms->size(); ++i) index[(*terms)[i].code] = i;
    tax.terms_[s.name] = std::move(*terms);
  }
  return tax;
}

bool Taxonomy::Has(const std::string& scheme, const std::string& code) const {
  auto it = index_.find(scheme);
  return it != index_.end() && it->second.count(code);
}

std::string Taxonomy::Label(const std::string& scheme, const std::string& code,
                            const std::string& lang) const {
  auto it = index_.find(scheme);
  if (it == index_.end()) return code;
  auto pos = it->second.find(code);
  if (pos == it->second.end()) return code;
  const model::Term& term = terms_.at(scheme)[pos->second];
  for (const std::string& l : {lang, std::string("en")}) {
    auto label = term.labels.find(l);
    if (label != term.labels.end()) return label->second;
  }
  return code;
}

const std::vector<model::Term>& Taxonomy::Terms(const std::string& scheme) const {
  static const std::vector<model::Term> empty;
  auto it = terms_.find(scheme);
  return it == terms_.end() ? empty : it->second;
}

}  // namespace ecosol::registry
