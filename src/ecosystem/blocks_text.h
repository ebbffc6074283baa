#pragma once

// Private to the ecosystem module: filling the framework's sentence templates.

#include <cmath>
#include <map>
#include <string>

#include "ecosol/ecosystem/blocks.h"

namespace ecosol::ecosystem::internal {

// The same words in every language (a name, a number).
inline Text Same(const std::string& s) { return {{"en", s}, {"fr", s}, {"es", s}, {"pt", s}}; }

// A score for sentences: rounded to a whole number.
inline std::string Score(double v) { return std::to_string(std::lround(v)); }

// `tpl` per language with each {key} replaced by values[key] in that language.
inline Text Fill(const Text& tpl, const std::map<std::string, Text>& values) {
  Text out;
  for (const auto& [lang, pattern] : tpl) {
    std::string s = pattern;
    for (const auto& [key, text] : values) {
      const std::string mark = "{" + key + "}";
      auto it = text.find(lang);
      const std::string value = it == text.end() ? std::string() : it->second;
      for (size_t at = s.find(mark); at != std::string::npos;
           at = s.find(mark, at + value.size())) {
        s.replace(at, mark.size(), value);
      }
    }
    out[lang] = s;
  }
  return out;
}

}  // namespace ecosol::ecosystem::internal
