#include "ecosol/finance/match.h"

#include <gtest/gtest.h>

namespace ecosol::finance {
namespace {

using nlohmann::json;

MatchRule Rule(const std::string& clauses) {
  auto rule = ParseMatchRule(
      json::parse(R"({"id": "r", "source": "DOMAIN.md section 5", "clauses": )" + clauses + "}"));
  EXPECT_TRUE(rule.ok()) << rule.status().message();
  return rule.ok() ? *rule : MatchRule{};
}

// A campaign with a target of 10000.00 (cents), budget = target unless given, deadline June 30.
Campaign MakeCampaign(const std::string& pledges, std::int64_t target = 1000000,
                      std::int64_t budget = 0) {
  json doc = {{"id", "bakery"},
              {"target", target},
              {"deadline", "2026-06-30"},
              {"pledges", json::parse(pledges)}};
  if (budget > 0) doc["budget"] = budget;
  auto c = ParseCampaign(doc);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : Campaign{};
}

MatchResult Evaluate(const Campaign& c, const MatchRule& r, std::string_view as_of = "2026-06-01") {
  auto m = EvaluateMatch(c, r, as_of);
  EXPECT_TRUE(m.ok()) << m.status().message();
  return m.ok() ? *m : MatchResult{};
}

// "1:1 up to a cap" (DOMAIN.md section 5), cap 3000.00.
TEST(MatchTest, OneToOneUpToCap) {
  MatchRule rule = Rule(R"([{"kind": "ratio", "match_per_unit": 1},
                            {"kind": "cap", "amount": 300000}])");
  MatchResult under =
      Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 120000, "date": "2026-05-01"},
      {"backer": "b", "amount": 80000, "date": "2026-05-02"}])"),
               rule);
  EXPECT_EQ(under.raised, 200000);
  EXPECT_EQ(under.backers, 2);
  EXPECT_EQ(under.match_earned, 200000);
  EXPECT_EQ(under.limited_by, "ratio");
  EXPECT_TRUE(under.released);
  EXPECT_EQ(under.owed_now, 200000);
  EXPECT_TRUE(under.blockers.empty());

  MatchResult over =
      Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 450000, "date": "2026-05-01"}])"), rule);
  EXPECT_EQ(over.match_earned, 300000);
  EXPECT_EQ(over.limited_by, "cap");
  EXPECT_EQ(over.owed_now, 300000);
  // Not all-or-nothing: a missed target keeps what was raised and the match.
  EXPECT_FALSE(over.deadline_passed);
  EXPECT_EQ(over.outcome, "short");
  EXPECT_EQ(over.match_at_deadline, 300000);
  EXPECT_EQ(over.collected_at_deadline, 450000);
  EXPECT_EQ(over.refunded_at_deadline, 0);
}

// "At most 75% of a budget": budget 4000.00, so at most 3000.00 whatever is pledged.
TEST(MatchTest, AtMostShareOfBudget) {
  MatchRule rule = Rule(R"([{"kind": "ratio", "match_per_unit": 1},
                            {"kind": "budget_share", "max_share": 0.75}])");
  MatchResult m = Evaluate(
      MakeCampaign(R"([{"backer": "a", "amount": 350000, "date": "2026-05-01"}])", 500000, 400000),
      rule);
  EXPECT_EQ(m.match_earned, 300000);
  EXPECT_EQ(m.limited_by, "budget_share");
  EXPECT_EQ(m.owed_now, 300000);
  EXPECT_EQ(m.outcome, "short");  // 3500.00 of 5000.00 from backers
}

// "50% match capped, released once 25% of the target comes from a minimum number of backers":
// 50%, cap 1000.00, 25% of 10000.00 = 2500.00 from at least 3 backers.
MatchRule HalfMatch() {
  return Rule(R"([{"kind": "ratio", "match_per_unit": 0.5}, {"kind": "cap", "amount": 100000},
                  {"kind": "release_trigger", "share_of_target": 0.25, "min_backers": 3}])");
}

TEST(MatchTest, HalfMatchReleasedAtExactlyTwentyFivePercent) {
  MatchResult m = Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 100000, "date": "2026-05-01"},
      {"backer": "b", "amount": 100000, "date": "2026-05-02"},
      {"backer": "c", "amount": 50000, "date": "2026-05-03"}])"),
                           HalfMatch());
  EXPECT_EQ(m.raised, 250000);
  EXPECT_TRUE(m.released);
  EXPECT_EQ(m.match_earned, 100000);  // 50% of 2500.00 = 1250.00, capped at 1000.00
  EXPECT_EQ(m.limited_by, "cap");
  EXPECT_EQ(m.owed_now, 100000);
  EXPECT_TRUE(m.blockers.empty());
}

TEST(MatchTest, HalfMatchOneCentShort) {
  MatchResult m = Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 100000, "date": "2026-05-01"},
      {"backer": "b", "amount": 100000, "date": "2026-05-02"},
      {"backer": "c", "amount": 49999, "date": "2026-05-03"}])"),
                           HalfMatch());
  EXPECT_FALSE(m.released);
  EXPECT_EQ(m.match_earned, 100000);
  EXPECT_EQ(m.owed_now, 0);
  EXPECT_EQ(m.match_at_deadline, 0);
  ASSERT_EQ(m.blockers.size(), 1u);
  EXPECT_EQ(m.blockers[0].kind, "share_of_target");
  EXPECT_EQ(m.blockers[0].needed, 250000);
  EXPECT_EQ(m.blockers[0].have, 249999);
  EXPECT_EQ(m.blockers[0].why,
            "backers have pledged 2499.99 of the 2500.00 needed (0.25 of the target); 0.01 to go");
}

TEST(MatchTest, HalfMatchOneBackerShortCountsBackersOnce) {
  // 2500.00 raised, but "a" pledged twice: 2 distinct backers of the 3 needed.
  MatchResult m = Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 100000, "date": "2026-05-01"},
      {"backer": "a", "amount": 50000, "date": "2026-05-04"},
      {"backer": "b", "amount": 100000, "date": "2026-05-02"}])"),
                           HalfMatch());
  EXPECT_EQ(m.raised, 250000);
  EXPECT_EQ(m.backers, 2);
  EXPECT_FALSE(m.released);
  EXPECT_EQ(m.owed_now, 0);
  ASSERT_EQ(m.blockers.size(), 1u);
  EXPECT_EQ(m.blockers[0].kind, "min_backers");
  EXPECT_EQ(m.blockers[0].why, "2 backers of the 3 needed; 1 more to go");
  json out = MatchResultToJson(m);
  EXPECT_EQ(out["blockers"][0]["needed"], 3);
  EXPECT_EQ(out["released"], false);
}

TEST(MatchTest, PledgesAfterAsOfAreNotCountedYet) {
  Campaign c = MakeCampaign(R"([{"backer": "a", "amount": 100000, "date": "2026-05-01"},
      {"backer": "b", "amount": 100000, "date": "2026-05-02"},
      {"backer": "c", "amount": 50000, "date": "2026-06-10"}])");
  MatchResult before = Evaluate(c, HalfMatch(), "2026-06-09");
  EXPECT_EQ(before.raised, 200000);
  EXPECT_EQ(before.blockers.size(), 2u);  // share and backers
  EXPECT_TRUE(Evaluate(c, HalfMatch(), "2026-06-10").released);
}

MatchRule AllOrNothing(bool match_counts = false) {
  return Rule(std::string(R"([{"kind": "ratio", "match_per_unit": 1},
                              {"kind": "all_or_nothing", "match_counts": )") +
              (match_counts ? "true" : "false") + "}]");
}

TEST(MatchTest, AllOrNothingBeforeDeadlineOwesNothingYet) {
  MatchResult m =
      Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 60000, "date": "2026-05-01"}])", 100000),
               AllOrNothing());
  EXPECT_EQ(m.match_earned, 60000);
  EXPECT_EQ(m.owed_now, 0);
  EXPECT_FALSE(m.deadline_passed);
  EXPECT_EQ(m.outcome, "failed");  // if the deadline came now
  EXPECT_EQ(m.refunded_at_deadline, 60000);
  ASSERT_EQ(m.blockers.size(), 1u);
  EXPECT_EQ(m.blockers[0].why,
            "all-or-nothing: the match is paid only if backers' pledges reach the target 1000.00 "
            "by 2026-06-30; 600.00 so far");
}

TEST(MatchTest, AllOrNothingReachedExactlyAtDeadline) {
  Campaign c = MakeCampaign(R"([{"backer": "a", "amount": 60000, "date": "2026-05-01"},
      {"backer": "b", "amount": 40000, "date": "2026-06-30"}])",
                            100000);
  MatchResult m = Evaluate(c, AllOrNothing(), "2026-06-30");
  EXPECT_TRUE(m.deadline_passed);
  EXPECT_TRUE(m.target_reached);
  EXPECT_EQ(m.outcome, "funded");
  EXPECT_EQ(m.owed_now, 100000);
  EXPECT_EQ(m.collected_at_deadline, 100000);
  EXPECT_TRUE(m.blockers.empty());
  // Reached before the deadline: the match waits for it.
  Campaign reached =
      MakeCampaign(R"([{"backer": "a", "amount": 100000, "date": "2026-05-01"}])", 100000);
  MatchResult early = Evaluate(reached, AllOrNothing(), "2026-06-01");
  EXPECT_EQ(early.owed_now, 0);
  EXPECT_EQ(early.outcome, "funded");
  EXPECT_EQ(early.match_at_deadline, 100000);
  ASSERT_EQ(early.blockers.size(), 1u);
  EXPECT_EQ(early.blockers[0].why,
            "all-or-nothing: the target is reached; the match is paid after the deadline "
            "2026-06-30");
}

TEST(MatchTest, AllOrNothingMissedRefundsEverything) {
  MatchResult m =
      Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 99999, "date": "2026-05-01"}])", 100000),
               AllOrNothing(), "2026-07-01");
  EXPECT_TRUE(m.deadline_passed);
  EXPECT_EQ(m.outcome, "failed");
  EXPECT_EQ(m.owed_now, 0);
  EXPECT_EQ(m.match_at_deadline, 0);
  EXPECT_EQ(m.collected_at_deadline, 0);
  EXPECT_EQ(m.refunded_at_deadline, 99999);
  ASSERT_EQ(m.blockers.size(), 1u);
  EXPECT_EQ(m.blockers[0].why,
            "the target was missed at the deadline 2026-06-30 (backers' pledges: 999.99 of "
            "1000.00): backers are refunded and no match is paid");
}

TEST(MatchTest, AllOrNothingWithMatchCountingTowardsTarget) {
  // 500.00 pledged + 500.00 matched 1:1 = the 1000.00 target.
  MatchResult m =
      Evaluate(MakeCampaign(R"([{"backer": "a", "amount": 50000, "date": "2026-05-01"}])", 100000),
               AllOrNothing(true), "2026-06-30");
  EXPECT_TRUE(m.target_reached);
  EXPECT_EQ(m.owed_now, 50000);
  EXPECT_EQ(MatchResultToJson(m)["deadline"]["outcome"], "funded");
}

std::string RuleError(const std::string& clauses) {
  auto rule = ParseMatchRule(json::parse(R"({"id": "r", "clauses": )" + clauses + "}"));
  EXPECT_FALSE(rule.ok());
  return rule.ok() ? "" : rule.status().message();
}

TEST(MatchTest, BadRulesAreRefusedWithTheFix) {
  EXPECT_EQ(RuleError(R"([{"kind": "ratio", "match_per_unit": 1}, {"kind": "bonus"}])"),
            "match rule 'r': clauses[1]: unknown kind 'bonus'; use one of ratio, cap, "
            "budget_share, release_trigger, all_or_nothing");
  EXPECT_EQ(RuleError(R"([{"kind": "cap", "amount": 100}])"),
            "match rule 'r': needs a 'ratio' clause ({\"kind\": \"ratio\", \"match_per_unit\": 1} "
            "for 1:1)");
  EXPECT_EQ(RuleError(R"([{"kind": "ratio", "match_per_unit": 1}, {"kind": "cap", "amount": 1},
                          {"kind": "cap", "amount": 2}])"),
            "match rule 'r': clauses[2]: a second 'cap' clause; merge them into one");
  EXPECT_NE(RuleError(R"([{"kind": "ratio", "match_per_unit": 1}, {"kind": "cap", "amount": -1}])")
                .find("clauses[1]: 'amount' must be a whole number of cents"),
            std::string::npos);
  EXPECT_NE(RuleError(R"([{"kind": "ratio", "match_per_unit": 1},
      {"kind": "release_trigger", "share_of_target": 25}])")
                .find("(5% is written 0.05), got 25"),
            std::string::npos);
  EXPECT_EQ(RuleError(R"([{"kind": "ratio", "match_per_unit": 1},
      {"kind": "release_trigger", "share_of_target": 0.25, "min_backers": 2.5}])"),
            "match rule 'r': clauses[1]: 'min_backers' must be a whole number");
}

std::string CampaignError(const std::string& pledges, const std::string& deadline = "2026-06-30",
                          std::int64_t target = 1000) {
  auto c = ParseCampaign({{"id", "bakery"},
                          {"target", target},
                          {"deadline", deadline},
                          {"pledges", json::parse(pledges)}});
  EXPECT_FALSE(c.ok());
  return c.ok() ? "" : c.status().message();
}

TEST(MatchTest, BadCampaignsAreRefusedWithTheFix) {
  EXPECT_EQ(CampaignError(R"([{"backer": "a", "amount": -100, "date": "2026-05-01"}])"),
            "campaign 'bakery': pledges[0]: 'amount' must be a whole number of cents from 0 to "
            "1000000000000000 (1500.00 is written 150000), got -100");
  EXPECT_EQ(CampaignError(R"([{"backer": "a", "amount": 0, "date": "2026-05-01"}])"),
            "campaign 'bakery': pledges[0]: 'amount' must be more than 0 cents");
  EXPECT_EQ(CampaignError(R"([{"backer": "a", "amount": 5, "date": "2026-07-01"}])"),
            "campaign 'bakery': pledges[0]: dated 2026-07-01, after the deadline 2026-06-30; "
            "leave it out or move the deadline");
  EXPECT_EQ(CampaignError("[]", "2026-02-30"),
            "campaign 'bakery': 'deadline' must be a date written YYYY-MM-DD, got '2026-02-30'");
  EXPECT_EQ(CampaignError("[]", "2026-06-30", 0),
            "campaign 'bakery': 'target' must be more than 0 cents");
  auto m = EvaluateMatch(MakeCampaign("[]"), HalfMatch(), "June 1");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().message(), "as_of: must be a date written YYYY-MM-DD, got 'June 1'");
}

TEST(MatchTest, DatesAndRoundTrip) {
  json rule = MatchRuleToJson(HalfMatch());
  rule["id"] = "r";
  auto again = ParseMatchRule(rule);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(MatchRuleToJson(*again), MatchRuleToJson(HalfMatch()));
  EXPECT_EQ(CampaignToJson(MakeCampaign("[]"))["budget"], 1000000);
}

}  // namespace
}  // namespace ecosol::finance
