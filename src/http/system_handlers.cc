// Health, configuration, OpenAPI and taxonomies.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>

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

// GET /ready: whether this server should be sent traffic: its database answers and it is not
// shutting down. Load balancers and orchestrators poll it (docs/operations.md).
void Ready(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  if (ctx.draining) {
    return SendJson(res, 503,
                    {{"status", "draining"},
                     {"message", "the server is shutting down; requests in flight finish"}});
  }
  auto generation = ctx.pool->Generation();
  if (!generation.ok()) {
    return SendJson(
        res, 503,
        {{"status", "unavailable"},
         {"message", "the database does not answer: " + generation.status().message()}});
  }
  SendJson(res, 200, {{"status", "ready"}, {"generation", *generation}});
}

bool Loopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "::ffff:127.0.0.1" ||
         address.rfind("127.", 0) == 0;
}

// The resident memory of this process, in bytes (/proc/self/statm); -1 when unknown.
double ResidentBytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return -1;
  long pages = 0, resident = 0;
  const int read = std::fscanf(f, "%ld %ld", &pages, &resident);
  std::fclose(f);
  return read == 2 ? static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE))
                   : -1;
}

// GET /metrics: the Prometheus text format (metrics.h). Loopback clients only unless the
// server was started with --metrics public.
void MetricsPage(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  const std::string& access = ctx.options.metrics_access;
  if (access == "off") {
    return SendError(res, NotFound("/metrics: turned off on this server (--metrics off)"));
  }
  if (access != "public" && !Loopback(req.remote_addr)) {
    return SendError(res, Status(StatusCode::kPermissionDenied,
                                 "/metrics: only clients on this machine may read the metrics; "
                                 "start the server with --metrics public to open them"));
  }
  std::string out = ctx.metrics.Render();
  const StorePool::Stats pool = ctx.pool->stats();
  AppendMetric(out, "ecosol_db_pool_connections", "gauge", "Database connections in the pool.",
               pool.size);
  AppendMetric(out, "ecosol_db_pool_connections_idle", "gauge", "Database connections free now.",
               pool.idle);
  AppendMetric(out, "ecosol_db_pool_waits_total", "counter",
               "Requests that waited for a free database connection.",
               static_cast<double>(pool.waits));
  AppendMetric(out, "ecosol_db_pool_wait_seconds_total", "counter",
               "Seconds requests spent waiting for a database connection.", pool.wait_seconds);
  if (ctx.replica) {
    AppendMetric(out, "ecosol_replica_reads_total", "counter",
                 "Reads answered by the read replica.",
                 static_cast<double>(ctx.replica_reads.load()));
    AppendMetric(out, "ecosol_replica_lagging_reads_total", "counter",
                 "Reads sent to the primary because the replica had not replayed the client's "
                 "last write.",
                 static_cast<double>(ctx.primary_reads.load()));
    AppendMetric(out, "ecosol_replica_errors_total", "counter",
                 "Reads sent to the primary because the replica did not answer.",
                 static_cast<double>(ctx.replica_errors.load()));
  }
  const jobs::Worker::Stats worker = ctx.worker ? ctx.worker->stats() : jobs::Worker::Stats();
  AppendMetric(out, "ecosol_jobs_claimed_total", "counter",
               "Background jobs this server's worker threads claimed.",
               static_cast<double>(worker.claimed));
  AppendMetric(out, "ecosol_jobs_done_total", "counter",
               "Background jobs this server's worker threads finished.",
               static_cast<double>(worker.done));
  AppendMetric(out, "ecosol_jobs_failed_total", "counter",
               "Background jobs that failed on this server's worker threads.",
               static_cast<double>(worker.failed));
  AppendMetric(out, "ecosol_jobs_handed_back_total", "counter",
               "Background jobs this server's worker threads gave back unfinished.",
               static_cast<double>(worker.handed_back));
  AppendMetric(out, "ecosol_jobs_running", "gauge",
               "Background jobs running on this server's worker threads.",
               static_cast<double>(worker.running));
  // The queue shared by every server and worker: one sample per state.
  {
    auto store = ctx.pool->Acquire();
    auto counts = store->JobCounts();
    if (counts.ok()) {
      out +=
          "# HELP ecosol_jobs Background jobs in the database's queue, by state.\n"
          "# TYPE ecosol_jobs gauge\n";
      std::map<std::string, long long> by_state = {
          {"queued", 0}, {"running", 0}, {"done", 0}, {"failed", 0}};
      for (const auto& [state, n] : *counts) by_state[state] = n;
      for (const auto& [state, n] : by_state) {
        out += "ecosol_jobs{state=\"" + PrometheusLabel(state) + "\"} " + std::to_string(n) + "\n";
      }
    }
  }
  const ResponseCache::Stats cache = ctx.cache->stats();
  AppendMetric(out, "ecosol_response_cache_hits_total", "counter",
               "Listings and searches answered from the response cache.",
               static_cast<double>(cache.hits));
  AppendMetric(out, "ecosol_response_cache_misses_total", "counter",
               "Listings and searches the response cache had to compute.",
               static_cast<double>(cache.misses));
  AppendMetric(out, "ecosol_response_cache_revalidated_total", "counter",
               "Searches kept from an earlier generation: no actor written since touches them.",
               static_cast<double>(cache.revalidated));
  AppendMetric(out, "ecosol_response_cache_stale_total", "counter",
               "Searches answered with the previous answer while another request computed the new.",
               static_cast<double>(cache.stale));
  AppendMetric(out, "ecosol_response_cache_bytes", "gauge", "Bytes held by the response cache.",
               static_cast<double>(cache.bytes));
  AppendMetric(out, "ecosol_draining", "gauge", "1 while the server shuts down, else 0.",
               ctx.draining ? 1 : 0);
  AppendMetric(out, "process_start_time_seconds", "gauge",
               "When the server started, in seconds since the Unix epoch.",
               static_cast<double>(
                   std::chrono::duration_cast<std::chrono::seconds>(ctx.started.time_since_epoch())
                       .count()));
  AppendMetric(out, "process_resident_memory_bytes", "gauge", "Resident memory of the server.",
               ResidentBytes());
  res.set_content(out, "text/plain; version=0.0.4; charset=utf-8");
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
  router.Add("GET", "/ready",
             [&ctx](const httplib::Request& q, httplib::Response& r) { Ready(ctx, q, r); });
  router.Add("GET", "/metrics",
             [&ctx](const httplib::Request& q, httplib::Response& r) { MetricsPage(ctx, q, r); });
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
