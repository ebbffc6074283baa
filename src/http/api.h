#pragma once

// Private to the http module: the pieces every handler uses. Handlers parse and check the
// request, call one registry function and serialise; no business rule lives here.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <semaphore>
#include <set>
#include <string>
#include <vector>

#include "box_index.h"
#include "ecosol/auth/accounts.h"
#include "ecosol/auth/policy.h"
#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/http/server.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/registry/registry.h"
#include "ecosol/screening/framework.h"
#include "ecosol/store/store.h"
#include "ecosol/text/statutes.h"
#include "metrics.h"
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

  // For /metrics: connections in the pool, those free now, and the requests that had to wait
  // for one (with the seconds they waited in all).
  struct Stats {
    int size = 0;
    int idle = 0;
    long long waits = 0;
    double wait_seconds = 0;
  };
  Stats stats();

 private:
  std::mutex generation_mu_;
  std::unique_ptr<store::Store> generation_store_;  // guarded by generation_mu_
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Store>> free_;  // guarded by mu_
  int size_ = 0;
  long long waits_ = 0;      // guarded by mu_
  double wait_seconds_ = 0;  // guarded by mu_
};

// What handlers share: options, the pool, the taxonomy snapshot, the clock.
struct ApiContext {
  ServerOptions options;
  std::unique_ptr<StorePool> pool;
  // The read replica's connections (options.replica_url; null without one) and how reads went.
  std::unique_ptr<StorePool> replica;
  std::atomic<long long> replica_reads{0};   // answered by the replica
  std::atomic<long long> primary_reads{0};   // sent to the primary: the replica lagged the client
  std::atomic<long long> replica_errors{0};  // sent to the primary: the replica did not answer
  std::shared_ptr<const registry::Taxonomy> taxonomy;
  const Clock* clock = nullptr;
  std::unique_ptr<ResponseCache> cache;  // listings and searches (see response_cache.h)
  // Searches computed at once (half the database connections, at least one): ranking a common
  // word takes a connection for a long time, and the other half is kept for everything else.
  std::unique_ptr<std::counting_semaphore<>> search_slots;
  std::unique_ptr<BoxIndex> box_index;  // listings by box (see box_index.h); null when off
  auth::AccountsOptions accounts_options;
  // Screening (null when not configured): immutable snapshots shared by all requests.
  std::shared_ptr<const screening::Catalogue> frameworks;
  std::shared_ptr<const text::ClauseAnalyzer> clauses;
  // Runs background jobs from the database's queue on this server's threads (none started when
  // options.workers is 0; Wake() after queuing one).
  std::unique_ptr<jobs::Worker> worker;
  Metrics metrics;  // GET /metrics
  // Set when the server is asked to stop: /ready answers 503 while in-flight requests finish.
  std::atomic<bool> draining{false};
  std::chrono::system_clock::time_point started = std::chrono::system_clock::now();
  // Finishes searches' new pages that requests stopped waiting for (ResponseCache). Declared
  // last, so destroyed first: its running tasks finish while the pool and cache still exist.
  std::unique_ptr<TaskRunner> search_runner;
};

// The route template of the request being answered on this thread ("" before routing), set by
// the handlers Router::Add registers; read by the access log and the metrics.
const std::string& CurrentRoute();
// The request id of the request being answered on this thread (X-Request-Id).
const std::string& CurrentRequestId();
// Sets both for this thread (the server, when a request begins and ends).
void SetCurrentRequest(std::string route, std::string request_id);

// One structured log line on standard error: {"time", "level", "msg", ...fields}, with the
// current request's id when there is one.
void LogJson(std::string_view level, std::string_view msg, nlohmann::json fields = nullptr);

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
// Who is asking, identified once per request.
struct Caller {
  auth::Principal principal;  // auth::Public() when no one is signed in
  std::string address;        // the client's address
  bool by_cookie = false;     // identified by the session cookie
  store::SessionRecord session;
};

// The name of the session cookie.
inline constexpr char kSessionCookie[] = "ecosol_session";
// The value of cookie `name` in the request, or "".
std::string CookieValue(const httplib::Request& req, std::string_view name);

// A connection for a read that may lag (listings, map points, actor pages): the replica's
// when there is one and it has replayed the client's last write (the ecosol_lsn cookie or the
// X-Ecosol-After-LSN header), else the primary's. Says which in X-Ecosol-Read-From.
std::shared_ptr<store::Store> ReadStore(ApiContext& ctx, const httplib::Request& req,
                                        httplib::Response& res);
// The cookie that carries the primary's log position after a client's write.
inline constexpr char kLogPositionCookie[] = "ecosol_lsn";

// Identifies the caller: "Authorization: Bearer" with the server's admin token or an API token
// (Unauthenticated when it is neither), else the session cookie (an ended session counts as no
// one), else the public. A state-changing request identified by its cookie must carry the
// session's CSRF token in the X-CSRF-Token header (PermissionDenied otherwise).
Result<Caller> Identify(ApiContext& ctx, const httplib::Request& req, store::Store& store);

// Whether the request carries a credential (an Authorization header or the session cookie);
// without one the caller is the public, known without a database round trip.
bool HasCredentials(const httplib::Request& req);
// What the caller may read (auth::Viewer): the public's without credentials.
Result<auth::Viewer> ViewerOf(ApiContext& ctx, const httplib::Request& req, store::Store& store);

// The accounts service for a request, with the caller as the audit log's source.
auth::Accounts AccountsFor(ApiContext& ctx, store::Store& store, const Caller& caller);

// Binds a handler taking the context to `ctx`, which must outlive the server.
Handler Bind(ApiContext& ctx, void (*f)(ApiContext&, const httplib::Request&, httplib::Response&));

// The policy's view of an existing actor, for a write; NotFound for unknown or deleted ones
// (deleted ones too when `include_deleted`), and for one the caller may not see.
Result<auth::ActorScope> ScopeOfActor(registry::Registry& reg, const Caller& c,
                                      const std::string& id, bool include_deleted = false);
// Asks the policy about `action` on the actor with `id`.
Status AllowedOnActor(registry::Registry& reg, const Caller& c, auth::Action action,
                      const std::string& id, bool include_deleted = false);

// Runs a write: identifies the caller (who must be signed in), checks the parameters, parses
// the body when `with_body`, and calls `body(registry, payload, caller)`, which asks
// auth::Authorize before changing anything. The registry records the caller in the audit log.
template <typename F>
void Write(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, bool with_body,
           F&& body) {
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  if (!caller->principal.signed_in) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "changes need you to sign in, or the header 'Authorization: "
                                 "Bearer <API token>'"));
  }
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  nlohmann::json payload;
  if (with_body) {
    auto j = JsonBody(req);
    if (!j.ok()) return SendError(res, j.status());
    payload = std::move(*j);
  }
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  reg.SetAuditSource(caller->principal.who, caller->address);
  body(reg, payload, *caller);
}

void AddSystemRoutes(Router& router, ApiContext& ctx);
void AddActorRoutes(Router& router, ApiContext& ctx);
void AddRelationshipRoutes(Router& router, ApiContext& ctx);
void AddTerritoryRoutes(Router& router, ApiContext& ctx);
void AddAuthRoutes(Router& router, ApiContext& ctx);
void AddScreeningRoutes(Router& router, ApiContext& ctx);
void AddInteropRoutes(Router& router, ApiContext& ctx);
void AddFeedRoutes(Router& router, ApiContext& ctx);  // federation
void AddIndicatorRoutes(Router& router, ApiContext& ctx);
void AddQualityRoutes(Router& router, ApiContext& ctx);
void AddMergeRoutes(Router& router, ApiContext& ctx);      // duplicates review, merges
void AddEcosystemRoutes(Router& router, ApiContext& ctx);  // network analytics
// building blocks, comparison, perception
void AddEcosystemBlocksRoutes(Router& router, ApiContext& ctx);
// partner recommendations, broker gaps, offers and wants
void AddPartnerRoutes(Router& router, ApiContext& ctx);
void AddTrendsRoutes(Router& router, ApiContext& ctx);  // births, deaths, indicators over time
// suppliers for a tender, awards
void AddSupplierRoutes(Router& router, ApiContext& ctx);
void AddReportRoutes(Router& router, ApiContext& ctx);  // territory reports, HTML and PDF
// knowledge commons: cases, review, search, similar cases, transfer analysis
void AddKnowledgeRoutes(Router& router, ApiContext& ctx);
// social finance: mechanisms, readiness, matching, funds, allocation, loan book
void AddFinanceRoutes(Router& router, ApiContext& ctx);
// the queue of background jobs: listing, reports and analytics (POST /jobs), outputs
void AddJobRoutes(Router& router, ApiContext& ctx);
// democratic decisions: tallies
void AddDecideRoutes(Router& router, ApiContext& ctx);

}  // namespace ecosol::http
