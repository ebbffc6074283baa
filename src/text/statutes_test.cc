#include "ecosol/text/statutes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "test_paths.h"

namespace ecosol::text {
namespace {

namespace fs = std::filesystem;

const fs::path kCues = fs::path(::ecosol::testing::SourceDir()) / "data" / "clauses";

const ClauseAnalyzer& Analyzer() {
  static std::shared_ptr<const ClauseAnalyzer> analyzer = [] {
    auto a = ClauseAnalyzer::Load(kCues);
    if (!a.ok()) ADD_FAILURE() << a.status().message();
    return a.ok() ? *a : nullptr;
  }();
  return *analyzer;
}

// The clauses of `text` as "type polarity value" strings.
std::vector<std::string> Found(std::string_view text, std::string_view lang = "auto") {
  auto a = Analyzer().Analyze(text, lang);
  EXPECT_TRUE(a.ok()) << a.status().message();
  std::vector<std::string> out;
  if (!a.ok()) return out;
  for (const Clause& c : a->clauses) {
    std::string s = c.type + " " + std::string(PolarityName(c.polarity));
    if (c.value) {
      char buf[32];
      std::snprintf(buf, sizeof buf, " %g", *c.value);
      s += buf;
    }
    out.push_back(s);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(StatutesTest, EachClauseTypeIsFound) {
  EXPECT_EQ(Found("Each member shall have one vote.", "en"), V{"one_member_one_vote affirmed"});
  EXPECT_EQ(Found("Voting rights are in proportion to the shares held.", "en"),
            V{"capital_weighted_voting affirmed"});
  EXPECT_EQ(Found("Les associés sont répartis en trois collèges de vote.", "fr"),
            V{"voting_colleges affirmed"});
  EXPECT_EQ(Found("Investor members shall hold no more than 35% of the votes.", "en"),
            V{"investor_vote_cap affirmed 0.35"});
  EXPECT_EQ(Found("Membership is open to all persons who can use its services.", "en"),
            V{"open_membership affirmed"});
  EXPECT_EQ(Found("The Society pursues a social purpose.", "en"), V{"social_purpose affirmed"});
  EXPECT_EQ(Found("It acts in the general interest.", "en"), V{"general_interest affirmed"});
  EXPECT_EQ(Found("The co-operative is independent of the public authorities.", "en"),
            V{"independence_from_public_authorities affirmed"});
  EXPECT_EQ(Found("Les réserves sont impartageables.", "fr"), V{"indivisible_reserves affirmed"});
  EXPECT_EQ(Found("At least 15% of the surplus shall be allocated to the reserve.", "en"),
            V{"reserve_allocation_min affirmed 0.15"});
  EXPECT_EQ(Found("Dividends may not exceed 35% of distributable profits.", "en"),
            V{"profit_distribution_cap affirmed 0.35"});
  EXPECT_EQ(Found("Share capital receives a limited interest on capital.", "en"),
            V{"limited_return_on_capital affirmed"});
  EXPECT_EQ(Found("Des ristournes peuvent être versées aux associés.", "fr"),
            V{"patronage_refunds affirmed"});
  EXPECT_EQ(Found("The Society is subject to an asset lock.", "en"), V{"asset_lock affirmed"});
  EXPECT_EQ(Found("On winding up, the residual assets shall be divided among the members.", "en"),
            V{"liquidation_surplus_to_members affirmed"});
  EXPECT_EQ(Found("The highest salary shall not exceed 1:8 of the lowest salary.", "en"),
            V{"pay_ratio_cap affirmed 8"});
  EXPECT_EQ(Found("The shares are admitted to trading on a regulated market.", "en"),
            V{"listed_shares affirmed"});
  EXPECT_EQ(Found("Investors hold preferred shares with a drag-along right.", "en"),
            V{"venture_terms affirmed"});
  EXPECT_EQ(Found("The annual general meeting approves the accounts.", "en"),
            V{"general_assembly_annual affirmed"});
}

TEST(StatutesTest, NegationInEachLanguage) {
  EXPECT_EQ(Found("The surplus shall be distributed to the shareholders.", "en"),
            V{"profit_distribution_cap negated"});
  EXPECT_EQ(Found("The surplus shall not be distributed to the shareholders.", "en"),
            V{"profit_distribution_cap affirmed 0"});
  EXPECT_EQ(Found("In no case shall the residual assets be distributed among the members.", "en"),
            V{"liquidation_surplus_to_members negated"});
  EXPECT_EQ(
      Found("Le boni de liquidation ne peut en aucun cas être réparti entre les associés.", "fr"),
      V{"liquidation_surplus_to_members negated"});
  EXPECT_EQ(Found("Le boni de liquidation est réparti entre les associés.", "fr"),
            V{"liquidation_surplus_to_members affirmed"});
  EXPECT_EQ(Found("Los excedentes no podrán repartirse entre los socios.", "es"),
            V{"profit_distribution_cap affirmed 0"});
  EXPECT_EQ(Found("Queda prohibido el reparto del haber social entre los socios.", "es"),
            V{"liquidation_surplus_to_members negated"});
  EXPECT_EQ(Found("O excedente não pode ser distribuído aos cooperadores.", "pt"),
            V{"profit_distribution_cap affirmed 0"});
  EXPECT_EQ(Found("Em caso algum o acervo será partilhado entre os sócios.", "pt"),
            V{"liquidation_surplus_to_members negated"});
}

TEST(StatutesTest, ValuesOfTheDocumentedExamples) {
  EXPECT_EQ(Found("Investors shall hold no more than 35% of the votes.", "en"),
            V{"investor_vote_cap affirmed 0.35"});
  EXPECT_EQ(Found("At least 15% of the surplus goes to the reserve.", "en"),
            V{"reserve_allocation_min affirmed 0.15"});
  EXPECT_EQ(Found("Les investisseurs ne peuvent détenir plus de 35 % des droits de vote.", "fr"),
            V{"investor_vote_cap affirmed 0.35"});
  EXPECT_EQ(Found("Los inversores no podrán tener más del 35 % de los votos.", "es"),
            V{"investor_vote_cap affirmed 0.35"});
  EXPECT_EQ(Found("Os investidores não podem deter mais de 35 % dos votos.", "pt"),
            V{"investor_vote_cap affirmed 0.35"});
}

TEST(StatutesTest, CommonActivePhrasings) {
  EXPECT_EQ(Found("The Society shall not pay dividends to members.", "en"),
            V{"profit_distribution_cap affirmed 0"});
  EXPECT_EQ(Found("The company may pay dividends to its shareholders.", "en"),
            V{"profit_distribution_cap negated"});
  EXPECT_EQ(Found("Members shall have one vote each.", "en"), V{"one_member_one_vote affirmed"});
  EXPECT_EQ(Found("On dissolution the assets remaining shall be transferred to another "
                  "asset-locked body.",
                  "en"),
            V{"asset_lock affirmed"});
}

TEST(StatutesTest, BoundsAreNotNegations) {
  EXPECT_EQ(Found("Dividends shall not exceed 35% of the distributable profits.", "en"),
            V{"profit_distribution_cap affirmed 0.35"});
  EXPECT_EQ(Found("Les dividendes ne peuvent excéder 35 % des bénéfices.", "fr"),
            V{"profit_distribution_cap affirmed 0.35"});
  EXPECT_EQ(Found("No member shall have more than one vote.", "en"),
            V{"one_member_one_vote affirmed"});
}

TEST(StatutesTest, NumbersWrittenInWords) {
  EXPECT_EQ(Found("Les associés investisseurs ne peuvent détenir plus de trente-cinq pour cent des "
                  "droits de vote.",
                  "fr"),
            V{"investor_vote_cap affirmed 0.35"});
  EXPECT_EQ(Found("Los dividendos no podrán superar la mitad de los beneficios.", "es"),
            V{"profit_distribution_cap affirmed 0.5"});
  EXPECT_EQ(Found("Pelo menos um terço dos excedentes reverte para a reserva legal.", "pt"),
            V{"reserve_allocation_min affirmed 0.333333"});
  EXPECT_EQ(Found("The top salary may not be more than seven times the lowest salary.", "en"),
            V{"pay_ratio_cap affirmed 7"});
}

TEST(StatutesTest, OffsetsPointAtTheEvidence) {
  std::string text =
      "ARTICLE 1. Name.\n\nArticle 14. Voting. Each member shall have one vote, whatever the "
      "number of shares held.\n\nArticle 30. The reserves are indivisible.";
  auto a = Analyzer().Analyze(text);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->clauses.size(), 2u);
  for (const Clause& c : a->clauses) {
    EXPECT_EQ(text.substr(c.evidence.start, c.evidence.end - c.evidence.start), c.evidence.text);
  }
  EXPECT_EQ(a->clauses[0].evidence.text,
            "Each member shall have one vote, whatever the number of shares held.");
  EXPECT_EQ(a->clauses[1].evidence.text, "The reserves are indivisible.");
}

TEST(StatutesTest, CaseAndAccentsDoNotMatter) {
  EXPECT_EQ(Found("LES RÉSERVES SONT IMPARTAGEABLES.", "fr"), V{"indivisible_reserves affirmed"});
  EXPECT_EQ(Found("Les reserves sont impartageables.", "fr"), V{"indivisible_reserves affirmed"});
  EXPECT_EQ(Found("UN ASSOCIÉ, UNE VOIX.", "fr"), V{"one_member_one_vote affirmed"});
}

TEST(StatutesTest, LanguageIsDetected) {
  EXPECT_EQ(DetectLanguage("The members of the society shall be entitled to one vote each and "
                           "the board is elected by them."),
            "en");
  EXPECT_EQ(DetectLanguage("Les associés de la coopérative sont réunis en assemblée générale et "
                           "le conseil est élu par eux."),
            "fr");
  EXPECT_EQ(DetectLanguage("Los socios de la cooperativa tendrán un voto y el consejo rector será "
                           "elegido por la asamblea con las mayorías del estatuto."),
            "es");
  EXPECT_EQ(DetectLanguage("Os sócios da cooperativa têm direito a um voto e o conselho é eleito "
                           "pela assembleia geral dos cooperadores nos termos do estatuto."),
            "pt");
  EXPECT_EQ(DetectLanguage("12345 67890"), "und");
  EXPECT_EQ(Analyzer().Detect("Chaque associé dispose d'une voix et les réserves sont "
                              "impartageables dans la société."),
            "fr");
  auto a = Analyzer().Analyze(
      "Un associé, une voix. Les réserves sont impartageables et il est "
      "interdit de les partager par la suite.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->language, "fr");
}

TEST(StatutesTest, UndeterminedLanguageScansEveryLanguage) {
  auto a = Analyzer().Analyze("Asset lock. Un associé, une voix.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->language, "und");
  EXPECT_EQ(a->clauses.size(), 2u);
}

TEST(StatutesTest, JsonHasTheDocumentedShape) {
  auto a = Analyzer().Analyze("Dividends may not exceed 35% of distributable profits.", "en");
  ASSERT_TRUE(a.ok());
  nlohmann::json j = ToJson(*a);
  EXPECT_EQ(j["language"], "en");
  ASSERT_EQ(j["clauses"].size(), 1u);
  const auto& c = j["clauses"][0];
  EXPECT_EQ(c["type"], "profit_distribution_cap");
  EXPECT_EQ(c["polarity"], "affirmed");
  EXPECT_DOUBLE_EQ(c["value"].get<double>(), 0.35);
  EXPECT_EQ(c["evidence"]["start"], 0);
  EXPECT_EQ(c["evidence"]["end"], 54);
  EXPECT_EQ(c["evidence"]["text"], "Dividends may not exceed 35% of distributable profits.");
  auto none = Analyzer().Analyze("The society has an asset lock.", "en");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(ToJson(*none)["clauses"][0]["value"].is_null());
}

TEST(StatutesTest, UnknownLanguageAndOddInputAreHandled) {
  auto bad = Analyzer().Analyze("text", "de");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("'de'"), std::string::npos);
  EXPECT_TRUE(Analyzer().Analyze("", "auto").ok());
  auto invalid = Analyzer().Analyze("Each member shall have one vote. \xff\xfe", "en");
  ASSERT_TRUE(invalid.ok());
  EXPECT_EQ(invalid->clauses.size(), 1u);
}

TEST(StatutesTest, AnalyzeIsThreadSafe) {
  std::string text = "Each member shall have one vote. The reserves are indivisible.";
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto a = Analyzer().Analyze(text, "en");
        if (a.ok() && a->clauses.size() == 2) ++good;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 200);
}

class CueFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ecosol_cues_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    fs::copy_file(kCues / "languages.yaml", dir_ / "languages.yaml");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& yaml) {
    std::ofstream(dir_ / name) << yaml;
  }
  std::string LoadError() {
    auto a = ClauseAnalyzer::Load(dir_);
    return a.ok() ? "" : a.status().message();
  }
  fs::path dir_;
};

constexpr const char* kNegation = "negation: {cues: ['\\bnot\\b']}\n";

TEST_F(CueFilesTest, BadEntriesAreNamed) {
  Write("xx.yaml", std::string("language: xx\n") + kNegation +
                       "clauses:\n  asset_lock:\n    - 'ok pattern'\n    - '(unbalanced'\n");
  std::string e = LoadError();
  EXPECT_NE(e.find("xx.yaml: clauses.asset_lock[1]"), std::string::npos) << e;
  Write("xx.yaml", std::string("language: xx\n") + kNegation + "clauses:\n  not_a_type: ['x']\n");
  e = LoadError();
  EXPECT_NE(e.find("clauses.not_a_type"), std::string::npos) << e;
  Write("xx.yaml", "language: xx\nclauses: [oops\n");
  e = LoadError();
  EXPECT_NE(e.find("xx.yaml"), std::string::npos) << e;
  EXPECT_NE(e.find("YAML"), std::string::npos) << e;
  Write("xx.yaml", std::string("language: xx\n") + kNegation +
                       "clauses:\n  asset_lock:\n    - {pattern: 'x', colour: red}\n");
  e = LoadError();
  EXPECT_NE(e.find("unknown key 'colour'"), std::string::npos) << e;
}

TEST_F(CueFilesTest, AMinimalLanguageWorks) {
  Write("xx.yaml",
        std::string("language: xx\n") + kNegation + "clauses:\n  asset_lock:\n    - 'verrou'\n");
  auto a = ClauseAnalyzer::Load(dir_);
  ASSERT_TRUE(a.ok()) << a.status().message();
  auto r = (*a)->Analyze("Le verrou. Not a verrou here.", "xx");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->clauses.size(), 2u);
  EXPECT_EQ(r->clauses[1].polarity, Polarity::kNegated);
  EXPECT_FALSE(ClauseAnalyzer::Load(dir_ / "missing").ok());
}

}  // namespace
}  // namespace ecosol::text
