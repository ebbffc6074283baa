#pragma once

// Private to the text module: turns a cue pattern as written in data/clauses/*.yaml into the two
// regular expressions that run on the text.
//
// The cue dialect is the common subset of Hyperscan, RE2 and ripgrep syntax, plus:
//   - a space matches any run of white space (line breaks included);
//   - an apostrophe matches ' and ’;
//   - an accented letter matches itself in both cases and its unaccented letter ("é" matches é,
//     É, e and E); letters without accents match both cases (the scan is case-insensitive);
//   - {percent}, {multiple}, {number} match a number written in digits or in words of the
//     language and capture it (at most one per pattern); {gap} is up to 120 bytes and {short} up
//     to 30 bytes within the same clause (no '.', ';' or line break);
//   - groups never capture; non-ASCII characters are not allowed inside [...].
// The scan form (Hyperscan, byte mode, case-insensitive) is a cheap superset: gaps unbounded,
// numbers in words as any run of words. The capture form (RE2, UTF-8, case-insensitive, the
// number as group 1) is exact and runs only on the sentence around each scan hit.

#include <string>
#include <string_view>

#include "cues.h"
#include "ecosol/base/status.h"

namespace ecosol::text {

enum class ValueKind { kNone, kPercent, kMultiple, kNumber };

struct ExpandedPattern {
  std::string scan;
  std::string capture;
  ValueKind kind = ValueKind::kNone;
};

// InvalidArgument (without the location, which the caller adds) for an unknown {macro}, two
// value macros, non-ASCII inside [...] or an unbalanced bracket.
Result<ExpandedPattern> ExpandPattern(std::string_view source, const NumberWords& numbers);

}  // namespace ecosol::text
