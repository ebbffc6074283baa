// The descriptive fields of a case document (case.h): a whole document reads and writes back
// unchanged, and each wrong value is named with its path.

#include <gtest/gtest.h>

#include "ecosol/knowledge/case.h"
#include "ecosol/knowledge/transfer.h"
#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::Real;

// Every field of the contract, in canonical form (themes already lower case).
json FullDocument() {
  return json::parse(R"({
    "id": "in-up-erickshaw-safe-network",
    "title": {"en": "Women's e-rickshaw safe network", "fr": "Réseau sûr d'e-rickshaws"},
    "summary": {"en": "Women drive e-rickshaws that are safe for women and girls."},
    "problem": {"en": "Women's mobility is hampered."},
    "root_causes": [{"en": "Unsafe public transport"}, {"hi": "असुरक्षित परिवहन"}],
    "model": {"en": "A network of women drivers."},
    "core_elements": [
      {"id": "women_drivers", "label": {"en": "Women drivers"},
       "description": {"en": "Drivers are women of the community."},
       "relies_on": [{"feature": "gender_norms", "op": "in",
                      "value": ["restrictive", "mixed"]}]}],
    "actors": [{"name": "Development Alternatives Group", "role": "initiator"},
               {"name": "Community members", "actor_id": "da-community", "role": "community"}],
    "stage": "implementation",
    "policy_field": "transport",
    "si_drive": {"societal_needs": {"en": "Safe mobility"}, "concepts": {"en": "Safe network"}},
    "outcomes": [{"text": {"en": "Women reach work and school."}, "evidence": "anecdotal",
                  "sources": [{"title": "Side event summary", "url": "https://example.org/s",
                               "year": 2023}]}],
    "scaling": [{"path": "out", "text": {"en": "More districts"}}, {"path": "deep"}],
    "strength": {"level": "strong", "framework": "social-innovation-strength",
                 "assessed_at": "2026-11-30", "reasons": {"en": "Co-constructed."}},
    "provenance": [{"claim": "summary", "knowledge": "both",
                    "contributors": ["Development Alternatives"], "participation": "collaborate"},
                   {"claim": "outcomes[0]", "knowledge": "practice"},
                   {"claim": "core_elements.women_drivers"},
                   {"claim": "si_drive.concepts"}],
    "origin": {"id": "lucknow", "socio_cultural": {"gender_norms": "restrictive"}},
    "countries": ["IN"],
    "sdgs": [5, 11],
    "themes": ["mobility", "gender equality"],
    "methods": ["co-creation"],
    "type": "case_study",
    "year": 2019,
    "location": {"lat": 26.85, "lon": 80.95},
    "source": {"name": "Ecosol seed", "id": "up", "url": "https://example.org", "licence": "MIT"},
    "text": {"en": "Long body text."}
  })");
}

std::string Error(const json& doc) {
  auto c = ParseCase(*Real(), doc);
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.status().message();
}

json With(const std::string& key, const json& value) {
  json doc = FullDocument();
  doc[key] = value;
  return doc;
}

TEST(CaseDocumentTest, AWholeDocumentReadsAndWritesBackUnchanged) {
  auto c = ParseCase(*Real(), FullDocument());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->actors[1].actor_id, "da-community");
  EXPECT_EQ(c->outcomes[0].sources[0].year, 2023);
  EXPECT_EQ(c->root_causes[1].count("hi"), 1u);
  EXPECT_EQ(c->core_elements[0].description.at("en"), "Drivers are women of the community.");
  EXPECT_EQ(c->strength->level, "strong");
  EXPECT_EQ(c->location->lat, 26.85);
  EXPECT_EQ(CaseToJson(*Real(), *c), FullDocument());
}

TEST(CaseDocumentTest, OnlyIdAndTitleAreRequired) {
  auto c = ParseCase(*Real(), json::parse(R"({"id": "undp-1_", "title": {"und": "Kitu"}})"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_TRUE(c->core_elements.empty());
  EXPECT_EQ(CaseToJson(*Real(), *c), json::parse(R"({"id": "undp-1_", "title": {"und": "Kitu"}})"));
}

TEST(CaseDocumentTest, ACaseWithoutCoreElementsCannotBeAnalysedForTransfer) {
  auto c = ParseCase(*Real(), json::parse(R"({"id": "x", "title": {"en": "X"}})"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto analysis = AnalyseTransfer(*Real(), *c, ContextProfile{});
  ASSERT_FALSE(analysis.ok());
  EXPECT_EQ(analysis.status().message(),
            "case 'x' has no core elements: say what the model relies on before analysing a "
            "transfer");
}

TEST(CaseDocumentTest, EnumeratedValuesNameTheirPathAndTheAllowedValues) {
  json doc = FullDocument();
  doc["outcomes"].push_back(json::parse(R"({"text": {"en": "More"}, "evidence": "stron"})"));
  EXPECT_EQ(Error(doc),
            "case 'in-up-erickshaw-safe-network': outcomes[1]: evidence 'stron' is not one of "
            "anecdotal, monitoring, evaluation, experimental");
  EXPECT_EQ(Error(With("stage", "scaling")),
            "case 'in-up-erickshaw-safe-network': stage 'scaling' is not one of idea, invention, "
            "implementation, testing, impact");
  doc = FullDocument();
  doc["actors"][0]["role"] = "boss";
  EXPECT_NE(Error(doc).find("actors[0]: role 'boss' is not one of initiator, implementer"),
            std::string::npos);
  EXPECT_NE(Error(With("type", "story")).find("type 'story' is not one of case_study"),
            std::string::npos);
  EXPECT_NE(Error(With("policy_field", "housing")).find("policy_field 'housing'"),
            std::string::npos);
  EXPECT_NE(Error(With("si_drive", {{"needs", {{"en", "x"}}}})).find("dimension 'needs'"),
            std::string::npos);
  doc = FullDocument();
  doc["scaling"][0]["path"] = "sideways";
  EXPECT_NE(Error(doc).find("scaling[0]: path 'sideways' is not one of out, up, deep"),
            std::string::npos);
  doc = FullDocument();
  doc["provenance"][0]["participation"] = "tell";
  EXPECT_NE(Error(doc).find("provenance[0]: participation 'tell'"), std::string::npos);
  doc = FullDocument();
  doc["strength"]["level"] = "medium";
  EXPECT_NE(Error(doc).find("strength: level 'medium' is not one of weak, strong, unassessed"),
            std::string::npos);
}

TEST(CaseDocumentTest, CountriesAreIsoCodesAndSdgsGoalNumbers) {
  EXPECT_EQ(Error(With("countries", json::array({"IN", "UK"}))),
            "case 'in-up-erickshaw-safe-network': countries[1]: 'UK' is not an ISO 3166-1 "
            "alpha-2 country code (did you mean 'GB'?)");
  EXPECT_NE(Error(With("countries", json::array({"Atlantis"}))).find("'Atlantis' is not an ISO"),
            std::string::npos);
  EXPECT_NE(Error(With("countries", json::array({"IN", "IN"}))).find("'IN' is listed twice"),
            std::string::npos);
  EXPECT_NE(Error(With("sdgs", json::array({5, 18}))).find("sdgs[1]: expected a goal number"),
            std::string::npos);
  EXPECT_NE(Error(With("sdgs", json::array({"5"}))).find("sdgs[0]"), std::string::npos);
  EXPECT_NE(Error(With("sdgs", json::array({5, 5}))).find("sdgs[1]: 5 is listed twice"),
            std::string::npos);
}

TEST(CaseDocumentTest, ThemesAndMethodsAreFoldedToLowerCaseOnce) {
  auto c = ParseCase(*Real(), With("themes", json::array({" Mobility", "mobility", "Gender"})));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->themes, (std::vector<std::string>{"mobility", "gender"}));
}

TEST(CaseDocumentTest, IdsFollowThePattern) {
  for (const char* bad : {"In-Up", "-x", "a b", "é"}) {
    EXPECT_NE(Error(With("id", bad)).find("must be 1 to 128 of a-z, 0-9"), std::string::npos)
        << bad;
  }
  EXPECT_TRUE(IsValidCaseId(std::string(128, 'a')));
  EXPECT_FALSE(IsValidCaseId(std::string(129, 'a')));
  EXPECT_TRUE(IsValidCaseId("undp-1__x.y-z"));
}

TEST(CaseDocumentTest, TextsTakeAnyLanguageCode) {
  auto c = ParseCase(*Real(), With("summary", {{"ar", "ملخص"}, {"pt-BR", "Resumo"}}));
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_NE(Error(With("summary", {{"en", ""}})).find("'summary.en' must be a non-empty text"),
            std::string::npos);
  EXPECT_NE(Error(With("summary", json::object())).find("'summary' has no text"),
            std::string::npos);
  EXPECT_NE(Error(With("summary", "plain")).find("'summary' must be a map {language: text}"),
            std::string::npos);
}

TEST(CaseDocumentTest, ProvenanceClaimsNameAPartOfTheCase) {
  for (const char* bad : {"outcomes[1]", "core_elements.nobody", "si_drive.mood", "sumary",
                          "outcomes[x]", "actors[-1]"}) {
    json doc = FullDocument();
    doc["provenance"][1]["claim"] = bad;
    EXPECT_NE(Error(doc).find("provenance[1]: claim '" + std::string(bad) +
                              "' names no part of the case"),
              std::string::npos)
        << bad;
  }
}

TEST(CaseDocumentTest, RecordFieldsAreChecked) {
  EXPECT_NE(Error(With("year", 19)).find("'year' must be a whole year from 1800 to 2100, got 19"),
            std::string::npos);
  EXPECT_NE(Error(With("location", {{"lat", 91}, {"lon", 0}})).find("location: needs 'lat'"),
            std::string::npos);
  EXPECT_NE(Error(With("source", {{"id", "x"}})).find("source: needs a 'name'"), std::string::npos);
  EXPECT_NE(Error(With("source", {{"name", "x"}, {"url", "ftp://x"}}))
                .find("source: url 'ftp://x' must start with https:// or http://"),
            std::string::npos);
  json doc = FullDocument();
  doc["strength"]["assessed_at"] = "30/11/2026";
  EXPECT_NE(Error(doc).find("assessed_at '30/11/2026' is not a date YYYY-MM-DD"),
            std::string::npos);
  doc = FullDocument();
  doc["outcomes"][0]["sources"][0] = json::object();
  EXPECT_NE(Error(doc).find("outcomes[0]: sources[0]: a source needs a 'title' or a 'url'"),
            std::string::npos);
  doc = FullDocument();
  doc["actors"][0].erase("name");
  EXPECT_NE(Error(doc).find("actors[0]: an actor needs a 'name'"), std::string::npos);
  EXPECT_NE(Error(With("outcomes", "good")).find("'outcomes' must be a list"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::knowledge
