// Survivorship rules (which source wins for which field) and the JSON form of merge records
// (registry/merge.h).

#include <nlohmann/json.hpp>

#include "ecosol/base/strings.h"
#include "ecosol/registry/merge.h"

namespace ecosol::registry {

using nlohmann::json;

SurvivorshipRules SurvivorshipRules::Default() {
  SurvivorshipRules r;
  for (const char* f : {"name", "legal_form", "founded", "dissolved"}) {
    r.fields[f] = {"coops-uk", "*"};
  }
  return r;
}

const std::vector<std::string>& SurvivorshipRules::OrderFor(const std::string& field) const {
  auto it = fields.find(field);
  return it == fields.end() ? default_order : it->second;
}

size_t SurvivorshipRules::Rank(const std::string& field, const std::string& source) const {
  const auto& order = OrderFor(field);
  for (size_t i = 0; i < order.size(); ++i) {
    const std::string& p = order[i];
    if (p == "*" || p == source || StartsWith(source, p + "-")) return i;
  }
  return order.size();
}

Result<SurvivorshipRules> SurvivorshipRulesFromJson(const json& j) {
  if (!j.is_object()) return InvalidArgument("rules: expected a JSON object");
  auto read_order = [](const json& v,
                       const std::string& where) -> Result<std::vector<std::string>> {
    if (!v.is_array() || v.empty()) {
      return InvalidArgument(where + ": expected a non-empty list of source patterns");
    }
    std::vector<std::string> out;
    for (const json& p : v) {
      if (!p.is_string() || p.get_ref<const std::string&>().empty()) {
        return InvalidArgument(where + ": each source pattern is a non-empty string");
      }
      out.push_back(p.get<std::string>());
    }
    return out;
  };
  SurvivorshipRules r;
  r.fields.clear();
  for (const auto& [key, value] : j.items()) {
    if (key == "default") {
      auto order = read_order(value, "rules.default");
      if (!order.ok()) return order.status();
      r.default_order = std::move(*order);
    } else if (key == "fields") {
      if (!value.is_object()) return InvalidArgument("rules.fields: expected a JSON object");
      for (const auto& [field, order_json] : value.items()) {
        if (!IsSurvivorshipField(field)) {
          return InvalidArgument("rules.fields." + field +
                                 ": not a field survivorship decides (one of name, legal_form, "
                                 "address, location, website, founded, dissolved, "
                                 "primary_activity, names, description, contacts, attributes, "
                                 "structures, activities, membership_types, qualifiers, claims)");
        }
        auto order = read_order(order_json, "rules.fields." + field);
        if (!order.ok()) return order.status();
        r.fields[field] = std::move(*order);
      }
    } else {
      return InvalidArgument("rules." + key + ": unknown key (use \"default\" and \"fields\")");
    }
  }
  return r;
}

json SurvivorshipRulesToJson(const SurvivorshipRules& rules) {
  json fields = json::object();
  for (const auto& [field, order] : rules.fields) fields[field] = order;
  return {{"default", rules.default_order}, {"fields", fields}};
}

json MergeRecordToJson(const store::MergeRecord& m) {
  json out = {{"id", m.id},
              {"survivor", m.survivor_id},
              {"merged", m.merged_ids},
              {"created_at", m.created_at},
              {"who", m.who},
              {"undone_at", m.undone_at.empty() ? json(nullptr) : json(m.undone_at)},
              {"undone_by", m.undone_by.empty() ? json(nullptr) : json(m.undone_by)}};
  json doc = json::parse(m.doc, nullptr, /*allow_exceptions=*/false);
  if (doc.is_object()) {
    for (const char* key : {"rules", "identifiers", "relationships", "result", "undo"}) {
      if (doc.contains(key)) out[key] = doc[key];
    }
    json fields = json::array();
    for (const json& f : doc.value("fields", json::array())) {
      fields.push_back({{"field", f.value("field", "")},
                        {"from", f.value("from", json::array())},
                        {"before", f.value("before", json(nullptr))},
                        {"after", f.value("after", json(nullptr))}});
    }
    out["fields"] = fields;
  }
  return out;
}

}  // namespace ecosol::registry
