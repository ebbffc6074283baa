#pragma once

// Private to the knowledge module: texts in four languages and their templates, and the texts of
// case documents, which may be in any language.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/knowledge/framework.h"

namespace ecosol::knowledge::internal {

// The working languages (ARCHITECTURE.md): every framework text has all four.
const std::vector<std::string>& Languages();

// True for a BCP-47-style language code: a primary subtag of 2 or 3 lower-case letters, then
// optional subtags of 1 to 8 letters or digits after '-' ("en", "und", "pt-BR", "zh-Hant").
bool IsLanguageCode(std::string_view code);

// `value` (called `name` in errors) as a text written by case authors: a map {language code:
// non-empty text} with at least one entry, in any language.
Result<Text> ParseTextValue(const nlohmann::json& value, const std::string& name,
                            const std::string& where);

// parent[key] as ParseTextValue reads it; an error when it is missing.
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
