#include "ecosol/auth/policy.h"

#include <algorithm>

#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"

namespace ecosol::auth {
namespace {

bool CanEdit(const Principal& p, const ActorScope& a) {
  if (p.Holds(Role::kMember, "actor:" + a.id)) return true;
  if (p.Holds(Role::kSteward, "network:" + a.id)) return true;
  for (const std::string& n : a.networks) {
    if (p.Holds(Role::kSteward, "network:" + n)) return true;
  }
  for (const Grant& g : p.grants) {
    if (g.role == Role::kSteward && StartsWith(g.scope, "territory:") && !a.territory.empty() &&
        WithinTerritory(a.territory, g.scope.substr(10))) {
      return true;
    }
  }
  return false;
}

// Curating (deleting, granting membership) is for stewards whose scope covers the actor.
bool Curates(const Principal& p, const ActorScope& a) {
  Principal stewards_only = p;
  std::erase_if(stewards_only.grants, [](const Grant& g) { return g.role != Role::kSteward; });
  return CanEdit(stewards_only, a);
}

// Assessors cover the whole instance (no scope), a network and its members, or a territory.
bool Assesses(const Principal& p, const ActorScope& a) {
  for (const Grant& g : p.grants) {
    if (g.role != Role::kAssessor) continue;
    if (g.scope.empty() || g.scope == "network:" + a.id) return true;
    for (const std::string& n : a.networks) {
      if (g.scope == "network:" + n) return true;
    }
    if (StartsWith(g.scope, "territory:") && !a.territory.empty() &&
        WithinTerritory(a.territory, g.scope.substr(10))) {
      return true;
    }
  }
  return false;
}

bool IsSteward(const Principal& p) {
  return std::any_of(p.grants.begin(), p.grants.end(),
                     [](const Grant& g) { return g.role == Role::kSteward; });
}

Status Denied(std::string why) { return Status(StatusCode::kPermissionDenied, std::move(why)); }

}  // namespace

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kSteward:
      return "steward";
    case Role::kMember:
      return "member";
    case Role::kAssessor:
      return "assessor";
    case Role::kFunder:
      return "funder";
  }
  return "member";
}

const std::vector<std::string_view>& RoleNames() {
  static const std::vector<std::string_view> names = {"admin", "steward", "member", "assessor",
                                                      "funder"};
  return names;
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : {Role::kAdmin, Role::kSteward, Role::kMember, Role::kAssessor, Role::kFunder}) {
    if (ToString(r) == name) return r;
  }
  return std::nullopt;
}

Status CheckGrantScope(Role role, const std::string& scope) {
  auto has_id = [&](std::string_view prefix) {
    return StartsWith(scope, prefix) && scope.size() > prefix.size();
  };
  bool ok = false;
  std::string expected;
  switch (role) {
    case Role::kAdmin:
      ok = scope.empty();
      expected = "no scope (the whole instance)";
      break;
    case Role::kSteward:
      ok = has_id("network:") || has_id("territory:");
      expected = "'network:<actor id>' or 'territory:<territory id>'";
      break;
    case Role::kMember:
    case Role::kFunder:
      ok = has_id("actor:");
      expected = "'actor:<actor id>'";
      break;
    case Role::kAssessor:
      ok = scope.empty() || has_id("network:") || has_id("territory:");
      expected = "no scope, 'network:<actor id>' or 'territory:<territory id>'";
      break;
  }
  if (ok) return Status::Ok();
  return InvalidArgument("scope: the " + std::string(ToString(role)) + " role takes " + expected +
                         (scope.empty() ? std::string(", not none") : ", not '" + scope + "'"));
}

bool Principal::IsAdmin() const { return Holds(Role::kAdmin, ""); }

bool Principal::Holds(Role role, std::string_view scope) const {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const Grant& g) { return g.role == role && g.scope == scope; });
}

Principal Public() { return Principal{}; }

Principal AdminTokenHolder() {
  Principal p;
  p.who = "admin-token";
  p.signed_in = true;
  p.grants.push_back({Role::kAdmin, ""});
  return p;
}

bool WithinTerritory(std::string_view territory, std::string_view ancestor) {
  if (ancestor.empty()) return false;
  return territory == ancestor ||
         (territory.size() > ancestor.size() && StartsWith(territory, ancestor) &&
          territory[ancestor.size()] == '/');
}

Result<ActorScope> ScopeOf(store::Store& store, const model::Actor& actor) {
  ActorScope scope{actor.id, actor.territory, {}};
  auto rels = store.RelationshipsOf(actor.id);
  if (!rels.ok()) return rels.status();
  for (const model::Relationship& r : *rels) {
    if (r.from == actor.id && (r.type == model::RelationshipType::kMemberOf ||
                               r.type == model::RelationshipType::kFederatedIn)) {
      scope.networks.push_back(r.to);
    }
  }
  return scope;
}

namespace {

bool IsMembership(const model::Relationship& r) {
  return r.type == model::RelationshipType::kMemberOf ||
         r.type == model::RelationshipType::kFederatedIn;
}

// The network and its members.
Status AddNetwork(store::Store& store, const std::string& network, std::set<std::string>* out) {
  out->insert(network);
  auto rels = store.RelationshipsOf(network);
  if (!rels.ok()) return rels.status();
  for (const model::Relationship& r : *rels) {
    if (r.to == network && IsMembership(r)) out->insert(r.from);
  }
  return Status::Ok();
}

}  // namespace

Result<Viewer> Viewer::For(const Principal& p, store::Store& store) {
  Viewer v;
  if (p.IsAdmin()) {
    v.audience_.everything = true;
    return v;
  }
  for (const Grant& g : p.grants) {
    if (g.role == Role::kMember && StartsWith(g.scope, "actor:")) {
      std::string id = g.scope.substr(6);
      v.own_.insert(id);
      // The networks it belongs to, and their members.
      auto rels = store.RelationshipsOf(id);
      if (!rels.ok()) return rels.status();
      for (const model::Relationship& r : *rels) {
        if (r.from == id && IsMembership(r)) {
          ECOSOL_RETURN_IF_ERROR(AddNetwork(store, r.to, &v.network_));
        }
      }
    } else if (g.role == Role::kSteward && StartsWith(g.scope, "network:")) {
      ECOSOL_RETURN_IF_ERROR(AddNetwork(store, g.scope.substr(8), &v.network_));
    } else if (g.role == Role::kSteward && StartsWith(g.scope, "territory:")) {
      v.audience_.territories.push_back(g.scope.substr(10));
    }
  }
  v.audience_.actor_ids.assign(v.own_.begin(), v.own_.end());
  for (const std::string& id : v.network_) {
    if (!v.own_.count(id)) v.audience_.network_ids.push_back(id);
  }
  return v;
}

model::Visibility Viewer::LevelOf(const model::Actor& a) const {
  if (audience_.everything || own_.count(a.id)) return model::Visibility::kPrivate;
  if (network_.count(a.id)) return model::Visibility::kNetwork;
  for (const std::string& t : audience_.territories) {
    if (!a.territory.empty() && WithinTerritory(a.territory, t)) return model::Visibility::kNetwork;
  }
  return model::Visibility::kPublic;
}

std::optional<model::Actor> Viewer::View(model::Actor actor) const {
  model::Visibility level = LevelOf(actor);
  return registry::ViewAs(std::move(actor), level);
}

Status AuthorizeFieldChanges(model::Visibility level, const model::Actor& actor,
                             const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    if ((f == "visibility" || f == "field_visibility") && level != model::Visibility::kPrivate) {
      return Denied(f + ": only the actor's members and admins may change who sees it");
    }
    auto it = actor.field_visibility.find(f);
    if (it != actor.field_visibility.end() && it->second > level) {
      return Denied(f + ": this field is " + std::string(model::ToString(it->second)) +
                    " and you may not see it, so you may not change it");
    }
  }
  return Status::Ok();
}

std::string_view ToString(Action action) {
  switch (action) {
    case Action::kCreateActor:
      return "create actors";
    case Action::kEditActor:
      return "edit this actor";
    case Action::kDeleteActor:
      return "delete this actor";
    case Action::kRestoreActor:
      return "restore deleted actors";
    case Action::kEditRelationship:
      return "edit this relationship";
    case Action::kEditTerritory:
      return "edit this territory";
    case Action::kListUsers:
      return "list users";
    case Action::kManageUsers:
      return "manage users";
    case Action::kGrantRole:
      return "grant or revoke this role";
    case Action::kViewAudit:
      return "read the audit log";
    case Action::kViewSignIns:
      return "read the sign-in log";
    case Action::kManageOwnAccount:
      return "manage an account";
    case Action::kReadUser:
      return "read this user's account";
    case Action::kAssessActor:
      return "assess this actor";
    case Action::kScreenRegistry:
      return "screen the whole registry";
    case Action::kImportData:
      return "import data into the registry";
    case Action::kMergeActors:
      return "merge or separate these actors";
    case Action::kSyncPeers:
      return "pull another instance's changes";
    case Action::kContributeCase:
      return "contribute to the knowledge commons";
    case Action::kReviewCase:
      return "review knowledge cases";
    case Action::kReadFinance:
      return "read finance records";
    case Action::kManageFinance:
      return "manage finance records";
    case Action::kConveneProcess:
      return "convene a participatory process";
    case Action::kTakePart:
      return "take part in a participatory process";
  }
  return "do this";
}

Status Authorize(const Principal& p, Action action, const Target& t) {
  if (!p.signed_in) {
    return Status(StatusCode::kUnauthenticated,
                  "to " + std::string(ToString(action)) +
                      ", sign in or send 'Authorization: Bearer <API token>'");
  }
  if (p.read_only && action != Action::kReadFinance) {
    return Denied("this API token is read-only; create one with the 'write' scope to " +
                  std::string(ToString(action)));
  }
  if (p.IsAdmin()) return Status::Ok();
  const std::string why = "your roles do not allow you to " + std::string(ToString(action));
  switch (action) {
    case Action::kManageOwnAccount:
    case Action::kContributeCase:
    case Action::kTakePart:
      return Status::Ok();
    case Action::kReviewCase:
    case Action::kConveneProcess:
      if (IsSteward(p)) return Status::Ok();
      return Denied(why + " (stewards and admins may)");
    case Action::kReadFinance:
    case Action::kManageFinance:
      if (IsSteward(p)) return Status::Ok();
      for (const ActorScope& a : t.actors) {
        if (p.Holds(Role::kMember, "actor:" + a.id)) return Status::Ok();
      }
      return Denied(why + " (stewards and admins may; members of an organisation, for its own)");
    case Action::kReadUser:
      if (!p.user_id.empty() && p.user_id == t.scope) return Status::Ok();
      return Denied(why + " (admins, and the user themself)");
    case Action::kCreateActor:
      // Stewards add actors to what they curate: a territory steward within the territory.
      for (const Grant& g : p.grants) {
        if (g.role != Role::kSteward) continue;
        if (StartsWith(g.scope, "network:")) return Status::Ok();
        if (!t.territory.empty() && WithinTerritory(t.territory, g.scope.substr(10))) {
          return Status::Ok();
        }
      }
      return Denied(why + " (stewards and admins create actors)");
    case Action::kEditActor:
      for (const ActorScope& a : t.actors) {
        if (CanEdit(p, a)) return Status::Ok();
      }
      return Denied(why +
                    " (its members, the stewards of its networks or territory, and admins "
                    "may)");
    case Action::kAssessActor:
      for (const ActorScope& a : t.actors) {
        if (CanEdit(p, a) || Assesses(p, a)) return Status::Ok();
      }
      return Denied(why +
                    " (its members, the assessors and stewards whose scope covers it, and "
                    "admins may)");
    case Action::kScreenRegistry:
      if (p.Holds(Role::kAssessor, "")) return Status::Ok();
      return Denied(why + " (admins and instance-wide assessors may)");
    case Action::kImportData:
    case Action::kSyncPeers:
      if (p.Holds(Role::kSteward, "")) return Status::Ok();
      return Denied(why + " (admins and instance-wide stewards may)");
    case Action::kMergeActors:
      if (t.actors.empty()) return Denied(why + " (no actor named)");
      for (const ActorScope& a : t.actors) {
        if (!Curates(p, a)) {
          return Denied(why + " (the stewards who curate every one of them, and admins may)");
        }
      }
      return Status::Ok();
    case Action::kDeleteActor:
      for (const ActorScope& a : t.actors) {
        if (Curates(p, a)) return Status::Ok();
      }
      return Denied(why + " (the stewards of its networks or territory, and admins may)");
    case Action::kEditRelationship:
      for (const ActorScope& a : t.actors) {
        if (CanEdit(p, a)) return Status::Ok();
      }
      return Denied(why + " (those who may edit one of its two actors may)");
    case Action::kEditTerritory:
      for (const Grant& g : p.grants) {
        if (g.role == Role::kSteward && StartsWith(g.scope, "territory:") &&
            WithinTerritory(t.territory, g.scope.substr(10))) {
          return Status::Ok();
        }
      }
      return Denied(why + " (its stewards and admins may)");
    case Action::kListUsers:
      if (IsSteward(p)) return Status::Ok();
      return Denied(why);
    case Action::kGrantRole:
      // A steward grants (and revokes) membership of the organisations it curates.
      if (t.role == Role::kMember) {
        for (const ActorScope& a : t.actors) {
          if (Curates(p, a)) return Status::Ok();
        }
      }
      return Denied(why +
                    " (admins grant every role; stewards grant 'member' of the actors "
                    "they curate)");
    case Action::kRestoreActor:
    case Action::kManageUsers:
    case Action::kViewAudit:
    case Action::kViewSignIns:
      return Denied(why + " (admins only)");
  }
  return Denied(why);
}

}  // namespace ecosol::auth
