#include "ecosol/text/search_text.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdlib>
#include <memory>
#include <set>
#include <unordered_map>

namespace ecosol::text {
namespace {

// The languages whose stems are indexed. Order does not matter.
constexpr std::array<const char*, 4> kStemLanguages = {"english", "french", "spanish",
                                                       "portuguese"};

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// sb_stemmer objects are not thread-safe, so each thread keeps its own set.
std::array<StemmerPtr, kStemLanguages.size()>& ThreadStemmers() {
  thread_local std::array<StemmerPtr, kStemLanguages.size()> stemmers = [] {
    std::array<StemmerPtr, kStemLanguages.size()> s;
    for (size_t i = 0; i < kStemLanguages.size(); ++i) {
      s[i].reset(sb_stemmer_new(kStemLanguages[i], "UTF_8"));
    }
    return s;
  }();
  return stemmers;
}

// The Snowball stems of `word` (those of 2 bytes or more, in kStemLanguages' order, repeats
// included) into `stems`.
void ComputeStems(const std::string& word, std::vector<std::string>* stems) {
  stems->clear();
  for (auto& stemmer : ThreadStemmers()) {
    if (!stemmer) continue;
    const sb_symbol* out =
        sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (!out) continue;
    const auto length = static_cast<size_t>(sb_stemmer_length(stemmer.get()));
    if (length >= 2) stems->emplace_back(reinterpret_cast<const char*>(out), length);
  }
}

// Stemming a word in four languages costs several times more than finding it in a hash table,
// and the words of names and addresses repeat: an import of 1,000,000 rows stems about
// 14 million words, of which a few tens of thousands are distinct once words with digits are
// set aside. Those (identifiers, postcodes, house numbers) are mostly seen once and would push
// the others out, so they are stemmed each time. The memory is per thread and emptied when it
// holds kMemoWords words: at most a few MB per thread, in a server with many.
constexpr size_t kMemoWords = 1 << 14;

const std::vector<std::string>& Stems(const std::string& word) {
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    thread_local std::vector<std::string> stems;
    ComputeStems(word, &stems);
    return stems;
  }
  thread_local std::unordered_map<std::string, std::vector<std::string>> memo;
  if (auto it = memo.find(word); it != memo.end()) return it->second;
  if (memo.size() >= kMemoWords) memo.clear();
  std::vector<std::string> stems;
  ComputeStems(word, &stems);
  return memo.emplace(word, std::move(stems)).first->second;
}

void AddForms(const std::string& word, std::vector<std::string>* forms) {
  forms->push_back(word);
  if (word.size() < 3) return;
  for (const std::string& stem : Stems(word)) {
    if (std::find(forms->begin(), forms->end(), stem) == forms->end()) forms->push_back(stem);
  }
}

bool IsWordCodepoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

// For ASCII, IsWordCodepoint is true exactly for letters and digits, and Fold lower-cases
// (NFKC, case folding, mark and ignorable stripping change nothing else): a test compares both
// with utf8proc for every ASCII byte. Most registry text is ASCII, and these paths skip
// utf8proc's decomposition, the largest cost of indexing it after stemming.
bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsAscii(std::string_view text) {
  unsigned char any = 0;
  for (char c : text) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// A word found in unfolded text: byte range and folded form.
struct Span {
  size_t begin;
  size_t end;
  std::string folded;
};

std::vector<Span> WordSpans(std::string_view text) {
  std::vector<Span> spans;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto len = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t pos = 0;
  size_t start = std::string_view::npos;
  while (pos <= len) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = 0;
    bool word = false;
    if (pos < len && bytes[pos] < 0x80) {  // ASCII: letters and digits are the word characters
      n = 1;
      word = IsAsciiWordByte(bytes[pos]);
    } else {
      n = pos < len ? utf8proc_iterate(bytes + pos, len - pos, &cp) : 0;
      word = pos < len && n > 0 && IsWordCodepoint(cp);
    }
    if (word && start == std::string_view::npos) start = static_cast<size_t>(pos);
    if (!word && start != std::string_view::npos) {
      auto b = start;
      auto e = static_cast<size_t>(pos);
      spans.push_back({b, e, Fold(text.substr(b, e - b))});
      start = std::string_view::npos;
    }
    pos += n > 0 ? n : 1;
  }
  return spans;
}

}  // namespace

std::string Fold(std::string_view text) {
  if (IsAscii(text)) {
    std::string lower(text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
  }
  utf8proc_uint8_t* out = nullptr;
  auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                    static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  if (n < 0) {
    // Invalid UTF-8: keep the ASCII letters and digits only.
    std::string ascii;
    for (char c : text) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ascii += c;
      if (c >= 'A' && c <= 'Z') ascii += static_cast<char>(c - 'A' + 'a');
      if (c == ' ') ascii += c;
    }
    return ascii;
  }
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

namespace {

// True when the only thing between two words is a hyphen ("co-operative").
bool Hyphenated(std::string_view text, const Span& a, const Span& b) {
  std::string_view gap = text.substr(a.end, b.begin - a.end);
  return gap == "-" || gap == "\u2010" || gap == "\u2011";
}

// Groups runs of hyphenated words: {"co", "operative"} for "co-operative".
std::vector<std::vector<Span>> Compounds(std::string_view text) {
  std::vector<std::vector<Span>> groups;
  std::vector<Span> spans = WordSpans(text);
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0 && Hyphenated(text, spans[i - 1], spans[i])) {
      groups.back().push_back(std::move(spans[i]));
    } else {
      groups.push_back({std::move(spans[i])});
    }
  }
  return groups;
}

std::string Joined(const std::vector<Span>& group) {
  std::string joined;
  for (const Span& s : group) joined += s.folded;
  return joined;
}

}  // namespace

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  for (Span& s : WordSpans(folded)) out.push_back(std::move(s.folded));
  return out;
}

std::string IndexForms(std::string_view text) {
  std::string out;
  std::vector<std::string> forms;
  std::string folded = Fold(text);
  for (const std::vector<Span>& group : Compounds(folded)) {
    forms.clear();
    for (const Span& s : group) AddForms(s.folded, &forms);
    // A hyphenated compound is also indexed whole: "co-operative" as "cooperative".
    if (group.size() > 1) AddForms(Joined(group), &forms);
    for (const std::string& f : forms) {
      if (!out.empty()) out += ' ';
      out += f;
    }
  }
  return out;
}

std::vector<std::vector<std::string>> QueryTerms(std::string_view query) {
  std::vector<std::vector<std::string>> terms;
  std::string folded = Fold(query);
  for (const std::vector<Span>& group : Compounds(folded)) {
    // A hyphenated query word is searched whole ("co-op" finds "co-op" and "coop").
    std::string word = Joined(group);
    if (word.size() < 2) continue;
    std::vector<std::string> forms;
    AddForms(word, &forms);
    if (std::find(terms.begin(), terms.end(), forms) == terms.end()) terms.push_back(forms);
  }
  return terms;
}

namespace {

// The first bytes of the terms' forms. The Snowball stemmers of en, fr, es and pt change only
// the end of a (folded) word, so a word whose first byte is not among them cannot match, and is
// not stemmed: a snippet looks through long texts where most words are not the query's. (Checked
// over the 66,604 distinct folded words of the UNDP export: no stem starts otherwise.)
std::bitset<256> FirstBytes(const std::vector<std::vector<std::string>>& terms) {
  std::bitset<256> firsts;
  for (const auto& alternatives : terms) {
    for (const std::string& f : alternatives) {
      if (!f.empty()) firsts.set(static_cast<unsigned char>(f[0]));
    }
  }
  return firsts;
}

bool Matches(const std::string& folded_word, const std::vector<std::vector<std::string>>& terms,
             const std::bitset<256>& firsts) {
  if (folded_word.empty() || !firsts.test(static_cast<unsigned char>(folded_word[0]))) {
    return false;
  }
  std::vector<std::string> forms;
  AddForms(folded_word, &forms);
  for (const auto& alternatives : terms) {
    for (const std::string& f : forms) {
      if (std::find(alternatives.begin(), alternatives.end(), f) != alternatives.end()) {
        return true;
      }
    }
  }
  return false;
}

// Moves `pos` back to the start of a UTF-8 sequence.
size_t AlignUtf8(std::string_view text, size_t pos) {
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

}  // namespace

std::string Snippet(std::string_view text, const std::vector<std::vector<std::string>>& terms,
                    size_t max_chars) {
  // Hits are words or whole hyphenated compounds whose forms match a query term.
  std::vector<Span> hits;
  const std::bitset<256> firsts = FirstBytes(terms);
  for (const std::vector<Span>& group : Compounds(text)) {
    if (group.size() > 1 && Matches(Joined(group), terms, firsts)) {
      hits.push_back({group.front().begin, group.back().end, ""});
      continue;
    }
    for (const Span& s : group) {
      if (Matches(s.folded, terms, firsts)) hits.push_back(s);
    }
  }
  if (hits.empty()) return "";
  size_t begin = hits.front().begin > max_chars / 3 ? hits.front().begin - max_chars / 3 : 0;
  begin = AlignUtf8(text, begin);
  size_t end = std::min(text.size(), begin + max_chars);
  end = AlignUtf8(text, end);
  std::string out = begin > 0 ? "…" : "";
  size_t pos = begin;
  for (const Span& h : hits) {
    if (h.begin < begin || h.end > end) continue;
    out.append(text.substr(pos, h.begin - pos));
    out += "[[";
    out.append(text.substr(h.begin, h.end - h.begin));
    out += "]]";
    pos = h.end;
  }
  out.append(text.substr(pos, end - pos));
  if (end < text.size()) out += "…";
  return out;
}

}  // namespace ecosol::text
