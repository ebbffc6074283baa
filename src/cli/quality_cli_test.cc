// `ecosol quality`, `ecosol quality due` and `ecosol actors confirm` on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "ecosol/cli/cli.h"
#include "ecosol/registry/registry.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;

class QualityCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  QualityCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"init"}), 0) << err_.str();
    // Two actors created long ago (their provenance dates say 2020), one in Wales.
    FakeClock past(std::chrono::sys_days{std::chrono::year{2020} / 1 / 15});
    registry::Registry reg(db_.store(), past);
    model::Actor a;
    a.id = "alpha";
    a.name = "Alpha Bakery";
    a.address = {"", "Cardiff", "Wales", "", "GB"};
    a.website = "https://alpha.example";
    ASSERT_TRUE(reg.CreateActor(a, "coops-uk", "import").ok());
    model::Actor b;
    b.id = "beta";
    b.name = "Beta Housing";
    b.address.country = "FR";
    ASSERT_TRUE(reg.CreateActor(b, "susy", "import").ok());
  }

  int Run(std::vector<std::string> args) {
    std::vector<std::string> all = {"ecosol", "--db", db_.url(), "--data-dir",
                                    ::ecosol::testing::SourceDir() + "/data"};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : all) argv.push_back(a.c_str());
    out_.str("");
    err_.str("");
    std::istringstream nothing;
    return RunCli(static_cast<int>(argv.size()), argv.data(), out_, err_, nothing);
  }

  testing::TestStore db_;
  std::ostringstream out_, err_;
};

TEST_P(QualityCliTest, ReportAsJsonAndText) {
  ASSERT_EQ(Run({"quality", "--json"}), 0) << err_.str();
  json report = json::parse(out_.str());
  EXPECT_EQ(report["total"]["actors"], 2);
  EXPECT_EQ(report["total"]["due"], 2);
  EXPECT_EQ(report["total"]["filled"]["website"], 1);
  EXPECT_EQ(report["by_source"].size(), 2u);
  EXPECT_EQ(report["total"]["duplicates"], nullptr);
  ASSERT_EQ(Run({"quality", "--territory", "GB", "--source", "coops-uk", "--json"}), 0);
  report = json::parse(out_.str());
  EXPECT_EQ(report["total"]["actors"], 1);
  EXPECT_EQ(report["by_territory"][0]["id"], "GB/wales");
  ASSERT_EQ(Run({"quality", "--duplicates"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("coops-uk"), std::string::npos);
  EXPECT_NE(out_.str().find("GB"), std::string::npos);
  // Bad input is refused with the reason.
  EXPECT_EQ(Run({"quality", "--territory", "XX/nowhere"}), 1);
  EXPECT_NE(err_.str().find("XX/nowhere"), std::string::npos);
  EXPECT_EQ(Run({"quality", "--days", "0"}), 1);
  EXPECT_NE(err_.str().find("days"), std::string::npos);
}

TEST_P(QualityCliTest, ConfirmTakesAnActorOffTheDueList) {
  ASSERT_EQ(Run({"quality", "due", "--json"}), 0) << err_.str();
  json due = json::parse(out_.str());
  EXPECT_EQ(due["total"], 2);
  EXPECT_EQ(due["items"][0]["last_confirmed"], "2020-01-15");
  ASSERT_EQ(Run({"actors", "confirm", "alpha"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("confirmed alpha"), std::string::npos);
  ASSERT_EQ(Run({"quality", "due"}), 0) << err_.str();
  EXPECT_EQ(out_.str().find("alpha"), std::string::npos);
  EXPECT_NE(out_.str().find("beta"), std::string::npos);
  EXPECT_NE(out_.str().find("1 actors not confirmed for 365 days"), std::string::npos);
  ASSERT_EQ(Run({"actors", "show", "alpha", "--json"}), 0);
  json actor = json::parse(out_.str());
  EXPECT_EQ(actor["version"], 2);
  EXPECT_EQ(actor["provenance"]["last_confirmed"]["method"], "confirmed");
  EXPECT_EQ(Run({"actors", "confirm", "nobody"}), 1);
  EXPECT_NE(err_.str().find("nobody"), std::string::npos);
  EXPECT_EQ(Run({"quality", "due", "--cursor", "garbage"}), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
