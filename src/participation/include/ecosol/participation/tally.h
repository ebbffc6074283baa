#pragma once

// Tallies of democratic decisions (docs/participation.md): consent, single choice, approval,
// score, dot vote, Borda, instant-runoff, Schulze, single transferable vote with seats reserved
// per category, and participatory budgeting (greedy by votes, Method of Equal Shares), with
// stakeholder colleges weighted as the law of a preset requires, a quorum and a threshold.
//
//   auto input = ParseTallyInput(json::parse(R"({"method": "schulze",
//       "options": ["A", "B", "C"], "ballots": [{"ranking": ["A", "C", "B"], "count": 5}]})"));
//   auto result = Tally(*input);   // {"method", "winners", "pairwise", "strongest_paths", ...}
//
// The input is the issue's JSON form: {"method", "options": [id or {"id", "name"?, "cost"?,
// "category"?}], "ballots": [{"ranking"|"approve"|"scores"|"choice", "college"?, "count"?,
// "channel"?}], "seats"?, "budget"?, "colleges"?: [{"name", "weight", "members"?}], "preset"?,
// "quorum"?, "threshold"?, ...}. Ballots of every channel (online, paper, in person) are merged
// under one quorum.
//
// Errors are values: InvalidArgument naming the field, what was expected and how to fix it
// ("ballots[3].ranking[1]: 'D' is not an option (options: A, B, C)"). A tie is a result, broken
// by each method's documented rule and reported as such. Thread safety: pure functions.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::participation {

enum class Method {
  kConsent,        // agree / abstain / disagree / block
  kSingleChoice,   // one option per ballot (yes / no, or a choice among several)
  kApproval,       // any number of options approved
  kScore,          // a score per option, 0..score_max
  kDotVote,        // dots spread over options, at most `dots` per ballot
  kBorda,          // ranked
  kInstantRunoff,  // ranked
  kSchulze,        // ranked
  kStv,            // ranked, several seats, seats reserved per category
  kBudgetGreedy,   // approval ballots, options with costs, within a budget
  kEqualShares,    // approval ballots, Method of Equal Shares
};
// "consent", "single_choice", "approval", "score", "dot_vote", "borda", "instant_runoff",
// "schulze", "stv", "budget_greedy", "equal_shares".
std::string_view ToString(Method method);
std::optional<Method> ParseMethod(std::string_view name);
bool IsRanked(Method method);

struct Option {
  std::string id;
  std::string name;      // defaults to the id
  double cost = 0;       // participatory budgeting
  std::string category;  // STV with reserved seats
};

struct Ballot {
  std::string college;                   // empty: no college
  long long count = 1;                   // identical ballots
  std::string channel = "online";        // online | paper | in_person
  std::vector<std::string> ranking;      // ranked methods (a prefix: unranked options last)
  std::vector<std::string> approve;      // approval and budgeting
  std::map<std::string, double> scores;  // score and dot vote
  std::string choice;                    // consent (agree|abstain|disagree|block) and single
                                         // choice (an option id)
  // The weight of one of these ballots in the tally: 1, or what the colleges give it (set by
  // ApplyColleges from the colleges' weights; ranked methods multiply count by it).
  double weight = 1;
  // Added for the presets (docs/participation.md): the plural votes of a legal person
  // (1 for a natural person; it_coop caps them at 5, the other presets allow only 1) and the
  // members this voter also votes for by proxy (count must then be 1; each member at most once
  // over all ballots; at most TallyInput::max_proxies; none under qc_solidarity). Both multiply
  // the ballot's weight (ApplyColleges).
  long long votes = 1;
  std::vector<std::string> proxy_for;
};

struct College {
  std::string name;
  double weight = 0;      // a share of the votes, 0..1; the weights sum to 1
  long long members = 0;  // eligible voters (0: not given)
};

struct Quorum {
  long long min_ballots = 0;         // ballots cast (counts summed), every channel merged
  double min_share_of_eligible = 0;  // of `eligible`
  long long eligible = 0;            // the voter roll's size (0: not given)
  int min_colleges = 0;              // colleges with at least one ballot
};

struct Threshold {
  double share = 0.5;         // of the yes / agree (weighted) share
  bool strictly_more = true;  // more than `share` (majority), or at least `share`
  bool of_eligible = false;   // of the eligible voters instead of the votes cast
};

struct ReservedSeats {
  std::string category;
  int seats = 0;  // at least this many of the seats go to options of the category
};

struct TallyInput {
  Method method = Method::kSingleChoice;
  std::vector<Option> options;
  std::vector<Ballot> ballots;
  int seats = 1;
  double budget = 0;
  int score_max = 5;  // score: each score in 0..score_max
  int dots = 0;       // dot vote: at most this many dots per ballot (0: no limit)
  std::vector<College> colleges;
  std::string preset;  // "fr_scic", "qc_solidarity", "it_coop", or empty
  // How abstentions count in a college-weighted yes share: "excluded" (the share of yes among
  // yes and no) or "counted" (among every ballot of the college); stated in the result.
  std::string abstentions = "excluded";
  // A college with no ballot: "redistribute" (its weight shared among the others in
  // proportion to their weights) or "zero" (its weight counts as no votes for anything).
  std::string empty_colleges = "redistribute";
  Quorum quorum;
  std::optional<Threshold> threshold;
  std::vector<ReservedSeats> reserved;
  std::string tie_break_seed;  // public seed for a random tie-break, when the method uses one
  // Added for proxies: the most members one ballot may represent (0: no proxies).
  int max_proxies = 0;
};

// Reads the issue's JSON form; checks option ids, ballots against the method, colleges against
// the preset (FR SCIC: at least 3 colleges, each weight between 10% and 50%, weights summing to
// 100%; QC solidarity co-operative: at least 2 of the 3 categories user, worker, supporting,
// no proxies; IT: ...), counts > 0.
Result<TallyInput> ParseTallyInput(const nlohmann::json& in);

// Runs the method: {"method", "winners": [ids], "tie": bool, "tie_break": rule in words or
// null, "ballots": {"cast", "by_channel", "by_college"}, "quorum": {"met", "needed", "cast"},
// "threshold": {"met", "share", "needed"} or null, and the method's details ("rounds",
// "pairwise", "strongest_paths", "totals", "colleges"...)}.
Result<nlohmann::json> Tally(const TallyInput& input);
// The same without copying the ballots (a million ballots take most of a second to copy).
Result<nlohmann::json> Tally(TallyInput&& input);

}  // namespace ecosol::participation
