#include "numbers.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace ecosol::text {
namespace {

std::vector<std::string> Tokens(const std::string& folded) {
  // Folded text: lower-case ASCII letters and digits, a decimal separator inside digit runs.
  std::vector<std::string> tokens;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    bool digit = c >= '0' && c <= '9';
    bool decimal = (c == ',' || c == '.') && !cur.empty() && cur.back() >= '0' &&
                   cur.back() <= '9' && i + 1 < folded.size() && folded[i + 1] >= '0' &&
                   folded[i + 1] <= '9';
    bool letter = (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    bool cur_digits = !cur.empty() && cur[0] >= '0' && cur[0] <= '9';
    if (decimal) {
      cur += '.';
    } else if (digit) {
      if (!cur.empty() && !cur_digits) flush();
      cur += c;
    } else if (letter) {
      if (cur_digits) flush();
      cur += c;
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

bool IsDigits(const std::string& t) { return !t.empty() && t[0] >= '0' && t[0] <= '9'; }

// The longest number word or multiplier (up to three tokens) at tokens[i].
struct WordMatch {
  size_t length = 0;
  double value = 0;
  bool multiplier = false;
};

WordMatch MatchWord(const std::vector<std::string>& tokens, size_t i, const NumberWords& w) {
  WordMatch best;
  std::string phrase;
  for (size_t n = 1; n <= 3 && i + n <= tokens.size(); ++n) {
    if (n > 1) phrase += ' ';
    phrase += tokens[i + n - 1];
    if (auto it = w.words.find(phrase); it != w.words.end()) best = {n, it->second, false};
    if (auto it = w.multipliers.find(phrase); it != w.multipliers.end()) {
      best = {n, it->second, true};
    }
  }
  return best;
}

bool IsConnector(const std::string& t, const NumberWords& w) {
  return std::find(w.connectors.begin(), w.connectors.end(), t) != w.connectors.end();
}

// Reads a run of number words starting at tokens[*i]; advances *i past it.
double ReadWords(const std::vector<std::string>& tokens, size_t* i, const NumberWords& w) {
  double total = 0;
  double current = 0;
  while (*i < tokens.size()) {
    WordMatch m = MatchWord(tokens, *i, w);
    if (m.length == 0) {
      // A connector counts only between two number words ("vingt et un", "treinta y cinco").
      bool joins = IsConnector(tokens[*i], w) && *i + 1 < tokens.size() &&
                   MatchWord(tokens, *i + 1, w).length > 0 && current + total > 0;
      if (!joins) break;
      ++*i;
      continue;
    }
    if (m.multiplier) {
      current = (current == 0 ? 1 : current) * m.value;
      if (m.value >= 1000) {
        total += current;
        current = 0;
      }
    } else {
      current += m.value;
    }
    *i += m.length;
  }
  return total + current;
}

// The value of the longest fraction phrase found as whole words in `folded`.
std::optional<double> Fraction(const std::string& folded, const NumberWords& w) {
  std::string padded = " " + folded + " ";
  std::optional<double> value;
  size_t best = 0;
  for (const auto& [phrase, v] : w.fractions) {
    if (phrase.size() > best && padded.find(" " + phrase + " ") != std::string::npos) {
      best = phrase.size();
      value = v;
    }
  }
  return value;
}

}  // namespace

std::vector<double> NumbersIn(std::string_view text, const NumberWords& words) {
  std::vector<std::string> tokens = Tokens(FoldPhrase(text));
  std::vector<double> out;
  size_t i = 0;
  while (i < tokens.size()) {
    if (IsDigits(tokens[i])) {
      out.push_back(std::strtod(tokens[i].c_str(), nullptr));
      ++i;
      continue;
    }
    if (MatchWord(tokens, i, words).length > 0) {
      out.push_back(ReadWords(tokens, &i, words));
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<double> ParseValue(std::string_view text, ValueKind kind, const NumberWords& words) {
  if (kind == ValueKind::kPercent) {
    // "one third" is a fraction, not "one" per cent.
    if (auto f = Fraction(FoldPhrase(text), words)) return f;
    std::vector<double> numbers = NumbersIn(text, words);
    if (numbers.empty()) return std::nullopt;
    return numbers.front() / 100.0;
  }
  std::vector<double> numbers = NumbersIn(text, words);
  if (numbers.empty()) return std::nullopt;
  if (kind == ValueKind::kMultiple) return *std::max_element(numbers.begin(), numbers.end());
  return numbers.front();
}

}  // namespace ecosol::text
