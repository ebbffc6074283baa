// /api/v1/frameworks, /facts, /screen, /statutes/analyze, /actors/{id}/profile,
// /actors/{id}/screenings and /screenings: SSE screening over HTTP.

#include <random>

#include "api.h"
#include "ecosol/jobs/worker.h"
#include "ecosol/screening/service.h"
#include "ecosol/text/document.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

Status Configured(const ApiContext& ctx) {
  if (ctx.frameworks && ctx.clauses) return Status::Ok();
  return Unavailable("screening is not configured on this server (start it with --frameworks)");
}

json FrameworkSummary(const screening::Framework& f) {
  json options = json::array();
  for (const screening::Option& o : f.options)
    options.push_back({{"id", o.id}, {"title", o.title}});
  return {{"id", f.id},
          {"version", f.version},
          {"subject", f.subject},
          {"kind", f.kind},
          {"jurisdiction", f.jurisdiction},
          {"title", f.title},
          {"description", f.description},
          {"criteria", f.criteria.size()},
          {"red_flags", f.red_flags.size()},
          {"options", options}};
}

void ListFrameworks(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  json items = json::array();
  for (const screening::Framework& f : ctx.frameworks->frameworks()) {
    items.push_back(FrameworkSummary(f));
  }
  SendJson(res, 200, {{"items", items}});
}

void GetFramework(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  const screening::Framework* f = ctx.frameworks->Find(std::string(req.matches[1]));
  if (!f) return SendError(res, NotFound("no framework '" + std::string(req.matches[1]) + "'"));
  SendJson(res, 200, f->document);
}

void ListFacts(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  json items = json::array();
  for (const screening::FactSpec& f : ctx.frameworks->facts()) {
    json item = {{"path", f.path}, {"subject", f.subject}, {"type", f.type}, {"label", f.label}};
    if (!f.values.empty()) item["values"] = f.values;
    items.push_back(std::move(item));
  }
  SendJson(res, 200, {{"items", items}});
}

Result<std::vector<std::string>> StringList(const json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::vector<std::string>{};
  if (!body[key].is_array()) return InvalidArgument(std::string(key) + ": expected a list");
  std::vector<std::string> out;
  for (const json& v : body[key]) {
    if (!v.is_string()) return InvalidArgument(std::string(key) + ": expected a list of ids");
    out.push_back(v.get<std::string>());
  }
  return out;
}

// {frameworks?, options?, lang?, statutes_lang?} of a request body.
Result<screening::ScreenRequest> RequestOf(const json& body) {
  screening::ScreenRequest r;
  auto frameworks = StringList(body, "frameworks");
  if (!frameworks.ok()) return frameworks.status();
  r.frameworks = std::move(*frameworks);
  auto options = StringList(body, "options");
  if (!options.ok()) return options.status();
  r.options = std::move(*options);
  if (body.contains("lang")) {
    if (!body["lang"].is_string()) return InvalidArgument("lang: expected en, fr, es or pt");
    r.lang = body["lang"];
  }
  if (body.contains("statutes_lang")) {
    if (!body["statutes_lang"].is_string()) return InvalidArgument("statutes_lang: expected text");
    r.statutes_lang = body["statutes_lang"];
  }
  return r;
}

// "statutes": {"name": "...", "text": "..."} (plain text; documents go through
// /api/v1/statutes/analyze or the CLI first).
Result<std::optional<screening::Statutes>> StatutesOf(const json& body) {
  if (!body.contains("statutes") || body["statutes"].is_null()) {
    return std::optional<screening::Statutes>();
  }
  const json& s = body["statutes"];
  if (!s.is_object() || !s.contains("text") || !s["text"].is_string()) {
    return InvalidArgument("statutes: expected {\"name\": file name, \"text\": plain text}");
  }
  return std::optional<screening::Statutes>(
      screening::Statutes{s.value("name", std::string("statutes.txt")), s["text"]});
}

Status CheckKeys(const json& body, const std::set<std::string>& allowed) {
  for (const auto& [key, unused] : body.items()) {
    if (!allowed.count(key)) return InvalidArgument(key + ": unknown field");
  }
  return Status::Ok();
}

// POST /api/v1/screen: screens a profile without storing anything (the self-assessment form's
// server-side twin). Open to everyone: it reads and writes no stored data.
void ScreenProfile(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  s = CheckKeys(*body, {"profile", "statutes", "frameworks", "options", "lang", "statutes_lang"});
  if (!s.ok()) return SendError(res, s);
  if (!body->contains("profile")) return SendError(res, InvalidArgument("profile: is required"));
  auto request = RequestOf(*body);
  if (!request.ok()) return SendError(res, request.status());
  auto statutes = StatutesOf(*body);
  if (!statutes.ok()) return SendError(res, statutes.status());
  auto store = ctx.pool->Acquire();
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  screening::ScreeningService service(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
  auto out =
      service.ScreenDocument((*body)["profile"], *statutes ? &**statutes : nullptr, *request);
  if (!out.ok()) return SendError(res, out.status());
  SendJson(res, 200, *out);
}

std::string FormatOf(const std::string& content_type) {
  if (content_type.find("pdf") != std::string::npos) return "pdf";
  if (content_type.find("wordprocessingml") != std::string::npos) return "docx";
  if (content_type.find("html") != std::string::npos) return "html";
  if (content_type.find("markdown") != std::string::npos) return "md";
  if (content_type.find("text/plain") != std::string::npos) return "txt";
  return "";
}

// POST /api/v1/statutes/analyze: a document (PDF, DOCX, HTML, Markdown or text as the body with
// its Content-Type) or {"text", "lang"} as JSON.
void AnalyzeStatutes(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  std::string content_type = req.get_header_value("Content-Type");
  std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "auto";
  std::string text;
  if (content_type.find("application/json") != std::string::npos) {
    auto body = JsonBody(req);
    if (!body.ok()) return SendError(res, body.status());
    if (!body->contains("text") || !(*body)["text"].is_string()) {
      return SendError(res, InvalidArgument("text: is required (the statutes as plain text)"));
    }
    text = (*body)["text"];
    if (body->contains("lang") && (*body)["lang"].is_string()) lang = (*body)["lang"];
  } else {
    std::string format = FormatOf(content_type);
    if (format.empty()) {
      return SendError(
          res, InvalidArgument("Content-Type: send the document as application/pdf, the DOCX "
                               "type, text/html, text/markdown, text/plain, or JSON {text}"));
    }
    auto extracted = text::ExtractDocumentText(req.body, format);
    if (!extracted.ok()) return SendError(res, extracted.status());
    text = std::move(*extracted);
  }
  auto analysis = ctx.clauses->Analyze(text, lang);
  if (!analysis.ok()) return SendError(res, analysis.status());
  json out = text::ToJson(*analysis);
  out["text"] = text;
  SendJson(res, 200, out);
}

// The caller, the actor's scope, and whether the caller may assess it; NotFound when the caller
// may not see the actor.
struct AssessTarget {
  Caller caller;
  auth::Target target;
  bool can_assess = false;
};

Result<AssessTarget> TargetOf(ApiContext& ctx, const httplib::Request& req, store::Store& store,
                              const std::string& id) {
  auto caller = Identify(ctx, req, store);
  if (!caller.ok()) return caller.status();
  auto viewer = auth::Viewer::For(caller->principal, store);
  if (!viewer.ok()) return viewer.status();
  auto actor = store.GetActor(id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value() || (*actor)->deleted || !viewer->CanSee(**actor)) {
    return NotFound("no actor with id '" + id + "'");
  }
  auto scope = auth::ScopeOf(store, **actor);
  if (!scope.ok()) return scope.status();
  AssessTarget t{std::move(*caller), {}, false};
  t.target.actors.push_back(*scope);
  t.can_assess = auth::Authorize(t.caller.principal, auth::Action::kAssessActor, t.target).ok();
  return t;
}

void GetProfile(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto t = TargetOf(ctx, req, *store, req.matches[1]);
  if (!t.ok()) return SendError(res, t.status());
  s = auth::Authorize(t->caller.principal, auth::Action::kAssessActor, t->target);
  if (!s.ok()) return SendError(res, s);
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  screening::ScreeningService service(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
  auto out = service.ActorProfile(req.matches[1]);
  if (!out.ok()) return SendError(res, out.status());
  SendJson(res, 200, *out);
}

void PutProfile(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    auto t = TargetOf(ctx, req, reg.store(), req.matches[1]);
    if (!t.ok()) return SendError(res, t.status());
    Status allowed = auth::Authorize(c.principal, auth::Action::kAssessActor, t->target);
    if (!allowed.ok()) return SendError(res, allowed);
    Status keys = CheckKeys(body, {"profile", "statutes"});
    if (!keys.ok()) return SendError(res, keys);
    if (!body.contains("profile")) return SendError(res, InvalidArgument("profile: is required"));
    auto statutes = StatutesOf(body);
    if (!statutes.ok()) return SendError(res, statutes.status());
    screening::ScreeningService service(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
    auto version = service.SaveProfile(req.matches[1], body["profile"],
                                       *statutes ? &**statutes : nullptr, c.principal.who);
    if (!version.ok()) return SendError(res, version.status());
    auto out = service.ActorProfile(req.matches[1]);
    if (!out.ok()) return SendError(res, out.status());
    SendJson(res, 200, *out);
  });
}

// Removes the facts from results for callers who may not assess the actor: they see verdicts
// and reasons, not the figures (pay, shares) behind them.
void HideFacts(json* result) {
  for (json& p : (*result)["principles"]) {
    for (json& c : p["criteria"]) {
      for (json& e : c["evidence"]) {
        e.erase("value");
        e.erase("statutes");
      }
    }
  }
  for (json& f : (*result)["red_flags"]) f.erase("evidence");
}

void ActorScreenings(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (s.ok()) s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto t = TargetOf(ctx, req, *store, req.matches[1]);
  if (!t.ok()) return SendError(res, t.status());
  registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
  screening::ScreeningService service(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
  std::string lang = req.has_param("lang") ? req.get_param_value("lang") : "en";
  auto out = service.History(req.matches[1], lang);
  if (!out.ok()) return SendError(res, out.status());
  if (!t->can_assess) {
    for (json& item : (*out)["items"]) HideFacts(&item["result"]);
  }
  (*out)["can_assess"] = t->can_assess;
  SendJson(res, 200, *out);
}

// POST /api/v1/screenings: {"actor": id, ...} screens one actor now and stores the
// assessments (201); {"all": true, ...} starts a job screening every actor (202, with the job).
void CreateScreening(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status s = Configured(ctx);
  if (!s.ok()) return SendError(res, s);
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    Status keys = CheckKeys(body, {"actor", "all", "frameworks", "options", "lang", "page_size"});
    if (!keys.ok()) return SendError(res, keys);
    auto request = RequestOf(body);
    if (!request.ok()) return SendError(res, request.status());
    bool all = body.value("all", false);
    std::string actor = body.contains("actor") && body["actor"].is_string() ? body["actor"] : "";
    if (all == !actor.empty()) {
      return SendError(res, InvalidArgument("give either \"actor\": id or \"all\": true"));
    }
    screening::ScreeningService service(reg, ctx.frameworks, ctx.clauses, *ctx.clock);
    if (!all) {
      auto t = TargetOf(ctx, req, reg.store(), actor);
      if (!t.ok()) return SendError(res, t.status());
      Status allowed = auth::Authorize(c.principal, auth::Action::kAssessActor, t->target);
      if (!allowed.ok()) return SendError(res, allowed);
      auto out = service.ScreenActor(actor, *request, c.principal.who);
      if (!out.ok()) return SendError(res, out.status());
      return SendJson(res, 201, *out);
    }
    Status allowed = auth::Authorize(c.principal, auth::Action::kScreenRegistry, {});
    if (!allowed.ok()) return SendError(res, allowed);
    // Checked now, so that a bad framework name is a 400 and not a failed job.
    auto check = service.ScreenDocument(json::object(), nullptr, *request);
    if (!check.ok() && check.status().code() == StatusCode::kInvalidArgument) {
      return SendError(res, check.status());
    }
    json params = jobs::ScreeningParams(request->frameworks, request->options, request->lang,
                                        request->statutes_lang);
    if (body.contains("page_size")) {
      const json& size = body["page_size"];
      if (!size.is_number_integer() || size.get<long long>() < 1 ||
          size.get<long long>() > 100000) {
        return SendError(res, InvalidArgument("page_size: expected a whole number from 1 to "
                                              "100000 (actors stored per committed batch)"));
      }
      params["page_size"] = size;
    }
    // Queued in the database: a worker thread of this server or of any server or `ecosol
    // worker` process sharing the database runs it (docs/operations.md, "Background jobs").
    auto job = jobs::Enqueue(reg.store(), "screening", params, c.principal.who,
                             FormatTimestamp(ctx.clock->Now()));
    if (!job.ok()) return SendError(res, job.status());
    if (ctx.worker) ctx.worker->Wake();
    SendJson(res, 202, {{"job", jobs::JobToJson(*job)}});
  });
}

}  // namespace

void AddScreeningRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/frameworks", Bind(ctx, ListFrameworks));
  router.Add("GET", "/api/v1/frameworks/{id}", Bind(ctx, GetFramework));
  router.Add("GET", "/api/v1/facts", Bind(ctx, ListFacts));
  router.Add("POST", "/api/v1/screen", Bind(ctx, ScreenProfile));
  router.Add("POST", "/api/v1/statutes/analyze", Bind(ctx, AnalyzeStatutes));
  router.Add("GET", "/api/v1/actors/{id}/profile", Bind(ctx, GetProfile));
  router.Add("PUT", "/api/v1/actors/{id}/profile", Bind(ctx, PutProfile));
  router.Add("GET", "/api/v1/actors/{id}/screenings", Bind(ctx, ActorScreenings));
  router.Add("POST", "/api/v1/screenings", Bind(ctx, CreateScreening));
}

}  // namespace ecosol::http
