// The HTML rendering of a report: one standalone page.

#include <sstream>

#include "ecosol/base/xml.h"
#include "ecosol/report/document.h"

namespace ecosol::report {

Block Heading(std::string text, int level) {
  Block b;
  b.kind = BlockKind::kHeading;
  b.level = level == 3 ? 3 : 2;
  b.text = std::move(text);
  return b;
}

Block Paragraph(std::string text) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.text = std::move(text);
  return b;
}

Block Bullets(std::vector<std::string> items) {
  Block b;
  b.kind = BlockKind::kBullets;
  b.items = std::move(items);
  return b;
}

Block TableBlock(Table table) {
  Block b;
  b.kind = BlockKind::kTable;
  b.table = std::move(table);
  return b;
}

Block FigureBlock(Figure figure) {
  Block b;
  b.kind = BlockKind::kFigure;
  b.figure = std::move(figure);
  return b;
}

namespace {

constexpr char kStyle[] = R"(
body{font-family:"DejaVu Sans",system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}
.subtitle{color:#555;margin-top:0}
h2{font-size:1.3rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num,th.num{text-align:right}
figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#444}
footer{margin-top:2rem;border-top:1px solid #ccc;font-size:.8rem;color:#555}
@media print{body{max-width:none}h2{break-after:avoid}figure,tr{break-inside:avoid}}
)";

bool Numeric(const Table& t, size_t column) {
  return column < t.numeric.size() && t.numeric[column];
}

void RenderTable(const Table& t, std::ostringstream& out) {
  out << "<table>\n<thead><tr>";
  for (size_t c = 0; c < t.header.size(); ++c) {
    out << "<th scope=\"col\"" << (Numeric(t, c) ? " class=\"num\"" : "") << ">"
        << EscapeXml(t.header[c]) << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out << "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out << "<td" << (Numeric(t, c) ? " class=\"num\"" : "") << ">" << EscapeXml(row[c])
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

// The figure's SVG with role="img" and aria-label on its root element.
std::string AccessibleSvg(const Figure& f) {
  const size_t open = f.svg.find("<svg");
  if (open == std::string::npos) return f.svg;
  return f.svg.substr(0, open + 4) + " role=\"img\" aria-label=\"" +
         EscapeXml(f.alt.empty() ? f.caption : f.alt) + "\"" + f.svg.substr(open + 4);
}

}  // namespace

std::string RenderHtml(const Document& doc) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << EscapeXml(doc.lang) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << EscapeXml(doc.title) << "</title>\n<style>" << kStyle << "</style>\n"
      << "</head>\n<body>\n<main>\n<h1>" << EscapeXml(doc.title) << "</h1>\n";
  if (!doc.subtitle.empty()) out << "<p class=\"subtitle\">" << EscapeXml(doc.subtitle) << "</p>\n";
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case BlockKind::kHeading:
        out << "<h" << b.level << ">" << EscapeXml(b.text) << "</h" << b.level << ">\n";
        break;
      case BlockKind::kParagraph:
        out << "<p>" << EscapeXml(b.text) << "</p>\n";
        break;
      case BlockKind::kBullets:
        out << "<ul>\n";
        for (const auto& item : b.items) out << "<li>" << EscapeXml(item) << "</li>\n";
        out << "</ul>\n";
        break;
      case BlockKind::kTable:
        RenderTable(b.table, out);
        break;
      case BlockKind::kFigure:
        out << "<figure>\n"
            << AccessibleSvg(b.figure) << "\n<figcaption>" << EscapeXml(b.figure.caption)
            << "</figcaption>\n</figure>\n";
        break;
    }
  }
  out << "</main>\n";
  if (!doc.footer.empty()) out << "<footer><p>" << EscapeXml(doc.footer) << "</p></footer>\n";
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace ecosol::report
