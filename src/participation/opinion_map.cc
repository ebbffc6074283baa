// The geometry of an opinion map (opinion_internal.h; docs/participation.md, "Opinion map"):
// the centred vote matrix, its two principal components, the projection, k-means on the plane
// and the silhouette. opinion.cc reads and checks the input and computes the statistics.
//
// Speed: 10,000 participants x 1,000 statements at 30% density (3 million votes) must map in
// well under 5 s on one core. The matrix is kept sparse (a missing vote is the column mean, so
// after centring it is an exact zero), the two components come from the 1,000 x 1,000 Gram
// matrix of the statements (never the 10,000 x 10,000 one of the participants), and the
// silhouettes of every k share one pass over the pairs of points.

#include <Eigen/Dense>
#include <Eigen/LU>
#include <Eigen/SparseCore>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>

#include "opinion_internal.h"

namespace ecosol::participation::opinion {
namespace {

using SparseRows = Eigen::Map<const Eigen::SparseMatrix<double, Eigen::RowMajor, int>>;

constexpr int kMaxGroups = 5;
constexpr int kRestarts = 8;
constexpr int kLloydIterations = 100;
constexpr size_t kSilhouetteSample = 10000;
constexpr Eigen::Index kGramBlock = 256;
constexpr int kInverseSteps = 3;
constexpr std::uint64_t kStartSeed = 0x6f70696e696f6eULL;  // fixed: the seed is k-means's alone

// A uniform number in [0, 1) from the 53 high bits: std::uniform_real_distribution differs
// between standard libraries, and the same seed must give the same map everywhere.
double Unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// A uniform index in [0, n), n > 0.
size_t Below(std::mt19937_64& rng, size_t n) {
  return std::min(n - 1, static_cast<size_t>(Unit(rng) * static_cast<double>(n)));
}

// ---------------------------------------------------------------------------------------------
// The centred vote matrix of the placed participants, in compressed rows.

struct CentredMatrix {
  Eigen::Index rows = 0, cols = 0;
  std::vector<int> outer, inner;
  std::vector<double> values;
  double total_square = 0;  // the squared Frobenius norm: the total variance times rows - 1
  SparseRows View() const {
    return SparseRows(rows, cols, static_cast<Eigen::Index>(values.size()), outer.data(),
                      inner.data(), values.data());
  }
};

// Cast votes are 1, -1 and 0 (pass); a statement a participant has not seen takes the column
// mean (Polis's choice), so after subtracting the mean it is an exact zero and stays unstored.
CentredMatrix Centre(const Votes& votes, const std::vector<size_t>& placed, size_t statements) {
  std::vector<double> sum(statements, 0.0), count(statements, 0.0);
  for (size_t p : placed) {
    for (const Cell& c : votes.Row(p)) {
      sum[size_t(c.statement)] += c.vote;
      count[size_t(c.statement)] += 1;
    }
  }
  CentredMatrix x;
  x.rows = static_cast<Eigen::Index>(placed.size());
  x.cols = static_cast<Eigen::Index>(statements);
  x.outer.push_back(0);
  for (size_t p : placed) {
    for (const Cell& c : votes.Row(p)) {
      const double v = c.vote - sum[size_t(c.statement)] / count[size_t(c.statement)];
      x.inner.push_back(c.statement);
      x.values.push_back(v);
      x.total_square += v * v;
    }
    x.outer.push_back(static_cast<int>(x.inner.size()));
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// The two principal components.

struct Axes {
  Eigen::MatrixXd axes;  // statements x 2, orthonormal
  std::array<double, 2> explained{0, 0};
};

// The statements' Gram matrix C = X^T X (statements x statements), from dense blocks of 256 rows:
// Eigen's rank updates run at matrix-product speed, and a block keeps memory small.
Eigen::MatrixXd Gram(const CentredMatrix& m) {
  const SparseRows x = m.View();
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m.cols, m.cols);
  Eigen::MatrixXd block(kGramBlock, m.cols);
  for (Eigen::Index first = 0; first < m.rows; first += kGramBlock) {
    const Eigen::Index rows = std::min(kGramBlock, m.rows - first);
    block.setZero();
    for (Eigen::Index r = 0; r < rows; ++r) {
      for (SparseRows::InnerIterator it(x, first + r); it; ++it) block(r, it.col()) = it.value();
    }
    gram.selfadjointView<Eigen::Lower>().rankUpdate(block.topRows(rows).transpose());
  }
  return gram.selfadjointView<Eigen::Lower>();
}

// The unit eigenvector of `c` for its eigenvalue `lambda` (orthogonal to `before`), by inverse
// iteration with a shift just above lambda: each step multiplies the wanted direction by about
// gap / shift against the others. On a tie with another eigenvalue, some unit vector of their
// common space, as any exact solver would give.
Eigen::VectorXd Eigenvector(const Eigen::MatrixXd& c, double lambda, double scale,
                            const Eigen::MatrixXd& before) {
  Eigen::MatrixXd shifted = c;
  shifted.diagonal().array() -= lambda + 1e-10 * scale;
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(shifted);
  std::mt19937_64 rng(kStartSeed);
  Eigen::VectorXd v(c.rows());
  for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = 2 * Unit(rng) - 1;
  for (int step = 0; step < kInverseSteps; ++step) {
    v -= before * (before.transpose() * v);
    v = lu.solve(v / v.norm());
  }
  v -= before * (before.transpose() * v);
  return v / v.norm();
}

// The two principal axes: the eigenvalues of C exactly (Householder tridiagonalisation and
// implicit QL in SelfAdjointEigenSolver), then the two eigenvectors by inverse iteration, which
// saves accumulating all 1,000 eigenvectors (two thirds of the time). Exact, unlike a subspace
// iteration, which was tried and needs hundreds of steps when lambda_2 ~ lambda_3 (a
// conversation with little structure). Cost O(n m^2 + m^3): about a second for 10,000 x 1,000.
Axes PrincipalComponents(const CentredMatrix& m) {
  const Eigen::MatrixXd gram = Gram(m);
  const Eigen::VectorXd lambda =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(gram, Eigen::EigenvaluesOnly).eigenvalues();
  Axes out;
  out.axes = Eigen::MatrixXd::Zero(m.cols, 2);
  for (Eigen::Index c = 0; c < 2; ++c) {
    const double value = lambda(m.cols - 1 - c);
    out.axes.col(c) = Eigenvector(gram, value, lambda(m.cols - 1), out.axes.leftCols(c));
    // The sign of an eigenvector is arbitrary: the largest loading is made positive.
    Eigen::Index top = 0;
    out.axes.col(c).cwiseAbs().maxCoeff(&top);
    if (out.axes(top, c) < 0) out.axes.col(c) *= -1;
    out.explained[size_t(c)] = std::max(0.0, value) / m.total_square;
  }
  return out;
}

// Each participant's projection, scaled by sqrt(statements / votes cast) as Polis does: an
// unseen statement contributes nothing, so without it sparse voters would bunch at the centre.
std::vector<Point> Project(const CentredMatrix& m, const Axes& pca, const Votes& votes,
                           const std::vector<size_t>& placed) {
  const Eigen::MatrixXd xy = m.View() * pca.axes;
  std::vector<Point> points(placed.size());
  for (size_t i = 0; i < placed.size(); ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    const double scale =
        std::sqrt(static_cast<double>(m.cols) / static_cast<double>(votes.Count(placed[i])));
    points[i] = {xy(r, 0) * scale, xy(r, 1) * scale};
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// k-means on the plane.

double Distance2(const Point& a, const Point& b) {
  const double dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy;
}

size_t Nearest(const Point& p, const std::vector<Point>& centres) {
  size_t best = 0;
  for (size_t c = 1; c < centres.size(); ++c) {
    if (Distance2(p, centres[c]) < Distance2(p, centres[best])) best = c;
  }
  return best;
}

// k-means++: the first centre uniformly, each next one with probability proportional to the
// squared distance to the nearest centre chosen (needs at least k distinct points).
std::vector<Point> SeedCentres(const std::vector<Point>& points, int k, std::mt19937_64& rng) {
  std::vector<Point> centres{points[Below(rng, points.size())]};
  std::vector<double> d2(points.size());
  while (centres.size() < size_t(k)) {
    double total = 0;
    size_t last_positive = 0;
    for (size_t i = 0; i < points.size(); ++i) {
      d2[i] = Distance2(points[i], centres[Nearest(points[i], centres)]);
      total += d2[i];
      if (d2[i] > 0) last_positive = i;
    }
    double r = Unit(rng) * total;
    size_t pick = last_positive;
    for (size_t i = 0; i < points.size(); ++i) {
      if (d2[i] > 0 && (r -= d2[i]) < 0) {
        pick = i;
        break;
      }
    }
    centres.push_back(points[pick]);
  }
  return centres;
}

// Lloyd's iterations until no point changes group. A group left empty takes the point farthest
// from its centre, so that k groups come out.
Clustering Lloyd(const std::vector<Point>& points, std::vector<Point> centres) {
  Clustering c;
  c.label.assign(points.size(), -1);
  for (int step = 0; step < kLloydIterations; ++step) {
    bool changed = false;
    for (size_t i = 0; i < points.size(); ++i) {
      const int g = static_cast<int>(Nearest(points[i], centres));
      changed |= g != c.label[i];
      c.label[i] = g;
    }
    if (!changed) break;
    std::vector<Point> sum(centres.size(), Point{0, 0});
    std::vector<size_t> size(centres.size(), 0);
    for (size_t i = 0; i < points.size(); ++i) {
      const size_t g = size_t(c.label[i]);
      sum[g] = {sum[g].x + points[i].x, sum[g].y + points[i].y};
      ++size[g];
    }
    for (size_t g = 0; g < centres.size(); ++g) {
      if (size[g] > 0) {
        centres[g] = {sum[g].x / double(size[g]), sum[g].y / double(size[g])};
        continue;
      }
      size_t far = 0;
      for (size_t i = 1; i < points.size(); ++i) {
        const auto d = [&](size_t j) { return Distance2(points[j], centres[size_t(c.label[j])]); };
        if (d(i) > d(far)) far = i;
      }
      centres[g] = points[far];
      c.label[far] = static_cast<int>(g);
    }
  }
  c.centre = std::move(centres);
  for (size_t i = 0; i < points.size(); ++i) {
    c.inertia += Distance2(points[i], c.centre[size_t(c.label[i])]);
  }
  return c;
}

// Groups numbered by size, largest first (then by centroid x, then y), so that the numbering
// does not depend on the order k-means found them in.
void Renumber(Clustering& c) {
  const size_t k = c.centre.size();
  c.size.assign(k, 0);
  for (int g : c.label) ++c.size[size_t(g)];
  std::vector<size_t> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (c.size[a] != c.size[b]) return c.size[a] > c.size[b];
    if (c.centre[a].x != c.centre[b].x) return c.centre[a].x < c.centre[b].x;
    return c.centre[a].y < c.centre[b].y;
  });
  std::vector<int> rank(k);
  for (size_t r = 0; r < k; ++r) rank[order[r]] = static_cast<int>(r);
  for (int& g : c.label) g = rank[size_t(g)];
  Clustering sorted = c;
  for (size_t r = 0; r < k; ++r) {
    sorted.centre[r] = c.centre[order[r]];
    sorted.size[r] = c.size[order[r]];
  }
  c.centre = std::move(sorted.centre);
  c.size = std::move(sorted.size);
}

}  // namespace

// The best of several seeded k-means++ starts (least inertia; the first on a tie). Each k has
// its own stream from the seed, so the groups for k do not depend on the other k's tried.
Clustering KMeans(const std::vector<Point>& points, int k, unsigned seed) {
  std::mt19937_64 rng((std::uint64_t{seed} << 8) ^ std::uint64_t(k));
  Clustering best;
  for (int start = 0; start < kRestarts; ++start) {
    Clustering c = Lloyd(points, SeedCentres(points, k, rng));
    if (start == 0 || c.inertia < best.inertia) best = std::move(c);
  }
  Renumber(best);
  return best;
}

// The mean silhouette of each clustering: for a point, a = mean distance to its own group,
// b = the least mean distance to another group, s = (b - a) / max(a, b), 0 alone in its group.
// Exact up to 10,000 points; beyond, averaged over 10,000 points drawn with the seed (each still
// measured against every point). The distances are computed once for all clusterings.
std::vector<double> Silhouettes(const std::vector<Point>& points,
                                const std::vector<Clustering>& all, unsigned seed) {
  std::vector<size_t> sample(points.size());
  std::iota(sample.begin(), sample.end(), 0);
  if (sample.size() > kSilhouetteSample) {
    std::mt19937_64 rng(seed);
    for (size_t i = 0; i < kSilhouetteSample; ++i) {
      std::swap(sample[i], sample[i + Below(rng, sample.size() - i)]);
    }
    sample.resize(kSilhouetteSample);
  }
  std::vector<double> total(all.size(), 0.0);
  std::vector<std::array<double, kMaxGroups>> sum(all.size());
  for (size_t i : sample) {
    for (auto& s : sum) s.fill(0);
    for (size_t j = 0; j < points.size(); ++j) {
      const double d = std::sqrt(Distance2(points[i], points[j]));
      for (size_t c = 0; c < all.size(); ++c) sum[c][size_t(all[c].label[j])] += d;
    }
    for (size_t c = 0; c < all.size(); ++c) {
      const size_t own = size_t(all[c].label[i]);
      if (all[c].size[own] < 2) continue;
      const double a = sum[c][own] / double(all[c].size[own] - 1);
      double b = std::numeric_limits<double>::infinity();
      for (size_t g = 0; g < all[c].size.size(); ++g) {
        if (g != own) b = std::min(b, sum[c][g] / double(all[c].size[g]));
      }
      if (std::max(a, b) > 0) total[c] += (b - a) / std::max(a, b);
    }
  }
  for (double& t : total) t /= double(sample.size());
  return total;
}

Result<Components> MapPlaced(const Votes& votes, const std::vector<size_t>& placed,
                             size_t statements, std::vector<Point>& points) {
  const CentredMatrix m = Centre(votes, placed, statements);
  if (!(m.total_square > 0)) {
    return InvalidArgument(
        "votes: every placed participant voted alike on every statement they saw; an opinion "
        "map needs participants who disagree");
  }
  const Axes axes = PrincipalComponents(m);
  points = Project(m, axes, votes, placed);
  Components out;
  out.explained = axes.explained;
  out.loadings.resize(statements);
  for (size_t s = 0; s < statements; ++s) {
    const auto r = static_cast<Eigen::Index>(s);
    out.loadings[s] = {axes.axes(r, 0), axes.axes(r, 1)};
  }
  return out;
}

}  // namespace ecosol::participation::opinion
