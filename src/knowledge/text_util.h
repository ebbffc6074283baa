#pragma once

// Private to the knowledge module: texts in four languages and their templates.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge::internal {

// The working languages (ARCHITECTURE.md): every framework text has all four.
const std::vector<std::string>& Languages();

// parent[key] as a text in at least one of en, fr, es, pt (texts written by case authors).
Result<Text> ParseSomeText(const nlohmann::json& parent, const std::string& key,
                           const std::string& where);

// `text` in `lang`, else in English, else in any language it has.
std::string InLanguage(const Text& text, const std::string& lang);

// The same words in every language (a name, a number).
Text Same(const std::string& s);

// `tpl` per language with each {key} replaced by values[key] in that language (falling back as
// InLanguage does).
Text Fill(const Text& tpl, const std::map<std::string, Text>& values);

// Texts joined with ", " per language.
Text Join(const std::vector<Text>& parts);

}  // namespace ecosol::knowledge::internal
