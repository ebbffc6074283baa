#pragma once

// Network measures of an ecosystem (docs/ecosystem.md, "Network measures"): who is central, who
// brokers between which kinds of actors, which communities form, and how far the territory's
// network has been woven.
//
//   MetricsOptions options;
//   options.language = "fr";
//   Result<NetworkMetrics> m = ComputeMetrics(net, options);
//   if (!m.ok()) return m.status();
//   nlohmann::json body = MetricsToJson(net, *m);   // the shape the web app and API read
//
// Edges are directed (relationship from -> to). In/out degree, PageRank and brokerage use the
// direction; closeness, betweenness, two-step reach, components (weak), communities, constraint
// and effective size use the undirected graph in which parallel and opposite edges are merged
// into one tie whose weight is the sum of theirs. Path measures count hops (weights are
// strengths, not distances); PageRank, Leiden and constraint use the weights.
//
// Thread safety: igraph keeps global state (its random generator and error handler), so
// ComputeMetrics holds one process-wide lock while it runs: calls from several threads are safe
// but run one after another.

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/network.h"

namespace ecosol::ecosystem {

// Above this many nodes, betweenness "auto" is sampled: exact betweenness costs O(n m), about a
// minute at 20,000 nodes and 100,000 ties on one core; sampling k pivots costs O(k m).
inline constexpr int64_t kSampledBetweennessAbove = 20000;

struct MetricsOptions {
  // "auto" (exact up to kSampledBetweennessAbove nodes, sampled above), "exact" or "sampled".
  std::string betweenness = "auto";
  // Sampled betweenness: the number of random source pivots (at least 2; at least n is exact).
  int64_t betweenness_samples = 1000;
  // Seeds igraph's generator (Leiden), the pivots and SLPA: the same seed, the same results.
  uint64_t seed = 42;
  // Leiden with the modularity objective: resolution (> 0; higher gives smaller communities),
  // and the number of passes (> 0, or -1 to iterate until the partition is stable).
  double resolution = 1.0;
  int64_t leiden_iterations = 2;
  double pagerank_damping = 0.85;  // in [0, 1)
  // SLPA (overlapping communities): iterations (> 0) and the share of a node's memory a label
  // must reach to make the node a member (in (0, 0.5]).
  int64_t slpa_iterations = 20;
  double slpa_threshold = 0.1;
  // Language of the weaving stage's reason: "en", "fr", "es" or "pt".
  std::string language = "en";
  // Switches for the costly measures; a measure switched off is reported as null.
  bool closeness = true;
  bool betweenness_on = true;
  bool two_step_reach = true;
  bool communities = true;       // Leiden
  bool overlapping = true;       // SLPA
  bool structural_holes = true;  // constraint and effective size
  bool brokerage = true;
};

// Gould-Fernandez brokerage: how many times the node is the middle b of a directed two-path
// a -> b -> c with no tie a -> c, by the groups (Node::group) of a, b and c.
struct BrokerageRoles {
  int64_t coordinator = 0;     // a, b, c in one group
  int64_t itinerant = 0;       // a and c in one group, b in another
  int64_t gatekeeper = 0;      // b and c in one group, a in another
  int64_t representative = 0;  // a and b in one group, c in another
  int64_t liaison = 0;         // three different groups
  int64_t Total() const { return coordinator + itinerant + gatekeeper + representative + liaison; }
};

inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// The measures of one node, in the order of Network::nodes. NaN doubles and -1 integers are
// undefined or switched off (JSON null): closeness, constraint and effective size of an isolate.
struct NodeMetrics {
  int64_t in_degree = 0;            // relationships received
  int64_t out_degree = 0;           // relationships given
  int64_t degree = 0;               // in + out
  double strength = 0;              // sum of the weights of the node's relationships
  double closeness = kUndefined;    // 1 / mean hop distance to the nodes it can reach
  double betweenness = kUndefined;  // shortest paths between other pairs through it
  double pagerank = kUndefined;
  int64_t two_step_reach = -1;       // nodes at 1 or 2 hops
  int64_t component = -1;            // weak component, 0-based
  int64_t community = -1;            // Leiden community, 0-based
  std::vector<int64_t> communities;  // SLPA communities (0, 1 or more)
  double constraint = kUndefined;
  double effective_size = kUndefined;
  bool has_brokerage = false;
  BrokerageRoles brokerage;
};

struct BetweennessMethod {
  bool sampled = false;
  int64_t samples = 0;  // pivots, when sampled
  // Estimated relative L2 error of the sampled values against exact ones (docs/ecosystem.md):
  // half the distance between the estimates of the two halves of the pivots, over the norm of
  // the estimate, times sqrt(1 - k/n) (pivots are drawn without replacement). NaN when exact.
  double relative_error = kUndefined;
};

// The network-weaving stage of the network (docs/ecosystem.md, "Network weaving").
struct WeavingStage {
  std::string stage;        // "scattered", "hub_and_spoke", "multi_hub", "core_periphery"
  std::string reason_code;  // "no_ties", "fragmented", "dense_core", "single_hub", ...
  std::string reason;       // the reason in the requested language, with the figures
  // The figures the stage was read from (computed on the undirected graph).
  int64_t nodes = 0;
  int64_t ties = 0;  // undirected ties
  double density = 0;
  int64_t components = 0;
  double largest_component_share = 0;
  int64_t isolates = 0;
  double degree_centralisation = 0;  // Freeman, 0 (even) to 1 (a star)
  double hub_threshold = 0;          // degree a hub must reach
  int64_t hubs = 0;
  int64_t core_size = 0;  // nodes of the densest k-core (k >= 3), 0 without one
  double core_density = 0;
  double periphery_density = 0;
};

struct NetworkMetrics {
  int64_t nodes = 0;
  int64_t edges = 0;
  double density = 0;  // distinct directed ties / (n (n - 1))
  int64_t components = 0;
  int64_t largest_component = 0;
  int64_t communities = 0;  // Leiden; 0 when switched off
  double modularity = kUndefined;
  int64_t overlapping_communities = 0;  // SLPA
  BetweennessMethod betweenness;
  WeavingStage weaving;
  std::vector<NodeMetrics> node_metrics;
  // Seconds spent per phase ("graph", "degree", "pagerank", "leiden", ...), for benchmarks.
  std::vector<std::pair<std::string, double>> timings;
};

// Computes the measures. Errors: InvalidArgument for options out of range or an edge whose ends
// are not nodes; Internal when igraph fails (out of memory).
Result<NetworkMetrics> ComputeMetrics(const Network& net, const MetricsOptions& options);

// The JSON the web app and the API read (docs/ecosystem.md): {"summary", "weaving", "nodes",
// "edges"}; undefined values are null.
nlohmann::json MetricsToJson(const Network& net, const NetworkMetrics& metrics);

// A position in the unit square.
struct Point2 {
  double x = 0.5;
  double y = 0.5;
};

// Positions of the nodes for a picture of the network (Node order), in [0, 1] x [0, 1]:
// igraph's Fruchterman-Reingold layout on the ties taken as undirected, `iterations` rounds,
// started from a circle, so the same network always gives the same picture. Isolated nodes
// drift to the edges. InvalidArgument for iterations < 1 or an edge whose ends are not nodes;
// Internal when igraph fails.
Result<std::vector<Point2>> LayoutNetwork(const Network& net, int64_t iterations = 500);

}  // namespace ecosol::ecosystem
