#include "api.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "listing.h"

namespace ecosol::http {

Result<std::unique_ptr<StorePool>> StorePool::Open(const std::string& url, int size) {
  auto pool = std::make_unique<StorePool>();
  for (int i = 0; i < size; ++i) {
    auto store = store::OpenStore(url);
    if (!store.ok()) return store.status();
    pool->free_.push_back(std::move(*store));
  }
  pool->size_ = size;
  if (!pool->free_.empty() && pool->free_.front()->Backend() == "sqlite") {
    auto store = store::OpenStore(url);
    if (!store.ok()) return store.status();
    pool->generation_store_ = std::move(*store);
  }
  return pool;
}

StorePool::Stats StorePool::stats() {
  std::lock_guard<std::mutex> lock(mu_);
  return {size_, static_cast<int>(free_.size()), waits_, wait_seconds_};
}

Result<long long> StorePool::Generation() {
  if (!generation_store_) return Acquire()->Generation();
  std::lock_guard<std::mutex> lock(generation_mu_);
  return generation_store_->Generation();
}

std::shared_ptr<store::Store> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  if (free_.empty()) {
    const auto start = std::chrono::steady_clock::now();
    available_.wait(lock, [&] { return !free_.empty(); });
    ++waits_;
    wait_seconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  store::Store* raw = free_.back().release();
  free_.pop_back();
  return std::shared_ptr<store::Store>(raw, [this](store::Store* s) {
    std::lock_guard<std::mutex> guard(mu_);
    free_.emplace_back(s);
    available_.notify_one();
  });
}

std::shared_ptr<store::Store> ReadStore(ApiContext& ctx, const httplib::Request& req,
                                        httplib::Response& res) {
  if (!ctx.replica) return ctx.pool->Acquire();
  std::string position = req.get_header_value("X-Ecosol-After-LSN");
  if (position.empty()) position = CookieValue(req, kLogPositionCookie);
  auto replica = ctx.replica->Acquire();
  // One round trip, which also tells whether the replica answers at all.
  Result<bool> caught_up = replica->HasReplayed(position.empty() ? "0/0" : position);
  if (caught_up.ok() && *caught_up) {
    ++ctx.replica_reads;
    res.set_header("X-Ecosol-Read-From", "replica");
    return replica;
  }
  if (caught_up.ok() || caught_up.status().code() == StatusCode::kInvalidArgument) {
    ++ctx.primary_reads;
  } else {
    // Logged at the first failure and then every 100th, not at every request.
    if (ctx.replica_errors++ % 100 == 0) {
      LogJson("warning", "the read replica does not answer; reading from the primary",
              {{"error", caught_up.status().ToString()}});
    }
  }
  res.set_header("X-Ecosol-Read-From", "primary");
  return ctx.pool->Acquire();
}

namespace {
thread_local std::string t_route;
thread_local std::string t_request_id;
}  // namespace

const std::string& CurrentRoute() { return t_route; }
const std::string& CurrentRequestId() { return t_request_id; }
void SetCurrentRequest(std::string route, std::string request_id) {
  t_route = std::move(route);
  t_request_id = std::move(request_id);
}

void LogJson(std::string_view level, std::string_view msg, nlohmann::json fields) {
  char time[40];
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const long millis = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  const size_t n = std::strftime(time, sizeof time, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(time + n, sizeof time - n, ".%03ldZ", millis);
  nlohmann::json line = {{"time", time}, {"level", level}, {"msg", msg}};
  if (!t_request_id.empty()) line["request_id"] = t_request_id;
  if (fields.is_object()) line.update(fields);
  // One call per line: stdio locks the stream, so lines of concurrent requests never interleave.
  std::fputs((line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n").c_str(),
             stderr);
}

void Router::Add(const std::string& method, const std::string& path, Handler handler) {
  const std::string route = std::regex_replace(path, std::regex(R"(\*\})"), "}");
  routes_.push_back({method, route});
  // The metrics and the access log name a request by its route template, never its raw path.
  handler = [route, handler = std::move(handler)](const httplib::Request& q, httplib::Response& r) {
    t_route = route;
    handler(q, r);
  };
  // "/api/v1/actors/{id}" -> "/api/v1/actors/([^/]+)"; "/api/v1/territories/{id*}" ->
  // "/api/v1/territories/(.+)" (httplib matches the decoded path, in which %2F is a '/').
  std::string pattern = std::regex_replace(path, std::regex(R"(\{[a-z_]+\*\})"), "(.+)");
  pattern = std::regex_replace(pattern, std::regex(R"(\{[a-z_]+\})"), "([^/]+)");
  if (method == "GET") {
    server_.Get(pattern, std::move(handler));
  } else if (method == "POST") {
    server_.Post(pattern, std::move(handler));
  } else if (method == "PUT") {
    server_.Put(pattern, std::move(handler));
  } else if (method == "PATCH") {
    server_.Patch(pattern, std::move(handler));
  } else if (method == "DELETE") {
    server_.Delete(pattern, std::move(handler));
  }
}

Handler Bind(ApiContext& ctx, void (*f)(ApiContext&, const httplib::Request&, httplib::Response&)) {
  return [&ctx, f](const httplib::Request& q, httplib::Response& r) { f(ctx, q, r); };
}

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kPayloadTooLarge:
      return 413;
    case StatusCode::kTooManyRequests:
      return 429;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(DumpBody(body), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, const Status& status, const nlohmann::json& details) {
  nlohmann::json error = {
      {"code", StatusCodeName(status.code())}, {"message", status.message()}, {"details", details}};
  SendJson(res, HttpStatusOf(status.code()), {{"error", error}});
}

Status CheckParams(const httplib::Request& req, const std::set<std::string>& allowed) {
  for (const auto& [name, value] : req.params) {
    if (!allowed.count(name)) {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return InvalidArgument(
          name + ": unknown parameter" +
          (list.empty() ? std::string(" (this endpoint takes none)") : " (known: " + list + ")"));
    }
    if (req.params.count(name) > 1) return InvalidArgument(name + ": given more than once");
  }
  return Status::Ok();
}

Result<nlohmann::json> JsonBody(const httplib::Request& req) {
  if (req.body.empty()) return InvalidArgument("body: expected a JSON object");
  auto j = model::ParseJson(req.body);
  if (!j.ok()) return j.status().WithContext("body");
  if (!j->is_object()) return InvalidArgument("body: expected a JSON object");
  return j;
}

std::string CookieValue(const httplib::Request& req, std::string_view name) {
  for (size_t h = 0; h < req.get_header_value_count("Cookie"); ++h) {
    std::string header = req.get_header_value("Cookie", h);
    for (const std::string& part : Split(header, ';')) {
      std::string_view kv = Trim(part);
      size_t eq = kv.find('=');
      if (eq != std::string_view::npos && kv.substr(0, eq) == name) {
        return std::string(kv.substr(eq + 1));
      }
    }
  }
  return "";
}

bool HasCredentials(const httplib::Request& req) {
  return req.has_header("Authorization") || !CookieValue(req, kSessionCookie).empty();
}

Result<auth::Viewer> ViewerOf(ApiContext& ctx, const httplib::Request& req, store::Store& store) {
  if (!HasCredentials(req)) return auth::Viewer();
  auto caller = Identify(ctx, req, store);
  if (!caller.ok()) return caller.status();
  return auth::Viewer::For(caller->principal, store);
}

auth::Accounts AccountsFor(ApiContext& ctx, store::Store& store, const Caller& caller) {
  auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
  accounts.SetAuditSource(caller.principal.who, caller.address);
  return accounts;
}

Result<Caller> Identify(ApiContext& ctx, const httplib::Request& req, store::Store& store) {
  Caller caller;
  caller.principal = auth::Public();
  caller.address = req.remote_addr;
  auth::Accounts accounts(store, *ctx.clock, ctx.accounts_options);
  std::string authorization = req.get_header_value("Authorization");
  if (!authorization.empty()) {
    const std::string prefix = "Bearer ";
    if (authorization.rfind(prefix, 0) != 0) {
      return Status(StatusCode::kUnauthenticated,
                    "Authorization: expected 'Bearer <API token>' (create a token on the "
                    "account page or with `ecosol tokens create`)");
    }
    std::string token = authorization.substr(prefix.size());
    const std::string& admin = ctx.options.admin_token;
    if (!admin.empty() && auth::ConstantTimeEquals(token, admin)) {
      caller.principal = auth::AdminTokenHolder();
      return caller;
    }
    auto p = accounts.TokenPrincipal(token);
    if (!p.ok()) return p.status();
    caller.principal = std::move(*p);
    return caller;
  }
  std::string cookie = CookieValue(req, kSessionCookie);
  if (cookie.empty()) return caller;
  auto p = accounts.SessionPrincipal(cookie, &caller.session);
  if (!p.ok()) {
    if (p.status().code() == StatusCode::kUnauthenticated) return caller;  // ended: the public
    return p.status();
  }
  caller.principal = std::move(*p);
  caller.by_cookie = true;
  if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
    std::string csrf = req.get_header_value("X-CSRF-Token");
    if (csrf.empty() || !auth::ConstantTimeEquals(csrf, caller.session.csrf_token)) {
      return Status(StatusCode::kPermissionDenied,
                    "X-CSRF-Token: missing or wrong; a request made with the session cookie must "
                    "send the csrf_token given at sign-in (GET /api/v1/auth/me)");
    }
  }
  return caller;
}

// The policy's view of an existing actor, for a write; NotFound for unknown or deleted ones
// (deleted ones too when `include_deleted`).
Result<auth::ActorScope> ScopeOfActor(registry::Registry& reg, const Caller& c,
                                      const std::string& id, bool include_deleted) {
  auto actor = reg.store().GetActor(id);
  if (!actor.ok()) return actor.status();
  auto viewer = auth::Viewer::For(c.principal, reg.store());
  if (!viewer.ok()) return viewer.status();
  // An actor the caller may not see is answered as absent, as reads do.
  if (!actor->has_value() || ((*actor)->deleted && !include_deleted) || !viewer->CanSee(**actor)) {
    return NotFound("no actor with id '" + id + "'");
  }
  return auth::ScopeOf(reg.store(), **actor);
}

// Asks the policy about `action` on the actor with `id`.
Status AllowedOnActor(registry::Registry& reg, const Caller& c, auth::Action action,
                      const std::string& id, bool include_deleted) {
  auto scope = ScopeOfActor(reg, c, id, include_deleted);
  if (!scope.ok()) return scope.status();
  auth::Target target;
  target.actors.push_back(std::move(*scope));
  return auth::Authorize(c.principal, action, target);
}

}  // namespace ecosol::http
