// GET /api/v1/ecosystem/trends?territory=&by=&from=&to=&indicators=&format=json|csv&lang=:
// births, deaths, active organisations and yearly indicators of the actors the caller may see
// (docs/ecosystem.md, "Trends"). The public's answer is cached per registry generation and
// number of indicators (which indicator imports change without moving the generation).

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/trends_service.h"
#include "ecosystem_http.h"

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
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv") {
    return SendError(res, InvalidArgument("format: expected json or csv, not '" + format + "'"));
  }
  auto read_lang = ReadLang(req);
  if (!read_lang.ok()) return SendError(res, read_lang.status());
  const std::string lang = *read_lang;
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

  const std::string type =
      format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
  if (format == "csv") {
    res.set_header("Content-Disposition", "attachment; filename=\"ecosol-trends.csv\"");
  }
  AnswerReport(
      ctx, req, res, "trends",
      // Indicator imports change the figures without moving the registry's generation.
      [](store::Store& store) -> Result<std::string> {
        auto figures = store.CountIndicators();
        if (!figures.ok()) return figures.status();
        return std::to_string(*figures);
      },
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto trends = ecosystem::TrendsFor(store, scope, q);
        if (!trends.ok()) return trends.status();
        if (format == "csv") return ecosystem::TrendsToCsv(*trends);
        auto doc = ecosystem::TrendsToJson(*trends, lang);
        if (!doc.ok()) return doc.status();
        return doc->dump();
      },
      type);
}

}  // namespace

void AddTrendsRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ecosystem/trends", Bind(ctx, GetTrends));
}

}  // namespace ecosol::http
