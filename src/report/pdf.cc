// The PDF rendering of a report: Pango lays out the text, Cairo writes the pages, librsvg draws
// the figures (the SVG the HTML page embeds).

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "ecosol/report/document.h"

namespace ecosol::report {
namespace {

// A4 portrait in points, 50 pt margins, room for the footer at the bottom.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kFooterHeight = 30;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kCellPadding = 4;

constexpr char kBodyFont[] = "DejaVu Sans 9.5";
constexpr char kTableFont[] = "DejaVu Sans 8";
constexpr char kTableHeaderFont[] = "DejaVu Sans Bold 8";
constexpr char kCaptionFont[] = "DejaVu Sans Oblique 8";
constexpr char kFooterFont[] = "DejaVu Sans 7";

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Owns a PangoLayout.
class Layout {
 public:
  Layout(cairo_t* cr, const std::string& text, const char* font, double width,
         PangoAlignment align = PANGO_ALIGN_LEFT)
      : layout_(pango_cairo_create_layout(cr)) {
    PangoFontDescription* desc = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout_, desc);
    pango_font_description_free(desc);
    if (width > 0) {
      pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout_, align);
    // Pango refuses invalid UTF-8: such bytes are replaced rather than dropping the text.
    gchar* valid = g_utf8_make_valid(text.c_str(), static_cast<gssize>(text.size()));
    pango_layout_set_text(layout_, valid, -1);
    g_free(valid);
  }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  ~Layout() { g_object_unref(layout_); }
  PangoLayout* get() const { return layout_; }
  double Width() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }
  double Height() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

 private:
  PangoLayout* layout_;
};

class PdfWriter {
 public:
  PdfWriter(const Document& doc, std::string* out)
      : doc_(doc),
        surface_(cairo_pdf_surface_create_for_stream(Append, out, kPageWidth, kPageHeight)),
        cr_(cairo_create(surface_)) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, doc.title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Ecosol");
  }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;
  ~PdfWriter() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  Status Write() {
    if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("PDF: ") + cairo_status_to_string(cairo_status(cr_)));
    }
    Flow(doc_.title, "DejaVu Sans Bold 18", kMargin, kWidth, 0.1);
    if (!doc_.subtitle.empty()) Flow(doc_.subtitle, "DejaVu Sans 9.5", kMargin, kWidth, 0.35);
    y_ += 8;
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      switch (b.kind) {
        case BlockKind::kHeading:
          HeadingBlock(b);
          break;
        case BlockKind::kParagraph:
          Flow(b.text, kBodyFont, kMargin, kWidth, 0.1);
          y_ += 6;
          break;
        case BlockKind::kBullets:
          for (const auto& item : b.items) {
            Room(12);
            Layout bullet(cr_, "•", kBodyFont, 0);
            Draw(bullet, kMargin + 2, y_, 0.1);
            Flow(item, kBodyFont, kMargin + 14, kWidth - 14, 0.1);
            y_ += 2;
          }
          y_ += 4;
          break;
        case BlockKind::kTable:
          ECOSOL_RETURN_IF_ERROR(TableBlock(b.table, i));
          break;
        case BlockKind::kFigure:
          ECOSOL_RETURN_IF_ERROR(FigureBlock(b.figure, i));
          break;
      }
    }
    Footer();
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("PDF: ") +
                      cairo_status_to_string(cairo_surface_status(surface_)));
    }
    return Status::Ok();
  }

 private:
  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }

  // Starts a new page unless `height` fits below (or the page is still empty).
  void Room(double height) {
    if (y_ + height > kBottom && y_ > kMargin) NewPage();
  }

  void Draw(const Layout& l, double x, double y, double grey) {
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }

  // Wrapped text, line by line, over as many pages as it needs.
  void Flow(const std::string& text, const char* font, double x, double width, double grey) {
    Layout l(cr_, text, font, width);
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    double drawn = 0;  // layout y of the first line on this page
    double top = y_;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      const double line_top = static_cast<double>(logical.y) / PANGO_SCALE;
      const double line_height = static_cast<double>(logical.height) / PANGO_SCALE;
      if (top + (line_top - drawn) + line_height > kBottom && top + (line_top - drawn) > kMargin) {
        NewPage();
        top = y_;
        drawn = line_top;
      }
      const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
      cairo_set_source_rgb(cr_, grey, grey, grey);
      cairo_move_to(cr_, x, top + (baseline - drawn));
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ = top + (line_top - drawn) + line_height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void HeadingBlock(const Block& b) {
    const bool section = b.level < 3;
    Layout l(cr_, b.text, section ? "DejaVu Sans Bold 13" : "DejaVu Sans Bold 10.5", kWidth);
    y_ += section ? 14 : 8;
    // A heading keeps at least a few lines of what follows on its page.
    Room(l.Height() + 60);
    Draw(l, kMargin, y_, 0.1);
    y_ += l.Height() + 2;
    if (section) {
      cairo_set_source_rgb(cr_, 0.75, 0.75, 0.75);
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, kMargin, y_);
      cairo_line_to(cr_, kMargin + kWidth, y_);
      cairo_stroke(cr_);
    }
    y_ += 6;
  }

  std::vector<double> ColumnWidths(const Table& t) {
    std::vector<double> natural(t.header.size(), 0);
    auto widen = [&](const std::vector<std::string>& row, const char* font) {
      for (size_t c = 0; c < row.size() && c < natural.size(); ++c) {
        Layout l(cr_, row[c], font, 0);
        natural[c] = std::max(natural[c], std::min(l.Width(), kWidth * 0.6) + 2 * kCellPadding);
      }
    };
    widen(t.header, kTableHeaderFont);
    for (const auto& row : t.rows) widen(row, kTableFont);
    double sum = 0;
    for (double w : natural) sum += w;
    std::vector<double> widths(natural.size());
    for (size_t c = 0; c < natural.size(); ++c) widths[c] = kWidth * natural[c] / sum;
    return widths;
  }

  // Draws one row at y_; returns its height.
  double Row(const Table& t, const std::vector<std::string>& cells, const std::vector<double>& w,
             bool header) {
    std::vector<std::unique_ptr<Layout>> layouts;
    double height = 0;
    for (size_t c = 0; c < cells.size(); ++c) {
      const bool numeric = c < t.numeric.size() && t.numeric[c];
      layouts.push_back(std::make_unique<Layout>(
          cr_, cells[c], header ? kTableHeaderFont : kTableFont, w[c] - 2 * kCellPadding,
          numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
      height = std::max(height, layouts.back()->Height() + 2 * kCellPadding);
    }
    if (header) {
      cairo_set_source_rgb(cr_, 0.93, 0.93, 0.93);
      cairo_rectangle(cr_, kMargin, y_, kWidth, height);
      cairo_fill(cr_);
    }
    double x = kMargin;
    for (size_t c = 0; c < layouts.size(); ++c) {
      Draw(*layouts[c], x + kCellPadding, y_ + kCellPadding, 0.1);
      x += w[c];
    }
    cairo_set_source_rgb(cr_, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr_, 0.4);
    cairo_move_to(cr_, kMargin, y_ + height);
    cairo_line_to(cr_, kMargin + kWidth, y_ + height);
    cairo_stroke(cr_);
    return height;
  }

  double RowHeight(const Table& t, const std::vector<std::string>& cells,
                   const std::vector<double>& w, bool header) {
    double height = 0;
    for (size_t c = 0; c < cells.size(); ++c) {
      const bool numeric = c < t.numeric.size() && t.numeric[c];
      Layout l(cr_, cells[c], header ? kTableHeaderFont : kTableFont, w[c] - 2 * kCellPadding,
               numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      height = std::max(height, l.Height() + 2 * kCellPadding);
    }
    return height;
  }

  Status TableBlock(const Table& t, size_t index) {
    if (t.header.empty())
      return InvalidArgument("block " + std::to_string(index + 1) + ": a table without columns");
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (t.rows[r].size() != t.header.size()) {
        return InvalidArgument("block " + std::to_string(index + 1) + ": table row " +
                               std::to_string(r + 1) + " has " + std::to_string(t.rows[r].size()) +
                               " cells for " + std::to_string(t.header.size()) + " columns");
      }
    }
    const std::vector<double> w = ColumnWidths(t);
    const double header_height = RowHeight(t, t.header, w, true);
    const double first = t.rows.empty() ? 0 : RowHeight(t, t.rows[0], w, false);
    Room(header_height + first);
    y_ += Row(t, t.header, w, true);
    for (const auto& row : t.rows) {
      const double h = RowHeight(t, row, w, false);
      if (y_ + h > kBottom) {
        NewPage();
        y_ += Row(t, t.header, w, true);
      }
      y_ += Row(t, row, w, false);
    }
    y_ += 10;
    return Status::Ok();
  }

  Status FigureBlock(const Figure& f, size_t index) {
    GError* error = nullptr;
    RsvgHandle* svg = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(f.svg.data()),
                                                f.svg.size(), &error);
    if (svg == nullptr) {
      std::string why = error != nullptr ? error->message : "unreadable SVG";
      if (error != nullptr) g_error_free(error);
      return InvalidArgument("block " + std::to_string(index + 1) + " (figure '" + f.caption +
                             "'): " + why);
    }
    const double fw = f.width > 0 ? f.width : kWidth;
    const double fh = f.height > 0 ? f.height : kWidth * 0.6;
    const double scale = std::min({1.0, kWidth / fw, (kBottom - kMargin - 40) / fh});
    const double w = fw * scale, h = fh * scale;
    Layout caption(cr_, f.caption, kCaptionFont, kWidth);
    Room(h + caption.Height() + 6);
    RsvgRectangle viewport{kMargin + (kWidth - w) / 2, y_, w, h};
    const gboolean drawn = rsvg_handle_render_document(svg, cr_, &viewport, &error);
    g_object_unref(svg);
    if (!drawn) {
      std::string why = error != nullptr ? error->message : "librsvg could not draw it";
      if (error != nullptr) g_error_free(error);
      return InvalidArgument("block " + std::to_string(index + 1) + " (figure '" + f.caption +
                             "'): " + why);
    }
    y_ += h + 4;
    Draw(caption, kMargin, y_, 0.3);
    y_ += caption.Height() + 10;
    return Status::Ok();
  }

  void Footer() {
    const double y = kPageHeight - kMargin - kFooterHeight + 12;
    cairo_set_source_rgb(cr_, 0.8, 0.8, 0.8);
    cairo_set_line_width(cr_, 0.4);
    cairo_move_to(cr_, kMargin, y - 4);
    cairo_line_to(cr_, kMargin + kWidth, y - 4);
    cairo_stroke(cr_);
    Layout number(cr_, std::to_string(page_), kFooterFont, 30, PANGO_ALIGN_RIGHT);
    Draw(number, kMargin + kWidth - 30, y, 0.35);
    if (doc_.footer.empty()) return;
    Layout text(cr_, doc_.footer, kFooterFont, kWidth - 40);
    pango_layout_set_height(text.get(), -2);  // at most two lines
    pango_layout_set_ellipsize(text.get(), PANGO_ELLIPSIZE_END);
    Draw(text, kMargin, y, 0.35);
  }

  const Document& doc_;
  cairo_surface_t* surface_;
  cairo_t* cr_;
  double y_ = kMargin;
  int page_ = 1;
};

}  // namespace

// Under AddressSanitizer: fontconfig (through Pango) keeps its configuration and font patterns
// for the life of the process, never freed, and LeakSanitizer reports them at exit. They are
// allocated once per process, not per report (measured: rendering the same PDF 21 times leaves
// the same ~160 KB as rendering it once), so they are not leaks of ours; this hook says so.
#if defined(__SANITIZE_ADDRESS__)
#define ECOSOL_REPORT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ECOSOL_REPORT_ASAN 1
#endif
#endif
#ifdef ECOSOL_REPORT_ASAN
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif

Result<std::string> RenderPdf(const Document& doc) {
  // Fontconfig's and Pango's process-wide state is set up on first use: one PDF at a time.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::string out;
  {
    PdfWriter writer(doc, &out);
    ECOSOL_RETURN_IF_ERROR(writer.Write());
  }
  return out;
}

}  // namespace ecosol::report
