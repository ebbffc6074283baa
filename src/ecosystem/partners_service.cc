// Partner matching from the store: offers and wants as versioned records, and the partner index
// over a reader's snapshot (partners_service.h).

#include "ecosol/ecosystem/partners_service.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <tuple>

#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/registry/registry.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

std::string NewOfferWantId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char kHex[] = "0123456789abcdef";
  std::string id = "ow-";
  uint64_t bits = rng();
  for (int i = 0; i < 16; ++i, bits >>= 4) id += kHex[bits & 0xf];
  return id;
}

Result<OfferWant> Decode(const store::OfferWantRecord& r) {
  json doc = json::parse(r.doc, nullptr, false);
  if (!doc.is_object()) {
    return Internal("offer or want '" + r.id + "': the stored document is not a JSON object");
  }
  auto o = OfferWantFromJson(doc, "stored offer or want '" + r.id + "'");
  if (!o.ok()) return o.status();
  o->id = r.id;
  o->actor_id = r.actor_id;
  o->deleted = r.deleted;
  return o;
}

Status Audit(store::Store& store, const Clock& clock, const EditAuthor& author,
             const std::string& action, const std::string& id, const std::string& before,
             const std::string& after) {
  store::AuditEntry e;
  e.at = FormatTimestamp(clock.Now());
  e.who = author.who.empty() ? "system" : author.who;
  e.address = author.address;
  e.action = action;
  e.object_type = "offer_want";
  e.object_id = id;
  e.before = before;
  e.after = after;
  return store.AppendAudit(&e);
}

Status KnownActor(store::Store& store, const std::string& actor_id) {
  auto actor = store.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value() || (*actor)->deleted) {
    return NotFound("actor: no actor with id '" + actor_id + "' in the registry");
  }
  return Status::Ok();
}

// Writes one version inside the caller's transaction; an unchanged one is left as it is.
Result<store::OfferWantRecord> Put(store::Store& store, const Clock& clock, OfferWant o,
                                   const EditAuthor& author) {
  if (o.id.empty()) o.id = NewOfferWantId();
  ECOSOL_RETURN_IF_ERROR(KnownActor(store, o.actor_id));
  auto existing = store.GetOfferWant(o.id);
  if (!existing.ok()) return existing.status();
  std::string before;
  if (existing->has_value()) {
    if ((*existing)->actor_id != o.actor_id) {
      return InvalidArgument("id: offer or want '" + o.id + "' belongs to actor '" +
                             (*existing)->actor_id + "', not '" + o.actor_id +
                             "'; leave the id out to record a new one");
    }
    before = (*existing)->doc;
  }
  store::OfferWantRecord r;
  r.id = o.id;
  r.actor_id = o.actor_id;
  r.exchange_type = o.exchange_type;
  r.deleted = o.deleted;
  r.doc = ToJson(o).dump();
  // Writing what is already there is not a change (a re-import of the same profiles).
  if (existing->has_value() && (*existing)->doc == r.doc && (*existing)->deleted == r.deleted) {
    return **existing;
  }
  r.updated_at = FormatTimestamp(clock.Now());
  r.updated_by = author.who;
  auto version = store.PutOfferWant(r);
  if (!version.ok()) return version.status();
  r.version = *version;
  ECOSOL_RETURN_IF_ERROR(Audit(store, clock, author, "offer_want.put", r.id, before, r.doc));
  return r;
}

}  // namespace

Result<std::shared_ptr<const PartnerFramework>> PartnerFrameworkIn(
    const std::string& frameworks_dir) {
  auto blocks = BlocksFrameworkIn(frameworks_dir);
  if (!blocks.ok()) return blocks.status();
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const PartnerFramework>> loaded;  // guarded by mu
  std::lock_guard<std::mutex> lock(mu);
  auto it = loaded.find(frameworks_dir);
  if (it != loaded.end()) return it->second;
  auto framework = LoadPartnerFramework(
      (std::filesystem::path(frameworks_dir) / kPartnerFrameworkFile).string(), **blocks);
  if (!framework.ok()) return framework.status();
  loaded[frameworks_dir] = *framework;
  return *framework;
}

Result<OfferWant> OfferWantInput(const json& doc, const std::string& actor_id,
                                 const PartnerFramework& framework, const std::string& where) {
  if (!doc.is_object()) return InvalidArgument(where + ": expected a JSON object");
  if (doc.contains("actor_id") &&
      (!doc["actor_id"].is_string() || doc["actor_id"].get<std::string>() != actor_id)) {
    return InvalidArgument(where + ": actor_id: this offer or want is recorded for actor '" +
                           actor_id + "'; leave actor_id out or give that id");
  }
  if (doc.contains("linked_schemas")) {
    return OfferWantFromMurmurations(doc, actor_id, where, &framework);
  }
  json ours = doc;
  ours["actor_id"] = actor_id;
  // A new one: its id is made here (OfferWantFromJson needs one).
  if (!ours.contains("id") || ours["id"] == "") ours["id"] = NewOfferWantId();
  auto o = OfferWantFromJson(ours, where);
  if (!o.ok()) return o.status();
  // The same checks of the asset type and block as a Murmurations profile gets.
  auto checked = OfferWantFromMurmurations(ToMurmurations(*o), actor_id, where, &framework);
  if (!checked.ok()) return checked.status();
  checked->id = o->id;
  checked->source = o->source.empty() ? "declared" : o->source;
  checked->deleted = false;
  return checked;
}

Result<store::OfferWantRecord> SaveOfferWant(store::Store& store, const Clock& clock,
                                             const PartnerFramework& framework, OfferWant o,
                                             const EditAuthor& author) {
  auto checked =
      OfferWantFromMurmurations(ToMurmurations(o), o.actor_id, "offer or want", &framework);
  if (!checked.ok()) return checked.status();
  o.deleted = false;
  store::OfferWantRecord out;
  Status s = store.InTransaction([&]() -> Status {
    auto r = Put(store, clock, o, author);
    if (!r.ok()) return r.status();
    out = std::move(*r);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<store::OfferWantRecord> SetOfferWantDeleted(store::Store& store, const Clock& clock,
                                                   const std::string& id, bool deleted,
                                                   const EditAuthor& author) {
  store::OfferWantRecord out;
  Status s = store.InTransaction([&]() -> Status {
    auto found = store.GetOfferWant(id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return NotFound("no offer or want with id '" + id + "'");
    store::OfferWantRecord r = **found;
    if (r.deleted == deleted) {
      return Conflict("offer or want '" + id + "' is already " +
                      (deleted ? "deleted" : "in use (not deleted)"));
    }
    const std::string before = r.doc;
    r.deleted = deleted;
    r.updated_at = FormatTimestamp(clock.Now());
    r.updated_by = author.who;
    auto version = store.PutOfferWant(r);
    if (!version.ok()) return version.status();
    r.version = *version;
    ECOSOL_RETURN_IF_ERROR(Audit(store, clock, author,
                                 deleted ? "offer_want.delete" : "offer_want.restore", id, before,
                                 r.doc));
    out = std::move(r);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<OfferWant>> OffersWantsOf(store::Store& store, const std::string& actor_id,
                                             bool with_deleted) {
  if (!actor_id.empty()) ECOSOL_RETURN_IF_ERROR(KnownActor(store, actor_id));
  auto records = store.OffersWants(actor_id, with_deleted);
  if (!records.ok()) return records.status();
  std::vector<OfferWant> out;
  out.reserve(records->size());
  for (const store::OfferWantRecord& r : *records) {
    auto o = Decode(r);
    if (!o.ok()) return o.status();
    out.push_back(std::move(*o));
  }
  return out;
}

Result<std::vector<store::OfferWantRecord>> OfferWantVersions(store::Store& store,
                                                              const std::string& id) {
  auto versions = store.OfferWantHistory(id);
  if (!versions.ok()) return versions.status();
  if (versions->empty()) return NotFound("no offer or want with id '" + id + "'");
  return versions;
}

Result<long long> ImportOffersWants(store::Store& store, const Clock& clock,
                                    const PartnerFramework& framework, const json& list,
                                    const std::string& default_actor, const EditAuthor& author) {
  const json* entries = &list;
  if (list.is_object() && list.contains("offers_wants")) entries = &list["offers_wants"];
  if (!entries->is_array()) {
    return InvalidArgument(
        "expected a JSON array of offers and wants, or an object with an \"offers_wants\" array");
  }
  std::vector<OfferWant> parsed;
  parsed.reserve(entries->size());
  for (size_t i = 0; i < entries->size(); ++i) {
    const json& entry = (*entries)[i];
    const std::string where = "entry " + std::to_string(i + 1);
    std::string actor = default_actor;
    if (actor.empty()) {
      if (!entry.is_object() || !entry.contains("actor_id") || !entry["actor_id"].is_string()) {
        return InvalidArgument(where +
                               ": actor_id: required (the registry id of the actor whose offer "
                               "or want this is), or give one actor for the whole file");
      }
      actor = entry["actor_id"].get<std::string>();
    }
    auto o = OfferWantInput(entry, actor, framework, where);
    if (!o.ok()) return o.status();
    parsed.push_back(std::move(*o));
  }
  Status s = store.InTransaction([&]() -> Status {
    for (size_t i = 0; i < parsed.size(); ++i) {
      auto r = Put(store, clock, parsed[i], author);
      if (!r.ok()) {
        return Status(r.status().code(),
                      "entry " + std::to_string(i + 1) + ": " + std::string(r.status().message()));
      }
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return static_cast<long long>(parsed.size());
}

Result<std::shared_ptr<const PartnerIndex>> PartnerIndexFor(store::Store& store,
                                                            const SnapshotScope& scope,
                                                            const std::string& frameworks_dir,
                                                            const Clock& clock) {
  auto blocks = BlocksFrameworkIn(frameworks_dir);
  if (!blocks.ok()) return blocks.status();
  auto assets = PartnerFrameworkIn(frameworks_dir);
  if (!assets.ok()) return assets.status();
  auto snapshot = LoadSnapshot(store, scope);
  if (!snapshot.ok()) return snapshot.status();
  auto offers = OffersWantsOf(store, "", false);
  if (!offers.ok()) return offers.status();
  return BuildPartnerIndex(**assets, **blocks, snapshot->actors, snapshot->relationships, *offers,
                           FormatDate(clock.Now()));
}

Result<Recommendations> PartnersFor(store::Store& store, const SnapshotScope& scope,
                                    const std::string& frameworks_dir, const PartnerQuery& query,
                                    const Clock& clock) {
  auto index = PartnerIndexFor(store, scope, frameworks_dir, clock);
  if (!index.ok()) return index.status();
  return RecommendPartners(**index, query);
}

Result<BrokerReport> BrokerGapsIn(store::Store& store, const SnapshotScope& scope,
                                  const std::string& frameworks_dir, const std::string& territory,
                                  const Clock& clock) {
  auto known = KnownTerritory(store, territory);
  if (!known.ok()) return known.status();
  auto index = PartnerIndexFor(store, scope, frameworks_dir, clock);
  if (!index.ok()) return index.status();
  return MissingBrokers(**index, territory);
}

Result<std::string> OffersWantsStamp(store::Store& store) {
  auto records = store.OffersWants("", true);
  if (!records.ok()) return records.status();
  long long versions = 0;
  std::string latest;
  for (const store::OfferWantRecord& r : *records) {
    versions += r.version;
    if (r.updated_at > latest) latest = r.updated_at;
  }
  return std::to_string(records->size()) + ":" + std::to_string(versions) + ":" + latest;
}

Result<std::vector<AssetHolder>> ActorsOffering(store::Store& store, const SnapshotScope& scope,
                                                const std::vector<std::string>& asset_types,
                                                const std::string& territory, size_t limit,
                                                const Clock& clock) {
  std::vector<AssetHolder> out;
  if (asset_types.empty() || limit == 0) return out;
  auto offers = OffersWantsOf(store, "", false);
  if (!offers.ok()) return offers.status();
  const std::string today = FormatTimestamp(clock.Now()).substr(0, 10);
  auto view = scope.view;
  if (!view) {
    if (scope.audience.public_only()) {
      view = [](model::Actor a) { return registry::PublicView(std::move(a)); };
    } else {
      view = [](model::Actor a) { return std::optional<model::Actor>(std::move(a)); };
    }
  }
  std::map<std::string, std::optional<model::Actor>> seen;  // actor id -> as the reader sees it
  std::set<std::pair<std::string, std::string>> listed;     // (actor, asset type)
  for (const OfferWant& o : *offers) {
    if (o.exchange_type != "offer" || o.deleted) continue;
    if (std::find(asset_types.begin(), asset_types.end(), o.asset_type) == asset_types.end()) {
      continue;
    }
    if (!o.expires_at.empty() && std::string_view(o.expires_at).substr(0, 10) < today) continue;
    auto it = seen.find(o.actor_id);
    if (it == seen.end()) {
      auto actor = store.GetActor(o.actor_id);
      if (!actor.ok()) return actor.status();
      std::optional<model::Actor> shown;
      if (actor->has_value() && !(*actor)->deleted) shown = view(std::move(**actor));
      it = seen.emplace(o.actor_id, std::move(shown)).first;
    }
    const std::optional<model::Actor>& a = it->second;
    if (!a || a->deleted) continue;
    if (!territory.empty() && a->territory != territory &&
        a->territory.rfind(territory + "/", 0) != 0) {
      continue;
    }
    if (!listed.insert({a->id, o.asset_type}).second) continue;
    out.push_back({a->id, a->name, a->territory, o.asset_type, o.title});
  }
  std::sort(out.begin(), out.end(), [](const AssetHolder& x, const AssetHolder& y) {
    return std::tie(x.asset_type, x.territory, x.actor_id) <
           std::tie(y.asset_type, y.territory, y.actor_id);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

json AssetHoldersToJson(const std::vector<AssetHolder>& holders) {
  json out = json::array();
  for (const AssetHolder& h : holders) {
    out.push_back({{"id", h.actor_id},
                   {"name", h.name},
                   {"territory", h.territory},
                   {"asset_type", h.asset_type},
                   {"offer", h.offer_title}});
  }
  return out;
}

}  // namespace ecosol::ecosystem
