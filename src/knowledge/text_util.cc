// Texts in four languages and their templates (text_util.h).

#include "text_util.h"

#include "ecosol/base/strings.h"

namespace ecosol::knowledge::internal {

using nlohmann::json;

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLanguages = {"en", "fr", "es", "pt"};
  return kLanguages;
}

namespace {

bool IsSubtag(std::string_view s, size_t min, size_t max, bool lower_letters_only) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool other = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!lower && (lower_letters_only || !other)) return false;
  }
  return true;
}

}  // namespace

bool IsLanguageCode(std::string_view code) {
  bool primary = true;
  for (const std::string& subtag : Split(code, '-')) {
    if (!(primary ? IsSubtag(subtag, 2, 3, true) : IsSubtag(subtag, 1, 8, false))) return false;
    primary = false;
  }
  return true;
}

Result<Text> ParseTextValue(const json& value, const std::string& name, const std::string& where) {
  if (!value.is_object()) {
    return InvalidArgument(where + ": '" + name + "' must be a map {language: text}");
  }
  Text text;
  for (auto t = value.begin(); t != value.end(); ++t) {
    if (!IsLanguageCode(t.key())) {
      return InvalidArgument(where + ": '" + name + "' has language '" + t.key() +
                             "' (use a language code such as en, fr, es or pt)");
    }
    if (!t->is_string() || t->get<std::string>().empty()) {
      return InvalidArgument(where + ": '" + name + "." + t.key() + "' must be a non-empty text");
    }
    text[t.key()] = t->get<std::string>();
  }
  if (text.empty()) return InvalidArgument(where + ": '" + name + "' has no text");
  return text;
}

Result<Text> ParseSomeText(const json& parent, const std::string& key, const std::string& where) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) {
    return InvalidArgument(where + ": needs '" + key +
                           "', a map {language: text} with at least one text");
  }
  return ParseTextValue(*it, key, where);
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
