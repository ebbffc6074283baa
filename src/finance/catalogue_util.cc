// Shared parsing of the finance frameworks (catalogue_util.h).

#include "catalogue_util.h"

#include <set>

#include "ecosol/rules/framework_file.h"

namespace ecosol::finance::catalogue_internal {

using nlohmann::json;

Result<std::string> ParseId(const json& entry, const std::string& where) {
  if (!entry.is_object()) return InvalidArgument(where + ": expected a map with an 'id'");
  auto it = entry.find("id");
  if (it == entry.end() || !it->is_string() || it->get<std::string>().empty()) {
    return InvalidArgument(where + ": an entry has no 'id'");
  }
  return it->get<std::string>();
}

Result<Text> ParseText(const json& entry, const std::string& key, const std::string& where) {
  return rules::ParseTexts(entry, key, where);
}

Result<Text> ParseTextValue(const json& value, const std::string& where) {
  json holder = json::object();
  holder["text"] = value;
  return rules::ParseTexts(holder, "text", where);
}

Result<std::vector<Source>> ParseSources(const json& doc, const std::string& where) {
  auto it = doc.find("sources");
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return InvalidArgument(where + ": needs 'sources', a list of {id, title, verified}");
  }
  std::vector<Source> out;
  std::set<std::string> seen;
  for (const json& entry : *it) {
    auto id = ParseId(entry, where + ": sources");
    if (!id.ok()) return id.status();
    const std::string w = where + ": source '" + *id + "'";
    if (!seen.insert(*id).second) return InvalidArgument(w + ": listed twice");
    auto title = entry.find("title");
    if (title == entry.end() || !title->is_string() || title->get<std::string>().empty()) {
      return InvalidArgument(w + ": needs a 'title' saying what the source is");
    }
    auto verified = entry.find("verified");
    if (verified == entry.end() || !verified->is_boolean()) {
      return InvalidArgument(w + ": 'verified' must be true or false");
    }
    out.push_back({*id, title->get<std::string>(), verified->get<bool>()});
  }
  return out;
}

Result<SourceRef> ParseSourceRef(const json& entry, const std::vector<Source>& sources,
                                 const std::string& where) {
  auto it = entry.find("source");
  if (it == entry.end() || !it->is_object() || !it->contains("ref") || !(*it)["ref"].is_string()) {
    return InvalidArgument(where + ": needs 'source: {ref: <a source id>, article: ...}'");
  }
  SourceRef ref{(*it)["ref"].get<std::string>(), it->value("article", "")};
  for (const Source& s : sources) {
    if (s.id == ref.ref) return ref;
  }
  return InvalidArgument(where + ": source '" + ref.ref + "' is not listed under 'sources'");
}

Result<rules::Rule> ParseRule(const json& entry, const std::string& where) {
  auto it = entry.find("rule");
  if (it == entry.end()) return InvalidArgument(where + ": needs a 'rule' (JSON Logic)");
  auto rule = rules::Rule::Compile(*it);
  if (!rule.ok()) return rule.status().WithContext(where + ": rule");
  return rule;
}

Result<std::vector<std::string>> ParseStrings(const json& entry, const std::string& key,
                                              const std::string& where) {
  std::vector<std::string> out;
  auto it = entry.find(key);
  if (it == entry.end()) return out;
  if (!it->is_array()) return InvalidArgument(where + ": '" + key + "' must be a list");
  for (const json& v : *it) {
    if (!v.is_string() || v.get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + key + "' must list non-empty names");
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

const json* FindPath(const json& facts, const std::string& path) {
  const json* node = &facts;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
    if (dot == std::string::npos) return node;
    start = dot + 1;
  }
}

void SetPath(json& facts, const std::string& path, json value) {
  json* node = &facts;
  size_t start = 0;
  while (true) {
    if (!node->is_object()) *node = json::object();
    const size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    if (dot == std::string::npos) {
      (*node)[key] = std::move(value);
      return;
    }
    node = &(*node)[key];
    start = dot + 1;
  }
}

}  // namespace ecosol::finance::catalogue_internal
