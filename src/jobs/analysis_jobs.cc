// The "report" and "analytics" jobs: a territory's report (docs/reports.md) and the measures of
// the network of actors (docs/ecosystem.md), computed by a worker as whoever started the job
// sees the registry, and kept as the job's output (Store::PutJobOutput). Both only read the
// registry: the output and the job's checkpoint, which holds the result, are written in one
// transaction, so a worker killed before it leaves nothing and the next attempt computes again,
// and one killed after it leaves the output, which the next attempt only reports.

#include <string>

#include "ecosol/auth/accounts.h"
#include "ecosol/auth/policy.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/service.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/report/territory.h"

namespace ecosol::jobs {
namespace {

using nlohmann::json;

constexpr char kOutput[] = "output";

Status CheckKeys(const json& params, std::initializer_list<const char*> keys) {
  if (!params.is_object()) return InvalidArgument("params: expected a JSON object");
  for (const auto& [key, value] : params.items()) {
    bool known = false;
    for (const char* k : keys) known = known || key == k;
    if (!known) {
      std::string list;
      for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
      return InvalidArgument(key + ": not a parameter of this job (expected " + list + ")");
    }
  }
  return Status::Ok();
}

Result<std::string> Text(const json& params, const char* key, const std::string& fallback) {
  if (!params.contains(key)) return fallback;
  if (!params[key].is_string()) return InvalidArgument(std::string(key) + ": expected text");
  std::string v = params[key].get<std::string>();
  if (!IsValidUtf8(v)) return InvalidArgument(std::string(key) + ": not valid UTF-8");
  return v;
}

Result<long long> Whole(const json& params, const char* key, long long min, long long max,
                        long long fallback) {
  if (!params.contains(key)) return fallback;
  const json& v = params[key];
  if (!v.is_number_integer() || v.get<long long>() < min || v.get<long long>() > max) {
    return InvalidArgument(std::string(key) + ": expected a whole number from " +
                           std::to_string(min) + " to " + std::to_string(max));
  }
  return v.get<long long>();
}

// "CA/QC" -> "CA-QC", for file names.
std::string Slug(const std::string& territory) {
  std::string s;
  for (char c : territory) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    s += plain ? c : '-';
  }
  return s;
}

// How whoever started the job sees the registry: a user (or the owner of the API token it was
// started with) as their grants allow today, a user since disabled or removed nothing, the
// admin token holder and the command line everything.
Result<ecosystem::SnapshotScope> ScopeOf(const JobServices& services, store::Store& store,
                                         const std::string& who) {
  auth::Principal principal;
  if (who == "admin-token" || StartsWith(who, "cli:")) {
    principal = auth::AdminTokenHolder();
  } else if (StartsWith(who, "user:") || StartsWith(who, "token:")) {
    // A job started with an API token sees what the token's owner sees.
    std::string id = who.substr(5);
    if (StartsWith(who, "token:")) {
      auto token = store.GetToken(who.substr(6));
      if (!token.ok()) return token.status();
      id = token->has_value() ? (*token)->user_id : "";
    }
    auto user = store.GetUser(id);
    if (!user.ok()) return user.status();
    if (!user->has_value() || (*user)->disabled) {
      return Status(StatusCode::kPermissionDenied,
                    "the account that started this job (" + who +
                        ") no longer exists or is "
                        "disabled; start the job again from an active account");
    }
    auth::Accounts accounts(store, *services.clock);
    auto p = accounts.PrincipalOf(**user);
    if (!p.ok()) return p.status();
    principal = std::move(*p);
  } else {
    return Status(StatusCode::kPermissionDenied,
                  "this job was started by '" + who + "', whose view of the registry is unknown");
  }
  auto viewer = auth::Viewer::For(principal, store);
  if (!viewer.ok()) return viewer.status();
  ecosystem::SnapshotScope scope;
  scope.audience = viewer->audience();
  scope.view = [v = *viewer](model::Actor a) { return v.View(std::move(a)); };
  return scope;
}

// Stores `output` and the job's result together; the result names the output.
Result<std::string> Finish(store::Store& store, const store::JobRecord& job, JobControl& control,
                           const store::JobOutput& output, json result) {
  result["output"] = {{"name", output.name},
                      {"content_type", output.content_type},
                      {"bytes", output.content.size()}};
  const std::string text = result.dump();
  Status s = store.InTransaction([&]() -> Status {
    ECOSOL_RETURN_IF_ERROR(control.Checkpoint(1, 1, std::string(kOutput) + text));
    return store.PutJobOutput(job.id, output);
  });
  if (!s.ok()) return s;
  return text;
}

// The result an earlier attempt stored with its output, if it got that far.
std::optional<Result<std::string>> Stored(const store::JobRecord& job) {
  if (job.checkpoint.rfind(kOutput, 0) != 0) return std::nullopt;
  json result = json::parse(job.checkpoint.substr(std::size(kOutput) - 1), nullptr, false);
  if (!result.is_object()) return Result<std::string>(Internal("job: its checkpoint is damaged"));
  return Result<std::string>(result.dump());
}

Result<std::string> RunReport(const JobServices& services, store::Store& store,
                              const store::JobRecord& job, JobControl& control) {
  if (auto stored = Stored(job)) return *stored;
  auto request = ReportRequestOf(json::parse(job.params, nullptr, false));
  if (!request.ok()) return request.status().WithContext("job params");
  if (services.frameworks_dir.empty()) {
    return Unavailable(
        "reports need the building blocks, which this worker does not have (start "
        "it with --frameworks)");
  }
  auto framework = ecosystem::BlocksFrameworkIn(services.frameworks_dir);
  if (!framework.ok()) return framework.status();
  auto scope = ScopeOf(services, store, job.who);
  if (!scope.ok()) return scope.status();
  auto doc = report::TerritoryReportFor(store, *scope, **framework, request->territory,
                                        request->lang, FormatDate(services.clock->Now()));
  if (!doc.ok()) return doc.status();
  store::JobOutput output;
  output.name =
      "ecosol-report-" + Slug(request->territory) + "-" + request->lang + "." + request->format;
  if (request->format == "pdf") {
    auto pdf = report::RenderPdf(*doc);
    if (!pdf.ok()) return pdf.status();
    output.content = std::move(*pdf);
    output.content_type = "application/pdf";
  } else {
    output.content = report::RenderHtml(*doc);
    output.content_type = "text/html; charset=utf-8";
  }
  return Finish(store, job, control, output,
                {{"territory", request->territory},
                 {"lang", request->lang},
                 {"format", request->format},
                 {"title", doc->title}});
}

Result<std::string> RunAnalytics(const JobServices& services, store::Store& store,
                                 const store::JobRecord& job, JobControl& control) {
  if (auto stored = Stored(job)) return *stored;
  json params = json::parse(job.params, nullptr, false);
  auto request = AnalyticsRequestOf(params);
  if (!request.ok()) return request.status().WithContext("job params");
  auto scope = ScopeOf(services, store, job.who);
  if (!scope.ok()) return scope.status();
  auto measures = ecosystem::NetworkReport(store, *scope, request->filter, request->options);
  if (!measures.ok()) return measures.status();
  store::JobOutput output;
  output.name = "ecosol-metrics" +
                (request->filter.territory.empty() ? "" : "-" + Slug(request->filter.territory)) +
                ".json";
  output.content_type = "application/json; charset=utf-8";
  output.content = measures->dump();
  json result = {{"filter", (*measures)["filter"]}};
  if (measures->contains("summary")) result["summary"] = (*measures)["summary"];
  return Finish(store, job, control, output, std::move(result));
}

}  // namespace

Result<ReportRequest> ReportRequestOf(const json& params) {
  ECOSOL_RETURN_IF_ERROR(CheckKeys(params, {"territory", "lang", "format"}));
  ReportRequest r;
  auto territory = Text(params, "territory", "");
  if (!territory.ok()) return territory.status();
  if (territory->empty()) {
    return InvalidArgument(
        "territory: give the territory to report on (\"CA/QC\"; GET /api/v1/territories or "
        "`ecosol territories list` lists them)");
  }
  r.territory = std::move(*territory);
  auto lang = Text(params, "lang", "en");
  if (!lang.ok()) return lang.status();
  ECOSOL_RETURN_IF_ERROR(ecosystem::CheckLanguage(*lang));
  r.lang = std::move(*lang);
  auto format = Text(params, "format", "html");
  if (!format.ok()) return format.status();
  if (*format != "html" && *format != "pdf") {
    return InvalidArgument("format: expected html or pdf, not '" + *format + "'");
  }
  r.format = std::move(*format);
  return r;
}

json ReportParams(const ReportRequest& r) {
  return {{"territory", r.territory}, {"lang", r.lang}, {"format", r.format}};
}

Result<AnalyticsRequest> AnalyticsRequestOf(const json& params) {
  ECOSOL_RETURN_IF_ERROR(CheckKeys(params, {"territory", "type", "as_of", "with_partners",
                                            "betweenness", "samples", "seed", "lang"}));
  AnalyticsRequest r;
  auto territory = Text(params, "territory", "");
  if (!territory.ok()) return territory.status();
  r.filter.territory = std::move(*territory);
  auto as_of = Text(params, "as_of", "");
  if (!as_of.ok()) return as_of.status();
  r.filter.as_of = std::move(*as_of);
  if (params.contains("with_partners")) {
    if (!params["with_partners"].is_boolean()) {
      return InvalidArgument("with_partners: expected true or false");
    }
    r.filter.with_partners = params["with_partners"].get<bool>();
  }
  auto types = Text(params, "type", "");
  if (!types.ok()) return types.status();
  auto parsed = ecosystem::ParseTypeList(*types);
  if (!parsed.ok()) return parsed.status();
  r.filter.types = std::move(*parsed);
  ECOSOL_RETURN_IF_ERROR(ecosystem::CheckFilter(r.filter));
  auto betweenness = Text(params, "betweenness", "auto");
  if (!betweenness.ok()) return betweenness.status();
  auto samples = Whole(params, "samples", 0, 1000000, 0);
  if (!samples.ok()) return samples.status();
  auto seed = Whole(params, "seed", 0, 4294967295LL, 42);
  if (!seed.ok()) return seed.status();
  auto lang = Text(params, "lang", "en");
  if (!lang.ok()) return lang.status();
  ECOSOL_RETURN_IF_ERROR(ecosystem::SetMetricsOptions(
      *betweenness, static_cast<int>(*samples), static_cast<uint64_t>(*seed), *lang, &r.options));
  r.params = {{"territory", r.filter.territory},
              {"type", *types},
              {"as_of", r.filter.as_of},
              {"with_partners", r.filter.with_partners},
              {"betweenness", *betweenness},
              {"samples", *samples},
              {"seed", *seed},
              {"lang", *lang}};
  return r;
}

// NotFound for a territory the registry does not have, as the endpoints answer it.
Status CheckTerritory(store::Store& store, const std::string& id) {
  if (id.empty()) return Status::Ok();
  auto territory = store.GetTerritory(id);
  if (!territory.ok()) return territory.status();
  if (!territory->has_value()) {
    return NotFound("territory: no territory with id '" + id +
                    "' (GET /api/v1/territories or `ecosol territories list` lists them)");
  }
  return Status::Ok();
}

Result<store::JobRecord> EnqueueAnalysis(store::Store& store, const std::string& kind,
                                         const json& params, const std::string& who,
                                         const std::string& now) {
  if (kind == "report") {
    auto r = ReportRequestOf(params);
    if (!r.ok()) return r.status();
    ECOSOL_RETURN_IF_ERROR(CheckTerritory(store, r->territory));
    return Enqueue(store, kind, ReportParams(*r), who, now);
  }
  if (kind == "analytics") {
    auto r = AnalyticsRequestOf(params);
    if (!r.ok()) return r.status();
    ECOSOL_RETURN_IF_ERROR(CheckTerritory(store, r->filter.territory));
    return Enqueue(store, kind, r->params, who, now);
  }
  return InvalidArgument("kind: '" + kind + "' is not report or analytics");
}

void AddAnalysisHandlers(const JobServices& services, std::map<std::string, JobHandler>* handlers) {
  (*handlers)["report"] = [services](store::Store& store, const store::JobRecord& job,
                                     JobControl& control) {
    return RunReport(services, store, job, control);
  };
  (*handlers)["analytics"] = [services](store::Store& store, const store::JobRecord& job,
                                        JobControl& control) {
    return RunAnalytics(services, store, job, control);
  };
}

}  // namespace ecosol::jobs
