// The texts of partner recommendations: each winner's shared ties, matches and explanation in
// four languages, from the framework's sentences (partners.h).

#include <algorithm>
#include <cmath>

#include "blocks_text.h"
#include "partners_match.h"

namespace ecosol::ecosystem {
namespace internal {

Text Join(const std::vector<Text>& parts, const std::string& sep) {
  Text out;
  for (const char* lang : {"en", "fr", "es", "pt"}) {
    std::string s;
    for (const Text& t : parts) s += (s.empty() ? "" : sep) + t.at(lang);
    out[lang] = s;
  }
  return out;
}

const Text& AssetLabel(const PartnerIndex& x, int asset) {
  return x.framework.asset_types[static_cast<size_t>(asset)].label;
}

namespace {

Text Explain(const Context& c, const Recommendation& r, const Place& place) {
  const PartnerIndex& x = c.x;
  const auto& t = x.framework.texts;
  uint32_t v = x.by_id.at(r.partner_id);
  std::vector<Text> parts;
  const PartnerMatch* best = nullptr;
  for (const PartnerMatch& m : r.matches) {
    if (m.direction == "forward" && (!best || m.coverage > best->coverage)) best = &m;
  }
  if (best) {
    const Need* need = nullptr;
    for (const Need& n : c.needs) {
      if (n.id == best->want_id) need = &n;
    }
    const AssetType* asset = x.framework.FindAssetType(best->asset_type);
    Text offer;
    if (best->offer_id.rfind("role:", 0) == 0) {
      std::string role = best->offer_id.substr(5, best->offer_id.find(':', 5) - 5);
      offer = Fill(t.at("as_role"), {{"role", internal::LowerFirst(x.role_labels.at(role))}});
    } else {
      auto at = std::find(x.entry_ids.begin() + x.entry_begin[v],
                          x.entry_ids.begin() + x.entry_begin[v + 1], best->offer_id);
      offer = Same(x.entry_titles[static_cast<size_t>(at - x.entry_ids.begin())]);
    }
    const char* key = need->kind == "want"    ? "for_want"
                      : need->kind == "block" ? "for_block"
                                              : "for_asset";
    parts.push_back(Fill(t.at(key), {{"partner", Same(r.partner_name)},
                                     {"asset", asset ? asset->label : offer},
                                     {"offer", offer},
                                     {"want", need->label},
                                     {"block", need->label}}));
  }
  if (place.km) {
    parts.push_back(Fill(t.at("distance"), {{"km", Same(std::to_string(std::lround(*place.km)))}}));
  } else if (!place.territory.empty()) {
    parts.push_back(Fill(t.at("territory"), {{"territory", Same(place.territory)}}));
  } else {
    parts.push_back(t.at("far"));
  }
  std::string names;
  for (const SharedTie& s : r.shared_tie_examples) names += (names.empty() ? "" : ", ") + s.name;
  parts.push_back(r.shared_ties == 0
                      ? t.at("no_shared_ties")
                      : Fill(t.at("shared_ties"), {{"count", Same(std::to_string(r.shared_ties))},
                                                   {"names", Same(names)}}));
  for (const PartnerMatch& m : r.matches) {
    if (m.direction != "reverse") continue;
    auto at = std::find(x.entry_ids.begin() + x.entry_begin[v],
                        x.entry_ids.begin() + x.entry_begin[v + 1], m.want_id);
    size_t i = static_cast<size_t>(at - x.entry_ids.begin());
    const IndexedEntry& want = x.entries[i];
    Text title = Same(x.entry_titles[i]);
    parts.push_back(
        Fill(t.at("mutual"),
             {{"asset", want.asset >= 0 ? AssetLabel(x, want.asset) : title}, {"want", title}}));
    break;
  }
  if (r.tied) parts.push_back(t.at("already_tied"));
  Text out = Join(parts, "; ");
  for (auto& [lang, s] : out) s += ".";
  return out;
}

}  // namespace

Recommendation Detail(const Context& c, const Scored& s) {
  const PartnerIndex& x = c.x;
  Recommendation r;
  r.partner_id = x.ids[s.v];
  r.partner_name = x.names[s.v];
  r.group = x.group_names[x.group[s.v]];
  r.score = s.score;
  r.complementarity = s.complementarity;
  r.proximity = s.place.proximity;
  r.trust = s.trust;
  r.shared_ties = s.common;
  r.distance_km = s.place.km;
  r.tied = x.Tied(c.u, s.v);
  std::vector<uint32_t> shared;
  std::set_intersection(x.Neighbours(c.u), x.Neighbours(c.u) + x.Degree(c.u), x.Neighbours(s.v),
                        x.Neighbours(s.v) + x.Degree(s.v), std::back_inserter(shared));
  std::sort(shared.begin(), shared.end(),
            [&](uint32_t a, uint32_t b) { return x.ids[a] < x.ids[b]; });
  for (size_t i = 0; i < shared.size() && i < 5; ++i) {
    r.shared_tie_examples.push_back({x.ids[shared[i]], x.names[shared[i]]});
  }
  Complement(c, s.v, &r.matches);
  r.explanation = Explain(c, r, s.place);
  return r;
}

}  // namespace internal

std::string_view ToString(NeedsSource source) {
  switch (source) {
    case NeedsSource::kDeclared:
      return "declared";
    case NeedsSource::kQuery:
      return "query";
    case NeedsSource::kLackedBlocks:
      return "lacked_blocks";
    case NeedsSource::kNone:
      return "none";
  }
  return "none";
}

}  // namespace ecosol::ecosystem
