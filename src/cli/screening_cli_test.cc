// `ecosol screen`, `profile`, `screenings` and `frameworks`, on both backends.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_support.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using test_support::CliRunner;
using test_support::TestFolder;
namespace fs = std::filesystem;
using nlohmann::json;

class ScreeningCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  ScreeningCliTest() : db_(GetParam()) {}

  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.error(); }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }

  std::string Write(const std::string& name, const std::string& content) {
    return folder_.Write(name, content);
  }

  testing::TestStore db_;
  TestFolder folder_{"ecosol_screen_cli"};
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
};

const char kCoop[] = R"({"name": "Boulangerie coopérative", "jurisdiction": "FR",
  "legal_form": "cooperative", "claims": ["cooperative", "sse"],
  "governance": {"voting_rule": "one_member_one_vote"}})";

TEST_P(ScreeningCliTest, ScreensAFileWithStatutesAndReportsTheConflict) {
  std::string profile = Write("profile.json", kCoop);
  std::string statutes = Write("statuts.txt",
                               "Article 9. Assemblée générale. Les associés se réunissent en "
                               "assemblée générale une fois par an. Les droits de vote sont "
                               "proportionnels au capital détenu par chaque associé.\n");
  ASSERT_EQ(
      Run({"screen", "--file", profile, "--statutes", statutes, "--framework", "un-ilo", "--json"}),
      0)
      << cli_.err();
  json out = json::parse(cli_.out());
  EXPECT_EQ(out["statutes"]["language"], "fr");
  EXPECT_EQ(out["profile"]["governance"]["voting_rule"], "capital_proportional");
  ASSERT_EQ(out["results"].size(), 1u);
  bool conflict = false;
  for (const json& f : out["results"][0]["red_flags"]) {
    conflict |= f["id"] == "declared_vs_statutes_conflict";
  }
  EXPECT_TRUE(conflict) << out["results"][0]["red_flags"].dump();
  // The readable form names the framework and the verdict.
  ASSERT_EQ(Run({"screen", "--file", profile, "--framework", "un-ilo", "--lang", "fr"}), 0);
  EXPECT_NE(cli_.out().find("un-ilo"), std::string::npos);
}

TEST_P(ScreeningCliTest, BadInputIsAClearErrorAndChangesNothing) {
  std::string bad = Write("bad.json", R"({"profits": {"dividends": 35}})");
  EXPECT_EQ(Run({"screen", "--file", bad}), 1);
  EXPECT_NE(cli_.err().find("profits.dividends"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"screen", "--file", Write("p.json", kCoop), "--framework", "nope"}), 1);
  EXPECT_NE(cli_.err().find("unknown framework 'nope'"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"screen"}), 1);
  EXPECT_NE(cli_.err().find("exactly one of"), std::string::npos);
  EXPECT_EQ(Run({"screen", "--file", folder_.path().string() + "/missing.json"}), 1);
}

TEST_P(ScreeningCliTest, ActorsGetProfilesAssessmentsAndHistory) {
  // The seed actors and one co-operative in the standard CSV (its header only from the real file).
  std::ifstream coops(testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
  std::string header;
  std::getline(coops, header);
  std::string csv = header +
                    "\nR1,Alpha Bakery Co-op,,,,,,Leeds,,,GB,,https://alpha.coop,,,,,,,,53.8,"
                    "-1.55,,,,,,,,Society\n";
  ASSERT_EQ(Run({"demo", "--coops-uk", Write("coops.csv", csv)}), 0) << cli_.err();
  std::string profile = Write("profile.json", kCoop);
  ASSERT_EQ(Run({"profile", "set", "tiess", "--file", profile}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("version 1"), std::string::npos);
  ASSERT_EQ(Run({"profile", "show", "tiess"}), 0);
  EXPECT_EQ(json::parse(cli_.out())["profile"]["legal_form"], "cooperative");
  ASSERT_EQ(Run({"screen", "--actor", "tiess", "--framework", "un-ilo", "--json"}), 0)
      << cli_.err();
  ASSERT_EQ(Run({"screen", "--actor", "tiess", "--framework", "un-ilo", "--json"}), 0);
  ASSERT_EQ(Run({"screenings", "tiess"}), 0) << cli_.err();
  json history = json::parse(cli_.out());
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][1]["n"], 2);
  EXPECT_TRUE(history["items"][1]["changes"].empty());
  EXPECT_EQ(Run({"profile", "set", "nobody", "--file", profile}), 1);
  ASSERT_EQ(Run({"screen", "--all", "--framework", "un-ilo"}), 0) << cli_.err();
  json summary = json::parse(cli_.out());
  EXPECT_GT(summary["actors"].get<long long>(), 10);
  EXPECT_EQ(summary["actors"], summary["assessments"]);
  ASSERT_EQ(Run({"actors", "list", "--verdict", "insufficient_evidence", "--json"}), 0)
      << cli_.err();
  EXPECT_FALSE(json::parse(cli_.out())["items"].empty());
}

TEST_P(ScreeningCliTest, FrameworksListShowAndCheck) {
  ASSERT_EQ(Run({"frameworks", "list"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("un-ilo"), std::string::npos);
  EXPECT_NE(cli_.out().find("mx-less"), std::string::npos);
  ASSERT_EQ(Run({"frameworks", "show", "uk-cic"}), 0);
  EXPECT_EQ(json::parse(cli_.out())["id"], "uk-cic");
  ASSERT_EQ(Run({"frameworks", "check"}), 0);
  // A framework reading a fact that does not exist is refused with its name.
  fs::path broken = folder_.path() / "frameworks";
  fs::copy(::ecosol::testing::SourceDir() + "/frameworks", broken);
  std::ifstream in(broken / "uk-cic.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  ASSERT_NE(yaml.find("profits.dividends"), std::string::npos);
  for (size_t at = yaml.find("profits.dividends"); at != std::string::npos;
       at = yaml.find("profits.dividends", at)) {
    yaml.replace(at, 17, "profits.dividendz");
  }
  std::ofstream(broken / "uk-cic.yaml") << yaml;
  EXPECT_EQ(Run({"frameworks", "check", broken.string()}), 1);
  EXPECT_NE(cli_.err().find("unknown fact 'profits.dividendz'"), std::string::npos) << cli_.err();
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreeningCliTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace ecosol::cli
