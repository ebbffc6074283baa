#include "ecosol/finance/impact.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace ecosol::finance {
namespace {

using nlohmann::json;

// Two organisations on 30 June 2026 (amounts in cents):
// - L1, coop-1: 10,000.00 lent, 6,000.00 outstanding, current;
// - L2, coop-2: 5,000.00 lent, 4,000.00 outstanding, 45 days late (in PAR30, not in PAR90);
// - L3, coop-2: 3,000.00 lent, written off with 2,500.00 outstanding (par.written_off_principal);
// one fund of 10,000.00 public and 25,000.00 private money whose saved allocation funds coop-1's
// application with 5,000.00 (allocation amounts are in dollars) and not coop-2's; readiness
// assessments of 9 and 12 (coop-1) and 6 (coop-2), and one dated after as_of, left out.
json Input() {
  return json::parse(R"({
    "as_of": "2026-06-30",
    "reporter": {"id": "ecosol-demo", "name": "Ecosol demo observatory"},
    "currency": "CAD",
    "organisations": [
      {"id": "coop-1", "name": "Boulangerie \"La Mie\", coop", "territory": "CA/QC"},
      {"id": "coop-2", "name": "Velo Solidaire", "territory": "CA/QC"}],
    "loan_book": {
      "as_of": "2026-06-30",
      "par": {"as_of": "2026-06-30", "restructured_included": true,
              "written_off_principal": 250000,
              "thresholds": [
                {"days": 30, "all": {"days": 30, "at_risk": 400000, "outstanding": 1000000,
                                     "ratio": 0.4, "loans_at_risk": 1, "loan_ids": ["L2"]}},
                {"days": 90, "all": {"days": 90, "at_risk": 0, "outstanding": 1000000,
                                     "ratio": 0, "loans_at_risk": 0, "loan_ids": []}}],
              "loans": []},
      "loans": [
        {"id": "L1", "actor_id": "coop-1", "actor_name": "x", "parent": "sff-qc",
         "principal": 1000000, "disbursed_on": "2025-01-15", "outstanding_principal": 600000,
         "days_in_arrears": 0, "restructured": false, "written_off": false},
        {"id": "L2", "actor_id": "coop-2", "actor_name": "y", "parent": "sff-qc",
         "principal": 500000, "disbursed_on": "2025-03-01", "outstanding_principal": 400000,
         "days_in_arrears": 45, "restructured": false, "written_off": false},
        {"id": "L3", "actor_id": "coop-2", "actor_name": "y", "parent": "",
         "principal": 300000, "disbursed_on": "2024-06-01", "outstanding_principal": 0,
         "days_in_arrears": 0, "restructured": false, "written_off": true}],
      "funds": ["sff-qc"]},
    "funds": [{
      "fund": {"id": "sff-qc", "name": "Fonds QC", "currency": "CAD", "tranches": []},
      "leverage": {"public": 1000000, "private": 2500000, "ratio": 2.5, "private_needed": 2000000,
                   "shortfall": 0, "passes": true,
                   "rule": {"min_private_per_public": 2, "basis": "committed", "source": "x"}},
      "allocation": {"status": "optimal", "mip": {"allocated": 5000, "funded": 1},
                     "applications": [
                       {"id": "a1", "actor_id": "coop-1", "requested": 5000, "mip": 5000,
                        "greedy": 0},
                       {"id": "a2", "actor_id": "coop-2", "requested": 3000, "mip": 0,
                        "greedy": 3000}]}}],
    "assessments": [
      {"organisation": "coop-1", "date": "2026-01-10", "total": 9, "max_total": 14,
       "stage": "developing"},
      {"organisation": "coop-1", "date": "2026-05-01", "total": 12, "max_total": 14,
       "stage": "investment_ready"},
      {"organisation": "coop-2", "date": "2026-03-01", "total": 6, "max_total": 14,
       "stage": "developing"},
      {"organisation": "coop-2", "date": "2026-07-15", "total": 14, "max_total": 14,
       "stage": "investment_ready"}]})");
}

ImpactReport Report() {
  auto report = ComputeImpact(Input());
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? *report : ImpactReport{};
}

// "indicator|organisation|fund" -> the value as written.
std::map<std::string, std::string> Texts(const ImpactReport& r) {
  std::map<std::string, std::string> out;
  for (const ImpactValue& v : r.values) {
    out[v.indicator + "|" + v.organisation_id + "|" + v.fund_id] = FormatImpactValue(v);
  }
  return out;
}

TEST(ImpactTest, PortfolioFiguresByHand) {
  auto t = Texts(Report());
  EXPECT_EQ(t["organisations_financed||"], "2");
  EXPECT_EQ(t["loans_outstanding_count||"], "2");
  EXPECT_EQ(t["loans_disbursed_value||"], "18000.00");
  EXPECT_EQ(t["loans_outstanding_principal||"], "10000.00");
  EXPECT_EQ(t["par30_at_risk||"], "4000.00");
  EXPECT_EQ(t["par30_ratio||"], "40.0000");
  EXPECT_EQ(t["par90_at_risk||"], "0.00");
  EXPECT_EQ(t["par90_ratio||"], "0.0000");
  EXPECT_EQ(t["loans_written_off_value||"], "2500.00");
  EXPECT_EQ(t["loans_written_off_count||"], "1");
  EXPECT_EQ(t["fund_private_capital||"], "25000.00");
  EXPECT_EQ(t["fund_leverage_ratio||"], "2.5000");
  EXPECT_EQ(t["grants_allocated_value||"], "5000.00");
  EXPECT_EQ(t["grants_allocated_count||"], "1");
  EXPECT_EQ(t["readiness_assessments_count||"], "3");  // the July assessment is after as_of
  EXPECT_EQ(t["readiness_mean_total||"], "9.00");
}

TEST(ImpactTest, FundAndOrganisationFiguresByHand) {
  auto t = Texts(Report());
  EXPECT_EQ(t["fund_private_capital||sff-qc"], "25000.00");
  EXPECT_EQ(t["fund_public_capital||sff-qc"], "10000.00");
  EXPECT_EQ(t["fund_leverage_ratio||sff-qc"], "2.5000");
  EXPECT_EQ(t["loans_outstanding_principal|coop-1|"], "6000.00");
  EXPECT_EQ(t["par30_ratio|coop-1|"], "0.0000");
  EXPECT_EQ(t["grants_allocated_value|coop-1|"], "5000.00");
  EXPECT_EQ(t["readiness_mean_total|coop-1|"], "10.50");
  EXPECT_EQ(t["loans_disbursed_value|coop-2|"], "8000.00");
  EXPECT_EQ(t["par30_at_risk|coop-2|"], "4000.00");
  EXPECT_EQ(t["par30_ratio|coop-2|"], "100.0000");
  EXPECT_EQ(t["loans_written_off_count|coop-2|"], "1");
  EXPECT_EQ(t["grants_allocated_count|coop-2|"], "0");
  // Per-organisation write-off values are not in the loan book view: portfolio only.
  EXPECT_EQ(t.count("loans_written_off_value|coop-2|"), 0u);
  EXPECT_EQ(t.count("organisations_financed|coop-1|"), 0u);
}

TEST(ImpactTest, IrisCodesOnTheMatchingIndicators) {
  EXPECT_EQ(FindImpactIndicator("par30_at_risk")->iris_code, "FP2635");
  EXPECT_EQ(FindImpactIndicator("par90_at_risk")->iris_code, "FP6373");
  EXPECT_EQ(FindImpactIndicator("loans_outstanding_principal")->iris_code, "FP2630");
  EXPECT_EQ(FindImpactIndicator("par30_ratio")->iris_code, "");  // a ratio: not an IRIS+ value
  for (const ImpactIndicator& ind : ImpactIndicators()) {
    EXPECT_FALSE(ind.name.empty()) << ind.id;
  }
}

TEST(ImpactTest, CsvQuotesCommasAndQuotesWithCrlf) {
  const std::string csv = ImpactToCsv(Report());
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "indicator,name,organisation_id,organisation_name,fund_id,value,unit,as_of,"
            "iris_code,iris_name,cids_class");
  EXPECT_NE(csv.find("par30_at_risk,\"Portfolio at risk, 30 days (value)\",coop-2,Velo "
                     "Solidaire,,4000.00,CAD,2026-06-30,FP2635,Non Performing Loans (Portfolio "
                     "at Risk) - 30 days,cids:IndicatorReport\r\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",coop-1,\"Boulangerie \"\"La Mie\"\", coop\",,6000.00,CAD,"),
            std::string::npos);
  EXPECT_EQ(csv.find("\n\n"), std::string::npos);
  size_t lines = 0;
  for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) {
    ++lines;
  }
  EXPECT_EQ(lines, Report().values.size() + 1);
}

TEST(ImpactTest, JsonLdGraphLinksReportsToIndicatorsAndOrganisations) {
  const ImpactReport report = Report();
  const json doc = ImpactToJsonLd(report);
  EXPECT_EQ(doc["@context"]["cids"], "https://ontology.commonapproach.org/cids#");
  EXPECT_EQ(doc["@context"]["i72"], "http://ontology.eil.utoronto.ca/ISO21972/iso21972#");
  std::map<std::string, json> nodes;
  std::map<std::string, int> types;
  for (const json& node : doc["@graph"]) {
    nodes[node["@id"].get<std::string>()] = node;
    ++types[node["@type"].get<std::string>()];
  }
  EXPECT_EQ(types["cids:Organization"], 3);  // the reporter and two organisations
  EXPECT_EQ(types["cids:IndicatorReport"], static_cast<int>(report.values.size()));
  EXPECT_EQ(types["cids:Indicator"], static_cast<int>(report.values.size()));
  EXPECT_EQ(types["cids:Code"], 4);  // PI1478, FP2630, FP2635, FP6373
  for (const auto& [id, node] : nodes) {
    if (node["@type"] != "cids:IndicatorReport") continue;
    const std::string indicator = node["cids:forIndicator"]["@id"];
    const std::string org = node["cids:forOrganization"]["@id"];
    ASSERT_EQ(nodes.count(indicator), 1u) << id;
    ASSERT_EQ(nodes.count(org), 1u) << id;
    EXPECT_EQ(nodes[indicator]["@type"], "cids:Indicator");
    EXPECT_EQ(nodes[org]["@type"], "cids:Organization");
    EXPECT_EQ(nodes[indicator]["cids:hasIndicatorReport"][0]["@id"], id);
    EXPECT_EQ(node["i72:value"]["@type"], "i72:Measure");
    if (nodes[indicator].contains("cids:hasCode")) {
      EXPECT_EQ(nodes.count(nodes[indicator]["cids:hasCode"][0]["@id"]), 1u);
    }
  }
}

TEST(ImpactTest, JsonForThePageHasNumbersInTheUnit) {
  const json page = ImpactToJson(Report());
  bool found = false;
  for (const json& v : page["values"]) {
    if (v["indicator"] == "loans_disbursed_value" && v["organisation_id"] == "") {
      EXPECT_DOUBLE_EQ(v["value"].get<double>(), 18000.0);
      EXPECT_EQ(v["unit"], "CAD");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

// The error for the input after `edit`, which must name `field`.
void ExpectRefused(void (*edit)(json&), const std::string& field) {
  json input = Input();
  edit(input);
  auto report = ComputeImpact(input);
  ASSERT_FALSE(report.ok()) << field;
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find(field), std::string::npos)
      << "expected \"" << field << "\" in: " << report.status().message();
}

TEST(ImpactTest, BadInputIsRefusedWithTheFieldNamed) {
  ExpectRefused([](json& in) { in.erase("as_of"); }, "as_of: missing");
  ExpectRefused([](json& in) { in["loan_book"]["loans"][1].erase("outstanding_principal"); },
                "loan_book.loans[1].outstanding_principal: missing");
  ExpectRefused([](json& in) { in["loan_book"]["loans"][0]["principal"] = -5; },
                "loan_book.loans[0].principal: expected a whole number of cents");
  ExpectRefused([](json& in) { in["loan_book"]["loans"][0]["actor_id"] = "coop-9"; },
                "loan_book.loans[0].actor_id: \"coop-9\" is not in organisations");
  ExpectRefused([](json& in) { in["loan_book"]["as_of"] = "2026-07-01"; }, "loan_book.as_of");
  ExpectRefused([](json& in) { in["funds"][0]["fund"]["currency"] = "EUR"; },
                "funds[0].fund.currency");
  ExpectRefused([](json& in) { in["funds"][0]["allocation"]["applications"][0]["mip"] = -1; },
                "funds[0].allocation.applications[0].mip");
  ExpectRefused([](json& in) { in["assessments"][0]["total"] = 15; }, "assessments[0].total");
  ExpectRefused([](json& in) { in["as_of"] = "30/06/2026"; }, "as_of: expected a date");
}

TEST(ImpactTest, ParThatDisagreesWithTheLoansIsRefused) {
  json input = Input();
  input["loan_book"]["par"]["thresholds"][0]["all"]["at_risk"] = 0;
  auto report = ComputeImpact(input);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("loan_book.par.thresholds[0].all"), std::string::npos);
}

TEST(ImpactTest, WithoutLoanBookOnlyOtherIndicators) {
  json input = Input();
  input["loan_book"] = nullptr;
  auto report = ComputeImpact(input);
  ASSERT_TRUE(report.ok()) << report.status().message();
  auto t = Texts(*report);
  EXPECT_EQ(t.count("loans_outstanding_principal||"), 0u);
  EXPECT_EQ(t["organisations_financed||"], "1");  // coop-1's grant
  EXPECT_EQ(t["grants_allocated_value||"], "5000.00");
}

}  // namespace
}  // namespace ecosol::finance
