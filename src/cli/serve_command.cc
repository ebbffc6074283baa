// `ecosol serve`.

#include <iostream>

#include "context.h"
#include "ecosol/http/server.h"
#include "serve_config.h"
#include "signal_stopper.h"

namespace ecosol::cli {
namespace {

void RunServe(Context& ctx, http::ServerOptions o) {
  o.db_url = ctx.db;
  o.frameworks_dir = FrameworksDir(ctx);
  o.clauses_dir = DataDir(ctx) + "/clauses";
  if (o.admin_token.empty()) {
    if (const char* env = std::getenv("ECOSOL_ADMIN_TOKEN")) o.admin_token = env;
  }
  SignalStopper stopper;  // before the server creates its threads
  auto server = http::Server::Create(o);
  if (!server.ok()) return Fail(ctx, server.status());
  Status bound = (*server)->Bind();
  if (!bound.ok()) return Fail(ctx, bound);
  *ctx.out << "Ecosol is serving on http://" << o.host << ":" << (*server)->port() << "/"
           << (o.web_root.empty() ? " (API only)" : "") << "\n"
           << (o.admin_token.empty()
                   ? ""
                   : "the admin token acts as an instance admin; prefer accounts and API tokens "
                     "(docs/security.md)\n")
           << std::flush;
  http::Server* serving = server->get();
  stopper.Watch([serving](const char* signal) {
    http::LogShutdown(signal);
    serving->Stop();
  });
  Status s = (*server)->Listen();
  if (!s.ok()) return Fail(ctx, s);
  *ctx.out << "Ecosol has stopped; the requests in flight were answered\n" << std::flush;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<http::ServerOptions>();
  o->web_root = std::string(ECOSOL_PROJECT_DIR) + "/web/dist";
  CLI::App* serve = app.add_subcommand("serve", "Serve the web app and the HTTP API");
  serve->add_option("--host", o->host, "Address to listen on")->capture_default_str();
  serve->add_option("--port", o->port, "Port (0 picks a free one)")->capture_default_str();
  serve->add_option("--web-root", o->web_root, "Folder of the built web app (empty: API only)")
      ->capture_default_str();
  serve->add_option("--admin-token", o->admin_token,
                    "A token that acts as an instance admin, for set-up before any account "
                    "exists (env ECOSOL_ADMIN_TOKEN)");
  serve->add_option("--cors-origin", o->cors_origins,
                    "A browser origin allowed to call the API from another site, such as "
                    "https://map.example.org (repeatable; none by default)");
  serve
      ->add_option("--secure-cookies", o->secure_cookies,
                   "Mark the session cookie Secure (set it when served over HTTPS; a proxy's "
                   "X-Forwarded-Proto: https does the same)")
      ->capture_default_str();
  serve->add_option("--session-minutes", o->session_minutes, "How long a sign-in lasts")
      ->capture_default_str();
  serve->add_option("--tile-url", o->tile_url,
                    "Online map tiles, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
                    "(default: offline country outlines only)");
  serve->add_option("--tile-attribution", o->tile_attribution, "Attribution of the tiles");
  serve->add_option("--threads", o->threads, "Request threads")->capture_default_str();
  serve->add_option("--db-connections", o->store_connections, "Database connections")
      ->capture_default_str();
  auto cache_mb = std::make_shared<size_t>(o->cache_bytes >> 20);
  serve
      ->add_option("--cache-mb", *cache_mb,
                   "Memory for cached listing and search responses, in MiB (0: no cache)")
      ->capture_default_str();
  serve
      ->add_option("--box-index", o->box_index,
                   "Answer listings by box from an in-memory index of the located actors "
                   "(about 175 bytes a located actor; false: from the database)")
      ->capture_default_str();
  serve->add_option("--public-url", o->public_url,
                    "Where the instance is published (the base of actor IRIs in exports and of "
                    "Murmurations profile URLs; default: http://HOST:PORT)");
  serve
      ->add_option("--murmurations-schemas", o->murmurations_schemas,
                   "Folder of the Murmurations JSON Schemas and field files, to check imported "
                   "profiles")
      ->envname("ECOSOL_MURMURATIONS_SCHEMAS");
  serve
      ->add_option("--access-log", o->access_log,
                   "Write one JSON line per request on standard error (docs/operations.md)")
      ->capture_default_str();
  serve->add_option("--replica-db", o->replica_url,
                    "A PostgreSQL streaming replica of --db: listings, map points and actor pages "
                    "are read from it, except right after a client's own writes");
  serve
      ->add_option("--workers", o->workers,
                   "Threads running background jobs from the database's queue (0: leave them to "
                   "other servers and `ecosol worker` processes)")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  serve
      ->add_option("--job-lease-seconds", o->job_lease_seconds,
                   "How long a job's claim holds without renewal (a dead worker's job waits "
                   "that long before another takes it over)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve
      ->add_option("--metrics", o->metrics_access,
                   "Who may read GET /metrics: local (clients on this machine), public, or off")
      ->check(CLI::IsMember({"local", "public", "off"}))
      ->capture_default_str();
  auto body_mb = std::make_shared<size_t>(o->max_body_bytes >> 20);
  serve
      ->add_option("--max-body-mb", *body_mb,
                   "Largest request body accepted, in MiB, except imports (--max-import-mb)")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  auto import_mb = std::make_shared<size_t>(o->max_import_bytes >> 20);
  serve->add_option("--max-import-mb", *import_mb, "Largest file accepted by POST /api/v1/imports")
      ->capture_default_str();
  auto config = std::make_shared<std::string>();
  serve
      ->add_option("--config", *config,
                   "A TOML file of settings: a [serve] table with these options' names "
                   "(dashes as underscores) and a top-level db; the command line, then "
                   "ECOSOL_<OPTION> variables, take precedence (docs/operations.md)")
      ->envname("ECOSOL_CONFIG");
  serve->callback([&ctx, serve, o, config, cache_mb, import_mb, body_mb] {
    Status configured = ApplyServeConfig(*serve, *config, ProcessEnvironment());
    if (!configured.ok()) return Fail(ctx, configured);
    o->max_body_bytes = *body_mb << 20;
    o->max_import_bytes = *import_mb << 20;
    o->cache_bytes = *cache_mb << 20;
    RunServe(ctx, *o);
  });
}

}  // namespace ecosol::cli
