#pragma once

// Plain UTF-8 text from the documents in which organisations publish their statutes.
//
//   Result<std::string> text = ExtractDocumentText("statuts.pdf");
//   if (!text.ok()) return text.status();  // "statuts.pdf: not a readable PDF (...)"
//
// Formats: "txt" (UTF-8, or Windows-1252 when the bytes are not UTF-8; a byte-order mark is
// dropped), "md" (Markdown with its markup removed), "html" (tags removed, scripts and styles
// dropped, entities decoded, block elements on their own lines), "pdf" (the text layer read with
// poppler; scanned pages without text give an error) and "docx" (word/document.xml of the zip,
// one line per paragraph). Thread-safe: no shared state.

#include <filesystem>
#include <string>
#include <string_view>

#include "ecosol/base/status.h"

namespace ecosol::text {

// The largest document accepted, before and after decompression (a .docx is a zip).
inline constexpr size_t kMaxDocumentBytes = 64u << 20;

// Reads `file` and extracts its text. The format is chosen by the extension (.txt, .text, .md,
// .markdown, .html, .htm, .xhtml, .pdf, .docx), else by sniffing the content. Errors name the file:
// NotFound when it cannot be read, InvalidArgument when it is not a readable document.
Result<std::string> ExtractDocumentText(const std::filesystem::path& file);

// The same from bytes in memory; `format` is one of "txt", "md", "html", "pdf", "docx", or ""
// to sniff the content.
Result<std::string> ExtractDocumentText(std::string_view bytes, std::string_view format);

// The format of `bytes` judged from their first bytes: "pdf", "docx", "html" or "txt".
std::string SniffDocumentFormat(std::string_view bytes);

}  // namespace ecosol::text
