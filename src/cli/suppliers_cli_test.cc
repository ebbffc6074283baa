// `ecosol ecosystem suppliers` and `ecosol ecosystem award`: a reserved tender's suppliers with
// their evidence, an award that becomes a procurement link, article 77(2)(d) refusing a second
// award within three years, and bad tenders. Both backends.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;

json Actor(const std::string& id, const std::string& name, const std::string& kind,
           const std::vector<std::string>& activities) {
  return {{"id", id},          {"kind", kind},
          {"name", name},      {"activities", activities},
          {"territory", "GB"}, {"address", {{"locality", "Cardiff"}, {"country", "GB"}}}};
}

class SuppliersCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  SuppliersCliTest() : db_(GetParam()) {}

  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    dir_ = test_support::TempPath("suppliers-cli", GetParam());
    std::filesystem::create_directories(dir_);
    ASSERT_EQ(Run({"init"}), 0) << cli_.err();
    json data = {
        {"source", {{"id", "tender-test"}, {"title", "Tender test"}, {"licence", "CC0-1.0"}}},
        {"actors",
         json::array({Actor("council", "Cardiff Council", "public_body", {}),
                      Actor("care-coop", "Gofal Care Co-operative", "organisation", {"ICA140"}),
                      Actor("care-ltd", "Care Limited", "organisation", {"ICA140"}),
                      Actor("bakery", "Bakery", "organisation", {"ICA230"})})},
        {"relationships", json::array()}};
    Write("actors.json", data.dump());
    ASSERT_EQ(Run({"import", dir_ + "/actors.json", "--format", "ecosol-json"}), 0) << cli_.err();
    Write("profile.json", json({{"purpose", {{"general_interest", true}}},
                                {"profits", {{"distributable", false}}},
                                {"governance", {{"voting_rule", "one_member_one_vote"}}}})
                              .dump());
    ASSERT_EQ(Run({"profile", "set", "care-coop", "--file", dir_ + "/profile.json"}), 0)
        << cli_.err();
    // A tender in YAML, as a buyer would write it.
    Write("tender.yaml",
          "buyer: council\ntitle: Home care\nreference: T-1\ndate: \"2026-11-29\"\n"
          "activities: [ICA140]\nterritory: GB\nreservation: eu-2014-24-art77\n"
          "max_duration_years: 3\n");
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  // The market-access block's points from hard evidence in GB.
  double MarketAccess() {
    EXPECT_EQ(Run({"ecosystem", "blocks", "--territory", "GB", "--json"}), 0) << cli_.err();
    json report = json::parse(cli_.out());
    for (const json& b : report["blocks"]) {
      if (b["block"] == "market_access") return b["hard"].get<double>();
    }
    return -1;
  }

  testing::TestStore db_;
  std::string dir_;
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
};

TEST_P(SuppliersCliTest, ReservedTenderListsSuppliersWithTheirEvidence) {
  ASSERT_EQ(
      Run({"ecosystem", "suppliers", "--tender", dir_ + "/tender.yaml", "--json", "--lang", "fr"}),
      0)
      << cli_.err();
  json r = json::parse(cli_.out());
  ASSERT_EQ(r["suppliers"].size(), 2u) << r.dump(2);  // the bakery's activity does not match
  EXPECT_EQ(r["suppliers"][0]["actor"]["id"], "care-coop");
  EXPECT_EQ(r["suppliers"][0]["verdict"], "eligible");
  EXPECT_EQ(r["suppliers"][1]["actor"]["id"], "care-ltd");
  EXPECT_EQ(r["suppliers"][1]["verdict"], "insufficient_evidence");
  EXPECT_EQ(r["counts"]["eligible"], 1);
  // Each condition of the reservation, with the facts read and where they came from.
  bool general_interest = false;
  for (const json& c : r["suppliers"][0]["conditions"]) {
    EXPECT_TRUE(c["text"].is_string()) << c.dump();
    for (const json& f : c["facts"]) {
      if (f["fact"] == "purpose.general_interest") {
        general_interest = true;
        EXPECT_EQ(f["value"], true);
      }
    }
  }
  EXPECT_TRUE(general_interest) << r["suppliers"][0].dump(2);

  ASSERT_EQ(Run({"ecosystem", "suppliers", "--tender", dir_ + "/tender.yaml"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("1 eligible, 0 not eligible, 1 with insufficient evidence"),
            std::string::npos)
      << cli_.out();
  EXPECT_NE(cli_.out().find("Gofal Care Co-operative (care-coop): eligible"), std::string::npos);
}

TEST_P(SuppliersCliTest, AnAwardIsAProcurementLinkAndArticle77RefusesASecondOne) {
  EXPECT_EQ(MarketAccess(), 0);
  ASSERT_EQ(Run({"ecosystem", "award", "--tender", dir_ + "/tender.yaml", "--supplier", "care-coop",
                 "--date", "2026-12-01", "--json"}),
            0)
      << cli_.err();
  json rel = json::parse(cli_.out());
  EXPECT_EQ(rel["from"], "care-coop");
  EXPECT_EQ(rel["to"], "council");
  EXPECT_EQ(rel["type"], "supplies");
  EXPECT_EQ(rel["started"], "2026-12-01");
  EXPECT_EQ(MarketAccess(), 60);

  // A new tender by the same buyer a year later: article 77(2)(d) excludes the winner.
  Write("tender2.yaml",
        "buyer: council\ntitle: Home care, lot 2\nreference: T-2\ndate: \"2027-11-29\"\n"
        "activities: [ICA140]\nterritory: GB\nreservation: eu-2014-24-art77\n"
        "max_duration_years: 2\n");
  ASSERT_EQ(Run({"ecosystem", "suppliers", "--tender", dir_ + "/tender2.yaml", "--json"}), 0)
      << cli_.err();
  json r = json::parse(cli_.out());
  json coop;
  for (const json& s : r["suppliers"]) {
    if (s["actor"]["id"] == "care-coop") coop = s;
  }
  ASSERT_TRUE(coop.is_object()) << r.dump(2);
  EXPECT_EQ(coop["verdict"], "not_eligible");
  EXPECT_EQ(coop["recent_art77_awards"].size(), 1u) << coop.dump(2);
  EXPECT_NE(Run({"ecosystem", "award", "--tender", dir_ + "/tender2.yaml", "--supplier",
                 "care-coop", "--date", "2027-12-01"}),
            0);
  EXPECT_NE(cli_.err().find("article 77(2)(d) excludes it"), std::string::npos) << cli_.err();
  EXPECT_EQ(MarketAccess(), 60);
}

TEST_P(SuppliersCliTest, BadTendersAreRefusedWithTheFix) {
  Write("bad.yaml",
        "buyer: council\ntitle: Home care\ndate: \"2026-11-29\"\nactivities: []\n"
        "territory: GB\n");
  EXPECT_NE(Run({"ecosystem", "suppliers", "--tender", dir_ + "/bad.yaml"}), 0);
  EXPECT_NE(cli_.err().find("activities"), std::string::npos) << cli_.err();
  Write("long.yaml",
        "buyer: council\ntitle: Home care\ndate: \"2026-11-29\"\n"
        "activities: [ICA140]\nterritory: GB\nreservation: eu-2014-24-art77\n"
        "max_duration_years: 5\n");
  EXPECT_NE(Run({"ecosystem", "suppliers", "--tender", dir_ + "/long.yaml"}), 0);
  EXPECT_NE(cli_.err().find("3"), std::string::npos) << cli_.err();
  EXPECT_NE(Run({"ecosystem", "suppliers", "--tender", dir_ + "/missing.yaml"}), 0);
  EXPECT_NE(cli_.err().find("cannot read"), std::string::npos) << cli_.err();
  EXPECT_NE(Run({"ecosystem", "award", "--tender", dir_ + "/tender.yaml", "--supplier", "council",
                 "--date", "2026-12-01"}),
            0);
  EXPECT_NE(cli_.err().find("cannot supply itself"), std::string::npos) << cli_.err();
}

INSTANTIATE_TEST_SUITE_P(Backends, SuppliersCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
