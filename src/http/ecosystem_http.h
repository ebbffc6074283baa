#pragma once

// Private to the http module: what the ecosystem handlers (blocks, partners, trends) share: the
// `lang` parameter, localised JSON, and answering a report for the caller, the public's from the
// response cache.

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/service.h"

namespace ecosol::http {

// Checks that every parameter is UTF-8 and `lang`, when given, one of en, fr, es, pt; "" when no
// language was asked for.
Result<std::string> ReadLang(const httplib::Request& req);

// `doc` as JSON text: texts in four languages, or in `lang`'s when it is not empty.
std::string DumpLocalized(const nlohmann::json& doc, const std::string& lang);

// Answers a report computed by `report(store, scope) -> Result<std::string>` for the caller:
// signed-in callers with their view; the public from the cache, keyed by `name`, `stamp` (what
// the report depends on besides the registry's generation) and the request's parameters.
// `stamp(store) -> Result<std::string>` is only asked for the public.
template <typename Report, typename Stamp>
void AnswerReport(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
                  const std::string& name, Stamp&& stamp, Report&& report,
                  const std::string& content_type = "application/json; charset=utf-8") {
  auto compute = [&](store::Store& store,
                     const auth::Viewer& viewer) -> std::optional<std::string> {
    ecosystem::SnapshotScope scope;
    scope.audience = viewer.audience();
    scope.view = [viewer](model::Actor a) { return viewer.View(std::move(a)); };
    Result<std::string> body = report(store, scope);
    if (!body.ok()) return SendError(res, body.status()), std::nullopt;
    return std::move(*body);
  };
  auto send = [&](std::optional<std::string> body) {
    if (body) res.set_content(std::move(*body), content_type);
  };
  auto store = ctx.pool->Acquire();
  if (HasCredentials(req)) {
    auto viewer = ViewerOf(ctx, req, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    return send(compute(*store, *viewer));
  }
  Result<long long> generation = ctx.pool->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  Result<std::string> stamped = stamp(*store);
  if (!stamped.ok()) return SendError(res, stamped.status());
  std::string key = "ecosystem/" + name + "\n" + *stamped;
  for (const auto& [param, value] : req.params) key += "\n" + param + "=" + value;
  send(
      ctx.cache->GetOrCompute(key, *generation, [&]() { return compute(*store, auth::Viewer()); }));
}

// A framework a group of routes needs, loaded once when the routes are added: the framework,
// or why it is missing (no --frameworks folder, or a file that does not load), which the routes
// then answer with.
template <typename Framework>
struct LoadedFramework {
  std::string dir;  // the server's frameworks folder
  std::shared_ptr<const Framework> framework;
  Status error;
};

// Loads `load(dir) -> Result<shared_ptr<const Framework>>` from the server's frameworks folder.
// `unconfigured` is the message without a folder ("partner matching is not configured on this
// server"); `what` names the framework in a loading error ("the partner-assets framework").
template <typename Framework, typename Load>
LoadedFramework<Framework> LoadFramework(const ServerOptions& options, Load&& load,
                                         const std::string& unconfigured, const std::string& what) {
  LoadedFramework<Framework> f;
  f.dir = options.frameworks_dir;
  if (f.dir.empty()) {
    f.error = Unavailable(unconfigured + " (start it with --frameworks)");
    return f;
  }
  auto framework = load(f.dir);
  if (framework.ok()) {
    f.framework = *framework;
  } else {
    f.error = Unavailable(what + " could not be loaded: " + framework.status().message());
  }
  return f;
}

template <typename Framework>
using FrameworkHandler = void (*)(ApiContext&, const LoadedFramework<Framework>&,
                                  const httplib::Request&, httplib::Response&);

struct FrameworkRouteSpec {
  const char* method;
  const char* path;
};

// Adds routes whose handlers get the loaded framework; while it is missing they answer 503
// with the reason.
template <typename Framework>
void AddFrameworkRoutes(
    Router& router, ApiContext& ctx, LoadedFramework<Framework> loaded,
    std::initializer_list<std::pair<FrameworkRouteSpec, FrameworkHandler<Framework>>> routes) {
  auto shared = std::make_shared<const LoadedFramework<Framework>>(std::move(loaded));
  for (const auto& [spec, handler] : routes) {
    router.Add(spec.method, spec.path,
               [&ctx, shared, h = handler](const httplib::Request& req, httplib::Response& res) {
                 if (!shared->framework) return SendError(res, shared->error);
                 h(ctx, *shared, req, res);
               });
  }
}

}  // namespace ecosol::http
