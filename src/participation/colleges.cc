// Stakeholder colleges and their presets (choices.h; docs/participation.md,
// "Colleges and presets"). The legal rules come from ../shared/docs/DOMAIN.md sections 2 and 6:
//
//   fr_scic        French SCIC (law 47-1775 of 10 September 1947, art. 19 octies as numbered
//                  before law 2022-217; unverified, docs/participation.md): at least 3
//                  colleges, none above 50% or below 10% of the votes, never weighted by capital;
//                  one member one vote within a college (art. 9).
//   qc_solidarity  Quebec solidarity co-operative (Cooperatives Act, CQLR c. C-67.2): at least 2
//                  of the 3 member categories user, worker, supporting; one member one vote; no
//                  proxies. Categories are therefore reported, never weighted.
//   it_coop        Italy: plural votes of legal persons capped at 5 (the 90-day membership rule
//                  is the voter roll's business: a tally has no membership dates).
//
// The weighting is the issue's: result = sum over colleges of weight x the share of yes within
// the college. It is carried by the ballots' weights so that every method (ranked ones too)
// honours it: a ballot of college c weighs units x weight_c / (units counted in c), where units
// are count x votes x (1 + proxies). ApplyColleges recomputes every weight from the ballots, so
// running it twice gives the same weights.

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "choices.h"
#include "ecosol/base/strings.h"

namespace ecosol::participation {
namespace {

constexpr double kEpsilon = 1e-9;
constexpr long long kItalyMaxPluralVotes = 5;

std::string Percent(double share) {
  const double pct = std::round(share * 10000) / 100;
  nlohmann::json j = pct;
  if (pct == std::floor(pct)) j = static_cast<long long>(pct);
  return j.dump() + "%";
}

std::string CollegePath(size_t i) { return "colleges[" + std::to_string(i) + "]"; }

// A blank ballot expresses no preference: an abstention.
bool IsBlank(const Ballot& b, const TallyInput& input) {
  switch (input.method) {
    case Method::kConsent:
      return b.choice == "abstain";
    case Method::kSingleChoice: {
      if (b.choice != "abstain") return b.choice.empty();
      for (const Option& o : input.options) {
        if (o.id == "abstain") return false;
      }
      return true;
    }
    case Method::kApproval:
    case Method::kBudgetGreedy:
    case Method::kEqualShares:
      return b.approve.empty();
    case Method::kScore:
    case Method::kDotVote:
      return b.scores.empty();
    default:
      return b.ranking.empty();
  }
}

// What one ballot stands for: identical ballots x plural votes x (the voter and the members
// they hold proxies for).
double Units(const Ballot& b) {
  return static_cast<double>(b.votes) * static_cast<double>(1 + b.proxy_for.size());
}

Status CheckWeights(const TallyInput& input) {
  double sum = 0;
  for (size_t i = 0; i < input.colleges.size(); ++i) {
    const double w = input.colleges[i].weight;
    if (!(w > 0) || w > 1) {
      return InvalidArgument(CollegePath(i) + ".weight: " + Percent(w) +
                             " is not a share of the votes above 0% and at most 100%");
    }
    sum += w;
  }
  if (!input.colleges.empty() && std::fabs(sum - 1) > kEpsilon) {
    return InvalidArgument("colleges: the weights sum to " + Percent(sum) +
                           "; they must sum to 100% of the votes (1)");
  }
  return Status::Ok();
}

// Law 47-1775 art. 19 octies: >= 3 colleges, each between 10% and 50% of the votes.
Status CheckFrenchScic(const TallyInput& input) {
  if (!input.colleges.empty() && input.colleges.size() < 3) {
    return InvalidArgument(
        "colleges: a SCIC with voting colleges needs at least 3 (law 47-1775 "
        "art. 19 octies); " +
        std::to_string(input.colleges.size()) + " declared: add a college or drop the colleges");
  }
  for (size_t i = 0; i < input.colleges.size(); ++i) {
    const College& c = input.colleges[i];
    if (c.weight > 0.5 + kEpsilon || c.weight < 0.1 - kEpsilon) {
      return InvalidArgument(CollegePath(i) + ".weight: college '" + c.name + "' has " +
                             Percent(c.weight) +
                             " of the votes; a SCIC college holds between 10% and 50% (law "
                             "47-1775 art. 19 octies)");
    }
  }
  return Status::Ok();
}

// Cooperatives Act CQLR c. C-67.2: at least 2 of the categories user, worker, supporting.
Status CheckQuebecSolidarity(const TallyInput& input) {
  static const std::set<std::string> kCategories = {"user", "worker", "supporting"};
  for (size_t i = 0; i < input.colleges.size(); ++i) {
    const College& c = input.colleges[i];
    if (kCategories.count(c.name) == 0) {
      return InvalidArgument(CollegePath(i) + ".name: '" + c.name +
                             "' is not a member category of a solidarity co-operative; give "
                             "user, worker or supporting (CQLR c. C-67.2)");
    }
    if (c.weight != 0) {
      return InvalidArgument(CollegePath(i) +
                             ".weight: a solidarity co-operative votes one "
                             "member one vote (CQLR c. C-67.2); categories carry no weight, "
                             "drop the weight");
    }
  }
  if (input.colleges.size() < 2) {
    return InvalidArgument(
        "colleges: a solidarity co-operative has at least 2 of the member "
        "categories user, worker, supporting (CQLR c. C-67.2); " +
        std::to_string(input.colleges.size()) + " declared");
  }
  if (input.max_proxies > 0) {
    return InvalidArgument(
        "max_proxies: a solidarity co-operative allows no proxies "
        "(CQLR c. C-67.2); give 0");
  }
  return Status::Ok();
}

Status CheckBallot(const TallyInput& input, const Ballot& b, size_t i) {
  const std::string path = "ballots[" + std::to_string(i) + "]";
  const long long max_votes = input.preset == "it_coop" ? kItalyMaxPluralVotes
                              : input.preset.empty()    ? b.votes
                                                        : 1;
  if (b.votes > max_votes) {
    return InvalidArgument(
        path + ".votes: " + std::to_string(b.votes) + " votes; " +
        (input.preset == "it_coop"
             ? "a legal person holds at most 5 votes under the Italian rules"
             : "preset " + input.preset + " is one member one vote; give votes 1"));
  }
  if (b.proxy_for.empty()) return Status::Ok();
  if (input.preset == "qc_solidarity") {
    return InvalidArgument(path +
                           ".proxy_for: a solidarity co-operative allows no proxies "
                           "(CQLR c. C-67.2)");
  }
  if (static_cast<long long>(b.proxy_for.size()) > input.max_proxies) {
    return InvalidArgument(path + ".proxy_for: " + std::to_string(b.proxy_for.size()) +
                           " proxies held; at most " + std::to_string(input.max_proxies) +
                           " (max_proxies)");
  }
  return Status::Ok();
}

// A member gives one proxy at most, whatever the preset.
Status CheckProxiesOnce(const TallyInput& input) {
  std::set<std::string> represented;
  for (size_t i = 0; i < input.ballots.size(); ++i) {
    const std::vector<std::string>& members = input.ballots[i].proxy_for;
    for (size_t k = 0; k < members.size(); ++k) {
      if (!represented.insert(members[k]).second) {
        return InvalidArgument("ballots[" + std::to_string(i) + "].proxy_for[" + std::to_string(k) +
                               "]: member '" + members[k] +
                               "' is already represented by another proxy; a member gives one "
                               "proxy at most");
      }
    }
  }
  return Status::Ok();
}

Status CheckPreset(const TallyInput& input) {
  if (!input.preset.empty() && input.preset != "fr_scic" && input.preset != "qc_solidarity" &&
      input.preset != "it_coop") {
    return InvalidArgument("preset: '" + input.preset +
                           "' is not a preset; give fr_scic, qc_solidarity or it_coop");
  }
  if (input.preset == "qc_solidarity") {
    ECOSOL_RETURN_IF_ERROR(CheckQuebecSolidarity(input));
  } else {
    ECOSOL_RETURN_IF_ERROR(CheckWeights(input));
  }
  if (input.preset == "fr_scic") ECOSOL_RETURN_IF_ERROR(CheckFrenchScic(input));
  for (size_t i = 0; i < input.ballots.size(); ++i) {
    ECOSOL_RETURN_IF_ERROR(CheckBallot(input, input.ballots[i], i));
  }
  return CheckProxiesOnce(input);
}

// Each college's factor: weight_c / units counted in c, scaled by the empty-college policy.
std::map<std::string, double> CollegeFactors(const TallyInput& input) {
  std::map<std::string, double> counted;
  for (const Ballot& b : input.ballots) {
    const bool excluded = input.abstentions == "excluded" && IsBlank(b, input);
    if (!excluded) counted[b.college] += static_cast<double>(b.count) * Units(b);
  }
  double voting_weight = 0;
  for (const College& c : input.colleges) {
    if (counted[c.name] > 0) voting_weight += c.weight;
  }
  const double scale =
      input.empty_colleges == "redistribute" && voting_weight > 0 ? 1 / voting_weight : 1;
  std::map<std::string, double> factors;
  for (const College& c : input.colleges) {
    const double n = counted[c.name];
    factors[c.name] = n > 0 ? c.weight / n * scale : 0;
  }
  return factors;
}

}  // namespace

Status ApplyColleges(TallyInput& input) {
  ECOSOL_RETURN_IF_ERROR(CheckPreset(input));
  const bool weighted = !input.colleges.empty() && input.preset != "qc_solidarity";
  const std::map<std::string, double> factors =
      weighted ? CollegeFactors(input) : std::map<std::string, double>{};
  for (Ballot& b : input.ballots) {
    const bool excluded = input.abstentions == "excluded" && IsBlank(b, input);
    if (excluded) {
      b.weight = 0;
    } else if (weighted) {
      const auto it = factors.find(b.college);
      b.weight = it == factors.end() ? 0 : Units(b) * it->second;
    } else {
      b.weight = Units(b);
    }
  }
  return Status::Ok();
}

}  // namespace ecosol::participation
