// The undirected view of a network and the igraph handles (metrics_internal.h).

#include <algorithm>
#include <utility>

#include "metrics_internal.h"

namespace ecosol::ecosystem::internal {

Status Check(igraph_error_t rc, std::string_view what) {
  if (rc == IGRAPH_SUCCESS) return Status::Ok();
  return Internal("igraph failed in " + std::string(what) + ": " + igraph_strerror(rc));
}

Status Graph::Create(int64_t n, const std::vector<int64_t>& from, const std::vector<int64_t>& to,
                     bool directed) {
  if (live_) {
    igraph_destroy(&g_);
    live_ = false;
  }
  IntVector edges;
  if (!edges.ok()) return Internal("igraph: out of memory for the edge list");
  ECOSOL_RETURN_IF_ERROR(
      Check(igraph_vector_int_resize(edges.get(), static_cast<igraph_integer_t>(2 * from.size())),
            "edge list"));
  for (size_t i = 0; i < from.size(); ++i) {
    VECTOR(*edges.get())[2 * i] = from[i];
    VECTOR(*edges.get())[2 * i + 1] = to[i];
  }
  ECOSOL_RETURN_IF_ERROR(Check(igraph_create(&g_, edges.get(), n, directed), "igraph_create"));
  live_ = true;
  return Status::Ok();
}

std::vector<double> RealVector::ToStd() const {
  const double* data = VECTOR(v_);
  return std::vector<double>(data, data + igraph_vector_size(&v_));
}

std::vector<int64_t> IntVector::ToStd() const {
  const igraph_integer_t* data = VECTOR(v_);
  return std::vector<int64_t>(data, data + igraph_vector_int_size(&v_));
}

igraph_vector_t View(const std::vector<double>& values) {
  igraph_vector_t view;
  igraph_vector_view(&view, values.data(), static_cast<igraph_integer_t>(values.size()));
  return view;
}

namespace {

// Fills the CSR adjacency of `g` from its ties.
void BuildAdjacency(UndirectedGraph& g) {
  const size_t n = static_cast<size_t>(g.n);
  g.offset.assign(n + 1, 0);
  for (size_t i = 0; i < g.from.size(); ++i) {
    ++g.offset[static_cast<size_t>(g.from[i]) + 1];
    ++g.offset[static_cast<size_t>(g.to[i]) + 1];
  }
  for (size_t v = 0; v < n; ++v) g.offset[v + 1] += g.offset[v];
  g.adj.resize(2 * g.from.size());
  g.adj_weight.resize(2 * g.from.size());
  std::vector<int64_t> next(g.offset.begin(), g.offset.end() - 1);
  // Ties are sorted by (from, to), so each list fills in increasing order: the lower ends
  // first (as `to` of earlier ties), then the higher ends.
  for (size_t i = 0; i < g.from.size(); ++i) {
    size_t a = static_cast<size_t>(next[static_cast<size_t>(g.to[i])]++);
    g.adj[a] = g.from[i];
    g.adj_weight[a] = g.weight[i];
  }
  for (size_t i = 0; i < g.from.size(); ++i) {
    size_t a = static_cast<size_t>(next[static_cast<size_t>(g.from[i])]++);
    g.adj[a] = g.to[i];
    g.adj_weight[a] = g.weight[i];
  }
}

}  // namespace

UndirectedGraph Collapse(const Network& net) {
  UndirectedGraph g;
  g.n = static_cast<int64_t>(net.nodes.size());
  const uint64_t n = static_cast<uint64_t>(g.n);
  std::vector<std::pair<uint64_t, double>> keyed;
  keyed.reserve(net.edges.size());
  for (const Edge& e : net.edges) {
    uint64_t a = static_cast<uint64_t>(std::min(e.from, e.to));
    uint64_t b = static_cast<uint64_t>(std::max(e.from, e.to));
    keyed.emplace_back(a * n + b, e.weight);
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i > 0 && keyed[i].first == keyed[i - 1].first) {
      g.weight.back() += keyed[i].second;
      continue;
    }
    g.from.push_back(static_cast<int64_t>(keyed[i].first / n));
    g.to.push_back(static_cast<int64_t>(keyed[i].first % n));
    g.weight.push_back(keyed[i].second);
  }
  BuildAdjacency(g);
  return g;
}

}  // namespace ecosol::ecosystem::internal
