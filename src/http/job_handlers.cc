// The queue of background jobs (docs/operations.md, "Background jobs"): GET /api/v1/jobs and
// /jobs/{id}, the caller's jobs; POST /api/v1/jobs, a report or the network's measures computed
// by a worker of any server or `ecosol worker` sharing the database; GET /api/v1/jobs/{id}/output,
// what a finished job made. (Imports are queued by POST /api/v1/imports?background=true, the
// screening of the whole registry by POST /api/v1/screenings.)

#include <cstdlib>
#include <string>

#include "api.h"
#include "ecosol/base/clock.h"
#include "ecosol/jobs/worker.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// The document of a finished report is a standalone page with an inline style and no script;
// every output gets that page's policy, so that an output opened from this origin runs nothing.
constexpr char kOutputPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'";

// {"kind": "report"|"analytics", "params": {...}} -> 202 {"job": ...} with its Location. The
// params are those of GET /ecosystem/report and GET /ecosystem/metrics, as JSON values.
void CreateJob(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    if (!body.is_object()) {
      return SendError(res, InvalidArgument("expected a JSON object {\"kind\": ..., "
                                            "\"params\": {...}}"));
    }
    for (const auto& [key, unused] : body.items()) {
      if (key != "kind" && key != "params") {
        return SendError(res,
                         InvalidArgument(key + ": unknown field (known fields: kind, params)"));
      }
    }
    if (!body.contains("kind") || !body["kind"].is_string()) {
      return SendError(res, InvalidArgument("kind: give the kind of job, \"report\" or "
                                            "\"analytics\" (imports: POST "
                                            "/api/v1/imports?background=true; screening: POST "
                                            "/api/v1/screenings with \"all\": true)"));
    }
    const std::string kind = body["kind"];
    if (kind == "report" && ctx.options.frameworks_dir.empty()) {
      return SendError(res, Unavailable("reports need the building blocks, which are not "
                                        "configured on this server (start it with --frameworks)"));
    }
    const json params = body.contains("params") ? body["params"] : json::object();
    auto job = jobs::EnqueueAnalysis(reg.store(), kind, params, c.principal.who,
                                     FormatTimestamp(ctx.clock->Now()));
    if (!job.ok()) {
      return SendError(res, job.status().code() == StatusCode::kInvalidArgument &&
                                    job.status().message().rfind("kind:", 0) != 0
                                ? job.status().WithContext("params")
                                : job.status());
    }
    if (ctx.worker) ctx.worker->Wake();
    res.set_header("Location", "/api/v1/jobs/" + job->id);
    SendJson(res, 202, {{"job", jobs::JobToJson(*job)}});
  });
}

// The job `id` when the caller may see it: who started it and admins; for others the answer of
// a missing job.
Result<store::JobRecord> VisibleJob(store::Store& store, const Caller& caller,
                                    const std::string& id) {
  auto job = store.GetJob(id);
  if (!job.ok()) return job.status();
  if (!job->has_value() || ((*job)->who != caller.principal.who && !caller.principal.IsAdmin())) {
    return NotFound("no job '" + id + "'");
  }
  return std::move(**job);
}

void GetJob(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto job = VisibleJob(*store, *caller, req.matches[1]);
  if (!job.ok()) return SendError(res, job.status());
  SendJson(res, 200, jobs::JobToJson(*job));
}

// GET /api/v1/jobs?state=&limit=: the caller's jobs (everyone's for admins), newest first.
void ListJobs(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {"state", "limit"});
  if (!s.ok()) return SendError(res, s);
  std::string state = req.has_param("state") ? req.get_param_value("state") : "";
  if (!state.empty() && state != "queued" && state != "running" && state != "done" &&
      state != "failed") {
    return SendError(
        res, InvalidArgument("state: '" + state + "' is not one of queued, running, done, failed"));
  }
  int limit = 100;
  if (req.has_param("limit")) {
    const std::string v = req.get_param_value("limit");
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 500) {
      return SendError(
          res, InvalidArgument("limit: expected a whole number from 1 to 500, not '" + v + "'"));
    }
    limit = static_cast<int>(n);
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  if (!caller->principal.signed_in && !caller->principal.IsAdmin()) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "sign in to see the background jobs you started"));
  }
  auto listed =
      store->ListJobs(caller->principal.IsAdmin() ? "" : caller->principal.who, state, limit);
  if (!listed.ok()) return SendError(res, listed.status());
  json items = json::array();
  for (const store::JobRecord& job : *listed) items.push_back(jobs::JobToJson(job));
  SendJson(res, 200, {{"items", items}});
}

void GetJobOutput(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  const std::string id = req.matches[1];
  auto job = VisibleJob(*store, *caller, id);
  if (!job.ok()) return SendError(res, job.status());
  if (job->state != "done") {
    return SendError(res, Conflict("job " + id + " is " + job->state +
                                   "; its output is there once it is done (GET /api/v1/jobs/" + id +
                                   " says how far it is)"));
  }
  auto output = store->GetJobOutput(id);
  if (!output.ok()) return SendError(res, output.status());
  if (!output->has_value()) {
    return SendError(res, NotFound("job " + id + " (" + job->kind +
                                   ") has no output: its result is in GET /api/v1/jobs/" + id));
  }
  res.set_header("Content-Security-Policy", kOutputPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "private, no-store");
  res.set_header("Content-Disposition", "attachment; filename=\"" + (*output)->name + "\"");
  res.set_content(std::move((*output)->content), (*output)->content_type);
}

}  // namespace

void AddJobRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/jobs", Bind(ctx, ListJobs));
  router.Add("POST", "/api/v1/jobs", Bind(ctx, CreateJob));
  router.Add("GET", "/api/v1/jobs/{id}", Bind(ctx, GetJob));
  router.Add("GET", "/api/v1/jobs/{id}/output", Bind(ctx, GetJobOutput));
}

}  // namespace ecosol::http
