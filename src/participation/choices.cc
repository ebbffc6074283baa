// Consent, single choice, approval, score and dot vote, with the ballot summary, the quorum and
// the threshold (choices.h; docs/participation.md). The ballots' weights come from
// ApplyColleges: with weighted colleges they sum to the colleges' weights (so a share is out of
// 1, the whole assembly); otherwise a share is out of the ballots that count.

#include "choices.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tie_order.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

constexpr double kEpsilon = 1e-9;

bool Weighted(const TallyInput& input) {
  return !input.colleges.empty() && input.preset != "qc_solidarity";
}

double Units(const Ballot& b) {
  return static_cast<double>(b.votes) * static_cast<double>(1 + b.proxy_for.size());
}

// What a ballot gives to each option (or, for consent, to each answer).
std::vector<std::pair<std::string, double>> Contributions(const Ballot& b, Method method) {
  std::vector<std::pair<std::string, double>> out;
  switch (method) {
    case Method::kConsent:
    case Method::kSingleChoice:
      if (!b.choice.empty()) out.emplace_back(b.choice, 1);
      break;
    case Method::kScore:
    case Method::kDotVote:
      for (const auto& [id, v] : b.scores) out.emplace_back(id, v);
      break;
    default:
      for (const std::string& id : b.approve) out.emplace_back(id, 1);
  }
  return out;
}

// Options by total (highest first), ties in the tie-break order.
std::vector<size_t> Ranking(const TallyInput& input, const std::map<std::string, double>& totals) {
  std::vector<size_t> order(input.options.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const std::vector<int> place = MakeTieOrder(input).place;
  auto total = [&](size_t i) {
    const auto it = totals.find(input.options[i].id);
    return it == totals.end() ? 0.0 : it->second;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (std::fabs(total(a) - total(b)) > kEpsilon) return total(a) > total(b);
    return place[a] < place[b];
  });
  return order;
}

// {"winners", "tie", "tie_break", "tied"} for the top `seats` options.
json Winners(const TallyInput& input, const std::map<std::string, double>& totals, int seats) {
  const std::vector<size_t> order = Ranking(input, totals);
  auto total = [&](size_t i) {
    const auto it = totals.find(input.options[order[i]].id);
    return it == totals.end() ? 0.0 : it->second;
  };
  const size_t k = std::min(order.size(), static_cast<size_t>(seats));
  json winners = json::array();
  for (size_t i = 0; i < k; ++i) winners.push_back(input.options[order[i]].id);
  json tied = json::array();
  if (k > 0 && k < order.size() && std::fabs(total(k - 1) - total(k)) <= kEpsilon) {
    for (size_t i = 0; i < order.size(); ++i) {
      if (std::fabs(total(i) - total(k - 1)) <= kEpsilon)
        tied.push_back(input.options[order[i]].id);
    }
  }
  const bool tie = !tied.empty();
  return {{"winners", winners},
          {"tie", tie},
          {"tied", tied},
          {"tie_break", tie ? json(MakeTieOrder(input).rule) : json(nullptr)}};
}

// Per option (or answer): the weighted total, the raw ballots and, per college, raw units.
struct Totals {
  std::map<std::string, double> weighted;
  std::map<std::string, long long> ballots;
  double denominator = 0;  // what a share is out of
};

Totals Count(const TallyInput& input) {
  Totals t;
  for (const Ballot& b : input.ballots) {
    const double w = static_cast<double>(b.count) * b.weight;
    t.denominator += w;
    for (const auto& [id, v] : Contributions(b, input.method)) {
      t.weighted[id] += w * v;
      t.ballots[id] += b.count;
    }
  }
  if (Weighted(input)) t.denominator = 1;
  return t;
}

double Share(const Totals& t, const std::string& id) {
  const auto it = t.weighted.find(id);
  return it == t.weighted.end() || t.denominator <= 0 ? 0 : it->second / t.denominator;
}

// Per college: ballots, the units counted, the raw totals and shares within the college, and
// the college's effective weight after the abstention and empty-college policies.
json CollegeDetails(const TallyInput& input) {
  json out = json::array();
  for (const College& c : input.colleges) {
    long long ballots = 0;
    double counted = 0, effective = 0;
    std::map<std::string, double> raw;
    for (const Ballot& b : input.ballots) {
      if (b.college != c.name) continue;
      ballots += b.count;
      effective += static_cast<double>(b.count) * b.weight;
      if (b.weight > 0) counted += static_cast<double>(b.count) * Units(b);
      for (const auto& [id, v] : Contributions(b, input.method)) {
        raw[id] += static_cast<double>(b.count) * Units(b) * v;
      }
    }
    json shares = json::object();
    for (const auto& [id, v] : raw) shares[id] = counted > 0 ? v / counted : 0;
    out.push_back({{"name", c.name},
                   {"weight", c.weight},
                   {"members", c.members},
                   {"ballots", ballots},
                   {"counted", counted},
                   {"effective_weight", effective},
                   {"totals", raw},
                   {"shares", shares}});
  }
  return out;
}

json Weighting(const TallyInput& input) {
  if (input.colleges.empty()) {
    return {{"rule", "one ballot, one vote (times its plural votes and proxies)"},
            {"abstentions", input.abstentions}};
  }
  if (!Weighted(input)) {
    return {{"rule", "one member one vote; categories are reported, not weighted (CQLR c. C-67.2)"},
            {"abstentions", input.abstentions}};
  }
  return {{"rule", "sum over colleges of weight x the share within the college"},
          {"abstentions", input.abstentions == "excluded"
                              ? "excluded: a college's share is among its non-blank ballots"
                              : "counted: a college's share is among all its ballots"},
          {"empty_colleges", input.empty_colleges == "redistribute"
                                 ? "redistribute: a college without counted ballots gives its "
                                   "weight to the others in proportion to their weights"
                                 : "zero: a college without counted ballots weighs nothing for "
                                   "any option, its weight stays in the total"}};
}

// The share that must pass the threshold: of the votes (weighted) or of the eligible voters.
double ThresholdShare(const TallyInput& input, const Totals& t, const std::string& id) {
  if (!input.threshold || !input.threshold->of_eligible) return Share(t, id);
  if (Weighted(input)) {
    double share = 0;
    for (const College& c : input.colleges) {
      double yes = 0;
      for (const Ballot& b : input.ballots) {
        if (b.college == c.name && b.choice == id) yes += static_cast<double>(b.count) * Units(b);
        if (b.college == c.name && input.method == Method::kApproval &&
            std::find(b.approve.begin(), b.approve.end(), id) != b.approve.end()) {
          yes += static_cast<double>(b.count) * Units(b);
        }
      }
      share += c.members > 0 ? c.weight * yes / static_cast<double>(c.members) : 0;
    }
    return share;
  }
  long long eligible = input.quorum.eligible;
  if (eligible == 0) {
    for (const College& c : input.colleges) eligible += c.members;
  }
  const auto it = t.weighted.find(id);
  const double yes = it == t.weighted.end() ? 0 : it->second;
  return eligible > 0 ? yes / static_cast<double>(eligible) : 0;
}

json ThresholdJson(const Threshold& th, double share) {
  const bool met = th.strictly_more ? share > th.share + kEpsilon : share >= th.share - kEpsilon;
  return {{"met", met},
          {"share", share},
          {"needed", th.share},
          {"strictly_more", th.strictly_more},
          {"of", th.of_eligible ? "eligible voters" : "votes cast"}};
}

json Base(const TallyInput& input, const Totals& t) {
  json shares = json::object();
  for (const auto& [id, v] : t.weighted) shares[id] = Share(t, id);
  json out = {{"method", std::string(ToString(input.method))},
              {"totals", t.weighted},
              {"counts", t.ballots},
              {"shares", shares},
              {"weighting", Weighting(input)},
              {"threshold", nullptr}};
  if (!input.colleges.empty()) out["colleges"] = CollegeDetails(input);
  return out;
}

// Any block blocks; otherwise the proposal passes when agree holds the threshold (default:
// strictly more than half of the votes that count).
json TallyConsent(const TallyInput& input) {
  const Totals t = Count(input);
  json out = Base(input, t);
  const Threshold th = input.threshold.value_or(Threshold{});
  out["threshold"] = ThresholdJson(th, ThresholdShare(input, t, "agree"));
  const auto blocks = t.ballots.find("block");
  const bool blocked = blocks != t.ballots.end() && blocks->second > 0;
  const bool passed = !blocked && out["threshold"]["met"].get<bool>();
  out["blocked"] = blocked;
  out["decision"] = blocked ? "blocked" : passed ? "adopted" : "rejected";
  out["rule"] =
      "any block blocks; otherwise adopted when the agree share meets the threshold (default: "
      "strictly more than 50% of the votes that count)";
  out["winners"] = passed ? json::array({input.options.front().id}) : json::array();
  out["tie"] = false;
  out["tie_break"] = nullptr;
  return out;
}

json TallyRanking(const TallyInput& input) {
  const Totals t = Count(input);
  json out = Base(input, t);
  out.update(Winners(input, t.weighted, input.seats));
  if (input.method == Method::kScore) {
    double voting = 0;  // the weight of the ballots that scored something
    for (const Ballot& b : input.ballots) {
      if (!b.scores.empty()) voting += static_cast<double>(b.count) * b.weight;
    }
    json means = json::object();
    for (const auto& [id, v] : t.weighted) means[id] = voting > 0 ? v / voting : 0;
    out["means"] = means;
    out["rule"] = "highest sum of scores (an option a ballot does not score gets 0 from it)";
  }
  if (input.threshold && !out["winners"].empty()) {
    const std::string top = out["winners"][0].get<std::string>();
    out["threshold"] = ThresholdJson(*input.threshold, ThresholdShare(input, t, top));
    if (!out["threshold"]["met"].get<bool>()) {
      out["winners"] = json::array();
      out["decision"] = "no option reached the threshold";
    }
  }
  return out;
}

}  // namespace

Result<json> TallyChoices(const TallyInput& input) {
  if (input.options.empty()) return InvalidArgument("options: nothing to vote on");
  switch (input.method) {
    case Method::kConsent:
      return TallyConsent(input);
    case Method::kSingleChoice:
    case Method::kApproval:
    case Method::kScore:
    case Method::kDotVote:
      return TallyRanking(input);
    default:
      return InvalidArgument("method: " + std::string(ToString(input.method)) +
                             " is not tallied by TallyChoices");
  }
}

json BallotSummary(const TallyInput& input) {
  json by_channel = {{"online", 0}, {"paper", 0}, {"in_person", 0}};
  json by_college = json::object();
  for (const College& c : input.colleges) by_college[c.name] = 0;
  long long cast = 0, proxies = 0, represented = 0;
  for (const Ballot& b : input.ballots) {
    cast += b.count;
    by_channel[b.channel] = by_channel.value(b.channel, 0LL) + b.count;
    if (!b.college.empty()) by_college[b.college] = by_college.value(b.college, 0LL) + b.count;
    proxies += static_cast<long long>(b.proxy_for.size()) * b.count;
    represented += static_cast<long long>(1 + b.proxy_for.size()) * b.count;
  }
  return {{"cast", cast},
          {"by_channel", by_channel},
          {"by_college", by_college},
          {"proxies", proxies},
          {"represented", represented}};
}

json QuorumResult(const TallyInput& input) {
  const json summary = BallotSummary(input);
  const long long represented = summary["represented"].get<long long>();
  const Quorum& q = input.quorum;
  int colleges_voting = 0;
  for (const auto& [name, n] : summary["by_college"].items()) colleges_voting += n > 0 ? 1 : 0;
  json conditions = json::array();
  bool met = true;
  auto add = [&](const char* rule, double needed, double actual) {
    const bool ok = actual >= needed - kEpsilon;
    met = met && ok;
    conditions.push_back({{"rule", rule}, {"needed", needed}, {"actual", actual}, {"met", ok}});
  };
  if (q.min_ballots > 0) {
    add("min_ballots", static_cast<double>(q.min_ballots), static_cast<double>(represented));
  }
  if (q.min_share_of_eligible > 0 && q.eligible > 0) {
    add("min_share_of_eligible", q.min_share_of_eligible,
        static_cast<double>(represented) / static_cast<double>(q.eligible));
  }
  if (q.min_colleges > 0) add("min_colleges", q.min_colleges, colleges_voting);
  return {{"met", met},
          {"cast", summary["cast"]},
          {"represented", represented},
          {"by_channel", summary["by_channel"]},
          {"colleges_voting", colleges_voting},
          {"needed",
           {{"min_ballots", q.min_ballots},
            {"min_share_of_eligible", q.min_share_of_eligible},
            {"eligible", q.eligible},
            {"min_colleges", q.min_colleges}}},
          {"conditions", conditions},
          {"rule",
           "every channel (online, paper, in person) merged; a member represented by "
           "proxy counts as present"}};
}

}  // namespace ecosol::participation
