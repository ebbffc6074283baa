// The knowledge commons (docs/knowledge.md; docs/http-api.md):
//   GET  /api/v1/knowledge/cases?q=&<facet>=...&status=&limit=&offset=&lang=   search
//   POST /api/v1/knowledge/cases                         a new case, a draft (signed in)
//   GET  /api/v1/knowledge/cases/{id}                    the version the caller may read
//   PUT  /api/v1/knowledge/cases/{id}                    a new version, a draft (signed in)
//   GET  /api/v1/knowledge/cases/{id}/versions[/{n}]     history
//   GET  /api/v1/knowledge/cases/{id}/similar            similar cases
//   POST /api/v1/knowledge/cases/{id}/review             submit | approve | return | withdraw
//   GET  /api/v1/knowledge/cases/{id}/reviews            the review trail
//   POST /api/v1/knowledge/transfer                      transfer analysis (anyone)
//   GET  /api/v1/knowledge/context-framework?lang=       the context catalogue for the wizard
//   POST /api/v1/knowledge/transfers                     record a transfer (lineage, FRAME)
//   GET  /api/v1/knowledge/cases/{id}/lineage            where a case came from and went
//   GET|POST /api/v1/knowledge/watches, DELETE .../{id}  a user's saved searches
//   GET  /api/v1/knowledge/watches/{id}/feed             a saved search's Atom feed (its id is
//                                                        the address; published cases only)
//   GET  /api/v1/knowledge/feed?q=&<facet>=...           the Atom feed of any search
// Stewards and admins read drafts; authors read the cases they wrote; everyone reads what was
// published. Nothing here is cached: searches are fast and their results depend on the caller.

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/ecosystem/partners_service.h"
#include "ecosol/knowledge/service.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

using nlohmann::json;
using Loaded = LoadedFramework<knowledge::TransferFramework>;

// Whether the caller sees drafts of every case.
bool Reviews(const Caller& caller) {
  return auth::Authorize(caller.principal, auth::Action::kReviewCase).ok();
}

// Whether the caller wrote a version of the case (and so may read its drafts).
bool Wrote(store::Store& store, const Caller& caller, const std::string& id) {
  if (!caller.principal.signed_in) return false;
  auto versions = store.CaseVersions(id);
  if (!versions.ok()) return false;
  for (const auto& v : *versions) {
    if (v.who == caller.principal.who) return true;
  }
  return false;
}

bool DraftsOf(store::Store& store, const Caller& caller, const std::string& id) {
  return Reviews(caller) || Wrote(store, caller, id);
}

Result<int> IntParam(const httplib::Request& req, const std::string& name, int fallback) {
  if (!req.has_param(name)) return fallback;
  long long v = 0;
  const std::string text = req.get_param_value(name);
  if (!ParseInt64(text, &v) || v < 0 || v > 1000000) {
    return InvalidArgument(name + ": expected a whole number, not '" + text + "'");
  }
  return static_cast<int>(v);
}

Result<std::string> Lang(const httplib::Request& req) {
  auto lang = ReadLang(req);
  if (!lang.ok()) return lang.status();
  return lang->empty() ? std::string("en") : *lang;
}

// Runs a read of one case's data: checks the parameters, identifies the caller and calls
// body(store, caller, id) with the case id of the path.
template <typename F>
void ReadCase(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
              const std::set<std::string>& params, F&& body) {
  Status s = CheckParams(req, params);
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  body(*store, *caller, req.matches[1].str());
}

void SearchCases(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                 httplib::Response& res) {
  std::set<std::string> allowed = {"q", "status", "limit", "offset", "lang"};
  for (const std::string& f : knowledge::CaseFacetNames()) allowed.insert(f);
  Status s = CheckParams(req, allowed);
  if (!s.ok()) return SendError(res, s);
  knowledge::CaseSearchRequest q;
  q.q = req.get_param_value("q");
  for (const std::string& f : knowledge::CaseFacetNames()) {
    size_t n = req.get_param_value_count(f);
    for (size_t i = 0; i < n; ++i) {
      std::string v = req.get_param_value(f, i);
      if (!v.empty()) q.filters[f].push_back(v);
    }
  }
  auto limit = IntParam(req, "limit", 20);
  if (!limit.ok()) return SendError(res, limit.status());
  auto offset = IntParam(req, "offset", 0);
  if (!offset.ok()) return SendError(res, offset.status());
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  q.limit = *limit;
  q.offset = *offset;
  q.lang = *lang;
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  q.drafts = Reviews(*caller);
  q.status = req.get_param_value("status");
  if (!q.status.empty() && !q.drafts && q.status != "published") {
    return SendError(res, Status(StatusCode::kPermissionDenied,
                                 "status: only stewards and admins list cases that are not "
                                 "published"));
  }
  if (!q.drafts) q.status.clear();
  auto found = knowledge::SearchCases(*store, *fw.framework, q);
  if (!found.ok()) return SendError(res, found.status());
  SendJson(res, 200, *found);
}

// Reads the case for the caller; `version` 0 is the latest they may read.
Result<knowledge::StoredCase> CaseFor(store::Store& store, const Caller& caller,
                                      const std::string& id, long long version) {
  return knowledge::GetCase(store, id, version, DraftsOf(store, caller, id));
}

void GetCase(ApiContext& ctx, const Loaded&, const httplib::Request& req, httplib::Response& res) {
  ReadCase(ctx, req, res, {"lang"},
           [&](store::Store& store, const Caller& caller, const std::string& id) {
             long long version = 0;
             if (req.matches.size() > 2 && !ParseInt64(req.matches[2].str(), &version)) {
               return SendError(res, InvalidArgument("version: expected a number, not '" +
                                                     req.matches[2].str() + "'"));
             }
             auto c = CaseFor(store, caller, id, version);
             if (!c.ok()) return SendError(res, c.status());
             SendJson(res, 200, knowledge::StoredCaseToJson(*c));
           });
}

void GetVersions(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                 httplib::Response& res) {
  ReadCase(ctx, req, res, {},
           [&](store::Store& store, const Caller& caller, const std::string& id) {
             auto versions = knowledge::CaseHistory(store, id, DraftsOf(store, caller, id));
             if (!versions.ok()) return SendError(res, versions.status());
             json items = json::array();
             for (const auto& v : *versions) {
               items.push_back({{"version", v.version},
                                {"created_at", v.created_at},
                                {"who", v.who},
                                {"change", v.change}});
             }
             SendJson(res, 200, {{"items", std::move(items)}});
           });
}

void GetReviews(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                httplib::Response& res) {
  ReadCase(ctx, req, res, {},
           [&](store::Store& store, const Caller& caller, const std::string& id) {
             auto c = CaseFor(store, caller, id, 0);  // NotFound for what the caller may not read
             if (!c.ok()) return SendError(res, c.status());
             auto trail = store.CaseReviews(id);
             if (!trail.ok()) return SendError(res, trail.status());
             json items = json::array();
             for (const auto& r : *trail) {
               items.push_back({{"n", r.n},
                                {"action", r.action},
                                {"version", r.version},
                                {"who", r.who},
                                {"at", r.at},
                                {"comment", r.comment}});
             }
             SendJson(res, 200, {{"items", std::move(items)}});
           });
}

void GetSimilar(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                httplib::Response& res) {
  ReadCase(ctx, req, res, {"limit", "lang"},
           [&](store::Store& store, const Caller& caller, const std::string& id) {
             auto limit = IntParam(req, "limit", 5);
             if (!limit.ok()) return SendError(res, limit.status());
             auto lang = Lang(req);
             if (!lang.ok()) return SendError(res, lang.status());
             auto similar = knowledge::SimilarCases(store, *fw.framework, id, *limit,
                                                    DraftsOf(store, caller, id), *lang);
             if (!similar.ok()) return SendError(res, similar.status());
             SendJson(res, 200, *similar);
           });
}

// Runs a write by a contributor: identified, signed in, allowed to contribute.
template <typename F>
void Contribute(ApiContext& ctx, const httplib::Request& req, httplib::Response& res, F&& body) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  Status allowed = auth::Authorize(caller->principal, auth::Action::kContributeCase);
  if (!allowed.ok()) return SendError(res, allowed);
  auto doc = JsonBody(req);
  if (!doc.ok()) return SendError(res, doc.status());
  body(*store, *caller, *doc);
}

void PostCase(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
              httplib::Response& res) {
  Contribute(ctx, req, res, [&](store::Store& store, const Caller& caller, const json& doc) {
    auto saved = knowledge::CreateCase(store, *ctx.clock, *fw.framework, doc, caller.principal.who);
    if (!saved.ok()) return SendError(res, saved.status());
    SendJson(res, 201, knowledge::StoredCaseToJson(*saved));
  });
}

void PutCase(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
             httplib::Response& res) {
  Contribute(ctx, req, res, [&](store::Store& store, const Caller& caller, json doc) {
    long long base = 0;
    if (doc.contains("base_version")) {
      if (!doc["base_version"].is_number_integer()) {
        return SendError(res, InvalidArgument("base_version: expected the version you edited"));
      }
      base = doc["base_version"].get<long long>();
      doc.erase("base_version");
    }
    const std::string id = req.matches[1];
    // Editing a case one cannot read is refused as if it did not exist.
    auto readable = CaseFor(store, caller, id, 0);
    if (!readable.ok() && readable.status().code() == StatusCode::kNotFound) {
      return SendError(res, readable.status());
    }
    auto saved = knowledge::UpdateCase(store, *ctx.clock, *fw.framework, id, doc, base,
                                       caller.principal.who);
    if (!saved.ok()) return SendError(res, saved.status());
    SendJson(res, 200, knowledge::StoredCaseToJson(*saved));
  });
}

void PostReview(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                httplib::Response& res) {
  Contribute(ctx, req, res, [&](store::Store& store, const Caller& caller, const json& body) {
    if (!body.contains("action") || !body["action"].is_string()) {
      return SendError(
          res, InvalidArgument("action: expected one of submit, approve, return, withdraw"));
    }
    if (body.contains("comment") && !body["comment"].is_string()) {
      return SendError(res, InvalidArgument("comment: expected text"));
    }
    const std::string id = req.matches[1];
    bool steward = Reviews(caller);
    if (!steward && !Wrote(store, caller, id)) {
      auto seen = knowledge::GetCase(store, id, 0, false);
      if (!seen.ok()) return SendError(res, seen.status());
    }
    auto reviewed =
        knowledge::ReviewCaseAction(store, *ctx.clock, id, body["action"],
                                    body.value("comment", ""), caller.principal.who, steward);
    if (!reviewed.ok()) return SendError(res, reviewed.status());
    SendJson(res, 200, knowledge::StoredCaseToJson(*reviewed));
  });
}

void PostTransfer(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                  httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (!s.ok()) return SendError(res, s);
  auto lang = ReadLang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  if (!body->contains("case") || !(*body)["case"].is_string()) {
    return SendError(res, InvalidArgument("case: expected the id of a case"));
  }
  if (!body->contains("context") || !(*body)["context"].is_object()) {
    return SendError(
        res, InvalidArgument("context: expected a context profile, e.g. {\"socio_cultural\": "
                             "{\"trust\": \"low\"}}"));
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  const std::string id = (*body)["case"];
  auto viewer = auth::Viewer::For(caller->principal, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  ecosystem::SnapshotScope scope;
  scope.audience = viewer->audience();
  scope.view = [v = *viewer](model::Actor a) { return v.View(std::move(a)); };
  auto analysis = knowledge::TransferOfCase(
      *store, *fw.framework, id, (*body)["context"], DraftsOf(*store, *caller, id),
      [&](const std::vector<std::string>& assets, const std::string& territory) {
        auto holders = ecosystem::ActorsOffering(*store, scope, assets, territory, 10, *ctx.clock);
        if (!holders.ok()) return Result<json>(holders.status());
        return Result<json>(ecosystem::AssetHoldersToJson(*holders));
      });
  if (!analysis.ok()) return SendError(res, analysis.status());
  std::string language = lang->empty() ? body->value("lang", std::string()) : *lang;
  if (!language.empty() && language != "en" && language != "fr" && language != "es" &&
      language != "pt") {
    return SendError(res, InvalidArgument("lang: expected en, fr, es or pt"));
  }
  res.set_content(DumpLocalized(*analysis, language), "application/json; charset=utf-8");
}

void GetContextFramework(ApiContext&, const Loaded& fw, const httplib::Request& req,
                         httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (!s.ok()) return SendError(res, s);
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  SendJson(res, 200, knowledge::ContextCatalogueJson(*fw.framework, *lang));
}

void PostTransferRecord(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                        httplib::Response& res) {
  Contribute(ctx, req, res, [&](store::Store& store, const Caller& caller, const json& doc) {
    auto recorded =
        knowledge::RecordTransfer(store, *ctx.clock, *fw.framework, doc, caller.principal.who);
    if (!recorded.ok()) return SendError(res, recorded.status());
    SendJson(res, 201, *recorded);
  });
}

void GetLineage(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                httplib::Response& res) {
  ReadCase(ctx, req, res, {"lang"},
           [&](store::Store& store, const Caller& caller, const std::string& id) {
             auto lang = ReadLang(req);
             if (!lang.ok()) return SendError(res, lang.status());
             auto lineage =
                 knowledge::LineageOf(store, *fw.framework, id, DraftsOf(store, caller, id));
             if (!lineage.ok()) return SendError(res, lineage.status());
             res.set_content(DumpLocalized(*lineage, *lang), "application/json; charset=utf-8");
           });
}

// The signed-in caller, for their own watches.
Result<Caller> SignedIn(ApiContext& ctx, const httplib::Request& req, store::Store& store) {
  auto caller = Identify(ctx, req, store);
  if (!caller.ok()) return caller.status();
  if (!caller->principal.signed_in) {
    return Status(StatusCode::kUnauthenticated,
                  "saved searches belong to a user: sign in, or send 'Authorization: Bearer "
                  "<API token>'");
  }
  return caller;
}

void GetWatches(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto caller = SignedIn(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto list = knowledge::WatchesOf(*store, caller->principal.who);
  if (!list.ok()) return SendError(res, list.status());
  SendJson(res, 200, *list);
}

void PostWatch(ApiContext& ctx, const Loaded&, const httplib::Request& req,
               httplib::Response& res) {
  Contribute(ctx, req, res, [&](store::Store& store, const Caller& caller, const json& doc) {
    auto saved = knowledge::SaveWatch(store, *ctx.clock, doc, caller.principal.who);
    if (!saved.ok()) return SendError(res, saved.status());
    SendJson(res, 201, *saved);
  });
}

void DeleteWatch(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                 httplib::Response& res) {
  Status s = CheckParams(req, {});
  if (!s.ok()) return SendError(res, s);
  auto store = ctx.pool->Acquire();
  auto caller = SignedIn(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  Status deleted = knowledge::DeleteWatch(*store, req.matches[1], caller->principal.who);
  if (!deleted.ok()) return SendError(res, deleted);
  SendJson(res, 200, {{"id", req.matches[1].str()}, {"deleted", true}});
}

void SendFeed(ApiContext& ctx, const Loaded& fw, httplib::Response& res, store::Store& store,
              const knowledge::CaseSearchRequest& q, const std::string& title,
              const std::string& feed_id) {
  auto feed =
      knowledge::CasesFeedAtom(store, *fw.framework, q, title, ctx.options.public_url, feed_id);
  if (!feed.ok()) return SendError(res, feed.status());
  res.set_content(*feed, "application/atom+xml; charset=utf-8");
}

void GetWatchFeed(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                  httplib::Response& res) {
  Status s = CheckParams(req, {"lang"});
  if (!s.ok()) return SendError(res, s);
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  auto store = ctx.pool->Acquire();
  const std::string id = req.matches[1];
  auto q = knowledge::WatchSearch(*store, id);
  if (!q.ok()) return SendError(res, q.status());
  auto watch = store->GetWatch(id);
  if (!watch.ok()) return SendError(res, watch.status());
  q->lang = *lang;
  SendFeed(ctx, fw, res, *store, *q, "Ecosol: " + (*watch)->name,
           ctx.options.public_url + "/api/v1/knowledge/watches/" + id + "/feed");
}

void GetSearchFeed(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                   httplib::Response& res) {
  std::set<std::string> allowed = {"q", "lang"};
  for (const std::string& f : knowledge::CaseFacetNames()) allowed.insert(f);
  Status s = CheckParams(req, allowed);
  if (!s.ok()) return SendError(res, s);
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  knowledge::CaseSearchRequest q;
  q.q = req.get_param_value("q");
  q.lang = *lang;
  std::string about = q.q;
  for (const std::string& f : knowledge::CaseFacetNames()) {
    for (size_t i = 0; i < req.get_param_value_count(f); ++i) {
      std::string v = req.get_param_value(f, i);
      if (v.empty()) continue;
      q.filters[f].push_back(v);
      about += (about.empty() ? "" : ", ") + f + " " + v;
    }
  }
  auto store = ctx.pool->Acquire();
  std::string self = ctx.options.public_url + "/api/v1/knowledge/feed";
  std::string query;
  for (const auto& [param, value] : req.params) {
    query += (query.empty() ? "?" : "&") + param + "=" + value;
  }
  SendFeed(ctx, fw, res, *store, q,
           "Ecosol knowledge commons" + (about.empty() ? "" : ": " + about), self + query);
}

}  // namespace

void AddKnowledgeRoutes(Router& router, ApiContext& ctx) {
  Loaded loaded = LoadFramework<knowledge::TransferFramework>(
      ctx.options, [](const std::string& dir) { return knowledge::TransferFrameworkIn(dir); },
      "the knowledge commons is not configured on this server", "the transfer-context framework");
  AddFrameworkRoutes<knowledge::TransferFramework>(
      router, ctx, std::move(loaded),
      {
          {{"GET", "/api/v1/knowledge/cases"}, SearchCases},
          {{"POST", "/api/v1/knowledge/cases"}, PostCase},
          {{"GET", "/api/v1/knowledge/cases/{id}"}, GetCase},
          {{"PUT", "/api/v1/knowledge/cases/{id}"}, PutCase},
          {{"GET", "/api/v1/knowledge/cases/{id}/versions"}, GetVersions},
          {{"GET", "/api/v1/knowledge/cases/{id}/versions/{version}"}, GetCase},
          {{"GET", "/api/v1/knowledge/cases/{id}/similar"}, GetSimilar},
          {{"POST", "/api/v1/knowledge/cases/{id}/review"}, PostReview},
          {{"GET", "/api/v1/knowledge/cases/{id}/reviews"}, GetReviews},
          {{"POST", "/api/v1/knowledge/transfer"}, PostTransfer},
          {{"GET", "/api/v1/knowledge/context-framework"}, GetContextFramework},
          {{"POST", "/api/v1/knowledge/transfers"}, PostTransferRecord},
          {{"GET", "/api/v1/knowledge/cases/{id}/lineage"}, GetLineage},
          {{"GET", "/api/v1/knowledge/watches"}, GetWatches},
          {{"POST", "/api/v1/knowledge/watches"}, PostWatch},
          {{"DELETE", "/api/v1/knowledge/watches/{id}"}, DeleteWatch},
          {{"GET", "/api/v1/knowledge/watches/{id}/feed"}, GetWatchFeed},
          {{"GET", "/api/v1/knowledge/feed"}, GetSearchFeed},
      });
}

}  // namespace ecosol::http
