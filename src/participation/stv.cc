// The single transferable vote with seats reserved per category (ranked.h,
// docs/participation.md): the exact Droop quota, surpluses transferred by the weighted
// inclusive Gregory method, eliminations by backwards tie-breaking, and reservations met by
// excluding and electing candidates when the remaining seats leave no other choice.
//
// Ballots are handled as papers, one per distinct ranking, each carrying a value (its weight,
// reduced by every surplus it passed through) and the place of the candidate holding it.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "ranked_internal.h"

namespace ecosol::participation::ranked {
namespace {

using nlohmann::json;

enum class State { kContinuing, kElected, kExcluded };

constexpr int kNoCategory = -1;
constexpr int kExhausted = -1;

struct Paper {
  size_t ranking = 0;  // in the profile
  size_t place = 0;    // the holder's place in the ranking
  double value = 0;
  int holder = kExhausted;
};

// One count from the first round to the last seat. Not thread-safe; used by one call.
class StvCount {
 public:
  StvCount(const Context& ctx, const Profile& profile) : ctx_(ctx), profile_(profile) {}

  Status Init();
  json Run();

 private:
  size_t Seats() const { return size_t(ctx_.input->seats); }
  size_t Remaining() const { return Seats() - elected_.size(); }
  std::vector<int> Continuing() const;
  int Category(int option) const { return category_[size_t(option)]; }
  int Unfilled() const { return std::accumulate(unfilled_.begin(), unfilled_.end(), 0); }
  bool MayBeElected(int option) const;

  std::vector<double> Votes() const;
  void Advance(Paper& paper) const;
  json Transfer(int from, double factor, const char* kind);
  void Elect(int option, const std::vector<double>& votes);
  json ElectAll(std::vector<int> options, const std::vector<double>& votes, bool by_quota);
  void SortByVotes(std::vector<int>& options, const std::vector<double>& votes) const;

  bool ExcludeForReservations(json& round);
  bool ElectForReservations(json& round, const std::vector<double>& votes);
  bool ElectByQuota(json& round, const std::vector<double>& votes);
  void EliminateLowest(json& round);
  json Reservations() const;

  const Context& ctx_;
  const Profile& profile_;
  double quota_ = 0;
  std::vector<State> state_;
  std::vector<int> category_;  // option -> index in input.reserved, or kNoCategory
  std::vector<int> unfilled_;  // reserved seats not yet filled, per reserved category
  std::vector<double> kept_;   // the votes an elected option keeps
  std::vector<Paper> papers_;
  std::vector<int> elected_;
  std::vector<std::vector<double>> history_;  // the votes of each round
  double exhausted_ = 0;
  bool tie_ = false;
};

Status StvCount::Init() {
  const TallyInput& in = *ctx_.input;
  const size_t n = size_t(ctx_.n);
  category_.assign(n, kNoCategory);
  int reserved = 0;
  for (size_t c = 0; c < in.reserved.size(); ++c) {
    const ReservedSeats& r = in.reserved[c];
    const std::string where = "reserved[" + std::to_string(c) + "]";
    int candidates = 0;
    for (size_t o = 0; o < n; ++o) {
      if (in.options[o].category != r.category) continue;
      if (category_[o] != kNoCategory) return InvalidArgument(where + ": category listed twice");
      category_[o] = int(c);
      ++candidates;
    }
    if (r.category.empty() || r.seats < 0 || r.seats > candidates) {
      return InvalidArgument(where + ": " + std::to_string(r.seats) + " seats reserved for '" +
                             r.category + "', which has " + std::to_string(candidates) +
                             " options; reserve at most as many seats as the category has options");
    }
    unfilled_.push_back(r.seats);
    reserved += r.seats;
  }
  if (reserved > in.seats) {
    return InvalidArgument("reserved: " + std::to_string(reserved) + " seats reserved for " +
                           std::to_string(in.seats) + " seats; reserve at most the seats filled");
  }
  state_.assign(n, State::kContinuing);
  kept_.assign(n, 0.0);
  double valid = 0;
  for (size_t k = 0; k < profile_.size(); ++k) {
    if (profile_.Ranking(k).empty()) continue;  // blank ballots are not valid votes
    valid += profile_.weights[k];
    papers_.push_back({k, 0, profile_.weights[k], profile_.Ranking(k)[0]});
  }
  quota_ = valid / static_cast<double>(in.seats + 1);
  return Status::Ok();
}

std::vector<int> StvCount::Continuing() const {
  std::vector<int> out;
  for (int o = 0; o < ctx_.n; ++o) {
    if (state_[size_t(o)] == State::kContinuing) out.push_back(o);
  }
  return out;
}

// Electing an option of a category that still needs seats is always possible; electing any other
// must leave enough seats for the unfilled reservations.
bool StvCount::MayBeElected(int option) const {
  const int c = Category(option);
  if (c != kNoCategory && unfilled_[size_t(c)] > 0) return true;
  return size_t(Unfilled()) < Remaining();
}

std::vector<double> StvCount::Votes() const {
  std::vector<double> votes = kept_;
  for (const Paper& p : papers_) {
    if (p.holder != kExhausted && state_[size_t(p.holder)] == State::kContinuing) {
      votes[size_t(p.holder)] += p.value;
    }
  }
  return votes;
}

// Moves a paper to the next continuing option of its ranking, or exhausts it.
void StvCount::Advance(Paper& paper) const {
  const std::span<const int> ranking = profile_.Ranking(paper.ranking);
  while (++paper.place < ranking.size()) {
    if (state_[size_t(ranking[paper.place])] == State::kContinuing) {
      paper.holder = ranking[paper.place];
      return;
    }
  }
  paper.holder = kExhausted;
}

// Passes every paper `from` holds on at `factor` of its value: the weighted inclusive Gregory
// method for a surplus (factor = surplus / votes), the whole value for an elimination (factor 1).
json StvCount::Transfer(int from, double factor, const char* kind) {
  std::vector<double> to(size_t(ctx_.n), 0.0);
  double exhausted = 0;
  for (Paper& p : papers_) {
    if (p.holder != from) continue;
    p.value *= factor;
    Advance(p);
    (p.holder == kExhausted ? exhausted : to[size_t(p.holder)]) += p.value;
  }
  exhausted_ += exhausted;
  json out = {{"from", ctx_.Id(from)}, {"kind", kind}};
  if (factor != 1) out["transfer_value"] = Number(factor);
  out["to"] = VotesById(ctx_, to, [&](int o) { return to[size_t(o)] != 0; });
  out["exhausted"] = Number(exhausted);
  return out;
}

void StvCount::Elect(int option, const std::vector<double>& votes) {
  state_[size_t(option)] = State::kElected;
  kept_[size_t(option)] = std::min(votes[size_t(option)], quota_);
  elected_.push_back(option);
  const int c = Category(option);
  if (c != kNoCategory && unfilled_[size_t(c)] > 0) --unfilled_[size_t(c)];
}

void StvCount::SortByVotes(std::vector<int>& options, const std::vector<double>& votes) const {
  std::sort(options.begin(), options.end(), [&](int a, int b) {
    const double va = votes[size_t(a)], vb = votes[size_t(b)];
    if (std::abs(va - vb) > ctx_.epsilon) return va > vb;
    return ctx_.tie_place[size_t(a)] < ctx_.tie_place[size_t(b)];
  });
}

// Elects `options`, most votes first (with the quota rule, only while MayBeElected allows), then
// transfers the surpluses in the same order: a surplus skips every option elected in the round.
json StvCount::ElectAll(std::vector<int> options, const std::vector<double>& votes, bool by_quota) {
  SortByVotes(options, votes);
  json elected = json::array();
  std::vector<int> done;
  for (int o : options) {
    if (by_quota && !MayBeElected(o)) continue;
    Elect(o, votes);
    elected.push_back(ctx_.Id(o));
    done.push_back(o);
  }
  json transfers = json::array();
  for (int o : done) {
    const double v = votes[size_t(o)];
    if (v > quota_ + ctx_.epsilon) transfers.push_back(Transfer(o, (v - quota_) / v, "surplus"));
  }
  return json{{"elected", std::move(elected)}, {"transfers", std::move(transfers)}};
}

// When the unfilled reservations take every remaining seat, the continuing options outside those
// categories can no longer be elected: they are excluded and their papers passed on.
bool StvCount::ExcludeForReservations(json& round) {
  if (Unfilled() == 0 || size_t(Unfilled()) < Remaining()) return false;
  std::vector<int> out;
  for (int o : Continuing()) {
    const int c = Category(o);
    if (c == kNoCategory || unfilled_[size_t(c)] == 0) out.push_back(o);
  }
  if (out.empty()) return false;
  for (int o : out) {
    state_[size_t(o)] = State::kExcluded;
    round["eliminated"].push_back(ctx_.Id(o));
  }
  for (int o : out) round["transfers"].push_back(Transfer(o, 1, "elimination"));
  round["note"] = "the remaining seats are reserved: options of other categories are excluded";
  return true;
}

// A category with as many continuing options as unfilled reserved seats needs them all.
bool StvCount::ElectForReservations(json& round, const std::vector<double>& votes) {
  std::vector<int> needed;
  for (size_t c = 0; c < unfilled_.size(); ++c) {
    if (unfilled_[c] == 0) continue;
    std::vector<int> in_category;
    for (int o : Continuing()) {
      if (Category(o) == int(c)) in_category.push_back(o);
    }
    if (in_category.size() == size_t(unfilled_[c])) {
      needed.insert(needed.end(), in_category.begin(), in_category.end());
    }
  }
  if (needed.empty()) return false;
  round.update(ElectAll(needed, votes, false));
  round["note"] = "elected to fill the seats reserved for their category";
  return true;
}

bool StvCount::ElectByQuota(json& round, const std::vector<double>& votes) {
  std::vector<int> over;
  for (int o : Continuing()) {
    if (votes[size_t(o)] > quota_ + ctx_.epsilon) over.push_back(o);
  }
  if (over.empty()) return false;
  json result = ElectAll(over, votes, true);
  if (result["elected"].empty()) return false;
  round.update(result);
  return true;
}

void StvCount::EliminateLowest(json& round) {
  bool tied = false;
  const int out = PickLowest(ctx_, Continuing(), history_, &tied);
  if (tied) {
    tie_ = true;
    round["tie"] = true;
  }
  state_[size_t(out)] = State::kExcluded;
  round["eliminated"].push_back(ctx_.Id(out));
  round["transfers"].push_back(Transfer(out, 1, "elimination"));
}

// Each reservation with the seats its category won.
json StvCount::Reservations() const {
  json out = json::array();
  for (size_t c = 0; c < unfilled_.size(); ++c) {
    const ReservedSeats& r = ctx_.input->reserved[c];
    const auto won = std::count_if(elected_.begin(), elected_.end(),
                                   [&](int o) { return Category(o) == int(c); });
    out.push_back({{"category", r.category}, {"seats", r.seats}, {"elected", won}});
  }
  return out;
}

json StvCount::Run() {
  json rounds = json::array();
  while (Remaining() > 0) {
    const std::vector<double> votes = Votes();
    history_.push_back(votes);
    json round = {
        {"counts",
         VotesById(ctx_, votes, [&](int o) { return state_[size_t(o)] != State::kExcluded; })},
        {"exhausted", Number(exhausted_)},
        {"elected", json::array()},
        {"eliminated", json::array()},
        {"transfers", json::array()}};
    const std::vector<int> continuing = Continuing();
    if (ExcludeForReservations(round) || ElectForReservations(round, votes)) {
      // The reservations decided this round.
    } else if (continuing.size() <= Remaining()) {
      round.update(ElectAll(continuing, votes, false));
      round["note"] = "as many continuing options as seats left: all are elected";
    } else if (!ElectByQuota(round, votes)) {
      EliminateLowest(round);
    }
    rounds.push_back(std::move(round));
  }
  json winners = json::array();
  for (int o : elected_) winners.push_back(ctx_.Id(o));
  json out = {{"winners", std::move(winners)},
              {"tie", tie_},
              {"quota", Number(quota_)},
              {"seats", Seats()},
              {"rounds", rounds}};
  if (!unfilled_.empty()) out["reserved"] = Reservations();
  return out;
}

}  // namespace

Result<json> TallyStv(const Context& ctx) {
  Result<Profile> profile = MakeProfile(ctx);
  if (!profile.ok()) return profile.status();
  StvCount count(ctx, *profile);
  ECOSOL_RETURN_IF_ERROR(count.Init());
  return count.Run();
}

}  // namespace ecosol::participation::ranked
