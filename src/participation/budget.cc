// Participatory budgeting (choices.h; docs/participation.md, "Participatory
// budgeting"): greedy by approval votes within the budget, and the Method of Equal Shares
// (Peters and Skowron; the approval variant of equalshares.net, where a project's "effective
// vote count" is its cost over the largest payment a supporter makes).
//
// Each ballot carries count x weight voter units (weights from ApplyColleges, so colleges and
// plural votes shape budgeting as they shape every other method). Equal shares gives every unit
// the same share of the budget; a voter of weight w holds w shares.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "choices.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;

constexpr double kEpsilon = 1e-9;

// Weighted approval votes per option, in the options' order.
std::vector<double> Votes(const TallyInput& input) {
  std::vector<double> votes(input.options.size(), 0);
  for (const Ballot& b : input.ballots) {
    for (size_t i = 0; i < input.options.size(); ++i) {
      if (std::find(b.approve.begin(), b.approve.end(), input.options[i].id) != b.approve.end()) {
        votes[i] += static_cast<double>(b.count) * b.weight;
      }
    }
  }
  return votes;
}

json Funded(const TallyInput& input, const std::vector<size_t>& funded,
            const std::vector<double>& votes) {
  json out = json::array();
  for (size_t i : funded) {
    out.push_back(
        {{"id", input.options[i].id}, {"cost", input.options[i].cost}, {"votes", votes[i]}});
  }
  return out;
}

json Output(const TallyInput& input, const std::vector<size_t>& funded,
            const std::vector<double>& votes, json rounds, bool tie, const std::string& rule) {
  double spent = 0;
  json winners = json::array();
  for (size_t i : funded) {
    spent += input.options[i].cost;
    winners.push_back(input.options[i].id);
  }
  return {{"method", std::string(ToString(input.method))},
          {"winners", winners},
          {"funded", Funded(input, funded, votes)},
          {"budget", input.budget},
          {"spent", spent},
          {"budget_left", input.budget - spent},
          {"rounds", std::move(rounds)},
          {"rule", rule},
          {"tie", tie},
          {"tie_break", tie ? json("more approval votes first, then the lower cost, then the "
                                   "option listed first")
                            : json(nullptr)}};
}

// Options by votes (highest first), then cost (lowest first), then input order.
std::vector<size_t> GreedyOrder(const TallyInput& input, const std::vector<double>& votes,
                                bool& tie) {
  std::vector<size_t> order(input.options.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (std::fabs(votes[a] - votes[b]) > kEpsilon) return votes[a] > votes[b];
    return input.options[a].cost < input.options[b].cost;
  });
  tie = false;
  for (size_t k = 1; k < order.size(); ++k) {
    tie = tie || std::fabs(votes[order[k]] - votes[order[k - 1]]) <= kEpsilon;
  }
  return order;
}

json TallyGreedy(const TallyInput& input) {
  const std::vector<double> votes = Votes(input);
  bool tie = false;
  const std::vector<size_t> order = GreedyOrder(input, votes, tie);
  double left = input.budget;
  std::vector<size_t> funded;
  json rounds = json::array();
  for (size_t i : order) {
    const Option& o = input.options[i];
    const bool fits = votes[i] > 0 && o.cost <= left + kEpsilon;
    if (fits) {
      left -= o.cost;
      funded.push_back(i);
    }
    rounds.push_back({{"option", o.id},
                      {"votes", votes[i]},
                      {"cost", o.cost},
                      {"funded", fits},
                      {"budget_left", left},
                      {"reason", fits           ? "fits"
                                 : votes[i] > 0 ? "does not fit"
                                                : "no votes"}});
  }
  return Output(input, funded, votes, std::move(rounds), tie,
                "greedy: by approval votes, fund each option that fits in what is left, skip "
                "those that do not and continue");
}

// Equal shares state: each ballot group's voter units and money per unit.
struct Group {
  const Ballot* ballot;
  double units;
  double money;  // per unit
};

bool Approves(const Group& g, const std::string& id) {
  return std::find(g.ballot->approve.begin(), g.ballot->approve.end(), id) !=
         g.ballot->approve.end();
}

// The smallest largest payment per unit (rho) at which the supporters can pay `cost`, each
// unit paying min(money, rho); a negative value when they cannot afford it.
double Rho(const std::vector<Group*>& supporters, double cost) {
  std::vector<Group*> sorted = supporters;
  std::sort(sorted.begin(), sorted.end(),
            [](const Group* a, const Group* b) { return a->money < b->money; });
  double units = 0, available = 0;
  for (const Group* g : sorted) {
    units += g->units;
    available += g->units * g->money;
  }
  if (available < cost * (1 - kEpsilon)) return -1;
  double remaining = cost;
  for (const Group* g : sorted) {
    if (g->money * units >= remaining) return remaining / units;
    remaining -= g->money * g->units;
    units -= g->units;
  }
  return sorted.empty() ? -1 : sorted.back()->money;
}

std::vector<Group> Groups(const TallyInput& input) {
  double total = 0;
  for (const Ballot& b : input.ballots) total += static_cast<double>(b.count) * b.weight;
  std::vector<Group> groups;
  for (const Ballot& b : input.ballots) {
    const double units = static_cast<double>(b.count) * b.weight;
    if (units > 0) groups.push_back({&b, units, input.budget / total});
  }
  return groups;
}

struct Pick {
  size_t option = 0;
  double rho = -1;  // negative: nothing affordable
  double effective = 0;
  bool tie = false;
};

// Whether `a` goes before `b`: the higher effective vote count (cost / rho); ties: more votes,
// then the lower cost, then input order.
bool Before(const TallyInput& input, const std::vector<double>& votes, const Pick& a,
            const Pick& b) {
  if (std::fabs(a.effective - b.effective) > kEpsilon * b.effective) {
    return a.effective > b.effective;
  }
  if (std::fabs(votes[a.option] - votes[b.option]) > kEpsilon) {
    return votes[a.option] > votes[b.option];
  }
  if (input.options[a.option].cost != input.options[b.option].cost) {
    return input.options[a.option].cost < input.options[b.option].cost;
  }
  return a.option < b.option;
}

// The affordable option that goes first; options no longer affordable are dropped for good
// (the voters' money only decreases).
Pick BestAffordable(const TallyInput& input, std::vector<Group>& groups, std::vector<bool>& open,
                    const std::vector<double>& votes) {
  std::vector<Pick> candidates;
  for (size_t i = 0; i < input.options.size(); ++i) {
    if (!open[i]) continue;
    std::vector<Group*> supporters;
    for (Group& g : groups) {
      if (g.money > 0 && Approves(g, input.options[i].id)) supporters.push_back(&g);
    }
    const double rho = Rho(supporters, input.options[i].cost);
    if (rho <= 0) {
      open[i] = false;
      continue;
    }
    candidates.push_back({i, rho, input.options[i].cost / rho, false});
  }
  if (candidates.empty()) return Pick{};
  Pick best = candidates.front();
  for (const Pick& c : candidates) {
    if (Before(input, votes, c, best)) best = c;
  }
  int level = 0;
  for (const Pick& c : candidates) {
    level += std::fabs(c.effective - best.effective) <= kEpsilon * best.effective ? 1 : 0;
  }
  best.tie = level > 1;
  return best;
}

json TallyEqualShares(const TallyInput& input) {
  const std::vector<double> votes = Votes(input);
  std::vector<Group> groups = Groups(input);
  double initial_units = 0;
  for (const Group& g : groups) initial_units += g.units;
  std::vector<bool> open(input.options.size(), true);
  std::vector<size_t> funded;
  json rounds = json::array();
  bool tie = false;
  while (true) {
    const Pick pick = BestAffordable(input, groups, open, votes);
    if (pick.rho <= 0) break;
    const Option& o = input.options[pick.option];
    for (Group& g : groups) {
      if (Approves(g, o.id)) g.money = std::max(0.0, g.money - std::min(g.money, pick.rho));
    }
    open[pick.option] = false;
    funded.push_back(pick.option);
    tie = tie || pick.tie;
    double left = 0;
    for (const Group& g : groups) left += g.units * g.money;
    rounds.push_back({{"option", o.id},
                      {"cost", o.cost},
                      {"votes", votes[pick.option]},
                      {"max_payment", pick.rho},
                      {"effective_votes", o.cost / pick.rho},
                      {"tie", pick.tie},
                      {"voters_money_left", left}});
  }
  json out = Output(input, funded, votes, std::move(rounds), tie,
                    "Method of Equal Shares: the budget is shared equally among the voters; "
                    "repeatedly fund the project its supporters can pay with the highest "
                    "effective vote count (cost / largest payment per voter), each supporter "
                    "paying the same amount or all they have left; stop when no project is "
                    "affordable");
  out["share_per_voter"] = groups.empty() ? 0 : input.budget / initial_units;
  out["completion"] = "none: what the voters' shares cannot fund stays unspent (budget_left)";
  return out;
}

}  // namespace

Result<json> TallyBudget(const TallyInput& input) {
  if (!(input.budget > 0)) return InvalidArgument("budget: give a budget above 0");
  for (size_t i = 0; i < input.options.size(); ++i) {
    if (!(input.options[i].cost > 0)) {
      return InvalidArgument("options[" + std::to_string(i) + "].cost: " + input.options[i].id +
                             " needs a cost above 0");
    }
  }
  if (input.method == Method::kBudgetGreedy) return TallyGreedy(input);
  if (input.method == Method::kEqualShares) return TallyEqualShares(input);
  return InvalidArgument("method: " + std::string(ToString(input.method)) +
                         " is not a budgeting method; give budget_greedy or equal_shares");
}

}  // namespace ecosol::participation
