#pragma once

// What the ranked methods (ranked.cc, schulze.cc, stv.cc) share: the validated options, the
// tie-break order, the ballots' rankings as option indices, and the number format of results.
// Private to the module. Rules and sources: docs/participation.md.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/participation/tally.h"

namespace ecosol::participation::ranked {

// Option ids to their positions: an open-addressing table with linear probing, because a tally of
// a million ballots looks up twenty million ids and std::unordered_map spent most of the time
// there. Borrows the ids, which must outlive it.
class OptionIndex {
 public:
  explicit OptionIndex(size_t options = 0);
  // False when `id` is already in the table.
  bool Insert(std::string_view id, int option);
  // The option's position, or -1.
  int Find(std::string_view id) const;

 private:
  // An id of at most 8 bytes as one word (its bytes in order); false for a longer id.
  static bool Pack(std::string_view id, uint64_t* word);
  static uint64_t Hash(std::string_view id);

  std::vector<int> slots_;  // option positions; -1 for an empty slot
  std::vector<std::string_view> ids_;
  std::vector<uint64_t> packed_;  // packed_[option]: its id packed, when at most 8 bytes
  uint64_t mask_ = 0;
};

// The options of one tally, checked (ids present and distinct, seats within 1..options).
// Borrows `input`, which must outlive it.
struct Context {
  const TallyInput* input = nullptr;
  int n = 0;          // options
  OptionIndex index;  // option id -> position in input.options
  // tie_place[i]: option i's place in the tie-break order; the lower place is favoured.
  std::vector<int> tie_place;
  std::string tie_rule;  // the tie-break order in words
  double epsilon = 0;    // votes closer than this are equal (weights are fractional)

  const std::string& Id(int option) const { return input->options[static_cast<size_t>(option)].id; }
  // The tie-break order as ids, favoured first.
  nlohmann::json TieOrder() const;
};

// The distinct rankings of the ballots (option indices, best first) with their summed weights
// (count x weight). An empty ranking (a blank ballot) is kept with its weight.
struct Profile {
  std::vector<int> options;    // the rankings one after another
  std::vector<size_t> begins;  // ranking k is options[begins[k], begins[k + 1])
  std::vector<double> weights;
  double total = 0;  // the summed weights of every ranking, blank ones included

  size_t size() const { return weights.size(); }
  std::span<const int> Ranking(size_t k) const {
    return std::span<const int>(options).subspan(begins[k], begins[k + 1] - begins[k]);
  }
};

Result<Context> MakeContext(const TallyInput& input);

// Calls visit(ranking, count x weight) for each ballot in input order after checking it:
// InvalidArgument naming ballots[i].ranking[j] for an unknown or repeated option, ballots[i].count
// or .weight for a count below 1 or a negative or non-finite weight. The span is valid during the
// call only; nothing is allocated per ballot.
using RankingVisitor = std::function<void(std::span<const int> ranking, double weight)>;
Status ForEachRanking(const Context& ctx, const RankingVisitor& visit);

// The ballots aggregated into distinct rankings (checked as ForEachRanking does).
Result<Profile> MakeProfile(const Context& ctx);

// Among `candidates` (non-empty), the one to eliminate: the fewest votes in the last round of
// `rounds` (each a vote per option); among equals, the fewest in the latest earlier round where
// they differ (backwards tie-breaking); then the last in the tie-break order. `*tied` is set when
// several had the fewest votes in the last round.
int PickLowest(const Context& ctx, const std::vector<int>& candidates,
               const std::vector<std::vector<double>>& rounds, bool* tied);

// A number for a result: votes rounded to 9 decimals, written as an integer when whole.
nlohmann::json Number(double x);

// {id: votes} over the options i for which include(i) holds.
nlohmann::json VotesById(const Context& ctx, const std::vector<double>& votes,
                         const std::function<bool(int)>& include);

Result<nlohmann::json> TallySchulze(const Context& ctx);
Result<nlohmann::json> TallyStv(const Context& ctx);

}  // namespace ecosol::participation::ranked
