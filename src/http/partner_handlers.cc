// Partner matching (docs/ecosystem.md, "Partner matching"):
//   GET  /api/v1/ecosystem/partners?actor=&block=&asset=&max_km=&include_tied=&limit=&lang=
//   GET  /api/v1/ecosystem/brokers?territory=&lang=
//   GET  /api/v1/ecosystem/assets?lang=                 asset types, for forms
//   GET  /api/v1/actors/{id}/offers-wants?with_deleted=&format=murmurations
//   POST /api/v1/actors/{id}/offers-wants              a Murmurations profile or Ecosol's shape
//   GET  /api/v1/offers-wants/{id}/history
//   DELETE /api/v1/offers-wants/{id}, POST /api/v1/offers-wants/{id}/restore
// Reads are over the actors the caller may see; writes need the right to edit the actor
// (auth::Action::kEditActor). The public's recommendations are cached per registry generation
// and offers-and-wants state.

#include <cmath>
#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosol/ecosystem/partners_service.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// The frameworks folder and the partner framework, loaded once; `error` says why it is missing.
using Partners = LoadedFramework<ecosystem::PartnerFramework>;

Result<bool> BoolParam(const httplib::Request& req, const std::string& name) {
  const std::string v = req.get_param_value(name);
  if (v.empty() || v == "false") return false;
  if (v == "true") return true;
  return InvalidArgument(name + ": expected true or false, not '" + v + "'");
}

// GET /api/v1/ecosystem/partners
void GetPartners(ApiContext& ctx, const Partners& p, const httplib::Request& req,
                 httplib::Response& res) {
  Status params =
      CheckParams(req, {"actor", "block", "asset", "max_km", "include_tied", "limit", "lang"});
  if (!params.ok()) return SendError(res, params);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  ecosystem::PartnerQuery q;
  q.actor_id = req.get_param_value("actor");
  if (q.actor_id.empty()) {
    return SendError(res, InvalidArgument("actor: required (the id of the actor to find "
                                          "partners for: actor=tiess)"));
  }
  q.block = req.get_param_value("block");
  q.asset_type = req.get_param_value("asset");
  auto tied = BoolParam(req, "include_tied");
  if (!tied.ok()) return SendError(res, tied.status());
  q.include_tied = *tied;
  if (req.has_param("limit")) {
    long long limit = 0;
    if (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 100) {
      return SendError(res, InvalidArgument("limit: expected a whole number from 1 to 100, not '" +
                                            req.get_param_value("limit") + "'"));
    }
    q.limit = static_cast<int>(limit);
  }
  if (req.has_param("max_km")) {
    double km = 0;
    if (!ParseDouble(req.get_param_value("max_km"), &km) || !std::isfinite(km) || km < 0) {
      return SendError(res,
                       InvalidArgument("max_km: expected a distance in km of 0 or more, not '" +
                                       req.get_param_value("max_km") + "'"));
    }
    q.max_km = km;
  }
  AnswerReport(
      ctx, req, res, "partners", ecosystem::OffersWantsStamp,
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto r = ecosystem::PartnersFor(store, scope, p.dir, q, *ctx.clock);
        if (!r.ok()) return r.status();
        return DumpLocalized(ecosystem::ToJson(*r), *lang);
      });
}

// GET /api/v1/ecosystem/brokers?territory=
void GetBrokers(ApiContext& ctx, const Partners& p, const httplib::Request& req,
                httplib::Response& res) {
  Status params = CheckParams(req, {"territory", "lang"});
  if (!params.ok()) return SendError(res, params);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  const std::string territory = req.get_param_value("territory");
  AnswerReport(
      ctx, req, res, "brokers", ecosystem::OffersWantsStamp,
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto r = ecosystem::BrokerGapsIn(store, scope, p.dir, territory, *ctx.clock);
        if (!r.ok()) return r.status();
        return DumpLocalized(ecosystem::ToJson(*r), *lang);
      });
}

// GET /api/v1/ecosystem/assets: the asset types and the blocks they serve.
void GetAssets(ApiContext&, const Partners& p, const httplib::Request& req,
               httplib::Response& res) {
  Status params = CheckParams(req, {"lang"});
  if (!params.ok()) return SendError(res, params);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  json items = json::array();
  for (const ecosystem::AssetType& a : p.framework->asset_types) {
    items.push_back({{"id", a.id}, {"block", a.block}, {"label", a.label}});
  }
  res.set_content(DumpLocalized({{"framework", p.framework->id},
                                 {"version", p.framework->version},
                                 {"asset_types", items}},
                                *lang),
                  "application/json; charset=utf-8");
}

// GET /api/v1/actors/{id}/offers-wants
void GetActorOffers(ApiContext& ctx, const Partners&, const httplib::Request& req,
                    httplib::Response& res) {
  Status params = CheckParams(req, {"with_deleted", "format"});
  if (!params.ok()) return SendError(res, params);
  const std::string format = req.get_param_value("format");
  if (!format.empty() && format != "murmurations" && format != "ecosol") {
    return SendError(
        res, InvalidArgument("format: expected murmurations or ecosol, not '" + format + "'"));
  }
  auto with_deleted = BoolParam(req, "with_deleted");
  if (!with_deleted.ok()) return SendError(res, with_deleted.status());
  const std::string id = req.matches[1];
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  if (*with_deleted) {
    // Deleted ones are shown to those who may edit the actor.
    Status allowed = AllowedOnActor(reg, *caller, auth::Action::kEditActor, id);
    if (!allowed.ok()) return SendError(res, allowed);
  } else {
    auto scope = ScopeOfActor(reg, *caller, id);
    if (!scope.ok()) return SendError(res, scope.status());
  }
  auto list = ecosystem::OffersWantsOf(*store, id, *with_deleted);
  if (!list.ok()) return SendError(res, list.status());
  json items = json::array();
  for (const ecosystem::OfferWant& o : *list) {
    items.push_back(format == "murmurations" ? ecosystem::ToMurmurations(o) : ecosystem::ToJson(o));
  }
  SendJson(res, 200, {{"actor_id", id}, {"items", items}});
}

Status RefuseReadOnly(const Caller& caller) {
  if (!caller.principal.read_only) return Status::Ok();
  return Status(StatusCode::kPermissionDenied,
                "this API token may only read; offers and wants need a token with the write scope");
}

ecosystem::EditAuthor AuthorOf(const Caller& c) { return {c.principal.who, c.address}; }

// POST /api/v1/actors/{id}/offers-wants
void PostActorOffer(ApiContext& ctx, const Partners& p, const httplib::Request& req,
                    httplib::Response& res) {
  const std::string id = req.matches[1];
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status ro = RefuseReadOnly(c);
    if (!ro.ok()) return SendError(res, ro);
    Status allowed = AllowedOnActor(reg, c, auth::Action::kEditActor, id);
    if (!allowed.ok()) return SendError(res, allowed);
    auto input = ecosystem::OfferWantInput(body, id, *p.framework, "request body");
    if (!input.ok()) return SendError(res, input.status());
    auto saved =
        ecosystem::SaveOfferWant(reg.store(), *ctx.clock, *p.framework, *input, AuthorOf(c));
    if (!saved.ok()) return SendError(res, saved.status());
    json out = json::parse(saved->doc);
    out["id"] = saved->id;
    out["version"] = saved->version;
    SendJson(res, 201, out);
  });
}

// The actor an offer or want belongs to, for the policy; NotFound for an unknown id.
Result<std::string> OwnerOf(store::Store& store, const std::string& id) {
  auto found = store.GetOfferWant(id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return NotFound("no offer or want with id '" + id + "'");
  return (*found)->actor_id;
}

void SetDeleted(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
                bool deleted) {
  const std::string id = req.matches[1];
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status ro = RefuseReadOnly(c);
    if (!ro.ok()) return SendError(res, ro);
    auto owner = OwnerOf(reg.store(), id);
    if (!owner.ok()) return SendError(res, owner.status());
    Status allowed = AllowedOnActor(reg, c, auth::Action::kEditActor, *owner);
    if (!allowed.ok()) return SendError(res, allowed);
    auto r = ecosystem::SetOfferWantDeleted(reg.store(), *ctx.clock, id, deleted, AuthorOf(c));
    if (!r.ok()) return SendError(res, r.status());
    SendJson(res, 200,
             {{"id", r->id},
              {"actor_id", r->actor_id},
              {"version", r->version},
              {"deleted", r->deleted}});
  });
}

void DeleteOffer(ApiContext& ctx, const Partners&, const httplib::Request& req,
                 httplib::Response& res) {
  SetDeleted(ctx, req, res, true);
}

void RestoreOffer(ApiContext& ctx, const Partners&, const httplib::Request& req,
                  httplib::Response& res) {
  SetDeleted(ctx, req, res, false);
}

// GET /api/v1/offers-wants/{id}/history: to those who may edit the actor.
void GetOfferHistory(ApiContext& ctx, const Partners&, const httplib::Request& req,
                     httplib::Response& res) {
  Status params = CheckParams(req, {});
  if (!params.ok()) return SendError(res, params);
  const std::string id = req.matches[1];
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto owner = OwnerOf(*store, id);
  if (!owner.ok()) return SendError(res, owner.status());
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  Status allowed = AllowedOnActor(reg, *caller, auth::Action::kEditActor, *owner);
  if (!allowed.ok()) return SendError(res, allowed);
  auto versions = ecosystem::OfferWantVersions(*store, id);
  if (!versions.ok()) return SendError(res, versions.status());
  json items = json::array();
  for (const store::OfferWantRecord& r : *versions) {
    items.push_back({{"version", r.version},
                     {"deleted", r.deleted},
                     {"updated_at", r.updated_at},
                     {"updated_by", r.updated_by},
                     {"doc", json::parse(r.doc, nullptr, false)}});
  }
  SendJson(res, 200, {{"id", id}, {"actor_id", *owner}, {"versions", items}});
}

}  // namespace

void AddPartnerRoutes(Router& router, ApiContext& ctx) {
  AddFrameworkRoutes<ecosystem::PartnerFramework>(
      router, ctx,
      LoadFramework<ecosystem::PartnerFramework>(
          ctx.options, ecosystem::PartnerFrameworkIn,
          "partner matching is not configured on this server", "the partner-assets framework"),
      {{{"GET", "/api/v1/ecosystem/partners"}, GetPartners},
       {{"GET", "/api/v1/ecosystem/brokers"}, GetBrokers},
       {{"GET", "/api/v1/ecosystem/assets"}, GetAssets},
       {{"GET", "/api/v1/actors/{id}/offers-wants"}, GetActorOffers},
       {{"POST", "/api/v1/actors/{id}/offers-wants"}, PostActorOffer},
       {{"GET", "/api/v1/offers-wants/{id}/history"}, GetOfferHistory},
       {{"DELETE", "/api/v1/offers-wants/{id}"}, DeleteOffer},
       {{"POST", "/api/v1/offers-wants/{id}/restore"}, RestoreOffer}});
}

}  // namespace ecosol::http
