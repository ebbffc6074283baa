// Building the partner index: dense actor numbers, sorted undirected adjacency of active ties,
// offered and wanted asset types (declared, and implicit from roles), and the inverted indexes
// that let RecommendPartners look only at actors offering what is needed.

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/network.h"
#include "partners_internal.h"

namespace ecosol::ecosystem {
namespace {

constexpr double kPi = 3.14159265358979323846;
const std::vector<std::string> kTransactions = {"borrow-lend", "rent-lease", "buy-sell",
                                                "receive-donate"};
const std::vector<std::string> kScopes = {"local", "regional", "national", "international"};

template <typename T>
uint32_t Intern(const std::string& s, std::unordered_map<std::string, uint32_t>* table,
                std::vector<T>* names) {
  auto [it, added] = table->try_emplace(s, static_cast<uint32_t>(table->size()));
  if (added && names) names->push_back(s);
  return it->second;
}

// Role rules read few facts (kind, structures, claims); actors sharing them share roles, so a
// million actors need a handful of rule evaluations. The key holds every fact a rule reads;
// when a rule reads something else or computes its paths, no memo is kept.
class RoleMemo {
 public:
  explicit RoleMemo(const BlocksFramework& blocks) : blocks_(blocks) {
    for (const ActorRole& role : blocks.roles) {
      if (role.rule->HasComputedPaths()) usable_ = false;
      for (const std::string& var : role.rule->Vars()) {
        if (var != "kind" && var != "structures" && var != "claims" && var != "legal_form" &&
            var != "activities" && var != "inside") {
          usable_ = false;
        }
      }
    }
  }

  Result<std::vector<std::string>> Roles(const model::Actor& a) {
    if (!usable_) return ActorRoles(blocks_, a);
    std::string key(model::ToString(a.kind));
    for (const auto* list : {&a.structures, &a.claims, &a.activities}) {
      key += '\x1f';
      for (const std::string& s : *list) key += s + '\x1e';
    }
    key += '\x1f' + a.legal_form;
    auto it = memo_.find(key);
    if (it != memo_.end()) return it->second;
    auto roles = ActorRoles(blocks_, a);
    if (roles.ok()) memo_.emplace(key, *roles);
    return roles;
  }

 private:
  const BlocksFramework& blocks_;
  bool usable_ = true;
  std::unordered_map<std::string, std::vector<std::string>> memo_;
};

PartnerIndex::Point PointOf(const std::optional<model::Location>& at) {
  if (!at) {
    float nan = std::numeric_limits<float>::quiet_NaN();
    return {nan, nan, nan};
  }
  double lat = at->lat * kPi / 180, lon = at->lon * kPi / 180;
  return {static_cast<float>(std::cos(lat) * std::cos(lon)),
          static_cast<float>(std::cos(lat) * std::sin(lon)), static_cast<float>(std::sin(lat))};
}

Status AddActors(const BlocksFramework& blocks, const std::vector<model::Actor>& actors,
                 PartnerIndex* x) {
  std::unordered_map<std::string, uint32_t> groups, territories;
  RoleMemo memo(blocks);
  const auto& implicit = x->framework.implicit_offers;
  for (const model::Actor& a : actors) {
    if (a.deleted || !a.dissolved.empty() || x->by_id.count(a.id)) continue;
    auto roles = memo.Roles(a);
    if (!roles.ok()) return roles.status();
    x->by_id.emplace(a.id, static_cast<uint32_t>(x->ids.size()));
    x->ids.push_back(a.id);
    x->names.push_back(a.name.empty() ? a.id : a.name);
    x->group.push_back(static_cast<uint8_t>(Intern(ActorGroup(a), &groups, &x->group_names)));
    x->territory.push_back(Intern(a.territory, &territories, &x->territories));
    x->point.push_back(PointOf(a.location));
    uint64_t mask = 0;
    uint32_t role_bits = 0;
    for (size_t i = 0; i < implicit.size(); ++i) {
      if (std::find(roles->begin(), roles->end(), implicit[i].role) == roles->end()) continue;
      role_bits |= 1u << i;
      for (const std::string& asset : implicit[i].offers) {
        const AssetType* t = x->framework.FindAssetType(asset);
        mask |= uint64_t{1} << (t - x->framework.asset_types.data());
      }
    }
    x->implicit.push_back(mask);
    x->offered.push_back(mask);
    x->roles.push_back(role_bits);
    x->stats.implicit_offers += std::popcount(mask);
  }
  if (x->group_names.size() > 255) return InvalidArgument("more than 255 actor groups");
  return Status::Ok();
}

void AddTies(const std::vector<model::Relationship>& relationships, PartnerIndex* x) {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(relationships.size() * 2);
  for (const model::Relationship& r : relationships) {
    if (r.deleted || !r.ended.empty() || r.from == r.to) continue;
    auto a = x->by_id.find(r.from);
    auto b = x->by_id.find(r.to);
    if (a == x->by_id.end() || b == x->by_id.end()) continue;
    pairs.emplace_back(a->second, b->second);
    pairs.emplace_back(b->second, a->second);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  x->adj_begin.assign(x->ids.size() + 1, 0);
  x->adj.reserve(pairs.size());
  for (const auto& [from, to] : pairs) {
    ++x->adj_begin[from + 1];
    x->adj.push_back(to);
  }
  std::partial_sum(x->adj_begin.begin(), x->adj_begin.end(), x->adj_begin.begin());
  x->stats.ties = static_cast<long long>(pairs.size() / 2);
}

uint8_t Code(const std::string& s, const std::vector<std::string>& values) {
  auto it = std::find(values.begin(), values.end(), s);
  return static_cast<uint8_t>(it == values.end() ? 0 : it - values.begin());
}

Result<IndexedEntry> Compact(const OfferWant& o, uint32_t actor, PartnerIndex* x) {
  OfferWant resolved = o;
  ECOSOL_RETURN_IF_ERROR(
      internal::ResolveAsset(x->framework, &resolved, "offer/want '" + o.id + "'"));
  IndexedEntry e;
  e.actor = actor;
  e.offer = o.exchange_type == "offer";
  if (const AssetType* a = x->framework.FindAssetType(resolved.asset_type)) {
    e.asset = static_cast<int>(a - x->framework.asset_types.data());
  }
  auto b = std::find(x->block_ids.begin(), x->block_ids.end(), resolved.block);
  e.block = b == x->block_ids.end() ? -1 : static_cast<int>(b - x->block_ids.begin());
  e.item = o.item_type == "good" ? 1 : o.item_type == "service" ? 2 : 0;
  for (const std::string& t : o.transaction_types) {
    e.transactions |= static_cast<uint8_t>(1u << Code(t, kTransactions));
  }
  e.scope = Code(o.geographic_scope.empty() ? "regional" : o.geographic_scope, kScopes);
  e.tags_begin = static_cast<uint32_t>(x->entry_tags.size());
  for (const std::string& tag : o.tags) {
    x->entry_tags.push_back(Intern<std::string>(tag, &x->tag_ids, nullptr));
  }
  e.tags_end = static_cast<uint32_t>(x->entry_tags.size());
  return e;
}

Status AddEntries(const std::vector<OfferWant>& offers_wants, std::string_view today,
                  PartnerIndex* x) {
  std::vector<std::pair<uint32_t, const OfferWant*>> live;
  for (const OfferWant& o : offers_wants) {
    if (o.deleted) continue;
    if (!o.expires_at.empty() && std::string_view(o.expires_at).substr(0, 10) < today) continue;
    auto actor = x->by_id.find(o.actor_id);
    if (actor != x->by_id.end()) live.emplace_back(actor->second, &o);
  }
  std::stable_sort(live.begin(), live.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  x->entry_begin.assign(x->ids.size() + 1, 0);
  x->wants.assign(x->ids.size(), 0);
  for (const auto& [actor, o] : live) {
    auto e = Compact(*o, actor, x);
    if (!e.ok()) return e.status();
    ++x->entry_begin[actor + 1];
    // An offer of a block without an asset type counts as offering the block's asset types:
    // candidates and bounds work on asset masks.
    if (e->offer && e->asset >= 0) x->offered[actor] |= uint64_t{1} << e->asset;
    if (e->offer && e->asset < 0 && e->block >= 0) {
      x->offered[actor] |= x->block_masks[static_cast<size_t>(e->block)];
    }
    if (!e->offer && x->wants[actor] < 255) ++x->wants[actor];
    ++(e->offer ? x->stats.offers : x->stats.wants);
    x->entries.push_back(*e);
    x->entry_ids.push_back(o->id);
    x->entry_titles.push_back(o->title);
  }
  std::partial_sum(x->entry_begin.begin(), x->entry_begin.end(), x->entry_begin.begin());
  return Status::Ok();
}

void BuildInverted(PartnerIndex* x) {
  x->offering.assign(x->framework.asset_types.size(), {});
  for (uint32_t v = 0; v < x->ids.size(); ++v) {
    for (uint64_t m = x->offered[v]; m; m &= m - 1) {
      x->offering[static_cast<size_t>(std::countr_zero(m))].push_back(v);
    }
  }
  x->tag_begin.assign(x->tag_ids.size() + 1, 0);
  for (const IndexedEntry& e : x->entries) {
    if (!e.offer) continue;
    for (uint32_t t = e.tags_begin; t < e.tags_end; ++t) ++x->tag_begin[x->entry_tags[t] + 1];
  }
  std::partial_sum(x->tag_begin.begin(), x->tag_begin.end(), x->tag_begin.begin());
  x->tag_offers.resize(x->tag_begin.back());
  x->tag_actors.resize(x->tag_begin.back());
  std::vector<uint64_t> fill(x->tag_begin.begin(), x->tag_begin.end() - 1);
  for (uint32_t i = 0; i < x->entries.size(); ++i) {
    const IndexedEntry& e = x->entries[i];
    if (!e.offer) continue;
    for (uint32_t t = e.tags_begin; t < e.tags_end; ++t) {
      uint64_t at = fill[x->entry_tags[t]]++;
      x->tag_offers[at] = i;
      x->tag_actors[at] = e.actor;
    }
  }
  x->by_territory.resize(x->ids.size());
  std::iota(x->by_territory.begin(), x->by_territory.end(), 0u);
  std::sort(x->by_territory.begin(), x->by_territory.end(), [x](uint32_t a, uint32_t b) {
    const std::string& ta = x->territories[x->territory[a]];
    const std::string& tb = x->territories[x->territory[b]];
    return ta != tb ? ta < tb : a < b;
  });
}

template <typename T>
long long Bytes(const std::vector<T>& v) {
  return static_cast<long long>(v.capacity() * sizeof(T));
}

long long Strings(const std::vector<std::string>& v) {
  long long n = Bytes(v);
  for (const std::string& s : v) n += s.capacity() > 15 ? static_cast<long long>(s.capacity()) : 0;
  return n;
}

void Measure(PartnerIndex* x) {
  long long n = Strings(x->ids) + Strings(x->names) + Strings(x->entry_ids) +
                Strings(x->entry_titles) + Bytes(x->group) + Bytes(x->territory) + Bytes(x->point) +
                Bytes(x->offered) + Bytes(x->implicit) + Bytes(x->roles) + Bytes(x->wants) +
                Bytes(x->hot) + Bytes(x->by_territory) + Bytes(x->adj_begin) + Bytes(x->adj) +
                Bytes(x->entries) + Bytes(x->entry_begin) + Bytes(x->entry_tags) +
                Bytes(x->tag_begin) + Bytes(x->tag_offers) + Bytes(x->tag_actors);
  for (const auto& list : x->offering) n += Bytes(list);
  // Hash tables: a node of key, value and next pointer per entry, and a bucket per entry.
  n += static_cast<long long>(x->by_id.size() * (sizeof(std::string) + 24 + 8));
  n += static_cast<long long>(x->tag_ids.size() * (sizeof(std::string) + 24 + 8));
  x->stats.actors = static_cast<long long>(x->ids.size());
  x->stats.bytes = n;
}

void CopyFrameworks(const PartnerFramework& f, const BlocksFramework& blocks, PartnerIndex* x) {
  x->framework = f;
  for (const Block& b : blocks.blocks) {
    x->block_ids.push_back(b.id);
    x->block_labels.push_back(internal::LowerFirst(b.label));
  }
  for (const ActorRole& r : blocks.roles) x->role_labels[r.id] = r.label;
  x->block_masks.assign(x->block_ids.size(), 0);
  for (size_t i = 0; i < f.asset_types.size(); ++i) {
    auto b = std::find(x->block_ids.begin(), x->block_ids.end(), f.asset_types[i].block);
    int block = b == x->block_ids.end() ? -1 : static_cast<int>(b - x->block_ids.begin());
    x->asset_block.push_back(block);
    if (block >= 0) x->block_masks[static_cast<size_t>(block)] |= uint64_t{1} << i;
  }
}

}  // namespace

bool PartnerIndex::Tied(uint32_t a, uint32_t b) const {
  return std::binary_search(Neighbours(a), Neighbours(a) + Degree(a), b);
}

PartnerIndexStats StatsOf(const PartnerIndex& index) { return index.stats; }

Result<std::shared_ptr<const PartnerIndex>> BuildPartnerIndex(
    const PartnerFramework& framework, const BlocksFramework& blocks,
    const std::vector<model::Actor>& actors, const std::vector<model::Relationship>& relationships,
    const std::vector<OfferWant>& offers_wants, std::string_view today) {
  if (today.size() != 10 || !IsValidDate(today)) {
    return InvalidArgument("today must be a day YYYY-MM-DD, not '" + std::string(today) + "'");
  }
  auto x = std::make_shared<PartnerIndex>();
  CopyFrameworks(framework, blocks, x.get());
  x->ids.reserve(actors.size());
  x->names.reserve(actors.size());
  x->by_id.reserve(actors.size());
  ECOSOL_RETURN_IF_ERROR(AddActors(blocks, actors, x.get()));
  AddTies(relationships, x.get());
  ECOSOL_RETURN_IF_ERROR(AddEntries(offers_wants, today, x.get()));
  BuildInverted(x.get());
  x->hot.reserve(x->ids.size());
  for (size_t v = 0; v < x->ids.size(); ++v) {
    PartnerIndex::Hot hot{x->point[v], x->wants[v], 0, x->offered[v], 0};
    for (uint32_t i = x->entry_begin[v]; i < x->entry_begin[v + 1]; ++i) {
      const IndexedEntry& e = x->entries[i];
      if (e.offer) continue;
      if (e.asset >= 0) hot.want_reach |= uint64_t{1} << e.asset;
      if (e.block >= 0) hot.want_reach |= x->block_masks[static_cast<size_t>(e.block)];
      if (e.block < 0 && e.asset < 0) hot.want_flags |= PartnerIndex::kWantFree;
      if (e.tags_end > e.tags_begin) hot.want_flags |= PartnerIndex::kWantTagged;
    }
    x->hot.push_back(hot);
  }
  Measure(x.get());
  return std::shared_ptr<const PartnerIndex>(std::move(x));
}

namespace internal {

double DistanceKm(const PartnerIndex::Point& a, const PartnerIndex::Point& b) {
  double dx = static_cast<double>(a.x) - b.x, dy = static_cast<double>(a.y) - b.y,
         dz = static_cast<double>(a.z) - b.z;
  double chord = std::sqrt(dx * dx + dy * dy + dz * dz);
  return 2 * 6371.0088 * std::asin(std::min(1.0, chord / 2));
}

Text LowerFirst(const Text& t) {
  Text out = t;
  for (auto& [lang, s] : out) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  }
  return out;
}

}  // namespace internal
}  // namespace ecosol::ecosystem
