// The network-weaving stage of a network (metrics.h; Krebs and Holley, "Building smart
// communities through network weaving"), read from figures of the undirected graph. The rules,
// in order (docs/ecosystem.md, "Network weaving"):
//
//   1. no ties, or fewer than 3 nodes                          -> scattered (no_ties)
//   2. the largest component holds under half of the nodes     -> scattered (fragmented)
//   3. a dense core: the k-core of the highest k (k >= 3) has at least 4 nodes, density >= 0.5,
//      and the nodes outside it are at most a quarter as dense  -> core_periphery (dense_core)
//   4. no hub (a hub has degree >= 3 and >= twice the mean degree in the largest component)
//                                                               -> scattered (no_hub)
//   5. one hub                                                  -> hub_and_spoke (single_hub)
//   6. several hubs, but degree centralisation >= 0.5           -> hub_and_spoke (dominant_hub)
//   7. several hubs                                             -> multi_hub (several_hubs)

#include <algorithm>
#include <cmath>

#include "metrics_internal.h"

namespace ecosol::ecosystem::internal {
namespace {

constexpr double kLargestComponentShare = 0.5;
constexpr int64_t kMinCoreness = 3;
constexpr int64_t kMinCoreSize = 4;
constexpr double kMinCoreDensity = 0.5;
constexpr double kPeripheryDensityRatio = 0.25;
constexpr double kHubMeanMultiple = 2.0;
constexpr double kMinHubDegree = 3.0;
constexpr double kDominantCentralisation = 0.5;

double PairDensity(int64_t ties, int64_t nodes) {
  if (nodes < 2) return 0;
  return 2.0 * static_cast<double>(ties) /
         (static_cast<double>(nodes) * static_cast<double>(nodes - 1));
}

void ComponentFigures(const UndirectedGraph& g, const std::vector<int64_t>& component,
                      WeavingStage& w, int64_t& largest) {
  std::vector<int64_t> sizes;
  for (int64_t c : component) {
    if (static_cast<size_t>(c) >= sizes.size()) sizes.resize(static_cast<size_t>(c) + 1, 0);
    ++sizes[static_cast<size_t>(c)];
  }
  w.components = static_cast<int64_t>(sizes.size());
  largest = static_cast<int64_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  w.largest_component_share =
      static_cast<double>(sizes[static_cast<size_t>(largest)]) / static_cast<double>(g.n);
  for (int64_t v = 0; v < g.n; ++v) w.isolates += g.Degree(v) == 0 ? 1 : 0;
}

void HubFigures(const UndirectedGraph& g, const std::vector<int64_t>& component, int64_t largest,
                WeavingStage& w) {
  int64_t max_degree = 0, degree_sum = 0, members = 0;
  for (int64_t v = 0; v < g.n; ++v) max_degree = std::max(max_degree, g.Degree(v));
  for (int64_t v = 0; v < g.n; ++v) {
    if (component[static_cast<size_t>(v)] != largest) continue;
    degree_sum += g.Degree(v);
    ++members;
  }
  double mean = static_cast<double>(degree_sum) / static_cast<double>(members);
  w.hub_threshold = std::max(kMinHubDegree, kHubMeanMultiple * mean);
  double spread = 0;
  for (int64_t v = 0; v < g.n; ++v) {
    spread += static_cast<double>(max_degree - g.Degree(v));
    bool hub = component[static_cast<size_t>(v)] == largest &&
               static_cast<double>(g.Degree(v)) >= w.hub_threshold;
    w.hubs += hub ? 1 : 0;
  }
  const auto n = static_cast<double>(g.n);
  w.degree_centralisation = g.n < 3 ? 0 : spread / ((n - 1) * (n - 2));
}

void CoreFigures(const UndirectedGraph& g, const std::vector<int64_t>& coreness, WeavingStage& w) {
  int64_t k = coreness.empty() ? 0 : *std::max_element(coreness.begin(), coreness.end());
  if (k < kMinCoreness) return;
  auto in_core = [&](int64_t v) { return coreness[static_cast<size_t>(v)] == k; };
  int64_t core_ties = 0, periphery_ties = 0;
  for (size_t i = 0; i < g.from.size(); ++i) {
    if (in_core(g.from[i]) && in_core(g.to[i])) ++core_ties;
    if (!in_core(g.from[i]) && !in_core(g.to[i])) ++periphery_ties;
  }
  w.core_size = std::count(coreness.begin(), coreness.end(), k);
  w.core_density = PairDensity(core_ties, w.core_size);
  w.periphery_density = PairDensity(periphery_ties, g.n - w.core_size);
}

void Decide(WeavingStage& w) {
  auto set = [&](const char* stage, const char* code) {
    w.stage = stage;
    w.reason_code = code;
  };
  if (w.ties == 0 || w.nodes < 3) return set("scattered", "no_ties");
  if (w.largest_component_share < kLargestComponentShare) return set("scattered", "fragmented");
  if (w.core_size >= kMinCoreSize && w.core_density >= kMinCoreDensity &&
      w.periphery_density <= kPeripheryDensityRatio * w.core_density) {
    return set("core_periphery", "dense_core");
  }
  if (w.hubs == 0) return set("scattered", "no_hub");
  if (w.hubs == 1) return set("hub_and_spoke", "single_hub");
  if (w.degree_centralisation >= kDominantCentralisation) {
    return set("hub_and_spoke", "dominant_hub");
  }
  set("multi_hub", "several_hubs");
}

}  // namespace

WeavingStage ClassifyWeaving(const UndirectedGraph& g, const std::vector<int64_t>& component,
                             const std::vector<int64_t>& coreness, std::string_view language) {
  WeavingStage w;
  w.nodes = g.n;
  w.ties = static_cast<int64_t>(g.from.size());
  w.density = PairDensity(w.ties, g.n);
  if (g.n > 0) {
    int64_t largest = 0;
    ComponentFigures(g, component, w, largest);
    HubFigures(g, component, largest, w);
    CoreFigures(g, coreness, w);
  }
  Decide(w);
  w.reason = WeavingReason(w, language);
  return w;
}

}  // namespace ecosol::ecosystem::internal
