// YAML -> JSON with yaml-cpp. yaml-cpp keeps every scalar as text; the types follow the YAML 1.2
// core schema for plain scalars, and quoted scalars (tag "!") stay strings, so `version: "1.0"`
// is a string and `weight: 0.5` a number.

#include "ecosol/rules/yaml_json.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdlib>
#include <regex>

namespace ecosol::rules {
namespace {

nlohmann::json PlainScalar(const std::string& s) {
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  static const std::regex kInt("[-+]?[0-9]+");
  static const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (std::regex_match(s, kInt)) {
    long long v = 0;
    auto [ptr, ec] = std::from_chars(s.data() + (s[0] == '+' ? 1 : 0), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size()) return v;
  }
  if (std::regex_match(s, kFloat)) return std::strtod(s.c_str(), nullptr);
  return s;
}

nlohmann::json Convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return nullptr;
    case YAML::NodeType::Scalar:
      if (node.Tag() == "!") return node.Scalar();
      return PlainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const YAML::Node& item : node) out.push_back(Convert(item));
      return out;
    }
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& kv : node) out[kv.first.as<std::string>()] = Convert(kv.second);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

Result<nlohmann::json> YamlToJson(std::string_view yaml, const std::string& where) {
  try {
    return Convert(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    return InvalidArgument(where + ": line " + std::to_string(e.mark.line + 1) + ": " + e.msg +
                           " (fix the YAML syntax there)");
  }
}

}  // namespace ecosol::rules
