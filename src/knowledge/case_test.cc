#include "ecosol/knowledge/case.h"

#include <gtest/gtest.h>

#include "ecosol/knowledge/context.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::Real;

json Dep(const std::string& feature, const std::string& op, const json& value) {
  json d = json::object();
  d["feature"] = feature;
  d["op"] = op;
  d["value"] = value;
  return d;
}

// A case with one core element relying on `deps` (a vector: see screening_test.cc on why a
// single json in braces is not a list under clang).
json CaseWith(const std::vector<json>& deps) {
  json element = {
      {"id", "savings"}, {"label", {{"en", "Members' savings"}}}, {"relies_on", json(deps)}};
  json c = {{"id", "x"},
            {"title", {{"en", "A case"}}},
            {"origin", {{"socio_cultural", {{"trust", "high"}}}}}};
  c["core_elements"] = json::array();
  c["core_elements"].push_back(element);
  return c;
}

std::string Error(const json& doc) {
  auto c = ParseCase(*Real(), doc);
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.status().message();
}

TEST(CaseTest, ReadsAndWritesEveryKindOfDependency) {
  json doc =
      CaseWith({Dep("trust", "at_least", "medium"), Dep("informal_share", "at_most", 0.3),
                Dep("legal_forms", "includes", "cooperative"),
                Dep("finance_mechanisms", "includes_any", json::array({"rosca", "microfinance"})),
                Dep("settlement", "in", json::array({"urban", "peri_urban"})),
                Dep("multi_function_organisations", "is", true)});
  doc["core_elements"][0]["relies_on"][0]["severity"] = "medium";
  doc["core_elements"][0]["relies_on"][0]["why"] = "members lend to each other";
  auto c = ParseCase(*Real(), doc);
  ASSERT_TRUE(c.ok()) << c.status().message();
  const auto& deps = c->core_elements[0].relies_on;
  ASSERT_EQ(deps.size(), 6u);
  EXPECT_EQ(deps[0].op, DependencyOp::kAtLeast);
  EXPECT_EQ(deps[0].severity, Severity::kMedium);
  EXPECT_EQ(std::get<double>(deps[1].value), 0.3);
  // A single value for `includes` is read as a list of one.
  EXPECT_EQ(std::get<std::vector<std::string>>(deps[2].value),
            std::vector<std::string>{"cooperative"});
  json back = CaseToJson(*Real(), *c);
  EXPECT_EQ(back["core_elements"][0]["relies_on"][2]["value"], json::array({"cooperative"}));
  EXPECT_EQ(back["core_elements"][0]["relies_on"][0]["why"], "members lend to each other");
  EXPECT_EQ(back["origin"]["socio_cultural"]["trust"], "high");
  auto again = ParseCase(*Real(), back);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(CaseToJson(*Real(), *again), back);
}

TEST(CaseTest, UnknownFeatureNamesThePath) {
  json doc = CaseWith({Dep("trust", "at_least", "medium"), Dep("legal_forms", "includes", "mutual"),
                       Dep("trsut", "at_least", "medium")});
  EXPECT_EQ(Error(doc), "case 'x': core element 'savings': relies_on[2]: unknown feature 'trsut'");
}

TEST(CaseTest, WrongValueTypeSaysWhatIsExpected) {
  EXPECT_EQ(Error(CaseWith({Dep("trust", "at_least", 2)})),
            "case 'x': core element 'savings': relies_on[0]: value: expected one of low, medium, "
            "high, got 2");
  EXPECT_EQ(Error(CaseWith({Dep("informal_share", "at_most", 40)})),
            "case 'x': core element 'savings': relies_on[0]: value: expected a share from 0 to 1");
  EXPECT_EQ(Error(CaseWith({Dep("multi_function_organisations", "is", "yes")})),
            "case 'x': core element 'savings': relies_on[0]: value: expected true or false");
  json numeric_feature = Dep("trust", "at_least", "low");
  numeric_feature["feature"] = 7;
  EXPECT_EQ(Error(CaseWith({numeric_feature})),
            "case 'x': core element 'savings': relies_on[0]: 'feature' must be a text");
  EXPECT_NE(Error(CaseWith({Dep("legal_forms", "includes", "cooperativ")}))
                .find("relies_on[0]: value: \"cooperativ\" is not one of cooperative"),
            std::string::npos);
}

TEST(CaseTest, OpMustApplyToTheFeatureType) {
  EXPECT_EQ(Error(CaseWith({Dep("legal_forms", "at_least", "cooperative")})),
            "case 'x': core element 'savings': relies_on[0]: op 'at_least' does not apply to the "
            "list feature 'legal_forms'");
  EXPECT_EQ(Error(CaseWith({Dep("trust", "above", "low")})),
            "case 'x': core element 'savings': relies_on[0]: unknown op 'above' (use at_least, "
            "at_most, is, in, includes or includes_any)");
  EXPECT_EQ(Error(CaseWith({Dep("settlement", "in", json::array())})),
            "case 'x': core element 'savings': relies_on[0]: value: 'in' needs a non-empty list "
            "of values");
}

TEST(CaseTest, OriginProfileErrorsNameTheDomainAndFeature) {
  json doc = CaseWith({Dep("trust", "at_least", "medium")});
  doc["origin"] = {{"legal", {{"trust", "high"}}}};
  EXPECT_EQ(Error(doc),
            "case 'x': origin: legal: trust: the feature belongs to 'socio_cultural', not to "
            "'legal'");
  doc["origin"] = {{"cultural", {{"trust", "high"}}}};
  EXPECT_NE(Error(doc).find("case 'x': origin: 'cultural' is not id, name or a context domain"),
            std::string::npos);
  doc["origin"] = {{"socio_economic", {{"informal_share", 1.5}}}};
  EXPECT_EQ(Error(doc),
            "case 'x': origin: socio_economic: informal_share: expected a share from 0 to 1");
}

TEST(CaseTest, NullIsUnknownNotAValue) {
  auto p = ParseContextProfile(
      *Real(), json::parse(R"({"id": "t", "socio_cultural": {"trust": null}})"), "target");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->Find("trust"), nullptr);
}

TEST(CaseTest, MissingPartsAreNamed) {
  EXPECT_EQ(Error(json::parse(R"({"title": {"en": "t"}})")), "case: needs an 'id'");
  json doc = CaseWith({Dep("trust", "at_least", "medium")});
  doc["title"] = {{"German", "Fall"}};
  EXPECT_EQ(Error(doc),
            "case 'x': 'title' has language 'German' (use a language code such as en, fr, es or "
            "pt)");
  doc = CaseWith({Dep("trust", "at_least", "medium")});
  doc["core_elements"].push_back(doc["core_elements"][0]);
  EXPECT_EQ(Error(doc), "case 'x': core element 'savings' is listed twice");
  doc = CaseWith({Dep("trust", "at_least", "medium")});
  doc["core_elements"][0]["relies_on"][0]["severity"] = "fatal";
  EXPECT_EQ(Error(doc),
            "case 'x': core element 'savings': relies_on[0]: 'severity' must be low, medium or "
            "high");
}

}  // namespace
}  // namespace ecosol::knowledge
