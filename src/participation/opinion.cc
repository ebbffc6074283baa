// Opinion maps (opinion.h; docs/participation.md, "Opinion map"): the checks and the votes by
// participant, then the geometry (opinion_map.cc: PCA, projection, k-means, silhouette), then
// here the choice of k, the representative statements and the group-informed consensus of the
// opinion groups and of the declared colleges. The JSON form is read in opinion_input.cc.

#include "ecosol/participation/opinion.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "ecosol/base/strings.h"
#include "opinion_internal.h"

namespace ecosol::participation {
namespace {

using nlohmann::json;
using opinion::Cell;
using opinion::Clustering;
using opinion::Point;
using opinion::Votes;
using StatementIndex = std::unordered_map<std::string, int>;

constexpr int kMaxGroups = 5;
constexpr size_t kRepresentative = 5;
constexpr size_t kTopLoadings = 5;
constexpr double kZ90 = 1.2816;  // one-sided 90%
// The components cost O(statements^3) (opinion_map.cc): 1,000 statements take about a second,
// 2,000 about eight; a larger conversation is better mapped in parts.
constexpr size_t kMaxStatements = 2000;

std::string At(std::string_view field, size_t i) {
  return std::string(field) + "[" + std::to_string(i) + "]";
}

// ---------------------------------------------------------------------------------------------
// Checks and the votes by participant.

std::string StatementList(const OpinionInput& in) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < in.statements.size() && i < 10; ++i) ids.push_back(in.statements[i].first);
  return Join(ids, ", ") + (in.statements.size() > 10 ? ", ..." : "");
}

Result<StatementIndex> CheckStatements(const OpinionInput& in) {
  if (in.statements.size() < 2) {
    return InvalidArgument("statements: " + std::to_string(in.statements.size()) +
                           " given; an opinion map needs at least 2 statements");
  }
  if (in.statements.size() > kMaxStatements) {
    return InvalidArgument("statements: " + std::to_string(in.statements.size()) +
                           " given; an opinion map takes at most 2000 (map the conversation "
                           "in parts, by theme)");
  }
  StatementIndex index;
  for (size_t i = 0; i < in.statements.size(); ++i) {
    const std::string& id = in.statements[i].first;
    if (id.empty()) return InvalidArgument(At("statements", i) + ".id: empty; give an id");
    const auto [it, added] = index.try_emplace(id, static_cast<int>(i));
    if (!added) {
      return InvalidArgument(At("statements", i) + ".id: '" + id + "' is already " +
                             At("statements", size_t(it->second)) +
                             "; give each statement its own id");
    }
  }
  return index;
}

Status CheckSettings(const OpinionInput& in) {
  if (in.k != 0 && (in.k < 2 || in.k > kMaxGroups)) {
    return InvalidArgument("k: " + std::to_string(in.k) +
                           " groups asked; give 2 to 5, or 0 to choose k by the silhouette");
  }
  if (in.min_votes < 0) {
    return InvalidArgument("min_votes: " + std::to_string(in.min_votes) +
                           "; give 0 or more (Polis places participants with 7 votes or more)");
  }
  if (in.votes.size() >= size_t(std::numeric_limits<int>::max())) {
    return InvalidArgument("votes: more than 2^31 votes; split the conversation");
  }
  return Status::Ok();
}

Status CheckVote(const OpinionInput& in, size_t i, int statement) {
  const OpinionVote& v = in.votes[i];
  if (v.participant.empty()) {
    return InvalidArgument(At("votes", i) + ".participant: empty; name who voted");
  }
  if (statement < 0) {
    return InvalidArgument(At("votes", i) + ".statement: '" + v.statement +
                           "' is not a statement (statements: " + StatementList(in) + ")");
  }
  if (v.vote < -1 || v.vote > 1) {
    return InvalidArgument(At("votes", i) + ".vote: " + std::to_string(v.vote) +
                           " is not a vote; give 1 (agree), -1 (disagree) or 0 (pass)");
  }
  return Status::Ok();
}

// Sorts each participant's votes by statement and reports the first vote (by index) on a
// statement its participant had already voted on.
Status SortAndFindRepeats(const OpinionInput& in, Votes& votes) {
  size_t repeat = std::numeric_limits<size_t>::max(), earlier = 0;
  for (size_t p = 0; p < votes.participants.size(); ++p) {
    const auto begin = votes.cells.begin() + std::ptrdiff_t(votes.row_start[p]);
    const auto end = votes.cells.begin() + std::ptrdiff_t(votes.row_start[p + 1]);
    std::sort(begin, end, [](const Cell& a, const Cell& b) {
      return a.statement != b.statement ? a.statement < b.statement : a.index < b.index;
    });
    for (auto c = begin; c != end && c + 1 != end; ++c) {
      if (c->statement == (c + 1)->statement && (c + 1)->index < repeat) {
        repeat = (c + 1)->index;
        earlier = c->index;
      }
    }
  }
  if (repeat == std::numeric_limits<size_t>::max()) return Status::Ok();
  return InvalidArgument(At("votes", repeat) + ": '" + in.votes[repeat].participant +
                         "' already voted on '" + in.votes[repeat].statement + "' in " +
                         At("votes", earlier) + "; keep one vote per participant and statement");
}

// Checks every vote and groups the votes by participant. Votes usually come participant by
// participant, so the last participant's index is reused before looking the name up.
Result<Votes> IndexVotes(const OpinionInput& in, const StatementIndex& statements) {
  Votes out;
  std::unordered_map<std::string, size_t> index;
  std::vector<size_t> owner(in.votes.size());
  std::vector<int> statement(in.votes.size());
  size_t last = std::numeric_limits<size_t>::max();
  for (size_t i = 0; i < in.votes.size(); ++i) {
    const auto s = statements.find(in.votes[i].statement);
    statement[i] = s == statements.end() ? -1 : s->second;
    ECOSOL_RETURN_IF_ERROR(CheckVote(in, i, statement[i]));
    if (last == std::numeric_limits<size_t>::max() ||
        out.participants[last] != in.votes[i].participant) {
      last = index.try_emplace(in.votes[i].participant, out.participants.size()).first->second;
      if (last == out.participants.size()) out.participants.push_back(in.votes[i].participant);
    }
    owner[i] = last;
  }
  for (const auto& [id, college] : in.college) {
    if (!id.empty() && index.try_emplace(id, out.participants.size()).second) {
      out.participants.push_back(id);
    }
  }
  out.row_start.assign(out.participants.size() + 1, 0);
  for (size_t p : owner) ++out.row_start[p + 1];
  for (size_t p = 0; p < out.participants.size(); ++p) out.row_start[p + 1] += out.row_start[p];
  out.cells.resize(in.votes.size());
  std::vector<size_t> next(out.row_start.begin(), out.row_start.end() - 1);
  for (size_t i = 0; i < in.votes.size(); ++i) {
    out.cells[next[owner[i]]++] = Cell{statement[i], in.votes[i].vote, i};
  }
  ECOSOL_RETURN_IF_ERROR(SortAndFindRepeats(in, out));
  return out;
}

// Participants with at least min_votes votes (and at least one) are placed on the map.
Result<std::vector<size_t>> Placed(const OpinionInput& in, const Votes& votes) {
  const size_t needed = size_t(std::max(in.min_votes, 1));
  std::vector<size_t> placed;
  for (size_t p = 0; p < votes.participants.size(); ++p) {
    if (votes.Count(p) >= needed) placed.push_back(p);
  }
  const size_t groups = size_t(std::max(in.k, 2));
  if (placed.size() < groups) {
    return InvalidArgument("min_votes: " + std::to_string(placed.size()) +
                           " participant(s) cast at least " + std::to_string(needed) +
                           " vote(s), fewer than the " + std::to_string(groups) +
                           " the groups need; lower min_votes or gather more votes");
  }
  return placed;
}

// ---------------------------------------------------------------------------------------------
// The groups: k-means for each k tried, the best silhouette (the smaller k on a tie).

size_t DistinctPoints(std::vector<Point> points) {
  const auto less = [](const Point& a, const Point& b) {
    return a.x != b.x ? a.x < b.x : a.y < b.y;
  };
  std::sort(points.begin(), points.end(), less);
  const auto same = [](const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; };
  return size_t(std::unique(points.begin(), points.end(), same) - points.begin());
}

Result<Clustering> ChooseGroups(const OpinionInput& in, const std::vector<Point>& points,
                                json& silhouette) {
  const size_t distinct = DistinctPoints(points);
  if (in.k != 0 && distinct < size_t(in.k)) {
    return InvalidArgument("k: " + std::to_string(in.k) + " groups asked, but the placed " +
                           "participants fall on only " + std::to_string(distinct) +
                           " distinct point(s) of the map; ask for fewer groups");
  }
  if (distinct < 2) {
    return InvalidArgument(
        "votes: the placed participants all fall on one point of the map; "
        "groups need participants who vote differently");
  }
  const int first = in.k != 0 ? in.k : 2;
  const int last = in.k != 0 ? in.k : int(std::min<size_t>(kMaxGroups, distinct));
  std::vector<Clustering> tried;
  for (int k = first; k <= last; ++k) tried.push_back(opinion::KMeans(points, k, in.seed));
  const std::vector<double> score = opinion::Silhouettes(points, tried, in.seed);
  size_t best = 0;
  silhouette = json::object();
  for (size_t i = 0; i < tried.size(); ++i) {
    silhouette[std::to_string(first + int(i))] = score[i];
    if (score[i] > score[best]) best = i;
  }
  return std::move(tried[best]);
}

// ---------------------------------------------------------------------------------------------
// Representative statements and group-informed consensus, over any partition of participants
// (the opinion groups, or the declared colleges).

struct Counts {
  long long agree = 0, disagree = 0, pass = 0;
  long long Votes() const { return agree + disagree + pass; }
};

struct Partition {
  std::vector<int> group;      // per participant: its group, -1 for none
  std::vector<bool> counted;   // per group: takes part in consensus and comparisons
  std::vector<Counts> counts;  // [g * statements + s]
  std::vector<Counts> total;   // [s]: over the counted groups
  size_t statements = 0;
  size_t Groups() const { return counted.size(); }
  const Counts& At(size_t g, size_t s) const { return counts[g * statements + s]; }
};

void CountVotes(const Votes& votes, Partition& part) {
  part.counts.assign(part.Groups() * part.statements, Counts{});
  part.total.assign(part.statements, Counts{});
  for (size_t p = 0; p < votes.participants.size(); ++p) {
    if (part.group[p] < 0 || !part.counted[size_t(part.group[p])]) continue;
    for (const Cell& c : votes.Row(p)) {
      for (Counts* n : {&part.counts[size_t(part.group[p]) * part.statements + size_t(c.statement)],
                        &part.total[size_t(c.statement)]}) {
        (c.vote > 0 ? n->agree : c.vote < 0 ? n->disagree : n->pass) += 1;
      }
    }
  }
}

// Polis's smoothed probability: one pseudo-vote each way.
double Smoothed(long long k, long long n) { return (double(k) + 1) / (double(n) + 2); }

// Polis's two-proportion z-test of k_in / n_in against k_out / n_out, each with one pseudo-count.
double TwoProportionZ(long long k_in, long long n_in, long long k_out, long long n_out) {
  const double a = double(k_in) + 1, b = double(k_out) + 1;
  const double n = double(n_in) + 1, m = double(n_out) + 1;
  const double pooled = (a + b) / (n + m);
  if (pooled >= 1) return 0;
  return (a / n - b / m) / std::sqrt(pooled * (1 - pooled) * (1 / n + 1 / m));
}

struct Candidate {
  size_t statement = 0;
  bool agree = true;
  double p = 0, repness = 0, z = 0;
  double Score() const { return repness * p; }
};

Candidate Direction(size_t s, bool agree, const Counts& in, const Counts& out) {
  const long long k_in = agree ? in.agree : in.disagree;
  const long long k_out = agree ? out.agree : out.disagree;
  Candidate c{s, agree, Smoothed(k_in, in.Votes()), 0, 0};
  c.repness = c.p / Smoothed(k_out, out.Votes());
  c.z = TwoProportionZ(k_in, in.Votes(), k_out, out.Votes());
  return c;
}

json RepresentativeJson(const OpinionInput& in, const Candidate& c, const Counts& inside,
                        const Counts& others) {
  const auto share = [&](const Counts& n) {
    return n.Votes() == 0 ? 0.0 : double(c.agree ? n.agree : n.disagree) / double(n.Votes());
  };
  return {{"statement", in.statements[c.statement].first},
          {"text", in.statements[c.statement].second},
          {"direction", c.agree ? "agree" : "disagree"},
          {"agree", inside.agree},
          {"disagree", inside.disagree},
          {"pass", inside.pass},
          {"votes", inside.Votes()},
          {"share", share(inside)},
          {"share_others", share(others)},
          {"repness", c.repness},
          {"z", c.z}};
}

// The statements that set group g apart: in the direction with the larger z, kept when z is
// significant at 90%, the best 5 by repness x probability in the group.
json Representative(const OpinionInput& in, const Partition& part, size_t g) {
  const auto contrasted = std::count(part.counted.begin(), part.counted.end(), true);
  if (!part.counted[g] || contrasted < 2) return json::array();
  std::vector<Candidate> keep;
  for (size_t s = 0; s < part.statements; ++s) {
    const Counts& inside = part.At(g, s);
    const Counts others{part.total[s].agree - inside.agree,
                        part.total[s].disagree - inside.disagree, part.total[s].pass - inside.pass};
    const Candidate a = Direction(s, true, inside, others);
    const Candidate d = Direction(s, false, inside, others);
    const Candidate& best = a.z >= d.z ? a : d;
    if (best.z > kZ90) keep.push_back(best);
  }
  std::sort(keep.begin(), keep.end(), [&](const Candidate& a, const Candidate& b) {
    if (a.Score() != b.Score()) return a.Score() > b.Score();
    return in.statements[a.statement].first < in.statements[b.statement].first;
  });
  json out = json::array();
  for (size_t i = 0; i < keep.size() && i < kRepresentative; ++i) {
    const Counts& inside = part.At(g, keep[i].statement);
    const Counts& all = part.total[keep[i].statement];
    out.push_back(RepresentativeJson(
        in, keep[i], inside,
        {all.agree - inside.agree, all.disagree - inside.disagree, all.pass - inside.pass}));
  }
  return out;
}

// GIC = product over the counted groups of (agree + 1) / (votes + 2), votes counting passes.
json Consensus(const OpinionInput& in, const Partition& part) {
  std::vector<std::pair<double, size_t>> gic;
  for (size_t s = 0; s < part.statements; ++s) {
    double product = 1;
    for (size_t g = 0; g < part.Groups(); ++g) {
      if (part.counted[g]) product *= Smoothed(part.At(g, s).agree, part.At(g, s).Votes());
    }
    gic.emplace_back(product, s);
  }
  std::sort(gic.begin(), gic.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return in.statements[a.second].first < in.statements[b.second].first;
  });
  json out = json::array();
  for (const auto& [value, s] : gic) {
    const Counts& n = part.total[s];
    out.push_back({{"statement", in.statements[s].first},
                   {"text", in.statements[s].second},
                   {"gic", value},
                   {"agree", n.agree},
                   {"disagree", n.disagree},
                   {"pass", n.pass},
                   {"votes", n.Votes()}});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The output.

json PcaJson(const OpinionInput& in, const opinion::Components& pca) {
  json top = json::array();
  for (size_t c = 0; c < 2; ++c) {
    std::vector<size_t> order(in.statements.size());
    for (size_t s = 0; s < order.size(); ++s) order[s] = s;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const double la = std::abs(pca.loadings[a][c]), lb = std::abs(pca.loadings[b][c]);
      return la != lb ? la > lb : in.statements[a].first < in.statements[b].first;
    });
    json list = json::array();
    for (size_t i = 0; i < order.size() && i < kTopLoadings; ++i) {
      list.push_back(
          {{"statement", in.statements[order[i]].first}, {"loading", pca.loadings[order[i]][c]}});
    }
    top.push_back(std::move(list));
  }
  return {{"explained_variance_ratio", {pca.explained[0], pca.explained[1]}},
          {"top_loadings", std::move(top)}};
}

json GroupsJson(const OpinionInput& in, const Clustering& groups, const Partition& part) {
  json out = json::array();
  for (size_t g = 0; g < groups.centre.size(); ++g) {
    out.push_back({{"id", g},
                   {"size", groups.size[g]},
                   {"centroid", {groups.centre[g].x, groups.centre[g].y}},
                   {"representative", Representative(in, part, g)}});
  }
  return out;
}

// The colleges as groups: every vote of their members counts (min_votes is about placing a
// participant on the map, not about a declared membership). A college none of whose members
// voted is listed but takes no part in the comparisons nor the consensus.
json CollegesJson(const OpinionInput& in, const Votes& votes) {
  std::map<std::string, size_t> index;
  for (const auto& [participant, college] : in.college) {
    if (!college.empty()) index.emplace(college, 0);
  }
  if (index.empty()) return nullptr;
  std::vector<std::string> names;
  for (auto& [name, i] : index) {
    i = names.size();
    names.push_back(name);
  }
  Partition part;
  part.statements = in.statements.size();
  part.counted.assign(names.size(), false);
  part.group.assign(votes.participants.size(), -1);
  std::vector<size_t> size(names.size(), 0), voters(names.size(), 0);
  for (size_t p = 0; p < votes.participants.size(); ++p) {
    const auto it = in.college.find(votes.participants[p]);
    if (it == in.college.end() || it->second.empty()) continue;
    const size_t g = index[it->second];
    part.group[p] = static_cast<int>(g);
    ++size[g];
    if (votes.Count(p) > 0) ++voters[g];
    if (votes.Count(p) > 0) part.counted[g] = true;
  }
  CountVotes(votes, part);
  json groups = json::array();
  for (size_t g = 0; g < names.size(); ++g) {
    groups.push_back({{"id", names[g]},
                      {"size", size[g]},
                      {"voters", voters[g]},
                      {"representative", Representative(in, part, g)}});
  }
  const bool any = std::find(part.counted.begin(), part.counted.end(), true) != part.counted.end();
  return {{"groups", std::move(groups)}, {"consensus", any ? Consensus(in, part) : json::array()}};
}

json PointsJson(const Votes& votes, const std::vector<size_t>& placed,
                const std::vector<Point>& points, const Clustering& groups) {
  json out = json::array();
  for (size_t i = 0; i < placed.size(); ++i) {
    out.push_back({{"participant", votes.participants[placed[i]]},
                   {"x", points[i].x},
                   {"y", points[i].y},
                   {"group", groups.label[i]}});
  }
  return out;
}

}  // namespace

Result<nlohmann::json> OpinionMap(const OpinionInput& in) {
  Result<StatementIndex> statements = CheckStatements(in);
  if (!statements.ok()) return statements.status();
  ECOSOL_RETURN_IF_ERROR(CheckSettings(in));
  Result<Votes> votes = IndexVotes(in, *statements);
  if (!votes.ok()) return votes.status();
  Result<std::vector<size_t>> placed = Placed(in, *votes);
  if (!placed.ok()) return placed.status();
  std::vector<Point> points;
  Result<opinion::Components> pca =
      opinion::MapPlaced(*votes, *placed, in.statements.size(), points);
  if (!pca.ok()) return pca.status();
  json silhouette;
  Result<Clustering> groups = ChooseGroups(in, points, silhouette);
  if (!groups.ok()) return groups.status();

  Partition part;
  part.statements = in.statements.size();
  part.counted.assign(groups->centre.size(), true);
  part.group.assign(votes->participants.size(), -1);
  for (size_t i = 0; i < placed->size(); ++i) part.group[(*placed)[i]] = groups->label[i];
  CountVotes(*votes, part);
  return json{{"participants", votes->participants.size()},
              {"placed", placed->size()},
              {"statements", in.statements.size()},
              {"votes", in.votes.size()},
              {"min_votes", in.min_votes},
              {"seed", in.seed},
              {"pca", PcaJson(in, *pca)},
              {"points", PointsJson(*votes, *placed, points, *groups)},
              {"k", groups->centre.size()},
              {"silhouette", std::move(silhouette)},
              {"groups", GroupsJson(in, *groups, part)},
              {"consensus", Consensus(in, part)},
              {"colleges", CollegesJson(in, *votes)}};
}

Status opinion::CheckInput(const OpinionInput& in) {
  Result<StatementIndex> statements = CheckStatements(in);
  if (!statements.ok()) return statements.status();
  ECOSOL_RETURN_IF_ERROR(CheckSettings(in));
  return IndexVotes(in, *statements).status();
}

}  // namespace ecosol::participation
