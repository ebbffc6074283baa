#pragma once

// Plain domain types of the registry: actors of the social and solidarity economy, their
// relationships, territories and taxonomy terms. Value types with no behaviour beyond
// conversions; validation and persistence live in registry/ and store/.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecosol::model {

enum class ActorKind {
  kOrganisation,
  kInformalGroup,
  kNetwork,
  kUniversity,
  kPublicBody,
  kFunder,
  kOther,
};

enum class LocationPrecision { kExact, kApproximate, kHidden };

// Who may see a record or a field, in increasing order of restriction: everyone; the networks the
// actor belongs to (and their stewards); the actor's own members (and admins).
enum class Visibility { kPublic, kNetwork, kPrivate };

// "organisation", "informal_group", ... and back. Parse returns nullopt on unknown names.
std::string_view ToString(ActorKind kind);
std::optional<ActorKind> ParseActorKind(std::string_view name);
const std::vector<std::string_view>& ActorKindNames();
std::string_view ToString(LocationPrecision precision);
std::optional<LocationPrecision> ParseLocationPrecision(std::string_view name);
std::string_view ToString(Visibility visibility);
std::optional<Visibility> ParseVisibility(std::string_view name);
// The fields of an actor whose visibility can be restricted below the record's (JSON names).
const std::vector<std::string_view>& RestrictableFields();

// Where a fact came from: "coops-uk-standard-2023", on "2026-11-28", by "import" (or "api",
// "declared", "seed", ...).
struct Provenance {
  std::string source;
  std::string date;
  std::string method;
  bool operator==(const Provenance&) const = default;
};

struct Address {
  std::string street;
  std::string locality;
  std::string region;
  std::string postcode;
  std::string country;  // ISO 3166-1 alpha-2, upper case
  bool operator==(const Address&) const = default;
};

struct Location {
  double lat = 0;
  double lon = 0;
  LocationPrecision precision = LocationPrecision::kExact;
  bool operator==(const Location&) const = default;
};

// Language code ("en", "fr", ...) -> text.
using LocalisedText = std::map<std::string, std::string>;

struct Actor {
  std::string id;
  ActorKind kind = ActorKind::kOrganisation;
  std::string name;
  LocalisedText names;                        // translations of the name
  LocalisedText description;                  // per language
  std::string legal_form;                     // as registered
  std::vector<std::string> structures;        // ESSGlobal OS codes
  std::vector<std::string> activities;        // ICA codes
  std::string primary_activity;               // one of `activities` (or empty)
  std::vector<std::string> membership_types;  // BMT codes
  std::vector<std::string> qualifiers;
  std::vector<std::string> claims;  // "cooperative", "social_enterprise", "sse", ...
  Address address;
  std::string territory;  // territory id: "GB", "GB/wales", "GB/wales/cardiff"
  std::optional<Location> location;
  std::string website;
  std::map<std::string, std::string> contacts;     // "email", "phone", "twitter", ...
  std::string founded;                             // ISO date (or year)
  std::string dissolved;                           // ISO date, empty while active
  std::map<std::string, std::string> identifiers;  // scheme -> value
  // Other facts a source gives that have no field of their own ("sic_code", "sector", ...).
  std::map<std::string, std::string> attributes;
  std::map<std::string, Provenance> provenance;  // field -> where it came from
  // Who may see the actor at all, and fields seen by fewer (a RestrictableFields() name ->
  // network or private; absent: as the record).
  Visibility visibility = Visibility::kPublic;
  std::map<std::string, Visibility> field_visibility;
  long long version = 0;
  std::string updated_at;
  bool deleted = false;

  bool operator==(const Actor&) const = default;
};

// The location anyone may know of: none when hidden; rounded to 0.01 degree (about 1 km) when
// approximate; as it is when exact. Listings, maps and box queries use it, so that narrowing a
// box cannot find a place more exactly than this.
std::optional<Location> PublicLocation(const Actor& a);

// True when the two actors hold the same data, ignoring version, timestamps, deletion state and
// provenance dates (a re-import of unchanged data is not a change).
bool SameData(const Actor& a, const Actor& b);

// The data fields (JSON names, as in model/json.h) of `a` that hold a value; "kind" always does.
std::vector<std::string_view> FilledDataFields(const Actor& a);

}  // namespace ecosol::model
