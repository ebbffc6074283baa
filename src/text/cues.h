#pragma once

// Private to the text module: the cue data of data/clauses/ as read from YAML, before
// compilation. Value types; thread-safe to share once built.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::text {

// How numbers are written in one language. Keys are folded (lower case, no accents, hyphens as
// spaces); the regex lists are pattern fragments in the cue dialect (cue_pattern.h).
struct NumberWords {
  std::map<std::string, double> words;        // "thirty" -> 30, "quatre vingt" -> 80
  std::map<std::string, double> multipliers;  // "hundred" -> 100 ("two hundred" = 2 x 100)
  std::vector<std::string> connectors;        // "and", "et", "y", "e"
  std::map<std::string, double> fractions;    // "two thirds" -> 0.6667, "la mitad" -> 0.5
  std::vector<std::string> percent;           // regexes after a number: "%", "per ?cent"
  std::vector<std::string> times;             // regexes after a number: "times", "x\b"
  std::vector<std::string> ratio;             // regexes between "1" and a number: ":", "to"
  // The number words, multipliers and fractions as written (with their accents), for building
  // the regular expressions that find them.
  std::vector<std::string> number_spellings;
  std::vector<std::string> fraction_spellings;
};

// One pattern of a clause type, as written in the file.
struct PatternSpec {
  std::string type;
  std::string source;
  std::string where;            // "fr.yaml: clauses.asset_lock[2]", for error messages
  bool invert = false;          // the pattern states the opposite: negated text affirms the clause
  bool negatable = true;        // false when the pattern contains its own negation ("no more than")
  std::optional<double> value;  // the value when none is captured and the clause is affirmed
  // Report the match only when the text itself is negated (true) or not (false), before invert:
  // "the surplus shall not be distributed" caps distributions, "shall be distributed" says
  // nothing about a cap.
  std::optional<bool> when_negated;
};

struct LanguageCues {
  std::string language;
  std::string file;
  std::vector<PatternSpec> patterns;
  std::vector<std::string> negation_cues;
  std::vector<std::string> not_negation;  // phrases that contain a negation cue but bound a value
  int scope_words = 6;
  NumberWords numbers;
};

struct LanguageProfile {
  size_t sample_bytes = 65536;
  int min_hits = 5;
  std::map<std::string, std::vector<std::string>> stop_words;  // language -> words
  // In one sentence, an affirmed clause of the key type cancels the affirmed clauses of the
  // listed types ("one vote for each share" is not one member one vote).
  std::map<std::string, std::vector<std::string>> overrides;
};

// Reads one <lang>.yaml. `known_types` are the valid clause type ids.
Result<LanguageCues> LoadLanguageCues(const std::filesystem::path& file,
                                      const std::vector<std::string>& known_types);

// Parses languages.yaml; `where` names it in errors.
Result<LanguageProfile> ParseLanguageProfile(std::string_view yaml, std::string_view where);

// Reads a whole file; NotFound naming it when it cannot.
Result<std::string> ReadWholeFile(const std::filesystem::path& file, size_t max_bytes);

// Lower case, accents removed, hyphens and runs of spaces as one space: the form in which number
// words and fractions are compared.
std::string FoldPhrase(std::string_view text);

}  // namespace ecosol::text
