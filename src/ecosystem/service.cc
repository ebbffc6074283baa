#include "ecosol/ecosystem/service.h"

#include <algorithm>
#include <unordered_set>

#include "ecosol/registry/registry.h"

namespace ecosol::ecosystem {

Result<Snapshot> LoadSnapshot(store::Store& store, const SnapshotScope& scope) {
  auto view = scope.view;
  if (!view) {
    if (scope.audience.public_only()) {
      view = [](model::Actor a) { return registry::PublicView(std::move(a)); };
    } else {
      view = [](model::Actor a) { return std::optional<model::Actor>(std::move(a)); };
    }
  }
  Snapshot out;
  std::unordered_set<std::string> seen_ids;
  store::ActorQuery q;
  q.by_id = true;
  q.stored_docs = true;
  q.limit = scope.page_size;
  q.audience = scope.audience;
  while (true) {
    auto page = store.ListActors(q);
    if (!page.ok()) return page.status();
    for (const store::StoredActor& stored : page->stored) {
      auto actor = store::DecodeStoredActor(stored.doc);
      if (!actor.ok()) return actor.status();
      std::optional<model::Actor> seen = view(std::move(*actor));
      if (!seen || seen->deleted) continue;
      seen_ids.insert(seen->id);
      out.actors.push_back(std::move(*seen));
    }
    if (page->next_cursor.empty()) break;
    q.cursor = std::move(page->next_cursor);
  }
  ECOSOL_RETURN_IF_ERROR(store.VisitRelationships([&](model::Relationship&& rel) {
    if (seen_ids.contains(rel.from) && seen_ids.contains(rel.to)) {
      out.relationships.push_back(std::move(rel));
    }
    return Status::Ok();
  }));
  return out;
}

namespace {

bool IsIsoDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsTerritoryId(const std::string& s) {
  if (s.size() < 2 || s.size() > 200) return false;
  if (!(s[0] >= 'A' && s[0] <= 'Z') || !(s[1] >= 'A' && s[1] <= 'Z')) return false;
  if (s.size() > 2 && s[2] != '/') return false;
  for (char c : s) {
    if (c == '\0' || c == '\n' || c == '\r') return false;
  }
  return s.back() != '/' && s.find("//") == std::string::npos;
}

}  // namespace

Status CheckFilter(const NetworkFilter& filter) {
  if (!filter.as_of.empty() && !IsIsoDay(filter.as_of)) {
    return InvalidArgument("as_of: expected a day as YYYY-MM-DD (for example 2015-06-30), not '" +
                           filter.as_of + "'");
  }
  if (!filter.territory.empty() && !IsTerritoryId(filter.territory)) {
    return InvalidArgument(
        "territory: expected a territory id: a country code in capitals, then regions and "
        "localities after '/' (for example CA or CA/QC), not '" +
        filter.territory + "'");
  }
  if (filter.with_partners && filter.territory.empty()) {
    return InvalidArgument(
        "with_partners: only with a territory (the partners are the actors outside it tied to "
        "actors inside)");
  }
  return Status::Ok();
}

Result<std::vector<model::RelationshipType>> ParseTypeList(std::string_view list) {
  std::vector<model::RelationshipType> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) {
      auto type = model::ParseRelationshipType(name);
      if (!type) {
        std::string known;
        for (std::string_view n : model::RelationshipTypeNames()) {
          known += (known.empty() ? "" : ", ") + std::string(n);
        }
        return InvalidArgument("type: unknown relationship type '" + std::string(name) +
                               "'; expected a comma-separated list of: " + known);
      }
      if (std::find(out.begin(), out.end(), *type) == out.end()) out.push_back(*type);
    }
    start = comma + 1;
  }
  return out;
}

Status SetMetricsOptions(const std::string& betweenness, int samples, uint64_t seed,
                         const std::string& language, MetricsOptions* options) {
  if (betweenness != "auto" && betweenness != "exact" && betweenness != "sampled") {
    return InvalidArgument("betweenness: expected auto, exact or sampled, not '" + betweenness +
                           "'");
  }
  if (samples < 0 || samples == 1) {
    return InvalidArgument(
        "samples: expected 0 (the default, 1000) or at least 2 source actors, not " +
        std::to_string(samples));
  }
  if (language != "en" && language != "fr" && language != "es" && language != "pt") {
    return InvalidArgument("lang: expected en, fr, es or pt, not '" + language + "'");
  }
  options->betweenness = betweenness;
  if (samples > 0) options->betweenness_samples = samples;
  options->seed = seed;
  options->language = language;
  return Status::Ok();
}

nlohmann::json FilterToJson(const NetworkFilter& filter) {
  nlohmann::json types = nlohmann::json::array();
  for (model::RelationshipType t : filter.types) types.push_back(std::string(model::ToString(t)));
  return {{"territory", filter.territory},
          {"types", std::move(types)},
          {"as_of", filter.as_of},
          {"with_partners", filter.with_partners}};
}

Result<nlohmann::json> NetworkReport(const Snapshot& snapshot, const NetworkFilter& filter,
                                     const MetricsOptions& options) {
  ECOSOL_RETURN_IF_ERROR(CheckFilter(filter));
  Network network = BuildNetwork(snapshot.actors, snapshot.relationships, filter);
  auto metrics = ComputeMetrics(network, options);
  if (!metrics.ok()) return metrics.status();
  nlohmann::json out = MetricsToJson(network, *metrics);
  out["filter"] = FilterToJson(filter);
  return out;
}

}  // namespace ecosol::ecosystem

namespace ecosol::ecosystem {

Result<nlohmann::json> NetworkReport(store::Store& store, const SnapshotScope& scope,
                                     const NetworkFilter& filter, const MetricsOptions& options) {
  ECOSOL_RETURN_IF_ERROR(CheckFilter(filter));
  if (!filter.territory.empty()) {
    auto territory = store.GetTerritory(filter.territory);
    if (!territory.ok()) return territory.status();
    if (!territory->has_value()) {
      return NotFound("territory: no territory with id '" + filter.territory +
                      "' (GET /api/v1/territories or `ecosol territories list` lists them)");
    }
  }
  auto snapshot = LoadSnapshot(store, scope);
  if (!snapshot.ok()) return snapshot.status();
  return NetworkReport(*snapshot, filter, options);
}

}  // namespace ecosol::ecosystem
