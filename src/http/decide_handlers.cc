// Democratic decisions and participatory processes (docs/participation.md; docs/http-api.md):
//   POST /api/v1/decide/tally        the tally of the body (tally.h's JSON form)
//   POST /api/v1/decide/opinion      the opinion map of the body (opinion.h)
//   GET  /api/v1/processes           processes;  POST: create one (conveners)
//   GET  /api/v1/processes/{id}      a process: phases, proposals, decisions, draws, log head
//   PUT  /api/v1/processes/{id}      {process, base_version}: edit (its conveners)
//   POST /api/v1/processes/{id}/phase                 {phase}
//   POST /api/v1/processes/{id}/items/{kind}          a new proposal, amendment, comment,
//                                                     response or result
//   PUT  /api/v1/processes/{id}/items/{kind}/{item}   {doc, base_version}: an edit
//   GET  /api/v1/processes/{id}/proposals/{proposal}  with amendments, comments, responses,
//                                                     results
//   GET  /api/v1/processes/{id}/participants/me       who the caller takes part as
//   POST /api/v1/processes/{id}/decisions             open a decision (conveners)
//   GET  /api/v1/processes/{id}/decisions/{decision}  its state (and has_voted for the caller)
//   POST .../decisions/{decision}/ballots             {ballot, as?}: a receipt
//   POST .../decisions/{decision}/paper               {ballots, note?} (conveners)
//   POST .../decisions/{decision}/close               (conveners)
//   GET  .../decisions/{decision}/receipts/{commitment}   inclusion proof
//   POST /api/v1/processes/{id}/sortitions            a draw by lot (conveners)
//   GET  /api/v1/processes/{id}/log?from=&limit=      the hash-chained log
//   GET  /api/v1/processes/{id}/verify                the whole process checked
// Computations on a body and everything a process records are open to anyone to read (a
// process is public, and its log must be, to be verified); writing needs a signed-in caller
// with a writing token: conveners (stewards, admins, and the accounts a process names) run it,
// participants write and vote as themselves.

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/participation/opinion.h"
#include "ecosol/participation/service.h"
#include "ecosol/participation/tally.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

void PostTally(const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto input = participation::ParseTallyInput(*body);
  if (!input.ok()) return SendError(res, input.status());
  auto result = participation::Tally(std::move(*input));
  if (!result.ok()) return SendError(res, result.status());
  SendJson(res, 200, *result);
}

void PostOpinion(const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  auto input = participation::ParseOpinionInput(*body);
  if (!input.ok()) return SendError(res, input.status());
  auto result = participation::OpinionMap(*input);
  if (!result.ok()) return SendError(res, result.status());
  SendJson(res, 200, *result);
}

// The caller as the participation service sees them. `write`: the request changes something,
// so the caller must be signed in with a writing token.
Result<participation::Caller> ProcessCaller(ApiContext& ctx, const httplib::Request& req,
                                            store::Store& store, bool write) {
  auto caller = Identify(ctx, req, store);
  if (!caller.ok()) return caller.status();
  const auth::Principal& who = caller->principal;
  if (write) {
    Status s = auth::Authorize(who, auth::Action::kTakePart, {});
    if (!s.ok()) return s;
  }
  participation::Caller out;
  out.who = who.who;
  if (!who.user_id.empty()) out.accounts.push_back(who.user_id);
  if (!who.email.empty()) out.accounts.push_back(who.email);
  out.convener = who.signed_in && auth::Authorize(who, auth::Action::kConveneProcess, {}).ok();
  return out;
}

// Runs `body(service, caller) -> Result<json>` and answers 200 (or `created`).
template <typename F>
void Serve(ApiContext& ctx, const httplib::Request& req, httplib::Response& res,
           const std::set<std::string>& params, bool write, F&& body, int ok_status = 200) {
  Status p = CheckParams(req, params);
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = ProcessCaller(ctx, req, *store, write);
  if (!caller.ok()) return SendError(res, caller.status());
  participation::ParticipationService svc(*store, *ctx.clock);
  Result<json> out = body(svc, *caller);
  if (!out.ok()) return SendError(res, out.status());
  SendJson(res, ok_status, *out);
}

Result<long long> NumberParam(const httplib::Request& req, const std::string& name,
                              long long fallback) {
  if (!req.has_param(name)) return fallback;
  long long v = 0;
  const std::string text = req.get_param_value(name);
  if (!ParseInt64(text, &v) || v < 0) {
    return InvalidArgument(name + ": expected a whole number of at least 0, not '" + text + "'");
  }
  return v;
}

// {"doc", "base_version"} of an edit.
Result<std::pair<json, long long>> Edit(const json& body, const char* doc_key) {
  if (!body.contains(doc_key) || !body[doc_key].is_object()) {
    return InvalidArgument(std::string(doc_key) + ": the edited document is required, with " +
                           "base_version, the version it was read at");
  }
  if (!body.contains("base_version") || !body["base_version"].is_number_integer() ||
      body["base_version"].get<long long>() < 1) {
    return InvalidArgument(
        "base_version: the version the document was read at (a whole number from 1)");
  }
  return std::make_pair(body[doc_key], body["base_version"].get<long long>());
}

}  // namespace

void AddDecideRoutes(Router& router, ApiContext& ctx) {
  using Svc = participation::ParticipationService;
  using PCaller = participation::Caller;
  router.Add("POST", "/api/v1/decide/tally", PostTally);
  router.Add("POST", "/api/v1/decide/opinion", PostOpinion);

  router.Add("GET", "/api/v1/processes", [&ctx](const httplib::Request& req, auto& res) {
    Serve(ctx, req, res, {}, false, [](Svc& svc, const PCaller&) -> Result<json> {
      auto list = svc.ListProcesses();
      if (!list.ok()) return list.status();
      return json{{"items", *list}};
    });
  });
  router.Add("POST", "/api/v1/processes", [&ctx](const httplib::Request& req, auto& res) {
    auto body = JsonBody(req);
    if (!body.ok()) return SendError(res, body.status());
    Serve(
        ctx, req, res, {}, true,
        [&](Svc& svc, const PCaller& c) { return svc.PutProcess(*body, 0, c); }, 201);
  });
  router.Add("GET", "/api/v1/processes/{id}", [&ctx](const httplib::Request& req, auto& res) {
    Serve(ctx, req, res, {}, false,
          [&](Svc& svc, const PCaller&) { return svc.GetProcess(req.matches[1]); });
  });
  router.Add("PUT", "/api/v1/processes/{id}", [&ctx](const httplib::Request& req, auto& res) {
    auto body = JsonBody(req);
    if (!body.ok()) return SendError(res, body.status());
    auto edit = Edit(*body, "process");
    if (!edit.ok()) return SendError(res, edit.status());
    if (edit->first.value("id", "") != req.matches[1].str()) {
      return SendError(res, InvalidArgument("process.id: must be the id in the path, '" +
                                            req.matches[1].str() + "'"));
    }
    Serve(ctx, req, res, {}, true,
          [&](Svc& svc, const PCaller& c) { return svc.PutProcess(edit->first, edit->second, c); });
  });
  router.Add("POST", "/api/v1/processes/{id}/phase",
             [&ctx](const httplib::Request& req, auto& res) {
               auto body = JsonBody(req);
               if (!body.ok()) return SendError(res, body.status());
               if (!body->contains("phase") || !(*body)["phase"].is_string()) {
                 return SendError(res, InvalidArgument("phase: the id of one of the phases"));
               }
               Serve(ctx, req, res, {}, true, [&](Svc& svc, const PCaller& c) {
                 return svc.SetPhase(req.matches[1], (*body)["phase"], c);
               });
             });
  router.Add("POST", "/api/v1/processes/{id}/items/{kind}",
             [&ctx](const httplib::Request& req, auto& res) {
               auto body = JsonBody(req);
               if (!body.ok()) return SendError(res, body.status());
               Serve(
                   ctx, req, res, {}, true,
                   [&](Svc& svc, const PCaller& c) {
                     return svc.PutItem(req.matches[1], req.matches[2], *body, 0, c);
                   },
                   201);
             });
  router.Add("PUT", "/api/v1/processes/{id}/items/{kind}/{item}",
             [&ctx](const httplib::Request& req, auto& res) {
               auto body = JsonBody(req);
               if (!body.ok()) return SendError(res, body.status());
               auto edit = Edit(*body, "doc");
               if (!edit.ok()) return SendError(res, edit.status());
               json doc = edit->first;
               if (doc.value("id", req.matches[3].str()) != req.matches[3].str()) {
                 return SendError(res, InvalidArgument("doc.id: must be the id in the path"));
               }
               doc["id"] = req.matches[3].str();
               Serve(ctx, req, res, {}, true, [&](Svc& svc, const PCaller& c) {
                 return svc.PutItem(req.matches[1], req.matches[2], doc, edit->second, c);
               });
             });
  router.Add("GET", "/api/v1/processes/{id}/proposals/{proposal}",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, false, [&](Svc& svc, const PCaller&) {
                 return svc.GetProposal(req.matches[1], req.matches[2]);
               });
             });
  router.Add("GET", "/api/v1/processes/{id}/participants/me",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, false, [&](Svc& svc, const PCaller& c) -> Result<json> {
                 auto ids = svc.ParticipantsOf(req.matches[1], c);
                 if (!ids.ok()) return ids.status();
                 return json{{"participants", *ids}, {"convener", c.convener}};
               });
             });
  router.Add(
      "POST", "/api/v1/processes/{id}/decisions", [&ctx](const httplib::Request& req, auto& res) {
        auto body = JsonBody(req);
        if (!body.ok()) return SendError(res, body.status());
        Serve(
            ctx, req, res, {}, true,
            [&](Svc& svc, const PCaller& c) { return svc.OpenDecision(req.matches[1], *body, c); },
            201);
      });
  router.Add("GET", "/api/v1/processes/{id}/decisions/{decision}",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, false, [&](Svc& svc, const PCaller& c) -> Result<json> {
                 auto mine = svc.ParticipantsOf(req.matches[1], c);
                 if (!mine.ok()) return mine.status();
                 auto view = svc.DecisionView(req.matches[1], req.matches[2],
                                              mine->empty() ? "" : mine->front());
                 if (!view.ok()) return view.status();
                 json out = *view;
                 // Which of the caller's participants (a person and the organisations they
                 // are delegate of) have voted.
                 json voted = json::object();
                 for (const std::string& p : *mine) {
                   auto v = svc.DecisionView(req.matches[1], req.matches[2], p);
                   if (!v.ok()) return v.status();
                   voted[p] = (*v)["has_voted"];
                 }
                 out["mine"] = voted;
                 return out;
               });
             });
  router.Add(
      "POST", "/api/v1/processes/{id}/decisions/{decision}/ballots",
      [&ctx](const httplib::Request& req, auto& res) {
        auto body = JsonBody(req);
        if (!body.ok()) return SendError(res, body.status());
        if (!body->contains("ballot")) {
          return SendError(res, InvalidArgument("ballot: the ballot is required, e.g. "
                                                "{\"ballot\": {\"choice\": \"agree\"}}"));
        }
        Serve(
            ctx, req, res, {}, true,
            [&](Svc& svc, const PCaller& c) -> Result<json> {
              std::string as = body->value("as", "");
              if (as.empty()) {
                auto mine = svc.ParticipantsOf(req.matches[1], c);
                if (!mine.ok()) return mine.status();
                if (mine->empty()) {
                  return Status(StatusCode::kPermissionDenied,
                                "you are not a participant of process '" + req.matches[1].str() +
                                    "'; its conveners add participants with their account");
                }
                if (mine->size() > 1) {
                  return InvalidArgument("as: you take part as several participants (" +
                                         Join(*mine, ", ") + "); say which one votes");
                }
                as = mine->front();
              }
              return svc.CastBallot(req.matches[1], req.matches[2], as, (*body)["ballot"], c);
            },
            201);
      });
  router.Add("POST", "/api/v1/processes/{id}/decisions/{decision}/paper",
             [&ctx](const httplib::Request& req, auto& res) {
               auto body = JsonBody(req);
               if (!body.ok()) return SendError(res, body.status());
               Serve(ctx, req, res, {}, true, [&](Svc& svc, const PCaller& c) {
                 return svc.AddPaperBallots(req.matches[1], req.matches[2], *body, c);
               });
             });
  router.Add("POST", "/api/v1/processes/{id}/decisions/{decision}/close",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, true, [&](Svc& svc, const PCaller& c) {
                 return svc.CloseDecision(req.matches[1], req.matches[2], c);
               });
             });
  router.Add("GET", "/api/v1/processes/{id}/decisions/{decision}/receipts/{commitment}",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, false, [&](Svc& svc, const PCaller&) {
                 return svc.Receipt(req.matches[1], req.matches[2], req.matches[3]);
               });
             });
  router.Add(
      "POST", "/api/v1/processes/{id}/sortitions", [&ctx](const httplib::Request& req, auto& res) {
        auto body = JsonBody(req);
        if (!body.ok()) return SendError(res, body.status());
        Serve(
            ctx, req, res, {}, true,
            [&](Svc& svc, const PCaller& c) { return svc.Sortition(req.matches[1], *body, c); },
            201);
      });
  router.Add("GET", "/api/v1/processes/{id}/log", [&ctx](const httplib::Request& req, auto& res) {
    auto from = NumberParam(req, "from", 1);
    if (!from.ok()) return SendError(res, from.status());
    auto limit = NumberParam(req, "limit", 0);
    if (!limit.ok()) return SendError(res, limit.status());
    Serve(ctx, req, res, {"from", "limit"}, false, [&](Svc& svc, const PCaller&) -> Result<json> {
      auto entries = svc.Log(req.matches[1], *from, *limit);
      if (!entries.ok()) return entries.status();
      return json{{"entries", *entries}};
    });
  });
  router.Add("GET", "/api/v1/processes/{id}/verify",
             [&ctx](const httplib::Request& req, auto& res) {
               Serve(ctx, req, res, {}, false, [&](Svc& svc, const PCaller&) -> Result<json> {
                 auto report = svc.VerifyProcess(req.matches[1]);
                 if (!report.ok()) return report.status();
                 return participation::ToJson(*report);
               });
             });
}

}  // namespace ecosol::http
