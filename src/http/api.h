#pragma once

// Private to the http module: the pieces every handler uses. Handlers parse and check the
// request, call one registry function and serialise; no business rule lives here.

#include <httplib.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "box_index.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/http/server.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/store.h"
#include "response_cache.h"

namespace ecosol::http {

// A fixed set of store connections borrowed per request. Thread-safe.
class StorePool {
 public:
  static Result<std::unique_ptr<StorePool>> Open(const std::string& url, int size);
  // Borrows a connection until the returned handle is destroyed.
  std::shared_ptr<store::Store> Acquire();
  // The registry's generation (Store::Generation). With SQLite it is read on a connection of
  // its own (a few microseconds under a lock), so that requests answered from the response cache
  // never wait for a pooled connection; with PostgreSQL (a round trip) on a pooled one.
  Result<long long> Generation();

 private:
  std::mutex generation_mu_;
  std::unique_ptr<store::Store> generation_store_;  // guarded by generation_mu_
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Store>> free_;  // guarded by mu_
};

// What handlers share: options, the pool, the taxonomy snapshot, the clock.
struct ApiContext {
  ServerOptions options;
  std::unique_ptr<StorePool> pool;
  std::shared_ptr<const registry::Taxonomy> taxonomy;
  const Clock* clock = nullptr;
  std::unique_ptr<ResponseCache> cache;  // listings and searches (see response_cache.h)
  std::unique_ptr<BoxIndex> box_index;   // listings by box (see box_index.h); null when off
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// Registers routes on `server` and records them in `routes`.
class Router {
 public:
  Router(httplib::Server& server, std::vector<RouteInfo>& routes)
      : server_(server), routes_(routes) {}
  // `path` is the OpenAPI template; "{name}" segments match one path segment, and a final
  // "{name*}" matches the rest of the path, slashes included (for ids that are paths, such as
  // territory ids "GB/wales"). Routes are recorded with "{name}" either way.
  void Add(const std::string& method, const std::string& path, Handler handler);

 private:
  httplib::Server& server_;
  std::vector<RouteInfo>& routes_;
};

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
void SendError(httplib::Response& res, const Status& status,
               const nlohmann::json& details = nullptr);
int HttpStatusOf(StatusCode code);

// Refuses query parameters outside `allowed` (400 naming the parameter).
Status CheckParams(const httplib::Request& req, const std::set<std::string>& allowed);
// Parses the request body as a JSON object.
Result<nlohmann::json> JsonBody(const httplib::Request& req);
// Checks the admin token of a write request.
Status CheckWriteAccess(const ApiContext& ctx, const httplib::Request& req);

// Binds a handler taking the context to `ctx`, which must outlive the server.
Handler Bind(ApiContext& ctx, void (*f)(ApiContext&, const httplib::Request&, httplib::Response&));

// Runs a write: checks access and parameters, parses the body when `with_body`, and calls
// `body(registry, payload)` to answer.
template <typename F>
void Write(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, bool with_body,
           F&& body) {
  Status access = CheckWriteAccess(ctx, req);
  if (!access.ok()) return SendError(res, access);
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  nlohmann::json payload;
  if (with_body) {
    auto j = JsonBody(req);
    if (!j.ok()) return SendError(res, j.status());
    payload = std::move(*j);
  }
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  body(reg, payload);
}

void AddSystemRoutes(Router& router, ApiContext& ctx);
void AddActorRoutes(Router& router, ApiContext& ctx);
void AddRelationshipRoutes(Router& router, ApiContext& ctx);
void AddTerritoryRoutes(Router& router, ApiContext& ctx);

}  // namespace ecosol::http
