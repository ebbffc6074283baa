// `ecosol statutes analyze|patterns`: no database is involved.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;
using test_support::TestFolder;

class StatutesCliTest : public ::testing::Test {
 protected:
  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  std::string Write(const std::string& name, const std::string& content) {
    return folder_.Write(name, content);
  }

  TestFolder folder_{"ecosol_statutes_cli"};
  CliRunner cli_;
};

TEST_F(StatutesCliTest, AnalyzePrintsJson) {
  std::string file = Write("statuts.md",
                           "# Statuts\n\nUn associé, une voix.\n\nLes réserves sont "
                           "**impartageables** et ne peuvent être partagées entre les associés.\n");
  ASSERT_EQ(Run({"statutes", "analyze", file, "--json"}), 0) << cli_.err();
  auto j = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(j["language"], "fr");
  ASSERT_EQ(j["clauses"].size(), 2u);
  EXPECT_EQ(j["clauses"][0]["type"], "one_member_one_vote");
  EXPECT_EQ(j["clauses"][0]["polarity"], "affirmed");
  EXPECT_TRUE(j["clauses"][0]["value"].is_null());
  EXPECT_EQ(j["clauses"][0]["evidence"]["text"], "Un associé, une voix.");
  EXPECT_EQ(j["clauses"][1]["type"], "indivisible_reserves");
}

TEST_F(StatutesCliTest, AnalyzePrintsATableAndHonoursLang) {
  std::string file =
      Write("rules.txt", "Dividends shall not exceed 35% of the distributable profits.\n");
  ASSERT_EQ(Run({"statutes", "analyze", file, "--lang", "en"}), 0) << cli_.err();
  std::string out = cli_.out();
  EXPECT_NE(out.find("language: en"), std::string::npos) << out;
  EXPECT_NE(out.find("profit_distribution_cap"), std::string::npos) << out;
  EXPECT_NE(out.find("0.35"), std::string::npos) << out;
  ASSERT_EQ(Run({"statutes", "analyze", file, "--lang", "fr", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["language"], "fr");
}

TEST_F(StatutesCliTest, ErrorsExitWithOne) {
  EXPECT_EQ(Run({"statutes", "analyze", (folder_.path() / "missing.pdf").string()}), 1);
  EXPECT_NE(cli_.err().find("missing.pdf"), std::string::npos) << cli_.err();

  std::string pdf = Write("broken.pdf", "%PDF-1.4\nnot really a pdf");
  EXPECT_EQ(Run({"statutes", "analyze", pdf}), 1);
  EXPECT_NE(cli_.err().find("broken.pdf"), std::string::npos) << cli_.err();
  EXPECT_NE(cli_.err().find("PDF"), std::string::npos) << cli_.err();

  std::string txt = Write("ok.txt", "One member, one vote.\n");
  EXPECT_EQ(Run({"statutes", "analyze", txt, "--lang", "de"}), 1);
  EXPECT_NE(cli_.err().find("--lang"), std::string::npos) << cli_.err();
}

TEST_F(StatutesCliTest, PatternsPrintsOneScanPatternPerLine) {
  ASSERT_EQ(Run({"statutes", "patterns", "--lang", "en"}), 0) << cli_.err();
  std::string out = cli_.out();
  EXPECT_NE(out.find("one\\s+(?:member"), std::string::npos);
  EXPECT_GT(std::count(out.begin(), out.end(), '\n'), 40);
}

}  // namespace
}  // namespace ecosol::cli
