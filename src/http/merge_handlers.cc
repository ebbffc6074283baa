// Entity resolution for stewards: the review queue of candidate duplicates, merges (with their
// survivorship rules), unmerges, and decisions that two actors are distinct.

#include <chrono>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/registry/merge.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

// Candidate clusters are costly to find on a large registry (a minute at a million actors), so
// the last list is kept until the registry changes (per server and database).
struct QueueCache {
  std::mutex mu;
  const ApiContext* owner = nullptr;
  std::string db_url;
  long long generation = -1;
  double threshold = 0;
  std::vector<registry::DuplicateCluster> clusters;
};
QueueCache& Cache() {
  static QueueCache cache;
  return cache;
}

// The policy's view of the actors (deleted ones too), for merging them. NotFound for an id
// that names no actor or one the caller may not see.
Result<auth::Target> MergeTarget(store::Store& store, const Caller& c,
                                 const std::vector<std::string>& ids) {
  auto viewer = auth::Viewer::For(c.principal, store);
  if (!viewer.ok()) return viewer.status();
  auth::Target target;
  for (const std::string& id : ids) {
    auto actor = store.GetActor(id);
    if (!actor.ok()) return actor.status();
    if (!actor->has_value() || !viewer->CanSee(**actor)) {
      return NotFound("no actor with id '" + id + "'");
    }
    auto scope = auth::ScopeOf(store, **actor);
    if (!scope.ok()) return scope.status();
    target.actors.push_back(std::move(*scope));
  }
  return target;
}

Status MayMerge(store::Store& store, const Caller& c, const std::vector<std::string>& ids) {
  auto target = MergeTarget(store, c, ids);
  if (!target.ok()) return target.status();
  return auth::Authorize(c.principal, auth::Action::kMergeActors, *target);
}

Result<std::string> StringField(const json& body, const std::string& name) {
  if (!body.contains(name) || !body[name].is_string() || body[name].get<std::string>().empty()) {
    return InvalidArgument(name + ": required, an actor id");
  }
  return body[name].get<std::string>();
}

// What a reviewer compares: the actor's main fields as the caller may see them.
json ActorSummary(const auth::Viewer& viewer, const model::Actor& actor) {
  auto shown = viewer.View(actor);
  if (!shown) return {{"id", actor.id}};
  auto source = shown->provenance.find("name");
  return {{"id", shown->id},
          {"name", shown->name},
          {"kind", model::ToString(shown->kind)},
          {"source", source == shown->provenance.end() ? "" : source->second.source},
          {"legal_form", shown->legal_form},
          {"address",
           {{"street", shown->address.street},
            {"locality", shown->address.locality},
            {"postcode", shown->address.postcode},
            {"country", shown->address.country}}},
          {"website", shown->website},
          {"identifiers", shown->identifiers},
          {"founded", shown->founded},
          {"version", shown->version}};
}

// GET /api/v1/duplicates[?threshold=&limit=]: the clusters the caller may merge, best first,
// with each actor's summary. Stewards and admins.
void Duplicates(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"threshold", "limit"});
  if (!p.ok()) return SendError(res, p);
  double threshold = 0.85;
  if (req.has_param("threshold")) {
    const std::string v = req.get_param_value("threshold");
    char* end = nullptr;
    threshold = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || threshold <= 0 || threshold > 1) {
      return SendError(
          res, InvalidArgument("threshold: a number above 0 and at most 1, not '" + v + "'"));
    }
  }
  long long limit = 50;
  if (req.has_param("limit") &&
      (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 500)) {
    return SendError(res, InvalidArgument("limit: a whole number from 1 to 500"));
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  if (!caller->principal.signed_in) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "the review queue is for stewards: sign in, or send "
                                 "'Authorization: Bearer <API token>'"));
  }
  auto generation = store->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  std::vector<registry::DuplicateCluster> clusters;
  {
    QueueCache& cache = Cache();
    std::lock_guard<std::mutex> lock(cache.mu);
    if (cache.owner != &ctx || cache.db_url != ctx.options.db_url ||
        cache.generation != *generation || cache.threshold != threshold) {
      registry::DedupOptions o;
      o.threshold = threshold;
      auto found = registry::PendingDuplicates(*store, o);
      if (!found.ok()) return SendError(res, found.status());
      cache.clusters = std::move(*found);
      cache.owner = &ctx;
      cache.db_url = ctx.options.db_url;
      cache.generation = *generation;
      cache.threshold = threshold;
    }
    clusters = cache.clusters;
  }
  auto viewer = auth::Viewer::For(caller->principal, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  json items = json::array();
  long long total = 0;
  for (const auto& c : clusters) {
    if (!MayMerge(*store, *caller, c.ids).ok()) continue;
    ++total;
    if (static_cast<long long>(items.size()) >= limit) continue;
    json item = registry::DuplicateClusterToJson(c);
    json actors = json::array();
    for (const std::string& id : c.ids) {
      auto actor = store->GetActor(id);
      if (!actor.ok()) return SendError(res, actor.status());
      if (actor->has_value()) actors.push_back(ActorSummary(*viewer, **actor));
    }
    item["actors"] = actors;
    items.push_back(std::move(item));
  }
  SendJson(res, 200, {{"total", total}, {"threshold", threshold}, {"items", items}});
}

// POST /api/v1/merges {"survivor", "merged": [...], "rules"?, "dry_run"?}: 201 with the merge
// record (200 for a dry run, which writes nothing).
void CreateMerge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    static const std::set<std::string> kKeys = {"survivor", "merged", "rules", "dry_run"};
    for (const auto& [key, value] : body.items()) {
      if (!kKeys.count(key)) {
        return SendError(res, InvalidArgument(key + ": unknown (known: survivor, merged, rules, "
                                                    "dry_run)"));
      }
    }
    registry::MergeRequest request;
    auto survivor = StringField(body, "survivor");
    if (!survivor.ok()) return SendError(res, survivor.status());
    request.survivor = *survivor;
    if (!body.contains("merged") || !body["merged"].is_array() || body["merged"].empty()) {
      return SendError(res, InvalidArgument("merged: required, a list of actor ids"));
    }
    for (const json& id : body["merged"]) {
      if (!id.is_string() || id.get<std::string>().empty()) {
        return SendError(res, InvalidArgument("merged: each item is an actor id"));
      }
      request.merged.push_back(id.get<std::string>());
    }
    if (body.contains("rules")) {
      auto rules = registry::SurvivorshipRulesFromJson(body["rules"]);
      if (!rules.ok()) return SendError(res, rules.status());
      request.rules = std::move(*rules);
    }
    if (body.contains("dry_run")) {
      if (!body["dry_run"].is_boolean()) {
        return SendError(res, InvalidArgument("dry_run: true or false"));
      }
      request.dry_run = body["dry_run"].get<bool>();
    }
    std::vector<std::string> ids = request.merged;
    ids.insert(ids.begin(), request.survivor);
    Status allowed = MayMerge(reg.store(), c, ids);
    if (!allowed.ok()) return SendError(res, allowed);
    auto merge = reg.MergeActors(request);
    if (!merge.ok()) return SendError(res, merge.status());
    SendJson(res, request.dry_run ? 200 : 201, registry::MergeRecordToJson(*merge));
  });
}

// GET /api/v1/merges[?actor=&limit=]: merges the caller may undo, newest first.
void ListMerges(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {"actor", "limit"});
  if (!p.ok()) return SendError(res, p);
  long long limit = 50;
  if (req.has_param("limit") &&
      (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > 500)) {
    return SendError(res, InvalidArgument("limit: a whole number from 1 to 500"));
  }
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  if (!caller->principal.signed_in) {
    return SendError(res, Status(StatusCode::kUnauthenticated,
                                 "merges are listed for stewards: sign in, or send "
                                 "'Authorization: Bearer <API token>'"));
  }
  const std::string actor = req.has_param("actor") ? req.get_param_value("actor") : "";
  auto merges = store->Merges(actor, 0);
  if (!merges.ok()) return SendError(res, merges.status());
  json items = json::array();
  for (const auto& m : *merges) {
    std::vector<std::string> ids = m.merged_ids;
    ids.insert(ids.begin(), m.survivor_id);
    if (!MayMerge(*store, *caller, ids).ok()) continue;
    items.push_back(registry::MergeRecordToJson(m));
    if (static_cast<long long>(items.size()) >= limit) break;
  }
  SendJson(res, 200, {{"items", items}});
}

// GET /api/v1/merges/{id}.
void GetMerge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  const std::string id = req.matches[1];
  auto merge = store->GetMerge(id);
  if (!merge.ok()) return SendError(res, merge.status());
  if (!merge->has_value()) return SendError(res, NotFound("no merge with id '" + id + "'"));
  std::vector<std::string> ids = (*merge)->merged_ids;
  ids.insert(ids.begin(), (*merge)->survivor_id);
  Status allowed = MayMerge(*store, *caller, ids);
  if (allowed.code() == StatusCode::kPermissionDenied || allowed.code() == StatusCode::kNotFound) {
    return SendError(res, NotFound("no merge with id '" + id + "'"));
  }
  if (!allowed.ok()) return SendError(res, allowed);
  SendJson(res, 200, registry::MergeRecordToJson(**merge));
}

// POST /api/v1/merges/{id}/undo: 200 with the merge record, now undone.
void UndoMerge(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    const std::string id = req.matches[1];
    auto merge = reg.store().GetMerge(id);
    if (!merge.ok()) return SendError(res, merge.status());
    if (!merge->has_value()) return SendError(res, NotFound("no merge with id '" + id + "'"));
    std::vector<std::string> ids = (*merge)->merged_ids;
    ids.insert(ids.begin(), (*merge)->survivor_id);
    Status allowed = MayMerge(reg.store(), c, ids);
    if (!allowed.ok()) return SendError(res, allowed);
    auto undone = reg.UnmergeActors(id);
    if (!undone.ok()) return SendError(res, undone.status());
    SendJson(res, 200, registry::MergeRecordToJson(*undone));
  });
}

// POST /api/v1/duplicates/decisions {"a", "b", "distinct": true|false}: records (or forgets)
// that two actors are different organisations. 204.
void DecideDuplicates(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& body, const Caller& c) {
    for (const auto& [key, value] : body.items()) {
      if (key != "a" && key != "b" && key != "distinct") {
        return SendError(res, InvalidArgument(key + ": unknown (known: a, b, distinct)"));
      }
    }
    auto a = StringField(body, "a");
    if (!a.ok()) return SendError(res, a.status());
    auto b = StringField(body, "b");
    if (!b.ok()) return SendError(res, b.status());
    bool distinct = true;
    if (body.contains("distinct")) {
      if (!body["distinct"].is_boolean()) {
        return SendError(res, InvalidArgument("distinct: true or false"));
      }
      distinct = body["distinct"].get<bool>();
    }
    if (*a == *b) {
      return SendError(res, InvalidArgument("a, b: name two different actors"));
    }
    Status allowed = MayMerge(reg.store(), c, {*a, *b});
    if (!allowed.ok()) return SendError(res, allowed);
    Status s = registry::DecideDistinct(reg.store(), *a, *b, distinct, c.principal.who,
                                        FormatTimestamp(ctx.clock->Now()));
    if (!s.ok()) return SendError(res, s);
    {
      QueueCache& cache = Cache();
      std::lock_guard<std::mutex> lock(cache.mu);
      cache.generation = -1;  // decisions do not move the registry's generation
    }
    res.status = 204;
  });
}

}  // namespace

void AddMergeRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/duplicates", Bind(ctx, Duplicates));
  router.Add("POST", "/api/v1/duplicates/decisions", Bind(ctx, DecideDuplicates));
  router.Add("GET", "/api/v1/merges", Bind(ctx, ListMerges));
  router.Add("POST", "/api/v1/merges", Bind(ctx, CreateMerge));
  router.Add("GET", "/api/v1/merges/{id}", Bind(ctx, GetMerge));
  router.Add("POST", "/api/v1/merges/{id}/undo", Bind(ctx, UndoMerge));
}

}  // namespace ecosol::http
