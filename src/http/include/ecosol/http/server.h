#pragma once

// The HTTP server: JSON API under /api/v1 (docs/http-api.md, OpenAPI at /api/v1/openapi.json)
// and the built web app from `web_root`.
//
//   ServerOptions o;
//   o.db_url = "data/ecosol.db";
//   o.web_root = "web/dist";
//   auto server = Server::Create(o);
//   if (!server.ok()) return server.status();
//   (*server)->Listen();   // blocks until Stop()
//
// Thread safety: Listen() runs on one thread and serves requests on a pool of threads; Stop()
// may be called from any thread. Each request borrows a store connection from a pool.

#include <memory>
#include <string>
#include <vector>

#include "ecosol/base/status.h"

namespace ecosol::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  std::string db_url = "data/ecosol.db";
  std::string web_root;  // folder with index.html; empty serves the API only
  // A token that acts as an instance admin (for set-up and scripts before any account exists);
  // empty: none. Users sign in with their accounts and API tokens (docs/security.md).
  std::string admin_token;
  std::string tile_url;  // optional online map tiles
  std::string tile_attribution;
  int threads = 64;           // request threads (one per open connection)
  int store_connections = 8;  // database connections shared by the request threads
  size_t max_body_bytes = 1 << 20;
  // Memory for cached listing and search responses (valid until the registry changes); 0
  // turns the cache off.
  size_t cache_bytes = 64u << 20;
  // Answer listings by box from an in-memory index of the located actors (built in the
  // background at start, about 175 bytes a located actor; the database answers until it is ready).
  bool box_index = true;
  // Browser origins (scheme://host[:port]) allowed to call the API from other sites (CORS).
  // None by default: the web app is served from the same origin.
  std::vector<std::string> cors_origins;
  // Marks the session cookie Secure. It is also Secure on requests a proxy marks
  // "X-Forwarded-Proto: https".
  bool secure_cookies = false;
  int session_minutes = 12 * 60;
  // How long a connection may take to send a request, and the server to write its answer.
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 30;
  // The weakest argon2id settings, so that tests sign in fast. Never in production.
  bool fast_password_hashing = false;
  // Screening: the assessment frameworks (frameworks/) and the statutes clause cues
  // (data/clauses/). Loaded and checked at start; empty: the screening routes answer 503.
  std::string frameworks_dir;
  std::string clauses_dir;
  // Imports through the API (POST /api/v1/imports): the largest file accepted (other requests
  // stay within max_body_bytes), and the folder of the Murmurations JSON Schemas (format
  // murmurations; empty: that format is refused with the reason).
  size_t max_import_bytes = 64u << 20;
  std::string murmurations_schemas;
  // The address the instance is published at (no trailing slash): the base of actor IRIs in
  // RDF exports and of Murmurations profile URLs. Empty: http://<host>:<port> as bound.
  std::string public_url;
  // One JSON line per request on standard error (method, path, route, status, duration,
  // request id; docs/operations.md).
  bool access_log = true;
  // Who may read GET /metrics: "local" (loopback clients only), "public" or "off".
  std::string metrics_access = "local";
  // A PostgreSQL streaming replica of db_url (docs/operations.md, "Read replicas"): listings,
  // map points and actor pages are read from it, except for a client that wrote within the
  // replica's lag (its ecosol_lsn cookie or X-Ecosol-After-LSN header names a position the
  // replica has not replayed yet), which reads from the primary. Empty: every read from db_url.
  std::string replica_url;
  // Threads running background jobs (screening the registry...) from the database's queue; 0
  // leaves them to other servers and `ecosol worker` processes (docs/operations.md).
  int workers = 1;
  // How long a job's claim holds without renewal: a dead worker's job waits that long before
  // another worker takes it over.
  int job_lease_seconds = 30;
};

// A route as documented in OpenAPI: method and path template ("/api/v1/actors/{id}").
struct RouteInfo {
  std::string method;
  std::string path;
};

// Logs, as the server's JSON log lines do, that a signal asked the server to stop (a second
// signal ends the process at once).
void LogShutdown(const std::string& signal);

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server() = default;

  // Binds and serves until Stop(). Returns an error when the address cannot be bound.
  virtual Status Listen() = 0;
  // Binds now (so that port() is known) without serving; Listen() then serves.
  virtual Status Bind() = 0;
  virtual void Stop() = 0;
  virtual int port() const = 0;
  virtual const std::vector<RouteInfo>& routes() const = 0;
};

// The OpenAPI 3 document served at /api/v1/openapi.json.
const std::string& OpenApiDocument();

}  // namespace ecosol::http
