// The JSON form of campaigns, match rules and match results (match.h). Field names are stable:
// the HTTP API, the CLI and the campaign page read them. Amounts are integer cents.

#include "ecosol/finance/match.h"

namespace ecosol::finance {

using nlohmann::json;

json CampaignToJson(const Campaign& campaign) {
  json pledges = json::array();
  for (const Pledge& p : campaign.pledges) {
    pledges.push_back({{"backer", p.backer}, {"amount", p.amount}, {"date", p.date}});
  }
  return {{"id", campaign.id},
          {"target", campaign.target},
          {"budget", campaign.budget},
          {"deadline", campaign.deadline},
          {"pledges", std::move(pledges)}};
}

json MatchRuleToJson(const MatchRule& rule) {
  json clauses = json::array();
  clauses.push_back({{"kind", "ratio"}, {"match_per_unit", rule.match_per_unit}});
  if (rule.cap) clauses.push_back({{"kind", "cap"}, {"amount", *rule.cap}});
  if (rule.max_budget_share) {
    clauses.push_back({{"kind", "budget_share"}, {"max_share", *rule.max_budget_share}});
  }
  if (rule.trigger) {
    clauses.push_back({{"kind", "release_trigger"},
                       {"share_of_target", rule.trigger->share_of_target},
                       {"min_backers", rule.trigger->min_backers}});
  }
  if (rule.all_or_nothing) {
    clauses.push_back(
        {{"kind", "all_or_nothing"}, {"match_counts", rule.match_counts_towards_target}});
  }
  return {{"id", rule.id}, {"source", rule.source}, {"clauses", std::move(clauses)}};
}

json MatchResultToJson(const MatchResult& m) {
  json blockers = json::array();
  for (const Blocker& b : m.blockers) {
    blockers.push_back({{"kind", b.kind}, {"needed", b.needed}, {"have", b.have}, {"why", b.why}});
  }
  return {{"campaign", m.campaign_id},
          {"rule", m.rule_id},
          {"as_of", m.as_of},
          {"raised", m.raised},
          {"backers", m.backers},
          {"match_earned", m.match_earned},
          {"limited_by", m.limited_by},
          {"released", m.released},
          {"owed_now", m.owed_now},
          {"blockers", std::move(blockers)},
          {"deadline",
           {{"passed", m.deadline_passed},
            {"target_reached", m.target_reached},
            {"outcome", m.outcome},
            {"match", m.match_at_deadline},
            {"collected", m.collected_at_deadline},
            {"refunded", m.refunded_at_deadline}}}};
}

}  // namespace ecosol::finance
