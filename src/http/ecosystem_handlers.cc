// /api/v1/ecosystem/metrics: the measures of the network of actors (docs/ecosystem.md). Readers
// get the network of the actors they may see, as they see them; the public's answers are cached
// per registry generation.

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/service.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

Result<long long> IntParam(const httplib::Request& req, const std::string& name, long long min,
                           long long max, long long fallback) {
  if (!req.has_param(name)) return fallback;
  long long v = 0;
  if (!ParseInt64(req.get_param_value(name), &v) || v < min || v > max) {
    return InvalidArgument(name + ": expected a whole number from " + std::to_string(min) + " to " +
                           std::to_string(max) + ", not '" + req.get_param_value(name) + "'");
  }
  return v;
}

Status ReadRequest(const httplib::Request& req, ecosystem::NetworkFilter* filter,
                   ecosystem::MetricsOptions* options) {
  for (const auto& [name, value] : req.params) {
    if (!IsValidUtf8(value)) return InvalidArgument(name + ": not valid UTF-8");
  }
  filter->territory = req.get_param_value("territory");
  filter->as_of = req.get_param_value("as_of");
  const std::string partners = req.get_param_value("with_partners");
  if (!partners.empty() && partners != "true" && partners != "false" && partners != "1" &&
      partners != "0") {
    return InvalidArgument("with_partners: expected true or false, not '" + partners + "'");
  }
  filter->with_partners = partners == "true" || partners == "1";
  auto types = ecosystem::ParseTypeList(req.get_param_value("type"));
  if (!types.ok()) return types.status();
  filter->types = std::move(*types);
  auto samples = IntParam(req, "samples", 0, 1000000, 0);
  if (!samples.ok()) return samples.status();
  auto seed = IntParam(req, "seed", 0, 4294967295LL, 42);
  if (!seed.ok()) return seed.status();
  std::string betweenness =
      req.has_param("betweenness") ? req.get_param_value("betweenness") : std::string("auto");
  std::string lang = req.has_param("lang") ? req.get_param_value("lang") : std::string("en");
  return ecosystem::SetMetricsOptions(betweenness, static_cast<int>(*samples),
                                      static_cast<uint64_t>(*seed), lang, options);
}

// GET /api/v1/ecosystem/metrics?territory=&type=&as_of=&with_partners=&betweenness=&samples=
// &seed=&lang=
void GetMetrics(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"territory", "type", "as_of", "with_partners", "betweenness",
                               "samples", "seed", "lang"});
  if (!p.ok()) return SendError(res, p);
  ecosystem::NetworkFilter filter;
  ecosystem::MetricsOptions options;
  Status r = ReadRequest(req, &filter, &options);
  if (!r.ok()) return SendError(res, r);
  auto compute = [&](store::Store& store,
                     const auth::Viewer& viewer) -> std::optional<std::string> {
    ecosystem::SnapshotScope scope;
    scope.audience = viewer.audience();
    scope.view = [viewer](model::Actor a) { return viewer.View(std::move(a)); };
    auto report = ecosystem::NetworkReport(store, scope, filter, options);
    if (!report.ok()) return SendError(res, report.status()), std::nullopt;
    return report->dump();
  };
  auto send = [&](std::optional<std::string> body) {
    if (body) res.set_content(std::move(*body), "application/json; charset=utf-8");
  };
  if (HasCredentials(req)) {
    auto store = ctx.pool->Acquire();
    auto viewer = ViewerOf(ctx, req, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    return send(compute(*store, *viewer));
  }
  Result<long long> generation = ctx.pool->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  std::string key = "ecosystem/metrics";
  for (const auto& [name, value] : req.params) key += "\n" + name + "=" + value;
  send(ctx.cache->GetOrCompute(key, *generation, [&]() {
    auto store = ctx.pool->Acquire();
    return compute(*store, auth::Viewer());
  }));
}

}  // namespace

void AddEcosystemRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ecosystem/metrics", Bind(ctx, GetMetrics));
}

}  // namespace ecosol::http
