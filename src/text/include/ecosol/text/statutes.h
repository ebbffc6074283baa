#pragma once

// Clauses of statutes (articles of association, bylaws): which of the provisions that make an
// organisation part of the social and solidarity economy its statutes contain, affirmed or
// negated, with the value they set and where in the text they are said.
//
//   auto analyzer = ClauseAnalyzer::Load("data/clauses");   // once; share the pointer
//   if (!analyzer.ok()) return analyzer.status();
//   Result<StatutesAnalysis> a = (*analyzer)->Analyze(
//       "Each member shall have one vote. At least 15% of the surplus shall be allocated to the "
//       "indivisible reserve.");
//   // a->language == "en"; a->clauses: one_member_one_vote (affirmed),
//   //   reserve_allocation_min (affirmed, value 0.15), indivisible_reserves (affirmed)
//   nlohmann::json j = ToJson(*a);
//
// The cues are data: data/clauses/<lang>.yaml hold, per language, the patterns of each clause
// type, the negation cues and their scope, and the number words; languages.yaml holds the
// stop-words that tell the languages apart. docs/statutes-analysis.md describes the format.
//
// How it works: all patterns of a language are compiled into one Hyperscan database that scans
// the raw bytes once; only around each hit is the sentence found, the pattern matched again with
// RE2 for its span and captured number, and negation looked for. Patterns are case-insensitive
// and accent-tolerant ("réserves" in a pattern also matches "RÉSERVES" and "reserves").

#include <filesystem>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/text/document.h"

namespace ecosol::text {

enum class Polarity { kAffirmed, kNegated };

// Byte offsets into the analysed text: text == analysed.substr(start, end - start).
struct ClauseEvidence {
  size_t start = 0;
  size_t end = 0;
  std::string text;
};

struct Clause {
  std::string type;  // one of ClauseTypes()
  Polarity polarity = Polarity::kAffirmed;
  // Percentages as fractions (0.35), multiples as numbers (8 for "1:8"); empty when the clause
  // states none.
  std::optional<double> value;
  ClauseEvidence evidence;  // the sentence that says it
};

struct StatutesAnalysis {
  std::string language;  // "en", "fr", "es", "pt" or "und"
  // In order of evidence; one entry per distinct (type, polarity, value), the first evidence.
  std::vector<Clause> clauses;
};

// The clause type ids, in a stable order.
const std::vector<std::string>& ClauseTypes();

// The language of `text` from the stop-words of its first 64 KB, with the profile of
// data/clauses/languages.yaml built into the library: "en", "fr", "es", "pt", or "und" when too
// few stop-words are found. Thread-safe.
std::string DetectLanguage(std::string_view text);

// The compiled cues of all languages. Immutable after Load; Analyze may be called from any number
// of threads at once (each thread keeps its own scan scratch space).
class ClauseAnalyzer {
 public:
  // Reads languages.yaml and every <lang>.yaml of `cues_dir`, and compiles the patterns.
  // InvalidArgument naming the file and the entry when a file is malformed or a pattern does not
  // compile; NotFound when the folder or a file is missing.
  static Result<std::shared_ptr<const ClauseAnalyzer>> Load(const std::filesystem::path& cues_dir);

  // `lang` is "auto" (detected with this analyzer's languages.yaml) or one of the languages of
  // the cue files; InvalidArgument for any other. Offsets refer to `text` as given; invalid UTF-8
  // is tolerated.
  Result<StatutesAnalysis> Analyze(std::string_view text, std::string_view lang = "auto") const;

  // The language of `text` by this analyzer's stop-word profile ("und" when unsure).
  std::string Detect(std::string_view text) const;

  // The languages with cue files, sorted ("en", "es", "fr", "pt").
  std::vector<std::string> Languages() const;

  // The scan patterns of `lang` ("all" for every language) as the regular expressions given to
  // Hyperscan: case-insensitive, without captures, in a syntax that ripgrep also reads (`rg -i
  // -f`). For benchmarks and for searching a corpus by hand.
  std::vector<std::string> ScanPatterns(std::string_view lang = "all") const;

  ~ClauseAnalyzer();
  ClauseAnalyzer(const ClauseAnalyzer&) = delete;
  ClauseAnalyzer& operator=(const ClauseAnalyzer&) = delete;

  struct Impl;  // the compiled cues (clause_scan.h)

 private:
  struct Private {};  // only Load constructs analyzers (through make_shared)

 public:
  ClauseAnalyzer(Private, std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

// {"language": "fr", "clauses": [{"type": "asset_lock", "polarity": "affirmed"|"negated",
//  "value": 0.35 | null, "evidence": {"start": 10, "end": 80, "text": "..."}}]}
nlohmann::json ToJson(const StatutesAnalysis& analysis);

std::string_view PolarityName(Polarity polarity);  // "affirmed" | "negated"

}  // namespace ecosol::text
