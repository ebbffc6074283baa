#pragma once

// Private to the ecosystem module: the undirected view of a network, the measures written by
// hand (brokerage, SLPA, effective size, weaving stage) and RAII handles for igraph objects.

#include <igraph/igraph.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/metrics.h"

namespace ecosol::ecosystem::internal {

// The undirected simple graph of a network: parallel and opposite edges merged into one tie
// whose weight is the sum of theirs. `from[i] < to[i]`, ties sorted. Adjacency in CSR form:
// the neighbours of v are adj[offset[v] .. offset[v + 1]), sorted, with the tie's weight.
struct UndirectedGraph {
  int64_t n = 0;
  std::vector<int64_t> from, to;
  std::vector<double> weight;
  std::vector<int64_t> offset;
  std::vector<int64_t> adj;
  std::vector<double> adj_weight;
  int64_t Degree(int64_t v) const {
    return offset[static_cast<size_t>(v) + 1] - offset[static_cast<size_t>(v)];
  }
};

UndirectedGraph Collapse(const Network& net);

// Brokerage roles per node (metrics.h), over the directed graph with parallel edges merged.
std::vector<BrokerageRoles> CountBrokerage(const Network& net);

// SLPA communities per node (slpa.cc): ids 0.. by first member; communities of one node and
// communities contained in another are dropped.
std::vector<std::vector<int64_t>> Slpa(const UndirectedGraph& g, int64_t iterations,
                                       double threshold, uint64_t seed);

// Burt's effective size per node, weighted as networkx's effective_size (NaN for isolates).
std::vector<double> EffectiveSize(const UndirectedGraph& g);

// The weaving stage from the undirected graph, its weak components and the coreness of nodes.
WeavingStage ClassifyWeaving(const UndirectedGraph& g, const std::vector<int64_t>& component,
                             const std::vector<int64_t>& coreness, std::string_view language);

// The reason text of a weaving stage in `language` (en, fr, es, pt), from its code and figures.
std::string WeavingReason(const WeavingStage& w, std::string_view language);

// igraph's random generator and error handler are process-wide: hold this mutex around igraph
// calls, after InstallErrorHandler (errors come back as return codes instead of aborting).
std::mutex& IgraphMutex();
void InstallErrorHandler();

// An igraph return code as a Status (Internal with igraph's message and what was being done).
Status Check(igraph_error_t rc, std::string_view what);

// Owns an igraph_t.
class Graph {
 public:
  Graph() = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  ~Graph() {
    if (live_) igraph_destroy(&g_);
  }
  // Builds the graph from edge end points (from[i] -> to[i]) on n vertices.
  Status Create(int64_t n, const std::vector<int64_t>& from, const std::vector<int64_t>& to,
                bool directed);
  const igraph_t* get() const { return &g_; }

 private:
  igraph_t g_;
  bool live_ = false;
};

// Owns an igraph_vector_t (real) or igraph_vector_int_t, initialised empty.
class RealVector {
 public:
  RealVector() { live_ = igraph_vector_init(&v_, 0) == IGRAPH_SUCCESS; }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
  ~RealVector() {
    if (live_) igraph_vector_destroy(&v_);
  }
  bool ok() const { return live_; }
  igraph_vector_t* get() { return &v_; }
  std::vector<double> ToStd() const;

 private:
  igraph_vector_t v_;
  bool live_ = false;
};

class IntVector {
 public:
  IntVector() { live_ = igraph_vector_int_init(&v_, 0) == IGRAPH_SUCCESS; }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
  ~IntVector() {
    if (live_) igraph_vector_int_destroy(&v_);
  }
  bool ok() const { return live_; }
  igraph_vector_int_t* get() { return &v_; }
  std::vector<int64_t> ToStd() const;

 private:
  igraph_vector_int_t v_;
  bool live_ = false;
};

// A read-only igraph view of a std::vector<double> (no copy; the vector must outlive it).
igraph_vector_t View(const std::vector<double>& values);

}  // namespace ecosol::ecosystem::internal
