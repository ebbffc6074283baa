#include "ecosol/knowledge/transfer.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace ecosol::knowledge {
namespace {

using nlohmann::json;
using testing::Real;

Case Parsed(const json& doc) {
  auto c = ParseCase(*Real(), doc);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? std::move(*c) : Case{};
}

ContextProfile Profile(const std::string& text) {
  auto p = ParseContextProfile(*Real(), json::parse(text), "target");
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? std::move(*p) : ContextProfile{};
}

// A savings group relying on medium trust and rotating savings, from a high-trust town.
Case SavingsGroup() {
  return Parsed(json::parse(R"({
    "id": "savings-group", "title": {"en": "Savings group", "fr": "Groupe d'épargne"},
    "origin": {"id": "town", "socio_cultural": {"trust": "high"},
               "socio_economic": {"finance_mechanisms": ["rosca", "bank_loans"]},
               "geographical": {"settlement": "urban"}},
    "core_elements": [{"id": "pool", "label": {"en": "Pooled savings", "fr": "Épargne commune"},
      "relies_on": [
        {"feature": "trust", "op": "at_least", "value": "medium", "why": "money is held in common"},
        {"feature": "finance_mechanisms", "op": "includes_any", "value": ["rosca", "credit_union"]}
      ]}]})"));
}

const DomainFit& DomainOf(const TransferAnalysis& a, const std::string& id) {
  for (const DomainFit& d : a.domains) {
    if (d.domain == id) return d;
  }
  ADD_FAILURE() << "no domain " << id;
  return a.domains.front();
}

TEST(TransferTest, UnknownIsInsufficientEvidenceNeverAFlag) {
  auto a = AnalyseTransfer(*Real(), SavingsGroup(), Profile(R"({"id": "t"})"));
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_TRUE(a->risk_flags.empty());
  EXPECT_EQ(DomainOf(*a, "socio_cultural").fit, Fit::kUnknown);
  EXPECT_EQ(DomainOf(*a, "socio_economic").fit, Fit::kUnknown);
  ASSERT_EQ(a->unknowns.size(), 2u);
  EXPECT_EQ(a->unknowns[0].feature, "trust");
  EXPECT_NE(a->unknowns[0].question.at("en").find("trust"), std::string::npos);
  EXPECT_EQ(a->verdict, "insufficient_evidence");
  EXPECT_NE(a->judgement.at("en").find("find out: trust and social capital"), std::string::npos);
}

TEST(TransferTest, LowTrustRaisesTrustDependencyWithBothValues) {
  auto a = AnalyseTransfer(*Real(), SavingsGroup(),
                           Profile(R"({"id": "t", "socio_cultural": {"trust": "low"},
                                      "socio_economic": {"finance_mechanisms": ["rosca"]}})"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->risk_flags.size(), 1u);
  const RiskFlag& f = a->risk_flags[0];
  EXPECT_EQ(f.id, "trust_dependency");
  EXPECT_EQ(f.element, "pool");
  EXPECT_EQ(f.origin, "high");
  EXPECT_EQ(f.target, "low");
  EXPECT_EQ(f.expected, "medium");
  EXPECT_EQ(f.severity, Severity::kHigh);
  EXPECT_EQ(f.why, "money is held in common");
  EXPECT_EQ(f.text.at("en"),
            "'Pooled savings' relies on trust and social capital of at least medium; the "
            "target's is low (origin: high).");
  // The French label is used in French; Spanish falls back to English.
  EXPECT_NE(f.text.at("fr").find("« Épargne commune »"), std::string::npos);
  EXPECT_NE(f.text.at("es").find("'Pooled savings'"), std::string::npos);
  // Levels are said in the language of the sentence.
  EXPECT_NE(f.text.at("fr").find("d'au moins moyenne ; celle de la cible est faible (origine : "
                                 "élevée)"),
            std::string::npos)
      << f.text.at("fr");
  EXPECT_EQ(DomainOf(*a, "socio_cultural").fit, Fit::kPoor);
  EXPECT_EQ(DomainOf(*a, "socio_economic").fit, Fit::kGood);
  ASSERT_EQ(a->adaptations.size(), 1u);
  EXPECT_NE(a->adaptations[0].text.at("pt").find("Pooled savings"), std::string::npos);
  EXPECT_EQ(a->verdict, "redesign");
}

TEST(TransferTest, DeclaredSeverityOverridesTheFlagsDefault) {
  json doc = CaseToJson(*Real(), SavingsGroup());
  doc["core_elements"][0]["relies_on"][0]["severity"] = "low";
  auto a = AnalyseTransfer(*Real(), Parsed(doc), Profile(R"({"socio_cultural": {"trust": "low"},
                                      "socio_economic": {"finance_mechanisms": ["rosca"]}})"));
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->risk_flags.size(), 1u);
  EXPECT_EQ(a->risk_flags[0].severity, Severity::kLow);
  EXPECT_EQ(DomainOf(*a, "socio_cultural").fit, Fit::kPartial);
  EXPECT_EQ(a->verdict, "adapt");
}

TEST(TransferTest, UndeclaredDifferenceIsAReasonNotAFlag) {
  auto a =
      AnalyseTransfer(*Real(), SavingsGroup(), Profile(R"({"socio_cultural": {"trust": "medium"},
                                      "socio_economic": {"finance_mechanisms": ["credit_union"]},
                                      "geographical": {"settlement": "marginalised_rural"}})"));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->risk_flags.empty());
  const DomainFit& geo = DomainOf(*a, "geographical");
  EXPECT_EQ(geo.fit, Fit::kPartial);
  ASSERT_EQ(geo.reasons.size(), 1u);
  EXPECT_EQ(geo.reasons[0].kind, "difference");
  EXPECT_EQ(geo.reasons[0].feature, "settlement");
  EXPECT_NE(geo.reasons[0].text.at("en").find("urban against marginalised rural"),
            std::string::npos);
  EXPECT_EQ(a->verdict, "fits");
  EXPECT_NE(a->judgement.at("en").find("also differ on settlement"), std::string::npos);
}

TEST(TransferTest, JsonHasTheStableFieldsAndFourLanguages) {
  auto a = AnalyseTransfer(*Real(), SavingsGroup(),
                           Profile(R"({"id": "t", "socio_cultural": {"trust": "low"}})"));
  ASSERT_TRUE(a.ok());
  json j = TransferAnalysisToJson(*a);
  for (const char* key :
       {"case", "domains", "risk_flags", "adaptations", "judgement", "unknowns", "verdict"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["case"], "savings-group");
  EXPECT_EQ(j["domains"].size(), 7u);
  EXPECT_EQ(j["domains"][1]["domain"], "socio_cultural");
  EXPECT_EQ(j["domains"][1]["fit"], "poor");
  EXPECT_EQ(j["risk_flags"][0]["op"], "at_least");
  EXPECT_EQ(j["risk_flags"][0]["severity"], "high");
  EXPECT_EQ(j["unknowns"][0]["feature"], "finance_mechanisms");
  for (const char* lang : {"en", "fr", "es", "pt"}) {
    EXPECT_FALSE(j["judgement"][lang].get<std::string>().empty()) << lang;
    EXPECT_EQ(j["judgement"][lang].get<std::string>().find('{'), std::string::npos) << lang;
  }
}

TEST(TransferTest, ProfileFromAnotherFrameworkIsRejected) {
  ContextProfile target;
  target.id = "t";
  target.features["trsut"] = std::string("low");
  auto a = AnalyseTransfer(*Real(), SavingsGroup(), target);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().message(), "context 't': unknown feature 'trsut'");
}

}  // namespace
}  // namespace ecosol::knowledge
