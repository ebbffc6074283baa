#include "ecosol/text/document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace ecosol::text {
namespace {

namespace fs = std::filesystem;

const fs::path kTestData = fs::path(::ecosol::testing::SourceDir()) / "src" / "text" / "testdata";

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(DocumentTest, PlainTextIsKeptAsIsAndLatin1IsConverted) {
  auto utf8 = ExtractDocumentText("Chaque associé dispose d'une voix.\n", "txt");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(*utf8, "Chaque associé dispose d'une voix.\n");
  auto bom = ExtractDocumentText("\xEF\xBB\xBFOne vote.", "txt");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(*bom, "One vote.");
  // Windows-1252: é is 0xE9, the right quote 0x92.
  auto cp1252 = ExtractDocumentText("associ\xE9 \x92", "txt");
  ASSERT_TRUE(cp1252.ok());
  EXPECT_EQ(*cp1252, "associé \u2019");
}

TEST(DocumentTest, BinaryBytesAreNotText) {
  auto r = ExtractDocumentText(std::string("abc\0def", 7), "txt");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.status().message(), "binary"));
}

TEST(DocumentTest, MarkdownLosesItsMarkup) {
  auto r = ExtractDocumentText(
      "# Article 5 — *Réserves*\n\n"
      "> Les **réserves** sont [impartageables](https://example.org/loi).\n\n"
      "- un associé, une voix\n"
      "| a | b |\n|---|---|\n| snake_case | `code` |\n",
      "md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r,
            "Article 5 — Réserves\n\nLes réserves sont impartageables.\n\nun associé, une voix\n"
            "a b\n\nsnake_case code\n");
}

TEST(DocumentTest, HtmlDropsScriptsAndDecodesEntities) {
  auto r = ExtractDocumentText(
      "<html><head><title>T</title><style>p{}</style></head><body>"
      "<script>var x = 'one vote';</script><h1>Statuts &ndash; SCIC</h1>"
      "<p>Un associ&eacute;, une&nbsp;voix.</p><ul><li>A</li><li>B &amp; C</li></ul></body></html>",
      "html");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "Statuts – SCIC\n\nUn associé, une voix.\n\nA\n\nB & C\n");
}

TEST(DocumentTest, DocxParagraphsBecomeLines) {
  auto r = ExtractDocumentText(kTestData / "statutes.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r,
            "STATUTS DE LA COOPÉRATIVE\nArticle 9. Chaque associé dispose d'une voix.\n"
            "Article 30.\tLes réserves sont impartageables.\n");
}

TEST(DocumentTest, PdfTextLayerIsRead) {
  auto r = ExtractDocumentText(kTestData / "statutes.pdf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(Contains(*r, "9. Each member shall have one vote.")) << *r;
  EXPECT_TRUE(Contains(*r, "allocated to the\nindivisible reserve.")) << *r;
}

TEST(DocumentTest, FormatIsSniffedWhenTheExtensionSaysNothing) {
  fs::path dir = fs::temp_directory_path() / ("ecosol_doc_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(kTestData / "statutes.pdf", dir / "statutes.bin",
                fs::copy_options::overwrite_existing);
  auto r = ExtractDocumentText(dir / "statutes.bin");
  fs::remove_all(dir);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(Contains(*r, "one vote"));
  EXPECT_EQ(SniffDocumentFormat("  <!DOCTYPE html><p>x"), "html");
  EXPECT_EQ(SniffDocumentFormat(std::string("PK\x03\x04", 4)), "docx");
  EXPECT_EQ(SniffDocumentFormat("Article 1"), "txt");
}

TEST(DocumentTest, BadFilesSayWhatAndWhere) {
  auto missing = ExtractDocumentText(fs::path("/nonexistent/statuts.pdf"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(missing.status().message(), "/nonexistent/statuts.pdf"));

  auto broken = ExtractDocumentText("%PDF-1.4\n1 0 obj garbage", "pdf");
  ASSERT_FALSE(broken.ok());
  EXPECT_TRUE(Contains(broken.status().message(), "PDF"));

  auto scanned = ExtractDocumentText(kTestData / "scanned.pdf");
  ASSERT_FALSE(scanned.ok());
  EXPECT_TRUE(Contains(scanned.status().message(), "scanned.pdf"));
  EXPECT_TRUE(Contains(scanned.status().message(), "no text layer"));

  auto not_word = ExtractDocumentText(kTestData / "not_word.docx");
  ASSERT_FALSE(not_word.ok());
  EXPECT_TRUE(Contains(not_word.status().message(), "word/document.xml"));

  auto not_zip = ExtractDocumentText("PK\x03\x04 truncated", "docx");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_TRUE(Contains(not_zip.status().message(), ".docx"));

  auto doc = ExtractDocumentText(fs::path("old.doc"));
  EXPECT_FALSE(doc.ok());
}

}  // namespace
}  // namespace ecosol::text
