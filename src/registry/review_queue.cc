// The stewards' review queue of candidate duplicates, and their decisions that two actors are
// distinct (registry/merge.h).

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "ecosol/registry/merge.h"

namespace ecosol::registry {

Result<std::vector<DuplicateCluster>> PendingDuplicates(store::Store& store,
                                                        const DedupOptions& options) {
  auto clusters = FindDuplicates(store, options);
  if (!clusters.ok()) return clusters.status();
  auto decisions = store.DedupDecisions();
  if (!decisions.ok()) return decisions.status();
  std::set<std::pair<std::string, std::string>> distinct;
  for (const auto& d : *decisions) {
    if (d.decision == "distinct") distinct.emplace(d.a_id, d.b_id);
  }
  if (distinct.empty()) return clusters;

  std::vector<DuplicateCluster> out;
  for (DuplicateCluster& c : *clusters) {
    std::vector<DuplicateCluster::Pair> pairs;
    for (auto& p : c.pairs) {
      auto key = p.a < p.b ? std::make_pair(p.a, p.b) : std::make_pair(p.b, p.a);
      if (!distinct.count(key)) pairs.push_back(std::move(p));
    }
    // The connected parts of what is left.
    std::map<std::string, std::string> parent;
    std::function<std::string(const std::string&)> find = [&](const std::string& x) {
      auto it = parent.find(x);
      if (it == parent.end() || it->second == x) return x;
      std::string root = find(it->second);
      parent[x] = root;
      return root;
    };
    for (const auto& p : pairs) {
      parent.try_emplace(p.a, p.a);
      parent.try_emplace(p.b, p.b);
      parent[find(p.a)] = find(p.b);
    }
    std::map<std::string, DuplicateCluster> parts;
    for (auto& p : pairs) {
      DuplicateCluster& part = parts[find(p.a)];
      part.pairs.push_back(std::move(p));
    }
    for (auto& [root, part] : parts) {
      std::set<std::string> ids;
      part.score = 1;
      for (const auto& p : part.pairs) {
        ids.insert(p.a);
        ids.insert(p.b);
        part.score = std::min(part.score, p.score);
      }
      part.ids.assign(ids.begin(), ids.end());
      out.push_back(std::move(part));
    }
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const DuplicateCluster& a, const DuplicateCluster& b) { return a.score > b.score; });
  return out;
}

Status DecideDistinct(store::Store& store, const std::string& a, const std::string& b,
                      bool distinct, const std::string& who, const std::string& at) {
  if (a.empty() || b.empty() || a == b) {
    return InvalidArgument("name two different actors (got '" + a + "' and '" + b + "')");
  }
  for (const std::string& id : {a, b}) {
    auto taken = store.ActorIdTaken(id);
    if (!taken.ok()) return taken.status();
    if (!*taken) return NotFound("no actor with id '" + id + "'");
  }
  const std::string& lo = a < b ? a : b;
  const std::string& hi = a < b ? b : a;
  if (!distinct) return store.DeleteDedupDecision(lo, hi);
  return store.PutDedupDecision({lo, hi, "distinct", at, who});
}

}  // namespace ecosol::registry
