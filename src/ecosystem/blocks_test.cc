// The building blocks of a territory on the demo: Quebec's mature ecosystem and the rest of
// Canada's immature one; perception figures; errors for bad frameworks and bad ratings.

#include "ecosol/ecosystem/blocks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "blocks_demo.h"
#include "ecosol/rules/yaml_json.h"
#include "test_paths.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

const std::string kFrameworkPath =
    ::ecosol::testing::SourceDir() + "/frameworks/building-blocks.yaml";

std::shared_ptr<const BlocksFramework> Framework() {
  auto f = LoadBlocksFramework(kFrameworkPath);
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return f.ok() ? *f : nullptr;
}

json FrameworkDoc() {
  auto doc = rules::YamlToJson(
      [] {
        std::ifstream in(kFrameworkPath);
        std::stringstream b;
        b << in.rdbuf();
        return b.str();
      }(),
      "building-blocks.yaml");
  EXPECT_TRUE(doc.ok());
  return *doc;
}

const BlockCoverage& BlockOf(const TerritoryReport& r, const std::string& id) {
  auto it = std::find_if(r.blocks.begin(), r.blocks.end(),
                         [&](const BlockCoverage& b) { return b.block == id; });
  EXPECT_NE(it, r.blocks.end()) << id;
  return *it;
}

const SignalResult& SignalOf(const TerritoryReport& r, const std::string& id) {
  const auto& s = r.indicators.signals;
  auto it = std::find_if(s.begin(), s.end(), [&](const SignalResult& x) { return x.id == id; });
  EXPECT_NE(it, s.end()) << id;
  return *it;
}

TEST(BlocksFrameworkTest, LoadsSevenBlocksWithTheirCrosswalks) {
  auto f = Framework();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->blocks.size(), 7u);
  EXPECT_EQ(f->oecd_areas.size(), 9u);
  EXPECT_EQ(f->bept_modules.size(), 7u);
  const Block* market = f->FindBlock("market_access");
  ASSERT_NE(market, nullptr);
  EXPECT_EQ(market->oecd_areas, std::vector<std::string>{"access_to_markets"});
  EXPECT_EQ(market->label.at("fr"), "Accès aux marchés");
  EXPECT_EQ(f->FindBlock("enabling_policy")->oecd_areas.size(), 2u);
  for (const Block& b : f->blocks) EXPECT_GE(b.statements.size(), 2u) << b.id;
  EXPECT_EQ(f->BlockOfStatement("market_access.social_procurement"), market);
}

TEST(BlocksTest, MatureQuebecIsEnablingWithEveryBlockCovered) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto report = AssessTerritory(*f, demo::Quebec());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->type.type, EcosystemType::kEnabling);
  EXPECT_EQ(report->type.reason.at("en"),
            "enabling: institutional support 94 reaches 50; bottom-up vitality 94 reaches 50.");
  for (const BlockCoverage& b : report->blocks) {
    EXPECT_DOUBLE_EQ(b.hard, 100) << b.block;
    ASSERT_TRUE(b.perception.has_value()) << b.block;
    EXPECT_DOUBLE_EQ(*b.perception, 85) << b.block;
    EXPECT_DOUBLE_EQ(b.coverage, 94) << b.block;  // 0.6 x 100 + 0.4 x 85
    EXPECT_TRUE(b.covered);
  }
  const auto& h = report->indicators;
  EXPECT_EQ(h.actors, 12);
  EXPECT_EQ(h.sse_actors, 7);  // the networks and the organisations
  ASSERT_TRUE(h.sse_per_10000.has_value());
  EXPECT_NEAR(*h.sse_per_10000, 7 * 10000.0 / 8500000, 1e-12);
  EXPECT_EQ(h.by_kind.at("funder"), 2);
  EXPECT_EQ(h.by_role.at("apex"), 1);
  EXPECT_EQ(h.by_role.at("sectoral_body"), 3);
  EXPECT_EQ(h.by_role.at("public_body"), 2);
  EXPECT_EQ(SignalOf(*report, "procurement_links").count, 2);
  EXPECT_EQ(SignalOf(*report, "finance_federated_with_apex").count, 2);
  EXPECT_TRUE(SignalOf(*report, "university_linked_to_networks").present);
}

TEST(BlocksTest, EvidenceSaysWhichActorsAndTiesCountAndWhy) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto report = AssessTerritory(*f, demo::Quebec());
  ASSERT_TRUE(report.ok());
  const auto& evidence = BlockOf(*report, "market_access").evidence;
  auto procurement = std::find_if(evidence.begin(), evidence.end(), [](const EvidenceItem& e) {
    return e.signal == "procurement_links" && e.id == "ecotech>ville:supplies";
  });
  ASSERT_NE(procurement, evidence.end());
  EXPECT_EQ(procurement->subject, "tie");
  EXPECT_EQ(procurement->name, "Coopérative Ecotech -> Ville de Montréal (supplies)");
  EXPECT_EQ(procurement->reason.at("en"), "supplies a public body (procurement link)");
  auto rating = std::find_if(evidence.begin(), evidence.end(),
                             [](const EvidenceItem& e) { return e.subject == "statement"; });
  ASSERT_NE(rating, evidence.end());
  const auto& funds = BlockOf(*report, "investment_and_funds").evidence;
  EXPECT_TRUE(std::any_of(funds.begin(), funds.end(), [](const EvidenceItem& e) {
    return e.id == "fiducie" && e.signal == "finance_federated_with_apex";
  }));
}

TEST(BlocksTest, ImmatureRestOfCanadaIsAridWithGapsNamed) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto report = AssessTerritory(*f, demo::RestOfCanada());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->type.type, EcosystemType::kArid);
  EXPECT_NEAR(report->type.institutional_support, (52.0 + 10 + 10) / 3, 1e-9);
  EXPECT_NEAR(report->type.bottom_up_vitality, (10.0 + 10 + 28) / 3, 1e-9);
  EXPECT_EQ(report->type.reason.at("fr"),
            "aride : soutien institutionnel 24 reste sous 50 ; vitalité ascendante 16 reste sous "
            "50.");
  EXPECT_DOUBLE_EQ(BlockOf(*report, "investment_and_funds").hard, 70);  // funder + funds a co-op
  EXPECT_DOUBLE_EQ(BlockOf(*report, "market_access").hard, 0);
  EXPECT_DOUBLE_EQ(BlockOf(*report, "knowledge_transfer").hard, 30);  // a university, unlinked
  EXPECT_TRUE(BlockOf(*report, "investment_and_funds").covered);
  EXPECT_FALSE(BlockOf(*report, "awareness_and_mobilisation").covered);
  EXPECT_FALSE(SignalOf(*report, "finance_federated_with_apex").present);
  EXPECT_TRUE(SignalOf(*report, "finance_intermediary").present);
  EXPECT_FALSE(SignalOf(*report, "university_linked_to_networks").present);
  EXPECT_FALSE(SignalOf(*report, "procurement_links").present);
  // One federation membership: below the signal's minimum of three, counted all the same.
  EXPECT_EQ(SignalOf(*report, "federation_ties").count, 1);
  EXPECT_FALSE(SignalOf(*report, "federation_ties").present);
}

TEST(BlocksTest, PerceptionExcludesNoAnswerFromTheMean) {
  auto f = Framework();
  ASSERT_TRUE(f);
  const std::string st = "market_access.social_procurement";
  store::PerceptionAssessment a, b, c;
  a.id = "a";
  a.scores = {{st, 8}};
  b.id = "b";
  b.scores = {{st, std::nullopt}};
  c.id = "c";
  c.scores = {{st, 6}, {"market_access.private_buyers", 4}};
  store::PerceptionAssessment deleted = a;
  deleted.id = "d";
  deleted.scores = {{st, 0}};
  deleted.deleted = true;
  auto perception = PerceptionOf(*f, {a, b, c, deleted});
  ASSERT_TRUE(perception.ok());
  auto it = std::find_if(perception->begin(), perception->end(),
                         [&](const StatementPerception& p) { return p.statement == st; });
  ASSERT_NE(it, perception->end());
  EXPECT_EQ(it->answered, 2);
  EXPECT_EQ(it->no_answer, 1);
  EXPECT_DOUBLE_EQ(*it->mean, 7);
  EXPECT_DOUBLE_EQ(*it->sd, 1);
  EXPECT_DOUBLE_EQ(*it->consensus, 0.8);  // 1 - 1/5
  auto single = std::find_if(perception->begin(), perception->end(), [](const auto& p) {
    return p.statement == "market_access.private_buyers";
  });
  EXPECT_DOUBLE_EQ(*single->mean, 4);
  EXPECT_FALSE(single->consensus.has_value());  // one answer: agreement unmeasured
  auto unrated = std::find_if(perception->begin(), perception->end(), [](const auto& p) {
    return p.statement == "enabling_policy.co_construction";
  });
  EXPECT_FALSE(unrated->mean.has_value());
  EXPECT_EQ(perception->size(), 14u);
}

TEST(BlocksTest, OppositeRatersHaveNoConsensus) {
  auto f = Framework();
  ASSERT_TRUE(f);
  store::PerceptionAssessment a, b;
  a.scores = {{"market_access.social_procurement", 0}};
  b.scores = {{"market_access.social_procurement", 10}};
  auto perception = PerceptionOf(*f, {a, b});
  ASSERT_TRUE(perception.ok());
  const auto& p = (*perception)[4];
  ASSERT_EQ(p.statement, "market_access.social_procurement");
  EXPECT_DOUBLE_EQ(*p.consensus, 0);
}

TEST(BlocksTest, UnknownPopulationGivesNoDensityAndSaysWhy) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto snapshot = demo::RestOfCanada();
  snapshot.territory.population.reset();
  auto report = AssessTerritory(*f, snapshot);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->indicators.sse_per_10000.has_value());
  EXPECT_EQ(report->indicators.sse_per_10000_note.at("en"), "population of the territory unknown");
  json j = ToJson(*report);
  EXPECT_TRUE(j["indicators"]["sse_per_10000"].is_null());
  EXPECT_EQ(j["indicators"]["sse_actors"], 4);
}

TEST(BlocksTest, EndedAndDeletedTiesAndActorsAreLeftOut) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto snapshot = demo::Quebec();
  for (model::Relationship& r : snapshot.relationships) {
    if (r.type == model::RelationshipType::kSupplies) r.ended = "2020-01-01";
  }
  snapshot.actors.back().deleted = true;  // the CPE
  auto report = AssessTerritory(*f, snapshot);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->indicators.actors, 11);
  EXPECT_FALSE(SignalOf(*report, "procurement_links").present);
  EXPECT_DOUBLE_EQ(BlockOf(*report, "market_access").hard, 0);
}

TEST(BlocksTest, ReportJsonShape) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto report = AssessTerritory(*f, demo::Quebec());
  ASSERT_TRUE(report.ok());
  json j = ToJson(*report);
  EXPECT_EQ(j["framework"], "building-blocks");
  EXPECT_EQ(j["territory"]["name"], "Quebec");
  EXPECT_EQ(j["blocks"].size(), 7u);
  EXPECT_EQ(j["blocks"][0]["block"], "capacity_building");
  EXPECT_DOUBLE_EQ(j["blocks"][0]["coverage"].get<double>(), 94);
  EXPECT_EQ(j["type"]["type"], "enabling");
  EXPECT_EQ(j["type"]["reason"].size(), 4u);
  EXPECT_EQ(j["raters"], 3);
  EXPECT_EQ(j["perception"][0]["answered"], 3);
  EXPECT_TRUE(j["indicators"]["signals"][0]["items"].is_array());
}

TEST(BlocksTest, BadRatingsAreRejectedWithWhereAndHow) {
  auto f = Framework();
  ASSERT_TRUE(f);
  auto snapshot = demo::Quebec();
  snapshot.assessments[1].scores["market_access.social_procurement"] = 11;
  auto report = AssessTerritory(*f, snapshot);
  ASSERT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("'qc-2'"), std::string::npos);
  EXPECT_NE(report.status().message().find("scores run from 0 to 10"), std::string::npos);

  auto elsewhere = demo::Quebec();
  elsewhere.assessments.push_back(demo::Rating("roc-9", "CA/rest", "network", 5));
  auto misplaced = AssessTerritory(*f, elsewhere);
  EXPECT_EQ(misplaced.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(misplaced.status().message().find("rates territory 'CA/rest', not 'CA/QC'"),
            std::string::npos);

  store::PerceptionAssessment unknown;
  unknown.id = "x";
  unknown.scores = {{"market_access.social_procurment", 5}};
  Status s = CheckAssessment(*f, unknown);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("unknown statement 'market_access.social_procurment'"),
            std::string::npos);
  store::PerceptionAssessment other;
  other.framework = "un-ilo";
  EXPECT_EQ(CheckAssessment(*f, other).code(), StatusCode::kInvalidArgument);
  store::PerceptionAssessment negative;
  negative.scores = {{"market_access.social_procurement", -1}};
  EXPECT_EQ(CheckAssessment(*f, negative).code(), StatusCode::kInvalidArgument);
}

void ExpectFrameworkError(const json& doc, const std::string& part) {
  auto f = ParseBlocksFramework(doc, "bb.yaml");
  ASSERT_FALSE(f.ok()) << "expected an error with: " << part;
  EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(f.status().message().find(part), std::string::npos) << f.status().message();
}

TEST(BlocksFrameworkTest, BadFrameworksAreRejectedNamingTheEntry) {
  json good = FrameworkDoc();
  ASSERT_TRUE(ParseBlocksFramework(good, "bb.yaml").ok());
  json doc = good;
  doc["blocks"][2]["label"].erase("pt");
  ExpectFrameworkError(doc, "block 'market_access': 'label' has no text in 'pt'");
  doc = good;
  doc["signals"][0]["rule"] = {{"no_such_op", 1}};
  ExpectFrameworkError(doc, "signal 'finance_intermediary': rule does not compile");
  doc = good;
  doc["signals"][0]["points"] = {{"marketing", 10}};
  ExpectFrameworkError(doc, "feeds unknown block 'marketing'");
  doc = good;
  doc["blocks"].erase(6);
  ExpectFrameworkError(doc, "block 'awareness_and_mobilisation' is missing");
  doc = good;
  doc["blocks"][0]["oecd"] = {"skills"};
  ExpectFrameworkError(doc, "'oecd' names 'skills', which is not listed");
  doc = good;
  doc["scoring"]["hard_weight"] = 0.9;
  ExpectFrameworkError(doc, "must add up to 1");
  doc = good;
  doc["signals"][1]["subject"] = "person";
  ExpectFrameworkError(doc, "subject 'person' is not actor, tie or indicator");
  doc = good;
  doc["blocks"][1]["statements"][0]["id"] = "capacity_building.support_available";
  ExpectFrameworkError(doc, "is listed twice");
  EXPECT_EQ(LoadBlocksFramework("/no/such/file.yaml").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace ecosol::ecosystem
