// SLPA, the speaker-listener label propagation of Xie, Szymanski and Liu (2011), for
// overlapping communities (metrics.h). igraph 0.10 has no overlapping community method (its
// label propagation keeps one label per node), so it is written here.
//
// Every node remembers the labels it has heard, starting with its own. At each of `iterations`
// rounds, nodes listen in a shuffled order: each neighbour speaks a label drawn from its memory
// in proportion to how often it holds it, and the listener keeps the label with the most weight
// spoken (the tie's weight; the lowest label on a draw). Afterwards a node belongs to every
// community whose label fills at least `threshold` of its memory. All randomness comes from one
// generator seeded with `seed`, so a run is reproducible.

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <utility>

#include "metrics_internal.h"

namespace ecosol::ecosystem::internal {
namespace {

using Memory = std::vector<std::pair<int64_t, int64_t>>;  // (label, times heard)

int64_t Speak(const Memory& memory, int64_t heard, std::mt19937_64& rng) {
  std::uniform_int_distribution<int64_t> pick(0, heard - 1);
  int64_t draw = pick(rng);
  for (const auto& [label, count] : memory) {
    if (draw < count) return label;
    draw -= count;
  }
  return memory.back().first;
}

void Remember(Memory& memory, int64_t label) {
  for (auto& [l, count] : memory) {
    if (l == label) {
      ++count;
      return;
    }
  }
  memory.emplace_back(label, 1);
}

std::vector<Memory> Propagate(const UndirectedGraph& g, int64_t iterations, uint64_t seed) {
  const auto n = static_cast<size_t>(g.n);
  std::vector<Memory> memory(n);
  for (size_t v = 0; v < n; ++v) memory[v].emplace_back(static_cast<int64_t>(v), 1);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937_64 rng(seed);
  std::map<int64_t, double> spoken;
  for (int64_t t = 1; t <= iterations; ++t) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t v : order) {
      if (g.offset[v] == g.offset[v + 1]) continue;
      spoken.clear();
      for (auto a = g.offset[v]; a < g.offset[v + 1]; ++a) {
        const auto u = static_cast<size_t>(g.adj[static_cast<size_t>(a)]);
        spoken[Speak(memory[u], t, rng)] += g.adj_weight[static_cast<size_t>(a)];
      }
      auto best = std::max_element(spoken.begin(), spoken.end(), [](const auto& x, const auto& y) {
        return x.second < y.second;
      });
      Remember(memory[v], best->first);
    }
  }
  return memory;
}

}  // namespace

std::vector<std::vector<int64_t>> Slpa(const UndirectedGraph& g, int64_t iterations,
                                       double threshold, uint64_t seed) {
  const auto n = static_cast<size_t>(g.n);
  std::vector<Memory> memory = Propagate(g, iterations, seed);
  // label -> members, and node -> labels it keeps.
  std::map<int64_t, std::vector<int64_t>> members;
  std::vector<std::vector<int64_t>> labels(n);
  const double heard = static_cast<double>(iterations + 1);
  for (size_t v = 0; v < n; ++v) {
    for (const auto& [label, count] : memory[v]) {
      if (static_cast<double>(count) / heard < threshold) continue;
      members[label].push_back(static_cast<int64_t>(v));
      labels[v].push_back(label);
    }
  }
  // Keep communities of two or more that no other kept community contains (of two equal ones,
  // the lower label), numbered by their first member.
  std::vector<std::pair<int64_t, int64_t>> kept;  // (first member, label)
  for (const auto& [label, nodes] : members) {
    if (nodes.size() < 2) continue;
    bool nested = false;
    for (int64_t other : labels[static_cast<size_t>(nodes.front())]) {
      const auto& o = members[other];
      if (other == label || o.size() < nodes.size()) continue;
      if (o.size() == nodes.size() && other > label) continue;
      nested = std::includes(o.begin(), o.end(), nodes.begin(), nodes.end());
      if (nested) break;
    }
    if (!nested) kept.emplace_back(nodes.front(), label);
  }
  std::sort(kept.begin(), kept.end());
  std::vector<std::vector<int64_t>> communities(n);
  for (size_t id = 0; id < kept.size(); ++id) {
    for (int64_t v : members[kept[id].second]) {
      communities[static_cast<size_t>(v)].push_back(static_cast<int64_t>(id));
    }
  }
  return communities;
}

}  // namespace ecosol::ecosystem::internal
