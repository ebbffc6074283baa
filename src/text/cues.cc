#include "cues.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ecosol/text/search_text.h"

namespace ecosol::text {

namespace fs = std::filesystem;

namespace {

// Errors found while reading a file; yaml-cpp's exceptions stop at this file's functions.
Status Bad(std::string_view where, std::string_view what) {
  return InvalidArgument(std::string(where) + ": " + std::string(what));
}

Result<std::string> ScalarString(const YAML::Node& node, const std::string& where) {
  if (!node.IsScalar()) return Bad(where, "expected a string");
  std::string s = node.as<std::string>();
  if (s.empty()) return Bad(where, "empty string");
  return s;
}

Result<double> ScalarNumber(const YAML::Node& node, const std::string& where) {
  double v = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, v)) {
    return Bad(where, "expected a number");
  }
  return v;
}

Result<std::vector<std::string>> StringList(const YAML::Node& node, const std::string& where) {
  std::vector<std::string> out;
  if (!node) return out;
  if (!node.IsSequence()) return Bad(where, "expected a list of strings");
  for (size_t i = 0; i < node.size(); ++i) {
    auto s = ScalarString(node[i], where + "[" + std::to_string(i) + "]");
    if (!s.ok()) return s.status();
    out.push_back(std::move(*s));
  }
  return out;
}

Result<std::map<std::string, double>> NumberMap(const YAML::Node& node, const std::string& where,
                                                std::vector<std::string>* spellings) {
  std::map<std::string, double> out;
  if (!node) return out;
  if (!node.IsMap()) return Bad(where, "expected a map of words to numbers");
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    auto v = ScalarNumber(kv.second, where + "." + key);
    if (!v.ok()) return v.status();
    if (FoldPhrase(key).empty()) return Bad(where, "empty word");
    out[FoldPhrase(key)] = *v;
    spellings->push_back(key);
  }
  return out;
}

Status CheckKeys(const YAML::Node& node, const std::vector<std::string>& allowed,
                 const std::string& where) {
  for (const auto& kv : node) {
    std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Bad(where, "unknown key '" + key + "'");
    }
  }
  return Status::Ok();
}

Result<NumberWords> ParseNumbers(const YAML::Node& node, const std::string& where) {
  NumberWords n;
  if (!node) return n;
  if (!node.IsMap()) return Bad(where, "expected a map");
  ECOSOL_RETURN_IF_ERROR(CheckKeys(
      node, {"words", "multipliers", "connectors", "fractions", "percent", "times", "ratio"},
      where));
  auto words = NumberMap(node["words"], where + ".words", &n.number_spellings);
  auto multipliers = NumberMap(node["multipliers"], where + ".multipliers", &n.number_spellings);
  auto fractions = NumberMap(node["fractions"], where + ".fractions", &n.fraction_spellings);
  auto connectors = StringList(node["connectors"], where + ".connectors");
  auto percent = StringList(node["percent"], where + ".percent");
  auto times = StringList(node["times"], where + ".times");
  auto ratio = StringList(node["ratio"], where + ".ratio");
  for (const Status& st : {words.status(), multipliers.status(), fractions.status(),
                           connectors.status(), percent.status(), times.status(), ratio.status()}) {
    if (!st.ok()) return st;
  }
  n.words = std::move(*words);
  n.multipliers = std::move(*multipliers);
  n.fractions = std::move(*fractions);
  for (const std::string& c : *connectors) n.connectors.push_back(FoldPhrase(c));
  n.percent = std::move(*percent);
  n.times = std::move(*times);
  n.ratio = std::move(*ratio);
  return n;
}

Result<PatternSpec> ParsePattern(const YAML::Node& node, const std::string& type,
                                 const std::string& where) {
  PatternSpec p;
  p.type = type;
  p.where = where;
  if (node.IsScalar()) {
    auto s = ScalarString(node, where);
    if (!s.ok()) return s.status();
    p.source = std::move(*s);
    return p;
  }
  if (!node.IsMap()) return Bad(where, "expected a pattern string or a map with 'pattern'");
  ECOSOL_RETURN_IF_ERROR(
      CheckKeys(node, {"pattern", "invert", "negatable", "value", "when"}, where));
  auto s = ScalarString(node["pattern"], where + ".pattern");
  if (!s.ok()) return s.status();
  p.source = std::move(*s);
  if (node["invert"]) p.invert = node["invert"].as<bool>();
  if (node["negatable"]) p.negatable = node["negatable"].as<bool>();
  if (node["when"]) {
    std::string when = node["when"].as<std::string>();
    if (when != "negated" && when != "affirmed") {
      return Bad(where + ".when", "expected 'negated' or 'affirmed'");
    }
    p.when_negated = when == "negated";
  }
  if (node["value"]) {
    auto v = ScalarNumber(node["value"], where + ".value");
    if (!v.ok()) return v.status();
    p.value = *v;
  }
  return p;
}

Status ParseClauses(const YAML::Node& node, const std::string& file,
                    const std::vector<std::string>& known_types, LanguageCues* cues) {
  if (!node || !node.IsMap()) return Bad(file, "'clauses' must be a map of clause types");
  for (const auto& kv : node) {
    std::string type = kv.first.as<std::string>();
    std::string where = file + ": clauses." + type;
    if (std::find(known_types.begin(), known_types.end(), type) == known_types.end()) {
      return Bad(where, "unknown clause type (see ClauseTypes() in statutes.h)");
    }
    if (!kv.second.IsSequence()) return Bad(where, "expected a list of patterns");
    for (size_t i = 0; i < kv.second.size(); ++i) {
      auto p = ParsePattern(kv.second[i], type, where + "[" + std::to_string(i) + "]");
      if (!p.ok()) return p.status();
      cues->patterns.push_back(std::move(*p));
    }
  }
  return Status::Ok();
}

Status ParseNegation(const YAML::Node& node, const std::string& where, LanguageCues* cues) {
  if (!node || !node.IsMap()) return Bad(where, "missing map");
  ECOSOL_RETURN_IF_ERROR(CheckKeys(node, {"scope_words", "cues", "not_negation"}, where));
  if (node["scope_words"]) {
    auto n = ScalarNumber(node["scope_words"], where + ".scope_words");
    if (!n.ok()) return n.status();
    if (*n < 0 || *n > 50) return Bad(where + ".scope_words", "expected 0 to 50");
    cues->scope_words = static_cast<int>(*n);
  }
  auto c = StringList(node["cues"], where + ".cues");
  if (!c.ok()) return c.status();
  if (c->empty()) return Bad(where + ".cues", "at least one negation cue is needed");
  auto nn = StringList(node["not_negation"], where + ".not_negation");
  if (!nn.ok()) return nn.status();
  cues->negation_cues = std::move(*c);
  cues->not_negation = std::move(*nn);
  return Status::Ok();
}

Result<LanguageCues> ParseLanguageCues(const YAML::Node& root, const std::string& file,
                                       const std::vector<std::string>& known_types) {
  if (!root.IsMap()) return Bad(file, "expected a map at the top level");
  ECOSOL_RETURN_IF_ERROR(CheckKeys(root, {"language", "negation", "numbers", "clauses"}, file));
  LanguageCues cues;
  cues.file = file;
  auto lang = ScalarString(root["language"], file + ": language");
  if (!lang.ok()) return lang.status();
  cues.language = *lang;
  ECOSOL_RETURN_IF_ERROR(ParseNegation(root["negation"], file + ": negation", &cues));
  auto numbers = ParseNumbers(root["numbers"], file + ": numbers");
  if (!numbers.ok()) return numbers.status();
  cues.numbers = std::move(*numbers);
  ECOSOL_RETURN_IF_ERROR(ParseClauses(root["clauses"], file, known_types, &cues));
  return cues;
}

}  // namespace

Result<std::string> ReadWholeFile(const fs::path& file, size_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return InvalidArgument(file.string() + ": is a folder");
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound(file.string() + ": cannot be read (missing or not permitted)");
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > max_bytes) {
      return InvalidArgument(file.string() + ": larger than " + std::to_string(max_bytes >> 20) +
                             " MB");
    }
  }
  return data;
}

std::string FoldPhrase(std::string_view text) {
  std::string folded = Fold(text);
  std::string out;
  for (char c : folded) {
    bool space = c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Result<LanguageCues> LoadLanguageCues(const fs::path& file,
                                      const std::vector<std::string>& known_types) {
  auto data = ReadWholeFile(file, 4u << 20);
  if (!data.ok()) return data.status();
  std::string name = file.filename().string();
  try {
    return ParseLanguageCues(YAML::Load(*data), name, known_types);
  } catch (const YAML::Exception& e) {
    return Bad(file.string(), std::string("not valid YAML: ") + e.what());
  }
}

Result<LanguageProfile> ParseLanguageProfile(std::string_view yaml, std::string_view where) {
  std::string w(where);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root.IsMap()) return Bad(w, "expected a map at the top level");
    ECOSOL_RETURN_IF_ERROR(
        CheckKeys(root, {"sample_bytes", "min_hits", "stop_words", "overrides"}, w));
    LanguageProfile p;
    if (root["sample_bytes"]) p.sample_bytes = root["sample_bytes"].as<size_t>();
    if (root["min_hits"]) p.min_hits = root["min_hits"].as<int>();
    if (!root["stop_words"] || !root["stop_words"].IsMap()) {
      return Bad(w, "'stop_words' must map each language to its words");
    }
    for (const auto& kv : root["stop_words"]) {
      std::string lang = kv.first.as<std::string>();
      auto words = StringList(kv.second, w + ": stop_words." + lang);
      if (!words.ok()) return words.status();
      p.stop_words[lang] = std::move(*words);
    }
    if (root["overrides"] && !root["overrides"].IsMap()) {
      return Bad(w, "'overrides' must map a clause type to the types it cancels");
    }
    for (const auto& kv : root["overrides"]) {
      std::string type = kv.first.as<std::string>();
      auto cancelled = StringList(kv.second, w + ": overrides." + type);
      if (!cancelled.ok()) return cancelled.status();
      p.overrides[type] = std::move(*cancelled);
    }
    return p;
  } catch (const YAML::Exception& e) {
    return Bad(w, std::string("not valid YAML: ") + e.what());
  }
}

}  // namespace ecosol::text
