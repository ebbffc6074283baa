#pragma once

// Private to the ecosystem module: what the loaders of its YAML frameworks (building-blocks.yaml,
// partner-assets.yaml) share. Each error names the file and the entry, so that an editor of the
// framework can find and fix the mistake.

#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem::internal {

// parent[key] as a text in en, fr, es and pt, none of them empty.
Result<Text> ParseText(const nlohmann::json& parent, const std::string& key,
                       const std::string& where);

// The file at `path`, YAML read as JSON. `name` is the framework's file in the project
// ("building-blocks.yaml"), for the hint when the file cannot be read.
Result<nlohmann::json> ReadFrameworkYaml(const std::string& path, const std::string& name);

}  // namespace ecosol::ecosystem::internal
