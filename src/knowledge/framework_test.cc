#include "ecosol/knowledge/framework.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "ecosol/rules/yaml_json.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::FrameworkPath;
using testing::Real;

// The project's framework as JSON, to break one thing at a time.
json RealDoc() {
  std::ifstream in(FrameworkPath());
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto doc = rules::YamlToJson(buffer.str(), "transfer-context.yaml");
  EXPECT_TRUE(doc.ok());
  return doc.ok() ? *doc : json();
}

json& FeatureEntry(json& doc, const std::string& id) {
  for (json& f : doc["features"]) {
    if (f["id"] == id) return f;
  }
  ADD_FAILURE() << "no feature " << id;
  return doc;
}

std::string Error(const json& doc) {
  auto f = ParseTransferFramework(doc, "transfer-context.yaml");
  EXPECT_FALSE(f.ok());
  return f.ok() ? "" : f.status().message();
}

TEST(TransferFrameworkTest, ProjectFrameworkLoadsWithTheSevenDomainsAndTheSseVariables) {
  auto f = Real();
  ASSERT_TRUE(f);
  std::vector<std::string> domains;
  for (const Domain& d : f->domains) domains.push_back(d.id);
  EXPECT_EQ(domains, CiciDomains());
  for (const char* id :
       {"informal_share", "income_level", "trust", "legal_forms", "settlement", "welfare_regime",
        "multi_function_organisations", "finance_mechanisms", "population"}) {
    EXPECT_NE(f->FindFeature(id), nullptr) << id;
  }
  for (const char* id :
       {"informal_economy_mismatch", "trust_dependency", "multi_function_entity_needed",
        "legal_form_unavailable", "finance_mechanism_missing", "scale_mismatch"}) {
    EXPECT_NE(f->FindFlag(id), nullptr) << id;
  }
  const Feature* trust = f->FindFeature("trust");
  ASSERT_NE(trust, nullptr);
  EXPECT_EQ(trust->domain, "socio_cultural");
  EXPECT_EQ(trust->levels, (std::vector<std::string>{"low", "medium", "high"}));
  EXPECT_EQ(trust->LevelIndex("high"), 2);
  EXPECT_EQ(trust->LevelIndex("huge"), -1);
  EXPECT_EQ(f->FindFeature("income_level")->levels,
            (std::vector<std::string>{"low", "lower_middle", "upper_middle", "high"}));
}

TEST(TransferFrameworkTest, EveryDomainHasAFeature) {
  auto f = Real();
  ASSERT_TRUE(f);
  for (const Domain& d : f->domains) {
    bool has = false;
    for (const Feature& feature : f->features) has = has || feature.domain == d.id;
    EXPECT_TRUE(has) << d.id;
  }
}

TEST(TransferFrameworkTest, MissingFileSaysWhereTheFrameworkIs) {
  auto f = LoadTransferFramework("/nonexistent/transfer-context.yaml");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
  EXPECT_NE(f.status().message().find("frameworks/transfer-context.yaml"), std::string::npos);
}

TEST(TransferFrameworkTest, WrongKindIsRejected) {
  json doc = RealDoc();
  doc["kind"] = "building_blocks";
  EXPECT_EQ(Error(doc), "transfer-context.yaml: 'kind' must be transfer_context");
}

TEST(TransferFrameworkTest, MissingTranslationNamesTheFeatureAndLanguage) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["label"].erase("pt");
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: feature 'trust': 'label' has no text in 'pt' (add it: every "
            "text is given in en, fr, es and pt)");
}

TEST(TransferFrameworkTest, UnknownFlagDomainAndTypeAreRejected) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["flag"] = "trust_dependancy";
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: feature 'trust': flag 'trust_dependancy' is not listed under "
            "'flags'");
  doc = RealDoc();
  FeatureEntry(doc, "trust")["domain"] = "cultural";
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: feature 'trust': domain 'cultural' is not one of the domains");
  doc = RealDoc();
  FeatureEntry(doc, "trust")["type"] = "scale";
  EXPECT_NE(Error(doc).find("feature 'trust': type 'scale' is not share"), std::string::npos);
}

TEST(TransferFrameworkTest, NotableRuleMustFitTheType) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["notable"] = "missing_items";
  EXPECT_NE(Error(doc).find("feature 'trust': 'notable' must be"), std::string::npos);
  doc = RealDoc();
  FeatureEntry(doc, "population")["notable"] = json::object({{"ratio", 0.5}});
  EXPECT_NE(Error(doc).find("feature 'population': 'notable' must be"), std::string::npos);
}

TEST(TransferFrameworkTest, LevelsNeedAnOrderAndDomainsMustBeComplete) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["levels"] = json::array({"low", "low"});
  EXPECT_EQ(Error(doc), "transfer-context.yaml: feature 'trust': 'levels' lists 'low' twice");
  doc = RealDoc();
  doc["domains"].erase(doc["domains"].size() - 1);
  EXPECT_EQ(Error(doc), "transfer-context.yaml: domain 'epidemiological' is missing");
}

TEST(TransferFrameworkTest, EveryLevelAndValueNeedsItsLabelsAndNoOther) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["value_labels"].erase("medium");
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: feature 'trust': value_labels: needs 'medium' with texts in "
            "en, fr, es and pt");
  doc = RealDoc();
  FeatureEntry(doc, "settlement")["value_labels"]["suburban"] =
      FeatureEntry(doc, "settlement")["value_labels"]["urban"];
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: feature 'settlement': value_labels: 'suburban' is not one of "
            "its values");
}

TEST(TransferFrameworkTest, MissingTemplateAndBadSeverityAreRejected) {
  json doc = RealDoc();
  doc["texts"].erase("judgement_fits");
  EXPECT_EQ(Error(doc),
            "transfer-context.yaml: texts: needs 'judgement_fits' with texts in en, fr, es and pt");
  doc = RealDoc();
  doc["flags"][0]["severity"] = "severe";
  EXPECT_NE(Error(doc).find("'severity' must be low, medium or high"), std::string::npos);
}

TEST(TransferFrameworkTest, WrongValueTypeInTheFileIsAnErrorNotACrash) {
  json doc = RealDoc();
  FeatureEntry(doc, "trust")["domain"] = 3;
  EXPECT_NE(Error(doc).find("transfer-context.yaml: a value has the wrong type"),
            std::string::npos);
}

// Every flag names the asset types whose holders can help (local partners), and each is an asset
// type of the partner-assets framework, which the API looks them up in.
TEST(TransferFrameworkTest, FlagAssetsAreAssetTypesOfThePartnerFramework) {
  std::string path = FrameworkPath();
  path = path.substr(0, path.rfind('/')) + "/partner-assets.yaml";
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto partners = rules::YamlToJson(buffer.str(), "partner-assets.yaml");
  ASSERT_TRUE(partners.ok()) << partners.status().ToString();
  std::set<std::string> types;
  for (const json& t : (*partners)["asset_types"]) types.insert(t["id"].get<std::string>());
  ASSERT_FALSE(types.empty());
  auto fw = Real();
  ASSERT_TRUE(fw);
  for (const FlagDefinition& flag : fw->flags) {
    EXPECT_FALSE(flag.assets.empty()) << flag.id;
    for (const std::string& a : flag.assets) EXPECT_TRUE(types.count(a)) << flag.id << ": " << a;
  }
  json doc = RealDoc();
  doc["flags"][0]["assets"] = "finance";
  EXPECT_NE(Error(doc).find("'assets' must be a list"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::knowledge
