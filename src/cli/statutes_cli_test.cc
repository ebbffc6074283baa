// `ecosol statutes analyze|patterns`: no database is involved.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ecosol/cli/cli.h"
#include "test_paths.h"

namespace ecosol::cli {
namespace {

namespace fs = std::filesystem;

class StatutesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ecosol_statutes_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"ecosol", "--data-dir",
                                    ::ecosol::testing::SourceDir() + "/data"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    out_.str("");
    err_.str("");
    std::istringstream in;
    return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, in);
  }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  fs::path dir_;
  std::ostringstream out_, err_;
};

TEST_F(StatutesCliTest, AnalyzePrintsJson) {
  std::string file = Write("statuts.md",
                           "# Statuts\n\nUn associé, une voix.\n\nLes réserves sont "
                           "**impartageables** et ne peuvent être partagées entre les associés.\n");
  ASSERT_EQ(Run({"statutes", "analyze", file, "--json"}), 0) << err_.str();
  auto j = nlohmann::json::parse(out_.str());
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
  ASSERT_EQ(Run({"statutes", "analyze", file, "--lang", "en"}), 0) << err_.str();
  std::string out = out_.str();
  EXPECT_NE(out.find("language: en"), std::string::npos) << out;
  EXPECT_NE(out.find("profit_distribution_cap"), std::string::npos) << out;
  EXPECT_NE(out.find("0.35"), std::string::npos) << out;
  ASSERT_EQ(Run({"statutes", "analyze", file, "--lang", "fr", "--json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(out_.str())["language"], "fr");
}

TEST_F(StatutesCliTest, ErrorsExitWithOne) {
  EXPECT_EQ(Run({"statutes", "analyze", (dir_ / "missing.pdf").string()}), 1);
  EXPECT_NE(err_.str().find("missing.pdf"), std::string::npos) << err_.str();

  std::string pdf = Write("broken.pdf", "%PDF-1.4\nnot really a pdf");
  EXPECT_EQ(Run({"statutes", "analyze", pdf}), 1);
  EXPECT_NE(err_.str().find("broken.pdf"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("PDF"), std::string::npos) << err_.str();

  std::string txt = Write("ok.txt", "One member, one vote.\n");
  EXPECT_EQ(Run({"statutes", "analyze", txt, "--lang", "de"}), 1);
  EXPECT_NE(err_.str().find("--lang"), std::string::npos) << err_.str();
}

TEST_F(StatutesCliTest, PatternsPrintsOneScanPatternPerLine) {
  ASSERT_EQ(Run({"statutes", "patterns", "--lang", "en"}), 0) << err_.str();
  std::string out = out_.str();
  EXPECT_NE(out.find("one\\s+(?:member"), std::string::npos);
  EXPECT_GT(std::count(out.begin(), out.end(), '\n'), 40);
}

}  // namespace
}  // namespace ecosol::cli
