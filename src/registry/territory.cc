// The territory hierarchy: ids are paths from the country down, derived from actors' addresses.

#include "actor_rules.h"
#include "ecosol/base/strings.h"
#include "ecosol/registry/registry.h"
#include "ecosol/text/search_text.h"

namespace ecosol::registry {
namespace {

using model::Territory;

// Region and locality names are written as slugs of their folded form, so that "Île-de-France"
// and "ILE DE FRANCE" are one territory: "ile-de-france".
std::string NameSlug(const std::string& name) { return Slug(text::Fold(name)); }

// True when `ancestor` is `id` or one of its ancestors; the empty id is everyone's ancestor.
bool IsWithin(const std::string& id, const std::string& ancestor) {
  return ancestor.empty() || id == ancestor || StartsWith(id, ancestor + "/");
}

// The chain from the country down to `address`'s territory.
std::vector<Territory> ChainOf(const model::Address& address, const Taxonomy& tax) {
  std::vector<Territory> chain;
  if (address.country.empty()) return chain;
  chain.push_back({address.country, "", tax.Label("countries", address.country, "en"), "country",
                   std::nullopt});
  for (const auto& [name, level] :
       {std::pair{&address.region, "region"}, std::pair{&address.locality, "locality"}}) {
    std::string slug = NameSlug(*name);
    if (slug.empty()) continue;
    const std::string parent = chain.back().id;
    chain.push_back({parent + "/" + slug, parent, std::string(Trim(*name)), level, std::nullopt});
  }
  return chain;
}

// The chain of a territory id given explicitly: its segments name the territories below the
// country, regions first, then localities.
std::vector<Territory> ChainOf(const std::string& id, const Taxonomy& tax) {
  std::vector<Territory> chain;
  std::vector<std::string> parts = Split(id, '/');
  std::string path;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string parent = path;
    path += (i ? "/" : "") + parts[i];
    if (i == 0) {
      chain.push_back({path, "", tax.Label("countries", path, "en"), "country", std::nullopt});
    } else {
      chain.push_back({path, parent, parts[i], i == 1 ? "region" : "locality", std::nullopt});
    }
  }
  return chain;
}

}  // namespace

std::string TerritoryIdOf(const model::Address& address) {
  if (address.country.empty()) return "";
  std::string id = address.country;
  for (const std::string* name : {&address.region, &address.locality}) {
    std::string slug = NameSlug(*name);
    if (!slug.empty()) id += "/" + slug;
  }
  return id;
}

nlohmann::json TerritoryInfoToJson(const TerritoryInfo& info) {
  using nlohmann::json;
  const Territory& t = info.territory;
  return {{"id", t.id},
          {"parent_id", t.parent_id.empty() ? json(nullptr) : json(t.parent_id)},
          {"name", t.name},
          {"level", t.level},
          {"population", t.population ? json(*t.population) : json(nullptr)},
          {"actors", info.actors},
          {"children", info.children}};
}

// Territory rows (and their listing) must not reveal where a hidden actor is.
std::vector<Territory> PublicChain(const model::Actor& actor, std::vector<Territory> chain) {
  if (actor.visibility != model::Visibility::kPublic) return {};
  if (actor.field_visibility.count("address") && chain.size() > 1) chain.resize(1);
  return chain;
}

std::vector<Territory> PlaceActor(model::Actor* actor, const Taxonomy& tax) {
  std::vector<Territory> chain = ChainOf(actor->address, tax);
  const std::string derived = chain.empty() ? "" : chain.back().id;
  if (IsWithin(derived, actor->territory)) {
    actor->territory = derived;
  } else {
    chain = ChainOf(actor->territory, tax);
  }
  return chain;
}

Status Registry::RecordTerritories(const std::vector<Territory>& chain,
                                   std::set<std::string>* written) {
  // The first name written for a territory stays: rows are inserted, never renamed here.
  for (const Territory& t : chain) {
    if (!written->insert(t.id).second) continue;
    auto existing = store_.GetTerritory(t.id);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) ECOSOL_RETURN_IF_ERROR(store_.PutTerritory(t));
  }
  return Status::Ok();
}

Status Registry::PlaceInTerritory(model::Actor* actor, std::set<std::string>* written) {
  auto tax = taxonomy();
  if (!tax.ok()) return tax.status();
  return RecordTerritories(PublicChain(*actor, PlaceActor(actor, **tax)), written);
}

Result<TerritoryInfo> Registry::InfoOf(Territory territory) {
  auto actors = store_.CountActorsIn(territory.id);
  if (!actors.ok()) return actors.status();
  auto children = store_.Territories(territory.id);
  if (!children.ok()) return children.status();
  return TerritoryInfo{std::move(territory), *actors, static_cast<long long>(children->size())};
}

Result<std::vector<TerritoryInfo>> Registry::ListTerritories(const std::string& parent_id) {
  if (!parent_id.empty()) {
    auto parent = GetTerritory(parent_id);
    if (!parent.ok()) return parent.status();
  }
  auto territories = store_.Territories(parent_id);
  if (!territories.ok()) return territories.status();
  std::vector<TerritoryInfo> out;
  out.reserve(territories->size());
  for (Territory& t : *territories) {
    auto info = InfoOf(std::move(t));
    if (!info.ok()) return info.status();
    out.push_back(std::move(*info));
  }
  return out;
}

Result<TerritoryInfo> Registry::GetTerritory(const std::string& id) {
  auto territory = store_.GetTerritory(id);
  if (!territory.ok()) return territory.status();
  if (!territory->has_value()) return NotFound("no territory with id '" + id + "'");
  return InfoOf(std::move(**territory));
}

Status Registry::SetPopulation(const std::string& id, std::optional<long long> population) {
  if (population && *population < 0) return InvalidArgument("population: must be 0 or more");
  return store_.InTransaction([&]() -> Status {
    auto before = store_.GetTerritory(id);
    if (!before.ok()) return before.status();
    if (!before->has_value()) return NotFound("no territory with id '" + id + "'");
    ECOSOL_RETURN_IF_ERROR(store_.SetTerritoryPopulation(id, population));
    auto json_of = [](std::optional<long long> p) {
      return nlohmann::json{{"population", p ? nlohmann::json(*p) : nlohmann::json()}}.dump();
    };
    return Audit("territory.population", "territory", id, json_of((*before)->population),
                 json_of(population));
  });
}

}  // namespace ecosol::registry
