// HTML (libxml2's HTML parser), PDF (poppler's text layer) and DOCX (libzip and libxml2).

#include "document_formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <zip.h>

#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

#include "ecosol/base/strings.h"
#include "ecosol/text/document.h"

namespace ecosol::text {
namespace {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocDeleter>;

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string_view Content(const xmlNode* n) {
  return n->content ? reinterpret_cast<const char*>(n->content) : "";
}

// ---- HTML

bool SkippedHtml(std::string_view name) {
  for (std::string_view s :
       {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}) {
    if (name == s) return true;
  }
  return false;
}

bool BlockHtml(std::string_view name) {
  for (std::string_view s :
       {"p",          "div",     "br",     "li",     "ul",         "ol",    "h1",
        "h2",         "h3",      "h4",     "h5",     "h6",         "tr",    "table",
        "section",    "article", "header", "footer", "blockquote", "dd",    "dt",
        "dl",         "hr",      "pre",    "main",   "nav",        "aside", "figure",
        "figcaption", "address", "title",  "caption"}) {
    if (name == s) return true;
  }
  return false;
}

// Appends text with HTML white space rules (runs collapse to one space) unless inside <pre>.
void AppendHtmlText(std::string_view s, bool pre, std::string* out) {
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (pre || !space) {
      *out += c;
    } else if (!out->empty() && out->back() != ' ' && out->back() != '\n') {
      *out += ' ';
    }
  }
}

void WalkHtml(const xmlNode* node, bool pre, int depth, std::string* out) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      AppendHtmlText(Content(n), pre, out);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string_view name = Name(n);
    if (SkippedHtml(name) || depth > 400) continue;
    bool block = BlockHtml(name);
    if (block) *out += '\n';
    if (name == "td" || name == "th") *out += ' ';
    WalkHtml(n->children, pre || name == "pre", depth + 1, out);
    if (block) *out += '\n';
  }
}

// ---- DOCX

void WalkDocx(const xmlNode* node, int depth, std::string* out) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || depth > 400) continue;
    std::string_view name = Name(n);
    if (name == "t") {
      for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) out->append(Content(c));
      }
      continue;
    }
    if (name == "delText" || name == "instrText") continue;  // deleted text, field codes
    if (name == "tab") *out += '\t';
    if (name == "br" || name == "cr") *out += '\n';
    WalkDocx(n->children, depth + 1, out);
    if (name == "p") *out += '\n';
    if (name == "tc") *out += '\t';
  }
}

struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};

Result<std::string> ReadZipEntry(std::string_view zip_bytes, const char* entry) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  if (!src) return InvalidArgument("not a readable zip");
  std::unique_ptr<zip_t, ZipDeleter> zip(zip_open_from_source(src, ZIP_RDONLY, &error));
  if (!zip) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return InvalidArgument("not a readable .docx (zip: " + why + ")");
  }
  zip_error_fini(&error);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip.get(), entry, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
    return InvalidArgument(std::string("a zip without ") + entry + ": not a .docx");
  }
  if (st.size > kMaxDocumentBytes) {
    return InvalidArgument(std::string(entry) + " is larger than " +
                           std::to_string(kMaxDocumentBytes >> 20) + " MB uncompressed");
  }
  zip_file_t* f = zip_fopen(zip.get(), entry, 0);
  if (!f) return InvalidArgument(std::string("cannot open ") + entry + " in the .docx");
  std::string data(static_cast<size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
    return InvalidArgument(std::string("damaged .docx: cannot read ") + entry);
  }
  return data;
}

// ---- PDF

void IgnorePopplerMessage(const std::string& /*message*/, void* /*closure*/) {}

// Joins words hyphenated at a line end ("indivi-\nsible") and ends each page with a blank line.
std::string JoinHyphenatedLines(std::string_view page) {
  std::string out;
  out.reserve(page.size());
  for (size_t i = 0; i < page.size(); ++i) {
    bool hyphen_break = page[i] == '-' && i > 0 && i + 2 < page.size() && page[i - 1] >= 'a' &&
                        page[i - 1] <= 'z' && page[i + 1] == '\n' && page[i + 2] >= 'a' &&
                        page[i + 2] <= 'z';
    if (hyphen_break) {
      ++i;  // drop "-\n"
      continue;
    }
    out += page[i];
  }
  return out;
}

}  // namespace

Result<std::string> HtmlToText(std::string_view html) {
  if (html.size() > INT_MAX) return InvalidArgument("HTML too large");
  // Declared or sniffed encodings are honoured; text that is valid UTF-8 is read as UTF-8
  // (libxml2 would otherwise assume Latin-1 when nothing is declared).
  const char* encoding = IsValidUtf8(html) ? "UTF-8" : nullptr;
  XmlDoc doc(htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, encoding,
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) return InvalidArgument("not readable as HTML");
  std::string out;
  WalkHtml(xmlDocGetRootElement(doc.get()), false, 0, &out);
  return TidyLines(out);
}

Result<std::string> DocxToText(std::string_view docx) {
  auto xml = ReadZipEntry(docx, "word/document.xml");
  if (!xml.ok()) return xml.status();
  if (xml->size() > INT_MAX) return InvalidArgument("word/document.xml too large");
  // No network and no entity expansion: a document cannot reach outside itself.
  XmlDoc doc(xmlReadMemory(xml->data(), static_cast<int>(xml->size()), "document.xml", nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) return InvalidArgument("damaged .docx: word/document.xml is not well-formed XML");
  std::string out;
  WalkDocx(xmlDocGetRootElement(doc.get()), 0, &out);
  return TidyLines(out);
}

Result<std::string> PdfToText(std::string_view pdf) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
  if (pdf.size() > INT_MAX) return InvalidArgument("PDF too large");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc) return InvalidArgument("not a readable PDF (damaged or not a PDF)");
  if (doc->is_locked()) return InvalidArgument("the PDF is encrypted with a password");
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    poppler::byte_array utf8 =
        page->text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
    out += JoinHyphenatedLines(std::string_view(utf8.data(), utf8.size()));
    out += "\n\n";
  }
  std::string text = TidyLines(out);
  if (Trim(text).empty()) {
    return InvalidArgument("the PDF has no text layer (a scan?): run OCR on it first");
  }
  return text;
}

}  // namespace ecosol::text
