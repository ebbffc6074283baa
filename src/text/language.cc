#include "language.h"

#include <array>

#include "ecosol/text/statutes.h"

namespace ecosol::text {

LanguageDetector::LanguageDetector(const LanguageProfile& profile)
    : sample_bytes_(profile.sample_bytes), min_hits_(profile.min_hits) {
  for (const auto& [lang, words] : profile.stop_words) {
    if (languages_.size() >= 32) break;
    languages_.push_back(lang);
    for (const std::string& w : words) words_.push_back(w);
  }
  // Keys point into words_, which no longer grows.
  size_t k = 0;
  unsigned bit = 1;
  for (const auto& [lang, words] : profile.stop_words) {
    if (bit == 0) break;
    for (size_t n = 0; n < words.size(); ++n) index_[words_[k++]] |= bit;
    bit <<= 1;
  }
}

std::string LanguageDetector::Detect(std::string_view text) const {
  text = text.substr(0, std::min(text.size(), sample_bytes_));
  std::array<int, 32> counts{};
  char word[24];
  size_t len = 0;
  bool too_long = false;
  auto flush = [&] {
    if (len > 0 && !too_long) {
      auto it = index_.find(std::string_view(word, len));
      if (it != index_.end()) {
        for (size_t l = 0; l < languages_.size(); ++l) counts[l] += (it->second >> l) & 1u;
      }
    }
    len = 0;
    too_long = false;
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    bool letter = (u | 0x20) >= 'a' && (u | 0x20) <= 'z';
    if (!letter && u < 0x80) {
      flush();
      continue;
    }
    if (len == sizeof word) {
      too_long = true;
      continue;
    }
    word[len++] = letter ? static_cast<char>(u | 0x20) : c;
  }
  flush();
  int best = -1, second = -1;
  size_t best_lang = 0;
  for (size_t l = 0; l < languages_.size(); ++l) {
    if (counts[l] > best) {
      second = best;
      best = counts[l];
      best_lang = l;
    } else if (counts[l] > second) {
      second = counts[l];
    }
  }
  if (best < min_hits_ || best == second) return "und";
  return languages_[best_lang];
}

std::string DetectLanguage(std::string_view text) {
  static const LanguageDetector detector = [] {
    auto profile = ParseLanguageProfile(BuiltInLanguageProfile(), "languages.yaml (built in)");
    return LanguageDetector(profile.ok() ? *profile : LanguageProfile{});
  }();
  return detector.Detect(text);
}

}  // namespace ecosol::text
