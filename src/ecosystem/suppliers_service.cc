// Suppliers for a tender over the store, and recording awards (suppliers_service.h).

#include "ecosol/ecosystem/suppliers_service.h"

#include <algorithm>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

// The buyer as the reader sees it; nullopt when unknown, deleted or hidden from them.
Result<std::optional<model::Actor>> BuyerSeen(store::Store& store, const SnapshotScope& scope,
                                              const std::string& id) {
  if (id.empty()) return std::optional<model::Actor>();
  auto actor = store.GetActor(id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value() || (*actor)->deleted) return std::optional<model::Actor>();
  if (scope.view) return scope.view(std::move(**actor));
  if (scope.audience.public_only()) return registry::PublicView(std::move(**actor));
  return std::optional<model::Actor>(std::move(**actor));
}

// The candidate with its current profile; an actor whose stored profile cannot be read (a fact
// retired from facts.yaml) is judged on its registry facts, as if never screened.
Result<SupplierCandidate> Candidate(screening::ScreeningService& screening,
                                    const screening::Catalogue& catalogue, model::Actor actor) {
  SupplierCandidate c;
  auto doc = screening.ActorProfile(actor.id);
  if (doc.ok()) {
    auto profile = screening::ParseProfile((*doc)["profile"], catalogue, "registry");
    if (profile.ok()) {
      c.profile = std::move(*profile);
      c.profile_version = (*doc).value("version", 0LL);
      c.actor = std::move(actor);
      return c;
    }
  }
  auto registry_only =
      screening::ParseProfile(screening::RegistryFacts(actor), catalogue, "registry");
  if (!registry_only.ok()) return registry_only.status();
  c.profile = std::move(*registry_only);
  c.actor = std::move(actor);
  return c;
}

std::string ArticleWords(const Tender& t) {
  if (t.reservation == kArt77Framework) return "reserved under article 77 of directive 2014/24/EU";
  if (t.reservation == "eu-2014-24-art20")
    return "reserved under article 20 of directive 2014/24/EU";
  if (!t.reservation.empty()) return "reserved under " + t.reservation;
  return "not reserved";
}

model::Relationship AwardRelationship(const AwardRequest& a, const std::string& buyer_name) {
  const Tender& t = a.tender;
  model::Relationship rel;
  rel.id = "award-" + Slug(t.buyer) + "-" + Slug(t.reference.empty() ? t.title : t.reference) +
           "-" + Slug(a.supplier);
  rel.from = a.supplier;
  rel.to = t.buyer;
  rel.type = model::RelationshipType::kSupplies;
  rel.started = a.date;
  rel.description = "Awarded tender \"" + t.title + "\"" +
                    (t.reference.empty() ? "" : " (ref. " + t.reference + ")") + " by " +
                    buyer_name + " on " + a.date + ", " + ArticleWords(t);
  model::Provenance marker{kAwardSource, a.date,
                           t.reservation.empty() ? kUnreserved : t.reservation};
  for (const char* field : {"from", "to", "type"}) rel.provenance[field] = marker;
  return rel;
}

Status CheckSupplier(const AwardRequest& a, const std::optional<model::Actor>& supplier) {
  if (a.supplier.empty()) return InvalidArgument("supplier: required (the winner's actor id)");
  if (!supplier) return NotFound("supplier: no actor with id '" + a.supplier + "'");
  if (a.supplier == a.tender.buyer) {
    return InvalidArgument("supplier: the buyer cannot supply itself; give the winner's id");
  }
  if (IsPublicBody(*supplier)) {
    return InvalidArgument("supplier: '" + a.supplier +
                           "' is a public body; the suppliers of a tender are SSE actors");
  }
  if (!IsValidDate(a.date) || a.date < a.tender.date) {
    return InvalidArgument("date: '" + a.date +
                           "' is not an award date; give it as YYYY-MM-DD, on or after the "
                           "tender's date " +
                           a.tender.date);
  }
  return Status::Ok();
}

Result<std::optional<model::Actor>> Existing(registry::Registry& registry, const std::string& id) {
  if (id.empty()) return std::optional<model::Actor>();
  auto actor = registry.GetActor(id);
  if (actor.ok()) return std::optional<model::Actor>(std::move(*actor));
  if (actor.status().code() == StatusCode::kNotFound) return std::optional<model::Actor>();
  return actor.status();
}

}  // namespace

std::vector<Award> AwardsIn(const std::vector<model::Relationship>& relationships) {
  std::vector<Award> out;
  for (const model::Relationship& r : relationships) {
    if (r.deleted || r.type != model::RelationshipType::kSupplies) continue;
    auto marker = r.provenance.find("type");
    if (marker == r.provenance.end() || marker->second.source != kAwardSource) continue;
    const std::string& method = marker->second.method;
    out.push_back({r.id, r.from, r.to, r.started.empty() ? marker->second.date : r.started,
                   method == kUnreserved ? "" : method, r.description});
  }
  return out;
}

Result<SupplierReport> SuppliersFor(store::Store& store, const SnapshotScope& scope,
                                    screening::ScreeningService& screening,
                                    const screening::Catalogue& catalogue, const Tender& tender) {
  auto buyer = BuyerSeen(store, scope, tender.buyer);
  if (!buyer.ok()) return buyer.status();
  ECOSOL_RETURN_IF_ERROR(CheckTender(tender, *buyer ? &**buyer : nullptr, catalogue));
  auto territory = KnownTerritory(store, tender.territory);
  if (!territory.ok()) return territory.status().WithContext("tender");
  auto snapshot = LoadSnapshot(store, scope);
  if (!snapshot.ok()) return snapshot.status();
  std::vector<SupplierCandidate> candidates;
  for (model::Actor& a : snapshot->actors) {
    // The same filters as FindSuppliers, first, so that only candidates' profiles are read.
    if (a.id == tender.buyer || IsPublicBody(a) || !InTenderTerritory(a, tender.territory) ||
        MatchedActivities(a, tender).empty()) {
      continue;
    }
    auto c = Candidate(screening, catalogue, std::move(a));
    if (!c.ok()) return c.status();
    candidates.push_back(std::move(*c));
  }
  // The buyer's relationships as stored, with their provenance (the award marker); the
  // snapshot's relationships are read for the network and may not carry it.
  auto buyer_ties = store.RelationshipsOf(tender.buyer);
  if (!buyer_ties.ok()) return buyer_ties.status();
  return FindSuppliers(tender, **buyer, candidates, AwardsIn(*buyer_ties), catalogue);
}

Result<AwardRequest> AwardFromJson(const json& doc, const std::string& where) {
  if (!doc.is_object()) {
    return InvalidArgument(where + ": expected {\"tender\": {...}, \"supplier\", \"date\"}");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "tender" && key != "supplier" && key != "date") {
      return InvalidArgument(where + ": unknown key '" + key +
                             "' (an award has tender, supplier and date)");
    }
  }
  if (!doc.contains("tender")) return InvalidArgument(where + ": tender: required");
  auto tender = TenderFromJson(doc["tender"], where + ": tender");
  if (!tender.ok()) return tender.status();
  AwardRequest a{std::move(*tender), "", ""};
  for (auto [key, field] : {std::pair{"supplier", &a.supplier}, std::pair{"date", &a.date}}) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) {
      return InvalidArgument(where + ": " + key + ": required, a string");
    }
    *field = std::string(Trim(it->get<std::string>()));
  }
  return a;
}

Result<model::Relationship> RecordAward(registry::Registry& registry,
                                        const screening::Catalogue& catalogue,
                                        const AwardRequest& award) {
  Result<model::Relationship> out = InvalidArgument("award: not recorded");
  Status s = registry.store().InTransaction([&]() -> Status {
    auto buyer = Existing(registry, award.tender.buyer);
    if (!buyer.ok()) return buyer.status();
    ECOSOL_RETURN_IF_ERROR(CheckTender(award.tender, *buyer ? &**buyer : nullptr, catalogue));
    auto supplier = Existing(registry, award.supplier);
    if (!supplier.ok()) return supplier.status();
    ECOSOL_RETURN_IF_ERROR(CheckSupplier(award, *supplier));
    if (award.tender.reservation == kArt77Framework) {
      auto rels = registry.RelationshipsOf(award.supplier);
      if (!rels.ok()) return rels.status();
      // Three years back from the award, not only from the tender's date: an award made
      // between this tender's publication and its award counts too.
      Tender at_award = award.tender;
      if (award.date > at_award.date) at_award.date = award.date;
      std::vector<Award> recent = RecentArt77Awards(at_award, award.supplier, AwardsIn(*rels));
      if (!recent.empty()) {
        return Conflict(
            "supplier: '" + award.supplier + "' was awarded '" + recent.front().relationship_id +
            "' by the same buyer under article 77 "
            "on " +
            recent.front().date + ", less than three years before; article 77(2)(d) excludes it");
      }
    }
    out = registry.CreateRelationship(AwardRelationship(award, (*buyer)->name), kAwardSource,
                                      "award");
    return out.ok() ? Status::Ok() : out.status();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace ecosol::ecosystem
