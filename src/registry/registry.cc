#include "ecosol/registry/registry.h"

#include <algorithm>
#include <random>

#include "actor_rules.h"
#include "ecosol/base/strings.h"

namespace ecosol::registry {
namespace {

using model::Actor;
using model::Relationship;

Status ToStatus(const std::vector<FieldError>& errors) {
  std::string msg;
  for (const FieldError& e : errors) {
    if (!msg.empty()) msg += "; ";
    msg += e.field + ": " + e.message;
  }
  return InvalidArgument(msg);
}

std::string RandomSuffix() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 12; ++i) out += kHex[rng() % 16];
  return out;
}

}  // namespace

void StampProvenance(Actor* actor, const model::Provenance& provenance) {
  for (std::string_view field : model::FilledDataFields(*actor)) {
    actor->provenance.try_emplace(std::string(field), provenance);
  }
}

namespace {
void ClearField(Actor* a, const std::string& field) {
  if (field == "description") a->description.clear();
  if (field == "legal_form") a->legal_form.clear();
  if (field == "address") {
    // The country stays (it is a filter of every listing); the territory, which can name the
    // locality, is cut back to it.
    a->address = model::Address{"", "", "", "", a->address.country};
    a->territory = a->territory.substr(0, a->territory.find('/'));
  }
  if (field == "contacts") a->contacts.clear();
  if (field == "website") a->website.clear();
  if (field == "founded") a->founded.clear();
  if (field == "dissolved") a->dissolved.clear();
  if (field == "identifiers") a->identifiers.clear();
  if (field == "attributes") a->attributes.clear();
}
}  // namespace

std::optional<Actor> ViewAs(Actor actor, model::Visibility level) {
  if (actor.visibility > level) return std::nullopt;
  for (const auto& [field, v] : actor.field_visibility) {
    if (v <= level) continue;
    ClearField(&actor, field);
    actor.provenance.erase(field);
    if (field == "address") actor.provenance.erase("territory");
  }
  if (level != model::Visibility::kPrivate) {
    actor.location = model::PublicLocation(actor);
    actor.field_visibility.clear();
  }
  return actor;
}

std::optional<Actor> PublicView(Actor actor) {
  return ViewAs(std::move(actor), model::Visibility::kPublic);
}

Registry::Registry(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

Registry::Registry(store::Store& store, const Clock& clock,
                   std::shared_ptr<const Taxonomy> taxonomy)
    : store_(store), clock_(clock), taxonomy_(std::move(taxonomy)) {}

Status Registry::Audit(std::string action, std::string object_type, std::string object_id,
                       std::string before, std::string after) {
  store::AuditEntry e;
  e.at = Now();
  e.who = audit_who_;
  e.address = audit_address_;
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.before = std::move(before);
  e.after = std::move(after);
  return store_.AppendAudit(&e);
}

namespace {
std::string Doc(const Actor& a) { return model::ActorToJson(a).dump(); }
std::string Doc(const Relationship& r) { return model::RelationshipToJson(r).dump(); }
}  // namespace

std::string Registry::Today() const { return FormatDate(clock_.Now()); }
std::string Registry::Now() const { return FormatTimestamp(clock_.Now()); }

Result<const Taxonomy*> Registry::taxonomy() {
  if (!taxonomy_) {
    auto tax = Taxonomy::Load(store_);
    if (!tax.ok()) return tax.status();
    taxonomy_ = std::make_shared<const Taxonomy>(std::move(*tax));
  }
  return taxonomy_.get();
}

Status Registry::LoadTaxonomies(const std::string& folder) {
  auto terms = ReadTaxonomyFolder(folder);
  if (!terms.ok()) return terms.status();
  ECOSOL_RETURN_IF_ERROR(store_.PutTerms(*terms));
  taxonomy_.reset();
  return Status::Ok();
}

Result<std::string> Registry::NewActorId(const std::string& prefix, const std::string& hint) {
  std::string base = hint.empty() ? prefix + "-" + RandomSuffix() : Slug(prefix + "-" + hint);
  if (base.size() > 56) base.resize(56);
  std::string id = base;
  for (int attempt = 2;; ++attempt) {
    auto taken = store_.ActorIdTaken(id);
    if (!taken.ok()) return taken.status();
    if (!*taken) return id;
    id = base + "-" + std::to_string(attempt);
  }
}

// --- actors ------------------------------------------------------------------------------------

Result<Actor> Registry::CreateActor(Actor actor, const std::string& source,
                                    const std::string& method) {
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();
  AddPrimaryToActivities(&actor);
  auto errors = ValidateActor(actor, **tax);
  if (!errors.empty()) return ToStatus(errors);
  if (actor.id.empty()) {
    auto id = NewActorId("act", "");
    if (!id.ok()) return id.status();
    actor.id = *id;
  } else {
    auto existing = store_.GetActor(actor.id);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return Conflict("id: an actor '" + actor.id + "' already exists");
  }
  Status s = store_.InTransaction([&]() -> Status {
    std::set<std::string> territories;
    ECOSOL_RETURN_IF_ERROR(PlaceInTerritory(&actor, &territories));
    StampProvenance(&actor, {source, Today(), method});
    actor.version = 1;
    actor.updated_at = Now();
    actor.deleted = false;
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(actor, "create"));
    return Audit("actor.create", "actor", actor.id, "", Doc(actor));
  });
  if (!s.ok()) return s;
  return actor;
}

Result<Actor> Registry::GetActor(const std::string& id) {
  auto actor = store_.GetActor(id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value() || (*actor)->deleted) return NotFound("no actor with id '" + id + "'");
  return std::move(**actor);
}

Result<Actor> Registry::UpdateActor(const std::string& id, const nlohmann::json& patch,
                                    std::optional<long long> expected_version,
                                    const std::string& source) {
  auto current = GetActor(id);
  if (!current.ok()) return current.status();
  if (expected_version && *expected_version != current->version) {
    return Conflict("version: the actor is at version " + std::to_string(current->version) +
                    ", not " + std::to_string(*expected_version) + "; reload and retry");
  }
  Actor updated = *current;
  ECOSOL_RETURN_IF_ERROR(model::ApplyActorPatch(patch, &updated));
  AddPrimaryToActivities(&updated);
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();
  auto errors = ValidateActor(updated, **tax);
  if (!errors.empty()) return ToStatus(errors);
  // A territory that followed the old address (it or one of its ancestors) follows the new one.
  const std::string old_place = TerritoryIdOf(current->address);
  if (!patch.contains("territory") &&
      (current->territory == old_place || StartsWith(old_place, current->territory + "/"))) {
    updated.territory.clear();
  }
  bool changed = false;
  Status s = store_.InTransaction([&]() -> Status {
    std::set<std::string> territories;
    ECOSOL_RETURN_IF_ERROR(PlaceInTerritory(&updated, &territories));
    changed = !model::SameData(updated, *current);
    if (!changed) return Status::Ok();
    for (const auto& [field, unused] : patch.items()) {
      if (IsDataField(field)) updated.provenance[field] = {source, Today(), "api"};
    }
    if (updated.territory != current->territory) {
      updated.provenance["territory"] = {source, Today(), "api"};
    }
    updated.version = current->version + 1;
    updated.updated_at = Now();
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(updated, "update"));
    return Audit("actor.update", "actor", id, Doc(*current), Doc(updated));
  });
  if (!s.ok()) return s;
  return changed ? updated : *current;
}

Status Registry::DeleteActor(const std::string& id) {
  return store_.InTransaction([&]() -> Status {
    auto current = GetActor(id);
    if (!current.ok()) return current.status();
    Actor after = *current;
    after.deleted = true;
    after.version += 1;
    after.updated_at = Now();
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(after, "delete"));
    return Audit("actor.delete", "actor", id, Doc(*current), Doc(after));
  });
}

Result<Actor> Registry::RestoreActor(const std::string& id) {
  Actor a;
  Status s = store_.InTransaction([&]() -> Status {
    auto actor = store_.GetActor(id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value()) return NotFound("no actor with id '" + id + "'");
    a = std::move(**actor);
    if (!a.deleted) return Status::Ok();
    Actor before = a;
    a.deleted = false;
    a.version += 1;
    a.updated_at = Now();
    ECOSOL_RETURN_IF_ERROR(store_.PutActor(a, "restore"));
    return Audit("actor.restore", "actor", id, Doc(before), Doc(a));
  });
  if (!s.ok()) return s;
  return a;
}

Result<store::ActorPage> Registry::ListActors(const store::ActorQuery& query) {
  return store_.ListActors(query);
}

// --- relationships ---------------------------------------------------------------------------

Status Registry::CheckRelationship(const Relationship& r) {
  std::vector<FieldError> errors;
  for (const auto& [field, id] : {std::pair{"from", r.from}, std::pair{"to", r.to}}) {
    if (id.empty()) {
      errors.push_back({0, field, "is required (an actor id)"});
      continue;
    }
    auto actor = store_.GetActor(id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value() || (*actor)->deleted) {
      errors.push_back({0, field, "no actor with id '" + id + "'"});
    }
  }
  if (!r.from.empty() && r.from == r.to) errors.push_back({0, "to", "must differ from 'from'"});
  if (r.strength && !(*r.strength >= 0 && *r.strength <= 1)) {
    errors.push_back({0, "strength", "must be between 0 and 1"});
  }
  if (!r.started.empty() && !IsValidDate(r.started)) {
    errors.push_back({0, "started", "is not a date YYYY-MM-DD"});
  }
  if (!r.ended.empty() && !IsValidDate(r.ended)) {
    errors.push_back({0, "ended", "is not a date YYYY-MM-DD"});
  }
  if (!r.started.empty() && !r.ended.empty() && r.ended < r.started) {
    errors.push_back({0, "ended", "is before 'started'"});
  }
  return errors.empty() ? Status::Ok() : ToStatus(errors);
}

Result<Relationship> Registry::CreateRelationship(Relationship rel, const std::string& source,
                                                  const std::string& method) {
  ECOSOL_RETURN_IF_ERROR(CheckRelationship(rel));
  if (rel.id.empty()) {
    rel.id = "rel-" + RandomSuffix();
  } else {
    auto existing = store_.GetRelationship(rel.id);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return Conflict("id: a relationship '" + rel.id + "' exists");
  }
  for (const char* f : {"from", "to", "type"}) {
    if (!rel.provenance.count(f)) rel.provenance[f] = {source, Today(), method};
  }
  rel.version = 1;
  rel.updated_at = Now();
  Status s = store_.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(rel, "create"));
    return Audit("relationship.create", "relationship", rel.id, "", Doc(rel));
  });
  if (!s.ok()) return s;
  return rel;
}

Result<Relationship> Registry::UpdateRelationship(const std::string& id,
                                                  const nlohmann::json& patch,
                                                  const std::string& source) {
  auto current = store_.GetRelationship(id);
  if (!current.ok()) return current.status();
  if (!current->has_value() || (*current)->deleted) {
    return NotFound("no relationship with id '" + id + "'");
  }
  Relationship rel = **current;
  ECOSOL_RETURN_IF_ERROR(model::ApplyRelationshipPatch(patch, &rel));
  ECOSOL_RETURN_IF_ERROR(CheckRelationship(rel));
  for (const auto& [field, unused] : patch.items())
    rel.provenance[field] = {source, Today(), "api"};
  rel.version += 1;
  rel.updated_at = Now();
  Status s = store_.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(rel, "update"));
    return Audit("relationship.update", "relationship", id, Doc(**current), Doc(rel));
  });
  if (!s.ok()) return s;
  return rel;
}

Status Registry::DeleteRelationship(const std::string& id) {
  auto current = store_.GetRelationship(id);
  if (!current.ok()) return current.status();
  if (!current->has_value() || (*current)->deleted) {
    return NotFound("no relationship with id '" + id + "'");
  }
  Relationship rel = **current;
  rel.deleted = true;
  rel.version += 1;
  rel.updated_at = Now();
  return store_.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(store_.PutRelationship(rel, "delete"));
    return Audit("relationship.delete", "relationship", id, Doc(**current), Doc(rel));
  });
}

Result<std::vector<Relationship>> Registry::RelationshipsOf(const std::string& actor_id) {
  auto actor = GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  return store_.RelationshipsOf(actor_id);
}

}  // namespace ecosol::registry
