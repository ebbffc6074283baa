// The Schulze method (ranked.h, docs/participation.md): the pairwise matrix in one pass
// over the ballots, the strongest (widest) paths by the Floyd-Warshall variant, and the ranking.
//
// Speed: a million ballots over twenty options must tally in well under two seconds, so the
// matrix is built in one pass over the ballots, each adding its weight to the pairs it orders,
// with nothing allocated per ballot (ranked.cc finds the options through a small open-addressing
// table rather than std::unordered_map, which took most of the time).

#include <algorithm>
#include <vector>

#include "ranked_internal.h"

namespace ecosol::participation::ranked {
namespace {

using nlohmann::json;

// d[x * n + y]: the weighted number of ballots that rank x above y. A ranked option is above
// every option ranked after it and every unranked one; unranked options are level. Each ballot
// touches only the pairs it orders (at most n(n-1)/2 additions).
Result<std::vector<double>> Pairwise(const Context& ctx) {
  const size_t n = static_cast<size_t>(ctx.n);
  std::vector<double> d(n * n, 0.0);
  std::vector<bool> ranked(n, false);
  std::vector<size_t> unranked;  // reused by every ballot
  unranked.reserve(n);
  Status status = ForEachRanking(ctx, [&](std::span<const int> ranking, double w) {
    for (int x : ranking) ranked[size_t(x)] = true;
    unranked.clear();
    for (size_t y = 0; y < n; ++y) {
      if (!ranked[y]) unranked.push_back(y);
    }
    for (size_t k = 0; k < ranking.size(); ++k) {
      double* row = d.data() + size_t(ranking[k]) * n;
      for (size_t l = k + 1; l < ranking.size(); ++l) row[size_t(ranking[l])] += w;
      for (size_t y : unranked) row[y] += w;
    }
    for (int x : ranking) ranked[size_t(x)] = false;
  });
  if (!status.ok()) return status;
  return d;
}

// p[x * n + y]: the strength of the strongest path from x to y, a path's strength being its
// weakest link and a link x -> y existing when d[x][y] > d[y][x], with strength d[x][y]
// ("winning votes", as in Schulze's paper).
std::vector<double> StrongestPaths(const Context& ctx, const std::vector<double>& d) {
  const size_t n = static_cast<size_t>(ctx.n);
  std::vector<double> p(n * n, 0.0);
  for (size_t x = 0; x < n; ++x) {
    for (size_t y = 0; y < n; ++y) {
      if (x != y && d[x * n + y] > d[y * n + x] + ctx.epsilon) p[x * n + y] = d[x * n + y];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t x = 0; x < n; ++x) {
      if (x == i || p[x * n + i] == 0) continue;
      for (size_t y = 0; y < n; ++y) {
        if (y == x || y == i) continue;
        p[x * n + y] = std::max(p[x * n + y], std::min(p[x * n + i], p[i * n + y]));
      }
    }
  }
  return p;
}

// The Schulze ranking: repeatedly take, among the options not yet placed, those that no other
// unplaced option beats (x beats y when p[x][y] > p[y][x], a transitive relation), and place the
// one first in the tie-break order. `*tie` is set when the rule chose among several for one of the
// first `seats` places.
std::vector<int> Rank(const Context& ctx, const std::vector<double>& p, bool* tie) {
  const size_t n = static_cast<size_t>(ctx.n);
  std::vector<bool> placed(n, false);
  std::vector<int> ranking;
  *tie = false;
  auto beaten = [&](size_t y) {
    for (size_t x = 0; x < n; ++x) {
      if (!placed[x] && x != y && p[x * n + y] > p[y * n + x] + ctx.epsilon) return true;
    }
    return false;
  };
  while (ranking.size() < n) {
    std::vector<int> unbeaten;
    for (size_t y = 0; y < n; ++y) {
      if (!placed[y] && !beaten(y)) unbeaten.push_back(static_cast<int>(y));
    }
    if (unbeaten.size() > 1 && ranking.size() < size_t(ctx.input->seats)) *tie = true;
    const int next = *std::min_element(unbeaten.begin(), unbeaten.end(), [&](int a, int b) {
      return ctx.tie_place[size_t(a)] < ctx.tie_place[size_t(b)];
    });
    placed[size_t(next)] = true;
    ranking.push_back(next);
  }
  return ranking;
}

json Matrix(const Context& ctx, const std::vector<double>& m) {
  const size_t n = static_cast<size_t>(ctx.n);
  json out = json::object();
  for (size_t x = 0; x < n; ++x) {
    json row = json::object();
    for (size_t y = 0; y < n; ++y) {
      if (x != y) row[ctx.Id(int(y))] = Number(m[x * n + y]);
    }
    out[ctx.Id(int(x))] = std::move(row);
  }
  return out;
}

}  // namespace

Result<json> TallySchulze(const Context& ctx) {
  Result<std::vector<double>> d = Pairwise(ctx);
  if (!d.ok()) return d.status();
  const std::vector<double> p = StrongestPaths(ctx, *d);
  bool tie = false;
  const std::vector<int> ranking = Rank(ctx, p, &tie);
  json winners = json::array();
  json order = json::array();
  for (size_t k = 0; k < ranking.size(); ++k) {
    if (k < size_t(ctx.input->seats)) winners.push_back(ctx.Id(ranking[k]));
    order.push_back(ctx.Id(ranking[k]));
  }
  return json{{"winners", std::move(winners)},
              {"tie", tie},
              {"pairwise", Matrix(ctx, *d)},
              {"strongest_paths", Matrix(ctx, p)},
              {"ranking", std::move(order)}};
}

}  // namespace ecosol::participation::ranked
