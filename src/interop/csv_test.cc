#include "ecosol/interop/csv.h"

#include <gtest/gtest.h>

namespace ecosol::interop {
namespace {

std::vector<CsvRecord> ReadAll(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (reader.Next(&rec)) out.push_back(rec);
  return out;
}

TEST(CsvTest, QuotedCellsMaySpanLinesAndHoldQuotesAndCommas) {
  auto recs = ReadAll("a,b\r\n\"x, \"\"y\"\"\nz\",2\nlast,3");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"x, \"y\"\nz", "2"}));
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[2].line, 4);
  EXPECT_TRUE(recs[2].error.empty());
}

TEST(CsvTest, BadQuotingIsReportedAndReadingGoesOn) {
  auto recs = ReadAll("h1,h2\nab\"c,1\n\"x\"y,2\nok,3\n");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_NE(recs[1].error.find("quote inside unquoted cell 1"), std::string::npos);
  EXPECT_NE(recs[2].error.find("after the closing quote"), std::string::npos);
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"ok", "3"}));
  EXPECT_EQ(recs[3].line, 4);
}

// Found by the fuzzer (fuzz/csv_fuzz.cc): a lone carriage return after a closing quote made the
// next character count as the delimiter, silently dropping it.
TEST(CsvTest, ALoneCarriageReturnAfterAClosingQuoteIsAnError) {
  auto recs = ReadAll("\"a\"\rb,c\nok,1\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_NE(recs[0].error.find("after the closing quote"), std::string::npos);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"ok", "1"}));
  // CRLF after a closing quote, and a final CR, stay fine.
  auto crlf = ReadAll("\"a\",\"b\"\r\n\"c\",d\r");
  ASSERT_EQ(crlf.size(), 2u);
  EXPECT_TRUE(crlf[0].error.empty() && crlf[1].error.empty());
  EXPECT_EQ(crlf[0].fields, (std::vector<std::string>{"a", "b"}));
}

TEST(CsvTest, UnterminatedQuoteNamesTheLineItOpenedOn) {
  auto recs = ReadAll("h\n\"never closed\nmore\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_NE(recs[1].error.find("line 2"), std::string::npos);
}

TEST(CsvTest, WriterQuotesWhatNeedsIt) {
  std::string out;
  AppendCsvRecord({"plain", "a,b", "say \"hi\"", "two\nlines"}, &out);
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
  auto recs = ReadAll(out);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].fields[3], "two\nlines");
}

TEST(CsvTest, SkipsByteOrderMarkAndBlankLines) {
  auto recs = ReadAll("\xEF\xBB\xBFh\n\n\nv\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].fields[0], "h");
  EXPECT_EQ(recs[1].line, 4);
}

}  // namespace
}  // namespace ecosol::interop
