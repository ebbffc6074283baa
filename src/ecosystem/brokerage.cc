// Gould-Fernandez brokerage roles (metrics.h). igraph has no brokerage measure, so it is
// counted here: for every broker b, every directed two-path a -> b -> c (a != c) with no tie
// a -> c, classified by the groups of a, b and c (Gould and Fernandez 1989, as sna's
// brokerage()). Parallel edges count once: a role is about who is tied, not how often.

#include <algorithm>
#include <unordered_map>

#include "metrics_internal.h"

namespace ecosol::ecosystem::internal {
namespace {

// The sorted, distinct out- and in-neighbours of every node.
struct Directed {
  std::vector<std::vector<int>> out, in;
};

Directed SimpleDirected(const Network& net) {
  Directed d;
  d.out.resize(net.nodes.size());
  d.in.resize(net.nodes.size());
  for (const Edge& e : net.edges) {
    d.out[static_cast<size_t>(e.from)].push_back(e.to);
    d.in[static_cast<size_t>(e.to)].push_back(e.from);
  }
  for (auto* lists : {&d.out, &d.in}) {
    for (auto& l : *lists) {
      std::sort(l.begin(), l.end());
      l.erase(std::unique(l.begin(), l.end()), l.end());
    }
  }
  return d;
}

void AddRole(int a, int b, int c, BrokerageRoles& r) {
  if (a == b && b == c) {
    ++r.coordinator;
  } else if (a == c) {
    ++r.itinerant;
  } else if (a == b) {
    ++r.representative;
  } else if (b == c) {
    ++r.gatekeeper;
  } else {
    ++r.liaison;
  }
}

}  // namespace

std::vector<BrokerageRoles> CountBrokerage(const Network& net) {
  std::unordered_map<std::string, int> group_ids;
  std::vector<int> group(net.nodes.size());
  for (size_t v = 0; v < net.nodes.size(); ++v) {
    group[v] =
        group_ids.emplace(net.nodes[v].group, static_cast<int>(group_ids.size())).first->second;
  }
  Directed d = SimpleDirected(net);
  std::vector<BrokerageRoles> roles(net.nodes.size());
  for (size_t b = 0; b < net.nodes.size(); ++b) {
    for (int a : d.in[b]) {
      const auto& a_out = d.out[static_cast<size_t>(a)];
      for (int c : d.out[b]) {
        if (c == a || std::binary_search(a_out.begin(), a_out.end(), c)) continue;
        AddRole(group[static_cast<size_t>(a)], group[b], group[static_cast<size_t>(c)], roles[b]);
      }
    }
  }
  return roles;
}

}  // namespace ecosol::ecosystem::internal
