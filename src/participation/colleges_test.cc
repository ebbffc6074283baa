#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "choices.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

// A yes/no decision of a SCIC with the given colleges and ballots.
json Scic(json colleges, json ballots, json extra = json::object()) {
  json in = {{"method", "single_choice"},
             {"preset", "fr_scic"},
             {"options", {"yes", "no"}},
             {"colleges", std::move(colleges)},
             {"ballots", std::move(ballots)}};
  in.update(extra);
  return in;
}

json Colleges(double workers, double users, double supporters) {
  return {{{"name", "workers"}, {"weight", workers}},
          {{"name", "users"}, {"weight", users}},
          {{"name", "supporters"}, {"weight", supporters}}};
}

json Ballot(const char* college, const char* choice, int count) {
  return {{"college", college}, {"choice", choice}, {"count", count}};
}

// Workers 3 yes / 1 no, users 1 yes / 3 no, supporters 10 yes.
json BaseBallots() {
  return {Ballot("workers", "yes", 3), Ballot("workers", "no", 1), Ballot("users", "yes", 1),
          Ballot("users", "no", 3), Ballot("supporters", "yes", 10)};
}

std::string ErrorOf(const json& in) {
  auto input = ParseTallyInput(in);
  return input.ok() ? "" : input.status().message();
}

json TallyOf(const json& in) {
  auto input = ParseTallyInput(in);
  EXPECT_TRUE(input.ok()) << input.status().ToString();
  if (!input.ok()) return nullptr;
  auto result = TallyChoices(*input);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : json(nullptr);
}

TEST(FrenchScicTest, AcceptsFiftyFortyTen) {
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.5, 0.4, 0.1), BaseBallots())), "");
}

TEST(FrenchScicTest, RefusesACollegeAboveFiftyPercent) {
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.55, 0.35, 0.1), BaseBallots())),
            "colleges[0].weight: college 'workers' has 55% of the votes; a SCIC college holds "
            "between 10% and 50% (law 47-1775 art. 19 octies)");
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.6, 0.3, 0.1), BaseBallots())),
            "colleges[0].weight: college 'workers' has 60% of the votes; a SCIC college holds "
            "between 10% and 50% (law 47-1775 art. 19 octies)");
}

TEST(FrenchScicTest, RefusesACollegeBelowTenPercent) {
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.5, 0.41, 0.09), BaseBallots())),
            "colleges[2].weight: college 'supporters' has 9% of the votes; a SCIC college holds "
            "between 10% and 50% (law 47-1775 art. 19 octies)");
}

TEST(FrenchScicTest, RefusesTwoColleges) {
  const json two = {{{"name", "workers"}, {"weight", 0.5}}, {{"name", "users"}, {"weight", 0.5}}};
  EXPECT_EQ(ErrorOf(Scic(two, json::array())),
            "colleges: a SCIC with voting colleges needs at least 3 (law 47-1775 art. 19 "
            "octies); 2 declared: add a college or drop the colleges");
}

TEST(FrenchScicTest, RefusesWeightsNotSummingToOne) {
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.5, 0.3, 0.1), BaseBallots())),
            "colleges: the weights sum to 90%; they must sum to 100% of the votes (1)");
}

TEST(FrenchScicTest, RefusesPluralVotes) {
  json ballots = BaseBallots();
  ballots[0]["votes"] = 2;
  EXPECT_EQ(ErrorOf(Scic(Colleges(0.5, 0.4, 0.1), ballots)),
            "ballots[0].votes: 2 votes; preset fr_scic is one member one vote; give votes 1");
}

// 0.5 x 3/4 + 0.4 x 1/4 + 0.1 x 10/10 = 0.575, where a head count would give 14/18.
TEST(CollegeWeightingTest, SumsWeightTimesShareWithinEachCollege) {
  const json result = TallyOf(Scic(Colleges(0.5, 0.4, 0.1), BaseBallots()));
  EXPECT_NEAR(result["shares"]["yes"].get<double>(), 0.575, 1e-12);
  EXPECT_NEAR(result["shares"]["no"].get<double>(), 0.425, 1e-12);
  EXPECT_EQ(result["winners"], json({"yes"}));
  EXPECT_NEAR(result["colleges"][1]["shares"]["yes"].get<double>(), 0.25, 1e-12);
  EXPECT_EQ(result["colleges"][2]["ballots"], 10);
}

// The users add 4 abstentions: excluded keeps their yes share at 1/4 (0.575 in all); counted
// makes it 1/8 (0.5 x 3/4 + 0.4 x 1/8 + 0.1 = 0.525), under a threshold of more than 55%.
TEST(CollegeWeightingTest, AbstentionPolicyDecides) {
  json ballots = BaseBallots();
  ballots.push_back(Ballot("users", "abstain", 4));
  const json threshold = {{"threshold", 0.55}};
  json excluded = Scic(Colleges(0.5, 0.4, 0.1), ballots, threshold);
  json counted = excluded;
  counted["abstentions"] = "counted";
  const json a = TallyOf(excluded);
  const json b = TallyOf(counted);
  EXPECT_NEAR(a["shares"]["yes"].get<double>(), 0.575, 1e-12);
  EXPECT_TRUE(a["threshold"]["met"].get<bool>());
  EXPECT_EQ(a["winners"], json({"yes"}));
  EXPECT_NEAR(b["shares"]["yes"].get<double>(), 0.525, 1e-12);
  EXPECT_FALSE(b["threshold"]["met"].get<bool>());
  EXPECT_EQ(b["winners"], json::array());
  EXPECT_EQ(a["weighting"]["abstentions"].get<std::string>().rfind("excluded", 0), 0u);
}

// No supporter votes: redistribute gives (0.375 + 0.1) / 0.9 = 0.5278 > 50%; zero leaves
// 0.475, under it.
TEST(CollegeWeightingTest, EmptyCollegePolicyDecides) {
  json ballots = BaseBallots();
  ballots.erase(4);
  json redistribute = Scic(Colleges(0.5, 0.4, 0.1), ballots, {{"threshold", 0.5}});
  json zero = redistribute;
  zero["empty_colleges"] = "zero";
  const json a = TallyOf(redistribute);
  const json b = TallyOf(zero);
  EXPECT_NEAR(a["shares"]["yes"].get<double>(), 0.475 / 0.9, 1e-12);
  EXPECT_EQ(a["winners"], json({"yes"}));
  EXPECT_NEAR(b["shares"]["yes"].get<double>(), 0.475, 1e-12);
  EXPECT_EQ(b["winners"], json::array());
  EXPECT_NEAR(b["colleges"][2]["effective_weight"].get<double>(), 0, 1e-12);
}

// A college whose ballots all abstain is empty when abstentions are excluded.
TEST(CollegeWeightingTest, ACollegeThatOnlyAbstainsIsEmptyWhenAbstentionsAreExcluded) {
  json ballots = BaseBallots();
  ballots[4] = Ballot("supporters", "abstain", 2);
  const json excluded = TallyOf(Scic(Colleges(0.5, 0.4, 0.1), ballots));
  json counted_in = Scic(Colleges(0.5, 0.4, 0.1), ballots);
  counted_in["abstentions"] = "counted";
  const json counted = TallyOf(counted_in);
  EXPECT_NEAR(excluded["shares"]["yes"].get<double>(), 0.475 / 0.9, 1e-12);
  EXPECT_NEAR(counted["shares"]["yes"].get<double>(), 0.475, 1e-12);
}

TEST(CollegeWeightingTest, ApplyCollegesIsIdempotent) {
  auto input = ParseTallyInput(Scic(Colleges(0.5, 0.4, 0.1), BaseBallots()));
  ASSERT_TRUE(input.ok());
  const double w = input->ballots[0].weight;
  EXPECT_NEAR(w, 0.5 / 4, 1e-12);
  ASSERT_TRUE(ApplyColleges(*input).ok());
  EXPECT_DOUBLE_EQ(input->ballots[0].weight, w);
}

json Quebec(json colleges, json ballots) {
  return {{"method", "single_choice"},
          {"preset", "qc_solidarity"},
          {"options", {"yes", "no"}},
          {"colleges", std::move(colleges)},
          {"ballots", std::move(ballots)}};
}

TEST(QuebecSolidarityTest, NeedsTwoOfTheThreeCategories) {
  EXPECT_EQ(ErrorOf(Quebec({{{"name", "user"}}}, json::array())),
            "colleges: a solidarity co-operative has at least 2 of the member categories user, "
            "worker, supporting (CQLR c. C-67.2); 1 declared");
  EXPECT_EQ(ErrorOf(Quebec({{{"name", "user"}}, {{"name", "investor"}}}, json::array())),
            "colleges[1].name: 'investor' is not a member category of a solidarity "
            "co-operative; give user, worker or supporting (CQLR c. C-67.2)");
  EXPECT_EQ(
      ErrorOf(Quebec({{{"name", "user"}, {"weight", 0.5}}, {{"name", "worker"}}}, json::array())),
      "colleges[0].weight: a solidarity co-operative votes one member one vote (CQLR c. "
      "C-67.2); categories carry no weight, drop the weight");
}

TEST(QuebecSolidarityTest, RefusesProxiesAndPluralVotes) {
  const json categories = {{{"name", "user"}}, {{"name", "worker"}}};
  json in = Quebec(categories, {{{"college", "user"}, {"choice", "yes"}, {"proxy_for", {"m7"}}}});
  EXPECT_EQ(ErrorOf(in),
            "ballots[0].proxy_for: a solidarity co-operative allows no proxies "
            "(CQLR c. C-67.2)");
  in["max_proxies"] = 1;
  EXPECT_EQ(ErrorOf(in),
            "max_proxies: a solidarity co-operative allows no proxies (CQLR c. "
            "C-67.2); give 0");
  EXPECT_EQ(ErrorOf(Quebec(categories, {{{"college", "user"}, {"choice", "yes"}, {"votes", 2}}})),
            "ballots[0].votes: 2 votes; preset qc_solidarity is one member one vote; give "
            "votes 1");
}

// One member one vote: 1 worker yes against 3 users no is 1/4 yes, whatever the categories.
TEST(QuebecSolidarityTest, CountsOneMemberOneVote) {
  const json result = TallyOf(Quebec({{{"name", "user"}}, {{"name", "worker"}}},
                                     {Ballot("worker", "yes", 1), Ballot("user", "no", 3)}));
  EXPECT_NEAR(result["shares"]["yes"].get<double>(), 0.25, 1e-12);
  EXPECT_EQ(result["winners"], json({"no"}));
  EXPECT_EQ(result["colleges"][1]["ballots"], 1);
}

TEST(ItalianCoopTest, CapsPluralVotesAtFive) {
  json in = {{"method", "single_choice"},
             {"preset", "it_coop"},
             {"options", {"yes", "no"}},
             {"ballots", {{{"choice", "yes"}, {"votes", 5}}, {{"choice", "no"}, {"count", 4}}}}};
  const json result = TallyOf(in);
  EXPECT_EQ(result["winners"], json({"yes"}));
  EXPECT_NEAR(result["shares"]["yes"].get<double>(), 5.0 / 9, 1e-12);
  in["ballots"][0]["votes"] = 6;
  EXPECT_EQ(ErrorOf(in),
            "ballots[0].votes: 6 votes; a legal person holds at most 5 votes under "
            "the Italian rules");
}

TEST(ProxyTest, AProxyHolderVotesForTheMembersRepresented) {
  const json in = {
      {"method", "single_choice"},
      {"max_proxies", 2},
      {"options", {"yes", "no"}},
      {"ballots",
       {{{"choice", "yes"}, {"proxy_for", {"m1", "m2"}}}, {{"choice", "no"}, {"count", 2}}}}};
  const json result = TallyOf(in);
  EXPECT_NEAR(result["shares"]["yes"].get<double>(), 0.6, 1e-12);
  auto input = ParseTallyInput(in);
  ASSERT_TRUE(input.ok());
  const json summary = BallotSummary(*input);
  EXPECT_EQ(summary["cast"], 3);
  EXPECT_EQ(summary["proxies"], 2);
  EXPECT_EQ(summary["represented"], 5);
}

}  // namespace
}  // namespace ecosol::participation
