// Markdown to plain text: the words a reader sees, without the markup. Line-based: headings,
// quotes, list bullets, tables and fences lose their markers; links and images keep their text;
// emphasis, code spans and inline HTML tags are removed.

#include <string>

#include "document_formats.h"
#include "ecosol/base/strings.h"

namespace ecosol::text {
namespace {

bool IsRule(std::string_view line) {
  line = Trim(line);
  if (line.size() < 3) return false;
  char c = line[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  for (char x : line) {
    if (x != c && x != ' ') return false;
  }
  return true;
}

bool IsTableSeparator(std::string_view line) {
  line = Trim(line);
  if (line.empty() || line.find('-') == std::string_view::npos) return false;
  for (char c : line) {
    if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
  }
  return true;
}

// Strips the block markers at the start of a line: '#', '>', '-', '*', '+'.
std::string_view StripBlockMarkers(std::string_view line) {
  line = Trim(line);
  while (!line.empty() && line[0] == '>') line = Trim(line.substr(1));
  if (!line.empty() && line[0] == '#') {
    while (!line.empty() && line[0] == '#') line.remove_prefix(1);
    while (!line.empty() && (line.back() == '#' || line.back() == ' ')) line.remove_suffix(1);
    return Trim(line);
  }
  if (line.size() > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return Trim(line.substr(2));
  }
  return line;
}

// The end of a "(url)" after a link's "]", or npos.
size_t LinkTargetEnd(std::string_view s, size_t close) {
  if (close + 1 >= s.size() || s[close + 1] != '(') return std::string_view::npos;
  return s.find(')', close + 2);
}

bool WordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Inline markup: links and images keep their text, emphasis and code marks go, tags go.
std::string StripInline(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      out += s[++i];
    } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      continue;  // the '[' that follows is handled next
    } else if (c == '[') {
      size_t close = s.find(']', i);
      if (close == std::string_view::npos) {
        out += c;
        continue;
      }
      out += StripInline(s.substr(i + 1, close - i - 1));
      size_t end = LinkTargetEnd(s, close);
      i = end == std::string_view::npos ? close : end;
    } else if (c == '<') {
      size_t close = s.find('>', i);
      bool tag = close != std::string_view::npos && i + 1 < s.size() &&
                 (s[i + 1] == '/' || s[i + 1] == '!' || (s[i + 1] | 0x20) >= 'a');
      if (!tag) {
        out += c;
        continue;
      }
      std::string_view inner = s.substr(i + 1, close - i - 1);
      if (inner.find("://") != std::string_view::npos || inner.find('@') != inner.npos) {
        out += inner;  // an autolink
      }
      i = close;
    } else if (c == '*' || c == '`' || c == '~') {
      continue;
    } else if (c == '_' &&
               (i == 0 || !WordChar(s[i - 1]) || i + 1 == s.size() || !WordChar(s[i + 1]))) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string MarkdownToText(std::string_view markdown) {
  std::string out;
  bool in_fence = false;
  for (const std::string& raw : Split(markdown, '\n')) {
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = Trim(line);
    if (trimmed.substr(0, 3) == "```" || trimmed.substr(0, 3) == "~~~") {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      out.append(line);
      out += '\n';
      continue;
    }
    if (IsRule(line) || IsTableSeparator(line)) {
      out += '\n';
      continue;
    }
    // Reference definitions "[1]: https://..." carry no text.
    if (!trimmed.empty() && trimmed[0] == '[' && trimmed.find("]:") != std::string_view::npos) {
      continue;
    }
    std::string text = StripInline(StripBlockMarkers(line));
    if (text.find('|') != std::string::npos) {
      for (char& c : text) c = c == '|' ? ' ' : c;
    }
    out += text;
    out += '\n';
  }
  return TidyLines(out);
}

}  // namespace ecosol::text
