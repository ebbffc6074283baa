// Match-funding rules and their evaluation on a campaign (match.h).
//
// The rules are those in use listed in DOMAIN.md section 5 ("Match-funding rules in use": 1:1 up
// to a cap; at most 75% of a budget; 50% match capped, released once 25% of the target comes
// from a minimum number of backers; all-or-nothing campaigns), made of clauses so that each of
// them, and their combinations, can be written as data. Match funding (co-funding between
// citizens and institutions that doubles individual contributions) is described on Goteo by
// Senabre and Fuster Morell, "Match-funding as a formula for crowdfunding", OpenSym 2018.

#include "ecosol/finance/match.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "ecosol/base/dates.h"
#include "fund_amounts.h"

namespace ecosol::finance {
namespace {

using funds_internal::FormatCents;
using funds_internal::ReadCents;
using funds_internal::ReadNumber;
using funds_internal::ReadText;
using nlohmann::json;

constexpr std::string_view kKinds = "ratio, cap, budget_share, release_trigger, all_or_nothing";

Result<std::string> ReadDate(const json& obj, const std::string& key, const std::string& where) {
  auto date = ReadText(obj, key, where);
  if (!date.ok()) return date.status();
  if (!IsIsoDay(*date)) {
    return InvalidArgument(where + ": '" + key + "' must be a date written YYYY-MM-DD, got '" +
                           *date + "'");
  }
  return date;
}

Result<Pledge> ParsePledge(const json& p, const std::string& where, const std::string& deadline) {
  if (!p.is_object()) return InvalidArgument(where + ": expected a map {backer, amount, date}");
  auto backer = ReadText(p, "backer", where);
  auto amount = ReadCents(p, "amount", where);
  auto date = ReadDate(p, "date", where);
  for (const Status& s : {backer.status(), amount.status(), date.status()}) {
    ECOSOL_RETURN_IF_ERROR(s);
  }
  if (*amount == 0) return InvalidArgument(where + ": 'amount' must be more than 0 cents");
  if (*date > deadline) {
    return InvalidArgument(where + ": dated " + *date + ", after the deadline " + deadline +
                           "; leave it out or move the deadline");
  }
  return Pledge{*backer, *amount, *date};
}

Status ParseRatio(const json& c, const std::string& where, MatchRule& rule) {
  auto r = ReadNumber(c, "match_per_unit", where, 0.0, 100.0);
  if (!r.ok()) return r.status();
  rule.match_per_unit = *r;
  return Status::Ok();
}

Status ParseTrigger(const json& c, const std::string& where, MatchRule& rule) {
  auto share = ReadNumber(c, "share_of_target", where, 0.0, 1.0);
  auto backers = ReadNumber(c, "min_backers", where, 0.0, 1e6, 0.0);
  for (const Status& s : {share.status(), backers.status()}) ECOSOL_RETURN_IF_ERROR(s);
  if (*backers != static_cast<double>(static_cast<int>(*backers))) {
    return InvalidArgument(where + ": 'min_backers' must be a whole number");
  }
  rule.trigger = ReleaseTrigger{*share, static_cast<int>(*backers)};
  return Status::Ok();
}

Status ParseClause(const json& c, const std::string& where, MatchRule& rule) {
  auto kind = ReadText(c, "kind", where);
  if (!kind.ok()) return kind.status();
  if (*kind == "ratio") return ParseRatio(c, where, rule);
  if (*kind == "release_trigger") return ParseTrigger(c, where, rule);
  if (*kind == "cap") {
    auto cap = ReadCents(c, "amount", where);
    if (!cap.ok()) return cap.status();
    rule.cap = *cap;
    return Status::Ok();
  }
  if (*kind == "budget_share") {
    auto share = ReadNumber(c, "max_share", where, 0.0, 1.0);
    if (!share.ok()) return share.status();
    rule.max_budget_share = *share;
    return Status::Ok();
  }
  if (*kind == "all_or_nothing") {
    auto counts = c.find("match_counts");
    if (counts != c.end() && !counts->is_boolean()) {
      return InvalidArgument(where + ": 'match_counts' must be true or false");
    }
    rule.all_or_nothing = true;
    rule.match_counts_towards_target = counts != c.end() && counts->get<bool>();
    return Status::Ok();
  }
  return InvalidArgument(where + ": unknown kind '" + *kind + "'; use one of " +
                         std::string(kKinds));
}

// Backers' pledges dated on or before as_of, and how many distinct backers made them.
void CountPledges(const Campaign& campaign, MatchResult& m) {
  std::set<std::string> backers;
  for (const Pledge& p : campaign.pledges) {
    if (p.date > m.as_of) continue;
    m.raised += p.amount;
    backers.insert(p.backer);
  }
  m.backers = static_cast<int>(backers.size());
}

// earned = min(floor(raised * ratio), cap, floor(budget * max_share)): "1:1 up to a cap", "at
// most 75% of a budget", "50% match capped" (DOMAIN.md section 5). Rounded down to the cent so
// that the funder never owes more than the rule says. Ties name the earlier bound.
void EarnMatch(const Campaign& campaign, const MatchRule& rule, MatchResult& m) {
  m.match_earned = funds_internal::FloorTimes(m.raised, rule.match_per_unit);
  m.limited_by = "ratio";
  if (rule.cap && *rule.cap < m.match_earned) {
    m.match_earned = *rule.cap;
    m.limited_by = "cap";
  }
  if (rule.max_budget_share) {
    std::int64_t limit = funds_internal::FloorTimes(campaign.budget, *rule.max_budget_share);
    if (limit < m.match_earned) {
      m.match_earned = limit;
      m.limited_by = "budget_share";
    }
  }
}

// "released once 25% of the target comes from a minimum number of backers" (DOMAIN.md section
// 5): only backers' pledges count towards the share, and reaching it exactly is enough.
void ApplyTrigger(const Campaign& campaign, const MatchRule& rule, MatchResult& m) {
  m.released = true;
  if (!rule.trigger) return;
  std::int64_t needed = funds_internal::CeilTimes(campaign.target, rule.trigger->share_of_target);
  if (m.raised < needed) {
    m.released = false;
    m.blockers.push_back({"share_of_target", needed, m.raised,
                          "backers have pledged " + FormatCents(m.raised) + " of the " +
                              FormatCents(needed) + " needed (" +
                              json(rule.trigger->share_of_target).dump() + " of the target); " +
                              FormatCents(needed - m.raised) + " to go"});
  }
  if (m.backers < rule.trigger->min_backers) {
    m.released = false;
    int missing = rule.trigger->min_backers - m.backers;
    m.blockers.push_back({"min_backers", rule.trigger->min_backers, m.backers,
                          std::to_string(m.backers) + " backers of the " +
                              std::to_string(rule.trigger->min_backers) + " needed; " +
                              std::to_string(missing) + " more to go"});
  }
}

// The deadline (all-or-nothing campaigns: nothing if the target is missed, backers refunded;
// otherwise the campaign keeps what was raised). The deadline is the last day pledges count, so
// the outcome is final from that day on.
void Settle(const Campaign& campaign, const MatchRule& rule, MatchResult& m) {
  m.deadline_passed = m.as_of >= campaign.deadline;
  std::int64_t released_match = m.released ? m.match_earned : 0;
  std::int64_t towards = m.raised + (rule.match_counts_towards_target ? released_match : 0);
  m.target_reached = towards >= campaign.target;
  bool refunded = rule.all_or_nothing && !m.target_reached;
  m.outcome = m.target_reached ? "funded" : (refunded ? "failed" : "short");
  m.match_at_deadline = refunded ? 0 : released_match;
  m.collected_at_deadline = refunded ? 0 : m.raised;
  m.refunded_at_deadline = refunded ? m.raised : 0;
  bool waits = rule.all_or_nothing && (!m.deadline_passed || !m.target_reached);
  m.owed_now = waits ? 0 : released_match;
  if (!rule.all_or_nothing || (m.deadline_passed && m.target_reached)) return;
  std::string what =
      rule.match_counts_towards_target ? "pledges and released match" : "backers' pledges";
  m.blockers.push_back(
      {"all_or_nothing", campaign.target, towards,
       m.deadline_passed
           ? "the target was missed at the deadline " + campaign.deadline + " (" + what + ": " +
                 FormatCents(towards) + " of " + FormatCents(campaign.target) +
                 "): backers are refunded and no match is paid"
       : m.target_reached
           ? "all-or-nothing: the target is reached; the match is paid after the deadline " +
                 campaign.deadline
           : "all-or-nothing: the match is paid only if " + what + " reach the target " +
                 FormatCents(campaign.target) + " by " + campaign.deadline + "; " +
                 FormatCents(towards) + " so far"});
}

}  // namespace

Result<Campaign> ParseCampaign(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("campaign: expected a map {id, target, ...}");
  auto id = ReadText(doc, "id", "campaign");
  if (!id.ok()) return id.status();
  std::string where = "campaign '" + *id + "'";
  auto target = ReadCents(doc, "target", where);
  auto budget = ReadCents(doc, "budget", where, target.ok() ? *target : 0);
  auto deadline = ReadDate(doc, "deadline", where);
  for (const Status& s : {target.status(), budget.status(), deadline.status()}) {
    ECOSOL_RETURN_IF_ERROR(s);
  }
  if (*target == 0) return InvalidArgument(where + ": 'target' must be more than 0 cents");
  Campaign c{*id, *target, *budget, *deadline, {}};
  auto pledges = doc.find("pledges");
  if (pledges == doc.end() || !pledges->is_array()) {
    return InvalidArgument(where + ": needs 'pledges', a list (may be empty)");
  }
  for (size_t i = 0; i < pledges->size(); ++i) {
    auto p = ParsePledge((*pledges)[i], where + ": pledges[" + std::to_string(i) + "]", c.deadline);
    if (!p.ok()) return p.status();
    c.pledges.push_back(std::move(*p));
  }
  return c;
}

Result<MatchRule> ParseMatchRule(const json& doc) {
  if (!doc.is_object()) return InvalidArgument("match rule: expected a map {id, clauses}");
  auto id = ReadText(doc, "id", "match rule");
  if (!id.ok()) return id.status();
  std::string where = "match rule '" + *id + "'";
  auto source = ReadText(doc, "source", where, "");
  if (!source.ok()) return source.status();
  MatchRule rule;
  rule.id = *id;
  rule.source = *source;
  auto clauses = doc.find("clauses");
  if (clauses == doc.end() || !clauses->is_array()) {
    return InvalidArgument(where + ": needs 'clauses', a list of {kind, ...}");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < clauses->size(); ++i) {
    const json& c = (*clauses)[i];
    std::string at = where + ": clauses[" + std::to_string(i) + "]";
    if (!c.is_object()) return InvalidArgument(at + ": expected a map {kind, ...}");
    ECOSOL_RETURN_IF_ERROR(ParseClause(c, at, rule));
    if (!seen.insert(c.at("kind").get<std::string>()).second) {
      return InvalidArgument(at + ": a second '" + c.at("kind").get<std::string>() +
                             "' clause; merge them into one");
    }
  }
  if (!seen.count("ratio")) {
    return InvalidArgument(where +
                           ": needs a 'ratio' clause ({\"kind\": \"ratio\", "
                           "\"match_per_unit\": 1} for 1:1)");
  }
  return rule;
}

// The formulas of match.h, each from DOMAIN.md section 5 ("Match-funding rules in use").
Result<MatchResult> EvaluateMatch(const Campaign& campaign, const MatchRule& rule,
                                  std::string_view as_of) {
  if (!IsIsoDay(as_of)) {
    return InvalidArgument("as_of: must be a date written YYYY-MM-DD, got '" + std::string(as_of) +
                           "'");
  }
  MatchResult m;
  m.campaign_id = campaign.id;
  m.rule_id = rule.id;
  m.as_of = std::string(as_of);
  CountPledges(campaign, m);
  EarnMatch(campaign, rule, m);
  ApplyTrigger(campaign, rule, m);
  Settle(campaign, rule, m);
  return m;
}

}  // namespace ecosol::finance
