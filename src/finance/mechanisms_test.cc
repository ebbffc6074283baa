// The mechanisms catalogue: the project's file loads, says everything in four languages and
// agrees with frameworks/facts.yaml; mistakes in a catalogue are reported with where they are.

#include "ecosol/finance/mechanisms.h"

#include <gtest/gtest.h>

#include <set>

#include "catalogue_test_util.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;
using testing::FrameworkPath;
using testing::Mechanisms;
using testing::Readiness;

void ExpectFourLanguages(const Text& text, const std::string& where) {
  for (const std::string& lang : Languages()) {
    auto it = text.find(lang);
    ASSERT_NE(it, text.end()) << where << " has no " << lang;
    EXPECT_FALSE(it->second.empty()) << where << " is empty in " << lang;
  }
  EXPECT_EQ(text.size(), 4u) << where;
}

TEST(MechanismsTest, ProjectCatalogueHasTheIloMechanisms) {
  const MechanismCatalogue& c = Mechanisms();
  for (const char* id : {"member_capital", "member_loans", "community_shares", "revolving_fund",
                         "solidarity_savings", "cooperative_bank_loan", "microfinance", "rosca",
                         "guarantee_fund", "quasi_equity", "blended_grant_loan", "first_loss",
                         "match_funding", "outcome_contract", "grant", "public_procurement"}) {
    EXPECT_NE(c.FindMechanism(id), nullptr) << id;
  }
}

TEST(MechanismsTest, EveryTextHasFourLanguagesAndEveryRuleASource) {
  const MechanismCatalogue& c = Mechanisms();
  ExpectFourLanguages(c.title, "title");
  for (const FactDefinition& f : c.facts) ExpectFourLanguages(f.label, "fact " + f.path);
  for (const SuitabilityRule& r : c.rules) {
    ExpectFourLanguages(r.passed, r.id + ".passed");
    ExpectFourLanguages(r.failed, r.id + ".failed");
    ExpectFourLanguages(r.change, r.id + ".change");
    EXPECT_NE(c.FindSource(r.source.ref), nullptr) << r.id;
  }
  for (const Mechanism& m : c.mechanisms) {
    ExpectFourLanguages(m.label, m.id + ".label");
    ExpectFourLanguages(m.description, m.id + ".description");
    EXPECT_NE(c.FindSource(m.source.ref), nullptr) << m.id;
    EXPECT_FALSE(m.rules.empty()) << m.id << " would fit everyone";
  }
  const ReadinessFramework& r = Readiness();
  ExpectFourLanguages(r.title, "readiness title");
  for (const auto* list : {&r.dimensions, &r.governance}) {
    for (const ReadinessDimension& d : *list) {
      ExpectFourLanguages(d.label, d.id);
      ASSERT_EQ(d.levels.size(), 3u) << d.id;
      for (const Text& level : d.levels) ExpectFourLanguages(level, d.id + " level");
    }
  }
  for (const auto* list : {&r.stages, &r.pipeline}) {
    for (const ReadinessStep& s : *list) {
      ExpectFourLanguages(s.label, s.id);
      ExpectFourLanguages(s.meaning, s.id);
    }
  }
}

TEST(MechanismsTest, SharedFactsAgreeWithFactsYaml) {
  auto doc = rules::ReadFrameworkFile(FrameworkPath("facts.yaml"), "facts.yaml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  int shared = 0;
  for (const json& entry : (*doc)["facts"]) {
    const FactDefinition* f = Mechanisms().FindFact(entry["path"].get<std::string>());
    if (f == nullptr) continue;
    ++shared;
    EXPECT_EQ(f->type, entry["type"].get<std::string>()) << f->path;
    EXPECT_EQ(json(f->values), entry.value("values", json::array())) << f->path;
  }
  EXPECT_EQ(shared, 7);  // all but finance.stage and readiness.pipeline
}

// A minimal valid catalogue, to break one piece at a time.
json MinimalCatalogue() {
  return json::parse(R"({
    "id": "t", "version": "1.0.0", "kind": "finance_mechanisms",
    "title": {"en": "t", "fr": "t", "es": "t", "pt": "t"},
    "sources": [{"id": "s", "title": "S", "verified": true}],
    "facts": [{"path": "legal_form", "type": "enum", "values": ["cooperative", "company"],
               "label": {"en": "l", "fr": "l", "es": "l", "pt": "l"}}],
    "rules": [{"id": "coop", "rule": {"==": [{"var": "legal_form"}, "cooperative"]},
               "source": {"ref": "s"},
               "passed": {"en": "p", "fr": "p", "es": "p", "pt": "p"},
               "failed": {"en": "f", "fr": "f", "es": "f", "pt": "f"},
               "change": {"en": "c", "fr": "c", "es": "c", "pt": "c"}}],
    "mechanisms": [{"id": "m", "axes": {"origin": "internal", "provider": "private",
                    "terms": "market"}, "instrument": "debt", "rules": ["coop"],
                    "source": {"ref": "s"},
                    "label": {"en": "m", "fr": "m", "es": "m", "pt": "m"},
                    "description": {"en": "d", "fr": "d", "es": "d", "pt": "d"}}]})");
}

TEST(MechanismsTest, MinimalCatalogueLoads) {
  auto c = ParseMechanismCatalogue(MinimalCatalogue(), "t.yaml");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ((*c)->mechanisms.size(), 1u);
}

std::string ErrorOf(const json& doc) {
  auto c = ParseMechanismCatalogue(doc, "t.yaml");
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.status().message();
}

TEST(MechanismsTest, RuleReadingAnUndeclaredFactIsAnError) {
  json doc = MinimalCatalogue();
  doc["rules"][0]["rule"] = json::parse(R"({"==": [{"var": "size"}, 1]})");
  EXPECT_EQ(ErrorOf(doc), "t.yaml: rule 'coop': reads 'size', which is not listed under 'facts'");
}

TEST(MechanismsTest, UnknownRuleOrSourceOrAxisIsAnError) {
  json doc = MinimalCatalogue();
  doc["mechanisms"][0]["rules"] = json::array({"coop", "nope"});
  EXPECT_EQ(ErrorOf(doc), "t.yaml: mechanism 'm': rule 'nope' is not defined");
  doc = MinimalCatalogue();
  doc["rules"][0]["source"]["ref"] = "x";
  EXPECT_EQ(ErrorOf(doc), "t.yaml: rule 'coop': source 'x' is not listed under 'sources'");
  doc = MinimalCatalogue();
  doc["mechanisms"][0]["axes"]["terms"] = "cheap";
  EXPECT_EQ(ErrorOf(doc),
            "t.yaml: mechanism 'm': axes.terms 'cheap' is not one of market, non_market, mixed");
}

TEST(MechanismsTest, MissingLanguageIsAnError) {
  json doc = MinimalCatalogue();
  doc["rules"][0]["change"].erase("pt");
  EXPECT_EQ(ErrorOf(doc),
            "t.yaml: rule 'coop': 'change' has no text in 'pt' (add it: every text is given in "
            "en, fr, es and pt)");
}

TEST(MechanismsTest, WrongTypeInTheFileIsAnErrorNotACrash) {
  json doc = MinimalCatalogue();
  doc["mechanisms"][0]["instrument"] = json::array({1});
  EXPECT_NE(ErrorOf(doc).find("t.yaml: a value has the wrong type"), std::string::npos);
}

TEST(MechanismsTest, ProfileFactsAreChecked) {
  const MechanismCatalogue& c = Mechanisms();
  EXPECT_TRUE(CheckProfileFacts(c, json::parse(R"({"legal_form": "cooperative",
      "governance": {"voting_rule": null}, "other": {"x": 1}})"))
                  .ok());
  Status s = CheckProfileFacts(c, json::parse(R"({"legal_form": "coop"})"));
  EXPECT_EQ(s.message(),
            "facts.legal_form: 'coop' is not one of cooperative, association, foundation, mutual, "
            "company, social_enterprise, self_help_group, informal_group, public_body, other");
  s = CheckProfileFacts(c, json::parse(R"({"workforce": {"paid_workers": 2.5}})"));
  EXPECT_EQ(s.message(), "facts.workforce.paid_workers: 2.5 must be a whole number");
  s = CheckProfileFacts(c, json::parse(R"({"purpose": {"social": "yes"}})"));
  EXPECT_EQ(s.message(), "facts.purpose.social: 'yes' must be true or false");
}

TEST(MechanismsTest, MissingFactIsUnknownNeverAFitOrAFailure) {
  const MechanismCatalogue& c = Mechanisms();
  SuitabilityResult r = CheckSuitability(c, *c.FindMechanism("equity_with_votes"), json::object());
  EXPECT_EQ(r.fit, Fit::kUnknown);
  EXPECT_EQ(r.failed, 0);
  EXPECT_EQ(r.passed, 0);
  json out = SuitabilityToJson(c, r, "fr");
  EXPECT_EQ(out["fit"], "unknown");
  EXPECT_EQ(out["unknown"][0]["missing"], json::array({"legal_form"}));
}

TEST(MechanismsTest, FailedRuleGivesReasonChangeAndSourceInTheLanguageAsked) {
  const MechanismCatalogue& c = Mechanisms();
  SuitabilityResult r = CheckSuitability(c, *c.FindMechanism("microfinance"),
                                         json::parse(R"({"workforce": {"paid_workers": 40}})"));
  EXPECT_EQ(r.fit, Fit::kDoesNotFit);
  json out = SuitabilityToJson(c, r, "es");
  ASSERT_EQ(out["failed"].size(), 1u);
  EXPECT_EQ(out["failed"][0]["rule"], "micro_size");
  EXPECT_EQ(out["failed"][0]["source"]["ref"], "eu-2003-361");
  EXPECT_NE(out["failed"][0]["change"].get<std::string>().find("bancos cooperativos"),
            std::string::npos);
  EXPECT_EQ(out["label"], "Microfinanzas");
}

TEST(MechanismsTest, CatalogueJsonListsRulesWithSources) {
  json out = CatalogueToJson(Mechanisms());
  ASSERT_TRUE(out["mechanisms"].is_array());
  EXPECT_EQ(out["mechanisms"].size(), Mechanisms().mechanisms.size());
  for (const json& m : out["mechanisms"]) {
    for (const json& r : m["rules"]) EXPECT_TRUE(r["source"].contains("title")) << m["id"];
  }
}

}  // namespace
}  // namespace ecosol::finance
