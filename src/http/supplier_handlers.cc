// Suppliers for a tender (docs/ecosystem.md, "Suppliers for a tender"; docs/http-api.md):
//   POST /api/v1/ecosystem/suppliers?lang=   body: the tender; anyone, over the actors they see
//   POST /api/v1/ecosystem/awards            body: {"tender", "supplier", "date"}; the right to
//                                            edit the buyer
// Fact values are shown only for suppliers the caller may assess (as GET
// /api/v1/actors/{id}/screenings does); others see the statuses, facts' names and sources.
// Not cached: the answer depends on the body and on screening profiles, whose writes do not move
// the registry's generation.

#include <string>

#include "api.h"
#include "ecosol/ecosystem/suppliers_service.h"
#include "ecosol/screening/service.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

Status Configured(const ApiContext& ctx) {
  if (ctx.frameworks && ctx.clauses) return Status::Ok();
  return Unavailable("suppliers need the screening frameworks; start the server with --frameworks");
}

// Whether the caller may read the facts of the actor (its screening profile).
bool MayAssess(store::Store& store, const Caller& caller, const std::string& id) {
  if (!caller.principal.signed_in) return false;
  auto actor = store.GetActor(id);
  if (!actor.ok() || !actor->has_value()) return false;
  auto scope = auth::ScopeOf(store, **actor);
  if (!scope.ok()) return false;
  auth::Target target;
  target.actors.push_back(*scope);
  return auth::Authorize(caller.principal, auth::Action::kAssessActor, target).ok();
}

void HideFactValues(json* supplier) {
  for (json& condition : (*supplier)["conditions"]) {
    for (json& fact : condition["facts"]) {
      // The tender's own facts (the buyer, past awards) are the buyer's to know.
      if (fact.value("fact", "").rfind("tender.", 0) == 0) continue;
      fact.erase("value");
      fact.erase("statutes");
      fact.erase("by");
    }
  }
}

// POST /api/v1/ecosystem/suppliers
void PostSuppliers(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto tender = ecosystem::TenderFromJson(*body, "request body");
  if (!tender.ok()) return SendError(res, tender.status());
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto viewer = auth::Viewer::For(caller->principal, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  ecosystem::SnapshotScope scope;
  scope.audience = viewer->audience();
  scope.view = [v = *viewer](model::Actor a) { return v.View(std::move(a)); };
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  screening::ScreeningService screening(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
  auto report = ecosystem::SuppliersFor(*store, scope, screening, *ctx.frameworks, *tender);
  if (!report.ok()) return SendError(res, report.status());
  json out = ecosystem::ToJson(*report);
  for (json& supplier : out["suppliers"]) {
    bool shown = MayAssess(*store, *caller, supplier["actor"]["id"].get<std::string>());
    if (!shown) HideFactValues(&supplier);
    supplier["facts_shown"] = shown;
  }
  res.set_content(DumpLocalized(out, *lang), "application/json; charset=utf-8");
}

// POST /api/v1/ecosystem/awards
void PostAward(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    if (c.principal.read_only) {
      return SendError(res, Status(StatusCode::kPermissionDenied,
                                   "this API token may only read; recording an award needs a "
                                   "token with the write scope"));
    }
    auto award = ecosystem::AwardFromJson(body, "request body");
    if (!award.ok()) return SendError(res, award.status());
    Status allowed = AllowedOnActor(reg, c, auth::Action::kEditActor, award->tender.buyer);
    if (!allowed.ok()) return SendError(res, allowed.WithContext("tender: buyer"));
    auto rel = ecosystem::RecordAward(reg, *ctx.frameworks, *award);
    if (!rel.ok()) return SendError(res, rel.status());
    SendJson(res, 201,
             {{"id", rel->id},
              {"from", rel->from},
              {"to", rel->to},
              {"type", "supplies"},
              {"started", rel->started},
              {"description", rel->description},
              {"version", rel->version}});
  });
}

}  // namespace

void AddSupplierRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/ecosystem/suppliers", Bind(ctx, PostSuppliers));
  router.Add("POST", "/api/v1/ecosystem/awards", Bind(ctx, PostAward));
}

}  // namespace ecosol::http
