// `ecosol quality`, `ecosol quality due` and `ecosol actors confirm` on both backends.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "ecosol/registry/registry.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

class QualityCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  QualityCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"init"}), 0) << cli_.err();
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

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  testing::TestStore db_;
  CliRunner cli_{db_.url()};
};

TEST_P(QualityCliTest, ReportAsJsonAndText) {
  ASSERT_EQ(Run({"quality", "--json"}), 0) << cli_.err();
  json report = json::parse(cli_.out());
  EXPECT_EQ(report["total"]["actors"], 2);
  EXPECT_EQ(report["total"]["due"], 2);
  EXPECT_EQ(report["total"]["filled"]["website"], 1);
  EXPECT_EQ(report["by_source"].size(), 2u);
  EXPECT_EQ(report["total"]["duplicates"], nullptr);
  ASSERT_EQ(Run({"quality", "--territory", "GB", "--source", "coops-uk", "--json"}), 0);
  report = json::parse(cli_.out());
  EXPECT_EQ(report["total"]["actors"], 1);
  EXPECT_EQ(report["by_territory"][0]["id"], "GB/wales");
  ASSERT_EQ(Run({"quality", "--duplicates"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("coops-uk"), std::string::npos);
  EXPECT_NE(cli_.out().find("GB"), std::string::npos);
  // Bad input is refused with the reason.
  EXPECT_EQ(Run({"quality", "--territory", "XX/nowhere"}), 1);
  EXPECT_NE(cli_.err().find("XX/nowhere"), std::string::npos);
  EXPECT_EQ(Run({"quality", "--days", "0"}), 1);
  EXPECT_NE(cli_.err().find("days"), std::string::npos);
}

TEST_P(QualityCliTest, ConfirmTakesAnActorOffTheDueList) {
  ASSERT_EQ(Run({"quality", "due", "--json"}), 0) << cli_.err();
  json due = json::parse(cli_.out());
  EXPECT_EQ(due["total"], 2);
  EXPECT_EQ(due["items"][0]["last_confirmed"], "2020-01-15");
  ASSERT_EQ(Run({"actors", "confirm", "alpha"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("confirmed alpha"), std::string::npos);
  ASSERT_EQ(Run({"quality", "due"}), 0) << cli_.err();
  EXPECT_EQ(cli_.out().find("alpha"), std::string::npos);
  EXPECT_NE(cli_.out().find("beta"), std::string::npos);
  EXPECT_NE(cli_.out().find("1 actors not confirmed for 365 days"), std::string::npos);
  ASSERT_EQ(Run({"actors", "show", "alpha", "--json"}), 0);
  json actor = json::parse(cli_.out());
  EXPECT_EQ(actor["version"], 2);
  EXPECT_EQ(actor["provenance"]["last_confirmed"]["method"], "confirmed");
  EXPECT_EQ(Run({"actors", "confirm", "nobody"}), 1);
  EXPECT_NE(cli_.err().find("nobody"), std::string::npos);
  EXPECT_EQ(Run({"quality", "due", "--cursor", "garbage"}), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, QualityCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
