// Social finance (docs/finance.md; docs/http-api.md):
//   GET  /api/v1/finance/mechanisms                      the mechanisms catalogue (anyone)
//   POST /api/v1/finance/match | applicants | readiness  matching and readiness of the body
//   POST /api/v1/finance/schedule | par | waterfall      loan schedule, PAR, loss waterfall of
//                                                        the body (anyone)
//   POST /api/v1/finance/allocate                        allocation of the body (signed in)
//   GET  /api/v1/finance/records/{kind}?actor=&parent=&deleted=   stored records
//   GET  /api/v1/finance/records/{kind}/{id}[?version=]           one record
//   GET  /api/v1/finance/records/{kind}/{id}/versions             its history
//   PUT  /api/v1/finance/records/{kind}/{id}             {doc, actor_id?, parent?, base_version}
//   DELETE /api/v1/finance/records/{kind}/{id}?base_version=n     a deletion (a version)
//   GET  /api/v1/finance/organisations/{id}?lang=&as_of= an organisation's finance
//   GET  /api/v1/finance/funders/{id}/applicants         a stored funder's eligible applicants
//   GET  /api/v1/finance/guarantee-funds/{id}            a guarantee fund's cover, calls, capacity
//   GET  /api/v1/finance/campaigns/{id}?as_of=           a match-funded campaign's match owed
//   GET  /api/v1/finance/funds, /funds/{id}?loss=&as_of= funds, one fund's stack and waterfall
//   POST /api/v1/finance/funds/{id}/allocate             {save?, time_limit_seconds?}
//   GET  /api/v1/finance/loan-book?as_of=&fund=&thresholds=30,90  PAR and positions
//   GET  /api/v1/finance/impact?format=json|csv|jsonld&fund=&as_of=&currency=  impact export
//                                                        (CIDS, IRIS+)
// Stored finance is read by stewards and admins (and an organisation's members, for its own:
// its page, its records); written by stewards and admins, and by members for their own
// organisation's profile and readiness assessments. Computations on a request body read
// nothing stored and are open to anyone, except allocation, which may keep the solver busy for
// seconds: it needs a signed-in caller.

#include <string>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/finance/allocation.h"
#include "ecosol/finance/fund.h"
#include "ecosol/finance/loan_book.h"
#include "ecosol/finance/loan_schedule.h"
#include "ecosol/finance/requests.h"
#include "ecosol/finance/service.h"
#include "ecosystem_http.h"

namespace ecosol::http {
namespace {

using nlohmann::json;
using Loaded = LoadedFramework<finance::FinanceFrameworks>;

Result<std::string> Lang(const httplib::Request& req) {
  auto lang = ReadLang(req);
  if (!lang.ok()) return lang.status();
  return lang->empty() ? std::string("en") : *lang;
}

Result<long long> NumberParam(const httplib::Request& req, const std::string& name,
                              long long fallback) {
  if (!req.has_param(name)) return fallback;
  long long v = 0;
  const std::string text = req.get_param_value(name);
  if (!ParseInt64(text, &v)) {
    return InvalidArgument(name + ": expected a whole number, not '" + text + "'");
  }
  return v;
}

// The actor's scope for the policy; none when the id is empty or unknown.
Result<auth::Target> ActorTarget(store::Store& store, const std::string& actor_id) {
  auth::Target target;
  if (actor_id.empty()) return target;
  auto actor = store.GetActor(actor_id);
  if (!actor.ok()) return actor.status();
  if (!actor->has_value()) return target;
  auto scope = auth::ScopeOf(store, **actor);
  if (!scope.ok()) return scope.status();
  target.actors.push_back(std::move(*scope));
  return target;
}

// Identifies the caller and checks `action` on `actor_id` (empty: no actor).
Result<Caller> Allowed(ApiContext& ctx, const httplib::Request& req, store::Store& store,
                       auth::Action action, const std::string& actor_id = "") {
  auto caller = Identify(ctx, req, store);
  if (!caller.ok()) return caller.status();
  auto target = ActorTarget(store, actor_id);
  if (!target.ok()) return target.status();
  Status s = auth::Authorize(caller->principal, action, *target);
  if (!s.ok()) return s;
  return caller;
}

// Runs a computation on the request body: `body(request JSON) -> Result<json>`.
template <typename F>
void Compute(const httplib::Request& req, httplib::Response& res, F&& body) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto in = JsonBody(req);
  if (!in.ok()) return SendError(res, in.status());
  auto out = body(*in);
  if (!out.ok()) return SendError(res, out.status());
  SendJson(res, 200, *out);
}

void GetMechanisms(ApiContext&, const Loaded& fw, const httplib::Request& req,
                   httplib::Response& res) {
  Status p = CheckParams(req, {"lang"});
  if (!p.ok()) return SendError(res, p);
  SendJson(res, 200, finance::CatalogueToJson(*fw.framework->mechanisms));
}

void PostMatch(ApiContext&, const Loaded& fw, const httplib::Request& req, httplib::Response& res) {
  Compute(req, res, [&](const json& in) {
    return finance::MatchRequest(*fw.framework->mechanisms, *fw.framework->readiness, in);
  });
}

void PostApplicants(ApiContext&, const Loaded& fw, const httplib::Request& req,
                    httplib::Response& res) {
  Compute(req, res, [&](const json& in) {
    return finance::ApplicantsRequest(*fw.framework->mechanisms, *fw.framework->readiness, in);
  });
}

void PostReadiness(ApiContext&, const Loaded& fw, const httplib::Request& req,
                   httplib::Response& res) {
  Compute(req, res,
          [&](const json& in) { return finance::ReadinessRequest(*fw.framework->readiness, in); });
}

void PostSchedule(ApiContext&, const Loaded&, const httplib::Request& req, httplib::Response& res) {
  Compute(req, res, [&](const json& in) -> Result<json> {
    auto terms = finance::ParseLoanTerms(in.contains("terms") ? in["terms"] : in);
    if (!terms.ok()) return terms.status();
    auto schedule = finance::BuildSchedule(*terms);
    if (!schedule.ok()) return schedule.status();
    return finance::ScheduleToJson(*schedule);
  });
}

// {"loans": [...], "as_of": "YYYY-MM-DD", "thresholds"?: [30, 90]}
void PostPar(ApiContext&, const Loaded&, const httplib::Request& req, httplib::Response& res) {
  Compute(req, res, [&](const json& in) -> Result<json> {
    if (!in.contains("as_of") || !in["as_of"].is_string()) {
      return InvalidArgument("as_of: missing; give the date of the book, YYYY-MM-DD");
    }
    auto as_of = finance::ParseLoanDate(in["as_of"].get<std::string>(), "as_of");
    if (!as_of.ok()) return as_of.status();
    std::vector<int> thresholds = {30, 90};
    if (in.contains("thresholds")) {
      if (!in["thresholds"].is_array()) {
        return InvalidArgument("thresholds: expected a list of days, such as [30, 90]");
      }
      thresholds.clear();
      for (const json& t : in["thresholds"]) {
        if (!t.is_number_integer() || t.get<int>() < 0) {
          return InvalidArgument("thresholds: " + t.dump() + " is not a whole number of days");
        }
        thresholds.push_back(t.get<int>());
      }
    }
    json book = {{"loans", in.contains("loans") ? in["loans"] : json()}};
    auto parsed = finance::ParseLoanBook(book);
    if (!parsed.ok()) return parsed.status();
    auto report = finance::PortfolioAtRisk(*parsed, *as_of, thresholds);
    if (!report.ok()) return report.status();
    return finance::PortfolioAtRiskToJson(*report);
  });
}

// {"fund": a fund, "loss": cents}
void PostWaterfall(ApiContext&, const Loaded&, const httplib::Request& req,
                   httplib::Response& res) {
  Compute(req, res, [&](const json& in) -> Result<json> {
    auto fund = finance::ParseFund(in.contains("fund") ? in["fund"] : json());
    if (!fund.ok()) return fund.status();
    if (!in.contains("loss") || !in["loss"].is_number_integer() ||
        in["loss"].get<long long>() < 0) {
      return InvalidArgument("loss: expected the loss in cents, a whole number >= 0");
    }
    auto waterfall = finance::AllocateLoss(*fund, in["loss"].get<std::int64_t>());
    if (!waterfall.ok()) return waterfall.status();
    return finance::WaterfallToJson(*waterfall);
  });
}

void PostAllocate(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                  httplib::Response& res) {
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  if (!caller->principal.signed_in) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "to run an allocation, sign in or send 'Authorization: Bearer "
                                 "<API token>'"));
  }
  Compute(req, res, [&](const json& in) -> Result<json> {
    auto problem = finance::ParseAllocationProblem(in);
    if (!problem.ok()) return problem.status();
    auto result = finance::Allocate(*problem);
    if (!result.ok()) return result.status();
    return finance::AllocationResultToJson(*result);
  });
}

// --- stored records ---

finance::FinanceFrameworks const& Fw(const Loaded& fw) { return *fw.framework; }

void ListRecords(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                 httplib::Response& res) {
  Status p = CheckParams(req, {"actor", "parent", "deleted"});
  if (!p.ok()) return SendError(res, p);
  store::FinanceQuery q;
  q.kind = req.matches[1];
  q.actor_id = req.get_param_value("actor");
  q.parent = req.get_param_value("parent");
  const std::string deleted = req.get_param_value("deleted");
  if (!deleted.empty() && deleted != "true" && deleted != "false") {
    return SendError(res,
                     InvalidArgument("deleted: expected true or false, not '" + deleted + "'"));
  }
  q.with_deleted = deleted == "true";
  const auto& kinds = finance::FinanceRecordKinds();
  if (std::find(kinds.begin(), kinds.end(), q.kind) == kinds.end()) {
    return SendError(res, finance::GetRecord(*ctx.pool->Acquire(), q.kind, "").status());
  }
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance, q.actor_id);
  if (!caller.ok()) return SendError(res, caller.status());
  auto records = store->FinanceRecords(q);
  if (!records.ok()) return SendError(res, records.status());
  json items = json::array();
  for (const auto& r : *records) items.push_back(finance::FinanceRecordToJson(r));
  SendJson(res, 200, {{"items", std::move(items)}});
}

void GetRecord(ApiContext& ctx, const Loaded&, const httplib::Request& req,
               httplib::Response& res) {
  Status p = CheckParams(req, {"version"});
  if (!p.ok()) return SendError(res, p);
  auto version = NumberParam(req, "version", 0);
  if (!version.ok()) return SendError(res, version.status());
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto record = finance::GetRecord(*store, req.matches[1], req.matches[2], *version);
  // Whether it exists is itself finance data: check the caller first when it does not.
  auto target = ActorTarget(*store, record.ok() ? record->actor_id : "");
  if (!target.ok()) return SendError(res, target.status());
  Status s = auth::Authorize(caller->principal, auth::Action::kReadFinance, *target);
  if (!s.ok()) return SendError(res, s);
  if (!record.ok()) return SendError(res, record.status());
  SendJson(res, 200, finance::FinanceRecordToJson(*record));
}

void GetRecordVersions(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                       httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto head = finance::GetRecord(*store, req.matches[1], req.matches[2]);
  auto target = ActorTarget(*store, head.ok() ? head->actor_id : "");
  if (!target.ok()) return SendError(res, target.status());
  Status s = auth::Authorize(caller->principal, auth::Action::kReadFinance, *target);
  if (!s.ok()) return SendError(res, s);
  if (!head.ok()) return SendError(res, head.status());
  auto versions = store->FinanceRecordVersions(req.matches[1], req.matches[2]);
  if (!versions.ok()) return SendError(res, versions.status());
  json items = json::array();
  for (const auto& r : *versions) items.push_back(finance::FinanceRecordToJson(r));
  SendJson(res, 200, {{"items", std::move(items)}});
}

// Members may write their own organisation's profile and assessments; everything else needs a
// steward or an admin.
Status MayWrite(store::Store& store, const Caller& caller, const std::string& kind,
                const std::string& actor_id) {
  const bool own_kind = kind == "profile" || kind == "assessment";
  auto target = ActorTarget(store, own_kind ? actor_id : "");
  if (!target.ok()) return target.status();
  return auth::Authorize(caller.principal, auth::Action::kManageFinance, *target);
}

void PutRecord(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
               httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto body = JsonBody(req);
  if (!body.ok()) return SendError(res, body.status());
  for (const auto& [key, value] : body->items()) {
    if (key != "doc" && key != "actor_id" && key != "parent" && key != "base_version") {
      return SendError(res, InvalidArgument(key + ": unknown field; send {\"doc\", \"actor_id\"?, "
                                                  "\"parent\"?, \"base_version\"}"));
    }
  }
  if (!body->contains("doc")) {
    return SendError(res, InvalidArgument("doc: missing; send the record's document as \"doc\""));
  }
  for (const char* key : {"actor_id", "parent"}) {
    if (body->contains(key) && !(*body)[key].is_string()) {
      return SendError(res, InvalidArgument(std::string(key) + ": expected text"));
    }
  }
  if (!body->contains("base_version") || !(*body)["base_version"].is_number_integer() ||
      (*body)["base_version"].get<long long>() < 0) {
    return SendError(res, InvalidArgument("base_version: expected the version you edited (0 "
                                          "for a new record)"));
  }
  finance::PutRecordRequest put;
  put.kind = req.matches[1];
  put.id = req.matches[2];
  put.doc = (*body)["doc"];
  put.actor_id = body->value("actor_id", "");
  put.parent = body->value("parent", "");
  put.base_version = (*body)["base_version"].get<long long>();
  if (put.kind == "assessment" && put.actor_id.empty() && put.doc.is_object()) {
    put.actor_id = put.doc.value("organisation", "");
  }
  if (put.kind == "profile" && put.actor_id.empty()) put.actor_id = put.id;
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  Status allowed = MayWrite(*store, *caller, put.kind, put.actor_id);
  if (!allowed.ok()) return SendError(res, allowed);
  // A member writing their own profile may not write over another organisation's record.
  auto current = store->GetFinanceRecord(put.kind, put.id);
  if (!current.ok()) return SendError(res, current.status());
  if (current->has_value() && (**current).actor_id != put.actor_id) {
    allowed = MayWrite(*store, *caller, put.kind, (**current).actor_id);
    if (!allowed.ok()) return SendError(res, allowed);
  }
  put.who = caller->principal.who;
  auto saved = finance::PutRecord(*store, *ctx.clock, Fw(fw), put);
  if (!saved.ok()) return SendError(res, saved.status());
  const bool created = saved->version == 1;
  SendJson(res, created ? 201 : 200, finance::FinanceRecordToJson(*saved));
}

void DeleteRecord(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                  httplib::Response& res) {
  Status p = CheckParams(req, {"base_version"});
  if (!p.ok()) return SendError(res, p);
  auto base = NumberParam(req, "base_version", -1);
  if (!base.ok()) return SendError(res, base.status());
  if (*base < 0) {
    return SendError(res, InvalidArgument("base_version: missing; give the version you read, so "
                                          "that a change made in between is not deleted"));
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto head = finance::GetRecord(*store, req.matches[1], req.matches[2]);
  Status allowed = MayWrite(*store, *caller, req.matches[1], head.ok() ? head->actor_id : "");
  if (!allowed.ok()) return SendError(res, allowed);
  auto deleted = finance::DeleteRecord(*store, *ctx.clock, req.matches[1], req.matches[2], *base,
                                       caller->principal.who);
  if (!deleted.ok()) return SendError(res, deleted.status());
  SendJson(res, 200, finance::FinanceRecordToJson(*deleted));
}

// --- views ---

void GetOrganisation(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                     httplib::Response& res) {
  Status p = CheckParams(req, {"lang", "as_of"});
  if (!p.ok()) return SendError(res, p);
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  auto store = ctx.pool->Acquire();
  const std::string id = req.matches[1];
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance, id);
  if (!caller.ok()) return SendError(res, caller.status());
  finance::OrganisationFinanceRequest r;
  r.actor_id = id;
  r.lang = *lang;
  r.as_of = req.get_param_value("as_of");
  auto view = finance::OrganisationFinance(*store, *ctx.clock, Fw(fw), r);
  if (!view.ok()) return SendError(res, view.status());
  SendJson(res, 200, *view);
}

void GetFunderApplicants(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
                         httplib::Response& res) {
  Status p = CheckParams(req, {"lang"});
  if (!p.ok()) return SendError(res, p);
  auto lang = Lang(req);
  if (!lang.ok()) return SendError(res, lang.status());
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto answer = finance::FunderApplicants(*store, Fw(fw), req.matches[1], *lang);
  if (!answer.ok()) return SendError(res, answer.status());
  SendJson(res, 200, *answer);
}

void GetGuaranteeFund(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                      httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto view = finance::GuaranteeFundView(*store, req.matches[1]);
  if (!view.ok()) return SendError(res, view.status());
  SendJson(res, 200, *view);
}

void GetCampaign(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                 httplib::Response& res) {
  Status p = CheckParams(req, {"as_of"});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto view =
      finance::CampaignView(*store, *ctx.clock, req.matches[1], req.get_param_value("as_of"));
  if (!view.ok()) return SendError(res, view.status());
  SendJson(res, 200, *view);
}

void GetFunds(ApiContext& ctx, const Loaded&, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto list = finance::FundList(*store);
  if (!list.ok()) return SendError(res, list.status());
  SendJson(res, 200, *list);
}

void GetFund(ApiContext& ctx, const Loaded&, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"loss", "as_of"});
  if (!p.ok()) return SendError(res, p);
  finance::FundViewRequest r;
  r.fund_id = req.matches[1];
  r.as_of = req.get_param_value("as_of");
  if (req.has_param("loss")) {
    auto loss = NumberParam(req, "loss", 0);
    if (!loss.ok()) return SendError(res, loss.status());
    r.loss = *loss;
  }
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto view = finance::FundView(*store, *ctx.clock, r);
  if (!view.ok()) return SendError(res, view.status());
  SendJson(res, 200, *view);
}

void PostFundAllocate(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                      httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  json body = json::object();
  if (!req.body.empty()) {
    auto parsed = JsonBody(req);
    if (!parsed.ok()) return SendError(res, parsed.status());
    body = *parsed;
  }
  finance::AllocateFundRequest r;
  r.fund_id = req.matches[1];
  for (const auto& [key, value] : body.items()) {
    if (key == "save" && value.is_boolean()) {
      r.save = value.get<bool>();
    } else if (key == "time_limit_seconds" && value.is_number() && value.get<double>() > 0 &&
               value.get<double>() <= 300) {
      r.time_limit_seconds = value.get<double>();
    } else {
      return SendError(res, InvalidArgument(key + ": send {\"save\"?: true|false, "
                                                  "\"time_limit_seconds\"?: a number of seconds in "
                                                  "(0, 300]}"));
    }
  }
  auto store = ctx.pool->Acquire();
  auto caller =
      Allowed(ctx, req, *store, r.save ? auth::Action::kManageFinance : auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  r.who = caller->principal.who;
  auto answer = finance::AllocateFund(*store, *ctx.clock, r);
  if (!answer.ok()) return SendError(res, answer.status());
  SendJson(res, 200, *answer);
}

void GetLoanBook(ApiContext& ctx, const Loaded&, const httplib::Request& req,
                 httplib::Response& res) {
  Status p = CheckParams(req, {"as_of", "fund", "thresholds"});
  if (!p.ok()) return SendError(res, p);
  finance::LoanBookRequest r;
  r.as_of = req.get_param_value("as_of");
  r.fund = req.get_param_value("fund");
  if (req.has_param("thresholds")) {
    for (const std::string& part : Split(req.get_param_value("thresholds"), ',')) {
      long long days = 0;
      if (!ParseInt64(part, &days) || days < 0 || days > 3650) {
        return SendError(res, InvalidArgument("thresholds: '" + part +
                                              "' is not a number of days; write them as 30,90"));
      }
      r.thresholds.push_back(static_cast<int>(days));
    }
  }
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto book = finance::LoanBookView(*store, *ctx.clock, r);
  if (!book.ok()) return SendError(res, book.status());
  SendJson(res, 200, *book);
}

void GetImpact(ApiContext& ctx, const Loaded& fw, const httplib::Request& req,
               httplib::Response& res) {
  Status p = CheckParams(req, {"format", "fund", "as_of", "currency"});
  if (!p.ok()) return SendError(res, p);
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "csv" && format != "jsonld") {
    return SendError(res,
                     InvalidArgument("format: '" + format + "' is not one of json, csv, jsonld"));
  }
  finance::ImpactRequest r;
  r.as_of = req.get_param_value("as_of");
  r.fund = req.get_param_value("fund");
  r.currency = req.get_param_value("currency");
  auto store = ctx.pool->Acquire();
  auto caller = Allowed(ctx, req, *store, auth::Action::kReadFinance);
  if (!caller.ok()) return SendError(res, caller.status());
  auto report = finance::ImpactOfStore(*store, *ctx.clock, Fw(fw), r);
  if (!report.ok()) return SendError(res, report.status());
  const std::string name = "ecosol-impact-" + report->as_of + (r.fund.empty() ? "" : "-" + r.fund);
  if (format == "csv") {
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    res.set_content(finance::ImpactToCsv(*report), "text/csv; charset=utf-8");
    return;
  }
  if (format == "jsonld") {
    res.set_header("Content-Disposition", "attachment; filename=\"" + name + ".jsonld\"");
    res.set_content(finance::ImpactToJsonLd(*report).dump(2), "application/ld+json");
    return;
  }
  SendJson(res, 200, finance::ImpactToJson(*report));
}

}  // namespace

void AddFinanceRoutes(Router& router, ApiContext& ctx) {
  Loaded loaded = LoadFramework<finance::FinanceFrameworks>(
      ctx.options, [](const std::string& dir) { return finance::FinanceFrameworksIn(dir); },
      "social finance is not configured on this server", "the finance frameworks");
  AddFrameworkRoutes<finance::FinanceFrameworks>(
      router, ctx, std::move(loaded),
      {
          {{"GET", "/api/v1/finance/mechanisms"}, GetMechanisms},
          {{"POST", "/api/v1/finance/match"}, PostMatch},
          {{"POST", "/api/v1/finance/applicants"}, PostApplicants},
          {{"POST", "/api/v1/finance/readiness"}, PostReadiness},
          {{"POST", "/api/v1/finance/schedule"}, PostSchedule},
          {{"POST", "/api/v1/finance/par"}, PostPar},
          {{"POST", "/api/v1/finance/waterfall"}, PostWaterfall},
          {{"POST", "/api/v1/finance/allocate"}, PostAllocate},
          {{"GET", "/api/v1/finance/records/{kind}"}, ListRecords},
          {{"GET", "/api/v1/finance/records/{kind}/{id}"}, GetRecord},
          {{"PUT", "/api/v1/finance/records/{kind}/{id}"}, PutRecord},
          {{"DELETE", "/api/v1/finance/records/{kind}/{id}"}, DeleteRecord},
          {{"GET", "/api/v1/finance/records/{kind}/{id}/versions"}, GetRecordVersions},
          {{"GET", "/api/v1/finance/organisations/{id}"}, GetOrganisation},
          {{"GET", "/api/v1/finance/funders/{id}/applicants"}, GetFunderApplicants},
          {{"GET", "/api/v1/finance/guarantee-funds/{id}"}, GetGuaranteeFund},
          {{"GET", "/api/v1/finance/campaigns/{id}"}, GetCampaign},
          {{"GET", "/api/v1/finance/funds"}, GetFunds},
          {{"GET", "/api/v1/finance/funds/{id}"}, GetFund},
          {{"POST", "/api/v1/finance/funds/{id}/allocate"}, PostFundAllocate},
          {{"GET", "/api/v1/finance/loan-book"}, GetLoanBook},
          {{"GET", "/api/v1/finance/impact"}, GetImpact},
      });
}

}  // namespace ecosol::http
