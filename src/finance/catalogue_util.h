#pragma once

// What the loaders of the finance frameworks (mechanisms, readiness) share: ids, sources, texts
// and compiled rules, each error naming the file and the entry. Private to the module.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/finance/mechanisms.h"
#include "ecosol/rules/rule.h"

namespace ecosol::finance::catalogue_internal {

// entry["id"], a non-empty string.
Result<std::string> ParseId(const nlohmann::json& entry, const std::string& where);
// entry["key"] as texts in the four languages.
Result<Text> ParseText(const nlohmann::json& entry, const std::string& key,
                       const std::string& where);
// A bare value (not under a key) as texts in the four languages.
Result<Text> ParseTextValue(const nlohmann::json& value, const std::string& where);
// doc["sources"]: a non-empty list of {id, title, verified}.
Result<std::vector<Source>> ParseSources(const nlohmann::json& doc, const std::string& where);
// entry["source"]: {ref, article?} whose ref is one of `sources`.
Result<SourceRef> ParseSourceRef(const nlohmann::json& entry, const std::vector<Source>& sources,
                                 const std::string& where);
// entry["rule"] compiled; the error carries the rules engine's message.
Result<rules::Rule> ParseRule(const nlohmann::json& entry, const std::string& where);
// entry[key] as a list of non-empty strings (absent: empty).
Result<std::vector<std::string>> ParseStrings(const nlohmann::json& entry, const std::string& key,
                                              const std::string& where);
// "a, b, c"
std::string Join(const std::vector<std::string>& items);
// The value at a dotted path ("governance.voting_rule") of `facts`, or nullptr when absent.
const nlohmann::json* FindPath(const nlohmann::json& facts, const std::string& path);
// Sets the value at a dotted path, creating the objects on the way (replacing non-objects).
void SetPath(nlohmann::json& facts, const std::string& path, nlohmann::json value);

}  // namespace ecosol::finance::catalogue_internal
