#pragma once

// Private to the ecosystem module: the pieces of a recommendation shared by the search
// (partners.cc) and the texts of its results (partners_explain.cc).

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partners_internal.h"

namespace ecosol::ecosystem::internal {

constexpr uint32_t kImplicitOffer = std::numeric_limits<uint32_t>::max();

// One side of a match: a need (a want, or an undeclared need of a block or asset type) or an
// offer (declared, or an implicit asset of a role).
struct Side {
  int asset = -1;
  int block = -1;
  const uint32_t* tags = nullptr;
  size_t ntags = 0;
  uint8_t item = 0;
  uint8_t transactions = 0;
  uint32_t entry = kImplicitOffer;  // declared entry index, or kImplicitOffer
};

struct Need {
  Side side;
  std::string id;
  Text label;        // the want's title, the block's or the asset type's label
  std::string kind;  // "want" | "block" | "asset"
  int scope = 1;
  // Upper bounds of the coverage by an actor offering the asset type (1), only another asset
  // type of the block, or neither (found by a tag): to skip hopeless candidates cheaply.
  double if_same_block = 1;
  double if_neither = 1;
};

struct Context {
  const PartnerIndex& x;
  const PartnerQuery& q;
  uint32_t u = 0;
  std::vector<Need> needs;
  std::vector<Side> u_offers;
  double scale_km = 0;                                 // infinity: international
  std::vector<std::pair<uint32_t, uint32_t>> two_hop;  // actor -> common neighbours, sorted
  // The most a want covered by a shared tag alone can get (no asset type or block in common).
  double tag_only_bound = 1;
};

struct Place {
  double proximity = 0;
  std::optional<double> km;
  std::string territory;  // in common, without two locations
};

struct Scored {
  uint32_t v = 0;
  double score = 0, complementarity = 0, trust = 0;
  uint32_t common = 0;
  Place place;
};

// Complementarity of v for the actor (0..1); with `matches`, the pairs behind it.
double Complement(const Context& c, uint32_t v, std::vector<PartnerMatch>* matches);

// Texts joined language by language.
Text Join(const std::vector<Text>& parts, const std::string& sep);
const Text& AssetLabel(const PartnerIndex& x, int asset);

// A winner with its names, shared ties, matches and explanation.
Recommendation Detail(const Context& c, const Scored& s);

}  // namespace ecosol::ecosystem::internal
