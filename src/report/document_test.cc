#include "ecosol/report/document.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <cctype>
#include <memory>

#include "ecosol/report/charts.h"

namespace ecosol::report {
namespace {

// The text of each page of a PDF, read back with Poppler.
std::vector<std::string> PdfPages(const std::string& pdf) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  std::vector<std::string> pages;
  if (!doc) return pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    auto bytes = page->text().to_utf8();
    pages.emplace_back(bytes.begin(), bytes.end());
  }
  return pages;
}

std::string Joined(const std::vector<std::string>& pages) {
  std::string all;
  for (const auto& p : pages) all += p + "\n";
  return all;
}

Document Sample() {
  Document doc;
  doc.lang = "fr";
  doc.title = "Québec : écosystème de l'ESS";
  doc.subtitle = "Établi le 2026-11-29";
  doc.blocks.push_back(Heading("Synthèse"));
  doc.blocks.push_back(Paragraph("Écosystème favorable <fort> & \"dense\"."));
  doc.blocks.push_back(Bullets({"aucun intermédiaire financier", "aucune université"}));
  Table t;
  t.header = {"Indicateur", "Valeur"};
  t.numeric = {false, true};
  t.rows = {{"Acteurs", "42"}, {"Acteurs de l'ESS", "30"}};
  doc.blocks.push_back(TableBlock(t));
  doc.blocks.push_back(
      FigureBlock(BarChart({{"Finance", 62.5}, {"Marchés", 20}}, 100, 50, "Couverture", "Barres")));
  doc.footer = "Ecosol, 2026-11-29. Contient des données ouvertes de Co-operatives UK.";
  return doc;
}

TEST(HtmlTest, APageInTheLanguageWithEscapedTextAccessibleFiguresAndTables) {
  const std::string html = RenderHtml(Sample());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(html.find("<title>Québec : écosystème de l&#39;ESS</title>"), std::string::npos);
  EXPECT_NE(html.find("<h2>Synthèse</h2>"), std::string::npos);
  EXPECT_NE(html.find("&lt;fort&gt; &amp; &quot;dense&quot;"), std::string::npos);
  EXPECT_EQ(html.find("<fort>"), std::string::npos);
  EXPECT_NE(html.find("<li>aucune université</li>"), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" class=\"num\">Valeur</th>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">42</td>"), std::string::npos);
  EXPECT_NE(html.find("<svg role=\"img\" aria-label=\"Barres\""), std::string::npos);
  EXPECT_NE(html.find("<figcaption>Couverture</figcaption>"), std::string::npos);
  EXPECT_NE(html.find("<footer>"), std::string::npos);
  // Standalone: nothing is fetched.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

TEST(PdfTest, TheSameContentReadsBackFromThePdf) {
  auto pdf = RenderPdf(Sample());
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  const auto pages = PdfPages(*pdf);
  ASSERT_EQ(pages.size(), 1u);
  const std::string text = Joined(pages);
  for (const char* expected :
       {"Québec : écosystème de l'ESS", "Synthèse", "<fort> & \"dense\"", "aucune université",
        "Acteurs de l'ESS", "Couverture", "Finance", "62.5", "Co-operatives UK"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(PdfTest, LongTablesFlowOverPagesWithTheirHeaderRepeatedAndPagesNumbered) {
  Document doc;
  doc.title = "Long";
  Table t;
  t.header = {"Name", "Count"};
  for (int i = 0; i < 200; ++i) t.rows.push_back({"Row " + std::to_string(i), std::to_string(i)});
  doc.blocks.push_back(TableBlock(t));
  doc.blocks.push_back(Paragraph(std::string(30, 'x') + " the end"));
  auto pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok()) << pdf.status().message();
  const auto pages = PdfPages(*pdf);
  ASSERT_GE(pages.size(), 3u);
  for (size_t i = 0; i < pages.size(); ++i) {
    EXPECT_NE(pages[i].find("Name"), std::string::npos) << "page " << i + 1;
    EXPECT_NE(pages[i].find(std::to_string(i + 1)), std::string::npos);
  }
  EXPECT_NE(pages.front().find("Row 0"), std::string::npos);
  EXPECT_NE(pages.back().find("Row 199"), std::string::npos);
  EXPECT_NE(pages.back().find("the end"), std::string::npos);
}

TEST(PdfTest, ALongParagraphIsSplitAcrossPagesWithNothingLost) {
  Document doc;
  doc.title = "Words";
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "word" + std::to_string(i) + " ";
  doc.blocks.push_back(Paragraph(text));
  auto pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  const auto pages = PdfPages(*pdf);
  ASSERT_GE(pages.size(), 2u);
  const std::string all = Joined(pages);
  // Each word once, whole ("word70" is not "word700"), wherever the lines break.
  for (int i : {0, 700, 1499}) {
    const std::string word = "word" + std::to_string(i);
    const size_t at = all.find(word);
    ASSERT_NE(at, std::string::npos) << word;
    EXPECT_FALSE(std::isdigit(static_cast<unsigned char>(all[at + word.size()]))) << word;
  }
}

TEST(PdfTest, BadBlocksAreRefusedWithWhereAndWhy) {
  Document doc;
  Table t;
  t.header = {"a", "b"};
  t.rows = {{"1"}};
  doc.blocks.push_back(Paragraph("x"));
  doc.blocks.push_back(TableBlock(t));
  auto bad_table = RenderPdf(doc);
  ASSERT_FALSE(bad_table.ok());
  EXPECT_EQ(bad_table.status().message(), "block 2: table row 1 has 1 cells for 2 columns");
  Document figure;
  figure.blocks.push_back(FigureBlock({"<svg", 10, 10, "Broken map", ""}));
  auto bad_svg = RenderPdf(figure);
  ASSERT_FALSE(bad_svg.ok());
  EXPECT_NE(bad_svg.status().message().find("block 1 (figure 'Broken map')"), std::string::npos)
      << bad_svg.status().message();
}

}  // namespace
}  // namespace ecosol::report
