#pragma once

// Private to the text module: the extractors of document.cc, one per format. Each returns the
// text or InvalidArgument saying what is wrong (without the file name, which the caller adds).

#include <string>
#include <string_view>

#include "ecosol/base/status.h"

namespace ecosol::text {

Result<std::string> PlainTextToUtf8(std::string_view bytes);  // UTF-8 or Windows-1252
std::string MarkdownToText(std::string_view markdown);
Result<std::string> HtmlToText(std::string_view html);
Result<std::string> PdfToText(std::string_view pdf);
Result<std::string> DocxToText(std::string_view docx);

// Collapses runs of blank lines to one, trims trailing spaces, replaces no-break spaces by
// spaces: the common last step of the markup formats.
std::string TidyLines(std::string_view text);

}  // namespace ecosol::text
