#pragma once

// Helpers shared by records.cc, sortition.cc and verify.cc; private to the module.

#include <nlohmann/json.hpp>
#include <string>

namespace ecosol::participation {

// body[key] when body is an object and body[key] a string; empty otherwise. A log's bodies
// are read without trusting their shape, so no accessor here throws.
inline std::string StringField(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return "";
  const auto found = body.find(key);
  return found != body.end() && found->is_string() ? found->get<std::string>() : "";
}

// body[key] when body is an object and body[key] exists; a null json otherwise.
inline const nlohmann::json& Field(const nlohmann::json& body, const char* key) {
  static const nlohmann::json kNull;
  if (!body.is_object()) return kNull;
  const auto found = body.find(key);
  return found != body.end() ? *found : kNull;
}

}  // namespace ecosol::participation
