// /api/v1/ecosystem/blocks, /compare, /framework and /perception: the building blocks of
// territories, their comparison, the framework for rating forms, and the perception assessments
// raters record (docs/ecosystem-blocks.md). Reports are over the actors the caller may see, as
// they see them; the public's are cached per registry generation and perception state.

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/blocks_service.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// The framework, loaded once when the routes are added; `error` says why it is missing.
using Blocks = LoadedFramework<ecosystem::BlocksFramework>;

// GET /api/v1/ecosystem/blocks?territory=&lang=
void GetBlocks(ApiContext& ctx, const Blocks& b, const httplib::Request& req,
               httplib::Response& res) {
  Status p = CheckParams(req, {"territory", "lang"});
  if (!p.ok()) return SendError(res, p);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  const std::string territory = req.get_param_value("territory");
  AnswerReport(
      ctx, req, res, "blocks",
      [&](store::Store& store) { return ecosystem::BlocksInputsStamp(store, {territory}); },
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto r = ecosystem::TerritoryBlocks(store, scope, *b.framework, territory);
        if (!r.ok()) return r.status();
        return DumpLocalized(ecosystem::ToJson(*r), *lang);
      });
}

// GET /api/v1/ecosystem/compare?territories=T1,T2&lang=
void GetCompare(ApiContext& ctx, const Blocks& b, const httplib::Request& req,
                httplib::Response& res) {
  Status p = CheckParams(req, {"territories", "lang"});
  if (!p.ok()) return SendError(res, p);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  const auto territories = ecosystem::ParseTerritoryList(req.get_param_value("territories"));
  if (territories.size() < 2) {
    return SendError(res, InvalidArgument("territories: name two or more territories, "
                                          "comma-separated (territories=CA/QC,CA/ON)"));
  }
  AnswerReport(
      ctx, req, res, "compare",
      [&](store::Store& store) { return ecosystem::BlocksInputsStamp(store, territories); },
      [&](store::Store& store, const ecosystem::SnapshotScope& scope) -> Result<std::string> {
        auto c = ecosystem::CompareTerritories(store, scope, *b.framework, territories);
        if (!c.ok()) return c.status();
        return DumpLocalized(ecosystem::ToJson(*c), *lang);
      });
}

// GET /api/v1/ecosystem/framework?lang=
void GetFramework(ApiContext&, const Blocks& b, const httplib::Request& req,
                  httplib::Response& res) {
  Status p = CheckParams(req, {"lang"});
  if (!p.ok()) return SendError(res, p);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  res.set_content(DumpLocalized(ecosystem::FrameworkToJson(*b.framework), *lang),
                  "application/json; charset=utf-8");
}

// Who rates through the API: the user, whether by session or by token.
std::string RaterOf(const auth::Principal& p) {
  return p.user_id.empty() ? p.who : "user:" + p.user_id;
}

// GET /api/v1/ecosystem/perception?territory=&with_deleted=: raters are named to signed-in
// callers only; deleted assessments (with_deleted=true, signed in) to admins and their raters.
void GetPerception(ApiContext& ctx, const Blocks&, const httplib::Request& req,
                   httplib::Response& res) {
  Status p = CheckParams(req, {"territory", "with_deleted"});
  if (!p.ok()) return SendError(res, p);
  const std::string with_deleted = req.get_param_value("with_deleted");
  if (!with_deleted.empty() && with_deleted != "true" && with_deleted != "false") {
    return SendError(
        res, InvalidArgument("with_deleted: expected true or false, not '" + with_deleted + "'"));
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  const auth::Principal& who = caller->principal;
  if (with_deleted == "true" && !who.signed_in) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "with_deleted=true: sign in to see deleted assessments"));
  }
  auto list =
      ecosystem::ListPerception(*store, req.get_param_value("territory"), with_deleted == "true");
  if (!list.ok()) return SendError(res, list.status());
  json items = json::array();
  for (const store::PerceptionAssessment& a : *list) {
    if (a.deleted && !who.IsAdmin() && a.rater != RaterOf(who)) continue;
    items.push_back(ecosystem::PerceptionToJson(a, who.signed_in));
  }
  SendJson(res, 200, {{"territory", req.get_param_value("territory")}, {"items", items}});
}

ecosystem::PerceptionAuthor AuthorOf(const Caller& caller) {
  return {RaterOf(caller.principal), caller.principal.IsAdmin(), caller.principal.who,
          caller.address};
}

Status RefuseReadOnly(const Caller& caller) {
  if (!caller.principal.read_only) return Status::Ok();
  return Status(StatusCode::kPermissionDenied,
                "this API token may only read; assessments need a token with the write scope");
}

// POST /api/v1/ecosystem/perception {territory, rater_role, scores}
void PostPerception(ApiContext& ctx, const Blocks& b, const httplib::Request& req,
                    httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status ro = RefuseReadOnly(c);
    if (!ro.ok()) return SendError(res, ro);
    auto input = ecosystem::PerceptionInputFromJson(body);
    if (!input.ok()) return SendError(res, input.status());
    auto a =
        ecosystem::RecordPerception(reg.store(), *ctx.clock, *b.framework, *input, AuthorOf(c));
    if (!a.ok()) return SendError(res, a.status());
    SendJson(res, 201, ecosystem::PerceptionToJson(*a, true));
  });
}

void SetDeleted(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
                bool deleted) {
  const std::string id = req.matches[1];
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status ro = RefuseReadOnly(c);
    if (!ro.ok()) return SendError(res, ro);
    auto a = ecosystem::SetPerceptionDeleted(reg.store(), *ctx.clock, id, deleted, AuthorOf(c));
    if (!a.ok()) return SendError(res, a.status());
    SendJson(res, 200, ecosystem::PerceptionToJson(*a, true));
  });
}

// DELETE /api/v1/ecosystem/perception/{id}
void DeletePerception(ApiContext& ctx, const Blocks&, const httplib::Request& req,
                      httplib::Response& res) {
  SetDeleted(ctx, req, res, true);
}

// POST /api/v1/ecosystem/perception/{id}/restore
void RestorePerception(ApiContext& ctx, const Blocks&, const httplib::Request& req,
                       httplib::Response& res) {
  SetDeleted(ctx, req, res, false);
}

}  // namespace

Result<std::string> ReadLang(const httplib::Request& req) {
  for (const auto& [name, value] : req.params) {
    if (!IsValidUtf8(value)) return InvalidArgument(name + ": not valid UTF-8");
  }
  if (!req.has_param("lang")) return std::string();
  std::string lang = req.get_param_value("lang");
  ECOSOL_RETURN_IF_ERROR(ecosystem::CheckLanguage(lang));
  return lang;
}

std::string DumpLocalized(const nlohmann::json& doc, const std::string& lang) {
  return (lang.empty() ? doc : ecosystem::Localize(doc, lang)).dump();
}

void AddEcosystemBlocksRoutes(Router& router, ApiContext& ctx) {
  AddFrameworkRoutes<ecosystem::BlocksFramework>(
      router, ctx,
      LoadFramework<ecosystem::BlocksFramework>(ctx.options, ecosystem::BlocksFrameworkIn,
                                                "the building blocks are not configured on this "
                                                "server",
                                                "the building-blocks framework"),
      {{{"GET", "/api/v1/ecosystem/blocks"}, GetBlocks},
       {{"GET", "/api/v1/ecosystem/compare"}, GetCompare},
       {{"GET", "/api/v1/ecosystem/framework"}, GetFramework},
       {{"GET", "/api/v1/ecosystem/perception"}, GetPerception},
       {{"POST", "/api/v1/ecosystem/perception"}, PostPerception},
       {{"DELETE", "/api/v1/ecosystem/perception/{id}"}, DeletePerception},
       {{"POST", "/api/v1/ecosystem/perception/{id}/restore"}, RestorePerception}});
}

}  // namespace ecosol::http
