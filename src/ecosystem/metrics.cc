// Network measures (metrics.h): igraph for the classic measures, hand-written code for what
// igraph lacks (brokerage.cc, slpa.cc, structural_holes.cc, weaving.cc).

#include "ecosol/ecosystem/metrics.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <numeric>
#include <random>

#include "metrics_internal.h"

namespace ecosol::ecosystem {
namespace internal {

std::mutex& IgraphMutex() {
  static std::mutex mutex;
  return mutex;
}

void InstallErrorHandler() {
  static std::once_flag once;
  std::call_once(once, [] { igraph_set_error_handler(igraph_error_handler_printignore); });
}

}  // namespace internal
namespace {

using internal::Check;
using internal::Graph;
using internal::IgraphMutex;
using internal::InstallErrorHandler;
using internal::IntVector;
using internal::RealVector;
using internal::UndirectedGraph;

Status ValidateOptions(const MetricsOptions& o) {
  if (o.betweenness != "auto" && o.betweenness != "exact" && o.betweenness != "sampled") {
    return InvalidArgument("betweenness: expected auto, exact or sampled, got '" + o.betweenness +
                           "'");
  }
  if (o.betweenness_samples < 2) return InvalidArgument("betweenness_samples: at least 2");
  if (!(o.resolution > 0) || !std::isfinite(o.resolution)) {
    return InvalidArgument("resolution: expected a number above 0");
  }
  if (o.leiden_iterations == 0 || o.leiden_iterations < -1) {
    return InvalidArgument("leiden_iterations: expected a positive number or -1");
  }
  if (!(o.pagerank_damping >= 0 && o.pagerank_damping < 1)) {
    return InvalidArgument("pagerank_damping: expected a number in [0, 1)");
  }
  if (o.slpa_iterations < 1) return InvalidArgument("slpa_iterations: at least 1");
  if (!(o.slpa_threshold > 0 && o.slpa_threshold <= 0.5)) {
    return InvalidArgument("slpa_threshold: expected a number in (0, 0.5]");
  }
  if (o.language != "en" && o.language != "fr" && o.language != "es" && o.language != "pt") {
    return InvalidArgument("language: expected en, fr, es or pt, got '" + o.language + "'");
  }
  return Status::Ok();
}

Status ValidateNetwork(const Network& net) {
  const int n = static_cast<int>(net.nodes.size());
  for (size_t i = 0; i < net.edges.size(); ++i) {
    const Edge& e = net.edges[i];
    if (e.from < 0 || e.from >= n || e.to < 0 || e.to >= n) {
      return InvalidArgument("edge " + std::to_string(i) + ": end is not a node");
    }
    if (e.from == e.to) return InvalidArgument("edge " + std::to_string(i) + ": self-loop");
    if (!(e.weight > 0) || !std::isfinite(e.weight)) {
      return InvalidArgument("edge " + std::to_string(i) + ": weight must be above 0");
    }
  }
  return Status::Ok();
}

class Timer {
 public:
  explicit Timer(NetworkMetrics& m) : m_(m) {}
  void Lap(std::string phase) {
    auto now = std::chrono::steady_clock::now();
    m_.timings.emplace_back(std::move(phase), std::chrono::duration<double>(now - start_).count());
    start_ = now;
  }

 private:
  NetworkMetrics& m_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Everything ComputeMetrics works from: the directed graph, the undirected view, weights.
struct Graphs {
  Graph directed;
  Graph undirected;
  std::vector<double> directed_weight;
  UndirectedGraph u;
};

Status BuildGraphs(const Network& net, Graphs& g) {
  std::vector<int64_t> from, to;
  from.reserve(net.edges.size());
  to.reserve(net.edges.size());
  g.directed_weight.reserve(net.edges.size());
  for (const Edge& e : net.edges) {
    from.push_back(e.from);
    to.push_back(e.to);
    g.directed_weight.push_back(e.weight);
  }
  const auto n = static_cast<int64_t>(net.nodes.size());
  ECOSOL_RETURN_IF_ERROR(g.directed.Create(n, from, to, true));
  g.u = internal::Collapse(net);
  return g.undirected.Create(n, g.u.from, g.u.to, false);
}

void Degrees(const Network& net, NetworkMetrics& m) {
  for (const Edge& e : net.edges) {
    auto& a = m.node_metrics[static_cast<size_t>(e.from)];
    auto& b = m.node_metrics[static_cast<size_t>(e.to)];
    ++a.out_degree;
    ++b.in_degree;
    a.strength += e.weight;
    b.strength += e.weight;
  }
  for (auto& nm : m.node_metrics) nm.degree = nm.in_degree + nm.out_degree;
}

// Distinct directed ties over n (n - 1).
double DirectedDensity(const Network& net) {
  const auto n = static_cast<double>(net.nodes.size());
  if (n < 2) return 0;
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(net.edges.size());
  for (const Edge& e : net.edges) pairs.emplace_back(e.from, e.to);
  std::sort(pairs.begin(), pairs.end());
  auto distinct = std::unique(pairs.begin(), pairs.end()) - pairs.begin();
  return static_cast<double>(distinct) / (n * (n - 1));
}

Status PageRank(const Graphs& g, const MetricsOptions& o, NetworkMetrics& m) {
  RealVector rank;
  if (!rank.ok()) return Internal("igraph: out of memory");
  igraph_vector_t w = internal::View(g.directed_weight);
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_pagerank(g.directed.get(), IGRAPH_PAGERANK_ALGO_PRPACK, rank.get(), nullptr,
                            igraph_vss_all(), true, o.pagerank_damping, &w, nullptr),
            "pagerank"));
  std::vector<double> r = rank.ToStd();
  for (size_t v = 0; v < r.size(); ++v) m.node_metrics[v].pagerank = r[v];
  return Status::Ok();
}

Status Components(const Graphs& g, NetworkMetrics& m, std::vector<int64_t>& membership) {
  IntVector member, sizes;
  igraph_integer_t count = 0;
  if (!member.ok() || !sizes.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(Check(igraph_connected_components(g.undirected.get(), member.get(),
                                                           sizes.get(), &count, IGRAPH_WEAK),
                               "components"));
  membership = member.ToStd();
  std::vector<int64_t> s = sizes.ToStd();
  m.components = count;
  m.largest_component = s.empty() ? 0 : *std::max_element(s.begin(), s.end());
  for (size_t v = 0; v < membership.size(); ++v) m.node_metrics[v].component = membership[v];
  return Status::Ok();
}

Status Closeness(const Graphs& g, NetworkMetrics& m) {
  RealVector res;
  if (!res.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(Check(igraph_closeness(g.undirected.get(), res.get(), nullptr, nullptr,
                                                igraph_vss_all(), IGRAPH_ALL, nullptr, true),
                               "closeness"));
  std::vector<double> c = res.ToStd();
  for (size_t v = 0; v < c.size(); ++v) m.node_metrics[v].closeness = c[v];
  return Status::Ok();
}

Status TwoStepReach(const Graphs& g, NetworkMetrics& m) {
  IntVector res;
  if (!res.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(Check(
      igraph_neighborhood_size(g.undirected.get(), res.get(), igraph_vss_all(), 2, IGRAPH_ALL, 1),
      "two-step reach"));
  std::vector<int64_t> r = res.ToStd();
  for (size_t v = 0; v < r.size(); ++v) m.node_metrics[v].two_step_reach = r[v];
  return Status::Ok();
}

// Betweenness from the shortest paths that start at `sources` (all targets), scaled by
// n / |sources|: the Brandes-Pich estimator, unbiased for uniformly drawn pivots.
Status SubsetBetweenness(const Graphs& g, const std::vector<int64_t>& sources,
                         std::vector<double>& out) {
  RealVector res;
  IntVector src;
  if (!res.ok() || !src.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_vector_int_resize(src.get(), static_cast<igraph_integer_t>(sources.size())),
            "pivots"));
  std::copy(sources.begin(), sources.end(), VECTOR(*src.get()));
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_betweenness_subset(g.undirected.get(), res.get(), igraph_vss_all(), false,
                                      igraph_vss_vector(src.get()), igraph_vss_all(), nullptr),
            "sampled betweenness"));
  out = res.ToStd();
  const double scale = static_cast<double>(g.u.n) / static_cast<double>(sources.size());
  for (double& b : out) b *= scale;
  return Status::Ok();
}

// Two half-estimates from disjoint halves of the pivots; their weighted mean is the estimate.
// Half their L2 distance estimates its error (each half has twice the variance of the whole),
// times sqrt(1 - k/n) because pivots are drawn without replacement: with every node a pivot the
// estimate is exact. On the test graphs this tracks the true error within a factor of 1.5.
Status SampledBetweenness(const Graphs& g, const MetricsOptions& o, NetworkMetrics& m) {
  std::vector<int64_t> nodes(static_cast<size_t>(g.u.n));
  std::iota(nodes.begin(), nodes.end(), 0);
  std::mt19937_64 rng(o.seed);
  std::shuffle(nodes.begin(), nodes.end(), rng);
  const auto k = static_cast<size_t>(o.betweenness_samples);
  std::vector<int64_t> first(nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(k / 2));
  std::vector<int64_t> second(nodes.begin() + static_cast<std::ptrdiff_t>(k / 2),
                              nodes.begin() + static_cast<std::ptrdiff_t>(k));
  std::vector<double> b1, b2;
  ECOSOL_RETURN_IF_ERROR(SubsetBetweenness(g, first, b1));
  ECOSOL_RETURN_IF_ERROR(SubsetBetweenness(g, second, b2));
  const double w1 = static_cast<double>(first.size()) / static_cast<double>(k);
  double diff2 = 0, norm2 = 0;
  for (size_t v = 0; v < b1.size(); ++v) {
    double b = w1 * b1[v] + (1 - w1) * b2[v];
    m.node_metrics[v].betweenness = b;
    diff2 += (b1[v] - b2[v]) * (b1[v] - b2[v]);
    norm2 += b * b;
  }
  const double fpc = std::sqrt(1 - static_cast<double>(k) / static_cast<double>(g.u.n));
  m.betweenness = {true, static_cast<int64_t>(k),
                   norm2 > 0 ? fpc * std::sqrt(diff2) / 2 / std::sqrt(norm2) : 0};
  return Status::Ok();
}

Status Betweenness(const Graphs& g, const MetricsOptions& o, NetworkMetrics& m) {
  bool sampled =
      o.betweenness == "sampled" || (o.betweenness == "auto" && g.u.n > kSampledBetweennessAbove);
  if (sampled && o.betweenness_samples < g.u.n) return SampledBetweenness(g, o, m);
  RealVector res;
  if (!res.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_betweenness(g.undirected.get(), res.get(), igraph_vss_all(), false, nullptr),
            "betweenness"));
  std::vector<double> b = res.ToStd();
  for (size_t v = 0; v < b.size(); ++v) m.node_metrics[v].betweenness = b[v];
  m.betweenness = {false, 0, kUndefined};
  return Status::Ok();
}

// Leiden with the modularity objective, as python-igraph's community_leiden(objective_function=
// "modularity"): node weights are strengths and the resolution is divided by twice the total
// weight.
Status Leiden(const Graphs& g, const MetricsOptions& o, NetworkMetrics& m) {
  const size_t n = static_cast<size_t>(g.u.n);
  double total = std::accumulate(g.u.weight.begin(), g.u.weight.end(), 0.0);
  IntVector member;
  if (!member.ok()) return Internal("igraph: out of memory");
  if (total <= 0) {  // no ties: every node is its own community, modularity undefined
    for (size_t v = 0; v < n; ++v) m.node_metrics[v].community = static_cast<int64_t>(v);
    m.communities = g.u.n;
    return Status::Ok();
  }
  std::vector<double> strength(n, 0.0);
  for (size_t v = 0; v < n; ++v) {
    for (auto a = g.u.offset[v]; a < g.u.offset[v + 1]; ++a) {
      strength[v] += g.u.adj_weight[static_cast<size_t>(a)];
    }
  }
  igraph_vector_t w = internal::View(g.u.weight), nw = internal::View(strength);
  igraph_integer_t clusters = 0;
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_community_leiden(g.undirected.get(), &w, &nw, o.resolution / (2 * total), 0.01,
                                    false, o.leiden_iterations, member.get(), &clusters, nullptr),
            "leiden"));
  ECOSOL_RETURN_IF_ERROR(Check(
      igraph_modularity(g.undirected.get(), member.get(), &w, o.resolution, false, &m.modularity),
      "modularity"));
  std::vector<int64_t> c = member.ToStd();
  for (size_t v = 0; v < n; ++v) m.node_metrics[v].community = c[v];
  m.communities = clusters;
  return Status::Ok();
}

Status StructuralHoles(const Graphs& g, NetworkMetrics& m) {
  RealVector res;
  if (!res.ok()) return Internal("igraph: out of memory");
  igraph_vector_t w = internal::View(g.u.weight);
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_constraint(g.undirected.get(), res.get(), igraph_vss_all(), &w), "constraint"));
  std::vector<double> c = res.ToStd();
  std::vector<double> es = internal::EffectiveSize(g.u);
  for (size_t v = 0; v < c.size(); ++v) {
    bool isolate = g.u.Degree(static_cast<int64_t>(v)) == 0;
    m.node_metrics[v].constraint = isolate ? kUndefined : c[v];
    m.node_metrics[v].effective_size = es[v];
  }
  return Status::Ok();
}

Status Weaving(const Graphs& g, const MetricsOptions& o, const std::vector<int64_t>& component,
               NetworkMetrics& m) {
  IntVector cores;
  if (!cores.ok()) return Internal("igraph: out of memory");
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_coreness(g.undirected.get(), cores.get(), IGRAPH_ALL), "coreness"));
  m.weaving = internal::ClassifyWeaving(g.u, component, cores.ToStd(), o.language);
  return Status::Ok();
}

void Overlapping(const Graphs& g, const MetricsOptions& o, NetworkMetrics& m) {
  auto communities = internal::Slpa(g.u, o.slpa_iterations, o.slpa_threshold, o.seed);
  int64_t count = 0;
  for (size_t v = 0; v < communities.size(); ++v) {
    for (int64_t c : communities[v]) count = std::max(count, c + 1);
    m.node_metrics[v].communities = std::move(communities[v]);
  }
  m.overlapping_communities = count;
}

void Brokerage(const Network& net, NetworkMetrics& m) {
  std::vector<BrokerageRoles> roles = internal::CountBrokerage(net);
  for (size_t v = 0; v < roles.size(); ++v) {
    m.node_metrics[v].has_brokerage = true;
    m.node_metrics[v].brokerage = roles[v];
  }
}

Status ComputeLocked(const Network& net, const MetricsOptions& o, NetworkMetrics& m) {
  Timer timer(m);
  Graphs g;
  ECOSOL_RETURN_IF_ERROR(BuildGraphs(net, g));
  timer.Lap("graph");
  Degrees(net, m);
  m.density = DirectedDensity(net);
  timer.Lap("degree");
  ECOSOL_RETURN_IF_ERROR(PageRank(g, o, m));
  timer.Lap("pagerank");
  std::vector<int64_t> component;
  ECOSOL_RETURN_IF_ERROR(Components(g, m, component));
  timer.Lap("components");
  if (o.communities) ECOSOL_RETURN_IF_ERROR(Leiden(g, o, m));
  timer.Lap("leiden");
  ECOSOL_RETURN_IF_ERROR(Weaving(g, o, component, m));
  timer.Lap("weaving");
  if (o.closeness) ECOSOL_RETURN_IF_ERROR(Closeness(g, m));
  if (o.betweenness_on) ECOSOL_RETURN_IF_ERROR(Betweenness(g, o, m));
  if (o.two_step_reach) ECOSOL_RETURN_IF_ERROR(TwoStepReach(g, m));
  timer.Lap("paths");
  if (o.structural_holes) ECOSOL_RETURN_IF_ERROR(StructuralHoles(g, m));
  if (o.overlapping) Overlapping(g, o, m);
  if (o.brokerage) Brokerage(net, m);
  timer.Lap("local");
  return Status::Ok();
}

}  // namespace

Result<NetworkMetrics> ComputeMetrics(const Network& net, const MetricsOptions& options) {
  ECOSOL_RETURN_IF_ERROR(ValidateOptions(options));
  ECOSOL_RETURN_IF_ERROR(ValidateNetwork(net));
  NetworkMetrics m;
  m.nodes = static_cast<int64_t>(net.nodes.size());
  m.edges = static_cast<int64_t>(net.edges.size());
  m.node_metrics.resize(net.nodes.size());
  std::lock_guard<std::mutex> lock(IgraphMutex());
  InstallErrorHandler();
  ECOSOL_RETURN_IF_ERROR(Check(igraph_rng_seed(igraph_rng_default(), options.seed), "seeding"));
  ECOSOL_RETURN_IF_ERROR(ComputeLocked(net, options, m));
  return m;
}

}  // namespace ecosol::ecosystem
