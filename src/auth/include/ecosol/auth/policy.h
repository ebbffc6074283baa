#pragma once

// Who may do what: the one policy function every handler and command asks (Authorize), and the
// principal it decides for. docs/security.md states the rules in prose; policy_test.cc checks
// them case by case.
//
//   auto principal = accounts.TokenPrincipal(bearer);
//   auto scope = auth::ScopeOf(store, actor);
//   ECOSOL_RETURN_IF_ERROR(auth::Authorize(*principal, auth::Action::kEditActor, {{*scope}}));

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/store/store.h"

namespace ecosol::auth {

// Roles, each granted over a scope:
//   admin     ""                                  the whole instance
//   steward   "network:<actor id>" or "territory:<territory id>"  curates the actors in it
//   member    "actor:<actor id>"                  edits that organisation
//   assessor  "" or a network or territory scope  writes assessments (screening)
//   funder    "actor:<funder's actor id>"         sees the finance data of its applicants
enum class Role { kAdmin, kSteward, kMember, kAssessor, kFunder };
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view name);
const std::vector<std::string_view>& RoleNames();
// InvalidArgument when `scope` is not a scope `role` can be granted over.
Status CheckGrantScope(Role role, const std::string& scope);

struct Grant {
  Role role = Role::kMember;
  std::string scope;
  bool operator==(const Grant&) const = default;
};

// Who is asking: a signed-in user (by session or API token), the server's admin token, or the
// anonymous public.
struct Principal {
  std::string user_id;  // "" for the public and the admin token
  std::string email;
  std::string who = "public";  // as the audit log records it: "user:<id>", "admin-token"...
  std::vector<Grant> grants;
  bool signed_in = false;
  bool read_only = false;  // an API token with the "read" scope
  std::string token_id;    // when authenticated by an API token

  bool IsAdmin() const;
  bool Holds(Role role, std::string_view scope) const;
};
Principal Public();
// The holder of the server's --admin-token: an instance admin.
Principal AdminTokenHolder();

// What the policy needs to know about an actor: its id, territory and the networks it belongs
// to (the actors it is member_of or federated_in).
struct ActorScope {
  std::string id;
  std::string territory;
  std::vector<std::string> networks;
};
// Reads the actor's networks from its relationships.
Result<ActorScope> ScopeOf(store::Store& store, const model::Actor& actor);

enum class Action {
  kCreateActor,       // target: the new actor's scope (its territory)
  kEditActor,         // target: the actor
  kDeleteActor,       // target: the actor
  kRestoreActor,      // target: the actor (admins only: deletes are recoverable by an admin)
  kEditRelationship,  // target: both ends; allowed when either end may be edited
  kEditTerritory,     // target: territory
  kListUsers,         // admins and stewards
  kManageUsers,       // create, disable, reset: admins
  kGrantRole,         // target: role and scope granted (and the actor, for actor scopes)
  kViewAudit,         // admins
  kViewSignIns,       // admins
  kManageOwnAccount,  // any signed-in user, on their own account and tokens
  kReadUser,          // target.scope: the user's id; admins, and the user themself
  kAssessActor,       // target: the actor; record its screening profile, screen it, read its
                      // facts: its members (self-assessment), assessors and stewards whose
                      // scope covers it, admins
  kScreenRegistry,    // screen every actor: admins and instance-wide assessors
  kImportData,        // import a file into the registry: admins and instance-wide stewards
  kMergeActors,       // target: every actor of the merge (or unmerge, or dedup decision); the
                      // stewards who curate all of them (networks, territory), and admins
  kSyncPeers,         // pull another instance's change feed: admins and instance-wide stewards
  kContributeCase,    // write a knowledge case (a draft) or a transfer, and submit it for
                      // review: any signed-in user with a writing token
  kReviewCase,        // approve, return or withdraw a knowledge case, see drafts, import cases:
                      // stewards (of any scope) and admins
  kReadFinance,       // read stored finance records and views (loans, readiness, funds): stewards
                      // (of any scope) and admins; with a target actor, also its members.
                      // Read-only tokens may.
  kManageFinance,     // write finance records, save a fund's allocation: stewards (of any scope)
                      // and admins; with a target actor, also its members (their own profile
                      // and readiness assessments: the caller decides which kinds)
  kConveneProcess,    // create and run a participatory process (phases, decisions, paper
                      // ballots, sortition, institutional responses): stewards (of any scope)
                      // and admins; a process may also name its own conveners (the
                      // participation service checks those)
  kTakePart,          // propose, amend, comment and vote in a process: any signed-in user with a
                      // writing token; the participation service checks that the caller is one
                      // of the process's participants
};
std::string_view ToString(Action action);

struct Target {
  std::vector<ActorScope> actors;
  std::string territory;
  Role role = Role::kMember;
  std::string scope;
};

// OK, or Unauthenticated (401: no one signed in), or PermissionDenied (403) with the reason.
Status Authorize(const Principal& principal, Action action, const Target& target = {});

// What a principal may read. Each actor is seen at a level (registry::ViewAs):
//   private  its members ("member" of actor:<id>) and admins: everything;
//   network  the actors sharing a network with one the principal is a member of (both member_of
//            or federated_in the same network, or the network itself), and the actors a steward
//            curates (its network and the network's members, or its territory): the record and
//            fields marked network or public;
//   public   everyone else: public records and fields, locations as their precision allows.
class Viewer {
 public:
  // The public's viewer.
  Viewer() = default;
  // Reads the networks the principal's grants reach.
  static Result<Viewer> For(const Principal& principal, store::Store& store);

  model::Visibility LevelOf(const model::Actor& actor) const;
  // The actor as this viewer sees it; nullopt when it may not see it at all.
  std::optional<model::Actor> View(model::Actor actor) const;
  bool CanSee(const model::Actor& actor) const { return actor.visibility <= LevelOf(actor); }
  // For store queries: the actors beyond the public ones this viewer may list and find.
  const store::Audience& audience() const { return audience_; }
  bool public_only() const { return audience_.public_only(); }

 private:
  std::set<std::string> own_;      // private level
  std::set<std::string> network_;  // network level
  store::Audience audience_;
};

// A change may only touch what its author sees: restricting fields or the record (visibility,
// field_visibility) needs the private level (the actor's members, admins), and a field
// restricted beyond the author's level cannot be changed. PermissionDenied naming the field.
Status AuthorizeFieldChanges(model::Visibility level, const model::Actor& actor,
                             const std::vector<std::string>& fields);

// True when `territory` is `ancestor` or lies below it ("GB/wales/cardiff" under "GB/wales").
bool WithinTerritory(std::string_view territory, std::string_view ancestor);

}  // namespace ecosol::auth
