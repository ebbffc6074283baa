// `ecosol import --format coops-uk` / `coops-uk-economy` and `ecosol indicators`, on both
// backends: the register and the economy file imported from the command line (refused whole,
// kept without the bad rows with --skip-invalid), then an actor's figures as text and as JSON.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;
using test_support::TestFolder;

const char kRegisterHeader[] =
    "CUK Organisation ID,Registered Number,Registrar,Registered Name,Trading Name,Legal Form,"
    "Registered Street,Registered City,Registered State/Province,Registered Postcode,UK Nation,"
    "SIC Code,SIC section,SIC code  - level 2,SIC code  - level 2 description,SIC code  - level 3,"
    "SIC code  - level 3 description,SIC code  - level 4,SIC code  - level 4 description,"
    "SIC code  - level 5,SIC code  - level 5 description,\"Sector - Simplified, High Level\","
    "Ownership Classification,Registered Status,Incorporation Date,Dissolved Date\n";

const char kEconomyHeader[] =
    "CUK Organisation ID,Registered Name,Turnover,Profit before tax,Member/Shareholder Funds,"
    "Memberships,Employees,Is Most Recent?,Year End Date,Economic Year\n";

class IndicatorsCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  IndicatorsCliTest() : db_(GetParam()) {}

  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  std::string WriteFile(const std::string& name, const std::string& content) {
    return folder_.Write(name, content);
  }

  // Two societies in the register: R1 (a bakery in Leeds) and R2 (housing in York).
  std::string RegisterFile() {
    return WriteFile("organisations.csv",
                     std::string(kRegisterHeader) +
                         "R1,1R,FCA,Alpha Bakery Co-operative Limited,Alpha Bakery,Society,,"
                         "Leeds,,LS1 1AA,England,UKSIC07-1071,,,,,,,,,,Food,Workers,Live,"
                         "2/3/1999,\n"
                         "R2,2R,FCA,Beta Housing Co-operative Limited,,Society,,York,,YO1 1AA,"
                         "England,UKSIC07-68201,,,,,,,,,,Housing,Tenants,Live,11/8/1975,\n");
  }

  testing::TestStore db_;
  TestFolder folder_{"ecosol_ind"};
  CliRunner cli_{db_.url()};
};

TEST_P(IndicatorsCliTest, ImportTheRegisterAndTheEconomyThenShowFigures) {
  ASSERT_EQ(Run({"init"}), 0) << cli_.err();
  ASSERT_EQ(Run({"import", RegisterFile(), "--format", "coops-uk", "--json"}), 0) << cli_.err();
  auto report = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(report["imported"], 2);
  ASSERT_EQ(Run({"actors", "show", "coops-uk-r1", "--json"}), 0) << cli_.err();
  auto actor = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(actor["founded"], "1999-03-02");
  EXPECT_EQ(actor["primary_activity"], "ICA90");
  EXPECT_EQ(actor["membership_types"], nlohmann::json({"BMT30"}));

  // R9 is not in the register: the file is refused, the line named.
  std::string economy =
      WriteFile("economy.csv", std::string(kEconomyHeader) +
                                   "R1,Alpha,125000,-1500.5,,12,4,0,2015-03-31 00:00:00,2015\n"
                                   "R1,Alpha,130000,,,12,,1,2016-03-31 00:00:00,2016\n"
                                   "R9,Nobody,10,,,,,1,2016-03-31 00:00:00,2016\n");
  EXPECT_EQ(Run({"import", economy, "--format", "coops-uk-economy"}), 1);
  EXPECT_NE(cli_.err().find(economy + ":4: CUK Organisation ID: 'R9': no actor has this "
                                      "coops-uk identifier"),
            std::string::npos)
      << cli_.err();
  EXPECT_NE(cli_.err().find("1 rows rejected, nothing imported"), std::string::npos);
  ASSERT_EQ(Run({"indicators", "coops-uk-r1", "--json"}), 0) << cli_.err();
  EXPECT_EQ(nlohmann::json::parse(cli_.out())["items"].size(), 0u);

  ASSERT_EQ(Run({"import", economy, "--format", "coops-uk-economy", "--skip-invalid"}), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("6 imported, 0 updated, 0 unchanged, 1 rejected"), std::string::npos)
      << cli_.out();

  ASSERT_EQ(Run({"indicators", "coops-uk-r1", "--json"}), 0) << cli_.err();
  auto figures = nlohmann::json::parse(cli_.out());
  EXPECT_EQ(figures["actor_id"], "coops-uk-r1");
  ASSERT_EQ(figures["items"].size(), 6u);
  EXPECT_EQ(figures["items"][0],
            nlohmann::json({{"name", "employees"},
                            {"period", "2015"},
                            {"value", 4},
                            {"unit", "people"},
                            {"source", "economy"},
                            {"as_of", "2015-03-31"},
                            {"recorded_at", figures["items"][0]["recorded_at"]}}));

  // By identifier, as text: by year, then figure.
  ASSERT_EQ(Run({"indicators", "coops-uk:R1"}), 0) << cli_.err();
  const std::string text = cli_.out();
  EXPECT_NE(text.find("Alpha Bakery Co-operative Limited (coops-uk-r1): 6 figures"),
            std::string::npos)
      << text;
  size_t profit = text.find(
      "2015   profit_before_tax           -1500.5 GBP     year end "
      "2015-03-31  economy");
  size_t turnover = text.find("2016   turnover                     130000 GBP");
  EXPECT_NE(profit, std::string::npos) << text;
  EXPECT_NE(turnover, std::string::npos) << text;
  EXPECT_LT(profit, turnover);

  ASSERT_EQ(Run({"indicators", "coops-uk-r2"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("no figures recorded"), std::string::npos);
}

TEST_P(IndicatorsCliTest, ErrorsAreClearAndNonZero) {
  ASSERT_EQ(Run({"init"}), 0) << cli_.err();
  EXPECT_EQ(Run({"indicators", "nobody"}), 1);
  EXPECT_NE(cli_.err().find("nobody"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"indicators", "coops-uk:R404"}), 1);
  EXPECT_NE(cli_.err().find("no actor has the coops-uk identifier 'R404'"), std::string::npos)
      << cli_.err();
  EXPECT_EQ(Run({"indicators"}), 2);
  // A register with a bad date changes nothing.
  std::string bad = WriteFile("bad.csv", std::string(kRegisterHeader) +
                                             "R3,,,Gamma,,Society,,,,,England,,,,,,,,,,,,,Live,"
                                             "31/2/2001,\n");
  EXPECT_EQ(Run({"import", bad, "--format", "coops-uk"}), 1);
  EXPECT_NE(cli_.err().find(bad + ":2: Incorporation Date: '31/2/2001' is not a date d/m/yyyy"),
            std::string::npos)
      << cli_.err();
  EXPECT_EQ(Run({"indicators", "coops-uk:R3"}), 1);
  // A file without the id column is refused before any row is read.
  std::string headless = WriteFile("headless.csv", "Registered Name\nX\n");
  EXPECT_EQ(Run({"import", headless, "--format", "coops-uk-economy"}), 1);
  EXPECT_NE(cli_.err().find("the column 'CUK Organisation ID' is missing"), std::string::npos)
      << cli_.err();
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
