#include "ecosol/text/document.h"

#include <algorithm>
#include <array>

#include "cues.h"
#include "document_formats.h"
#include "ecosol/base/strings.h"

namespace ecosol::text {

namespace fs = std::filesystem;

namespace {

// Windows-1252 code points of the bytes 0x80-0x9F (0 where undefined); other bytes are Latin-1.
constexpr std::array<char16_t, 32> kCp1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string FormatOfExtension(const fs::path& file) {
  std::string ext = AsciiLower(file.extension().string());
  if (ext == ".txt" || ext == ".text") return "txt";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "html";
  if (ext == ".pdf") return "pdf";
  if (ext == ".docx") return "docx";
  if (ext == ".doc") return "doc";
  return "";
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  return AsciiLower(hay).find(needle) != std::string::npos;
}

}  // namespace

Result<std::string> PlainTextToUtf8(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    return InvalidArgument("binary content (NUL bytes): not a text document");
  }
  if (IsValidUtf8(bytes)) return std::string(bytes);
  // Not UTF-8: statutes saved by older word processors are usually Windows-1252.
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    char32_t cp = b;
    if (b >= 0x80 && b < 0xA0) cp = kCp1252[b - 0x80] ? kCp1252[b - 0x80] : U'\uFFFD';
    AppendUtf8(cp, &out);
  }
  return out;
}

std::string SniffDocumentFormat(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  if (head.find("%PDF-") != std::string_view::npos) return "pdf";
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "docx";
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::string_view start = Trim(head);
  if (!start.empty() && start[0] == '<' &&
      (ContainsNoCase(start, "<html") || ContainsNoCase(start, "<!doctype html") ||
       ContainsNoCase(start, "<body") || ContainsNoCase(start, "<p"))) {
    return "html";
  }
  return "txt";
}

Result<std::string> ExtractDocumentText(std::string_view bytes, std::string_view format) {
  if (bytes.size() > kMaxDocumentBytes) {
    return InvalidArgument("larger than " + std::to_string(kMaxDocumentBytes >> 20) + " MB");
  }
  std::string f = format.empty() ? SniffDocumentFormat(bytes) : std::string(format);
  if (f == "txt") return PlainTextToUtf8(bytes);
  if (f == "md") {
    auto text = PlainTextToUtf8(bytes);
    if (!text.ok()) return text.status();
    return MarkdownToText(*text);
  }
  if (f == "html") return HtmlToText(bytes);
  if (f == "pdf") return PdfToText(bytes);
  if (f == "docx") return DocxToText(bytes);
  if (f == "doc") {
    return InvalidArgument("legacy Word .doc files are not supported: save it as .docx or PDF");
  }
  return InvalidArgument("unknown document format '" + f + "' (expected txt, md, html, pdf, docx)");
}

Result<std::string> ExtractDocumentText(const fs::path& file) {
  auto bytes = ReadWholeFile(file, kMaxDocumentBytes);
  if (!bytes.ok()) return bytes.status();
  std::string format = FormatOfExtension(file);
  auto text = ExtractDocumentText(*bytes, format);
  if (!text.ok()) return text.status().WithContext(file.string());
  return text;
}

std::string TidyLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 2;  // no blank lines at the start
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (text.substr(i, 2) == "\u00a0") {
      c = ' ';
      ++i;
    }
    if (c == '\r') continue;
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      if (++newlines <= 2) out += '\n';
      continue;
    }
    if ((c == ' ' || c == '\t') && newlines > 0) continue;  // indentation
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    newlines = 0;
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace ecosol::text
