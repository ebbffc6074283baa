// `ecosol ecosystem trends` on the Co-operatives UK 2017 register (which has founding and
// dissolution dates), on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_support.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

class TrendsCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  TrendsCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"init"}), 0) << cli_.err();
    ASSERT_EQ(
        Run({"import", ::ecosol::testing::SharedDataDir() + "/coops-uk/organisations-2017.csv",
             "--format", "coops-uk"}),
        0)
        << cli_.err();
  }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  testing::TestStore db_;
  CliRunner cli_{db_.url()};
};

TEST_P(TrendsCliTest, TrendsInTextJsonAndCsv) {
  ASSERT_EQ(Run({"ecosystem", "trends", "--territory", "GB", "--by", "sector", "--from", "2010",
                 "--to", "2016", "--json"}),
            0)
      << cli_.err();
  json t = json::parse(cli_.out());
  const json& total = t["total"];
  EXPECT_GT(total["actors"].get<long long>(), 5000) << total.dump();
  EXPECT_GT(total["summary"]["births"].get<long long>(), 1000) << total["summary"].dump();
  EXPECT_GT(total["summary"]["deaths"].get<long long>(), 1000) << total["summary"].dump();
  ASSERT_EQ(total["years"].size(), 7u);
  EXPECT_EQ(total["years"][0]["year"], 2010);
  long long births = 0;
  for (const json& y : total["years"]) births += y["births"].get<long long>();
  EXPECT_EQ(births, total["summary"]["births"].get<long long>());
  EXPECT_TRUE(total["summary"]["text"].is_object());  // four languages
  EXPECT_FALSE(t["groups"].empty());

  ASSERT_EQ(Run({"ecosystem", "trends", "--territory", "GB/london", "--from", "2010", "--to",
                 "2016", "--lang", "fr"}),
            0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("births"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("2016"), std::string::npos);

  ASSERT_EQ(Run({"ecosystem", "trends", "--territory", "GB/london", "--from", "2015", "--to",
                 "2016", "--csv"}),
            0)
      << cli_.err();
  std::istringstream csv(cli_.out());
  std::string header;
  std::getline(csv, header);
  EXPECT_NE(header.find("births"), std::string::npos) << header;
  int rows = 0;
  for (std::string line; std::getline(csv, line);) ++rows;
  EXPECT_EQ(rows, 2);  // the total's two years
}

TEST_P(TrendsCliTest, BadQueriesAreRefused) {
  EXPECT_EQ(Run({"ecosystem", "trends", "--by", "colour"}), 1);
  EXPECT_NE(cli_.err().find("colour"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "trends", "--territory", "GB/atlantis"}), 1);
  EXPECT_NE(cli_.err().find("GB/atlantis"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"ecosystem", "trends", "--from", "2016", "--to", "2010"}), 1);
  EXPECT_EQ(Run({"ecosystem", "trends", "--json", "--csv"}), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TrendsCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
