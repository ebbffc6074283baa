// Texts in four languages and their templates (text_util.h).

#include "text_util.h"

namespace ecosol::knowledge::internal {

using nlohmann::json;

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  return kLanguages;
}

Result<Text> ParseSomeText(const json& parent, const std::string& key, const std::string& where) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) {
    return InvalidArgument(where + ": needs '" + key +
                           "', a map {language: text} in at least one of en, fr, es, pt");
  }
  Text text;
  for (auto t = it->begin(); t != it->end(); ++t) {
    bool known = false;
    for (const std::string& lang : Languages()) known = known || lang == t.key();
    if (!known) {
      return InvalidArgument(where + ": '" + key + "' has language '" + t.key() +
                             "' (use en, fr, es or pt)");
    }
    if (!t->is_string() || t->get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + key + "." + t.key() + "' must be a non-empty text");
    }
    text[t.key()] = t->get<std::string>();
  }
  if (text.empty()) return InvalidArgument(where + ": '" + key + "' has no text");
  return text;
}

std::string InLanguage(const Text& text, const std::string& lang) {
  auto it = text.find(lang);
  if (it != text.end()) return it->second;
  it = text.find("en");
  if (it != text.end()) return it->second;
  return text.empty() ? std::string() : text.begin()->second;
}

Text Same(const std::string& s) {
  Text out;
  for (const std::string& lang : Languages()) out[lang] = s;
  return out;
}

Text Fill(const Text& tpl, const std::map<std::string, Text>& values) {
  Text out;
  for (const std::string& lang : Languages()) {
    std::string s = InLanguage(tpl, lang);
    for (const auto& [key, text] : values) {
      const std::string mark = "{" + key + "}";
      const std::string value = InLanguage(text, lang);
      for (size_t at = s.find(mark); at != std::string::npos;
           at = s.find(mark, at + value.size())) {
        s.replace(at, mark.size(), value);
      }
    }
    out[lang] = s;
  }
  return out;
}

Text Join(const std::vector<Text>& parts) {
  Text out;
  for (const std::string& lang : Languages()) {
    std::string s;
    for (const Text& part : parts) {
      if (!s.empty()) s += ", ";
      s += InLanguage(part, lang);
    }
    out[lang] = s;
  }
  return out;
}

}  // namespace ecosol::knowledge::internal
