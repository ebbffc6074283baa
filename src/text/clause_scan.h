#pragma once

// Private to the text module: the compiled form of the cue files and the work done around each
// Hyperscan hit (sentence, span, value, negation). ClauseAnalyzer (clause_analyzer.cc) owns one
// Impl; everything here is immutable after Load and safe to use from many threads.

#include <hs/hs.h>
#include <re2/re2.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cue_pattern.h"
#include "cues.h"
#include "ecosol/text/statutes.h"
#include "language.h"

namespace ecosol::text {

struct HsDatabaseDeleter {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
using HsDatabase = std::unique_ptr<hs_database_t, HsDatabaseDeleter>;

struct CompiledPattern {
  size_t type = 0;  // index into ClauseTypes()
  size_t lang = 0;  // index into Impl::languages
  std::string scan;
  std::unique_ptr<RE2> span;  // the capture form, anchored at the end of its subject
  ValueKind kind = ValueKind::kNone;
  bool invert = false;
  bool negatable = true;
  std::optional<double> value;
  std::optional<bool> when_negated;
};

// A language's Hyperscan database, compiled on first use (compiling takes a few hundred
// milliseconds per language; a command that reads one document needs one language).
struct LazyDatabase {
  std::once_flag once;
  HsDatabase db;
  Status status;
};

struct CompiledLanguage {
  LanguageCues cues;
  // "(?:not-negation...)|(negation...)": group 1 is set when a real negation cue matched.
  std::unique_ptr<RE2> negation;
  size_t first_pattern = 0;  // the language's patterns are [first_pattern, end_pattern)
  size_t end_pattern = 0;
  std::unique_ptr<LazyDatabase> db = std::make_unique<LazyDatabase>();
};

// One Hyperscan report: pattern id and the end offset of a match.
struct Hit {
  unsigned id;
  size_t end;
};

}  // namespace ecosol::text

struct ecosol::text::ClauseAnalyzer::Impl {
  std::vector<CompiledPattern> patterns;
  std::vector<CompiledLanguage> languages;
  std::vector<std::string> where;  // per pattern, its file and entry for error messages
  std::optional<LanguageDetector> detector;
  std::map<std::string, std::vector<std::string>> overrides;  // from languages.yaml

  // The database of languages[lang], compiled once (thread-safe).
  Result<const hs_database_t*> Database(size_t lang) const;

  // The clauses found from `hits` (in order of end offset) of one scan of `text`.
  std::vector<Clause> Resolve(std::string_view text, const std::vector<Hit>& hits) const;
};
