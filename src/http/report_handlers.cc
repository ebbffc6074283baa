// GET /api/v1/ecosystem/report?territory=&lang=&format=html|pdf: the territory report
// (docs/reports.md) of what the caller may see, as a standalone HTML page or a PDF. The public's
// answer is cached per registry generation, day, perception assessments and indicators.

#include <string>

#include "api.h"
#include "ecosol/base/clock.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/report/territory.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

// The HTML report has an inline style and no script; the web app may show it in a frame.
constexpr char kReportPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'";

void GetReport(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status params = CheckParams(req, {"territory", "lang", "format"});
  if (!params.ok()) return SendError(res, params);
  auto read_lang = ReadLang(req);
  if (!read_lang.ok()) return SendError(res, read_lang.status());
  const std::string lang = read_lang->empty() ? "en" : *read_lang;
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
  if (format != "html" && format != "pdf") {
    return SendError(res, InvalidArgument("format: expected html or pdf, not '" + format + "'"));
  }
  const std::string territory = req.get_param_value("territory");
  if (territory.empty()) {
    return SendError(res,
                     InvalidArgument("territory: give the territory to report on "
                                     "(?territory=CA/QC; GET /api/v1/territories lists them)"));
  }
  if (ctx.options.frameworks_dir.empty()) {
    return SendError(res, Unavailable("reports need the building blocks, which are not "
                                      "configured on this server (start it with --frameworks)"));
  }
  auto framework = ecosystem::BlocksFrameworkIn(ctx.options.frameworks_dir);
  if (!framework.ok()) return SendError(res, Unavailable(framework.status().message()));
  const std::string today = FormatDate(SystemClock().Now());
  const std::string slug = [&] {
    std::string s = territory;
    for (char& c : s) {
      if (c == '/') c = '-';
    }
    return s;
  }();
  if (format == "pdf") {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"ecosol-report-" + slug + "-" + lang + ".pdf\"");
  } else {
    res.set_header("Content-Security-Policy", kReportPolicy);
    res.set_header("X-Frame-Options", "SAMEORIGIN");
  }
  AnswerReport(
      ctx, req, res, "report",
      [&](store::Store& store) -> Result<std::string> {
        auto inputs = ecosystem::BlocksInputsStamp(store, {territory});
        if (!inputs.ok()) return inputs.status();
        auto sources = store.SourceAttributions();
        if (!sources.ok()) return sources.status();
        return today + "\n" + *inputs + "\n" + std::to_string(sources->size());
      },
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto doc = report::TerritoryReportFor(store, scope, **framework, territory, lang, today);
        if (!doc.ok()) return doc.status();
        if (format == "pdf") return report::RenderPdf(*doc);
        return report::RenderHtml(*doc);
      },
      format == "pdf" ? "application/pdf" : "text/html; charset=utf-8");
}

}  // namespace

void AddReportRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ecosystem/report", Bind(ctx, GetReport));
}

}  // namespace ecosol::http
