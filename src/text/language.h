#pragma once

// Private to the text module: tells English, French, Spanish and Portuguese apart by counting
// their stop-words (languages.yaml) in a sample of the text. Immutable and thread-safe.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cues.h"

namespace ecosol::text {

class LanguageDetector {
 public:
  explicit LanguageDetector(const LanguageProfile& profile);
  // The index points into words_: moving keeps the strings in place, copying would not.
  LanguageDetector(LanguageDetector&&) = default;
  LanguageDetector(const LanguageDetector&) = delete;
  LanguageDetector& operator=(const LanguageDetector&) = delete;

  // The language with the most stop-words in the first sample_bytes of `text`; "und" when it has
  // fewer than min_hits or ties with another.
  std::string Detect(std::string_view text) const;

 private:
  std::vector<std::string> languages_;
  std::vector<std::string> words_;                        // owns the keys of index_
  std::unordered_map<std::string_view, unsigned> index_;  // word -> bit per language
  size_t sample_bytes_;
  int min_hits_;
};

// The languages.yaml built into the library (see CMakeLists.txt).
std::string_view BuiltInLanguageProfile();

}  // namespace ecosol::text
