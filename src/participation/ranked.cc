// Ranked tallies (ranked.h): the checks every ranked method shares, the tie-break order, Borda
// and instant-runoff; Schulze is in schulze.cc and STV in stv.cc. The rules, with their sources,
// are in docs/participation.md; the comments here say why the code is shaped as it is.

#include "ranked.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_map>
#include <utility>

#include "ranked_internal.h"
#include "tie_order.h"

namespace ecosol::participation {
namespace ranked {
namespace {

using nlohmann::json;

constexpr size_t kNone = std::numeric_limits<size_t>::max();
// Schulze keeps two n x n matrices and its paths take n^3 steps: a thousand options is a second.
constexpr size_t kMaxOptions = 1000;

// The options' ids for an error message, cut after a few.
std::string OptionList(const TallyInput& input) {
  std::string out;
  for (size_t i = 0; i < input.options.size() && i < 12; ++i) {
    out += (i ? ", " : "") + input.options[i].id;
  }
  if (input.options.size() > 12) out += ", ...";
  return out;
}

std::string RankingPath(size_t ballot, size_t place) {
  return "ballots[" + std::to_string(ballot) + "].ranking[" + std::to_string(place) + "]";
}

void SetTieOrder(Context& ctx) {
  TieOrder order = MakeTieOrder(*ctx.input);
  ctx.tie_place = std::move(order.place);
  ctx.tie_rule = std::move(order.rule);
}

Status CheckOptions(Context& ctx) {
  const TallyInput& in = *ctx.input;
  if (in.options.empty()) return InvalidArgument("options: a ranked tally needs at least 1 option");
  if (in.options.size() > kMaxOptions) {
    return InvalidArgument("options: " + std::to_string(in.options.size()) +
                           " options; a ranked tally takes at most " + std::to_string(kMaxOptions));
  }
  ctx.n = static_cast<int>(in.options.size());
  ctx.index = OptionIndex(in.options.size());
  for (size_t i = 0; i < in.options.size(); ++i) {
    const std::string& id = in.options[i].id;
    if (id.empty()) return InvalidArgument("options[" + std::to_string(i) + "]: empty id");
    if (!ctx.index.Insert(id, static_cast<int>(i))) {
      return InvalidArgument("options[" + std::to_string(i) + "]: '" + id +
                             "' is listed twice; give each option a distinct id");
    }
  }
  if (in.seats < 1 || in.seats > ctx.n) {
    return InvalidArgument("seats: " + std::to_string(in.seats) + " seats for " +
                           std::to_string(ctx.n) + " options; seats must be between 1 and " +
                           "the number of options");
  }
  return Status::Ok();
}

Status CheckCounts(Context& ctx) {
  double total = 0;
  for (size_t i = 0; i < ctx.input->ballots.size(); ++i) {
    const Ballot& b = ctx.input->ballots[i];
    // Built only for an error: a string per ballot costs a million of them per million ballots.
    auto where = [i] { return "ballots[" + std::to_string(i) + "]"; };
    if (b.count < 1) {
      return InvalidArgument(where() + ".count: " + std::to_string(b.count) +
                             " identical ballots; a count is a whole number of at least 1");
    }
    if (!std::isfinite(b.weight) || b.weight < 0) {
      return InvalidArgument(where() + ".weight: " + std::to_string(b.weight) +
                             "; a ballot's weight is a finite number of at least 0");
    }
    total += static_cast<double>(b.count) * b.weight;
  }
  if (!std::isfinite(total)) return InvalidArgument("ballots: the counts x weights overflow");
  ctx.epsilon = 1e-9 * std::max(1.0, total);
  return Status::Ok();
}

struct RankingHash {
  size_t operator()(const std::vector<int>& r) const {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int o : r) h = (h ^ static_cast<uint64_t>(o)) * 0x100000001b3ULL;
    return static_cast<size_t>(h);
  }
};

// The options in order of `score` (highest first, ties by the tie-break order); `*tie` is set
// when two of the first `seats` places, or the last seat and the next place, are level.
std::vector<int> OrderByScore(const Context& ctx, const std::vector<double>& score, bool* tie) {
  std::vector<int> order(static_cast<size_t>(ctx.n));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const double sa = score[size_t(a)], sb = score[size_t(b)];
    if (std::abs(sa - sb) > ctx.epsilon) return sa > sb;
    return ctx.tie_place[size_t(a)] < ctx.tie_place[size_t(b)];
  });
  *tie = false;
  const size_t seats = static_cast<size_t>(ctx.input->seats);
  for (size_t i = 0; i < seats && i + 1 < order.size(); ++i) {
    if (std::abs(score[size_t(order[i])] - score[size_t(order[i + 1])]) <= ctx.epsilon) *tie = true;
  }
  return order;
}

json Ids(const Context& ctx, const std::vector<int>& options, size_t count) {
  json out = json::array();
  for (size_t i = 0; i < count && i < options.size(); ++i) out.push_back(ctx.Id(options[i]));
  return out;
}

// Borda with the unranked options sharing the last places: a ranked option gets one point per
// option ranked below it plus half a point per option level with it, so a ballot of m < n options
// gives n-1, n-2, ... to its ranked options and (n-1-m)/2 to each unranked one. Every ballot then
// hands out the same n(n-1)/2 points, and the score is the option's pairwise wins.
Result<json> TallyBorda(const Context& ctx) {
  const size_t n = static_cast<size_t>(ctx.n);
  std::vector<double> score(n, 0.0);
  double shared = 0;  // points every option gets, taken back from the ranked ones below
  Status status = ForEachRanking(ctx, [&](std::span<const int> ranking, double w) {
    const double m = static_cast<double>(ranking.size());
    const double unranked = w * (static_cast<double>(n) - 1 - m) / 2;
    shared += unranked;
    for (size_t k = 0; k < ranking.size(); ++k) {
      score[size_t(ranking[k])] += w * static_cast<double>(n - 1 - k) - unranked;
    }
  });
  if (!status.ok()) return status;
  for (double& s : score) s += shared;
  bool tie = false;
  const std::vector<int> order = OrderByScore(ctx, score, &tie);
  json out = {{"winners", Ids(ctx, order, size_t(ctx.input->seats))}, {"tie", tie}};
  out["scores"] = VotesById(ctx, score, [](int) { return true; });
  out["ranking"] = Ids(ctx, order, n);
  return out;
}

// One round of instant-runoff: each ranking's vote goes to its first continuing option.
double CountFirstChoices(const Profile& profile, const std::vector<bool>& continuing,
                         std::vector<double>& votes) {
  std::fill(votes.begin(), votes.end(), 0.0);
  double exhausted = 0;
  for (size_t k = 0; k < profile.size(); ++k) {
    bool counted = false;
    for (int o : profile.Ranking(k)) {
      if (!continuing[size_t(o)]) continue;
      votes[size_t(o)] += profile.weights[k];
      counted = true;
      break;
    }
    if (!counted) exhausted += profile.weights[k];
  }
  return exhausted;
}

Result<json> TallyInstantRunoff(const Context& ctx) {
  if (ctx.input->seats != 1) {
    return InvalidArgument("seats: instant-runoff elects 1 option; use stv for " +
                           std::to_string(ctx.input->seats) + " seats");
  }
  Result<Profile> profile = MakeProfile(ctx);
  if (!profile.ok()) return profile.status();
  const size_t n = static_cast<size_t>(ctx.n);
  std::vector<bool> continuing(n, true);
  std::vector<int> left(n);
  std::iota(left.begin(), left.end(), 0);
  std::vector<std::vector<double>> history;
  json rounds = json::array();
  bool tie = false;
  while (true) {
    std::vector<double> votes(n, 0.0);
    const double exhausted = CountFirstChoices(*profile, continuing, votes);
    history.push_back(votes);
    json round = {{"counts", VotesById(ctx, votes, [&](int o) { return continuing[size_t(o)]; })},
                  {"exhausted", Number(exhausted)}};
    const int top = *std::max_element(left.begin(), left.end(), [&](int a, int b) {
      return votes[size_t(a)] < votes[size_t(b)];
    });
    // A majority of the votes still counting (exhausted ballots no longer count) wins.
    if (left.size() == 1 || 2 * votes[size_t(top)] > profile->total - exhausted + ctx.epsilon) {
      round["eliminated"] = nullptr;
      round["elected"] = ctx.Id(top);
      rounds.push_back(std::move(round));
      return json{{"winners", {ctx.Id(top)}}, {"tie", tie}, {"rounds", std::move(rounds)}};
    }
    bool tied = false;
    const int out = PickLowest(ctx, left, history, &tied);
    // Options without a vote go one by one in any order to the same result while another option
    // holds votes: only then is a tie harmless.
    if (tied && (votes[size_t(out)] > ctx.epsilon || votes[size_t(top)] <= ctx.epsilon)) {
      tie = true;
      round["tie"] = true;
    }
    round["eliminated"] = ctx.Id(out);
    rounds.push_back(std::move(round));
    continuing[size_t(out)] = false;
    left.erase(std::find(left.begin(), left.end(), out));
  }
}

}  // namespace

OptionIndex::OptionIndex(size_t options) {
  size_t size = 16;
  while (size < 2 * options) size *= 2;  // at most half full: short probes
  slots_.assign(size, -1);
  ids_.resize(options);
  packed_.resize(options, 0);
  mask_ = size - 1;
}

namespace {

// MurmurHash3's finaliser: the low bits that pick a slot depend on every bit of h.
uint64_t Mix(uint64_t h) {
  h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdULL;
  h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

}  // namespace

bool OptionIndex::Pack(std::string_view id, uint64_t* word) {
  if (id.size() > 8) return false;
  uint64_t w = 0;
  for (const char c : id) w = (w << 8) | static_cast<unsigned char>(c);
  *word = w;
  return true;
}

// A packed id is its own hash, mixed with its length (so "a" and "\0a" differ); longer ids are
// read eight bytes at a time, each word mixed by a multiplication (no call to memcpy with a
// variable length). A collision only costs a longer probe.
uint64_t OptionIndex::Hash(std::string_view id) {
  const size_t size = id.size();
  uint64_t h = size * 0x9e3779b97f4a7c15ULL;
  uint64_t packed = 0;
  if (Pack(id, &packed)) return Mix(h ^ packed);
  const char* p = id.data();
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    h = (h ^ word) * 0xff51afd7ed558ccdULL;
  }
  uint64_t tail = 0;
  if (i < size) std::memcpy(&tail, p + size - 8, 8);  // the last 8 bytes, overlapping the words
  return Mix(h ^ tail);
}

bool OptionIndex::Insert(std::string_view id, int option) {
  if (Find(id) >= 0) return false;
  uint64_t slot = Hash(id) & mask_;
  while (slots_[slot] >= 0) slot = (slot + 1) & mask_;
  slots_[slot] = option;
  ids_[size_t(option)] = id;
  Pack(id, &packed_[size_t(option)]);
  return true;
}

// Most option ids are short: compared as one word and a length, with no call to memcmp (which
// took a sixth of a million-ballot Schulze tally).
int OptionIndex::Find(std::string_view id) const {
  uint64_t packed = 0;
  const bool short_id = Pack(id, &packed);
  for (uint64_t slot = Hash(id) & mask_;; slot = (slot + 1) & mask_) {
    const int option = slots_[slot];
    if (option < 0) return option;
    const std::string_view known = ids_[size_t(option)];
    if (known.size() != id.size()) continue;
    if (short_id ? packed_[size_t(option)] == packed : known == id) return option;
  }
}

json Context::TieOrder() const {
  std::vector<int> order(static_cast<size_t>(n));
  for (size_t i = 0; i < order.size(); ++i) order[size_t(tie_place[i])] = static_cast<int>(i);
  return Ids(*this, order, order.size());
}

Result<Context> MakeContext(const TallyInput& input) {
  Context ctx;
  ctx.input = &input;
  ECOSOL_RETURN_IF_ERROR(CheckOptions(ctx));
  ECOSOL_RETURN_IF_ERROR(CheckCounts(ctx));
  if (!input.reserved.empty() && input.method != Method::kStv) {
    return InvalidArgument("reserved: seats are reserved per category only with the stv method");
  }
  SetTieOrder(ctx);
  return ctx;
}

Status ForEachRanking(const Context& ctx, const RankingVisitor& visit) {
  const TallyInput& in = *ctx.input;
  std::vector<int> ranking;
  ranking.reserve(size_t(ctx.n));
  // seen_in[o]: the last ballot that ranked option o, at place seen_at[o]; no clearing per ballot.
  std::vector<size_t> seen_in(size_t(ctx.n), kNone);
  std::vector<size_t> seen_at(size_t(ctx.n), 0);
  for (size_t i = 0; i < in.ballots.size(); ++i) {
    const Ballot& b = in.ballots[i];
    ranking.clear();
    for (size_t j = 0; j < b.ranking.size(); ++j) {
      const int option = ctx.index.Find(b.ranking[j]);
      if (option < 0) {
        return InvalidArgument(RankingPath(i, j) + ": '" + b.ranking[j] +
                               "' is not an option (options: " + OptionList(in) + ")");
      }
      const size_t o = size_t(option);
      if (seen_in[o] == i) {
        return InvalidArgument(RankingPath(i, j) + ": '" + b.ranking[j] +
                               "' is already ranked at " + RankingPath(i, seen_at[o]) +
                               "; rank each option at most once");
      }
      seen_in[o] = i;
      seen_at[o] = j;
      ranking.push_back(option);
    }
    visit(ranking, static_cast<double>(b.count) * b.weight);
  }
  return Status::Ok();
}

Result<Profile> MakeProfile(const Context& ctx) {
  Profile profile;
  profile.begins.push_back(0);
  std::unordered_map<std::vector<int>, size_t, RankingHash> seen;
  std::vector<int> key;
  Status status = ForEachRanking(ctx, [&](std::span<const int> ranking, double w) {
    profile.total += w;
    key.assign(ranking.begin(), ranking.end());  // reuses key's storage
    const auto it = seen.find(key);
    if (it != seen.end()) {
      profile.weights[it->second] += w;
      return;
    }
    seen.emplace(key, profile.size());
    profile.options.insert(profile.options.end(), ranking.begin(), ranking.end());
    profile.begins.push_back(profile.options.size());
    profile.weights.push_back(w);
  });
  if (!status.ok()) return status;
  return profile;
}

int PickLowest(const Context& ctx, const std::vector<int>& candidates,
               const std::vector<std::vector<double>>& rounds, bool* tied) {
  std::vector<int> low = candidates;
  *tied = false;
  for (size_t r = rounds.size(); r-- > 0 && low.size() > 1;) {
    const std::vector<double>& votes = rounds[r];
    double least = std::numeric_limits<double>::infinity();
    for (int o : low) least = std::min(least, votes[size_t(o)]);
    std::erase_if(low, [&](int o) { return votes[size_t(o)] > least + ctx.epsilon; });
    if (r + 1 == rounds.size() && low.size() > 1) *tied = true;
  }
  return *std::max_element(low.begin(), low.end(), [&](int a, int b) {
    return ctx.tie_place[size_t(a)] < ctx.tie_place[size_t(b)];
  });
}

json Number(double x) {
  const double rounded = std::round(x * 1e9) / 1e9;
  if (std::abs(rounded) < 1e15 && rounded == std::floor(rounded)) {
    return static_cast<int64_t>(rounded);
  }
  return rounded;
}

json VotesById(const Context& ctx, const std::vector<double>& votes,
               const std::function<bool(int)>& include) {
  json out = json::object();
  for (int o = 0; o < ctx.n; ++o) {
    if (include(o)) out[ctx.Id(o)] = Number(votes[size_t(o)]);
  }
  return out;
}

}  // namespace ranked

Result<nlohmann::json> TallyRanked(const TallyInput& input) {
  Result<ranked::Context> ctx = ranked::MakeContext(input);
  if (!ctx.ok()) return ctx.status();
  Result<nlohmann::json> out = InvalidArgument(
      "method: not a ranked method; the ranked methods are borda, instant_runoff, schulze, stv");
  switch (input.method) {
    case Method::kBorda:
      out = ranked::TallyBorda(*ctx);
      break;
    case Method::kInstantRunoff:
      out = ranked::TallyInstantRunoff(*ctx);
      break;
    case Method::kSchulze:
      out = ranked::TallySchulze(*ctx);
      break;
    case Method::kStv:
      out = ranked::TallyStv(*ctx);
      break;
    default:
      break;
  }
  if (!out.ok()) return out;
  const bool tie = (*out)["tie"].get<bool>();
  (*out)["tie_break"] = tie ? nlohmann::json(ctx->tie_rule) : nlohmann::json(nullptr);
  if (tie) (*out)["tie_break_order"] = ctx->TieOrder();
  return out;
}

}  // namespace ecosol::participation
