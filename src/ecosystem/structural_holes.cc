// Burt's effective size (metrics.h). igraph has Burt's constraint but not effective size, so it
// is computed here, as networkx's effective_size with weights:
//
//   esize(i) = sum over neighbours j of (1 - sum over neighbours q of i of p(i,q) m(j,q))
//
// where p(i,q) is the weight of the tie i-q over the total weight of i's ties, and m(j,q) the
// weight of j-q over the heaviest tie of j. With every weight 1 this is Borgatti's
// simplification n - 2t/n (n neighbours, t ties among them).

#include <algorithm>
#include <cmath>

#include "metrics_internal.h"

namespace ecosol::ecosystem::internal {
namespace {

// sum over q in N(i) with a tie j-q of p(i,q) * w(j,q): merges the two sorted lists.
double SharedWeight(const UndirectedGraph& g, size_t i, size_t j) {
  auto a = static_cast<size_t>(g.offset[i]), a_end = static_cast<size_t>(g.offset[i + 1]);
  auto b = static_cast<size_t>(g.offset[j]), b_end = static_cast<size_t>(g.offset[j + 1]);
  double sum = 0;
  while (a < a_end && b < b_end) {
    if (g.adj[a] < g.adj[b]) {
      ++a;
    } else if (g.adj[b] < g.adj[a]) {
      ++b;
    } else {
      sum += g.adj_weight[a] * g.adj_weight[b];
      ++a;
      ++b;
    }
  }
  return sum;
}

}  // namespace

std::vector<double> EffectiveSize(const UndirectedGraph& g) {
  const auto n = static_cast<size_t>(g.n);
  std::vector<double> total(n, 0.0), heaviest(n, 0.0);
  for (size_t v = 0; v < n; ++v) {
    for (auto a = static_cast<size_t>(g.offset[v]); a < static_cast<size_t>(g.offset[v + 1]); ++a) {
      total[v] += g.adj_weight[a];
      heaviest[v] = std::max(heaviest[v], g.adj_weight[a]);
    }
  }
  std::vector<double> size(n, std::nan(""));
  for (size_t i = 0; i < n; ++i) {
    if (total[i] <= 0) continue;
    double s = 0;
    for (auto a = static_cast<size_t>(g.offset[i]); a < static_cast<size_t>(g.offset[i + 1]); ++a) {
      const auto j = static_cast<size_t>(g.adj[a]);
      s += 1 - SharedWeight(g, i, j) / (total[i] * heaviest[j]);
    }
    size[i] = s;
  }
  return size;
}

}  // namespace ecosol::ecosystem::internal
