#pragma once

// What the loaders of the YAML frameworks of the domain modules (ecosystem building blocks and
// partner assets, knowledge transfer context) share: reading the file, the head every framework
// starts with, and texts given in the four working languages. Each error names the file and the
// entry, so that an editor of the framework can find and fix the mistake.
//
//   auto doc = ReadFrameworkFile(path, "building-blocks.yaml");
//   auto head = ParseFrameworkHead(*doc, "building_blocks", path);   // id, version
//   auto title = ParseTexts(*doc, "title", path);                    // en, fr, es, pt
//
// Thread safety: pure functions.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/base/status.h"

namespace ecosol::rules {

// The file at `path`, YAML read as JSON. `name` is the framework's file in the project
// ("building-blocks.yaml"), for the hint when the file cannot be read.
Result<nlohmann::json> ReadFrameworkFile(const std::string& path, const std::string& name);

struct FrameworkHead {
  std::string id;
  std::string version;
};

// Checks that `doc` is a map of `kind` with an id and a version.
Result<FrameworkHead> ParseFrameworkHead(const nlohmann::json& doc, const std::string& kind,
                                         const std::string& where);

// parent[key] as texts in en, fr, es and pt (language -> text), none of them empty.
Result<std::map<std::string, std::string>> ParseTexts(const nlohmann::json& parent,
                                                      const std::string& key,
                                                      const std::string& where);

// Runs `parse() -> Result<T>` over a framework document; a value of the wrong type that
// nlohmann::json throws on (a list where a map was expected...) becomes an InvalidArgument
// naming `where`, never a crash.
template <typename Parse>
auto ParseGuarded(const std::string& where, Parse&& parse) -> decltype(parse()) {
  try {
    return parse();
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(where + ": a value has the wrong type (" + std::string(e.what()) + ")");
  }
}

}  // namespace ecosol::rules
