#pragma once

// Private to the http module: what the ecosystem handlers (blocks, partners, trends) share: the
// `lang` parameter, localised JSON, and answering a report for the caller, the public's from the
// response cache.

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

}  // namespace ecosol::http
