// A picture of the network: positions from igraph's Fruchterman-Reingold layout.

#include <cmath>
#include <numbers>

#include "ecosol/ecosystem/metrics.h"
#include "metrics_internal.h"

namespace ecosol::ecosystem {

Result<std::vector<Point2>> LayoutNetwork(const Network& net, int64_t iterations) {
  if (iterations < 1) return InvalidArgument("iterations: at least 1");
  const int64_t n = static_cast<int64_t>(net.nodes.size());
  std::vector<Point2> out(net.nodes.size(), Point2{0.5, 0.5});
  if (n < 2) return out;
  std::vector<int64_t> from, to;
  for (const Edge& e : net.edges) {
    if (e.from < 0 || e.to < 0 || e.from >= n || e.to >= n) {
      return InvalidArgument("edge " + e.relationship_id + ": its ends are not nodes");
    }
    from.push_back(e.from);
    to.push_back(e.to);
  }
  std::lock_guard<std::mutex> lock(internal::IgraphMutex());
  internal::InstallErrorHandler();
  // The algorithm also moves nodes at random: a fixed seed makes the picture reproducible.
  ECOSOL_RETURN_IF_ERROR(internal::Check(igraph_rng_seed(igraph_rng_default(), 42), "seeding"));
  internal::Graph g;
  ECOSOL_RETURN_IF_ERROR(g.Create(n, from, to, /*directed=*/false));
  igraph_matrix_t res;
  ECOSOL_RETURN_IF_ERROR(internal::Check(igraph_matrix_init(&res, n, 2), "allocating the layout"));
  // From a circle (use_seed), without the grid.
  for (int64_t i = 0; i < n; ++i) {
    const double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);
    MATRIX(res, i, 0) = std::cos(angle) * std::sqrt(static_cast<double>(n));
    MATRIX(res, i, 1) = std::sin(angle) * std::sqrt(static_cast<double>(n));
  }
  Status s = internal::Check(
      igraph_layout_fruchterman_reingold(g.get(), &res, /*use_seed=*/true, iterations,
                                         std::sqrt(static_cast<double>(n)), IGRAPH_LAYOUT_NOGRID,
                                         nullptr, nullptr, nullptr, nullptr, nullptr),
      "laying out the network");
  if (s.ok()) {
    double min_x = INFINITY, max_x = -INFINITY, min_y = INFINITY, max_y = -INFINITY;
    for (int64_t i = 0; i < n; ++i) {
      min_x = std::min(min_x, MATRIX(res, i, 0));
      max_x = std::max(max_x, MATRIX(res, i, 0));
      min_y = std::min(min_y, MATRIX(res, i, 1));
      max_y = std::max(max_y, MATRIX(res, i, 1));
    }
    // One scale for both axes keeps the shape; centred in the unit square.
    const double span = std::max({max_x - min_x, max_y - min_y, 1e-9});
    for (int64_t i = 0; i < n; ++i) {
      const size_t k = static_cast<size_t>(i);
      out[k].x = (MATRIX(res, i, 0) - min_x) / span + (1 - (max_x - min_x) / span) / 2;
      out[k].y = (MATRIX(res, i, 1) - min_y) / span + (1 - (max_y - min_y) / span) / 2;
    }
  }
  igraph_matrix_destroy(&res);
  if (!s.ok()) return s;
  return out;
}

}  // namespace ecosol::ecosystem
