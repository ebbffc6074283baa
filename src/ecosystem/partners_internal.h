#pragma once

// Private to the ecosystem module: the layout of a PartnerIndex, shared by the files that build
// it (partners_index.cc) and read it (partners.cc, partners_brokers.cc). Flat arrays indexed by
// dense actor numbers keep a million actors and five million ties in a few hundred megabytes.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "ecosol/ecosystem/partners.h"

namespace ecosol::ecosystem {

// A declared offer or want, compacted. Codes: item 0 unsaid, 1 good, 2 service; transactions a
// bit mask in the order borrow-lend, rent-lease, buy-sell, receive-donate; scope 0 local,
// 1 regional, 2 national, 3 international.
struct IndexedEntry {
  uint32_t actor = 0;
  int asset = -1;  // index into framework.asset_types
  int block = -1;  // index into block_ids
  uint8_t item = 0;
  uint8_t transactions = 0;
  uint8_t scope = 1;
  bool offer = false;
  uint32_t tags_begin = 0;  // into entry_tags
  uint32_t tags_end = 0;
};

struct PartnerIndex {
  PartnerFramework framework;          // a copy: the index stands alone
  std::vector<std::string> block_ids;  // building blocks, framework order
  std::vector<Text> block_labels;
  std::map<std::string, Text> role_labels;
  std::vector<int> asset_block;       // asset index -> block index
  std::vector<uint64_t> block_masks;  // block index -> mask of its asset types

  // Actors.
  std::vector<std::string> ids;
  std::vector<std::string> names;
  std::unordered_map<std::string, uint32_t> by_id;
  std::vector<uint8_t> group;  // into group_names
  std::vector<std::string> group_names;
  std::vector<uint32_t> territory;  // into territories
  std::vector<std::string> territories;
  // Points on the unit sphere (x NaN without a location): a distance is a chord, with no
  // trigonometry per candidate.
  struct Point {
    float x, y, z;
  };
  std::vector<Point> point;
  // What the candidate loop of RecommendPartners reads, packed so that a candidate costs one
  // cache line: copies of point, wants and offered.
  // want_reach: the asset types of the blocks of the actor's wants (what an offer must be of,
  // to cover one of them by type or by block); want_flags: kWantFree (a want with neither
  // asset type nor block, which any tag may cover), kWantTagged (a want with tags).
  struct Hot {
    Point point;
    uint16_t wants;
    uint16_t want_flags;
    uint64_t offered;
    uint64_t want_reach;
  };
  static constexpr uint16_t kWantFree = 1, kWantTagged = 2;
  std::vector<Hot> hot;
  std::vector<uint64_t> offered;       // asset masks, declared and implicit
  std::vector<uint64_t> implicit;      // asset masks from roles only
  std::vector<uint8_t> wants;          // live declared wants, at most 255
  std::vector<uint32_t> roles;         // bit i: the actor has framework.implicit_offers[i].role
  std::vector<uint32_t> by_territory;  // actors sorted by territory id, then index

  // Undirected active ties, compressed sparse rows, neighbours sorted.
  std::vector<uint64_t> adj_begin;  // size actors + 1
  std::vector<uint32_t> adj;

  // Declared offers and wants grouped by actor.
  std::vector<IndexedEntry> entries;
  std::vector<uint32_t> entry_begin;  // size actors + 1
  std::vector<uint32_t> entry_tags;
  std::vector<std::string> entry_ids;
  std::vector<std::string> entry_titles;
  std::unordered_map<std::string, uint32_t> tag_ids;

  // Inverted indexes: asset type -> offering actors (sorted); tag -> offers (entry indices).
  std::vector<std::vector<uint32_t>> offering;
  std::vector<uint64_t> tag_begin;  // size tags + 1
  std::vector<uint32_t> tag_offers;
  std::vector<uint32_t> tag_actors;  // the actor of each tag_offers entry, read in sequence

  PartnerIndexStats stats;

  bool Located(uint32_t v) const { return point[v].x == point[v].x; }  // false for NaN
  size_t Degree(uint32_t v) const { return static_cast<size_t>(adj_begin[v + 1] - adj_begin[v]); }
  const uint32_t* Neighbours(uint32_t v) const { return adj.data() + adj_begin[v]; }
  bool Tied(uint32_t a, uint32_t b) const;
};

namespace internal {

// Sets the asset type from the first tag naming one, and the block from the asset type;
// InvalidArgument for an unknown asset type or block, or a block that is not the asset type's.
Status ResolveAsset(const PartnerFramework& f, OfferWant* o, const std::string& where);

// Great-circle distance in km between two points of the unit sphere.
double DistanceKm(const PartnerIndex::Point& a, const PartnerIndex::Point& b);

// "Knowledge transfer" -> "knowledge transfer" in each language, for use inside sentences.
Text LowerFirst(const Text& t);

}  // namespace internal
}  // namespace ecosol::ecosystem
