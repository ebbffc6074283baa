// Health, configuration, OpenAPI and taxonomies.

#include "api.h"
#include "ecosol/registry/taxonomy.h"

namespace ecosol::http {
namespace {

void Health(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  // Reading the generation proves the database answers; the count (a scan of the actors) is
  // computed once per generation of the registry, so that frequent probes cost little.
  auto generation = ctx.pool->Generation();
  if (!generation.ok()) {
    return SendJson(res, 503,
                    {{"status", "unavailable"}, {"message", generation.status().message()}});
  }
  auto body = ctx.cache->GetOrCompute("health", *generation, [&]() -> std::optional<std::string> {
    auto store = ctx.pool->Acquire();
    auto count = store->CountActors();
    if (!count.ok()) {
      SendJson(res, 503, {{"status", "unavailable"}, {"message", count.status().message()}});
      return std::nullopt;
    }
    return nlohmann::json{
        {"status", "ok"}, {"store", std::string(store->Backend())}, {"actors", *count}}
        .dump();
  });
  if (!body) return;
  // The box index's state changes without the registry changing: added to every answer.
  nlohmann::json out = nlohmann::json::parse(*body);
  if (ctx.box_index) {
    BoxIndex::Stats st = ctx.box_index->stats();
    out["box_index"] = {{"state", st.generation < 0              ? "building"
                                  : st.generation == *generation ? "ready"
                                                                 : "catching up"},
                        {"generation", st.generation},
                        {"actors", st.main_entries - st.dead_entries + st.delta_entries}};
  } else {
    out["box_index"] = {{"state", "off"}};
  }
  SendJson(res, 200, out);
}

void Config(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  const ServerOptions& o = ctx.options;
  auto attributions = ctx.pool->Acquire()->SourceAttributions();
  if (!attributions.ok()) return SendError(res, attributions.status());
  SendJson(res, 200,
           {{"tile_url", o.tile_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.tile_url)},
            {"tile_attribution", o.tile_attribution},
            {"languages", registry::Languages()},
            {"attributions", *attributions}});
}

void Schemes(const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : registry::KnownSchemes()) {
    items.push_back({{"scheme", s.name}, {"title", s.title}});
  }
  SendJson(res, 200, {{"items", items}});
}

void Scheme(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"lang"});
  if (!p.ok()) return SendError(res, p);
  std::string scheme = req.matches[1];
  std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "en";
  const auto& langs = registry::Languages();
  if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
    return SendError(res, InvalidArgument("lang: '" + lang + "' is not one of en, fr, es, pt"),
                     {{"parameter", "lang"}});
  }
  const auto& schemes = registry::KnownSchemes();
  bool known =
      std::any_of(schemes.begin(), schemes.end(), [&](const auto& s) { return s.name == scheme; });
  if (!known) return SendError(res, NotFound("no taxonomy scheme '" + scheme + "'"));
  nlohmann::json terms = nlohmann::json::array();
  for (const model::Term& t : ctx.taxonomy->Terms(scheme)) {
    terms.push_back({{"code", t.code}, {"label", ctx.taxonomy->Label(scheme, t.code, lang)}});
  }
  SendJson(res, 200, {{"scheme", scheme}, {"lang", lang}, {"terms", terms}});
}

}  // namespace

void AddSystemRoutes(Router& router, ApiContext& ctx) {
  auto health = [&ctx](const httplib::Request& q, httplib::Response& r) { Health(ctx, q, r); };
  router.Add("GET", "/health", health);
  router.Add("GET", "/api/v1/health", health);
  router.Add("GET", "/api/v1/config",
             [&ctx](const httplib::Request& q, httplib::Response& r) { Config(ctx, q, r); });
  router.Add("GET", "/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(OpenApiDocument(), "application/json; charset=utf-8");
  });
  router.Add("GET", "/api/v1/taxonomies", Schemes);
  router.Add("GET", "/api/v1/taxonomies/{scheme}",
             [&ctx](const httplib::Request& q, httplib::Response& r) { Scheme(ctx, q, r); });
}

}  // namespace ecosol::http
