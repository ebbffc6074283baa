#include "cue_pattern.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

namespace ecosol::text {
namespace {

// Accented letters of the four languages: lower case, upper case, the unaccented letter(s).
struct Accent {
  const char* lower;
  const char* upper;
  const char* base;
};
constexpr std::array<Accent, 25> kAccents = {{
    {"à", "À", "a"}, {"á", "Á", "a"}, {"â", "Â", "a"}, {"ã", "Ã", "a"}, {"ä", "Ä", "a"},
    {"ç", "Ç", "c"}, {"è", "È", "e"}, {"é", "É", "e"}, {"ê", "Ê", "e"}, {"ë", "Ë", "e"},
    {"ì", "Ì", "i"}, {"í", "Í", "i"}, {"î", "Î", "i"}, {"ï", "Ï", "i"}, {"ñ", "Ñ", "n"},
    {"ò", "Ò", "o"}, {"ó", "Ó", "o"}, {"ô", "Ô", "o"}, {"õ", "Õ", "o"}, {"ö", "Ö", "o"},
    {"ù", "Ù", "u"}, {"ú", "Ú", "u"}, {"û", "Û", "u"}, {"ü", "Ü", "u"}, {"œ", "Œ", "oe"},
}};

// White space as the scan sees it: ASCII white space, no-break and narrow no-break spaces.
constexpr const char* kSpaces = "(?:\\s|\u00a0|\u202f)*";
constexpr const char* kGap = "[^.;]{0,120}";
constexpr const char* kShort = "[^.;]{0,30}";
// Bounded repeats make Hyperscan databases three times slower to compile; the scan form leaves
// gaps unbounded (a superset) and the capture form, matched around each hit, bounds them.
constexpr const char* kScanGap = "[^.;]*";

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

void AppendCodepoint(std::string_view cp, std::string* out) {
  for (const Accent& a : kAccents) {
    if (cp == a.lower || cp == a.upper) {
      *out += std::string("(?:") + a.base + "|" + a.lower + "|" + a.upper + ")";
      return;
    }
  }
  if (cp == "\u2019") {
    *out += "(?:'|\u2019)";
    return;
  }
  *out += "(?:" + std::string(cp) + ")";  // a quantifier after it applies to all its bytes
}

using MacroFn = std::function<Status(std::string_view name, std::string* out)>;

// Copies a bracket expression; non-ASCII inside would be split into bytes by the scan.
Result<size_t> CopyClass(std::string_view src, size_t i, std::string* out) {
  size_t j = i + 1;
  if (j < src.size() && src[j] == '^') ++j;
  if (j < src.size() && src[j] == ']') ++j;
  while (j < src.size() && src[j] != ']') {
    if (static_cast<unsigned char>(src[j]) >= 0x80) {
      return InvalidArgument("non-ASCII character inside [...]: write (?:é|è) instead");
    }
    j += src[j] == '\\' ? 2 : 1;
  }
  if (j >= src.size()) return InvalidArgument("unbalanced '['");
  out->append(src.substr(i, j + 1 - i));
  return j + 1;
}

// The name of a {macro} at `i`, or "" when the brace is a quantifier.
std::string_view MacroName(std::string_view src, size_t i) {
  size_t j = i + 1;
  while (j < src.size() && ((src[j] >= 'a' && src[j] <= 'z') || src[j] == '_')) ++j;
  if (j == i + 1 || j >= src.size() || src[j] != '}') return {};
  return src.substr(i + 1, j - i - 1);
}

Status CheckGroup(std::string_view src, size_t i) {
  std::string_view rest = src.substr(i);
  for (std::string_view bad : {"(?P<", "(?<", "(?=", "(?!"}) {
    if (rest.substr(0, bad.size()) == bad) {
      return InvalidArgument("named groups and look-arounds are not supported");
    }
  }
  return Status::Ok();
}

// A space (or a run of them) with the quantifier that may follow it.
size_t AppendSpace(std::string_view src, size_t i, std::string* out) {
  while (i < src.size() && src[i] == ' ') ++i;
  if (i < src.size() && (src[i] == '?' || src[i] == '*')) {
    *out += "\\s*";
    return i + 1;
  }
  if (i < src.size() && src[i] == '+') ++i;
  *out += "\\s+";
  return i;
}

Status Translate(std::string_view src, const MacroFn* macro, std::string* out) {
  size_t i = 0;
  while (i < src.size()) {
    char c = src[i];
    auto uc = static_cast<unsigned char>(c);
    if (c == '\\') {
      if (i + 1 >= src.size()) return InvalidArgument("trailing backslash");
      if (static_cast<unsigned char>(src[i + 1]) >= 0x80) {
        return InvalidArgument("backslash before a non-ASCII character");
      }
      out->append(src.substr(i, 2));
      i += 2;
    } else if (c == '[') {
      auto next = CopyClass(src, i, out);
      if (!next.ok()) return next.status();
      i = *next;
    } else if (c == '{' && !MacroName(src, i).empty()) {
      std::string_view name = MacroName(src, i);
      if (!macro) return InvalidArgument("{" + std::string(name) + "} is not allowed here");
      ECOSOL_RETURN_IF_ERROR((*macro)(name, out));
      i += name.size() + 2;
    } else if (c == '(') {
      ECOSOL_RETURN_IF_ERROR(CheckGroup(src, i));
      *out += (i + 1 < src.size() && src[i + 1] == '?') ? "(" : "(?:";
      ++i;
    } else if (c == ' ') {
      i = AppendSpace(src, i, out);
    } else if (c == '\'') {
      *out += "(?:'|\u2019)";
      ++i;
    } else if (uc >= 0x80) {
      size_t n = std::min(Utf8Length(uc), src.size() - i);
      AppendCodepoint(src.substr(i, n), out);
      i += n;
    } else {
      *out += c;
      ++i;
    }
  }
  return Status::Ok();
}

// A phrase of words that may be joined by spaces or hyphens ("dix sept", "dix-sept").
Result<std::string> PhraseRegex(std::string_view phrase) {
  std::string out;
  size_t i = 0;
  bool first = true;
  while (i < phrase.size()) {
    size_t j = phrase.find_first_of(" -", i);
    if (j == std::string_view::npos) j = phrase.size();
    if (j > i) {
      if (!first) out += "[\\s-]+";
      ECOSOL_RETURN_IF_ERROR(Translate(phrase.substr(i, j - i), nullptr, &out));
      first = false;
    }
    i = j + 1;
  }
  return out;
}

// An alternation of phrases, longest first so that "seventeen" wins over "seven".
Result<std::string> Alternation(std::vector<std::string> phrases, bool phrase_mode) {
  std::sort(phrases.begin(), phrases.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string out = "(?:";
  for (size_t k = 0; k < phrases.size(); ++k) {
    std::string re;
    if (phrase_mode) {
      auto p = PhraseRegex(phrases[k]);
      if (!p.ok()) return p.status();
      re = std::move(*p);
    } else {
      ECOSOL_RETURN_IF_ERROR(Translate(phrases[k], nullptr, &re));
    }
    if (k > 0) out += "|";
    out += re;
  }
  return out + ")";
}

// The regular expressions of numbers in one language.
struct NumberRegex {
  std::string num;       // digits or number words
  std::string scan_num;  // digits or any run of up to four words: a cheap superset for the scan
  std::string one;       // "1" or a word for one
  std::string percent_unit, times_unit, ratio_sep, fraction;
};

Result<NumberRegex> BuildNumberRegex(const NumberWords& n) {
  NumberRegex r;
  std::string digits = "\\d+(?:[.,]\\d+)?";
  r.num = "(?:" + digits;
  r.one = "(?:\\b1";
  std::vector<std::string> ones;
  for (const auto& s : n.number_spellings) {
    auto it = n.words.find(FoldPhrase(s));
    if (it != n.words.end() && it->second == 1) ones.push_back(s);
  }
  if (!n.number_spellings.empty()) {
    auto words = Alternation(n.number_spellings, true);
    if (!words.ok()) return words.status();
    std::string sep = "[\\s-]+";
    if (!n.connectors.empty()) {
      auto c = Alternation(n.connectors, true);
      if (!c.ok()) return c.status();
      sep += "(?:" + *c + "[\\s-]+)?";
    }
    r.num += "|\\b" + *words + "(?:" + sep + *words + "){0,2}\\b";
  }
  r.num += ")";
  r.scan_num = "(?:" + digits + "|[a-z\\x80-\\xff]+(?:[\\s-]+[a-z\\x80-\\xff]+){0,3})";
  if (!ones.empty()) {
    auto o = Alternation(ones, true);
    if (!o.ok()) return o.status();
    r.one += "|\\b" + *o;
  }
  r.one += ")";
  auto alt = [](const std::vector<std::string>& v, std::string* out) -> Status {
    if (v.empty()) return Status::Ok();
    auto a = Alternation(v, false);
    if (!a.ok()) return a.status();
    *out = std::move(*a);
    return Status::Ok();
  };
  ECOSOL_RETURN_IF_ERROR(
      alt(n.percent.empty() ? std::vector<std::string>{"%"} : n.percent, &r.percent_unit));
  ECOSOL_RETURN_IF_ERROR(alt(n.times, &r.times_unit));
  ECOSOL_RETURN_IF_ERROR(
      alt(n.ratio.empty() ? std::vector<std::string>{":"} : n.ratio, &r.ratio_sep));
  if (!n.fraction_spellings.empty()) {
    auto f = Alternation(n.fraction_spellings, true);
    if (!f.ok()) return f.status();
    r.fraction = "\\b" + *f + "\\b";
  }
  return r;
}

// The regex of a value; the scan form finds numbers in words with a generic word run (the exact
// number words, a large alternation, would make the Hyperscan databases slow to compile), and
// RE2 then checks the exact form around each hit.
std::string ValueBody(NumberRegex r, ValueKind kind, bool scan) {
  if (scan) r.num = r.scan_num;
  std::string sp = kSpaces;
  switch (kind) {
    case ValueKind::kPercent:
      return r.num + sp + r.percent_unit + (r.fraction.empty() ? "" : "|" + r.fraction);
    case ValueKind::kMultiple: {
      std::string body =
          r.one + sp + r.ratio_sep + sp + r.num + "|" + r.num + sp + ":" + sp + "1\\b";
      if (!r.times_unit.empty()) body = r.num + sp + r.times_unit + "|" + body;
      return body;
    }
    case ValueKind::kNumber:
    case ValueKind::kNone:
      return r.num;
  }
  return r.num;
}

}  // namespace

Result<ExpandedPattern> ExpandPattern(std::string_view source, const NumberWords& numbers) {
  ExpandedPattern p;
  std::optional<NumberRegex> number_regex;
  // The pattern is translated once per form; the macro writes a capture group in the capture
  // form only.
  auto run = [&](bool capture, std::string* out) -> Status {
    int values = 0;
    MacroFn macro = [&](std::string_view name, std::string* o) -> Status {
      if (name == "gap" || name == "short") {
        *o += !capture ? kScanGap : name == "gap" ? kGap : kShort;
        return Status::Ok();
      }
      ValueKind kind = name == "percent"    ? ValueKind::kPercent
                       : name == "multiple" ? ValueKind::kMultiple
                       : name == "number"   ? ValueKind::kNumber
                                            : ValueKind::kNone;
      if (kind == ValueKind::kNone) return InvalidArgument("unknown {" + std::string(name) + "}");
      if (++values > 1) {
        return InvalidArgument("at most one of {percent}, {multiple}, {number} per pattern");
      }
      if (!number_regex) {
        auto r = BuildNumberRegex(numbers);
        if (!r.ok()) return r.status().WithContext("numbers");
        number_regex = std::move(*r);
      }
      p.kind = kind;
      *o += (capture ? "(" : "(?:") + ValueBody(*number_regex, kind, !capture) + ")";
      return Status::Ok();
    };
    return Translate(source, &macro, out);
  };
  ECOSOL_RETURN_IF_ERROR(run(false, &p.scan));
  ECOSOL_RETURN_IF_ERROR(run(true, &p.capture));
  return p;
}

}  // namespace ecosol::text
