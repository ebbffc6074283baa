// Missing brokers (partners.h): per building block, pairs of actor types both active in the
// block in a territory with neither a tie nor a 2-path between them. Sets of actors are sorted
// vectors of dense indices, so each check is a merge of sorted lists.

#include <algorithm>
#include <map>

#include "blocks_text.h"
#include "partners_internal.h"

namespace ecosol::ecosystem {
namespace {

using internal::Fill;
using internal::Same;
using Set = std::vector<uint32_t>;

bool InTerritory(const std::string& t, std::string_view scope) {
  return scope.empty() || (t.compare(0, scope.size(), scope) == 0 &&
                           (t.size() == scope.size() || t[scope.size()] == '/'));
}

// Actors placed in the territory or below it, ascending.
Set ActorsIn(const PartnerIndex& x, std::string_view territory) {
  Set out;
  if (territory.empty()) {
    out.resize(x.ids.size());
    for (uint32_t v = 0; v < out.size(); ++v) out[v] = v;
    return out;
  }
  auto first = std::lower_bound(
      x.by_territory.begin(), x.by_territory.end(), territory,
      [&](uint32_t v, std::string_view t) { return x.territories[x.territory[v]] < t; });
  for (auto it = first; it != x.by_territory.end(); ++it) {
    const std::string& t = x.territories[x.territory[*it]];
    if (t.compare(0, territory.size(), territory) != 0) break;
    if (InTerritory(t, territory)) out.push_back(*it);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Set NeighboursOf(const PartnerIndex& x, const Set& side) {
  Set out;
  for (uint32_t v : side) out.insert(out.end(), x.Neighbours(v), x.Neighbours(v) + x.Degree(v));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool Meet(const Set& a, const Set& b) {
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

long long CountIn(const PartnerIndex& x, uint32_t v, const Set& side) {
  long long n = 0;
  for (size_t i = 0; i < x.Degree(v); ++i) {
    n += std::binary_search(side.begin(), side.end(), x.Neighbours(v)[i]);
  }
  return n;
}

std::vector<ActorRef> Examples(const PartnerIndex& x, const Set& side) {
  Set sorted = side;
  std::sort(sorted.begin(), sorted.end(),
            [&](uint32_t a, uint32_t b) { return x.ids[a] < x.ids[b]; });
  std::vector<ActorRef> out;
  for (size_t i = 0; i < sorted.size() && i < 3; ++i) {
    out.push_back({x.ids[sorted[i]], x.names[sorted[i]]});
  }
  return out;
}

// Actors of neither side, tied to one and offering an asset of the block, most ties to the
// side first.
std::vector<Bridge> Bridges(const PartnerIndex& x, uint64_t block_mask, const Set& a, const Set& na,
                            const Set& b, const Set& nb) {
  std::vector<Bridge> out;
  for (const auto& [side, near, name] : {std::tuple{&a, &na, "a"}, std::tuple{&b, &nb, "b"}}) {
    for (uint32_t w : *near) {
      bool member =
          std::binary_search(a.begin(), a.end(), w) || std::binary_search(b.begin(), b.end(), w);
      if (member || !(x.offered[w] & block_mask)) continue;
      out.push_back({x.ids[w], x.names[w], x.group_names[x.group[w]], CountIn(x, w, *side), name});
    }
  }
  std::sort(out.begin(), out.end(), [](const Bridge& l, const Bridge& r) {
    return l.ties_to_side != r.ties_to_side ? l.ties_to_side > r.ties_to_side : l.id < r.id;
  });
  if (out.size() > 5) out.resize(5);
  return out;
}

const Text& GroupLabel(const PartnerIndex& x, const std::string& group, Text* scratch) {
  auto it = x.framework.groups.find(group);
  if (it != x.framework.groups.end()) return it->second;
  *scratch = Same(group);
  return *scratch;
}

void GapsOfBlock(const PartnerIndex& x, size_t block, const Set& actors, BrokerReport* out) {
  uint64_t mask = x.block_masks[block];
  std::map<std::string, Set> sides;  // group -> actors active in the block, ascending
  for (uint32_t v : actors) {
    bool active = x.offered[v] & mask;
    for (uint32_t i = x.entry_begin[v]; i < x.entry_begin[v + 1] && !active; ++i) {
      active = x.entries[i].block == static_cast<int>(block);
    }
    if (active) sides[x.group_names[x.group[v]]].push_back(v);
  }
  std::map<std::string, Set> near;
  for (const auto& [group, side] : sides) near[group] = NeighboursOf(x, side);
  for (auto a = sides.begin(); a != sides.end(); ++a) {
    for (auto b = std::next(a); b != sides.end(); ++b) {
      const Set& na = near[a->first];
      const Set& nb = near[b->first];
      if (Meet(na, b->second) || Meet(na, nb)) continue;
      BrokerGap gap;
      gap.block = x.block_ids[block];
      gap.group_a = a->first;
      gap.group_b = b->first;
      gap.actors_a = static_cast<long long>(a->second.size());
      gap.actors_b = static_cast<long long>(b->second.size());
      gap.examples_a = Examples(x, a->second);
      gap.examples_b = Examples(x, b->second);
      gap.bridges = Bridges(x, mask, a->second, na, b->second, nb);
      Text sa, sb;
      gap.text = Fill(x.framework.texts.at("missing_broker"), {{"a", GroupLabel(x, a->first, &sa)},
                                                               {"b", GroupLabel(x, b->first, &sb)},
                                                               {"block", x.block_labels[block]}});
      out->gaps.push_back(std::move(gap));
    }
  }
}

}  // namespace

Result<BrokerReport> MissingBrokers(const PartnerIndex& x, std::string_view territory) {
  if (!territory.empty() && (territory.front() == '/' || territory.back() == '/')) {
    return InvalidArgument("territory '" + std::string(territory) +
                           "' must be an id such as CA/quebec, without leading or trailing '/'");
  }
  BrokerReport out;
  out.territory = std::string(territory);
  Set actors = ActorsIn(x, territory);
  for (size_t b = 0; b < x.block_ids.size(); ++b) GapsOfBlock(x, b, actors, &out);
  return out;
}

}  // namespace ecosol::ecosystem
