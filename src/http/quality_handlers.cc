// /api/v1/quality (the data quality report), /api/v1/quality/due (the actors due for
// confirmation) and POST /api/v1/actors/{id}/confirm. Readers get figures over the actors they
// may see, as they see them.

#include <set>
#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "ecosol/registry/quality.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

Result<int> DaysParam(const httplib::Request& req) {
  if (!req.has_param("days")) return 365;
  long long days = 0;
  if (!ParseInt64(req.get_param_value("days"), &days) || days < 1 || days > 36500) {
    return InvalidArgument("days: expected a whole number from 1 to 36500, not '" +
                           req.get_param_value("days") + "'");
  }
  return static_cast<int>(days);
}

// The scope shared by both reads: territory, source, and the caller's audience and view.
Status ReadScope(const httplib::Request& req, const auth::Viewer& viewer,
                 registry::QualityScope* scope) {
  scope->territory = req.get_param_value("territory");
  if (req.has_param("source")) scope->source = req.get_param_value("source");
  if (!IsValidUtf8(scope->territory) || (scope->source && !IsValidUtf8(*scope->source))) {
    return InvalidArgument("territory, source: not valid UTF-8");
  }
  scope->audience = viewer.audience();
  scope->view = [viewer](model::Actor a) { return viewer.View(std::move(a)); };
  return Status::Ok();
}

// GET /api/v1/quality?territory=&source=&days=&duplicates=: the report. The public's answer is
// cached per registry generation and day; duplicates=true (a search over the whole registry)
// needs a signed-in caller.
void GetQuality(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"territory", "source", "days", "duplicates"});
  if (!p.ok()) return SendError(res, p);
  registry::QualityOptions o;
  auto days = DaysParam(req);
  if (!days.ok()) return SendError(res, days.status());
  o.days = *days;
  std::string duplicates = req.get_param_value("duplicates");
  if (!duplicates.empty() && duplicates != "true" && duplicates != "false") {
    return SendError(
        res, InvalidArgument("duplicates: expected true or false, not '" + duplicates + "'"));
  }
  o.duplicates = duplicates == "true";
  auto compute = [&](store::Store& store,
                     const auth::Viewer& viewer) -> std::optional<std::string> {
    Status s = ReadScope(req, viewer, &o);
    if (!s.ok()) return SendError(res, s), std::nullopt;
    auto report = registry::BuildQualityReport(store, *ctx.clock, *ctx.taxonomy, o);
    if (!report.ok()) return SendError(res, report.status()), std::nullopt;
    return registry::QualityReportToJson(*report).dump();
  };
  auto send = [&](std::optional<std::string> body) {
    if (body) res.set_content(std::move(*body), "application/json; charset=utf-8");
  };
  if (HasCredentials(req) || o.duplicates) {
    auto store = ctx.pool->Acquire();
    auto caller = Identify(ctx, req, *store);
    if (!caller.ok()) return SendError(res, caller.status());
    if (o.duplicates && !caller->principal.signed_in) {
      return SendError(res, Status(StatusCode::kUnauthenticated,
                                   "duplicates=true searches the whole registry: sign in, or "
                                   "send 'Authorization: Bearer <API token>'"));
    }
    auto viewer = auth::Viewer::For(caller->principal, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    return send(compute(*store, *viewer));
  }
  Result<long long> generation = ctx.pool->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  std::string key = "quality\n" + FormatDate(ctx.clock->Now());
  for (const auto& [name, value] : req.params) key += "\n" + name + "=" + value;
  send(ctx.cache->GetOrCompute(key, *generation, [&]() {
    auto store = ctx.pool->Acquire();
    return compute(*store, auth::Viewer());
  }));
}

// GET /api/v1/quality/due?territory=&source=&days=&limit=&cursor=.
void GetDue(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"territory", "source", "days", "limit", "cursor"});
  if (!p.ok()) return SendError(res, p);
  registry::DueOptions o;
  auto days = DaysParam(req);
  if (!days.ok()) return SendError(res, days.status());
  o.days = *days;
  if (req.has_param("limit")) {
    long long limit = 0;
    if (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 1000) {
      return SendError(res, InvalidArgument("limit: expected a whole number from 1 to 1000"));
    }
    o.limit = static_cast<int>(limit);
  }
  o.cursor = req.get_param_value("cursor");
  auto store = ctx.pool->Acquire();
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  Status s = ReadScope(req, *viewer, &o);
  if (!s.ok()) return SendError(res, s);
  auto page = registry::ListDue(*store, *ctx.clock, o);
  if (!page.ok()) return SendError(res, page.status());
  SendJson(res, 200, registry::DuePageToJson(*page, o.days));
}

// POST /api/v1/actors/{id}/confirm: whoever may edit the actor confirms its data are up to date.
void Confirm(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    const std::string id = req.matches[1];
    auto viewer = auth::Viewer::For(c.principal, reg.store());
    if (!viewer.ok()) return SendError(res, viewer.status());
    auto actor = reg.store().GetActor(id);
    if (!actor.ok()) return SendError(res, actor.status());
    // An actor the caller may not see is answered as absent, as reads do.
    if (!actor->has_value() || (*actor)->deleted || !viewer->CanSee(**actor)) {
      return SendError(res, NotFound("no actor with id '" + id + "'"));
    }
    auto scope = auth::ScopeOf(reg.store(), **actor);
    if (!scope.ok()) return SendError(res, scope.status());
    auth::Target target;
    target.actors.push_back(std::move(*scope));
    Status allowed = auth::Authorize(c.principal, auth::Action::kEditActor, target);
    if (!allowed.ok()) return SendError(res, allowed);
    auto confirmed =
        registry::ConfirmActor(reg.store(), *ctx.clock, id, {c.principal.who, c.address});
    if (!confirmed.ok()) return SendError(res, confirmed.status());
    auto shown = viewer->View(*confirmed);
    if (!shown) return SendJson(res, 200, {{"id", id}, {"version", confirmed->version}});
    SendJson(res, 200, model::ActorToJson(*shown));
  });
}

}  // namespace

void AddQualityRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/quality", Bind(ctx, GetQuality));
  router.Add("GET", "/api/v1/quality/due", Bind(ctx, GetDue));
  router.Add("POST", "/api/v1/actors/{id}/confirm", Bind(ctx, Confirm));
}

}  // namespace ecosol::http
