// The tie-break order shared by every method (tie_order.h).

#include "tie_order.h"

#include <cstdint>
#include <numeric>
#include <string_view>
#include <utility>

namespace ecosol::participation {
namespace {

uint64_t Fnv1a(std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Uniform in [0, bound): draws below 2^64 mod bound are rejected so that no value is favoured.
uint64_t UniformBelow(uint64_t bound, uint64_t& state) {
  const uint64_t reject_below = (0 - bound) % bound;
  uint64_t x = SplitMix64(state);
  while (x < reject_below) x = SplitMix64(state);
  return x % bound;
}

}  // namespace

TieOrder MakeTieOrder(const TallyInput& input) {
  std::vector<int> order(input.options.size());
  std::iota(order.begin(), order.end(), 0);
  TieOrder out;
  const std::string& seed = input.tie_break_seed;
  if (seed.empty()) {
    out.rule = "the order in which the options are listed (the first listed is favoured)";
  } else {
    uint64_t state = Fnv1a(seed);
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates
      std::swap(order[i - 1], order[UniformBelow(i, state)]);
    }
    out.rule = "a random order of the options drawn from the public seed '" + seed +
               "' (FNV-1a, SplitMix64, Fisher-Yates; the first drawn is favoured)";
  }
  out.place.assign(order.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) out.place[static_cast<size_t>(order[k])] = int(k);
  return out;
}

}  // namespace ecosol::participation
