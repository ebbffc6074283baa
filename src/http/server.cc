#include "ecosol/http/server.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <random>

#include "api.h"
#include "ecosol/base/strings.h"
#include "openapi_json.h"

namespace ecosol::http {
namespace {

const char* DefaultCode(int status) {
  switch (status) {
    case 400:
      return "invalid_argument";
    case 401:
      return "unauthenticated";
    case 403:
      return "permission_denied";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    default:
      return status >= 500 ? "internal" : "invalid_argument";
  }
}

std::string DefaultMessage(const httplib::Request& req, int status) {
  switch (status) {
    case 404:
      return "no such endpoint or file: " + req.method + " " + req.path +
             " (the API is described at /api/v1/openapi.json)";
    case 413:
      return "the request body is larger than the server accepts (1 MiB by default; `ecosol serve "
             "--max-body-mb` sets it)";
    case 400:
      return "the request could not be read (malformed HTTP)";
    default:
      return "the request failed with HTTP status " + std::to_string(status);
  }
}

// The Content-Security-Policy of every response: only this origin's scripts, styles and data;
// images also from the configured map tile server; never framed.
std::string ContentSecurityPolicy(const ServerOptions& o) {
  std::string tiles;
  if (!o.tile_url.empty()) {
    // "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> "https://*.tile.example.org"
    std::string url = o.tile_url;
    size_t scheme = url.find("://");
    size_t end = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
    std::string origin = url.substr(0, end);
    size_t sub = origin.find("{s}");
    if (sub != std::string::npos) origin.replace(sub, 3, "*");
    if (origin.find('{') == std::string::npos) tiles = " " + origin;
  }
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles +
         "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
}

// The request of this thread: when its headers were read, and whether the pre-routing handler
// counted it (so that the logger closes each request once).
thread_local std::chrono::steady_clock::time_point t_started;
thread_local bool t_counted = false;

// A request id: 16 random hex digits.
std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(rng()));
  return text;
}

// The client's X-Request-Id when it is a plausible id (1 to 128 letters, digits and ._:-), so
// that a proxy's id follows the request through the logs; a new one otherwise.
std::string RequestIdOf(const httplib::Request& req) {
  const std::string given = req.get_header_value("X-Request-Id");
  const bool plausible =
      !given.empty() && given.size() <= 128 && std::all_of(given.begin(), given.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' ||
               c == '-';
      });
  return plausible ? given : NewRequestId();
}

class ServerImpl : public Server {
 public:
  explicit ServerImpl(std::unique_ptr<ApiContext> ctx) : ctx_(std::move(ctx)) {
    const int threads = ctx_->options.threads;
    server_.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));  // owned by httplib
    };
    // Imports may send files up to max_import_bytes; every other request is refused above
    // max_body_bytes before its body is read.
    server_.set_payload_max_length(
        std::max(ctx_->options.max_body_bytes, ctx_->options.max_import_bytes));
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      // Every request that reaches routing is counted in flight, timed and given its id here
      // (the logger below closes it); malformed ones are answered before routing.
      ctx_->metrics.RequestStarted();
      t_started = std::chrono::steady_clock::now();
      t_counted = true;
      SetCurrentRequest("", RequestIdOf(req));
      if (req.path == "/api/v1/imports") return httplib::Server::HandlerResponse::Unhandled;
      long long length = 0;
      if (ParseInt64(req.get_header_value("Content-Length"), &length) &&
          static_cast<size_t>(std::max(0LL, length)) > ctx_->options.max_body_bytes) {
        res.status = 413;
        SendError(res,
                  Status(StatusCode::kPayloadTooLarge,
                         "body: larger than the " + std::to_string(ctx_->options.max_body_bytes) +
                             " bytes this server accepts"));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Connections are kept for as many requests as clients send: with a limit, busy clients
    // reconnect together (and before the backlog was raised, see Bind(), waited a second).
    server_.set_keep_alive_max_count(std::numeric_limits<size_t>::max());
    // The listening socket is kept so that Bind() can raise that backlog (see there).
    server_.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listen_socket_ = sock;
    });
    // Responses go out as headers then body: without TCP_NODELAY, Nagle's algorithm holds the
    // body back until the client's delayed ACK (40 ms on Linux) on every keep-alive request.
    server_.set_tcp_nodelay(true);
    httplib::Server::HandlerWithResponse on_error = [](const httplib::Request& req,
                                                       httplib::Response& res) {
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      nlohmann::json error = {{"code", DefaultCode(res.status)},
                              {"message", DefaultMessage(req, res.status)},
                              {"details", nullptr}};
      res.set_content(nlohmann::json{{"error", error}}.dump(), "application/json; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    };
    server_.set_error_handler(on_error);
    server_.set_read_timeout(ctx_->options.read_timeout_seconds, 0);
    server_.set_write_timeout(ctx_->options.write_timeout_seconds, 0);
    // Security headers on every response (API, web app files, errors), and CORS for the
    // configured origins only.
    csp_ = ContentSecurityPolicy(ctx_->options);
    server_.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      // A handler may set a stricter policy of its own (the territory report: no script at
      // all, its inline style, framed by the web app only).
      if (!res.has_header("Content-Security-Policy")) {
        res.set_header("Content-Security-Policy", csp_);
        res.set_header("X-Frame-Options", "DENY");
      }
      BeginUnrouted();
      res.set_header("X-Request-Id", CurrentRequestId());
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cross-Origin-Opener-Policy", "same-origin");
      if (req.path.rfind("/api/", 0) == 0) res.set_header("Cache-Control", "no-store");
      // With a read replica: after a client's write, the primary's log position, so that the
      // client's next reads go to the primary until the replica has replayed that far
      // (read-your-writes; docs/operations.md).
      if (ctx_->replica && req.method != "GET" && req.method != "HEAD" && res.status >= 200 &&
          res.status < 300) {
        auto position = ctx_->pool->Acquire()->LogPosition();
        if (position.ok() && !position->empty()) {
          res.set_header("X-Ecosol-LSN", *position);
          res.set_header("Set-Cookie", std::string(kLogPositionCookie) + "=" + *position +
                                           "; Path=/; Max-Age=600; HttpOnly; SameSite=Lax");
        }
      }
      std::string origin = req.get_header_value("Origin");
      if (!origin.empty() && AllowedOrigin(origin)) {
        res.set_header("Access-Control-Allow-Origin", origin);
        res.set_header("Vary", "Origin");
      }
    });
    // CORS preflights: answered for the allowed origins (which may then send the Authorization
    // header, never cookies), refused for the others.
    server_.Options(R"(/api/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      SetCurrentRequest("CORS preflight", CurrentRequestId());  // the metrics' route label
      std::string origin = req.get_header_value("Origin");
      if (origin.empty() || !AllowedOrigin(origin)) {
        res.status = 403;
        return SendError(res, Status(StatusCode::kPermissionDenied,
                                     "Origin: '" + origin +
                                         "' may not call this API from a browser (the server's "
                                         "--cors-origin lists the origins that may)"));
      }
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
      res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      res.set_header("Access-Control-Max-Age", "600");
    });
    server_.set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
          std::string what = "an exception that is not a std::exception";
          try {
            if (error) std::rethrow_exception(error);
          } catch (const std::exception& e) {
            what = e.what();
          } catch (...) {
          }
          LogJson("error", "request failed",
                  {{"method", req.method}, {"path", req.path}, {"exception", what}});
          SendError(res, Internal("the server failed to answer this request; it has been logged "
                                  "(request id " +
                                  CurrentRequestId() + ")"));
        });
    // After each response: the metrics and, unless turned off, one JSON line of access log.
    server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      BeginUnrouted();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t_started).count();
      std::string route = CurrentRoute();
      if (route.empty()) route = req.path.rfind("/api/", 0) == 0 ? "unmatched" : "static";
      ctx_->metrics.RequestFinished(req.method, route, res.status, seconds);
      if (ctx_->options.access_log) {
        nlohmann::json line = {{"method", req.method},
                               {"path", req.path},
                               {"route", route},
                               {"status", res.status},
                               {"duration_ms", std::round(seconds * 1e6) / 1e3},
                               {"bytes", res.body.size()},
                               {"remote", req.remote_addr}};
        // The names of the query's parameters, never their values (search words, tokens).
        if (!req.params.empty()) {
          std::string names;
          for (const auto& [name, value] : req.params) {
            if (!names.empty()) names += ",";
            names += name;
          }
          line["params"] = names;
        }
        if (res.has_header("X-Cache")) line["cache"] = res.get_header_value("X-Cache");
        LogJson("info", "request", std::move(line));
      }
      SetCurrentRequest("", "");
      t_counted = false;
    });
    Router router(server_, routes_);
    AddSystemRoutes(router, *ctx_);
    AddActorRoutes(router, *ctx_);
    AddRelationshipRoutes(router, *ctx_);
    AddTerritoryRoutes(router, *ctx_);
    AddAuthRoutes(router, *ctx_);
    AddScreeningRoutes(router, *ctx_);
    AddInteropRoutes(router, *ctx_);
    AddFeedRoutes(router, *ctx_);
    AddIndicatorRoutes(router, *ctx_);
    AddQualityRoutes(router, *ctx_);
    AddEcosystemRoutes(router, *ctx_);
    AddEcosystemBlocksRoutes(router, *ctx_);
    AddPartnerRoutes(router, *ctx_);
    AddTrendsRoutes(router, *ctx_);
    AddSupplierRoutes(router, *ctx_);
    AddReportRoutes(router, *ctx_);
    AddJobRoutes(router, *ctx_);
    AddKnowledgeRoutes(router, *ctx_);
    AddFinanceRoutes(router, *ctx_);
    AddDecideRoutes(router, *ctx_);
    AddMergeRoutes(router, *ctx_);
    if (!ctx_->options.web_root.empty()) server_.set_mount_point("/", ctx_->options.web_root);
  }

  Status Bind() override {
    if (bound_) return Status::Ok();
    const ServerOptions& o = ctx_->options;
    if (o.port == 0) {
      port_ = server_.bind_to_any_port(o.host);
      if (port_ < 0) return Unavailable("cannot listen on " + o.host);
    } else {
      if (!server_.bind_to_port(o.host, o.port)) {
        return Unavailable("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           " (is another server using the port? choose one with --port)");
      }
      port_ = o.port;
    }
    // httplib listens with a backlog of 5 connections: when many clients connect at once (a
    // load test, a crowd after a restart) the others' handshakes are dropped and their first
    // request waits for TCP's retransmissions (up to 1.6 s seen). Calling listen() again on the
    // listening socket sets the backlog the system allows (Linux's somaxconn).
    if (listen_socket_ != INVALID_SOCKET && ::listen(listen_socket_, SOMAXCONN) != 0) {
      return Unavailable("cannot listen on " + o.host + ":" + std::to_string(port_));
    }
    if (ctx_->options.public_url.empty()) {
      ctx_->options.public_url = "http://" + o.host + ":" + std::to_string(port_);
    }
    bound_ = true;
    return Status::Ok();
  }

  Status Listen() override {
    ECOSOL_RETURN_IF_ERROR(Bind());
    if (!server_.listen_after_bind()) return Internal("the server stopped unexpectedly");
    return Status::Ok();
  }

  // Stops accepting connections; requests being answered finish (httplib's thread pool drains
  // before Listen() returns), and /ready answers 503 meanwhile.
  void Stop() override {
    ctx_->draining = true;
    server_.stop();
  }
  int port() const override { return port_; }
  const std::vector<RouteInfo>& routes() const override { return routes_; }

 private:
  // A request answered before routing (malformed) is counted and given an id when its response
  // is written.
  void BeginUnrouted() {
    if (t_counted) return;
    ctx_->metrics.RequestStarted();
    t_started = std::chrono::steady_clock::now();
    t_counted = true;
    SetCurrentRequest("", NewRequestId());
  }

  bool AllowedOrigin(const std::string& origin) const {
    const auto& allowed = ctx_->options.cors_origins;
    return std::find(allowed.begin(), allowed.end(), origin) != allowed.end();
  }

  std::unique_ptr<ApiContext> ctx_;
  std::string csp_;
  httplib::Server server_;
  std::vector<RouteInfo> routes_;
  int port_ = 0;
  bool bound_ = false;
  socket_t listen_socket_ = INVALID_SOCKET;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto ctx = std::make_unique<ApiContext>();
  ctx->cache = std::make_unique<ResponseCache>(options.cache_bytes);
  ctx->options = options;
  ctx->search_slots =
      std::make_unique<std::counting_semaphore<>>(std::max(1, options.store_connections / 2));
  ctx->search_runner = std::make_unique<TaskRunner>(std::max(1, options.store_connections / 2));
  ctx->clock = &SystemClock();
  ctx->accounts_options.session_lifetime = std::chrono::minutes(options.session_minutes);
  if (options.fast_password_hashing) {
    ctx->accounts_options.password_cost = auth::PasswordCost::kMinimum;
  }
  for (const std::string& origin : options.cors_origins) {
    if (!(origin.rfind("http://", 0) == 0 || origin.rfind("https://", 0) == 0) ||
        origin.back() == '/') {
      return InvalidArgument("--cors-origin: '" + origin +
                             "' is not an origin such as https://map.example.org");
    }
  }
  if (!options.web_root.empty() &&
      !std::filesystem::exists(std::filesystem::path(options.web_root) / "index.html")) {
    return InvalidArgument("--web-root: no index.html in '" + options.web_root +
                           "' (build the web app with `make web`)");
  }
  auto pool = StorePool::Open(options.db_url, std::max(1, options.store_connections));
  if (!pool.ok()) return pool.status();
  ctx->pool = std::move(*pool);
  if (!options.replica_url.empty()) {
    if (ctx->pool->Acquire()->Backend() != "postgresql") {
      return InvalidArgument("--replica-db: read replicas need a PostgreSQL --db, not '" +
                             store::RedactUrl(options.db_url) + "'");
    }
    auto replica = StorePool::Open(options.replica_url, std::max(1, options.store_connections));
    if (!replica.ok()) return replica.status().WithContext("--replica-db");
    ctx->replica = std::move(*replica);
  }
  {
    auto store = ctx->pool->Acquire();
    auto version = store->SchemaVersion();
    if (!version.ok() || *version == 0) {
      return Unavailable("the database '" + store::RedactUrl(options.db_url) +
                         "' is not initialised: run `ecosol init` (or `ecosol demo`) first");
    }
    // A database made by an older release is upgraded before serving.
    Status migrated = store->Migrate();
    if (!migrated.ok())
      return migrated.WithContext("upgrading '" + store::RedactUrl(options.db_url) + "'");
    auto tax = registry::Taxonomy::Load(*store);
    if (!tax.ok()) return tax.status();
    ctx->taxonomy = std::make_shared<const registry::Taxonomy>(std::move(*tax));
  }
  if (!options.frameworks_dir.empty()) {
    auto frameworks = screening::LoadFrameworks(options.frameworks_dir);
    if (!frameworks.ok()) return frameworks.status();
    ctx->frameworks = *frameworks;
    auto clauses = text::ClauseAnalyzer::Load(options.clauses_dir);
    if (!clauses.ok()) return clauses.status();
    ctx->clauses = *clauses;
  }
  {
    jobs::JobServices services;
    services.taxonomy = ctx->taxonomy;
    services.frameworks = ctx->frameworks;
    services.clauses = ctx->clauses;
    services.clock = ctx->clock;
    services.murmurations_schemas = options.murmurations_schemas;
    services.frameworks_dir = options.frameworks_dir;
    jobs::WorkerOptions worker_options;
    worker_options.db_url = options.db_url;
    worker_options.threads = std::max(0, options.workers);
    worker_options.lease = std::chrono::seconds(std::max(1, options.job_lease_seconds));
    worker_options.log = [](const std::string& level, const std::string& msg,
                            const nlohmann::json& fields) { LogJson(level, msg, fields); };
    ctx->worker = std::make_unique<jobs::Worker>(worker_options, jobs::StandardHandlers(services));
    if (options.workers > 0) ctx->worker->Start();
  }
  if (options.box_index) {
    BoxIndex::Options index_options;
    index_options.log = [](const std::string& line) {
      LogJson("info", line, {{"component", "box_index"}});
    };
    const std::string url = options.db_url;
    ctx->box_index = std::make_unique<BoxIndex>([url] { return store::OpenStore(url); },
                                                std::move(index_options));
    ctx->box_index->Start();
  }
  return std::unique_ptr<Server>(std::make_unique<ServerImpl>(std::move(ctx)));
}

void LogShutdown(const std::string& signal) {
  LogJson("info", "stopping: no new connections; requests in flight finish", {{"signal", signal}});
}

const std::string& OpenApiDocument() {
  static const std::string doc(kOpenApiJson);
  return doc;
}

}  // namespace ecosol::http
