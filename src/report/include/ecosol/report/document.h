#pragma once

// A report as a sequence of blocks (headings, paragraphs, lists, tables, SVG figures), rendered
// to a standalone HTML page or to a PDF (A4) with the same content (docs/reports.md).
//
//   Document doc;
//   doc.lang = "fr";
//   doc.title = "Québec : écosystème de l'ESS";
//   doc.blocks.push_back(Heading("Synthèse"));
//   doc.blocks.push_back(Paragraph("Écosystème favorable : ..."));
//   doc.blocks.push_back(FigureBlock(BarChartSvg(...), "Couverture par bloc"));
//   std::string html = RenderHtml(doc);
//   Result<std::string> pdf = RenderPdf(doc);   // the bytes of a PDF file
//
// The PDF is laid out with Pango (text, in any script the installed fonts cover; DejaVu Sans by
// default) and Cairo; figures are drawn by librsvg from the same SVG the HTML page embeds.
// Thread safety: Document is a value type; RenderHtml and RenderPdf may be called from any
// thread (PDF rendering is serialised inside).

#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::report {

enum class BlockKind { kHeading, kParagraph, kBullets, kTable, kFigure };

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as the header
  std::vector<bool> numeric;                   // per column: right-aligned; may be empty
};

struct Figure {
  std::string svg;  // a whole <svg> element with width, height and viewBox
  double width = 0;
  double height = 0;
  std::string caption;
  std::string alt;  // what the figure shows, for screen readers
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 2;                   // headings: 2 (section) or 3 (subsection)
  std::string text;                // heading or paragraph text (plain text, escaped when rendered)
  std::vector<std::string> items;  // bullets
  Table table;
  Figure figure;
};

struct Document {
  std::string lang = "en";  // BCP 47 code of the texts
  std::string title;
  std::string subtitle;  // under the title: the date, the scope
  std::vector<Block> blocks;
  std::string footer;  // each PDF page and the end of the HTML page: sources, licences
};

Block Heading(std::string text, int level = 2);
Block Paragraph(std::string text);
Block Bullets(std::vector<std::string> items);
Block TableBlock(Table table);
Block FigureBlock(Figure figure);

// A standalone HTML5 page (inline style and SVG, no script, nothing fetched): the `lang`
// attribute, the title, the blocks in order (figures as <figure> with role="img", aria-label
// and <figcaption>; tables with <th scope="col">), the footer.
std::string RenderHtml(const Document& doc);

// A PDF file (A4 portrait, 50 pt margins): the title and subtitle on the first page, the blocks
// flowing over pages (a heading never ends a page; table headers repeat on each page), page
// numbers and the footer on each page, the title in the PDF's metadata. InvalidArgument for a
// table row whose length differs from the header, or a figure whose SVG librsvg cannot read
// (naming the figure's caption); Internal when Cairo fails.
Result<std::string> RenderPdf(const Document& doc);

}  // namespace ecosol::report
