#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/finance/allocation.h"

namespace ecosol::finance {
namespace {

using nlohmann::json;

// The leverage case of allocation_test.cc in its JSON form, with a region quota.
json Doc() {
  return json::parse(R"({
    "rules": {"budget": 100, "leverage_ratio": 2,
              "quotas": [{"dimension": "region", "key": "north", "bound": "at_most",
                          "share_of_budget": 0.5}]},
    "applications": [
      {"id": "a", "requested": 100, "min_grant": 10, "impact_score": 100, "region": "north",
       "sector": "food", "equity_groups": ["women_led"]},
      {"id": "b", "requested": 100, "min_grant": 10, "max_grant": 100, "impact_score": 50,
       "region": "south", "private_capital": 300, "needs_first_loss": true, "first_loss": 5}
    ],
    "options": {"time_limit_seconds": 5, "relative_gap": 0}
  })");
}

std::string ErrorOf(const json& doc) {
  auto p = ParseAllocationProblem(doc);
  EXPECT_FALSE(p.ok());
  return p.ok() ? "" : p.status().message();
}

TEST(AllocationJsonTest, ParsesEveryField) {
  auto p = ParseAllocationProblem(Doc());
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->rules.budget, 100);
  EXPECT_EQ(p->rules.leverage_ratio, 2);
  ASSERT_EQ(p->rules.quotas.size(), 1u);
  EXPECT_EQ(p->rules.quotas[0].id, "region:north:at_most");  // generated
  EXPECT_EQ(p->rules.quotas[0].base, QuotaBase::kShareOfBudget);
  EXPECT_EQ(p->rules.quotas[0].value, 0.5);
  ASSERT_EQ(p->applications.size(), 2u);
  EXPECT_EQ(p->applications[0].max_grant, 100);  // defaults to the request
  EXPECT_EQ(p->applications[0].equity_groups, std::vector<std::string>{"women_led"});
  EXPECT_EQ(p->applications[1].first_loss, 5);
  EXPECT_EQ(p->options.time_limit_seconds, 5);
  EXPECT_EQ(p->options.relative_gap, 0);
}

TEST(AllocationJsonTest, ResultJsonCarriesPortfolioConstraintsAndGreedy) {
  auto p = ParseAllocationProblem(Doc());
  ASSERT_TRUE(p.ok());
  auto r = Allocate(*p);
  ASSERT_TRUE(r.ok());
  const json out = AllocationResultToJson(*r);
  EXPECT_EQ(out.at("status"), "optimal");
  EXPECT_NEAR(out.at("impact").get<double>(), 75, 1e-6);  // a = 50, b = 50
  EXPECT_EQ(out.at("mip").at("funded"), 2);
  EXPECT_EQ(out.at("mip").at("grants")[0].at("id"), "a");
  EXPECT_NEAR(out.at("mip").at("grants")[0].at("amount").get<double>(), 50, 1e-6);
  EXPECT_NEAR(out.at("greedy").at("impact").get<double>(), 50, 1e-9);
  ASSERT_EQ(out.at("constraints").size(), 3u);
  EXPECT_EQ(out.at("constraints")[2].at("id"), "region:north:at_most");
  EXPECT_EQ(out.at("constraints")[2].at("binding"), true);
  EXPECT_NEAR(out.at("constraints")[2].at("impact_cost").get<double>(), 20, 1e-6);
  EXPECT_TRUE(out.at("infeasibility").is_array());
  EXPECT_TRUE(out.at("greedy_violations").empty());
}

TEST(AllocationJsonTest, MisspeltRuleIsAnError) {
  json doc = Doc();
  doc["rules"]["levarage_ratio"] = 2;
  const std::string m = ErrorOf(doc);
  EXPECT_NE(m.find("rules.levarage_ratio: unknown field"), std::string::npos) << m;
  EXPECT_NE(m.find("leverage_ratio"), std::string::npos) << m;
}

TEST(AllocationJsonTest, WrongTypesNameTheirPath) {
  json doc = Doc();
  doc["applications"][1]["requested"] = "lots";
  EXPECT_EQ(ErrorOf(doc), "applications[1].requested: expected a number, got \"lots\"");
  doc = Doc();
  doc["applications"][0].erase("impact_score");
  EXPECT_EQ(ErrorOf(doc), "applications[0].impact_score: missing; give a number");
  doc = Doc();
  doc["rules"]["quotas"] = json::object();
  EXPECT_NE(ErrorOf(doc).find("rules.quotas: expected an array"), std::string::npos);
  EXPECT_NE(ErrorOf(json::array()).find("allocation: expected an object"), std::string::npos);
  EXPECT_NE(ErrorOf(json::object()).find("allocation.rules: missing"), std::string::npos);
}

TEST(AllocationJsonTest, FirstLossNeedsBothFields) {
  json doc = Doc();
  doc["applications"][1].erase("first_loss");
  EXPECT_NE(ErrorOf(doc).find("needs_first_loss is true but no positive"), std::string::npos);
  doc = Doc();
  doc["applications"][1].erase("needs_first_loss");
  EXPECT_NE(ErrorOf(doc).find("set it to true or drop first_loss"), std::string::npos);
}

TEST(AllocationJsonTest, QuotaNeedsExactlyOneValueAndKnownWords) {
  json doc = Doc();
  doc["rules"]["quotas"][0]["amount"] = 10;
  EXPECT_NE(ErrorOf(doc).find("give exactly one of amount, share_of_budget, share_of_allocated "
                              "(found 2)"),
            std::string::npos);
  doc = Doc();
  doc["rules"]["quotas"][0]["bound"] = "atleast";
  EXPECT_NE(ErrorOf(doc).find("rules.quotas[0].bound: \"atleast\" is not at_least or at_most"),
            std::string::npos);
  doc = Doc();
  doc["rules"]["quotas"][0]["dimension"] = "province";
  EXPECT_NE(ErrorOf(doc).find("is not one of region, sector, equity_group"), std::string::npos);
}

TEST(AllocationJsonTest, ValidationRunsAfterParsing) {
  json doc = Doc();
  doc["applications"][0]["min_grant"] = 500;
  EXPECT_NE(ErrorOf(doc).find("applications[0] (id \"a\").min_grant: 500"), std::string::npos);
}

TEST(AllocationJsonTest, InfeasibleResultCarriesItsReasons) {
  json doc = Doc();
  doc["rules"]["quotas"][0] = {
      {"dimension", "region"}, {"key", "south"}, {"bound", "at_least"}, {"amount", 150}};
  doc["options"]["analyse_constraints"] = false;
  auto p = ParseAllocationProblem(doc);
  ASSERT_TRUE(p.ok()) << p.status().message();
  auto r = Allocate(*p);
  ASSERT_TRUE(r.ok());
  const json out = AllocationResultToJson(*r);
  EXPECT_EQ(out.at("status"), "infeasible");
  EXPECT_EQ(out.at("mip").at("funded"), 0);
  EXPECT_TRUE(out.at("constraints").empty());
  ASSERT_FALSE(out.at("infeasibility").empty());
  EXPECT_EQ(out.at("infeasibility")[0],
            "quota region:south:at_least needs at least 150 for region south, but its "
            "applications can receive at most 100 in total (the sum of their maximum grants)");
  EXPECT_EQ(out.at("infeasibility")[1],
            "quota region:south:at_least needs 150, more than the "
            "budget 100");
}

TEST(AllocationJsonTest, WithoutAnalysisConstraintsAreListedUnpriced) {
  json doc = Doc();
  doc["options"]["analyse_constraints"] = false;
  auto p = ParseAllocationProblem(doc);
  ASSERT_TRUE(p.ok());
  auto r = Allocate(*p);
  ASSERT_TRUE(r.ok());
  const json out = AllocationResultToJson(*r);
  ASSERT_EQ(out.at("constraints").size(), 3u);
  EXPECT_EQ(out.at("constraints")[2].at("tight"), true);
  EXPECT_EQ(out.at("constraints")[2].at("analysed"), false);
  EXPECT_FALSE(out.at("constraints")[2].contains("impact_cost"));
  doc["options"]["time_limit"] = 3;
  EXPECT_NE(ErrorOf(doc).find("options.time_limit: unknown field"), std::string::npos);
}

}  // namespace
}  // namespace ecosol::finance
