// `ecosol ecosystem blocks|compare|perception` on the demo registry, on both backends.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

class EcosystemBlocksCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  EcosystemBlocksCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"demo"}), 0) << cli_.err();
    ratings_ = test_support::TempPath("ecosystem-blocks-ratings", GetParam(), ".json");
  }

  void TearDown() override { std::remove(ratings_.c_str()); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  void WriteRatings(const json& doc) { std::ofstream(ratings_) << doc.dump(); }

  // Records an assessment and returns its id ("" on failure).
  std::string Add(const json& scores, const std::string& rater) {
    WriteRatings({{"scores", scores}});
    if (Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_,
             "--rater", rater, "--role", "researcher"}) != 0) {
      return "";
    }
    const std::string out = cli_.out();
    const size_t at = out.find("pa-");
    return at == std::string::npos ? "" : out.substr(at, 19);
  }

  testing::TestStore db_;
  std::string ratings_;
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
};

TEST_P(EcosystemBlocksCliTest, BlocksOfQuebecInTextAndJson) {
  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec"}), 0) << cli_.err();
  const std::string text = cli_.out();
  EXPECT_NE(text.find("Building blocks of"), std::string::npos) << text;
  EXPECT_NE(text.find("Type: "), std::string::npos);
  EXPECT_NE(text.find("Market access"), std::string::npos);
  EXPECT_NE(text.find("Signals:"), std::string::npos);

  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json"}), 0) << cli_.err();
  json report = json::parse(cli_.out());
  EXPECT_EQ(report["territory"]["id"], "CA/quebec");
  EXPECT_EQ(report["blocks"].size(), 7u);
  EXPECT_GT(report["indicators"]["actors"].get<int>(), 5);
  EXPECT_TRUE(report["type"]["reason"].is_object());  // four languages

  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json", "--lang", "fr"}), 0);
  json fr = json::parse(cli_.out());
  ASSERT_TRUE(fr["type"]["reason"].is_string());
  EXPECT_EQ(fr["type"]["reason"], report["type"]["reason"]["fr"]);
}

TEST_P(EcosystemBlocksCliTest, BlocksRefusesUnknownTerritoryAndLanguage) {
  EXPECT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/nowhere"}), 1);
  EXPECT_NE(cli_.err().find("'CA/nowhere'"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--lang", "de"}), 1);
  EXPECT_NE(cli_.err().find("lang"), std::string::npos) << cli_.err();
  EXPECT_NE(Run({"ecosystem", "blocks"}), 0);  // --territory is required
}

TEST_P(EcosystemBlocksCliTest, CompareTwoTerritories) {
  ASSERT_EQ(Run({"ecosystem", "compare", "CA/quebec", "MX", "--lang", "es"}), 0) << cli_.err();
  const std::string text = cli_.out();
  EXPECT_NE(text.find("Differences:"), std::string::npos) << text;
  EXPECT_NE(text.find("type"), std::string::npos);

  ASSERT_EQ(Run({"ecosystem", "compare", "CA/quebec", "MX", "--json"}), 0) << cli_.err();
  json c = json::parse(cli_.out());
  ASSERT_EQ(c["territories"].size(), 2u);
  EXPECT_EQ(c["territories"][0]["id"], "CA/quebec");
  EXPECT_EQ(c["territories"][1]["id"], "MX");
  EXPECT_FALSE(c["rows"].empty());

  EXPECT_EQ(Run({"ecosystem", "compare", "CA/quebec"}), 1);
  EXPECT_NE(cli_.err().find("two or more"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "compare", "MX", "MX"}), 1);
  EXPECT_NE(cli_.err().find("twice"), std::string::npos) << cli_.err();
}

TEST_P(EcosystemBlocksCliTest, PerceptionAddListDeleteRestore) {
  const std::string id =
      Add({{"market_access.social_procurement", 8}, {"market_access.private_buyers", nullptr}},
          "Ana Researcher");
  ASSERT_FALSE(id.empty()) << cli_.err() << cli_.out();

  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--json"}), 0);
  json list = json::parse(cli_.out());
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);
  EXPECT_EQ(list[0]["rater"], "Ana Researcher");
  EXPECT_EQ(list[0]["rater_role"], "researcher");
  EXPECT_EQ(list[0]["scores"]["market_access.social_procurement"], 8);
  EXPECT_TRUE(list[0]["scores"]["market_access.private_buyers"].is_null());

  // The rating shows in the report.
  ASSERT_EQ(Run({"ecosystem", "blocks", "--territory", "CA/quebec", "--json"}), 0);
  EXPECT_EQ(json::parse(cli_.out())["raters"], 1);

  ASSERT_EQ(Run({"ecosystem", "perception", "delete", id}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("Deleted"), std::string::npos);
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec"}), 0);
  EXPECT_NE(cli_.out().find("No perception assessments"), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--with-deleted"}),
            0);
  EXPECT_NE(cli_.out().find("[deleted]"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"ecosystem", "perception", "delete", id}), 1);
  EXPECT_NE(cli_.err().find("already deleted"), std::string::npos) << cli_.err();

  ASSERT_EQ(Run({"ecosystem", "perception", "restore", id}), 0) << cli_.err();
  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec"}), 0);
  EXPECT_NE(cli_.out().find(id), std::string::npos);
  EXPECT_EQ(Run({"ecosystem", "perception", "delete", "pa-missing"}), 1);
  EXPECT_NE(cli_.err().find("pa-missing"), std::string::npos);
}

TEST_P(EcosystemBlocksCliTest, PerceptionAddRefusesBadRatings) {
  EXPECT_TRUE(Add({{"market_access.social_procurement", 12}}, "x").empty());
  EXPECT_NE(cli_.err().find("market_access.social_procurement"), std::string::npos) << cli_.err();
  EXPECT_TRUE(Add({{"market_access.free_lunch", 5}}, "x").empty());
  EXPECT_NE(cli_.err().find("market_access.free_lunch"), std::string::npos) << cli_.err();

  std::ofstream(ratings_) << "{not json";
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_}),
            1);
  EXPECT_NE(cli_.err().find("not valid JSON"), std::string::npos) << cli_.err();
  WriteRatings({{"territory", "MX"}, {"scores", {{"market_access.private_buyers", 5}}}});
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file", ratings_}),
            1);
  EXPECT_NE(cli_.err().find("'MX'"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "perception", "add", "--territory", "CA/quebec", "--file",
                 ratings_ + ".missing"}),
            1);
  WriteRatings({{"scores", {{"market_access.private_buyers", 5}}}});
  EXPECT_EQ(
      Run({"ecosystem", "perception", "add", "--territory", "CA/nowhere", "--file", ratings_}), 1);
  EXPECT_NE(cli_.err().find("'CA/nowhere'"), std::string::npos) << cli_.err();

  ASSERT_EQ(Run({"ecosystem", "perception", "list", "--territory", "CA/quebec", "--json",
                 "--with-deleted"}),
            0);
  EXPECT_EQ(json::parse(cli_.out()).size(), 0u);  // nothing written
}

INSTANTIATE_TEST_SUITE_P(Backends, EcosystemBlocksCliTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
