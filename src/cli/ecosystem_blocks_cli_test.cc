// `ecosol ecosystem blocks|compare|perception` on the demo registry, on both backends.

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ecosol/cli/cli.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

class EcosystemBlocksCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  EcosystemBlocksCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"demo"}), 0) << err_.str();
    ratings_ = ::testing::TempDir() + "ecosystem-blocks-ratings-" + GetParam() + "-" +
               std::to_string(::getpid()) + ".json";
  }

  void TearDown() override { std::remove(ratings_.c_str()); }

  int Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"ecosol",
                                    "--db",
                                    db_.url(),
                                    "--data-dir",
                                    ::ecosol::testing::SourceDir() + "/data",
                                    "--frameworks",
                                    ::ecosol::testing::SourceDir() + "/frameworks"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    out_.str("");
    err_.str("");
    std::istringstream nothing;
    return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, nothing);
  }

  void WriteRatings(const json& doc) { std::ofstream(ratings_) << doc.dump(); }

  // Records an assessment and returns its id ("" on failure).
  std::string Add(const json& scores, const std::string& rater) {
    WriteRatings({{"scores", scores}});
    if (Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_,
             "--rater", rater, "--role", "researcher"}) != 0) {
      return "";
    }
    const std::string out = out_.str();
    const size_t at = out.find("pa-");
    return at == std::string::npos ? "" : out.substr(at, 19);
  }

  testing::TestStore db_;
  std::string ratings_;
  std::ostringstream out_, err_;
};

TEST_P(EcosystemBlocksCliTest, BlocksOfQuebecInTextAndJson) {
  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec"}), 0) << err_.str();
  const std::string text = out_.str();
  EXPECT_NE(text.find("Building blocks of"), std::string::npos) << text;
  EXPECT_NE(text.find("Type: "), std::string::npos);
  EXPECT_NE(text.find("Market access"), std::string::npos);
  EXPECT_NE(text.find("Signals:"), std::string::npos);

  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json"}), 0) << err_.str();
  json report = json::parse(out_.str());
  EXPECT_EQ(report["territory"]["id"], "CA/quebec");
  EXPECT_EQ(report["blocks"].size(), 7u);
  EXPECT_GT(report["indicators"]["actors"].get<int>(), 5);
  EXPECT_TRUE(report["type"]["reason"].is_object());  // four languages

  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json", "--lang", "fr"}), 0);
  json fr = json::parse(out_.str());
  ASSERT_TRUE(fr["type"]["reason"].is_string());
  EXPECT_EQ(fr["type"]["reason"], report["type"]["reason"]["fr"]);
}

TEST_P(EcosystemBlocksCliTest, BlocksRefusesUnknownTerritoryAndLanguage) {
  EXPECT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/nowhere"}), 1);
  EXPECT_NE(err_.str().find("'CA/nowhere'"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--lang", "de"}), 1);
  EXPECT_NE(err_.str().find("lang"), std::string::npos) << err_.str();
  EXPECT_NE(Run({"ecosystem", "blocks"}), 0);  // --territory is required
}

TEST_P(EcosystemBlocksCliTest, CompareTwoTerritories) {
  ASSERT_EQ(Run({"ecosystem", "compare", "CA/quebec", "MX", "--lang", "es"}), 0) << err_.str();
  const std::string text = out_.str();
  EXPECT_NE(text.find("Differences:"), std::string::npos) << text;
  EXPECT_NE(text.find("type"), std::string::npos);

  ASSERT_EQ(Run({"ecosystem", "compare", "CA/quebec", "MX", "--json"}), 0) << err_.str();
  json c = json::parse(out_.str());
  ASSERT_EQ(c["territories"].size(), 2u);
  EXPECT_EQ(c["territories"][0]["id"], "CA/quebec");
  EXPECT_EQ(c["territories"][1]["id"], "MX");
  EXPECT_FALSE(c["rows"].empty());

  EXPECT_EQ(Run({"ecosystem", "compare", "CA/quebec"}), 1);
  EXPECT_NE(err_.str().find("two or more"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "compare", "MX", "MX"}), 1);
  EXPECT_NE(err_.str().find("twice"), std::string::npos) << err_.str();
}

TEST_P(EcosystemBlocksCliTest, PerceptionAddListDeleteRestore) {
  const std::string id =
      Add({{"market_access.social_procurement", 8}, {"market_access.private_buyers", nullptr}},
          "Ana Researcher");
  ASSERT_FALSE(id.empty()) << err_.str() << out_.str();

  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--json"}), 0);
  json list = json::parse(out_.str());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["rater"], "Ana Researcher");
  EXPECT_EQ(list[0]["rater_role"], "researcher");
  EXPECT_EQ(list[0]["scores"]["market_access.social_procurement"], 8);
  EXPECT_TRUE(list[0]["scores"]["market_access.private_buyers"].is_null());

  // The rating shows in the report.
  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json"}), 0);
  EXPECT_EQ(json::parse(out_.str())["raters"], 1);

  ASSERT_EQ(Run({"ecosystem", "perception", "delete", id}), 0) << err_.str();
  EXPECT_NE(out_.str().find("Deleted"), std::string::npos);
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec"}), 0);
  EXPECT_NE(out_.str().find("No perception assessments"), std::string::npos) << out_.str();
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--with-deleted"}),
            0);
  EXPECT_NE(out_.str().find("[deleted]"), std::string::npos) << out_.str();
  EXPECT_EQ(Run({"ecosystem", "perception", "delete", id}), 1);
  EXPECT_NE(err_.str().find("already deleted"), std::string::npos) << err_.str();

  ASSERT_EQ(Run({"ecosystem", "perception", "restore", id}), 0) << err_.str();
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec"}), 0);
  EXPECT_NE(out_.str().find(id), std::string::npos);
  EXPECT_EQ(Run({"ecosystem", "perception", "delete", "pa-missing"}), 1);
  EXPECT_NE(err_.str().find("pa-missing"), std::string::npos);
}

TEST_P(EcosystemBlocksCliTest, PerceptionAddRefusesBadRatings) {
  EXPECT_TRUE(Add({{"market_access.social_procurement", 12}}, "x").empty());
  EXPECT_NE(err_.str().find("market_access.social_procurement"), std::string::npos) << err_.str();
  EXPECT_TRUE(Add({{"market_access.free_lunch", 5}}, "x").empty());
  EXPECT_NE(err_.str().find("market_access.free_lunch"), std::string::npos) << err_.str();

  std::ofstream(ratings_) << "{not json";
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_}),
            1);
  EXPECT_NE(err_.str().find("not valid JSON"), std::string::npos) << err_.str();
  WriteRatings({{"territory", "MX"}, {"scores", {{"market_access.private_buyers", 5}}}});
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_}),
            1);
  EXPECT_NE(err_.str().find("'MX'"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file",
                 ratings_ + ".missing"}),
            1);
  WriteRatings({{"scores", {{"market_access.private_buyers", 5}}}});
  EXPECT_EQ(
      Run({"ecosystem", "perception", "add", "--territory", "CA/nowhere", "--file", ratings_}), 1);
  EXPECT_NE(err_.str().find("'CA/nowhere'"), std::string::npos) << err_.str();

  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--json",
                 "--with-deleted"}),
            0);
  EXPECT_EQ(json::parse(out_.str()).size(), 0u);  // nothing written
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemBlocksCliTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
