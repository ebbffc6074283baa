#pragma once

// Text analysis for search, shared by both store backends so that SQLite and PostgreSQL find the
// same things.
//
// Every word is case-folded and stripped of accents ("Coopérative" -> "cooperative"), then
// stemmed with the Snowball stemmers of English, French, Spanish and Portuguese; the index holds
// the folded word and each distinct stem. A query word matches a document word when they share
// any of these forms, so "cooperative" finds "coopérative" and "cooperativas" without knowing the
// language of either. Words of other scripts are folded and kept whole.
//
//   SearchTokens("Les coopératives")  -> {"les", "le", "cooperatives", "cooper", "cooperat", ...}
//   QueryTerms("cooperative bakery")  -> {{"cooperative", "cooper", ...}, {"bakery", "bakeri"}}
//
// Thread-safe: stemmers are per thread.

#include <string>
#include <string_view>
#include <vector>

namespace ecosol::text {

// Case-folds, removes diacritics and normalises (NFKC) UTF-8 text. Invalid UTF-8 is replaced.
std::string Fold(std::string_view text);

// Splits folded text into words (letters and digits; apostrophes and hyphens split words).
std::vector<std::string> Words(std::string_view folded);

// All index forms of the words in `text`, space-separated, ready for a full-text column.
std::string IndexForms(std::string_view text);

// For each word of a query, its alternative forms (folded word and stems), de-duplicated.
// Words shorter than 2 characters are dropped.
std::vector<std::vector<std::string>> QueryTerms(std::string_view query);

// A short extract of `text` (at most about `max_chars` characters) around the first matches
// of `terms`, with each matched word wrapped in "[[" and "]]". Returns "" when nothing matches.
std::string Snippet(std::string_view text, const std::vector<std::vector<std::string>>& terms,
                    size_t max_chars = 160);

}  // namespace ecosol::text
