#pragma once

// YAML documents as JSON, for frameworks written in YAML and evaluated by the rules engine
// (screening frameworks, ecosystem building blocks, ...).
//
//   auto doc = YamlToJson("weight: 0.5\nversion: \"1.0\"\n", "frameworks/x.yaml");
//   // -> {"weight": 0.5, "version": "1.0"}
//
// Plain scalars are typed as in the YAML 1.2 core schema (true/false, null, integers, floats);
// quoted scalars stay strings. Nothing throws: yaml-cpp exceptions are caught here.
// Thread safety: a pure function.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ecosol/base/status.h"

namespace ecosol::rules {

// YAML text -> JSON. Fails with InvalidArgument naming `where` and the line of a syntax error.
Result<nlohmann::json> YamlToJson(std::string_view yaml, const std::string& where);

}  // namespace ecosol::rules
