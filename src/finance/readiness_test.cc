// Readiness: scoring, stages, the pipeline rule, comparison over time and bad input.

#include "ecosol/finance/readiness.h"

#include <gtest/gtest.h>

#include "catalogue_test_util.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;
using testing::Readiness;

// An assessment with the seven dimensions in framework order and the two governance blocks.
json Input(std::vector<int> s, int mission_lock, int asset_lock,
           const std::string& date = "2026-03-01") {
  return {{"organisation", "coop-1"},
          {"date", date},
          {"scores",
           {{"individual", s[0]},
            {"proposition", s[1]},
            {"people", s[2]},
            {"performance", s[3]},
            {"plan", s[4]},
            {"growth_capital", s[5]},
            {"documents", s[6]}}},
          {"governance", {{"mission_lock", mission_lock}, {"asset_lock", asset_lock}}}};
}

ReadinessResult Score(const json& in) {
  auto a = ParseAssessment(Readiness(), in);
  EXPECT_TRUE(a.ok()) << a.status().message();
  return ScoreAssessment(Readiness(), a.ok() ? *a : Assessment{});
}

std::string ErrorOf(const json& in) {
  auto a = ParseAssessment(Readiness(), in);
  EXPECT_FALSE(a.ok());
  return a.ok() ? "" : a.status().message();
}

TEST(ReadinessTest, FrameworkHasTheClearlySoDimensionsAndGovernanceBlocks) {
  const ReadinessFramework& f = Readiness();
  std::vector<std::string> ids;
  for (const ReadinessDimension& d : f.dimensions) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"individual", "proposition", "people", "performance",
                                           "plan", "growth_capital", "documents"}));
  ASSERT_EQ(f.governance.size(), 2u);
  EXPECT_EQ(f.governance[0].id, "mission_lock");
  EXPECT_EQ(f.governance[1].id, "asset_lock");
  EXPECT_EQ(f.MaxTotal(), 14);
}

TEST(ReadinessTest, FullScoresAreInvestmentReadyForRepayableFinance) {
  ReadinessResult r = Score(Input({2, 2, 2, 2, 2, 2, 2}, 2, 2));
  EXPECT_EQ(r.total, 14);
  EXPECT_EQ(r.max_total, 14);
  EXPECT_EQ(r.stage->id, "investment_ready");
  EXPECT_EQ(r.pipeline->id, "repayable_finance");
}

TEST(ReadinessTest, NoMissionLockKeepsAnInvestmentReadyOrganisationAtGrant) {
  ReadinessResult r = Score(Input({2, 2, 2, 1, 2, 1, 1}, 0, 2));
  EXPECT_EQ(r.total, 11);
  EXPECT_EQ(r.stage->id, "investment_ready");
  EXPECT_EQ(r.pipeline->id, "grant");
}

TEST(ReadinessTest, ADimensionAtZeroIsNotInvestmentReadyWhateverTheTotal) {
  ReadinessResult r = Score(Input({2, 2, 2, 2, 2, 2, 0}, 2, 2));
  EXPECT_EQ(r.total, 12);
  EXPECT_EQ(r.min_score, 0);
  EXPECT_EQ(r.weakest, std::vector<std::string>{"documents"});
  EXPECT_EQ(r.stage->id, "developing");
  EXPECT_EQ(r.pipeline->id, "grant");
}

TEST(ReadinessTest, GrantNeedsAPropositionAndATeam) {
  ReadinessResult r = Score(Input({2, 0, 1, 1, 1, 1, 1}, 1, 1));
  EXPECT_EQ(r.total, 7);
  EXPECT_EQ(r.stage->id, "developing");
  EXPECT_EQ(r.pipeline->id, "readiness_support");
}

TEST(ReadinessTest, LowTotalIsEarlyAndGetsReadinessSupport) {
  ReadinessResult r = Score(Input({1, 1, 1, 1, 1, 0, 0}, 2, 2));
  EXPECT_EQ(r.total, 5);
  EXPECT_EQ(r.stage->id, "early");
  EXPECT_EQ(r.pipeline->id, "readiness_support");
}

TEST(ReadinessTest, ThresholdOfDevelopingIsSix) {
  EXPECT_EQ(Score(Input({1, 1, 1, 1, 1, 1, 0}, 0, 0)).stage->id, "developing");
  EXPECT_EQ(Score(Input({1, 1, 1, 1, 1, 1, 0}, 0, 0)).pipeline->id, "grant");
}

TEST(ReadinessTest, ScoreOutsideZeroToTwoIsRejected) {
  json in = Input({2, 2, 2, 2, 3, 2, 2}, 2, 2);
  EXPECT_EQ(ErrorOf(in), "scores.plan: 3 is not a score (use 0, 1 or 2)");
  in["scores"]["plan"] = 1.5;
  EXPECT_EQ(ErrorOf(in), "scores.plan: 1.5 is not a score (use 0, 1 or 2)");
  in["scores"]["plan"] = -1;
  EXPECT_EQ(ErrorOf(in), "scores.plan: -1 is not a score (use 0, 1 or 2)");
  in = Input({2, 2, 2, 2, 2, 2, 2}, 2, 2);
  in["governance"]["asset_lock"] = "2";
  EXPECT_EQ(ErrorOf(in), "governance.asset_lock: \"2\" is not a score (use 0, 1 or 2)");
}

TEST(ReadinessTest, UnknownOrMissingDimensionIsRejected) {
  json in = Input({2, 2, 2, 2, 2, 2, 2}, 2, 2);
  in["scores"]["vision"] = 1;
  EXPECT_EQ(ErrorOf(in),
            "scores.vision: unknown dimension (known: individual, proposition, people, "
            "performance, plan, growth_capital, documents)");
  in = Input({2, 2, 2, 2, 2, 2, 2}, 2, 2);
  in["scores"].erase("people");
  EXPECT_EQ(ErrorOf(in), "scores.people: not scored (give 0, 1 or 2)");
  in = Input({2, 2, 2, 2, 2, 2, 2}, 2, 2);
  in["governance"]["board_lock"] = 1;
  EXPECT_EQ(ErrorOf(in),
            "governance.board_lock: unknown governance block (known: mission_lock, asset_lock)");
}

TEST(ReadinessTest, DateMustBeARealDay) {
  EXPECT_EQ(ErrorOf(Input({2, 2, 2, 2, 2, 2, 2}, 2, 2, "2026-02-30")),
            "date: \"2026-02-30\" is not a date (write YYYY-MM-DD, e.g. 2026-03-01)");
  EXPECT_EQ(ErrorOf(Input({2, 2, 2, 2, 2, 2, 2}, 2, 2, "1/3/2026")),
            "date: \"1/3/2026\" is not a date (write YYYY-MM-DD, e.g. 2026-03-01)");
  json in = Input({2, 2, 2, 2, 2, 2, 2}, 2, 2);
  in.erase("date");
  EXPECT_EQ(ErrorOf(in), "date: missing is not a date (write YYYY-MM-DD, e.g. 2026-03-01)");
  EXPECT_TRUE(ParseAssessment(Readiness(), Input({2, 2, 2, 2, 2, 2, 2}, 2, 2, "2028-02-29")).ok());
}

TEST(ReadinessTest, LatestAndComparisonOverTime) {
  ReadinessResult march = Score(Input({1, 1, 1, 1, 1, 0, 0}, 0, 1, "2026-03-01"));
  ReadinessResult october = Score(Input({2, 2, 2, 1, 2, 1, 1}, 1, 1, "2026-10-15"));
  auto latest = Latest({october, march});
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->assessment.date, "2026-10-15");
  EXPECT_FALSE(Latest({}).has_value());

  auto diff = CompareAssessments(Readiness(), march, october, "en");
  ASSERT_TRUE(diff.ok()) << diff.status().message();
  EXPECT_EQ((*diff)["total"], json::parse(R"({"before": 5, "after": 11, "change": 6})"));
  EXPECT_EQ((*diff)["pipeline"]["before"], "readiness_support");
  EXPECT_EQ((*diff)["pipeline"]["after"], "repayable_finance");
  EXPECT_EQ((*diff)["scores"][5],
            json::parse(R"({"dimension": "growth_capital", "before": 0, "after": 1,
                            "change": 1})"));
  EXPECT_EQ((*diff)["governance"][0]["change"], 1);

  auto swapped = CompareAssessments(Readiness(), october, march, "en");
  EXPECT_EQ(swapped.status().message(),
            "assessments: 'before' (2026-10-15) is dated after 'after' (2026-03-01); swap them");
  json other = Input({1, 1, 1, 1, 1, 1, 1}, 1, 1, "2026-11-01");
  other["organisation"] = "assoc-2";
  auto mixed = CompareAssessments(Readiness(), march, Score(other), "en");
  EXPECT_EQ(mixed.status().message(),
            "assessments: of different organisations ('coop-1' and 'assoc-2'); compare one "
            "organisation's");
}

TEST(ReadinessTest, JsonSaysWhatEachScoreMeansInTheLanguageAsked) {
  json out = ReadinessToJson(Readiness(), Score(Input({2, 0, 1, 1, 1, 1, 1}, 1, 1)), "fr");
  EXPECT_EQ(out["total"], 7);
  EXPECT_EQ(out["scores"][1]["dimension"], "proposition");
  EXPECT_EQ(out["scores"][1]["meaning"], "L'offre et qui la paie ne sont pas encore définis");
  EXPECT_EQ(out["pipeline"]["id"], "readiness_support");
  EXPECT_EQ(out["pipeline"]["label"], "Accompagnement à la maturité");
  EXPECT_EQ(out["pipeline"]["source"], "canada-irp");
  EXPECT_EQ(out["weakest"], json::array({"proposition"}));
}

TEST(ReadinessTest, FrameworkWhoseLastStepIsNotAFallbackIsRejected) {
  auto doc = rules::ReadFrameworkFile(testing::FrameworkPath("finance-readiness.yaml"), "x");
  ASSERT_TRUE(doc.ok());
  (*doc)["pipeline"].back()["rule"] = json::parse(R"({">=": [{"var": "total"}, 1]})");
  auto f = ParseReadinessFramework(*doc, "r.yaml");
  EXPECT_EQ(f.status().message(),
            "r.yaml: the last of 'pipeline' ('readiness_support') must have 'rule: true', so "
            "that every assessment gets one");
}

}  // namespace
}  // namespace ecosol::finance
