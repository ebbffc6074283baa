#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/model/actor.h"

namespace ecosol::model {

enum class RelationshipType {
  kMemberOf,
  kPartnerOf,
  kFunds,
  kSupplies,
  kFederatedIn,
  kCoConstructsWith,
  kSupports,
  kOther,
};

std::string_view ToString(RelationshipType type);
std::optional<RelationshipType> ParseRelationshipType(std::string_view name);
const std::vector<std::string_view>& RelationshipTypeNames();

// A typed, dated, weighted tie from one actor to another.
struct Relationship {
  std::string id;
  std::string from;
  std::string to;
  RelationshipType type = RelationshipType::kPartnerOf;
  std::string started;             // ISO date or empty
  std::string ended;               // ISO date or empty
  std::optional<double> strength;  // 0..1
  std::string description;
  std::map<std::string, Provenance> provenance;
  long long version = 0;
  std::string updated_at;
  bool deleted = false;
  bool operator==(const Relationship&) const = default;
};

// A node of the territory hierarchy: country (ISO 3166-1), region, locality.
struct Territory {
  std::string id;         // "GB", "GB/wales", "GB/wales/cardiff"
  std::string parent_id;  // empty for a country
  std::string name;
  std::string level;  // "country", "region", "locality"
  std::optional<long long> population;
  bool operator==(const Territory&) const = default;
};

// A term of a taxonomy scheme with its labels per language.
struct Term {
  std::string scheme;  // "organisational-structure", "activities-ica", ...
  std::string code;    // "OS115"
  LocalisedText labels;
  bool operator==(const Term&) const = default;
};

}  // namespace ecosol::model
