// The work done around each scan hit: the sentence that holds it, the exact span and captured
// number (RE2 on that sentence only), and whether a negation cue governs it.

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "clause_scan.h"
#include "numbers.h"

namespace ecosol::text {
namespace {

// How far a sentence is looked for on each side of a hit, and the longest evidence kept.
constexpr size_t kSentenceReach = 1500;
constexpr size_t kMaxEvidence = 600;
constexpr size_t kEvidenceContext = 200;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsLower(c) || (c >= 'A' && c <= 'Z'); }

// A '.' that ends a sentence: followed by white space and then not by a lower-case letter or a
// digit ("art. 9", "p. 100"), and not after a one- or two-letter abbreviation ("M.", "No.").
bool IsSentenceDot(std::string_view t, size_t i) {
  if (i + 1 < t.size() && !IsSpace(t[i + 1])) return false;
  size_t j = i + 1;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
  if (j < t.size() && t[j] != '\n' && (IsLower(t[j]) || IsDigit(t[j]))) return false;
  // Letters of any script count (UTF-8 bytes): "Promoción." is not an abbreviation.
  auto letter = [](char c) { return IsAlpha(c) || static_cast<unsigned char>(c) >= 0x80; };
  size_t k = i;
  while (k > 0 && letter(t[k - 1])) --k;
  bool short_word = i - k > 0 && i - k <= 2;
  return !short_word || (j < t.size() && t[j] == '\n');
}

std::string_view LineBefore(std::string_view t, size_t newline) {
  size_t start = t.rfind('\n', newline == 0 ? 0 : newline - 1);
  start = start == std::string_view::npos || newline == 0 ? 0 : start + 1;
  std::string_view line = t.substr(start, newline - start);
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  while (!line.empty() && IsSpace(line.front())) line.remove_prefix(1);
  return line;
}

bool StartsListItem(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  if (i >= t.size()) return true;
  char c = t[i];
  if (c == '\n' || c == '#' || c == '-' || c == '*' || c == '|' || c == '>') return true;
  if (t.substr(i, 3) == "\u2022" || t.substr(i, 3) == "\u2013") return true;  // bullet, en dash
  size_t j = i;
  while (j < t.size() && IsDigit(t[j])) ++j;
  if (j > i && j < t.size() && (t[j] == '.' || t[j] == ')')) return true;
  return c == '(' && i + 2 < t.size() && t[i + 2] == ')';
}

// True when the line after `newline` starts with an upper-case letter (ASCII or Latin-1 in
// UTF-8: À-Þ).
bool NextLineCapitalised(std::string_view t, size_t newline) {
  size_t j = newline + 1;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
  if (j >= t.size()) return true;
  if (t[j] >= 'A' && t[j] <= 'Z') return true;
  auto b0 = static_cast<unsigned char>(t[j]);
  auto b1 = j + 1 < t.size() ? static_cast<unsigned char>(t[j + 1]) : 0;
  return b0 == 0xC3 && b1 >= 0x80 && b1 <= 0x9E;
}

// A line break that ends a sentence: a blank line, a list item or heading after it, a line before
// it that ends like a sentence or a heading, or a capitalised line after it. Lines wrapped inside
// a sentence (PDF and plain text) end with a word or a comma and go on in lower case.
bool IsBreakingNewline(std::string_view t, size_t i) {
  if (StartsListItem(t, i + 1)) return true;
  std::string_view line = LineBefore(t, i);
  if (line.empty() || line.front() == '#') return true;
  char last = line.back();
  if (last == ',' || last == '-') return false;
  return last == ':' || last == '.' || NextLineCapitalised(t, i);
}

bool IsBoundary(std::string_view t, size_t i) {
  char c = t[i];
  if (c == ';' || c == '!' || c == '?') return true;
  if (c == '.') return IsSentenceDot(t, i);
  if (c == '\n') return IsBreakingNewline(t, i);
  return false;
}

struct Range {
  size_t begin;
  size_t end;
};

// The sentence around the byte before `end` (a hit's last byte).
Range SentenceAround(std::string_view t, size_t end) {
  size_t low = end > kSentenceReach ? end - kSentenceReach : 0;
  size_t begin = low;
  for (size_t i = end - 1; i > low; --i) {
    if (IsBoundary(t, i - 1)) {
      begin = i;
      break;
    }
  }
  size_t high = std::min(t.size(), end + kSentenceReach);
  size_t stop = high;
  for (size_t i = end; i < high; ++i) {
    if (IsBoundary(t, i)) {
      stop = t[i] == '\n' ? i : i + 1;
      break;
    }
  }
  while (begin < stop && IsSpace(t[begin])) ++begin;
  while (stop > begin && IsSpace(t[stop - 1])) --stop;
  return {begin, stop};
}

size_t AlignForward(std::string_view t, size_t i) {
  while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// The evidence: the sentence, or the part of a very long one around the match.
Range Evidence(std::string_view t, Range sentence, Range match) {
  if (sentence.end - sentence.begin <= kMaxEvidence) return sentence;
  size_t b = std::max(sentence.begin,
                      match.begin > kEvidenceContext ? match.begin - kEvidenceContext : size_t{0});
  size_t e = std::min(sentence.end, match.end + kEvidenceContext);
  size_t space = t.find(' ', b);
  if (b > sentence.begin && space != std::string_view::npos && space < match.begin) b = space + 1;
  size_t last_space = t.rfind(' ', e);
  if (e < sentence.end && last_space != std::string_view::npos && last_space > match.end) {
    e = last_space;
  }
  return {AlignForward(t, b), AlignForward(t, e)};
}

// Where negation cues may stand: `words` words before the match (not across ';' or ':' or the
// sentence start) through the end of the match.
size_t ScopeStart(std::string_view t, size_t sentence_begin, size_t match_begin, int words) {
  size_t i = match_begin;
  for (int n = 0; n < words && i > sentence_begin; ++n) {
    while (i > sentence_begin && IsSpace(t[i - 1])) --i;
    if (i > sentence_begin && (t[i - 1] == ';' || t[i - 1] == ':')) break;
    while (i > sentence_begin && !IsSpace(t[i - 1]) && t[i - 1] != ';' && t[i - 1] != ':') --i;
  }
  return i;
}

bool Negated(const RE2& negation, std::string_view scope) {
  re2::StringPiece subject(scope.data(), scope.size());
  size_t pos = 0;
  re2::StringPiece m[2];
  while (pos < scope.size() && negation.Match(subject, pos, scope.size(), RE2::UNANCHORED, m, 2)) {
    if (m[1].data() != nullptr) return true;
    size_t next = static_cast<size_t>(m[0].data() - scope.data()) + m[0].size();
    pos = std::max(next, pos + 1);
  }
  return false;
}

// The match of `p` that ends at `end`, searched from `from`: its range and captured number.
bool FindSpan(const CompiledPattern& p, std::string_view t, size_t from, size_t end, Range* span,
              std::string_view* number) {
  re2::StringPiece subject(t.data() + from, end - from);
  re2::StringPiece m[2];
  int groups = p.kind == ValueKind::kNone ? 1 : 2;
  if (!p.span->Match(subject, 0, subject.size(), RE2::UNANCHORED, m, groups)) return false;
  span->begin = from + static_cast<size_t>(m[0].data() - subject.data());
  span->end = span->begin + m[0].size();
  if (groups == 2 && m[1].data() != nullptr) *number = std::string_view(m[1].data(), m[1].size());
  return true;
}

bool SameValue(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::abs(*a - *b) < 1e-9;
}

// Adds `c` unless a clause of the same type, polarity and value is there already. Within one
// sentence a clause with a value wins over one of the same type without: "dividends may be paid
// up to 35% of the profits" caps distributions at 0.35, it does not also leave them uncapped.
void AddClause(Clause c, std::vector<Clause>* clauses) {
  for (Clause& o : *clauses) {
    if (o.type != c.type) continue;
    if (o.polarity == c.polarity && SameValue(o.value, c.value)) return;
    bool same_sentence = o.evidence.start == c.evidence.start;
    if (same_sentence && o.value && !c.value) return;
    if (same_sentence && !o.value && c.value) {
      o = std::move(c);
      return;
    }
  }
  clauses->push_back(std::move(c));
}

// Marks the clauses cancelled by another affirmed clause of the same sentence (the overrides of
// languages.yaml). Clauses of one sentence share their evidence start.
std::vector<bool> Cancelled(const std::vector<Clause>& found,
                            const std::map<std::string, std::vector<std::string>>& overrides) {
  std::vector<bool> cancelled(found.size());
  if (overrides.empty()) return cancelled;
  std::unordered_multimap<size_t, size_t> by_sentence;
  for (size_t i = 0; i < found.size(); ++i) by_sentence.emplace(found[i].evidence.start, i);
  for (size_t i = 0; i < found.size(); ++i) {
    const Clause& o = found[i];
    auto it = overrides.find(o.type);
    if (o.polarity != Polarity::kAffirmed || it == overrides.end()) continue;
    auto [first, last] = by_sentence.equal_range(o.evidence.start);
    for (auto s = first; s != last; ++s) {
      const Clause& c = found[s->second];
      if (c.polarity == Polarity::kAffirmed &&
          std::find(it->second.begin(), it->second.end(), c.type) != it->second.end()) {
        cancelled[s->second] = true;
      }
    }
  }
  return cancelled;
}

}  // namespace

std::vector<Clause> ClauseAnalyzer::Impl::Resolve(std::string_view text,
                                                  const std::vector<Hit>& hits) const {
  std::vector<Clause> found;
  // Per pattern, the end of the last sentence resolved: later hits inside it add nothing.
  std::unordered_map<unsigned, size_t> done;
  for (const Hit& hit : hits) {
    auto [it, fresh] = done.try_emplace(hit.id, 0);
    if (!fresh && hit.end <= it->second) continue;
    const CompiledPattern& p = patterns[hit.id];
    const CompiledLanguage& lang = languages[p.lang];
    Range sentence = SentenceAround(text, hit.end);
    it->second = std::max(sentence.end, hit.end);
    Range span{};
    std::string_view number;
    size_t from = std::min(sentence.begin, hit.end);
    if (!FindSpan(p, text, from, hit.end, &span, &number)) {
      // The match crosses the sentence start (a pattern spanning a blank line): look further.
      from = hit.end > 2 * kSentenceReach ? hit.end - 2 * kSentenceReach : 0;
      if (!FindSpan(p, text, from, hit.end, &span, &number)) continue;
      sentence.begin = std::min(sentence.begin, span.begin);
    }
    bool negated = false;
    if (p.negatable) {
      size_t scope = ScopeStart(text, sentence.begin, span.begin, lang.cues.scope_words);
      negated = Negated(*lang.negation, text.substr(scope, span.end - scope));
    }
    if (p.when_negated && *p.when_negated != negated) continue;
    Clause c;
    c.type = ClauseTypes()[p.type];
    c.polarity = negated != p.invert ? Polarity::kNegated : Polarity::kAffirmed;
    if (!number.empty()) c.value = ParseValue(number, p.kind, lang.cues.numbers);
    if (!c.value && c.polarity == Polarity::kAffirmed) c.value = p.value;
    Range ev = Evidence(text, sentence, span);
    c.evidence.start = ev.begin;  // the text is copied for the clauses kept only
    c.evidence.end = ev.end;
    found.push_back(std::move(c));
  }
  std::vector<bool> cancelled = Cancelled(found, overrides);
  std::vector<Clause> clauses;
  for (size_t i = 0; i < found.size(); ++i) {
    if (!cancelled[i]) AddClause(std::move(found[i]), &clauses);
  }
  for (Clause& c : clauses) {
    c.evidence.text = std::string(text.substr(c.evidence.start, c.evidence.end - c.evidence.start));
  }
  std::stable_sort(clauses.begin(), clauses.end(), [](const Clause& a, const Clause& b) {
    return a.evidence.start < b.evidence.start;
  });
  return clauses;
}

}  // namespace ecosol::text
