// Quebec and the rest of Canada side by side: every block and metric, and the differences in
// words in four languages.

#include <gtest/gtest.h>

#include <algorithm>

#include "blocks_demo.h"
#include "ecosol/ecosystem/blocks.h"
#include "test_paths.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

struct Fixture {
  std::shared_ptr<const BlocksFramework> framework;
  std::vector<TerritoryReport> reports;
};

Fixture Demo() {
  Fixture fx;
  auto f = LoadBlocksFramework(::ecosol::testing::SourceDir() + "/frameworks/building-blocks.yaml");
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  if (!f.ok()) return fx;
  fx.framework = *f;
  for (const TerritorySnapshot& s : {demo::Quebec(), demo::RestOfCanada()}) {
    auto r = AssessTerritory(*fx.framework, s);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (r.ok()) fx.reports.push_back(std::move(*r));
  }
  return fx;
}

const Difference* Find(const Comparison& c, const std::string& kind, const std::string& about) {
  for (const Difference& d : c.differences) {
    if (d.kind == kind && d.about == about) return &d;
  }
  return nullptr;
}

const MetricRow* Row(const Comparison& c, const std::string& metric) {
  for (const MetricRow& r : c.rows) {
    if (r.metric == metric) return &r;
  }
  return nullptr;
}

TEST(CompareTest, ExplainsWhatTheImmatureTerritoryLacks) {
  Fixture fx = Demo();
  ASSERT_EQ(fx.reports.size(), 2u);
  auto c = Compare(*fx.framework, fx.reports);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  const Difference* finance = Find(*c, "signal", "finance_federated_with_apex");
  ASSERT_NE(finance, nullptr);
  EXPECT_EQ(finance->text.at("en"),
            "Rest of Canada: no finance intermediary federated with the apex body (unlike Quebec)");
  EXPECT_EQ(finance->text.at("fr"),
            "Rest of Canada : aucun intermédiaire financier fédéré à l'organisation faîtière "
            "(contrairement à Quebec)");
  EXPECT_EQ(finance->ahead, std::vector<std::string>{"CA/QC"});
  EXPECT_EQ(finance->behind, std::vector<std::string>{"CA/rest"});
  const Difference* university = Find(*c, "signal", "university_linked_to_networks");
  ASSERT_NE(university, nullptr);
  EXPECT_EQ(university->text.at("en"),
            "Rest of Canada: no university linked to SSE networks (unlike Quebec)");
  EXPECT_EQ(university->text.at("es"),
            "Rest of Canada: ninguna universidad vinculada a las redes de la ESS (a diferencia "
            "de Quebec)");
  ASSERT_NE(Find(*c, "signal", "procurement_links"), nullptr);
  // Both have a finance intermediary and a university: no difference there.
  EXPECT_EQ(Find(*c, "signal", "finance_intermediary"), nullptr);
  EXPECT_EQ(Find(*c, "signal", "university"), nullptr);
}

TEST(CompareTest, BlockGapsAndTypesInWords) {
  Fixture fx = Demo();
  ASSERT_EQ(fx.reports.size(), 2u);
  auto c = Compare(*fx.framework, fx.reports);
  ASSERT_TRUE(c.ok());
  const Difference* market = Find(*c, "block", "market_access");
  ASSERT_NE(market, nullptr);
  EXPECT_EQ(market->text.at("en"),
            "Market access: coverage 94 in Quebec against 10 in Rest of Canada");
  // Investment and funds: 94 against 52, a gap of 42, still explained.
  ASSERT_NE(Find(*c, "block", "investment_and_funds"), nullptr);
  const Difference* type = Find(*c, "type", "type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->text.at("en"), "Quebec is enabling; Rest of Canada is arid");
  EXPECT_EQ(type->text.at("pt"), "Quebec é favorável; Rest of Canada é árido");
}

TEST(CompareTest, EveryBlockAndMetricSideBySide) {
  Fixture fx = Demo();
  ASSERT_EQ(fx.reports.size(), 2u);
  auto c = Compare(*fx.framework, fx.reports);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->territories, (std::vector<std::string>{"CA/QC", "CA/rest"}));
  for (const Block& b : fx.framework->blocks) {
    EXPECT_NE(Row(*c, "block." + b.id + ".coverage"), nullptr) << b.id;
  }
  const MetricRow* market = Row(*c, "block.market_access.coverage");
  ASSERT_NE(market, nullptr);
  EXPECT_DOUBLE_EQ(market->values[0].get<double>(), 94);
  EXPECT_DOUBLE_EQ(market->values[1].get<double>(), 10);
  EXPECT_EQ(Row(*c, "role.apex")->values, (std::vector<json>{1, 0}));
  EXPECT_EQ(Row(*c, "signal.procurement_links.count")->values, (std::vector<json>{2, 0}));
  EXPECT_EQ(Row(*c, "type")->values, (std::vector<json>{"enabling", "arid"}));
  EXPECT_EQ(Row(*c, "kind.public_body")->values, (std::vector<json>{2, 0}));
  EXPECT_NE(Row(*c, "statement.market_access.social_procurement.consensus"), nullptr);
  json j = ToJson(*c);
  EXPECT_EQ(j["territories"][1]["name"], "Rest of Canada");
  EXPECT_EQ(j["rows"].size(), c->rows.size());
  EXPECT_EQ(j["differences"][0]["text"].size(), 4u);
}

TEST(CompareTest, SimilarTerritoriesHaveNoDifferences) {
  Fixture fx = Demo();
  ASSERT_EQ(fx.reports.size(), 2u);
  auto twin = demo::Quebec();
  twin.territory.id = "CA/QC-twin";
  twin.territory.name = "Quebec twin";
  for (store::PerceptionAssessment& a : twin.assessments) a.territory = twin.territory.id;
  auto r = AssessTerritory(*fx.framework, twin);
  ASSERT_TRUE(r.ok());
  auto c = Compare(*fx.framework, {fx.reports[0], *r});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->differences.empty());
}

TEST(CompareTest, BadComparisonsAreRejected) {
  Fixture fx = Demo();
  ASSERT_EQ(fx.reports.size(), 2u);
  EXPECT_EQ(Compare(*fx.framework, {fx.reports[0]}).status().code(), StatusCode::kInvalidArgument);
  auto same = Compare(*fx.framework, {fx.reports[0], fx.reports[0]});
  EXPECT_EQ(same.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(same.status().message().find("'CA/QC' is given twice"), std::string::npos);
  TerritoryReport other = fx.reports[1];
  other.framework = "older-blocks";
  EXPECT_EQ(Compare(*fx.framework, {fx.reports[0], other}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ecosol::ecosystem
