// Context profiles: reading and writing the values of a place's features (context.h).

#include "ecosol/knowledge/context.h"

#include <algorithm>
#include <set>

namespace ecosol::knowledge {
namespace {

using nlohmann::json;

std::string Quoted(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

bool Listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Result<FeatureValue> ParseNumber(const Feature& feature, const json& value,
                                 const std::string& where) {
  const bool share = feature.type == FeatureType::kShare;
  if (!value.is_number() || value.get<double>() < 0 || (share && value.get<double>() > 1)) {
    return InvalidArgument(
        where + ": expected " +
        (share ? std::string("a share from 0 to 1") : std::string("a number of at least 0")));
  }
  return FeatureValue(value.get<double>());
}

Result<FeatureValue> ParseName(const Feature& feature, const json& value,
                               const std::string& where) {
  const auto& names = feature.type == FeatureType::kLevel ? feature.levels : feature.values;
  if (!value.is_string() || !Listed(names, value.get<std::string>())) {
    return InvalidArgument(where + ": expected one of " + Quoted(names) + ", got " + value.dump());
  }
  return FeatureValue(value.get<std::string>());
}

Result<FeatureValue> ParseList(const Feature& feature, const json& value,
                               const std::string& where) {
  if (!value.is_array()) {
    return InvalidArgument(where + ": expected a list of " + Quoted(feature.values));
  }
  std::vector<std::string> items;
  std::set<std::string> seen;
  for (const json& item : value) {
    if (!item.is_string() || !Listed(feature.values, item.get<std::string>())) {
      return InvalidArgument(where + ": " + item.dump() + " is not one of " +
                             Quoted(feature.values));
    }
    if (seen.insert(item.get<std::string>()).second) items.push_back(item.get<std::string>());
  }
  return FeatureValue(std::move(items));
}

Status ParseDomainFeatures(const TransferFramework& framework, const std::string& domain,
                           const json& section, const std::string& where, ContextProfile* profile) {
  if (!section.is_object()) return InvalidArgument(where + ": expected a map {feature: value}");
  for (auto it = section.begin(); it != section.end(); ++it) {
    const std::string w = where + ": " + it.key();
    const Feature* feature = framework.FindFeature(it.key());
    if (!feature) return InvalidArgument(w + ": unknown feature '" + it.key() + "'");
    if (feature->domain != domain) {
      return InvalidArgument(w + ": the feature belongs to '" + feature->domain + "', not to '" +
                             domain + "'");
    }
    if (it->is_null()) continue;  // stated as unknown
    auto value = ParseFeatureValue(*feature, *it, w);
    if (!value.ok()) return value.status();
    profile->features[feature->id] = std::move(*value);
  }
  return Status::Ok();
}

}  // namespace

const FeatureValue* ContextProfile::Find(const std::string& feature) const {
  auto it = features.find(feature);
  return it == features.end() ? nullptr : &it->second;
}

Result<FeatureValue> ParseFeatureValue(const Feature& feature, const json& value,
                                       const std::string& where) {
  switch (feature.type) {
    case FeatureType::kShare:
    case FeatureType::kNumber:
      return ParseNumber(feature, value, where);
    case FeatureType::kLevel:
    case FeatureType::kChoice:
      return ParseName(feature, value, where);
    case FeatureType::kList:
      return ParseList(feature, value, where);
    case FeatureType::kBool:
      if (!value.is_boolean()) return InvalidArgument(where + ": expected true or false");
      return FeatureValue(value.get<bool>());
  }
  return InvalidArgument(where + ": unsupported feature type");
}

json FeatureValueToJson(const FeatureValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

Result<ContextProfile> ParseContextProfile(const TransferFramework& framework, const json& doc,
                                           const std::string& where) {
  if (!doc.is_object()) return InvalidArgument(where + ": expected a map");
  ContextProfile profile;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string& key = it.key();
    if (key == "id" || key == "name") {
      if (!it->is_string()) return InvalidArgument(where + ": '" + key + "' must be a text");
      (key == "id" ? profile.id : profile.name) = it->get<std::string>();
      continue;
    }
    if (!framework.FindDomain(key)) {
      return InvalidArgument(where + ": '" + key + "' is not id, name or a context domain (" +
                             Quoted(CiciDomains()) + ")");
    }
    ECOSOL_RETURN_IF_ERROR(ParseDomainFeatures(framework, key, *it, where + ": " + key, &profile));
  }
  return profile;
}

json ContextProfileToJson(const TransferFramework& framework, const ContextProfile& profile) {
  json out = json::object();
  if (!profile.id.empty()) out["id"] = profile.id;
  if (!profile.name.empty()) out["name"] = profile.name;
  for (const Feature& feature : framework.features) {
    const FeatureValue* value = profile.Find(feature.id);
    if (value) out[feature.domain][feature.id] = FeatureValueToJson(*value);
  }
  return out;
}

}  // namespace ecosol::knowledge
