#include "ecosol/model/actor.h"

#include <array>
#include <cmath>
#include <utility>

#include "ecosol/model/relationship.h"

namespace ecosol::model {
namespace {

constexpr std::array<std::pair<ActorKind, std::string_view>, 7> kKinds = {{
    {ActorKind::kOrganisation, "organisation"},
    {ActorKind::kInformalGroup, "informal_group"},
    {ActorKind::kNetwork, "network"},
    {ActorKind::kUniversity, "university"},
    {ActorKind::kPublicBody, "public_body"},
    {ActorKind::kFunder, "funder"},
    {ActorKind::kOther, "other"},
}};

constexpr std::array<std::pair<LocationPrecision, std::string_view>, 3> kPrecisions = {{
    {LocationPrecision::kExact, "exact"},
    {LocationPrecision::kApproximate, "approximate"},
    {LocationPrecision::kHidden, "hidden"},
}};

constexpr std::array<std::pair<Visibility, std::string_view>, 3> kVisibilities = {{
    {Visibility::kPublic, "public"},
    {Visibility::kNetwork, "network"},
    {Visibility::kPrivate, "private"},
}};

constexpr std::array<std::pair<RelationshipType, std::string_view>, 8> kRelTypes = {{
    {RelationshipType::kMemberOf, "member_of"},
    {RelationshipType::kPartnerOf, "partner_of"},
    {RelationshipType::kFunds, "funds"},
    {RelationshipType::kSupplies, "supplies"},
    {RelationshipType::kFederatedIn, "federated_in"},
    {RelationshipType::kCoConstructsWith, "co_constructs_with"},
    {RelationshipType::kSupports, "supports"},
    {RelationshipType::kOther, "other"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "other";
}

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::vector<std::string_view> Names(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<std::string_view> out;
  for (const auto& entry : table) out.push_back(entry.second);
  return out;
}

}  // namespace

std::string_view ToString(ActorKind kind) { return NameOf(kKinds, kind); }
std::optional<ActorKind> ParseActorKind(std::string_view name) { return Parse(kKinds, name); }
const std::vector<std::string_view>& ActorKindNames() {
  static const auto names = Names(kKinds);
  return names;
}

std::string_view ToString(LocationPrecision p) { return NameOf(kPrecisions, p); }
std::optional<LocationPrecision> ParseLocationPrecision(std::string_view name) {
  return Parse(kPrecisions, name);
}

std::string_view ToString(Visibility v) { return NameOf(kVisibilities, v); }
std::optional<Visibility> ParseVisibility(std::string_view name) {
  return Parse(kVisibilities, name);
}
const std::vector<std::string_view>& RestrictableFields() {
  static const std::vector<std::string_view> fields = {"description", "legal_form",  "address",
                                                       "contacts",    "website",     "founded",
                                                       "dissolved",   "identifiers", "attributes"};
  return fields;
}

std::string_view ToString(RelationshipType type) { return NameOf(kRelTypes, type); }
std::optional<RelationshipType> ParseRelationshipType(std::string_view name) {
  return Parse(kRelTypes, name);
}
const std::vector<std::string_view>& RelationshipTypeNames() {
  static const auto names = Names(kRelTypes);
  return names;
}

std::optional<Location> PublicLocation(const Actor& a) {
  if (!a.location || a.location->precision == LocationPrecision::kHidden) return std::nullopt;
  Location loc = *a.location;
  if (loc.precision == LocationPrecision::kApproximate) {
    loc.lat = std::round(loc.lat * 100) / 100;
    loc.lon = std::round(loc.lon * 100) / 100;
  }
  return loc;
}

bool SameData(const Actor& a, const Actor& b) {
  Actor x = a;
  Actor y = b;
  for (Actor* z : {&x, &y}) {
    z->version = 0;
    z->updated_at.clear();
    z->deleted = false;
    for (auto& [field, prov] : z->provenance) prov.date.clear();
  }
  return x == y;
}

std::vector<std::string_view> FilledDataFields(const Actor& a) {
  std::vector<std::string_view> out;
  auto add = [&out](std::string_view field, bool filled) {
    if (filled) out.push_back(field);
  };
  add("kind", true);
  add("name", !a.name.empty());
  add("names", !a.names.empty());
  add("description", !a.description.empty());
  add("legal_form", !a.legal_form.empty());
  add("structures", !a.structures.empty());
  add("activities", !a.activities.empty());
  add("primary_activity", !a.primary_activity.empty());
  add("membership_types", !a.membership_types.empty());
  add("qualifiers", !a.qualifiers.empty());
  add("claims", !a.claims.empty());
  add("address", !(a.address == Address{}));
  add("territory", !a.territory.empty());
  add("location", a.location.has_value());
  add("website", !a.website.empty());
  add("contacts", !a.contacts.empty());
  add("founded", !a.founded.empty());
  add("dissolved", !a.dissolved.empty());
  add("identifiers", !a.identifiers.empty());
  add("attributes", !a.attributes.empty());
  return out;
}

}  // namespace ecosol::model
