// Loading the mechanisms catalogue (mechanisms.h). Every check names the file and the entry, so
// that an editor of frameworks/finance-mechanisms.yaml can find and fix the mistake.

#include "ecosol/finance/mechanisms.h"

#include <algorithm>
#include <set>

#include "catalogue_util.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using catalogue_internal::Join;
using nlohmann::json;

const std::vector<std::string> kFactTypes = {"boolean", "number", "share", "money",
                                             "count",   "string", "enum"};

Result<FactDefinition> ParseFact(const json& entry, const std::string& where) {
  if (!entry.is_object() || !entry.contains("path") || !entry["path"].is_string()) {
    return InvalidArgument(where + ": facts: an entry has no 'path'");
  }
  FactDefinition fact;
  fact.path = entry["path"].get<std::string>();
  const std::string w = where + ": fact '" + fact.path + "'";
  fact.type = entry.value("type", "");
  if (std::find(kFactTypes.begin(), kFactTypes.end(), fact.type) == kFactTypes.end()) {
    return InvalidArgument(w + ": type '" + fact.type + "' is not one of " + Join(kFactTypes));
  }
  auto values = catalogue_internal::ParseStrings(entry, "values", w);
  if (!values.ok()) return values.status();
  fact.values = std::move(*values);
  if ((fact.type == "enum") != !fact.values.empty()) {
    return InvalidArgument(w + ": an enum lists its 'values', and only an enum does");
  }
  auto label = catalogue_internal::ParseText(entry, "label", w);
  if (!label.ok()) return label.status();
  fact.label = std::move(*label);
  return fact;
}

Result<SuitabilityRule> ParseSuitabilityRule(const json& entry, const MechanismCatalogue& c,
                                             const std::string& where) {
  auto id = catalogue_internal::ParseId(entry, where + ": rules");
  if (!id.ok()) return id.status();
  const std::string w = where + ": rule '" + *id + "'";
  if (c.FindRule(*id)) return InvalidArgument(w + ": listed twice");
  auto rule = catalogue_internal::ParseRule(entry, w);
  if (!rule.ok()) return rule.status();
  for (const std::string& path : rule->Vars()) {
    if (!c.FindFact(path)) {
      return InvalidArgument(w + ": reads '" + path + "', which is not listed under 'facts'");
    }
  }
  auto source = catalogue_internal::ParseSourceRef(entry, c.sources, w);
  if (!source.ok()) return source.status();
  SuitabilityRule out{*id, std::move(*rule), std::move(*source), {}, {}, {}};
  for (auto [key, text] : {std::pair{"passed", &out.passed}, std::pair{"failed", &out.failed},
                           std::pair{"change", &out.change}}) {
    auto t = catalogue_internal::ParseText(entry, key, w);
    if (!t.ok()) return t.status();
    *text = std::move(*t);
  }
  return out;
}

Status CheckAxis(const json& axes, const std::string& key, const std::vector<std::string>& allowed,
                 const std::string& where, std::string* out) {
  *out = axes.is_object() ? axes.value(key, "") : "";
  if (std::find(allowed.begin(), allowed.end(), *out) == allowed.end()) {
    return InvalidArgument(where + ": axes." + key + " '" + *out + "' is not one of " +
                           Join(allowed));
  }
  return Status::Ok();
}

Status ParseAxes(const json& entry, const std::string& where, Axes* axes) {
  const json a = entry.value("axes", json());
  ECOSOL_RETURN_IF_ERROR(CheckAxis(a, "origin", {"internal", "external"}, where, &axes->origin));
  ECOSOL_RETURN_IF_ERROR(
      CheckAxis(a, "provider", {"public", "private", "mixed"}, where, &axes->provider));
  return CheckAxis(a, "terms", {"market", "non_market", "mixed"}, where, &axes->terms);
}

Result<Mechanism> ParseMechanism(const json& entry, const MechanismCatalogue& c,
                                 const std::string& where) {
  auto id = catalogue_internal::ParseId(entry, where + ": mechanisms");
  if (!id.ok()) return id.status();
  const std::string w = where + ": mechanism '" + *id + "'";
  if (c.FindMechanism(*id)) return InvalidArgument(w + ": listed twice");
  Mechanism m;
  m.id = *id;
  ECOSOL_RETURN_IF_ERROR(ParseAxes(entry, w, &m.axes));
  m.instrument = entry.value("instrument", "");
  if (m.instrument.empty()) return InvalidArgument(w + ": needs an 'instrument'");
  auto rule_ids = catalogue_internal::ParseStrings(entry, "rules", w);
  if (!rule_ids.ok()) return rule_ids.status();
  for (const std::string& rule : *rule_ids) {
    if (!c.FindRule(rule)) return InvalidArgument(w + ": rule '" + rule + "' is not defined");
  }
  m.rules = std::move(*rule_ids);
  auto source = catalogue_internal::ParseSourceRef(entry, c.sources, w);
  if (!source.ok()) return source.status();
  m.source = std::move(*source);
  auto label = catalogue_internal::ParseText(entry, "label", w);
  if (!label.ok()) return label.status();
  m.label = std::move(*label);
  auto description = catalogue_internal::ParseText(entry, "description", w);
  if (!description.ok()) return description.status();
  m.description = std::move(*description);
  return m;
}

// Runs `parse` over each entry of doc[key], appending the results to `out`.
template <typename T, typename Parse>
Status ParseList(const json& doc, const std::string& key, const std::string& where,
                 std::vector<T>* out, Parse&& parse) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return InvalidArgument(where + ": needs '" + key + "', a non-empty list");
  }
  for (const json& entry : *it) {
    auto item = parse(entry);
    if (!item.ok()) return item.status();
    out->push_back(std::move(*item));
  }
  return Status::Ok();
}

Result<std::shared_ptr<const MechanismCatalogue>> Parse(const json& doc, const std::string& where) {
  auto head = rules::ParseFrameworkHead(doc, "finance_mechanisms", where);
  if (!head.ok()) return head.status();
  auto c = std::make_shared<MechanismCatalogue>();
  c->id = head->id;
  c->version = head->version;
  auto title = catalogue_internal::ParseText(doc, "title", where);
  if (!title.ok()) return title.status();
  c->title = std::move(*title);
  auto sources = catalogue_internal::ParseSources(doc, where);
  if (!sources.ok()) return sources.status();
  c->sources = std::move(*sources);
  ECOSOL_RETURN_IF_ERROR(ParseList(doc, "facts", where, &c->facts, [&](const json& e) {
    auto fact = ParseFact(e, where);
    if (fact.ok() && c->FindFact(fact->path)) {
      return Result<FactDefinition>(
          InvalidArgument(where + ": fact '" + fact->path + "': listed twice"));
    }
    return fact;
  }));
  ECOSOL_RETURN_IF_ERROR(ParseList(doc, "rules", where, &c->rules, [&](const json& e) {
    return ParseSuitabilityRule(e, *c, where);
  }));
  ECOSOL_RETURN_IF_ERROR(ParseList(doc, "mechanisms", where, &c->mechanisms,
                                   [&](const json& e) { return ParseMechanism(e, *c, where); }));
  return std::shared_ptr<const MechanismCatalogue>(std::move(c));
}

}  // namespace

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  return kLanguages;
}

const std::string& InLanguage(const Text& text, const std::string& lang) {
  auto it = text.find(lang);
  if (it != text.end()) return it->second;
  static const std::string kEmpty;
  it = text.find("en");
  return it == text.end() ? kEmpty : it->second;
}

template <typename T, typename Key>
const T* FindById(const std::vector<T>& items, Key key) {
  for (const T& item : items) {
    if (key(item)) return &item;
  }
  return nullptr;
}

const Mechanism* MechanismCatalogue::FindMechanism(std::string_view mechanism_id) const {
  return FindById(mechanisms, [&](const Mechanism& m) { return m.id == mechanism_id; });
}
const SuitabilityRule* MechanismCatalogue::FindRule(std::string_view rule_id) const {
  return FindById(rules, [&](const SuitabilityRule& r) { return r.id == rule_id; });
}
const FactDefinition* MechanismCatalogue::FindFact(std::string_view path) const {
  return FindById(facts, [&](const FactDefinition& f) { return f.path == path; });
}
const Source* MechanismCatalogue::FindSource(std::string_view source_id) const {
  return FindById(sources, [&](const Source& s) { return s.id == source_id; });
}

std::string MechanismCatalogue::MechanismIds() const {
  std::vector<std::string> ids;
  for (const Mechanism& m : mechanisms) ids.push_back(m.id);
  return Join(ids);
}

Result<std::shared_ptr<const MechanismCatalogue>> ParseMechanismCatalogue(
    const json& doc, const std::string& where) {
  return rules::ParseGuarded(where, [&] { return Parse(doc, where); });
}

Result<std::shared_ptr<const MechanismCatalogue>> LoadMechanismCatalogue(const std::string& path) {
  auto doc = rules::ReadFrameworkFile(path, "finance-mechanisms.yaml");
  if (!doc.ok()) return doc.status();
  return ParseMechanismCatalogue(*doc, path);
}

}  // namespace ecosol::finance
