#pragma once

// Partner matching from the store (docs/ecosystem.md, "Partner matching"): the offers and wants
// actors record (versioned, audited, deletable and restorable), Murmurations offers_wants
// imports, and recommendations and broker gaps over the registry as a reader sees it.
//
//   auto assets = PartnerFrameworkIn("frameworks");        // loaded once per process and folder
//   auto input = OfferWantInput(body, "coop-bakery", **assets, "request body");
//   auto saved = SaveOfferWant(store, clock, **assets, *input, {"user:usr-1", "203.0.113.9"});
//   PartnerQuery q;
//   q.actor_id = "coop-bakery";
//   auto found = PartnersFor(store, scope, "frameworks", q, clock);
//   auto gaps = BrokerGapsIn(store, scope, "frameworks", "CA/quebec", clock);
//
// Errors are values: InvalidArgument saying what is wrong and how to write it, NotFound for an
// unknown actor, territory or offer/want, Conflict for a delete of what is already deleted (or a
// restore of what is not). Who may write is the caller's decision (the API asks auth::Authorize
// for the actor's edit right); these functions record who did it in the audit log.
// Thread safety: free functions over the caller's store connection; PartnerFrameworkIn may be
// called from any thread.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/ecosystem/partners.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/store/ecosystem.h"
#include "ecosol/store/store.h"

namespace ecosol::ecosystem {

// The file of the partner-assets framework in a frameworks folder.
inline constexpr char kPartnerFrameworkFile[] = "partner-assets.yaml";

// `<frameworks_dir>/partner-assets.yaml`, checked against the folder's building blocks, loaded on
// the first call for that folder and shared afterwards (errors are not kept).
Result<std::shared_ptr<const PartnerFramework>> PartnerFrameworkIn(
    const std::string& frameworks_dir);

// Who writes, and how the audit log names them.
struct EditAuthor {
  std::string who;  // "user:<id>", "cli:<login>", ...
  std::string address = "local";
};

// Reads one offer or want of `actor_id` from a request body or a file entry: a Murmurations
// offers_wants profile (it has "linked_schemas") or Ecosol's own shape (OfferWantFromJson).
// The asset type and block are checked against the framework; an "actor_id" in the document
// must be `actor_id`. InvalidArgument naming `where` and the field otherwise.
Result<OfferWant> OfferWantInput(const nlohmann::json& doc, const std::string& actor_id,
                                 const PartnerFramework& framework, const std::string& where);

// Records a new version of `o` (its id made when empty: "ow-" and 16 random hex digits; nothing
// is written when it equals the current version), after
// checking that its actor is in the registry and not deleted and that an existing id belongs to
// the same actor (InvalidArgument otherwise). One transaction with its audit entry
// ("offer_want.put"); returns the stored record.
Result<store::OfferWantRecord> SaveOfferWant(store::Store& store, const Clock& clock,
                                             const PartnerFramework& framework, OfferWant o,
                                             const EditAuthor& author);

// Deletes (true) or restores (false) an offer or want as a new version, audited
// ("offer_want.delete" / "offer_want.restore"). NotFound for an unknown id; Conflict when it is
// already so.
Result<store::OfferWantRecord> SetOfferWantDeleted(store::Store& store, const Clock& clock,
                                                   const std::string& id, bool deleted,
                                                   const EditAuthor& author);

// The current offers and wants of an actor (every actor's when `actor_id` is empty), decoded.
// NotFound for an actor that is not in the registry.
Result<std::vector<OfferWant>> OffersWantsOf(store::Store& store, const std::string& actor_id,
                                             bool with_deleted);

// Every version of one offer or want, oldest first; NotFound for an unknown id.
Result<std::vector<store::OfferWantRecord>> OfferWantVersions(store::Store& store,
                                                              const std::string& id);

// Imports a list of offers and wants (a JSON array, or {"offers_wants": [...]}) whose entries
// are OfferWantInput documents naming their actor in "actor_id" (or all of `default_actor`'s
// when it is given). All or nothing: the first bad entry fails the whole import with its index
// ("entry 3: ..."), and nothing is written. Entries equal to what is stored are left as they
// are. Returns the number of entries.
Result<long long> ImportOffersWants(store::Store& store, const Clock& clock,
                                    const PartnerFramework& framework, const nlohmann::json& list,
                                    const std::string& default_actor, const EditAuthor& author);

// The partner index over what `scope`'s reader sees: their snapshot of the registry and the
// current offers and wants of its actors, as of `clock`'s day.
Result<std::shared_ptr<const PartnerIndex>> PartnerIndexFor(store::Store& store,
                                                            const SnapshotScope& scope,
                                                            const std::string& frameworks_dir,
                                                            const Clock& clock);

// Recommendations for one actor the reader sees (NotFound otherwise).
Result<Recommendations> PartnersFor(store::Store& store, const SnapshotScope& scope,
                                    const std::string& frameworks_dir, const PartnerQuery& query,
                                    const Clock& clock);

// The broker gaps of a known territory (NotFound for an unknown one, InvalidArgument for a
// malformed id).
Result<BrokerReport> BrokerGapsIn(store::Store& store, const SnapshotScope& scope,
                                  const std::string& frameworks_dir, const std::string& territory,
                                  const Clock& clock);

// An actor that offers an asset (knowledge transfer analysis: local partners who hold what a
// transfer misses).
struct AssetHolder {
  std::string actor_id;
  std::string name;
  std::string territory;
  std::string asset_type;
  std::string offer_title;
};
// The actors the reader sees, in `territory` or below it (anywhere when empty), with a current
// offer of one of `asset_types`: one entry per actor and asset type, by asset type, territory
// and actor id, at most `limit`. Deleted actors and expired offers (as of `clock`'s day) are
// left out.
Result<std::vector<AssetHolder>> ActorsOffering(store::Store& store, const SnapshotScope& scope,
                                                const std::vector<std::string>& asset_types,
                                                const std::string& territory, size_t limit,
                                                const Clock& clock);
// [{"id", "name", "territory", "asset_type", "offer"}]
nlohmann::json AssetHoldersToJson(const std::vector<AssetHolder>& holders);

// A short text that changes whenever any offer or want changes: what a cached recommendation
// depends on besides the registry's generation (which those writes do not move).
Result<std::string> OffersWantsStamp(store::Store& store);

}  // namespace ecosol::ecosystem
