// Cases: reading and writing a social innovation's id, title, origin and core elements
// (case.h); the descriptive fields are in case_document.cc.

#include "ecosol/knowledge/case.h"

#include <set>

#include "case_document.h"
#include "text_util.h"

namespace ecosol::knowledge {
namespace {

using internal::ParseSomeText;
using nlohmann::json;

struct OpInfo {
  DependencyOp op;
  const char* name;
};
constexpr OpInfo kOps[] = {{DependencyOp::kAtLeast, "at_least"},
                           {DependencyOp::kAtMost, "at_most"},
                           {DependencyOp::kIs, "is"},
                           {DependencyOp::kIn, "in"},
                           {DependencyOp::kIncludes, "includes"},
                           {DependencyOp::kIncludesAny, "includes_any"}};

std::optional<DependencyOp> OpFromString(std::string_view s) {
  for (const OpInfo& info : kOps) {
    if (s == info.name) return info.op;
  }
  return std::nullopt;
}

// Which ops a feature type takes: orders for shares, numbers and levels, equality for levels,
// choices and bools, membership for lists.
bool Applies(DependencyOp op, FeatureType type) {
  switch (op) {
    case DependencyOp::kAtLeast:
    case DependencyOp::kAtMost:
      return type == FeatureType::kShare || type == FeatureType::kNumber ||
             type == FeatureType::kLevel;
    case DependencyOp::kIs:
      return type == FeatureType::kLevel || type == FeatureType::kChoice ||
             type == FeatureType::kBool;
    case DependencyOp::kIn:
      return type == FeatureType::kLevel || type == FeatureType::kChoice;
    case DependencyOp::kIncludes:
    case DependencyOp::kIncludesAny:
      return type == FeatureType::kList;
  }
  return false;
}

// The value of an `in` (names of levels or choices) or list op, each checked against the
// feature; a single name is accepted for `includes`.
Result<FeatureValue> ParseNames(const Feature& feature, DependencyOp op, const json& value,
                                const std::string& where) {
  if (op == DependencyOp::kIncludes && value.is_string()) {
    return ParseFeatureValue(feature, json::array({value}), where);
  }
  if (!value.is_array() || value.empty()) {
    return InvalidArgument(where + ": '" + std::string(ToString(op)) +
                           "' needs a non-empty list of values");
  }
  if (feature.type == FeatureType::kList) return ParseFeatureValue(feature, value, where);
  std::vector<std::string> names;
  for (const json& item : value) {
    auto name = ParseFeatureValue(feature, item, where);
    if (!name.ok()) return name.status();
    names.push_back(std::get<std::string>(*name));
  }
  return FeatureValue(std::move(names));
}

Result<Dependency> ParseDependency(const TransferFramework& framework, const json& entry,
                                   const std::string& where) {
  if (!entry.is_object()) return InvalidArgument(where + ": expected {feature, op, value, why}");
  for (const char* key : {"feature", "op", "why", "severity"}) {
    auto it = entry.find(key);
    if (it != entry.end() && !it->is_string()) {
      return InvalidArgument(where + ": '" + key + "' must be a text");
    }
  }
  Dependency d;
  d.feature = entry.value("feature", "");
  const Feature* feature = framework.FindFeature(d.feature);
  if (!feature) return InvalidArgument(where + ": unknown feature '" + d.feature + "'");
  const std::string op_name = entry.value("op", "");
  auto op = OpFromString(op_name);
  if (!op) {
    return InvalidArgument(where + ": unknown op '" + op_name +
                           "' (use at_least, at_most, is, in, includes or includes_any)");
  }
  d.op = *op;
  if (!Applies(d.op, feature->type)) {
    return InvalidArgument(where + ": op '" + op_name + "' does not apply to the " +
                           std::string(ToString(feature->type)) + " feature '" + d.feature + "'");
  }
  auto value_it = entry.find("value");
  if (value_it == entry.end()) return InvalidArgument(where + ": needs a 'value'");
  const std::string w = where + ": value";
  const bool names = d.op == DependencyOp::kIn || feature->type == FeatureType::kList;
  auto value =
      names ? ParseNames(*feature, d.op, *value_it, w) : ParseFeatureValue(*feature, *value_it, w);
  if (!value.ok()) return value.status();
  d.value = std::move(*value);
  d.why = entry.value("why", "");
  if (entry.contains("severity")) {
    d.severity = SeverityFromString(entry.value("severity", ""));
    if (!d.severity) return InvalidArgument(where + ": 'severity' must be low, medium or high");
  }
  return d;
}

Result<CoreElement> ParseElement(const TransferFramework& framework, const json& entry,
                                 const std::string& where) {
  if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
      entry["id"].get<std::string>().empty()) {
    return InvalidArgument(where + ": a core element needs an 'id'");
  }
  CoreElement element;
  element.id = entry["id"].get<std::string>();
  const std::string w = where + ": core element '" + element.id + "'";
  auto label = ParseSomeText(entry, "label", w);
  if (!label.ok()) return label.status();
  element.label = *label;
  auto description = entry.find("description");
  if (description != entry.end() && !description->is_null()) {
    auto text = internal::ParseTextValue(*description, "description", w);
    if (!text.ok()) return text.status();
    element.description = std::move(*text);
  }
  auto deps = entry.find("relies_on");
  if (deps == entry.end() || !deps->is_array()) {
    return InvalidArgument(w + ": needs 'relies_on', a list of dependencies (may be empty)");
  }
  for (size_t i = 0; i < deps->size(); ++i) {
    auto d = ParseDependency(framework, (*deps)[i], w + ": relies_on[" + std::to_string(i) + "]");
    if (!d.ok()) return d.status();
    element.relies_on.push_back(std::move(*d));
  }
  return element;
}

Status ParseOrigin(const TransferFramework& framework, const json& doc, const std::string& where,
                   Case* c) {
  auto origin = doc.find("origin");
  if (origin == doc.end() || origin->is_null()) return Status::Ok();
  auto profile = ParseContextProfile(framework, *origin, where + ": origin");
  if (!profile.ok()) return profile.status();
  c->origin = std::move(*profile);
  return Status::Ok();
}

Status ParseElements(const TransferFramework& framework, const json& doc, const std::string& where,
                     Case* c) {
  auto elements = doc.find("core_elements");
  if (elements == doc.end() || elements->is_null()) return Status::Ok();
  if (!elements->is_array()) return InvalidArgument(where + ": 'core_elements' must be a list");
  std::set<std::string> ids;
  for (const json& entry : *elements) {
    auto element = ParseElement(framework, entry, where);
    if (!element.ok()) return element.status();
    if (!ids.insert(element->id).second) {
      return InvalidArgument(where + ": core element '" + element->id + "' is listed twice");
    }
    c->core_elements.push_back(std::move(*element));
  }
  return Status::Ok();
}

Result<Case> Parse(const TransferFramework& framework, const json& doc) {
  if (!doc.is_object()) return InvalidArgument("case: expected a map");
  Case c;
  c.id = doc.value("id", "");
  if (c.id.empty()) return InvalidArgument("case: needs an 'id'");
  if (!IsValidCaseId(c.id)) {
    return InvalidArgument("case: id '" + c.id +
                           "' must be 1 to 128 of a-z, 0-9, '.', '_', '-', starting with a "
                           "letter or digit");
  }
  const std::string where = "case '" + c.id + "'";
  auto title = ParseSomeText(doc, "title", where);
  if (!title.ok()) return title.status();
  c.title = *title;
  ECOSOL_RETURN_IF_ERROR(ParseOrigin(framework, doc, where, &c));
  ECOSOL_RETURN_IF_ERROR(ParseElements(framework, doc, where, &c));
  ECOSOL_RETURN_IF_ERROR(internal::ParseDescription(doc, where, &c));
  return c;
}

bool HasOrigin(const ContextProfile& p) {
  return !p.id.empty() || !p.name.empty() || !p.features.empty();
}

json ElementToJson(const CoreElement& e) {
  json deps = json::array();
  for (const Dependency& d : e.relies_on) {
    json dep = {{"feature", d.feature},
                {"op", std::string(ToString(d.op))},
                {"value", FeatureValueToJson(d.value)}};
    if (!d.why.empty()) dep["why"] = d.why;
    if (d.severity) dep["severity"] = std::string(ToString(*d.severity));
    deps.push_back(std::move(dep));
  }
  json out = {{"id", e.id}, {"label", e.label}, {"relies_on", std::move(deps)}};
  if (!e.description.empty()) out["description"] = e.description;
  return out;
}

}  // namespace

std::string_view ToString(DependencyOp op) {
  for (const OpInfo& info : kOps) {
    if (info.op == op) return info.name;
  }
  return "is";
}

Result<Case> ParseCase(const TransferFramework& framework, const json& doc) {
  try {
    return Parse(framework, doc);
  } catch (const json::exception& e) {
    return InvalidArgument("case: a value has the wrong type (" + std::string(e.what()) + ")");
  }
}

bool IsValidCaseId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const char ch = id[i];
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!alnum && (i == 0 || (ch != '.' && ch != '_' && ch != '-'))) return false;
  }
  return true;
}

json CaseToJson(const TransferFramework& framework, const Case& c) {
  json out = json::object();
  out["id"] = c.id;
  out["title"] = c.title;
  if (HasOrigin(c.origin)) out["origin"] = ContextProfileToJson(framework, c.origin);
  if (!c.core_elements.empty()) {
    out["core_elements"] = json::array();
    for (const CoreElement& e : c.core_elements) out["core_elements"].push_back(ElementToJson(e));
  }
  internal::DescriptionToJson(c, &out);
  return out;
}

}  // namespace ecosol::knowledge
