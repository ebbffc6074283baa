// The text of UNDP SDG Innovation Commons records (undp.h): removing HTML and picking a summary.
//
// The records' text is the platform's form, flattened to markdown: paragraphs of
// "Prompt of the question?: answer", headings ("## Design"), bold instructions to whoever fills
// the form ("**This section is to explain...**") and leftovers of its HTML
// (<div class="group">). Older solutions are a plain description without questions. The summary
// is the first answer (or paragraph) that says something: ten words or more, and not one of the
// form's own notes ("Please note: we ask you to ...").

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/strings.h"
#include "ecosol/knowledge/undp.h"

namespace ecosol::knowledge {
namespace {

constexpr size_t kMinWords = 10;

struct Entity {
  std::string_view name;
  std::string_view text;
};
constexpr Entity kEntities[] = {{"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
                                {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};

// The length of the entity at the start of `s` and its text, or 0.
size_t EntityAt(std::string_view s, std::string_view* text) {
  for (const Entity& e : kEntities) {
    if (s.substr(0, e.name.size()) == e.name) {
      *text = e.text;
      return e.name.size();
    }
  }
  return 0;
}

// A heading, a rule or a line wholly in bold: the form's structure, not an answer.
bool IsFormLine(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line[0] == '#') return true;
  return line.size() >= 4 && line.substr(0, 2) == "**" && line.substr(line.size() - 2) == "**";
}

// The paragraphs of `text` (blank lines between them) with the form's lines removed, their
// lines joined with spaces and emphasis marks dropped.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (const std::string& line : Split(text, '\n')) {
    if (Trim(line).empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (IsFormLine(line)) continue;
    if (!current.empty()) current.push_back(' ');
    current.append(Trim(line));
  }
  if (!current.empty()) out.push_back(std::move(current));
  for (std::string& p : out) {
    for (size_t at = p.find("**"); at != std::string::npos; at = p.find("**", at)) {
      p.erase(at, 2);
    }
  }
  return out;
}

// Where the answer starts when `p` opens with a question of the form: after the first ':' that
// follows '?', '.', ':', ')' or a closing quote and is followed by a space or ends the paragraph
// (an unanswered question): "What need does this answer?: secured power".
size_t AnswerStart(std::string_view p) {
  for (size_t at = p.find(':', 1); at != std::string_view::npos; at = p.find(':', at + 1)) {
    if (at + 1 < p.size() && p[at + 1] != ' ') continue;
    const char before = p[at - 1];
    const bool quote = at >= 3 && p.substr(at - 3, 3) == "\xE2\x80\x9D";  // "”"
    if (before == '?' || before == '.' || before == ':' || before == ')' || before == '"' ||
        quote) {
      return std::min(at + 2, p.size());
    }
  }
  return std::string_view::npos;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool Substantive(std::string_view answer) {
  answer = Trim(answer);
  return CountWords(answer) >= kMinWords && !StartsWith(answer, "Please ") &&
         !StartsWith(answer, "- ");
}

// `s` cut at the last space before max_chars, with "…", when it is longer.
std::string CutAtWord(std::string s, size_t max_chars) {
  if (s.size() <= max_chars) return s;
  size_t cut = s.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
  return s + "\xE2\x80\xA6";
}

// Collapses runs of spaces (the form leaves double spaces and non-breaking ones).
std::string Collapse(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool nbsp = s.substr(i, 2) == "\xC2\xA0";
    const bool space = s[i] == ' ' || s[i] == '\t' || nbsp;
    if (nbsp) ++i;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : s[i]);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string StripHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<') {
      const size_t close = text.find('>', i);
      const bool tag = close != std::string_view::npos && i + 1 < text.size() &&
                       (text[i + 1] == '/' || text[i + 1] == '!' ||
                        ((text[i + 1] | 0x20) >= 'a' && (text[i + 1] | 0x20) <= 'z'));
      if (tag) {
        i = close;
        continue;
      }
    }
    std::string_view entity;
    const size_t length = c == '&' ? EntityAt(text.substr(i), &entity) : 0;
    if (length > 0) {
      out.append(entity);
      i += length - 1;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string UndpSummary(std::string_view text, size_t max_chars) {
  const std::vector<std::string> paragraphs = Paragraphs(StripHtml(text));
  std::string summary;
  bool questions = false;
  for (const std::string& p : paragraphs) {
    const size_t start = AnswerStart(p);
    if (start != std::string::npos) {
      if (!summary.empty()) break;  // the next question: the answer is complete
      questions = true;
      if (Substantive(std::string_view(p).substr(start))) summary = p.substr(start);
    } else if (!summary.empty()) {
      summary += " " + p;  // the answer goes on in another paragraph
    } else if (!questions && Substantive(p)) {
      summary = p;
    }
    if (summary.size() >= max_chars) break;
  }
  return CutAtWord(Collapse(summary), max_chars);
}

}  // namespace ecosol::knowledge
