#include "api.h"

#include <regex>

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
  if (!pool->free_.empty() && pool->free_.front()->Backend() == "sqlite") {
    auto store = store::OpenStore(url);
    if (!store.ok()) return store.status();
    pool->generation_store_ = std::move(*store);
  }
  return pool;
}

Result<long long> StorePool::Generation() {
  if (!generation_store_) return Acquire()->Generation();
  std::lock_guard<std::mutex> lock(generation_mu_);
  return generation_store_->Generation();
}

std::shared_ptr<store::Store> StorePool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  available_.wait(lock, [&] { return !free_.empty(); });
  store::Store* raw = free_.back().release();
  free_.pop_back();
  return std::shared_ptr<store::Store>(raw, [this](store::Store* s) {
    std::lock_guard<std::mutex> guard(mu_);
    free_.emplace_back(s);
    available_.notify_one();
  });
}

void Router::Add(const std::string& method, const std::string& path, Handler handler) {
  routes_.push_back({method, std::regex_replace(path, std::regex(R"(\*\})"), "}")});
  // "/api/v1/actors/{id}" -> "/api/v1/actors/([^/]+)"; "/api/v1/territories/{id*}" ->
  // "/api/v1/territories/(.+)" (httplib matches the decoded path, in which %2F is a '/').
  std::string pattern = std::regex_replace(path, std::regex(R"(\{[a-z_]+\*\})"), "(.+)");
  pattern = std::regex_replace(pattern, std::regex(R"(\{[a-z_]+\})"), "([^/]+)");
  if (method == "GET") {
    server_.Get(pattern, std::move(handler));
  } else if (method == "POST") {
    server_.Post(pattern, std::move(handler));
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

Status CheckWriteAccess(const ApiContext& ctx, const httplib::Request& req) {
  if (ctx.options.admin_token.empty()) {
    return Status(StatusCode::kPermissionDenied,
                  "writes are disabled on this server: start it with --admin-token (or "
                  "ECOSOL_ADMIN_TOKEN)");
  }
  std::string auth = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (auth.rfind(prefix, 0) != 0) {
    return Status(StatusCode::kUnauthenticated,
                  "writes need the header 'Authorization: Bearer <admin token>'");
  }
  std::string token = auth.substr(prefix.size());
  const std::string& expected = ctx.options.admin_token;
  // Constant-time comparison.
  unsigned char diff = token.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < token.size() && i < expected.size(); ++i) {
    diff = static_cast<unsigned char>(diff | (token[i] ^ expected[i]));
  }
  if (diff) return Status(StatusCode::kPermissionDenied, "the admin token is not valid");
  return Status::Ok();
}

}  // namespace ecosol::http
