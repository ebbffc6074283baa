#pragma once

// Match funding of a campaign (docs/finance.md ("Funds, capital stacks and match funding"); issue 8
// point 4; DOMAIN.md section 5, "Match-funding rules in use"): a funder adds money to what backers
// pledge, under a rule made of clauses.
//
//   auto rule = ParseMatchRule(json::parse(R"({"id": "half-match", "source": "...", "clauses": [
//       {"kind": "ratio", "match_per_unit": 0.5},
//       {"kind": "cap", "amount": 500000},
//       {"kind": "release_trigger", "share_of_target": 0.25, "min_backers": 10}]})"));
//   auto campaign = ParseCampaign(json::parse(R"({"id": "bakery", "target": 2000000,
//       "deadline": "2026-06-30", "pledges": [{"backer": "ana", "amount": 10000,
//       "date": "2026-05-02"}]})"));
//   auto m = EvaluateMatch(*campaign, *rule, "2026-05-10");
//   m->released;        // false: 100.00 of the 5000.00 needed, 1 backer of 10
//   m->owed_now;        // 0
//   MatchResultToJson(*m);
//
// Clause kinds (each at most once; `ratio` required):
//   ratio            {"match_per_unit": r}: the match is r per unit pledged (1 = 1:1, 0.5 = 50%)
//   cap              {"amount": c}: the match is at most c cents
//   budget_share     {"max_share": s}: the match is at most s of the campaign's budget (0.75)
//   release_trigger  {"share_of_target": p, "min_backers": n}: nothing is released until the
//                    backers' pledges reach p of the target and come from at least n backers
//   all_or_nothing   {"match_counts": b}: if the target is missed at the deadline, backers are
//                    refunded and no match is paid; b says whether the match counts towards the
//                    target (default false: backers alone must reach it)
// Money is integer cents; dates are "YYYY-MM-DD". Errors name the path and the fix:
// "match rule 'x': clauses[1]: unknown kind 'bonus'; use one of ratio, cap, ...".
// Pure functions over value types; thread safety: none needed.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::finance {

struct Pledge {
  std::string backer;
  std::int64_t amount = 0;  // cents, > 0
  std::string date;         // YYYY-MM-DD, on or before the deadline
};

struct Campaign {
  std::string id;
  std::int64_t target = 0;  // cents, > 0
  std::int64_t budget = 0;  // cents; the project's budget, defaults to the target
  std::string deadline;     // YYYY-MM-DD, the last day pledges count
  std::vector<Pledge> pledges;
};

struct ReleaseTrigger {
  double share_of_target = 0.0;  // of the target, from backers' pledges (0.25)
  int min_backers = 0;           // distinct backers
};

struct MatchRule {
  std::string id;
  std::string source;                      // where the rule comes from
  double match_per_unit = 1.0;             // ratio clause
  std::optional<std::int64_t> cap;         // cents
  std::optional<double> max_budget_share;  // of the budget
  std::optional<ReleaseTrigger> trigger;
  bool all_or_nothing = false;
  bool match_counts_towards_target = false;  // with all_or_nothing
};

// {"id", "target", "budget"?, "deadline", "pledges": [{"backer", "amount", "date"}]}. Rejects a
// target of 0, a pledge of 0 or less, a bad date, a pledge after the deadline.
Result<Campaign> ParseCampaign(const nlohmann::json& doc);
// {"id", "source"?, "clauses": [{"kind", ...}]}; see the clause kinds above.
Result<MatchRule> ParseMatchRule(const nlohmann::json& doc);

// Why the match is not released (yet).
struct Blocker {
  std::string kind;         // "share_of_target", "min_backers", "all_or_nothing"
  std::int64_t needed = 0;  // cents, or backers for min_backers
  std::int64_t have = 0;
  std::string why;  // in words
};

struct MatchResult {
  std::string campaign_id;
  std::string rule_id;
  std::string as_of;
  std::int64_t raised = 0;        // backers' pledges dated on or before as_of
  int backers = 0;                // distinct backers among them
  std::int64_t match_earned = 0;  // by the ratio, caps and budget share, before any release
  std::string limited_by;         // "ratio", "cap" or "budget_share"
  bool released = false;          // the release trigger is met (true without one)
  std::int64_t owed_now = 0;      // match the funder owes at as_of
  std::vector<Blocker> blockers;  // empty when the match is owed in full now
  // At the deadline: final when as_of is on or after it, otherwise a projection with the pledges
  // known at as_of.
  bool deadline_passed = false;
  bool target_reached = false;
  std::string outcome;  // "funded" (target reached), "short" (missed, keeps what was raised),
                        // "failed" (all-or-nothing missed: refunded)
  std::int64_t match_at_deadline = 0;
  std::int64_t collected_at_deadline = 0;  // backers' money the campaign keeps
  std::int64_t refunded_at_deadline = 0;
};

// Evaluates `rule` on `campaign` at the date `as_of` (YYYY-MM-DD; pledges dated later are left
// out). Formulas, in order (docs/finance.md ("Funds, capital stacks and match funding"), "Match
// rules"):
//   earned   = min(floor(raised * match_per_unit), cap, floor(budget * max_share))
//   released = raised >= ceil(target * share_of_target) and backers >= min_backers
//   owed_now = earned if released and (not all-or-nothing or the deadline has passed with the
//              target reached), else 0.
Result<MatchResult> EvaluateMatch(const Campaign& campaign, const MatchRule& rule,
                                  std::string_view as_of);

nlohmann::json CampaignToJson(const Campaign& campaign);
nlohmann::json MatchRuleToJson(const MatchRule& rule);
nlohmann::json MatchResultToJson(const MatchResult& result);

}  // namespace ecosol::finance
