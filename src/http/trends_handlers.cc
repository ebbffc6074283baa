// GET /api/v1/ecosystem/trends?territory=&by=&from=&to=&indicators=&format=json|csv&lang=:
// births, deaths, active organisations and yearly indicators of the actors the caller may see
// (docs/ecosystem.md, "Trends"). The public's answer is cached per registry generation and
// number of indicators (which indicator imports change without moving the generation).

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/trends_service.h"

namespace ecosol::http {
namespace {

Result<int> YearParam(const httplib::Request& req, const std::string& name) {
  if (!req.has_param(name)) return 0;
  long long year = 0;
  const std::string v = req.get_param_value(name);
  if (!ParseInt64(v, &year) || year < ecosystem::kTrendsFirstYear ||
      year > ecosystem::kTrendsLastYear) {
    return InvalidArgument(name + ": expected a year from " +
                           std::to_string(ecosystem::kTrendsFirstYear) + " to " +
                           std::to_string(ecosystem::kTrendsLastYear) + ", not '" + v + "'");
  }
  return static_cast<int>(year);
}

void GetTrends(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status params =
      CheckParams(req, {"territory", "by", "from", "to", "indicators", "format", "lang"});
  if (!params.ok()) return SendError(res, params);
  for (const auto& [name, value] : req.params) {
    if (!IsValidUtf8(value)) return SendError(res, InvalidArgument(name + ": not valid UTF-8"));
  }
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv") {
    return SendError(res, InvalidArgument("format: expected json or csv, not '" + format + "'"));
  }
  const std::string lang = req.get_param_value("lang");
  if (!lang.empty()) {
    Status l = ecosystem::CheckLanguage(lang);
    if (!l.ok()) return SendError(res, l);
  }
  ecosystem::TrendsQuery q;
  q.territory = req.get_param_value("territory");
  if (req.has_param("by")) q.dimension = req.get_param_value("by");
  auto from = YearParam(req, "from");
  if (!from.ok()) return SendError(res, from.status());
  auto to = YearParam(req, "to");
  if (!to.ok()) return SendError(res, to.status());
  if (*from != 0) q.from_year = *from;
  if (*to != 0) q.to_year = *to;
  q.indicators = ecosystem::ParseNameList(req.get_param_value("indicators"));

  auto compute = [&](store::Store& store,
                     const auth::Viewer& viewer) -> std::optional<std::string> {
    ecosystem::SnapshotScope scope;
    scope.audience = viewer.audience();
    scope.view = [viewer](model::Actor a) { return viewer.View(std::move(a)); };
    auto trends = ecosystem::TrendsFor(store, scope, q);
    if (!trends.ok()) return SendError(res, trends.status()), std::nullopt;
    if (format == "csv") return ecosystem::TrendsToCsv(*trends);
    auto doc = ecosystem::TrendsToJson(*trends, lang);
    if (!doc.ok()) return SendError(res, doc.status()), std::nullopt;
    return doc->dump();
  };
  const std::string type =
      format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  auto send = [&](std::optional<std::string> body) {
    if (!body) return;
    res.set_content(std::move(*body), type);
    if (format == "csv") {
      res.set_header("Content-Disposition", "attachment; filename=\"ecosol-trends.csv\"");
    }
  };
  auto store = ctx.pool->Acquire();
  if (HasCredentials(req)) {
    auto viewer = ViewerOf(ctx, req, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    return send(compute(*store, *viewer));
  }
  Result<long long> generation = ctx.pool->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  auto figures = store->CountIndicators();
  if (!figures.ok()) return SendError(res, figures.status());
  std::string key = "ecosystem/trends\n" + std::to_string(*figures);
  for (const auto& [param, value] : req.params) key += "\n" + param + "=" + value;
  send(
      ctx.cache->GetOrCompute(key, *generation, [&]() { return compute(*store, auth::Viewer()); }));
}

}  // namespace

void AddTrendsRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ecosystem/trends", Bind(ctx, GetTrends));
}

}  // namespace ecosol::http
