// /api/v1/actors, /api/v1/map/points and /api/v1/relationships.

#include <chrono>

#include "api.h"
#include "ecosol/base/strings.h"
#include "ecosol/model/json.h"
#include "ecosol/text/search_text.h"
#include "listing.h"

namespace ecosol::http {
namespace {

using nlohmann::json;

const std::set<std::string> kFilterParams = {"q",    "kind",  "country", "activity", "structure",
                                             "bbox", "limit", "cursor",  "verdict",  "framework"};

Result<store::BBox> ParseBBox(const std::string& text) {
  auto parts = Split(text, ',');
  store::BBox b;
  double* v[] = {&b.min_lon, &b.min_lat, &b.max_lon, &b.max_lat};
  if (parts.size() != 4) {
    return InvalidArgument("bbox: expected 4 numbers minLon,minLat,maxLon,maxLat");
  }
  for (size_t i = 0; i < 4; ++i) {
    if (!ParseDouble(parts[i], v[i])) {
      return InvalidArgument("bbox: '" + parts[i] + "' is not a number");
    }
  }
  if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90) {
    return InvalidArgument("bbox: longitudes must be within -180..180 and latitudes -90..90");
  }
  if (b.min_lon > b.max_lon || b.min_lat > b.max_lat) {
    return InvalidArgument("bbox: the minimum must not exceed the maximum");
  }
  return b;
}

Result<store::ActorQuery> ParseQuery(const httplib::Request& req, int default_limit,
                                     int max_limit) {
  ECOSOL_RETURN_IF_ERROR(CheckParams(req, kFilterParams));
  store::ActorQuery q;
  q.limit = default_limit;
  q.q = req.get_param_value("q");
  q.cursor = req.get_param_value("cursor");
  q.activity = req.get_param_value("activity");
  q.structure = req.get_param_value("structure");
  q.verdict = req.get_param_value("verdict");
  q.verdict_framework = req.get_param_value("framework");
  if (!q.verdict.empty() && q.verdict != "consistent" && q.verdict != "partially_consistent" &&
      q.verdict != "inconsistent" && q.verdict != "insufficient_evidence" &&
      q.verdict != "not_applicable") {
    return InvalidArgument("verdict: '" + q.verdict +
                           "' is not one of consistent, partially_consistent, inconsistent, "
                           "insufficient_evidence, not_applicable");
  }
  if (!q.verdict_framework.empty() && q.verdict.empty()) {
    return InvalidArgument(
        "framework: goes with verdict (the actors whose latest assessment "
        "under this framework has that verdict)");
  }
  if (q.q.size() > 500) return InvalidArgument("q: longer than 500 characters");
  if (!IsValidUtf8(q.q)) return InvalidArgument("q: not valid UTF-8");
  if (req.has_param("kind")) {
    q.kind = model::ParseActorKind(req.get_param_value("kind"));
    if (!q.kind) return InvalidArgument("kind: '" + req.get_param_value("kind") + "' is unknown");
  }
  std::string country = req.get_param_value("country");
  for (char& c : country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!country.empty() && country.size() != 2) {
    return InvalidArgument("country: expected an ISO 3166-1 alpha-2 code such as GB");
  }
  q.country = country;
  if (req.has_param("bbox")) {
    auto bbox = ParseBBox(req.get_param_value("bbox"));
    if (!bbox.ok()) return bbox.status();
    q.bbox = *bbox;
  }
  if (req.has_param("limit")) {
    long long limit = 0;
    if (!ParseInt64(req.get_param_value("limit"), &limit) || limit < 1 || limit > max_limit) {
      return InvalidArgument("limit: expected a whole number from 1 to " +
                             std::to_string(max_limit));
    }
    q.limit = static_cast<int>(limit);
  }
  return q;
}

std::string SnippetOf(const model::Actor& a, const std::vector<std::vector<std::string>>& terms) {
  std::vector<std::string> texts = {a.name};
  for (const auto& [lang, name] : a.names) texts.push_back(name);
  for (const auto& [lang, text] : a.description) texts.push_back(text);
  texts.push_back(a.address.locality);
  texts.push_back(a.legal_form);
  for (const std::string& t : texts) {
    std::string s = text::Snippet(t, terms);
    if (!s.empty()) return s;
  }
  return "";
}

// How long, and across how many changed actors, the first page of a search may be kept by
// revalidation (ListActors).
constexpr std::chrono::seconds kSearchKeptFor{60};
constexpr size_t kSearchKeptAcross = 1000;
// How long a request waits for the new first page of a search it found out of date, when it has
// an earlier one to give (ResponseCache's runner): an idle server computes it well within this.
constexpr std::chrono::seconds kSearchWait{1};
// How long a listing by box waits for the box index to read the writes it is behind by (a few
// rows, milliseconds) before the database answers it instead (tens to hundreds of milliseconds
// under load).
constexpr std::chrono::milliseconds kBoxWait{200};

// The cache key of a request: its path and its parameters in order.
std::string CacheKey(const httplib::Request& req) {
  std::string key = req.path;
  for (const auto& [name, value] : req.params) key += "\n" + name + "=" + value;
  return key;
}

// A page of actors as JSON, each as `viewer` sees it.
std::string ListingBody(const store::ActorPage& page, const auth::Viewer& viewer,
                        const std::string& q) {
  auto terms = text::QueryTerms(q);
  json items = json::array();
  for (const model::Actor& a : page.items) {
    std::optional<model::Actor> shown = viewer.View(a);
    if (!shown) continue;  // the query's audience already keeps such actors out
    json s = ActorSummary(*shown);
    // The snippet is cut from what the viewer sees, never from restricted text.
    if (!q.empty()) s["snippet"] = SnippetOf(*shown, terms);
    items.push_back(std::move(s));
  }
  json out = {{"items", items},
              {"next_cursor", page.next_cursor.empty() ? json(nullptr) : json(page.next_cursor)}};
  return DumpBody(out);
}

void ListActors(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto q = ParseQuery(req, 50, 500);
  if (!q.ok()) return SendError(res, q.status());
  if (!q->verdict.empty()) {
    // Assessments do not change the registry's generation, so listings by verdict are never
    // cached: answered from the database for everyone.
    auto store = ReadStore(ctx, req, res);
    auto viewer = ViewerOf(ctx, req, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    q->audience = viewer->audience();
    registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
    auto page = reg.ListActors(*q);
    if (!page.ok()) return SendError(res, page.status());
    return res.set_content(ListingBody(*page, *viewer, q->q), "application/json; charset=utf-8");
  }
  if (HasCredentials(req)) {
    // A signed-in reader may see more than the public: answered from the database, uncached.
    auto store = ReadStore(ctx, req, res);
    auto viewer = ViewerOf(ctx, req, *store);
    if (!viewer.ok()) return SendError(res, viewer.status());
    if (!viewer->public_only()) {
      q->audience = viewer->audience();
      registry::Registry reg(*store, *ctx.clock, ctx.taxonomy);
      auto page = reg.ListActors(*q);
      if (!page.ok()) return SendError(res, page.status());
      return res.set_content(ListingBody(*page, *viewer, q->q), "application/json; charset=utf-8");
    }
  }
  // The public's answer: the same question asked since the last change of the registry gets the
  // same answer.
  const std::string key = CacheKey(req);
  // With a read replica, the answer is computed on the database it is read from and cached under
  // that database's generation (a lagging replica's answer is never kept as the primary's).
  std::shared_ptr<store::Store> read;
  if (ctx.replica) read = ReadStore(ctx, req, res);
  Result<long long> generation = read ? read->Generation() : ctx.pool->Generation();
  if (!generation.ok()) return SendError(res, generation.status());
  // A listing by box alone comes from the box index when it holds this generation or a later
  // one, waiting up to kBoxWait for it to read the writes it is behind by.
  if (ctx.box_index && q->bbox && q->q.empty() && !q->kind && q->country.empty() &&
      q->activity.empty() && q->structure.empty()) {
    auto body = ctx.box_index->Listing(*q->bbox, q->limit, q->cursor, *generation, kBoxWait);
    if (body) {
      res.set_header("X-Cache", "index");
      return res.set_content(std::move(*body), "application/json; charset=utf-8");
    }
  }
  // The work of an answer holds nothing of the request: a search's new first page may be
  // finished by ctx.search_runner after the request got the earlier page (then it is only
  // stored). ctx outlives the runner (api.h).
  auto error = std::make_shared<std::optional<Status>>();
  ApiContext* const c = &ctx;
  auto compute = [c, read, query = *q, error]() -> std::optional<ResponseCache::Answer> {
    auto store = read ? read : c->pool->Acquire();
    registry::Registry reg(*store, *c->clock, c->taxonomy);
    auto page = reg.ListActors(query);
    if (!page.ok()) {
      *error = page.status();
      return std::nullopt;
    }
    std::string rids = ",";  // ",1,5,9,": each row id between commas
    for (long long rid : page->matched_rids) rids += std::to_string(rid) + ",";
    return ResponseCache::Answer{ListingBody(*page, auth::Viewer(), query.q), std::move(rids)};
  };
  std::optional<std::string> body;
  ResponseCache::Outcome outcome;
  if (!q->q.empty() && q->cursor.empty()) {
    // The first page of a search is kept across writes that do not touch it: no actor written
    // since matches its words now, and none was among the matches it read (so none left it).
    // Ranking statistics over the whole registry (the number of actors, their mean length) do
    // move with every write, so an answer is computed again once kSearchKeptFor old, or when
    // more than kSearchKeptAcross actors changed since.
    //
    // While one request computes a new answer, others asking the same get the previous one
    // (ResponseCache: at most kSearchKeptFor old) instead of queuing behind it. This cache
    // answers only readers without credentials, who cannot write; a signed-in writer's reads
    // come from the database. At most ctx.search_slots searches are computed at once; when all
    // are taken, a request whose earlier answer is fresh gets it instead of queuing. The request
    // that revalidates or computes waits for it at most kSearchWait, then gets the earlier page
    // too while the work finishes on ctx.search_runner.
    body = ctx.cache->GetOrRevalidate(
        key, *generation, compute,
        [c, read, text = q->q](long long since, const std::string& tag) {
          auto store = read ? read : c->pool->Acquire();
          auto changes = store->SearchChangesSince(since, text, kSearchKeptAcross);
          if (!changes.ok() || changes->too_many) return false;
          for (const store::SearchChanges::Changed& ch : changes->changed) {
            if (ch.matches || tag.find("," + std::to_string(ch.rid) + ",") != std::string::npos) {
              return false;
            }
          }
          return true;
        },
        kSearchKeptFor, /*stale_while_computing=*/true, ctx.search_slots.get(), &outcome,
        ctx.search_runner.get(), kSearchWait);
  } else {
    body = ctx.cache->GetOrCompute(
        key, *generation,
        [&]() -> std::optional<std::string> {
          auto answer = compute();
          if (!answer) return std::nullopt;
          return std::move(answer->body);
        },
        &outcome);
  }
  if (body) {
    res.set_header("X-Cache", ResponseCache::Name(outcome));
    res.set_content(std::move(*body), "application/json; charset=utf-8");
  } else {
    SendError(res, error->value_or(Internal("the listing was not computed")));
  }
}

void MapPoints(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto q = ParseQuery(req, 50000, 100000);
  if (!q.ok()) return SendError(res, q.status());
  auto store = ReadStore(ctx, req, res);
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  q->audience = viewer->audience();
  bool truncated = false;
  auto points = store->MapPoints(*q, q->limit, &truncated);
  if (!points.ok()) return SendError(res, points.status());
  json items = json::array();
  for (const store::MapPoint& p : *points) {
    items.push_back({p.id, p.lon, p.lat, p.name, model::ToString(p.kind)});
  }
  SendJson(res, 200, {{"items", items}, {"truncated", truncated}});
}

// The actor with `id` as the caller sees it; NotFound when unknown, deleted or not visible to
// the caller (the same answer, so that hidden actors cannot be told from absent ones).
Result<model::Actor> VisibleActor(store::Store& store, const auth::Viewer& viewer,
                                  const std::string& id, bool include_deleted = false) {
  auto actor = store.GetActor(id);
  if (!actor.ok()) return actor.status();
  if (actor->has_value() && (!(*actor)->deleted || include_deleted)) {
    if (auto shown = viewer.View(**actor)) return std::move(*shown);
  }
  return NotFound("no actor with id '" + id + "'");
}

void GetActor(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ReadStore(ctx, req, res);
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  auto actor = VisibleActor(*store, *viewer, req.matches[1]);
  if (!actor.ok()) return SendError(res, actor.status());
  SendJson(res, 200, model::ActorToJson(*actor));
}

// What the caller may do with an actor, for the web app to offer only that.
void ActorAccess(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto caller = Identify(ctx, req, *store);
  if (!caller.ok()) return SendError(res, caller.status());
  auto viewer = auth::Viewer::For(caller->principal, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  auto stored = store->GetActor(req.matches[1]);
  if (!stored.ok()) return SendError(res, stored.status());
  if (!stored->has_value() || !viewer->CanSee(**stored) ||
      ((*stored)->deleted && !caller->principal.IsAdmin())) {
    return SendError(res, NotFound("no actor with id '" + std::string(req.matches[1]) + "'"));
  }
  auto scope = auth::ScopeOf(*store, **stored);
  if (!scope.ok()) return SendError(res, scope.status());
  auth::Target target;
  target.actors.push_back(*scope);
  auto allowed = [&](auth::Action a) { return auth::Authorize(caller->principal, a, target).ok(); };
  SendJson(res, 200,
           {{"sees", model::ToString(viewer->LevelOf(**stored))},
            {"can_edit", allowed(auth::Action::kEditActor)},
            {"can_delete", allowed(auth::Action::kDeleteActor)},
            {"can_restore", allowed(auth::Action::kRestoreActor)},
            {"can_assess", allowed(auth::Action::kAssessActor)}});
}

void ActorRelationships(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ReadStore(ctx, req, res);
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  auto actor = VisibleActor(*store, *viewer, req.matches[1]);
  if (!actor.ok()) return SendError(res, actor.status());
  auto rels = store->RelationshipsOf(actor->id);
  if (!rels.ok()) return SendError(res, rels.status());
  json items = json::array();
  for (const model::Relationship& r : *rels) {
    // A relationship with an actor the caller may not see is not shown either.
    const std::string& other_id = r.from == actor->id ? r.to : r.from;
    auto other = VisibleActor(*store, *viewer, other_id, /*include_deleted=*/true);
    if (!other.ok()) {
      if (other.status().code() == StatusCode::kNotFound) continue;
      return SendError(res, other.status());
    }
    json j = model::RelationshipToJson(r);
    j["from_name"] = r.from == actor->id ? actor->name : other->name;
    j["to_name"] = r.to == actor->id ? actor->name : other->name;
    items.push_back(std::move(j));
  }
  SendJson(res, 200, {{"items", items}});
}

// Asks the policy about changing a relationship between `from` and `to`.
Status AllowedOnRelationship(registry::Registry& reg, const Caller& c, const std::string& from,
                             const std::string& to) {
  auth::Target target;
  for (const std::string& id : {from, to}) {
    auto scope = ScopeOfActor(reg, c, id);
    if (scope.ok()) target.actors.push_back(std::move(*scope));
  }
  return auth::Authorize(c.principal, auth::Action::kEditRelationship, target);
}

// The same for an existing relationship (NotFound when there is none).
Status AllowedOnExistingRelationship(registry::Registry& reg, const Caller& c,
                                     const std::string& id) {
  auto rel = reg.store().GetRelationship(id);
  if (!rel.ok()) return rel.status();
  if (!rel->has_value() || (*rel)->deleted) return NotFound("no relationship with id '" + id + "'");
  return AllowedOnRelationship(reg, c, (*rel)->from, (*rel)->to);
}

void CreateActor(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& payload, const Caller& c) {
    auto actor = model::ActorFromJson(payload);
    if (!actor.ok()) return SendError(res, actor.status());
    auth::Target target;
    target.territory =
        actor->territory.empty() ? registry::TerritoryIdOf(actor->address) : actor->territory;
    Status allowed = auth::Authorize(c.principal, auth::Action::kCreateActor, target);
    if (!allowed.ok()) return SendError(res, allowed);
    auto created = reg.CreateActor(*actor, "api");
    if (!created.ok()) return SendError(res, created.status());
    res.set_header("Location", "/api/v1/actors/" + created->id);
    SendJson(res, 201, model::ActorToJson(*created));
  });
}

void PatchActor(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, json payload, const Caller& c) {
    Status allowed = AllowedOnActor(reg, c, auth::Action::kEditActor, req.matches[1]);
    if (!allowed.ok()) return SendError(res, allowed);
    std::optional<long long> expected;
    if (payload.contains("version")) {
      if (!payload["version"].is_number_integer()) {
        return SendError(res, InvalidArgument("version: expected an integer"));
      }
      expected = payload["version"].get<long long>();
      payload.erase("version");
    }
    auto viewer = auth::Viewer::For(c.principal, reg.store());
    if (!viewer.ok()) return SendError(res, viewer.status());
    auto current = reg.GetActor(req.matches[1]);
    if (!current.ok()) return SendError(res, current.status());
    std::vector<std::string> fields;
    for (const auto& [key, unused] : payload.items()) fields.push_back(key);
    Status fields_allowed =
        auth::AuthorizeFieldChanges(viewer->LevelOf(*current), *current, fields);
    if (!fields_allowed.ok()) return SendError(res, fields_allowed);
    auto updated = reg.UpdateActor(req.matches[1], payload, expected, "api");
    if (!updated.ok()) return SendError(res, updated.status());
    auto shown = viewer->View(*updated);
    if (!shown) {  // the change made it private to others: the caller keeps seeing what it sent
      return SendJson(res, 200, {{"id", updated->id}, {"version", updated->version}});
    }
    SendJson(res, 200, model::ActorToJson(*shown));
  });
}

void DeleteActor(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status allowed = AllowedOnActor(reg, c, auth::Action::kDeleteActor, req.matches[1]);
    if (!allowed.ok()) return SendError(res, allowed);
    Status s = reg.DeleteActor(req.matches[1]);
    if (!s.ok()) return SendError(res, s);
    res.status = 204;
  });
}

void RestoreActor(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status allowed = AllowedOnActor(reg, c, auth::Action::kRestoreActor, req.matches[1], true);
    if (!allowed.ok()) return SendError(res, allowed);
    auto restored = reg.RestoreActor(req.matches[1]);
    if (!restored.ok()) return SendError(res, restored.status());
    SendJson(res, 200, model::ActorToJson(*restored));
  });
}

void GetRelationship(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Status p = CheckParams(req, {});
  if (!p.ok()) return SendError(res, p);
  auto store = ctx.pool->Acquire();
  auto viewer = ViewerOf(ctx, req, *store);
  if (!viewer.ok()) return SendError(res, viewer.status());
  auto rel = store->GetRelationship(req.matches[1]);
  if (!rel.ok()) return SendError(res, rel.status());
  const Status absent = NotFound("no relationship with id '" + std::string(req.matches[1]) + "'");
  if (!rel->has_value() || (*rel)->deleted) return SendError(res, absent);
  // Shown only when the caller may see both of its actors.
  for (const std::string& id : {(*rel)->from, (*rel)->to}) {
    auto end = VisibleActor(*store, *viewer, id, /*include_deleted=*/true);
    if (!end.ok())
      return SendError(res, end.status().code() == StatusCode::kNotFound ? absent : end.status());
  }
  SendJson(res, 200, model::RelationshipToJson(**rel));
}

void CreateRelationship(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& payload, const Caller& c) {
    auto rel = model::RelationshipFromJson(payload);
    if (!rel.ok()) return SendError(res, rel.status());
    Status allowed = AllowedOnRelationship(reg, c, rel->from, rel->to);
    if (!allowed.ok()) return SendError(res, allowed);
    auto created = reg.CreateRelationship(*rel, "api");
    if (!created.ok()) return SendError(res, created.status());
    SendJson(res, 201, model::RelationshipToJson(*created));
  });
}

void PatchRelationship(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, true, [&](registry::Registry& reg, const json& payload, const Caller& c) {
    Status allowed = AllowedOnExistingRelationship(reg, c, req.matches[1]);
    if (!allowed.ok()) return SendError(res, allowed);
    auto updated = reg.UpdateRelationship(req.matches[1], payload, "api");
    if (!updated.ok()) return SendError(res, updated.status());
    SendJson(res, 200, model::RelationshipToJson(*updated));
  });
}

void DeleteRelationship(ApiContext& ctx, const httplib::Request& req, httplib::Response& res) {
  Write(ctx, req, res, false, [&](registry::Registry& reg, const json&, const Caller& c) {
    Status allowed = AllowedOnExistingRelationship(reg, c, req.matches[1]);
    if (!allowed.ok()) return SendError(res, allowed);
    Status s = reg.DeleteRelationship(req.matches[1]);
    if (!s.ok()) return SendError(res, s);
    res.status = 204;
  });
}

}  // namespace

void AddActorRoutes(Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/actors", Bind(ctx, ListActors));
  router.Add("POST", "/api/v1/actors", Bind(ctx, CreateActor));
  router.Add("GET", "/api/v1/actors/{id}", Bind(ctx, GetActor));
  router.Add("PATCH", "/api/v1/actors/{id}", Bind(ctx, PatchActor));
  router.Add("DELETE", "/api/v1/actors/{id}", Bind(ctx, DeleteActor));
  router.Add("POST", "/api/v1/actors/{id}/restore", Bind(ctx, RestoreActor));
  router.Add("GET", "/api/v1/actors/{id}/relationships", Bind(ctx, ActorRelationships));
  router.Add("GET", "/api/v1/actors/{id}/access", Bind(ctx, ActorAccess));
  router.Add("GET", "/api/v1/map/points", Bind(ctx, MapPoints));
}

void AddRelationshipRoutes(Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/relationships", Bind(ctx, CreateRelationship));
  router.Add("GET", "/api/v1/relationships/{id}", Bind(ctx, GetRelationship));
  router.Add("PATCH", "/api/v1/relationships/{id}", Bind(ctx, PatchRelationship));
  router.Add("DELETE", "/api/v1/relationships/{id}", Bind(ctx, DeleteRelationship));
}

}  // namespace ecosol::http
