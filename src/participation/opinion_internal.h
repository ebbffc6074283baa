#pragma once

// Shared by opinion.cc (checks, statistics, JSON) and opinion_map.cc (the geometry: PCA,
// projection, k-means, silhouette). Private to the module. Thread safety: pure functions.

#include <array>
#include <span>
#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/participation/opinion.h"

namespace ecosol::participation::opinion {

// The checks of OpinionMap (statements, settings, every vote, no repeated vote), for
// ParseOpinionInput (opinion_input.cc).
Status CheckInput(const OpinionInput& in);

// One vote of a participant: its statement's index, the vote (1, -1, 0) and its index in
// OpinionInput::votes (for error messages).
struct Cell {
  int statement = 0;
  int vote = 0;
  size_t index = 0;
};

// The votes by participant, each participant's sorted by statement (a compressed sparse row
// matrix of the votes, participants in order of first vote, then those listed without one).
struct Votes {
  std::vector<std::string> participants;
  std::vector<size_t> row_start;  // participant p's cells: [row_start[p], row_start[p + 1])
  std::vector<Cell> cells;

  std::span<const Cell> Row(size_t p) const {
    return std::span<const Cell>(cells).subspan(row_start[p], Count(p));
  }
  size_t Count(size_t p) const { return row_start[p + 1] - row_start[p]; }
};

struct Point {
  double x = 0, y = 0;
};

struct Components {
  std::vector<std::array<double, 2>> loadings;  // per statement: its weight in each component
  std::array<double, 2> explained{0, 0};        // share of the total variance of each
};

// A partition of the placed participants' points into k groups numbered by size, largest first.
struct Clustering {
  std::vector<int> label;  // per point, 0..k-1
  std::vector<Point> centre;
  std::vector<size_t> size;
  double inertia = 0;  // sum of squared distances to the group's centre
};

// The principal components of the centred vote matrix of the `placed` participants (indices
// into votes.participants, each with at least one vote) and each one's point on the plane.
// InvalidArgument when the matrix has no variance (everyone voted alike).
Result<Components> MapPlaced(const Votes& votes, const std::vector<size_t>& placed,
                             size_t statements, std::vector<Point>& points);

// k-means++ with several restarts; needs at least k distinct points. Deterministic in seed.
Clustering KMeans(const std::vector<Point>& points, int k, unsigned seed);

// The mean silhouette of each clustering of `points` (k at most 5).
std::vector<double> Silhouettes(const std::vector<Point>& points,
                                const std::vector<Clustering>& all, unsigned seed);

}  // namespace ecosol::participation::opinion
