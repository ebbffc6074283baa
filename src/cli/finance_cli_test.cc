// `ecosol finance ...` against a temporary SQLite database with the seed ecosystem: each
// command's table and --json, on files and on stored records; bad input names the file and the
// field and writes nothing; put/show/list/delete with stale versions refused; the demo bundle
// (data/finance/demo-finance.json) imports cleanly and its loan book has PAR30 above 0.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_support.h"
#include "test_paths.h"
#include "test_store.h"

namespace ecosol::cli {
namespace {

using nlohmann::json;
using test_support::CliRunner;
using test_support::TestFolder;

const std::string kDemoBundle = ::ecosol::testing::SourceDir() + "/data/finance/demo-finance.json";
// The date the demo's figures are drawn for (data/finance/README.md).
const char kDemoDate[] = "2026-11-30";

// 12,000.00 at 12% a year over 12 months (docs/finance.md, "Schedules").
const char kTerms[] = R"({"principal": 1200000, "annual_rate": 0.12, "method": "annuity",
    "frequency": "monthly", "periods": 12, "disbursed_on": "2026-01-15"})";

json Assessment(const std::string& date, int each) {
  json scores;
  for (const char* d : {"individual", "proposition", "people", "performance", "plan",
                        "growth_capital", "documents"}) {
    scores[d] = each;
  }
  return {{"organisation", "tiess"},
          {"date", date},
          {"scores", scores},
          {"governance", {{"mission_lock", 2}, {"asset_lock", 1}}}};
}

class FinanceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(db_.ok()) << db_.error();
    ASSERT_EQ(Run({"init"}), 0) << cli_.err();
    ASSERT_EQ(Run({"import", ::ecosol::testing::SourceDir() + "/data/demo/seed-ecosystem.json",
                   "--format", "ecosol-json"}),
              0)
        << cli_.err();
  }

  int Run(const std::vector<std::string>& args) { return cli_.Run(args); }
  json RunJson(const std::vector<std::string>& args) {
    std::vector<std::string> with_json = args;
    with_json.push_back("--json");
    EXPECT_EQ(Run(with_json), 0) << cli_.err();
    return json::parse(cli_.out(), nullptr, false);
  }
  std::string Write(const std::string& name, const json& doc) {
    return folder_.Write(name, doc.dump());
  }
  size_t Count(const std::string& kind) {
    return RunJson({"finance", "list", kind})["items"].size();
  }

  testing::TestStore db_{"sqlite"};
  CliRunner cli_{db_.url(), CliRunner::Frameworks::kCheckout};
  TestFolder folder_{"ecosol_finance_cli"};
};

TEST_F(FinanceCliTest, ScheduleTableAndJson) {
  const std::string terms = folder_.Write("terms.json", kTerms);
  ASSERT_EQ(Run({"finance", "schedule", terms}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("instalment 1,066.19"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("2027-01-15"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("11,053.81"), std::string::npos) << cli_.out();  // first balance
  json s = RunJson({"finance", "schedule", terms});
  ASSERT_EQ(s["instalments"].size(), 12u) << s.dump();
  EXPECT_EQ(s["instalments"][0]["total"], 106619);
}

TEST_F(FinanceCliTest, BadFilesNameTheFileAndTheFieldAndWriteNothing) {
  const std::string missing = folder_.path().string() + "/nowhere.json";
  EXPECT_EQ(Run({"finance", "schedule", missing}), 1);
  EXPECT_NE(cli_.err().find("nowhere.json"), std::string::npos) << cli_.err();
  const std::string broken = folder_.Write("broken.json", "{\"principal\": ");
  EXPECT_EQ(Run({"finance", "par", "--file", broken}), 1);
  EXPECT_NE(cli_.err().find("broken.json' is not valid JSON"), std::string::npos) << cli_.err();
  const std::string misspelt = Write(
      "problem.json", {{"rules", {{"budget", 100}, {"levarage_ratio", 2}}},
                       {"applications", {{{"id", "a"}, {"requested", 50}, {"impact_score", 1}}}}});
  EXPECT_EQ(Run({"finance", "allocate", "--file", misspelt}), 1);
  EXPECT_NE(cli_.err().find("problem.json: rules.levarage_ratio: unknown field"), std::string::npos)
      << cli_.err();
  EXPECT_EQ(Run({"finance", "par", "--thresholds", "30,lots"}), 1);
  EXPECT_NE(cli_.err().find("--thresholds"), std::string::npos) << cli_.err();
  EXPECT_EQ(Run({"finance", "match"}), 1);
  EXPECT_NE(cli_.err().find("ACTOR_ID or --file"), std::string::npos) << cli_.err();

  // A loan whose terms lack the principal, and a bundle with one bad record: nothing is written.
  const std::string loan = Write("loan.json", {{"terms", {{"annual_rate", 0.1}}}});
  EXPECT_EQ(Run({"finance", "put", "loan", "L-1", loan, "--actor", "tiess"}), 1);
  EXPECT_NE(cli_.err().find("loan.json"), std::string::npos) << cli_.err();
  EXPECT_NE(cli_.err().find("principal"), std::string::npos) << cli_.err();
  const std::string bundle =
      Write("bundle.json", {{"funder",
                             {{{"id", "ok"}, {"doc", {{"mechanisms", {"grant"}}}}},
                              {{"id", "bad"}, {"doc", {{"mechanisms", {"bond"}}}}}}}});
  EXPECT_EQ(Run({"finance", "import", bundle}), 1);
  EXPECT_NE(cli_.err().find("bond"), std::string::npos) << cli_.err();
  EXPECT_EQ(Count("loan"), 0u);
  EXPECT_EQ(Count("funder"), 0u);
  EXPECT_EQ(Run({"finance", "list", "loans"}), 1);
  EXPECT_NE(cli_.err().find("unknown kind 'loans'"), std::string::npos) << cli_.err();
}

TEST_F(FinanceCliTest, PutShowListDeleteRefuseStaleVersions) {
  const std::string loan = Write("loan.json", {{"terms", json::parse(kTerms)}});
  ASSERT_EQ(Run({"finance", "put", "loan", "L-1", loan, "--actor", "tiess"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("loan L-1: saved, version 1, actor tiess"), std::string::npos)
      << cli_.out();
  EXPECT_EQ(Run({"finance", "put", "loan", "L-1", loan, "--actor", "tiess"}),
            1);  // base 0: a new record
  json paid = {{"terms", json::parse(kTerms)},
               {"payments", {{{"date", "2026-02-15"}, {"amount", 106619}}}}};
  const std::string edited = Write("edited.json", paid);
  ASSERT_EQ(
      Run({"finance", "put", "loan", "L-1", edited, "--actor", "tiess", "--base-version", "1"}), 0)
      << cli_.err();
  EXPECT_NE(cli_.out().find("version 2"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"finance", "put", "loan", "L-1", loan, "--base-version", "1"}), 1);  // stale

  json shown = RunJson({"finance", "show", "loan", "L-1"});
  EXPECT_EQ(shown["version"], 2);
  EXPECT_EQ(shown["doc"]["payments"].size(), 1u);
  EXPECT_EQ(RunJson({"finance", "show", "loan", "L-1", "--version", "1"})["version"], 1);
  ASSERT_EQ(Run({"finance", "show", "loan", "L-1"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("\"payments\""), std::string::npos) << cli_.out();
  ASSERT_EQ(Run({"finance", "list", "loan", "--actor", "tiess"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("1 loan records"), std::string::npos) << cli_.out();
  EXPECT_EQ(RunJson({"finance", "list", "loan", "--actor", "chantier"})["items"].size(), 0u);

  EXPECT_EQ(Run({"finance", "delete", "loan", "L-1", "--base-version", "1"}), 1);  // stale
  EXPECT_EQ(Count("loan"), 1u);
  ASSERT_EQ(Run({"finance", "delete", "loan", "L-1", "--base-version", "2"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("deleted, version 3"), std::string::npos) << cli_.out();
  EXPECT_EQ(Count("loan"), 0u);
  EXPECT_EQ(RunJson({"finance", "show", "loan", "L-1"})["deleted"], true);
}

TEST_F(FinanceCliTest, MatchReadinessAndApplicantsOnStoredRecords) {
  const std::string profile = Write("profile.json", {{"amount_sought", 100000},
                                                     {"facts",
                                                      {{"legal_form", "association"},
                                                       {"purpose", {{"social", true}}},
                                                       {"assets", {{"asset_lock", true}}},
                                                       {"income", {{"trading", 300000}}},
                                                       {"finance", {{"stage", "growth"}}}}}});
  ASSERT_EQ(Run({"finance", "put", "profile", "tiess", profile}), 0) << cli_.err();
  ASSERT_EQ(Run({"finance", "put", "assessment", "tiess-1",
                 Write("a1.json", Assessment("2025-10-01", 1))}),
            0)
      << cli_.err();
  ASSERT_EQ(Run({"finance", "put", "assessment", "tiess-2",
                 Write("a2.json", Assessment("2026-09-15", 2))}),
            0)
      << cli_.err();
  const json funder = {{"name", "Quebec fund"},
                       {"mechanisms", {"grant", "quasi_equity"}},
                       {"regions", {"CA"}},
                       {"min_readiness", "developing"}};
  ASSERT_EQ(Run({"finance", "put", "funder", "qc-fund", Write("funder.json", funder)}), 0)
      << cli_.err();

  json of = RunJson({"finance", "match", "tiess"});
  EXPECT_EQ(of["actor"]["id"], "tiess");
  EXPECT_FALSE(of["mechanisms"]["mechanisms"].empty()) << of.dump();
  EXPECT_EQ(of["funders"]["results"][0]["funder"], "qc-fund");
  ASSERT_EQ(Run({"finance", "match", "tiess", "--lang", "fr"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("readiness: investment_ready, total 14 of 14"), std::string::npos)
      << cli_.out();
  EXPECT_NE(cli_.out().find("qc-fund"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"finance", "match", "no-such-actor"}), 1);
  EXPECT_NE(cli_.err().find("no-such-actor"), std::string::npos) << cli_.err();

  json readiness = RunJson({"finance", "readiness", "tiess"});
  EXPECT_EQ(readiness["history"].size(), 2u);
  EXPECT_EQ(readiness["change"]["total"]["change"], 7);
  ASSERT_EQ(Run({"finance", "readiness", "tiess"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("change 2025-10-01 -> 2026-09-15: total +7"), std::string::npos)
      << cli_.out();

  json applicants = RunJson({"finance", "applicants", "qc-fund"});
  ASSERT_EQ(applicants["results"].size(), 1u) << applicants.dump();
  EXPECT_EQ(applicants["results"][0]["organisation"], "tiess");
  EXPECT_EQ(applicants["results"][0]["eligibility"], "eligible") << applicants.dump(2);
  ASSERT_EQ(Run({"finance", "applicants", "qc-fund"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("1 applicants"), std::string::npos) << cli_.out();
}

TEST_F(FinanceCliTest, MatchReadinessAndApplicantsOnFiles) {
  json assessment = Assessment("2026-01-01", 1);
  assessment["organisation"] = "coop-1";
  const json org = {{"id", "coop-1"},
                    {"region", "CA/QC"},
                    {"facts", {{"legal_form", "cooperative"}}},
                    {"assessments", {assessment}}};
  json request = {{"organisation", org}, {"funders", {{{"id", "f"}, {"mechanisms", {"grant"}}}}}};
  json m = RunJson({"finance", "match", "--file", Write("match.json", request), "--lang", "es"});
  EXPECT_EQ(m["mechanisms"]["organisation"], "coop-1");
  EXPECT_EQ(m["funders"]["results"].size(), 1u);
  json r = RunJson({"finance", "readiness", "--file",
                    Write("r.json", {{"assessments", {Assessment("2026-01-01", 1)}}})});
  EXPECT_TRUE(r["change"].is_null());
  EXPECT_EQ(r["latest"]["total"], 7);
  json bad = {{"assessments", {Assessment("2026-01-01", 3)}}};
  EXPECT_EQ(Run({"finance", "readiness", "--file", Write("bad.json", bad)}), 1);
  EXPECT_NE(cli_.err().find("bad.json"), std::string::npos) << cli_.err();
  EXPECT_NE(cli_.err().find("3 is not a score"), std::string::npos) << cli_.err();
  json a =
      RunJson({"finance", "applicants", "--file",
               Write("a.json", {{"funder", request["funders"][0]}, {"organisations", {org}}})});
  EXPECT_EQ(a["results"].size(), 1u);
}

TEST_F(FinanceCliTest, DemoBundleParAllocationAndWaterfall) {
  ASSERT_EQ(Run({"finance", "import", kDemoBundle}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("unchanged"), std::string::npos) << cli_.out();
  EXPECT_EQ(RunJson({"finance", "import", kDemoBundle})["written"], 0);  // idempotent

  json book = RunJson({"finance", "par", "--as-of", kDemoDate});
  ASSERT_EQ(book["par"]["thresholds"].size(), 2u) << book.dump();
  EXPECT_EQ(book["par"]["thresholds"][0]["days"], 30);
  EXPECT_GT(book["par"]["thresholds"][0]["all"]["ratio"].get<double>(), 0) << book.dump(2);
  EXPECT_GT(book["par"]["written_off_principal"].get<long long>(), 0);
  ASSERT_EQ(Run({"finance", "par", "--as-of", kDemoDate, "--thresholds", "1,30,90"}), 0);
  EXPECT_NE(cli_.out().find("PAR90"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("written off"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("restructured"), std::string::npos) << cli_.out();

  json alloc = RunJson({"finance", "allocate", "demo-social-finance-fund"});
  EXPECT_EQ(alloc["status"], "optimal") << alloc.dump();
  EXPECT_GE(alloc["mip"]["impact"].get<double>(), alloc["greedy"]["impact"].get<double>());
  ASSERT_EQ(Run({"finance", "allocate", "demo-social-finance-fund", "--save"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("Binding constraints"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("Greedy ranking"), std::string::npos) << cli_.out();
  EXPECT_EQ(Count("allocation"), 1u);

  json w = RunJson({"finance", "waterfall", "demo-social-finance-fund", "--loss", "15000000"});
  const json& first = w["waterfall"]["tranches"][0];
  EXPECT_EQ(first["id"], "first-loss-grant");
  EXPECT_EQ(first["absorbed"], 10000000);
  EXPECT_EQ(w["waterfall"]["tranches"][1]["absorbed"], 5000000);
  ASSERT_EQ(Run({"finance", "waterfall", "demo-social-finance-fund", "--loss", "15000000"}), 0);
  EXPECT_NE(cli_.out().find("a loss of 150,000.00"), std::string::npos) << cli_.out();
  EXPECT_NE(cli_.out().find("leverage:"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"finance", "waterfall", "demo-social-finance-fund", "--loss", "-1"}), 1);
  EXPECT_NE(cli_.err().find("loss"), std::string::npos) << cli_.err();
}

TEST_F(FinanceCliTest, LoanBookAndAllocationFromFiles) {
  std::ifstream in(kDemoBundle);
  const json bundle = json::parse(in);
  json loans = json::array();
  for (const json& r : bundle["loan"]) {
    json loan = r["doc"];
    loan["id"] = r["id"];  // the bundle's documents take their id from the record
    loans.push_back(loan);
  }
  const std::string book = Write("book.json", {{"loans", loans}});
  json par = RunJson({"finance", "par", "--file", book, "--as-of", kDemoDate});
  EXPECT_GT(par["thresholds"][0]["all"]["ratio"].get<double>(), 0);
  ASSERT_EQ(Run({"finance", "par", "--file", book, "--as-of", kDemoDate}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("loan-childcare-late"), std::string::npos) << cli_.out();

  json problem = {{"rules", bundle["fund"][0]["doc"]["allocation"]["rules"]},
                  {"applications", json::array()}};
  for (const json& r : bundle["application"]) {
    json app = r["doc"];
    app["id"] = r["id"];
    problem["applications"].push_back(app);
  }
  const std::string file = Write("problem.json", problem);
  json result = RunJson({"finance", "allocate", "--file", file, "--time-limit", "5"});
  EXPECT_EQ(result["status"], "optimal") << result.dump();
  EXPECT_EQ(Run({"finance", "allocate", "--file", file, "--save"}), 1);
}

TEST_F(FinanceCliTest, GuaranteeCampaignSharesAndImpactOnTheDemo) {
  ASSERT_EQ(Run({"finance", "import", kDemoBundle}), 0) << cli_.err();
  ASSERT_EQ(Run({"finance", "guarantee", "demo-guarantee-fund"}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("capacity left"), std::string::npos) << cli_.out();
  json g = RunJson({"finance", "guarantee", "demo-guarantee-fund"});
  EXPECT_FALSE(g["report"]["guarantees"].empty()) << g.dump();
  EXPECT_EQ(Run({"finance", "guarantee", "nope"}), 1);

  json c = RunJson({"finance", "campaign", "campaign-childcare-centre", "--as-of", kDemoDate});
  EXPECT_TRUE(c["match"].contains("owed_now")) << c.dump();
  ASSERT_EQ(Run({"finance", "campaign", "campaign-childcare-centre", "--as-of", kDemoDate}), 0);
  EXPECT_NE(cli_.out().find("raised"), std::string::npos) << cli_.out();
  EXPECT_EQ(Run({"finance", "campaign", "campaign-childcare-centre", "--as-of", "soon"}), 1);

  json plan = RunJson({"finance", "shares", "coops-uk", "--as-of", kDemoDate});
  EXPECT_TRUE(plan.contains("payouts")) << plan.dump();

  ASSERT_EQ(Run({"finance", "impact", "--as-of", kDemoDate}), 0) << cli_.err();
  EXPECT_EQ(cli_.out().rfind("indicator,name,", 0), 0u) << cli_.out().substr(0, 80);
  ASSERT_EQ(Run({"finance", "impact", "--as-of", kDemoDate, "--format", "jsonld"}), 0);
  EXPECT_TRUE(json::parse(cli_.out()).contains("@context"));
  EXPECT_EQ(Run({"finance", "impact", "--format", "xml"}), 1);
  EXPECT_NE(cli_.err().find("--format"), std::string::npos) << cli_.err();
}

TEST_F(FinanceCliTest, DemoLoadsTheFinanceBundle) {
  // The demo with one Co-operatives UK row (the header and first row of the shared file).
  std::ifstream full(::ecosol::testing::SharedDataFolder() + "/coops-uk/standard-2023.csv");
  ASSERT_TRUE(full) << "the shared Co-operatives UK file is missing";
  std::string header, row;
  std::getline(full, header);
  std::getline(full, row);
  const std::string coops = folder_.Write("coops.csv", header + "\n" + row + "\n");
  ASSERT_EQ(Run({"demo", "--coops-uk", coops}), 0) << cli_.err();
  EXPECT_NE(cli_.out().find("demo finance"), std::string::npos) << cli_.out();
  json book = RunJson({"finance", "par", "--as-of", kDemoDate});
  EXPECT_GT(book["par"]["thresholds"][0]["all"]["ratio"].get<double>(), 0) << book.dump(2);
  EXPECT_EQ(RunJson({"finance", "readiness", "tiess"})["history"].size(), 2u);
}

}  // namespace
}  // namespace ecosol::cli
