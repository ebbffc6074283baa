// Partner recommendations (partners.h; docs/ecosystem.md, "Partner matching").
//
// Candidates are the actors of the inverted indexes of what the actor needs, never a scan of
// all actors. Each gets its cheap components first (proximity, and trust from a precomputed
// two-hop count) and a bound on its complementarity from its asset masks; then, best bounds
// first, complementarity (which walks offers and wants) is only computed when the bound can
// still enter the top `limit`. Pruning by an upper bound keeps the result exact. Only the
// winners get their names, shared ties, matches and explanation.

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "blocks_text.h"
#include "partners_match.h"

namespace ecosol::ecosystem {
namespace internal {
namespace {

constexpr uint32_t kImplicit = kImplicitOffer;

Side EntrySide(const PartnerIndex& x, uint32_t i) {
  const IndexedEntry& e = x.entries[i];
  return {e.asset,
          e.block,
          x.entry_tags.data() + e.tags_begin,
          e.tags_end - e.tags_begin,
          e.item,
          e.transactions,
          i};
}

Side AssetSide(const PartnerIndex& x, int asset) {
  Side s;
  s.asset = asset;
  s.block = x.asset_block[static_cast<size_t>(asset)];
  return s;
}

// Calls f(side) for each offer of an actor: declared ones, then implicit assets. No allocation:
// this runs for every candidate.
template <typename F>
void ForEachOffer(const PartnerIndex& x, uint32_t v, F f) {
  for (uint32_t i = x.entry_begin[v]; i < x.entry_begin[v + 1]; ++i) {
    if (x.entries[i].offer) f(EntrySide(x, i));
  }
  for (uint64_t m = x.implicit[v]; m; m &= m - 1) f(AssetSide(x, std::countr_zero(m)));
}

std::vector<Side> OffersOf(const PartnerIndex& x, uint32_t v) {
  std::vector<Side> out;
  ForEachOffer(x, v, [&](const Side& s) { out.push_back(s); });
  return out;
}

// How well `offer` covers `need`, 0..1. What the need leaves unsaid does not count; what the
// offer leaves unsaid counts half. No credit without a type or tag in common.
double Coverage(const MatchWeights& w, const Side& need, const Side& offer) {
  double sum = 0, weight = 0;
  bool hit = false;
  if (need.asset >= 0 || need.block >= 0) {
    double s = 0;
    if (need.asset >= 0 && offer.asset == need.asset) {
      s = 1;
    } else if (need.block >= 0 && offer.block == need.block) {
      s = need.asset >= 0 ? w.same_block : 1;
    }
    hit = s > 0;
    sum += w.asset_type * s;
    weight += w.asset_type;
  }
  if (need.ntags > 0) {
    double s = 0.5;
    if (offer.ntags > 0) {
      size_t shared = 0;
      for (size_t i = 0; i < need.ntags; ++i) {
        shared += std::find(offer.tags, offer.tags + offer.ntags, need.tags[i]) !=
                  offer.tags + offer.ntags;
      }
      hit = hit || shared > 0;
      s = static_cast<double>(shared) / static_cast<double>(need.ntags);
    }
    sum += w.tags * s;
    weight += w.tags;
  }
  if (need.transactions) {
    sum += w.transaction *
           (offer.transactions ? (need.transactions & offer.transactions ? 1 : 0) : 0.5);
    weight += w.transaction;
  }
  if (need.item) {
    sum += w.item * (offer.item ? (need.item == offer.item ? 1 : 0) : 0.5);
    weight += w.item;
  }
  return hit && weight > 0 ? sum / weight : 0;
}

// Best offer of actor v for `need`: coverage and the offer (first of the best).
std::pair<double, Side> Best(const PartnerIndex& x, const Side& need, uint32_t v) {
  std::pair<double, Side> best{0, Side{}};
  ForEachOffer(x, v, [&](const Side& offer) {
    double c = Coverage(x.framework.match, need, offer);
    if (c > best.first) best = {c, offer};
  });
  return best;
}

// Best of the actor's own offers for `need`.
std::pair<double, int> Best(const MatchWeights& w, const Side& need,
                            const std::vector<Side>& offers) {
  std::pair<double, int> best{0, -1};
  for (size_t i = 0; i < offers.size(); ++i) {
    double c = Coverage(w, need, offers[i]);
    if (c > best.first) best = {c, static_cast<int>(i)};
  }
  return best;
}

std::string OfferId(const PartnerIndex& x, uint32_t v, const Side& offer) {
  if (offer.entry != kImplicit) return x.entry_ids[offer.entry];
  const auto& implicit = x.framework.implicit_offers;
  const std::string& asset = x.framework.asset_types[static_cast<size_t>(offer.asset)].id;
  for (size_t i = 0; i < implicit.size(); ++i) {
    if (!(x.roles[v] >> i & 1u)) continue;
    const auto& offers = implicit[i].offers;
    if (std::find(offers.begin(), offers.end(), asset) != offers.end()) {
      return "role:" + implicit[i].role + ":" + asset;
    }
  }
  return "role:?:" + asset;
}

std::string AssetId(const PartnerIndex& x, int asset) {
  return asset >= 0 ? x.framework.asset_types[static_cast<size_t>(asset)].id : "";
}

}  // namespace

double Complement(const Context& c, uint32_t v, std::vector<PartnerMatch>* matches) {
  const MatchWeights& w = c.x.framework.match;
  double forward = 0;
  for (const Need& n : c.needs) {
    auto [coverage, o] = Best(c.x, n.side, v);
    forward += coverage;
    if (matches && coverage > 0) {
      matches->push_back({"forward", n.id, OfferId(c.x, v, o), AssetId(c.x, o.asset), coverage});
    }
  }
  double reverse = 0;
  int wants = 0;
  for (uint32_t i = c.x.entry_begin[v]; i < c.x.entry_begin[v + 1]; ++i) {
    if (c.x.entries[i].offer) continue;
    ++wants;
    auto [coverage, at] = Best(w, EntrySide(c.x, i), c.u_offers);
    reverse += coverage;
    if (matches && at >= 0) {
      const Side& o = c.u_offers[static_cast<size_t>(at)];
      matches->push_back(
          {"reverse", c.x.entry_ids[i], OfferId(c.x, c.u, o), AssetId(c.x, o.asset), coverage});
    }
  }
  forward /= static_cast<double>(c.needs.size());
  if (wants > 0) reverse /= wants;
  return c.x.framework.forward_weight * forward + c.x.framework.reverse_weight * reverse;
}

namespace {

// Territory ids in common, segment by segment: "CA/quebec/montreal" and "CA/quebec/laval"
// share "CA/quebec" (2 of 3 segments).
std::pair<double, std::string> TerritoryProximity(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return {0, ""};
  size_t segments_a = 1 + static_cast<size_t>(std::count(a.begin(), a.end(), '/'));
  size_t segments_b = 1 + static_cast<size_t>(std::count(b.begin(), b.end(), '/'));
  size_t common = 0, end = 0;
  for (size_t i = 0;; ++i) {
    bool end_a = i == a.size() || a[i] == '/';
    bool end_b = i == b.size() || b[i] == '/';
    if (end_a && end_b) {
      ++common;
      end = i;
      if (i == a.size() || i == b.size()) break;
      continue;
    }
    if (end_a || end_b || a[i] != b[i]) break;
  }
  double p = static_cast<double>(common) / static_cast<double>(std::max(segments_a, segments_b));
  return {p, a.substr(0, end)};
}

Place Proximity(const Context& c, uint32_t v) {
  const PartnerIndex& x = c.x;
  Place p;
  if (x.Located(c.u) && x.hot[v].point.x == x.hot[v].point.x) {
    p.km = internal::DistanceKm(x.hot[c.u].point, x.hot[v].point);
    p.proximity = std::isinf(c.scale_km) ? 1.0 : 1.0 / (1.0 + *p.km / c.scale_km);
    return p;
  }
  auto [proximity, common] =
      TerritoryProximity(x.territories[x.territory[c.u]], x.territories[x.territory[v]]);
  p.proximity = proximity;
  p.territory = common;
  return p;
}

uint32_t CommonNeighbours(const Context& c, uint32_t v) {
  auto it = std::lower_bound(c.two_hop.begin(), c.two_hop.end(), std::make_pair(v, 0u));
  return it != c.two_hop.end() && it->first == v ? it->second : 0;
}

std::vector<std::pair<uint32_t, uint32_t>> TwoHop(const PartnerIndex& x, uint32_t u) {
  std::vector<uint32_t> all;
  for (size_t i = 0; i < x.Degree(u); ++i) {
    uint32_t w = x.Neighbours(u)[i];
    for (size_t j = 0; j < x.Degree(w); ++j) {
      if (x.Neighbours(w)[j] != u) all.push_back(x.Neighbours(w)[j]);
    }
  }
  std::sort(all.begin(), all.end());
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (uint32_t a : all) {
    if (out.empty() || out.back().first != a) out.emplace_back(a, 0);
    ++out.back().second;
  }
  return out;
}

void SetBounds(const MatchWeights& w, Need* n) {
  if (n->side.asset < 0 && n->side.block < 0) return;  // tags only: no cheap bound
  double total = w.asset_type, rest = 0;
  if (n->side.ntags) total += w.tags, rest += w.tags;
  if (n->side.transactions) total += w.transaction, rest += w.transaction;
  if (n->side.item) total += w.item, rest += w.item;
  n->if_same_block = (w.asset_type * (n->side.asset >= 0 ? w.same_block : 1) + rest) / total;
  n->if_neither = n->side.ntags ? rest / total : 0;  // a tag in common is then needed
}

// At least the complementarity of v, from its asset masks alone.
double UpperBound(const Context& c, uint32_t v) {
  const PartnerIndex& x = c.x;
  const PartnerIndex::Hot& hot = x.hot[v];
  uint64_t offered = hot.offered;
  double forward = 0;
  for (const Need& n : c.needs) {
    uint64_t block = n.side.block >= 0 ? x.block_masks[static_cast<size_t>(n.side.block)] : 0;
    if (n.side.asset < 0 && n.side.block < 0) {
      forward += 1;
    } else if (n.side.asset >= 0 ? (offered >> n.side.asset & 1) : (offered & block) != 0) {
      forward += 1;
    } else {
      forward += (offered & block) ? n.if_same_block : n.if_neither;
    }
  }
  forward /= static_cast<double>(c.needs.size());
  const PartnerFramework& f = x.framework;
  // Reverse: a want of v is covered by type or block only if the actor offers an asset type of
  // its block; otherwise only a shared tag gives credit, and never the asset type's part.
  double reverse = 0;
  if (hot.wants) {
    if ((hot.want_reach & x.offered[c.u]) || (hot.want_flags & PartnerIndex::kWantFree)) {
      reverse = 1;
    } else if (hot.want_flags & PartnerIndex::kWantTagged) {
      reverse = c.tag_only_bound;
    }
  }
  return f.forward_weight * forward + f.reverse_weight * reverse;
}

// The actor's needs: declared wants (cut to the query's block or asset type); with none, the
// block or asset type the query asks for; with no query either, the blocks neither the actor
// nor its ties offer.
void CollectNeeds(Context* c, int block, int asset, Recommendations* out) {
  const PartnerIndex& x = c->x;
  const auto& texts = x.framework.texts;
  for (uint32_t i = x.entry_begin[c->u]; i < x.entry_begin[c->u + 1]; ++i) {
    const IndexedEntry& e = x.entries[i];
    if (e.offer || (block >= 0 && e.block != block) || (asset >= 0 && e.asset != asset)) continue;
    c->needs.push_back({EntrySide(x, i), x.entry_ids[i], Same(x.entry_titles[i]), "want", e.scope});
  }
  int default_scope = x.framework.default_scope == "local"      ? 0
                      : x.framework.default_scope == "national" ? 2
                      : x.framework.default_scope == "regional" ? 1
                                                                : 3;
  if (!c->needs.empty()) {
    out->needs_source = NeedsSource::kDeclared;
    out->needs_note =
        Fill(texts.at("needs_declared"), {{"count", Same(std::to_string(c->needs.size()))}});
  } else if (asset >= 0 || block >= 0) {
    Side s = asset >= 0 ? AssetSide(x, asset) : Side{};
    if (asset < 0) s.block = block;
    const Text& label =
        asset >= 0 ? AssetLabel(x, asset) : x.block_labels[static_cast<size_t>(block)];
    std::string id = asset >= 0 ? "asset:" + AssetId(x, asset)
                                : "block:" + x.block_ids[static_cast<size_t>(block)];
    c->needs.push_back({s, id, label, asset >= 0 ? "asset" : "block", default_scope});
    out->needs_source = NeedsSource::kQuery;
    out->needs_note = Fill(texts.at("needs_query"), {{"what", label}});
  } else {
    uint64_t covered = x.offered[c->u];
    for (size_t i = 0; i < x.Degree(c->u); ++i) covered |= x.offered[x.Neighbours(c->u)[i]];
    std::vector<Text> labels;
    for (size_t b = 0; b < x.block_ids.size(); ++b) {
      if (!x.block_masks[b] || (x.block_masks[b] & covered)) continue;
      Side s;
      s.block = static_cast<int>(b);
      c->needs.push_back({s, "block:" + x.block_ids[b], x.block_labels[b], "block", default_scope});
      out->lacked_blocks.push_back(x.block_ids[b]);
      labels.push_back(x.block_labels[b]);
    }
    out->needs_source = c->needs.empty() ? NeedsSource::kNone : NeedsSource::kLackedBlocks;
    out->needs_note = c->needs.empty()
                          ? texts.at("needs_none")
                          : Fill(texts.at("needs_lacked_blocks"), {{"blocks", Join(labels, ", ")}});
  }
  int widest = 0;
  for (Need& n : c->needs) {
    widest = std::max(widest, n.scope);
    SetBounds(x.framework.match, &n);
  }
  static const char* kScopeNames[] = {"local", "regional", "national"};
  c->scale_km = widest >= 3 ? std::numeric_limits<double>::infinity()
                            : x.framework.scope_km.at(kScopeNames[widest]);
}

// Actors offering an asset type needed, or an offer sharing a tag with a need; not the actor.
// Marked in a bitmap (an eighth of a byte per actor, so it stays in cache while the inverted
// lists are walked) and returned in actor order: the first pass then reads the packed actor
// records front to back, which the prefetching below keeps ahead of.
std::vector<uint32_t> Candidates(const Context& c) {
  const PartnerIndex& x = c.x;
  std::vector<uint64_t> marked((x.ids.size() + 63) / 64, 0);
  auto add = [&](uint32_t v) { marked[v >> 6] |= uint64_t{1} << (v & 63); };
  for (const Need& n : c.needs) {
    uint64_t assets = n.side.asset >= 0   ? uint64_t{1} << n.side.asset
                      : n.side.block >= 0 ? x.block_masks[static_cast<size_t>(n.side.block)]
                                          : 0;
    for (uint64_t m = assets; m; m &= m - 1) {
      for (uint32_t v : x.offering[static_cast<size_t>(std::countr_zero(m))]) add(v);
    }
    for (size_t t = 0; t < n.side.ntags; ++t) {
      for (uint64_t i = x.tag_begin[n.side.tags[t]]; i < x.tag_begin[n.side.tags[t] + 1]; ++i) {
        add(x.tag_actors[i]);
      }
    }
  }
  marked[c.u >> 6] &= ~(uint64_t{1} << (c.u & 63));
  std::vector<uint32_t> out;
  for (size_t w = 0; w < marked.size(); ++w) {
    for (uint64_t m = marked[w]; m; m &= m - 1) {
      out.push_back(static_cast<uint32_t>(w * 64 + static_cast<size_t>(std::countr_zero(m))));
    }
  }
  return out;
}

// Proximity and trust of v, and the score without complementarity.
Scored Cheap(const Context& c, uint32_t v) {
  const PartnerFramework& f = c.x.framework;
  Scored s;
  s.v = v;
  s.place = Proximity(c, v);
  s.common = CommonNeighbours(c, v);
  s.trust = s.common ? 1 - std::exp(-static_cast<double>(s.common) / f.trust_scale) : 0;
  s.score = f.proximity_weight * s.place.proximity + f.trust_weight * s.trust;
  return s;
}

// At least the score of v without complementarity, with no trigonometry: an arc is at least
// its chord, so the chord gives an upper bound of proximity. Nullopt when v lies beyond
// max_km for sure (the exact distance is checked again when v is scored). `common`: the
// neighbours v shares with the actor.
std::optional<double> CheapBound(const Context& c, uint32_t v, uint32_t common) {
  const PartnerIndex& x = c.x;
  const PartnerFramework& f = x.framework;
  double proximity;
  const PartnerIndex::Point& a = x.hot[c.u].point;
  const PartnerIndex::Point& b = x.hot[v].point;
  if (a.x == a.x && b.x == b.x) {
    double dx = static_cast<double>(a.x) - b.x, dy = static_cast<double>(a.y) - b.y,
           dz = static_cast<double>(a.z) - b.z;
    double at_least_km = 6371.0088 * std::sqrt(dx * dx + dy * dy + dz * dz) * (1 - 1e-6);
    if (c.q.max_km && at_least_km > *c.q.max_km) return std::nullopt;
    proximity = std::isinf(c.scale_km) ? 1.0 : 1.0 / (1.0 + at_least_km / c.scale_km);
  } else {
    if (c.q.max_km) return std::nullopt;  // no distance: never within max_km
    proximity = Proximity(c, v).proximity;
  }
  double trust = common ? 1 - std::exp(-static_cast<double>(common) / f.trust_scale) : 0;
  return f.proximity_weight * proximity + f.trust_weight * trust;
}

}  // namespace
}  // namespace internal

using namespace internal;  // NOLINT: the private types of partners_match.h

Result<Recommendations> RecommendPartners(const PartnerIndex& x, const PartnerQuery& q) {
  if (q.limit < 1 || q.limit > 100) {
    return InvalidArgument("limit must be from 1 to 100, not " + std::to_string(q.limit));
  }
  auto b = std::find(x.block_ids.begin(), x.block_ids.end(), q.block);
  if (!q.block.empty() && b == x.block_ids.end()) {
    return InvalidArgument("unknown block '" + q.block +
                           "' (use a block id such as market_access)");
  }
  const AssetType* a = x.framework.FindAssetType(q.asset_type);
  if (!q.asset_type.empty() && !a) {
    return InvalidArgument("unknown asset type '" + q.asset_type + "' (see partner-assets.yaml)");
  }
  if (q.max_km && !(*q.max_km >= 0)) return InvalidArgument("max_km must be 0 or more");
  auto u = x.by_id.find(q.actor_id);
  if (u == x.by_id.end()) return NotFound("no active actor '" + q.actor_id + "'");
  Context c{x, q, u->second, {}, OffersOf(x, u->second), 0, {}, 1};
  Recommendations out;
  out.actor_id = q.actor_id;
  CollectNeeds(&c, q.block.empty() ? -1 : static_cast<int>(b - x.block_ids.begin()),
               a ? static_cast<int>(a - x.framework.asset_types.data()) : -1, &out);
  if (c.needs.empty()) return out;
  c.two_hop = TwoHop(x, c.u);
  {
    const MatchWeights& w = x.framework.match;
    double rest = w.tags + w.transaction + w.item;
    c.tag_only_bound = rest / (w.asset_type + rest);
  }
  const PartnerFramework& f = x.framework;
  auto better = [&](const Scored& l, const Scored& r) {
    return l.score != r.score ? l.score > r.score : x.ids[l.v] < x.ids[r.v];
  };
  // First pass: the cheap components and a bound on the score of every candidate. Second
  // pass, best bounds first: complementarity only where the bound can still beat the worst
  // of the top `limit` kept so far.
  std::vector<std::pair<double, uint32_t>> bounds;
  const std::vector<uint32_t> candidates = Candidates(c);
  constexpr size_t kAhead = 16;  // candidates whose packed record is fetched ahead
  // Candidates come in actor order, as do the actor's neighbours and its two-hop counts: both
  // are walked alongside rather than searched.
  const uint32_t* tie = x.Neighbours(c.u);
  const uint32_t* ties_end = tie + x.Degree(c.u);
  auto hop = c.two_hop.begin();
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (i + kAhead < candidates.size()) __builtin_prefetch(&x.hot[candidates[i + kAhead]]);
    uint32_t v = candidates[i];
    ++out.candidates_scored;
    while (tie != ties_end && *tie < v) ++tie;
    if (!q.include_tied && tie != ties_end && *tie == v) {
      ++out.tied_left_out;
      continue;
    }
    while (hop != c.two_hop.end() && hop->first < v) ++hop;
    uint32_t common = hop != c.two_hop.end() && hop->first == v ? hop->second : 0;
    std::optional<double> cheap = CheapBound(c, v, common);
    if (!cheap) continue;
    bounds.emplace_back(*cheap + f.complementarity_weight * UpperBound(c, v), v);
  }
  size_t head = std::min(bounds.size(), static_cast<size_t>(4 * q.limit + 60));
  auto higher = [](const auto& l, const auto& r) { return l.first > r.first; };
  std::nth_element(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(head), bounds.end(),
                   higher);
  std::sort(bounds.begin(), bounds.begin() + static_cast<std::ptrdiff_t>(head), higher);
  std::vector<Scored> top;  // a heap whose front is the worst kept
  for (const auto& [bound, v] : bounds) {
    bool full = top.size() >= static_cast<size_t>(q.limit);
    if (full && bound < top.front().score - 1e-12) continue;
    Scored s = Cheap(c, v);
    if (q.max_km && (!s.place.km || *s.place.km > *q.max_km)) continue;
    s.complementarity = Complement(c, v, nullptr);
    s.score += f.complementarity_weight * s.complementarity;
    if (full && !better(s, top.front())) continue;
    if (full) {
      std::pop_heap(top.begin(), top.end(), better);
      top.pop_back();
    }
    top.push_back(s);
    std::push_heap(top.begin(), top.end(), better);
  }
  std::sort(top.begin(), top.end(), better);
  for (const Scored& s : top) out.items.push_back(Detail(c, s));
  return out;
}

}  // namespace ecosol::ecosystem
