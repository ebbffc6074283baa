// /api/v1/territories: the territory hierarchy with actor counts and populations.

#include "api.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

void ListTerritories(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"parent"});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  auto territories = reg.ListTerritories(req.get_param_value("parent"));
  if (!territories.ok()) return SendError(res, territories.status());
  json items = json::array();
  for (const registry::TerritoryInfo& info : *territories)
    items.push_back(registry::TerritoryInfoToJson(info));
  SendJson(res, 200, {{"items", items}});
}

void GetTerritory(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  auto info = reg.GetTerritory(req.matches[1]);
  if (!info.ok()) return SendError(res, info.status());
  SendJson(res, 200, registry::TerritoryInfoToJson(*info));
}

// The body is {"population": N} or {"population": null} (to clear it).
Result<std::optional<long long>> PopulationOf(const json& payload) {
  for (const auto& [key, unused] : payload.items()) {
    if (key != "population") return InvalidArgument(key + ": unknown field (known: population)");
  }
  if (!payload.contains("population")) return InvalidArgument("population: is required");
  const json& v = payload["population"];
  if (v.is_null()) return std::optional<long long>();
  if (!v.is_number_integer()) {
    return InvalidArgument("population: expected a whole number or null");
  }
  return std::optional<long long>(v.get<long long>());
}

void PatchTerritory(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& payload, const Caller& c) {
    auth::Target target;
    target.territory = req.matches[1];
    Status allowed = auth::Authorize(c.principal, auth::Action::kEditTerritory, target);
    if (!allowed.ok()) return SendError(res, allowed);
    auto population = PopulationOf(payload);
    if (!population.ok()) return SendError(res, population.status());
    Status s = reg.SetPopulation(req.matches[1], *population);
    if (!s.ok()) return SendError(res, s);
    auto info = reg.GetTerritory(req.matches[1]);
    if (!info.ok()) return SendError(res, info.status());
    SendJson(res, 200, registry::TerritoryInfoToJson(*info));
  });
}

}  // namespace

void AddTerritoryRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/territories", Bind(ctx, ListTerritories));
  router.Add("GET", "/api/v1/territories/{id*}", Bind(ctx, GetTerritory));
  router.Add("PATCH", "/api/v1/territories/{id*}", Bind(ctx, PatchTerritory));
}

}  // namespace ecosol::http
