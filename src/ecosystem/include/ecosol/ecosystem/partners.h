#pragma once

// Partner matching (docs/ecosystem.md, "Partner matching"): offers and wants of actors
// (Murmurations offers_wants), tied to asset types and the building blocks they serve; partner
// recommendations scored by complementarity, proximity and trust, each with its explanation;
// and the building blocks of a territory where no one brokers between two types of actors.
//
//   auto assets = LoadPartnerFramework("frameworks/partner-assets.yaml");
//   auto blocks = LoadBlocksFramework("frameworks/building-blocks.yaml");
//   auto want = OfferWantFromMurmurations(profile_json, "coop-bakery", "request body", &**assets);
//   auto index = BuildPartnerIndex(**assets, **blocks, actors, relationships, offers_wants,
//                                  "2026-11-29");
//   PartnerQuery q;
//   q.actor_id = "coop-bakery";
//   auto found = RecommendPartners(**index, q);
//   found->items[0].explanation.at("en");
//       // "Caisse solidaire offers finance (Oven loans) for your want “Loan for an oven”; ..."
//   auto gaps = MissingBrokers(**index, "CA/quebec");
//   gaps->gaps[0].text.at("en");
//       // "no broker between universities and co-operatives for knowledge transfer"
//
// Pure functions over in-memory data: a service builds the index from a registry snapshot and
// keeps it as long as the snapshot holds. Errors are values; nothing here throws.
// Thread safety: a PartnerFramework and a PartnerIndex are immutable once built and may be
// shared between threads; RecommendPartners and MissingBrokers only read them.

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/ecosystem/blocks.h"
#include "ecosol/model/actor.h"
#include "ecosol/model/relationship.h"

namespace ecosol::ecosystem {

// ---- the framework (frameworks/partner-assets.yaml) -----------------------------------------

// A kind of resource an actor can offer or want, serving one building block.
struct AssetType {
  std::string id;     // "finance", "premises", ...
  std::string block;  // a block id of building-blocks.yaml
  Text label;
};

// Assets an actor has because of its role, whether it declares them or not.
struct ImplicitOffers {
  std::string role;                 // a role id of building-blocks.yaml
  std::vector<std::string> offers;  // asset type ids
};

// How well one offer covers one need: a part the need leaves unsaid does not count, a part the
// offer leaves unsaid counts half; the parts are weighted by these figures (docs/ecosystem.md).
struct MatchWeights {
  double asset_type = 0.6;
  double tags = 0.2;
  double transaction = 0.1;
  double item = 0.1;
  double same_block = 0.5;  // credit of another asset type of the same block
};

struct PartnerFramework {
  std::string id;
  std::string version;
  Text title;
  std::vector<AssetType> asset_types;  // at most 64
  std::vector<ImplicitOffers> implicit_offers;
  std::map<std::string, Text> groups;  // ActorGroup id -> plural label
  double complementarity_weight = 0.5;
  double proximity_weight = 0.25;
  double trust_weight = 0.25;
  double forward_weight = 0.8;
  double reverse_weight = 0.2;
  MatchWeights match;
  double trust_scale = 2;
  // Distance scale per geographic scope; "international" has none (proximity 1).
  std::map<std::string, double> scope_km;
  std::string default_scope = "regional";
  // Sentence templates with {placeholders}: for_want, for_block, for_asset, as_role, mutual,
  // distance, territory, far, shared_ties, no_shared_ties, already_tied, needs_declared,
  // needs_lacked_blocks, needs_none, needs_query, missing_broker.
  std::map<std::string, Text> texts;

  const AssetType* FindAssetType(std::string_view id) const;
};

// Checks a framework document (YAML already converted to JSON) against the building blocks.
// InvalidArgument naming `where` and the entry for: a kind other than partner_assets, an asset
// type serving an unknown block, duplicate ids, more than 64 asset types, an implicit offer of
// an unknown role or asset type, a label or text missing one of en/fr/es/pt, weights that are
// not in [0, 1] or do not add up to 1, scope scales that are not positive.
Result<std::shared_ptr<const PartnerFramework>> ParsePartnerFramework(const nlohmann::json& doc,
                                                                      const BlocksFramework& blocks,
                                                                      const std::string& where);
// Reads and parses a YAML file (NotFound when it cannot be read).
Result<std::shared_ptr<const PartnerFramework>> LoadPartnerFramework(const std::string& path,
                                                                     const BlocksFramework& blocks);

// ---- offers and wants -----------------------------------------------------------------------

// One offer or want of an actor, as in Murmurations offers_wants_schema-v0.1.0, with the asset
// type and block it is about.
struct OfferWant {
  std::string id;
  std::string actor_id;
  std::string exchange_type;                   // "offer" | "want"
  std::string item_type;                       // "good" | "service" | "" (not said)
  std::vector<std::string> transaction_types;  // borrow-lend, rent-lease, buy-sell, receive-donate
  std::vector<std::string> tags;
  std::string title;
  std::string description;
  std::string geographic_scope;  // local | regional | national | international
  std::string block;             // a block id, or empty
  std::string asset_type;        // an asset type id, or empty
  std::optional<model::Location> location;
  std::map<std::string, std::string> contact_details;  // "email", "contact_form"
  std::string expires_at;  // ISO UTC "2026-12-31T00:00:00Z", a day "2026-12-31", or empty
  std::string source;      // "murmurations", "declared", ...
  bool deleted = false;
  bool operator==(const OfferWant&) const = default;
};

// A Murmurations offers_wants profile -> an OfferWant of `actor_id`. Checks the schema's
// required fields and enums (and, as its description asks, at least one contact detail);
// InvalidArgument naming `where` and the field otherwise. Optional extension fields: "id",
// "block", "asset_type". Without an "id", the id is "ow-" and 16 hex digits of a hash of the
// actor, the exchange type and the title (stable across imports). With `framework`, the asset
// type is also taken from the first tag equal to an asset type id, the block from the asset
// type, and an unknown asset type or block, or a block that is not the asset type's, is
// rejected.
Result<OfferWant> OfferWantFromMurmurations(const nlohmann::json& profile,
                                            const std::string& actor_id, const std::string& where,
                                            const PartnerFramework* framework = nullptr);
// The Murmurations profile (linked_schemas ["offers_wants_schema-v0.1.0"]) with "block" and
// "asset_type" as extension fields, and "id" when it is not the derived one;
// OfferWantFromMurmurations of it gives `o` back (source "murmurations", expires_at to the
// second).
nlohmann::json ToMurmurations(const OfferWant& o);
// Our API's shape: every field of OfferWant by name ("location": {lat, lon} or null).
nlohmann::json ToJson(const OfferWant& o);
Result<OfferWant> OfferWantFromJson(const nlohmann::json& j, const std::string& where);

// ---- the index ------------------------------------------------------------------------------

// Actors as dense indices, their active ties, offered and wanted asset types, and inverted
// indexes asset type -> offering actors and tag -> offers. Opaque; built by BuildPartnerIndex.
struct PartnerIndex;

struct PartnerIndexStats {
  long long actors = 0;           // active actors
  long long ties = 0;             // distinct undirected active ties
  long long offers = 0;           // live declared offers
  long long wants = 0;            // live declared wants
  long long implicit_offers = 0;  // (actor, asset type) pairs from roles
  long long bytes = 0;            // approximate memory held by the index
};
PartnerIndexStats StatsOf(const PartnerIndex& index);

// Builds the index of `actors` (deleted and dissolved ones left out), their relationships
// (deleted, ended, self-loop and dangling ones left out; parallel ties make one), and their
// offers and wants (deleted ones, those expired before `today` (YYYY-MM-DD) and those of
// unknown actors left out). Asset types are resolved as OfferWantFromMurmurations does with a
// framework. InvalidArgument for a bad `today`, an offer or want with an unknown asset type or
// block, or a role rule failing on an actor.
Result<std::shared_ptr<const PartnerIndex>> BuildPartnerIndex(
    const PartnerFramework& framework, const BlocksFramework& blocks,
    const std::vector<model::Actor>& actors, const std::vector<model::Relationship>& relationships,
    const std::vector<OfferWant>& offers_wants, std::string_view today);

// ---- recommendations ------------------------------------------------------------------------

struct PartnerQuery {
  std::string actor_id;
  int limit = 10;                // 1..100
  std::string block;             // only needs of this block
  std::string asset_type;        // only needs of this asset type
  std::optional<double> max_km;  // only partners at most this far (located ones)
  bool include_tied = false;     // also actors already tied to the actor
};

// Where the needs matched came from.
enum class NeedsSource { kDeclared, kQuery, kLackedBlocks, kNone };
std::string_view ToString(NeedsSource source);

// One need matched to one offer. want_id is a want's id, "block:<id>" or "asset:<id>" for a
// need the actor did not declare; offer_id an offer's id or "role:<role>:<asset type>".
struct PartnerMatch {
  std::string direction;  // "forward" (they offer, you need) | "reverse" (you offer, they want)
  std::string want_id;
  std::string offer_id;
  std::string asset_type;
  double coverage = 0;  // how well the offer covers the need, 0..1
};

struct SharedTie {
  std::string id;
  std::string name;
};

struct Recommendation {
  std::string partner_id;
  std::string partner_name;
  std::string group;  // ActorGroup
  double score = 0;   // weighted sum of the three components, 0..1
  double complementarity = 0;
  double proximity = 0;
  double trust = 0;
  long long shared_ties = 0;
  std::vector<SharedTie> shared_tie_examples;  // up to 5, by id
  std::optional<double> distance_km;           // null without two locations
  bool tied = false;                           // already directly tied (with include_tied)
  std::vector<PartnerMatch> matches;
  Text explanation;
};

struct Recommendations {
  std::string actor_id;
  NeedsSource needs_source = NeedsSource::kNone;
  std::vector<std::string> lacked_blocks;  // with kLackedBlocks
  Text needs_note;
  std::vector<Recommendation> items;  // score desc, then partner id
  long long candidates_scored = 0;    // actors scored: only those offering what is needed
  long long tied_left_out = 0;        // candidates left out because already tied
};

// The best partners of one actor. Candidates come from the inverted indexes of what it needs
// (never a scan of all actors): its declared wants, or with none, the asset types of the blocks
// neither it nor its ties offer. NotFound for an unknown actor; InvalidArgument for a limit
// outside 1..100, an unknown block or asset type, or a negative max_km.
Result<Recommendations> RecommendPartners(const PartnerIndex& index, const PartnerQuery& query);

// ---- missing brokers ------------------------------------------------------------------------

struct ActorRef {
  std::string id;
  std::string name;
};

struct Bridge {
  std::string id;
  std::string name;
  std::string group;
  long long ties_to_side = 0;  // ties to actors of the side it is tied to
  std::string side;            // "a" | "b"
};

// Two actor types both active in a block in the territory with no tie and no 2-path between
// their actors there.
struct BrokerGap {
  std::string block;
  std::string group_a;  // group_a < group_b
  std::string group_b;
  long long actors_a = 0;
  long long actors_b = 0;
  std::vector<ActorRef> examples_a;  // up to 3, by id
  std::vector<ActorRef> examples_b;
  std::vector<Bridge> bridges;  // up to 5: tied to one side, offering an asset of the block
  Text text;
};

struct BrokerReport {
  std::string territory;
  std::vector<BrokerGap> gaps;  // blocks in framework order, then group pairs by id
};

// Per building block, the pairs of groups (ActorGroup) that both have actors in the territory
// (or below it; empty: everywhere) offering or wanting an asset of the block, with no tie
// between those actors and no actor tied to both sides.
Result<BrokerReport> MissingBrokers(const PartnerIndex& index, std::string_view territory);

// ---- JSON -----------------------------------------------------------------------------------

nlohmann::json ToJson(const Recommendations& r);
nlohmann::json ToJson(const BrokerReport& r);

}  // namespace ecosol::ecosystem
