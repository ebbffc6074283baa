// /api/v1/actors/{id}/indicators: an actor's dated figures (turnover, members, employees... by
// year and source), shown to whoever may see the actor.

#include "api.h"
#include "ecosol/interop/indicators.h"

namespace ecosol::http {
namespace {

// The figures of a non-deleted actor the caller may see; the same 404 as GET /actors/{id} for
// an actor that is unknown, deleted or hidden from the caller, so that hidden actors cannot be
// told from absent ones. The figures have no visibility of their own: they go with the record.
void ActorIndicators(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  const std::string id = req.matches[1];
  auto store = ctx.pool->Acquire();
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  auto actor = store->GetActor(id);
  if (!actor.ok()) return SendError(res, actor.status());
  if (!actor->has_value() || (*actor)->deleted || !viewer->View(**actor)) {
    return SendError(res, NotFound("no actor with id '" + id + "'"));
  }
  auto indicators = store->Indicators(id);
  if (!indicators.ok()) return SendError(res, indicators.status());
  SendJson(res, 200, interop::IndicatorsToJson(id, *indicators));
}

}  // namespace

void AddIndicatorRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/actors/{id}/indicators", Bind(ctx, ActorIndicators));
}

}  // namespace ecosol::http
