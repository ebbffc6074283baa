// Loading the partner assets framework. Every check names the file and the entry, so that an
// editor of frameworks/partner-assets.yaml can find and fix the mistake.

#include <algorithm>
#include <set>

#include "ecosol/ecosystem/partners.h"
#include "ecosol/rules/framework_file.h"

namespace ecosol::ecosystem {
namespace {

using nlohmann::json;

// The actor types ActorGroup gives (network.h).
const std::vector<std::string> kGroups = {
    "apex_body",         "federation",      "public_body",  "cooperative",    "mutual",
    "social_enterprise", "community_group", "organisation", "informal_group", "network",
    "university",        "funder",          "other"};
const std::vector<std::string> kTexts = {"for_want",
                                         "for_block",
                                         "for_asset",
                                         "as_role",
                                         "mutual",
                                         "distance",
                                         "territory",
                                         "far",
                                         "shared_ties",
                                         "no_shared_ties",
                                         "already_tied",
                                         "needs_declared",
                                         "needs_lacked_blocks",
                                         "needs_none",
                                         "needs_query",
                                         "missing_broker"};
constexpr size_t kMaxAssetTypes = 64;  // an actor's assets are a 64-bit mask

std::string StringOf(const json& entry, const std::string& key) {
  auto it = entry.find(key);
  return it != entry.end() && it->is_string() ? it->get<std::string>() : "";
}

Result<AssetType> ParseAssetType(const json& entry, const BlocksFramework& blocks,
                                 const std::string& where) {
  if (!entry.is_object()) return InvalidArgument(where + ": expected a map {id, block, label}");
  AssetType a;
  a.id = StringOf(entry, "id");
  if (a.id.empty()) return InvalidArgument(where + ": an asset type has no 'id'");
  std::string w = where + " '" + a.id + "'";
  a.block = StringOf(entry, "block");
  if (!blocks.FindBlock(a.block)) {
    return InvalidArgument(w + ": serves unknown block '" + a.block +
                           "' (use a block id of building-blocks.yaml, e.g. capacity_building)");
  }
  auto label = rules::ParseTexts(entry, "label", w);
  if (!label.ok()) return label.status();
  a.label = *label;
  return a;
}

Status ParseAssetTypes(const json& doc, const BlocksFramework& blocks, const std::string& where,
                       PartnerFramework* f) {
  auto it = doc.find("asset_types");
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return InvalidArgument(where + ": needs 'asset_types', a list of {id, block, label}");
  }
  if (it->size() > kMaxAssetTypes) {
    return InvalidArgument(where + ": at most 64 asset types (merge some)");
  }
  for (const json& entry : *it) {
    auto a = ParseAssetType(entry, blocks, where + ": asset type");
    if (!a.ok()) return a.status();
    if (f->FindAssetType(a->id)) {
      return InvalidArgument(where + ": asset type '" + a->id + "' is listed twice");
    }
    f->asset_types.push_back(std::move(*a));
  }
  return Status::Ok();
}

Status ParseImplicitOffers(const json& doc, const BlocksFramework& blocks, const std::string& where,
                           PartnerFramework* f) {
  const json list = doc.value("implicit_offers", json::array());
  if (!list.is_array()) return InvalidArgument(where + ": 'implicit_offers' must be a list");
  for (const json& entry : list) {
    ImplicitOffers io;
    io.role = entry.is_object() ? StringOf(entry, "role") : "";
    std::string w = where + ": implicit offers of role '" + io.role + "'";
    bool known = std::any_of(blocks.roles.begin(), blocks.roles.end(),
                             [&](const ActorRole& r) { return r.id == io.role; });
    if (!known) return InvalidArgument(w + ": not a role of building-blocks.yaml");
    auto offers = entry.find("offers");
    if (offers == entry.end() || !offers->is_array() || offers->empty()) {
      return InvalidArgument(w + ": needs 'offers', a list of asset type ids");
    }
    for (const json& o : *offers) {
      std::string id = o.is_string() ? o.get<std::string>() : "";
      if (!f->FindAssetType(id)) {
        return InvalidArgument(w + ": offers unknown asset type '" + id +
                               "' (list it under asset_types first)");
      }
      io.offers.push_back(id);
    }
    f->implicit_offers.push_back(std::move(io));
  }
  if (f->implicit_offers.size() > 32) {
    return InvalidArgument(where + ": at most 32 'implicit_offers' entries (one per role)");
  }
  return Status::Ok();
}

Status ParseGroupsAndTexts(const json& doc, const std::string& where, PartnerFramework* f) {
  const json groups = doc.value("groups", json::object());
  for (const std::string& g : kGroups) {
    auto label = rules::ParseTexts(groups, g, where + ": groups");
    if (!label.ok()) return label.status();
    f->groups[g] = *label;
  }
  const json texts = doc.value("texts", json::object());
  for (const std::string& key : kTexts) {
    auto text = rules::ParseTexts(texts, key, where + ": texts");
    if (!text.ok()) return text.status();
    f->texts[key] = *text;
  }
  return Status::Ok();
}

Result<double> Number(const json& parent, const std::string& key, double lo, double hi,
                      const std::string& where) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_number() || it->get<double>() < lo || it->get<double>() > hi) {
    std::ostringstream range;
    range << lo << " to " << hi;
    return InvalidArgument(where + ": '" + key + "' must be a number from " + range.str());
  }
  return it->get<double>();
}

// Reads `keys` of parent[section] into `out`, each in [0, 1], adding up to 1.
Status Weights(const json& scoring, const std::string& section,
               const std::vector<std::pair<std::string, double*>>& keys, const std::string& where) {
  const json weights = scoring.value(section, json::object());
  std::string w = where + ": scoring: " + section;
  double sum = 0;
  for (const auto& [key, out] : keys) {
    auto v = Number(weights, key, 0, 1, w);
    if (!v.ok()) return v.status();
    *out = *v;
    sum += *v;
  }
  if (sum < 0.999 || sum > 1.001) {
    return InvalidArgument(w + ": the weights add up to " + std::to_string(sum) +
                           ", not 1 (adjust them)");
  }
  return Status::Ok();
}

Status ParseMatch(const json& scoring, const std::string& where, PartnerFramework* f) {
  const json m = scoring.value("match", json::object());
  std::string w = where + ": scoring: match";
  MatchWeights& mw = f->match;
  for (const auto& [key, out] :
       std::vector<std::pair<std::string, double*>>{{"asset_type", &mw.asset_type},
                                                    {"tags", &mw.tags},
                                                    {"transaction", &mw.transaction},
                                                    {"item", &mw.item},
                                                    {"same_block", &mw.same_block}}) {
    auto v = Number(m, key, 0, 1, w);
    if (!v.ok()) return v.status();
    *out = *v;
  }
  if (mw.asset_type <= 0) return InvalidArgument(w + ": 'asset_type' must be above 0");
  return Status::Ok();
}

Status ParseScopes(const json& scoring, const std::string& where, PartnerFramework* f) {
  const json scopes = scoring.value("scope_km", json::object());
  std::string w = where + ": scoring: scope_km";
  for (const char* scope : {"local", "regional", "national"}) {
    auto km = Number(scopes, scope, 0.001, 40000, w);
    if (!km.ok()) return km.status();
    f->scope_km[scope] = *km;
  }
  if (scopes.contains("international")) {
    return InvalidArgument(w + ": 'international' has no scale (proximity 1); remove it");
  }
  f->default_scope = scoring.value("default_scope", "");
  if (!f->scope_km.count(f->default_scope) && f->default_scope != "international") {
    return InvalidArgument(where +
                           ": scoring: 'default_scope' must be local, regional, national or "
                           "international");
  }
  return Status::Ok();
}

Status ParseScoring(const json& doc, const std::string& where, PartnerFramework* f) {
  auto it = doc.find("scoring");
  if (it == doc.end() || !it->is_object()) return InvalidArgument(where + ": needs 'scoring'");
  ECOSOL_RETURN_IF_ERROR(Weights(*it, "weights",
                                 {{"complementarity", &f->complementarity_weight},
                                  {"proximity", &f->proximity_weight},
                                  {"trust", &f->trust_weight}},
                                 where));
  ECOSOL_RETURN_IF_ERROR(Weights(
      *it, "direction", {{"forward", &f->forward_weight}, {"reverse", &f->reverse_weight}}, where));
  ECOSOL_RETURN_IF_ERROR(ParseMatch(*it, where, f));
  auto scale = Number(*it, "trust_scale", 0.01, 1000, where + ": scoring");
  if (!scale.ok()) return scale.status();
  f->trust_scale = *scale;
  return ParseScopes(*it, where, f);
}

Result<std::shared_ptr<const PartnerFramework>> Parse(const json& doc,
                                                      const BlocksFramework& blocks,
                                                      const std::string& where) {
  auto head = rules::ParseFrameworkHead(doc, "partner_assets", where);
  if (!head.ok()) return head.status();
  auto f = std::make_shared<PartnerFramework>();
  f->id = head->id;
  f->version = head->version;
  auto title = rules::ParseTexts(doc, "title", where);
  if (!title.ok()) return title.status();
  f->title = *title;
  ECOSOL_RETURN_IF_ERROR(ParseAssetTypes(doc, blocks, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseImplicitOffers(doc, blocks, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseGroupsAndTexts(doc, where, f.get()));
  ECOSOL_RETURN_IF_ERROR(ParseScoring(doc, where, f.get()));
  return std::shared_ptr<const PartnerFramework>(std::move(f));
}

}  // namespace

const AssetType* PartnerFramework::FindAssetType(std::string_view asset_id) const {
  for (const AssetType& a : asset_types) {
    if (a.id == asset_id) return &a;
  }
  return nullptr;
}

Result<std::shared_ptr<const PartnerFramework>> ParsePartnerFramework(const json& doc,
                                                                      const BlocksFramework& blocks,
                                                                      const std::string& where) {
  return rules::ParseGuarded(where, [&] { return Parse(doc, blocks, where); });
}

Result<std::shared_ptr<const PartnerFramework>> LoadPartnerFramework(
    const std::string& path, const BlocksFramework& blocks) {
  auto doc = rules::ReadFrameworkFile(path, "partner-assets.yaml");
  if (!doc.ok()) return doc.status();
  return ParsePartnerFramework(*doc, blocks, path);
}

}  // namespace ecosol::ecosystem
