// Values derived from a case for search (case_index.h).

#include "ecosol/knowledge/case_index.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::Real;
using Facets = std::vector<std::pair<std::string, std::string>>;

Case Parsed(const std::string& doc) {
  auto c = ParseCase(*Real(), json::parse(doc));
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : Case{};
}

const char* kUndpLike = R"({
  "id": "undp-x", "title": {"fr": "Éplucheuse de manioc"},
  "summary": {"fr": "Une machine congolaise."}, "text": {"und": "corps"},
  "sdgs": [2, 8], "countries": ["CD"], "themes": ["agriculture"], "type": "solution",
  "stage": "implementation", "strength": {"level": "unassessed"},
  "source": {"name": "UNDP SDG Innovation Commons", "id": "x"}})";

TEST(CaseIndexTest, LanguagesAreThoseOfTitleSummaryAndText) {
  EXPECT_EQ(CaseLanguages(Parsed(kUndpLike)), (std::vector<std::string>{"fr", "und"}));
  Case c = Parsed(R"({"id": "a", "title": {"en": "A", "fr": "A"}, "problem": {"de": "P"}})");
  EXPECT_EQ(CaseLanguages(c), (std::vector<std::string>{"en", "fr"}));
}

TEST(CaseIndexTest, FacetsListEveryValueInTheContractsOrder) {
  const Facets expected = {{"sdg", "2"},
                           {"sdg", "8"},
                           {"country", "CD"},
                           {"theme", "agriculture"},
                           {"stage", "implementation"},
                           {"type", "solution"},
                           {"strength", "unassessed"},
                           {"language", "fr"},
                           {"language", "und"},
                           {"source", "UNDP SDG Innovation Commons"}};
  EXPECT_EQ(CaseFacets(Parsed(kUndpLike)), expected);
}

TEST(CaseIndexTest, ACaseWrittenHereHasEcosolAsItsSource) {
  Case c = Parsed(R"({"id": "a", "title": {"en": "A"}, "policy_field": "transport"})");
  const Facets expected = {{"policy_field", "transport"}, {"language", "en"}, {"source", "ecosol"}};
  EXPECT_EQ(CaseFacets(c), expected);
}

TEST(CaseIndexTest, SearchTextHoldsTitlesApartFromTheBody) {
  Case c = Parsed(R"({
    "id": "a", "title": {"en": "Safe rides", "fr": "Trajets sûrs"},
    "summary": {"en": "Summary words"}, "problem": {"en": "Problem words"},
    "root_causes": [{"en": "Cause words"}], "model": {"en": "Model words"},
    "core_elements": [{"id": "e", "label": {"en": "Element label"},
                       "description": {"en": "Element description"}, "relies_on": []}],
    "actors": [{"name": "Actor name"}], "si_drive": {"concepts": {"en": "Concept words"}},
    "outcomes": [{"text": {"en": "Outcome words"}}], "scaling": [{"path": "up",
    "text": {"en": "Scaling words"}}], "themes": ["theme word"], "methods": ["method word"],
    "text": {"en": "Body text"}})");
  CaseText t = CaseSearchText(c);
  EXPECT_EQ(t.title, "Safe rides\nTrajets sûrs");
  for (const char* part :
       {"Summary words", "Problem words", "Cause words", "Model words", "Element label",
        "Element description", "Actor name", "Concept words", "Outcome words", "Scaling words",
        "theme word", "method word", "Body text"}) {
    EXPECT_NE(t.body.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(t.body.find("Safe rides"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::knowledge
