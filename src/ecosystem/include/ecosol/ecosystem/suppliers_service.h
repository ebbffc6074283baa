#pragma once

// Suppliers for a tender from the store (docs/ecosystem.md, "Suppliers for a tender"), and the
// awards that turn a tender into a procurement link.
//
//   screening::ScreeningService screening(registry, catalogue, analyzer, clock);
//   auto report = SuppliersFor(store, scope, screening, *catalogue, tender);
//   AwardRequest award{tender, "coop-care", "2026-12-01"};
//   auto rel = RecordAward(registry, *catalogue, award);   // a `supplies` relationship
//
// An award is a `supplies` relationship from the supplier to the buyer, written through the
// registry (versioned and audited like any relationship write), whose `type` provenance is
// {source: "tender-award", date: the award date, method: the reservation framework id or
// "unreserved"}: that marker is how past awards are known, for article 77(2)(d). The building
// blocks count it as a procurement link (frameworks/building-blocks.yaml, procurement_links).
//
// Errors are values: InvalidArgument saying what is wrong and how to fix it, NotFound for an
// unknown buyer, supplier or territory, Conflict for an award recorded twice or one article 77
// forbids. Who may write is the caller's decision (the API asks for the right to edit the
// supplier). Thread safety: free functions over the caller's store connection.

#include <string>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/ecosystem/suppliers.h"
#include "ecosol/model/relationship.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/service.h"
#include "ecosol/store/store.h"

namespace ecosol::ecosystem {

// The provenance source that marks a `supplies` relationship as a recorded award.
inline constexpr char kAwardSource[] = "tender-award";
// The provenance method of an award of a tender that was not reserved.
inline constexpr char kUnreserved[] = "unreserved";

// The awards among relationships: `supplies` ones carrying the award marker.
std::vector<Award> AwardsIn(const std::vector<model::Relationship>& relationships);

// The suppliers of a tender among the actors `scope`'s reader sees, each with its current
// screening profile (ScreeningService::ActorProfile). The buyer must be one the reader sees
// (NotFound otherwise), the territory known (NotFound), and the tender pass CheckTender.
Result<SupplierReport> SuppliersFor(store::Store& store, const SnapshotScope& scope,
                                    screening::ScreeningService& screening,
                                    const screening::Catalogue& catalogue, const Tender& tender);

struct AwardRequest {
  Tender tender;
  std::string supplier;  // actor id of the winner
  std::string date;      // YYYY-MM-DD, on or after the tender's date
};

// Reads {"tender": {...}, "supplier", "date"}; InvalidArgument naming `where` and the key.
Result<AwardRequest> AwardFromJson(const nlohmann::json& doc, const std::string& where);

// Records the award as a `supplies` relationship from the supplier to the buyer (started = the
// award date; the description names the tender and the reservation article), in one
// transaction: a failed award writes nothing. The tender must pass CheckTender; the supplier
// must exist, differ from the buyer and not be a public body; under article 77 it must have no
// article 77 award from the same buyer in the three years before (Conflict, naming it). The
// relationship's id is "award-<buyer>-<reference or title>-<supplier>" (slugs), so an award
// recorded twice is a Conflict.
Result<model::Relationship> RecordAward(registry::Registry& registry,
                                        const screening::Catalogue& catalogue,
                                        const AwardRequest& award);

}  // namespace ecosol::ecosystem
