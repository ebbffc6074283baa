// Pulling another instance's change feed (see sync.h): the HTTP fetcher, the page loop and the
// entity resolution rules applied to each item.

#include "ecosol/interop/sync.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>

#include "ecosol/base/clock.h"
#include "ecosol/base/strings.h"
#include "ecosol/interop/feed.h"
#include "ecosol/model/json.h"
#include "ecosol/registry/dedup.h"

namespace ecosol::interop {
namespace {

using model::Actor;
using nlohmann::json;

class HttpFetcher : public FeedFetcher {
 public:
  explicit HttpFetcher(int timeout_seconds) : timeout_(timeout_seconds) {}

  Result<std::string> Get(const std::string& url) override {
    const size_t authority = url.find("://");
    if (authority == std::string::npos || !StartsWith(url, "http://")) {
      return InvalidArgument("'" + url + "': only http:// URLs can be fetched");
    }
    const size_t path = url.find('/', authority + 3);
    httplib::Client client(url.substr(0, path));
    client.set_connection_timeout(timeout_, 0);
    client.set_read_timeout(timeout_, 0);
    auto res = client.Get(path == std::string::npos ? "/" : url.substr(path));
    if (!res) {
      return Unavailable("cannot reach " + url + " (" + httplib::to_string(res.error()) +
                         "): check the address and that the instance is running");
    }
    if (res->status != 200) {
      std::string body = res->body.substr(0, 300);
      return Status(res->status == 404 ? StatusCode::kNotFound : StatusCode::kUnavailable,
                    "GET " + url + " answered " + std::to_string(res->status) +
                        (body.empty() ? "" : ": " + body));
    }
    return std::move(res->body);
  }

 private:
  int timeout_;
};

bool Empty(const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) return v.get_ref<const std::string&>().empty();
  if (v.is_object()) {
    return std::all_of(v.begin(), v.end(), [](const json& x) { return Empty(x); });
  }
  if (v.is_array()) return v.empty();
  return false;
}

// The fields a peer's item may set here: its data fields, less the territory (placed here from
// the address) and visibility (the feed carries public views only).
bool Syncable(const std::string& field) {
  static const std::set<std::string> kNot = {"id",         "provenance",       "version",
                                             "updated_at", "deleted",          "territory",
                                             "visibility", "field_visibility", "identifiers"};
  return !kNot.count(field);
}

// Whether every recorded fact of the actor came from `source`.
bool FromSourceAlone(const Actor& a, const std::string& source) {
  return !a.provenance.empty() &&
         std::all_of(a.provenance.begin(), a.provenance.end(),
                     [&](const auto& p) { return p.second.source == source; });
}

// Applies the items of one page (inside its transaction), counting into `report`.
class PageWriter {
 public:
  PageWriter(registry::Registry& reg, const PeerName& peer, const SyncOptions& options,
             SyncReport* report)
      : reg_(reg), store_(reg.store()), peer_(peer), options_(options), report_(report) {}

  Status Apply(const FeedItem& item) {
    auto linked = store_.FindByIdentifier(peer_.scheme, item.id);
    if (!linked.ok()) return linked.status();
    if (item.deleted) return Tombstone(*linked);
    if (*linked) return UpdateLinked(**linked, item.actor);
    auto same = FindSame(item.actor);
    if (!same.ok()) return same.status();
    if (*same) return Link(**same, item.actor);
    return Create(item);
  }

 private:
  Status Tombstone(const std::optional<std::string>& linked) {
    if (!linked) return Count(&SyncReport::unchanged);
    auto local = store_.GetActor(*linked);
    if (!local.ok()) return local.status();
    if (!*local || (*local)->deleted || !FromSourceAlone(**local, peer_.scheme)) {
      return Count(&SyncReport::unchanged);
    }
    ECOSOL_RETURN_IF_ERROR(reg_.DeleteActor(*linked));
    return Count(&SyncReport::removed);
  }

  Status UpdateLinked(const std::string& id, const Actor& pulled) {
    auto stored = store_.GetActor(id);
    if (!stored.ok()) return stored.status();
    if (!*stored) return Internal("identifier points to a missing actor");
    Actor local = std::move(**stored);
    bool restored = false;
    if (local.deleted) {
      // Deleted here by a tombstone (its data all from the peer): back when public again there;
      // deleted by someone here: stays deleted.
      if (!FromSourceAlone(local, peer_.scheme)) return Count(&SyncReport::unchanged);
      auto back = reg_.RestoreActor(id);
      if (!back.ok()) return back.status();
      local = std::move(*back);
      restored = true;
    }
    const json mine = model::ActorToJson(local), theirs = model::ActorToJson(pulled);
    json patch = json::object();
    for (const auto& [field, value] : theirs.items()) {
      if (!Syncable(field)) continue;
      auto prov = local.provenance.find(field);
      const bool peers = prov != local.provenance.end() && prov->second.source == peer_.scheme;
      if (!(peers || Empty(mine[field])) || mine[field] == value) continue;
      patch[field] = Empty(value) ? json(nullptr) : value;
    }
    AddIdentifiers(local, pulled, &patch);
    auto changed = Patch(local, patch);
    if (!changed.ok()) return changed.status();
    return Count(*changed || restored ? &SyncReport::updated : &SyncReport::unchanged);
  }

  // The first pulled actor that is an actor here: it takes the peer identifier and what it
  // lacks, and keeps everything else.
  Status Link(const Actor& local, const Actor& pulled) {
    const json mine = model::ActorToJson(local), theirs = model::ActorToJson(pulled);
    json patch = json::object();
    for (const auto& [field, value] : theirs.items()) {
      if (Syncable(field) && Empty(mine[field]) && !Empty(value)) patch[field] = value;
    }
    AddIdentifiers(local, pulled, &patch);
    auto changed = Patch(local, patch);
    if (!changed.ok()) return changed.status();
    return Count(&SyncReport::matched);
  }

  Status Create(const FeedItem& item) {
    Actor actor = item.actor;
    auto id = NewId(item.id);
    if (!id.ok()) return id.status();
    actor.id = *id;
    auto created = reg_.CreateActor(std::move(actor), peer_.scheme, "sync");
    if (!created.ok()) return created.status();
    return Count(&SyncReport::created);
  }

  // Identifiers the pulled actor has and the local one lacks (never changing one it has).
  static void AddIdentifiers(const Actor& local, const Actor& pulled, json* patch) {
    std::map<std::string, std::string> ids = local.identifiers;
    for (const auto& [scheme, value] : pulled.identifiers) ids.emplace(scheme, value);
    if (ids != local.identifiers) (*patch)["identifiers"] = ids;
  }

  Result<bool> Patch(const Actor& local, const json& patch) {
    if (patch.empty()) return false;
    auto updated = reg_.UpdateActor(local.id, patch, local.version, peer_.scheme);
    if (!updated.ok()) return updated.status();
    return updated->version != local.version;
  }

  // An actor here that is the pulled one: by a shared identifier, else by name and place.
  Result<std::optional<Actor>> FindSame(const Actor& pulled) {
    for (const auto& [scheme, value] : pulled.identifiers) {
      if (scheme == peer_.scheme) continue;
      auto id = store_.FindByIdentifier(scheme, value);
      if (!id.ok()) return id.status();
      if (!*id) continue;
      auto local = store_.GetActor(**id);
      if (!local.ok()) return local.status();
      if (*local && Linkable(**local)) return local;
    }
    const std::string key = registry::NormaliseName(pulled.name);
    if (key.empty()) return std::optional<Actor>();
    store::ActorQuery q;
    q.q = key;
    q.country = pulled.address.country;
    q.limit = 20;
    q.audience.everything = true;
    auto candidates = reg_.ListActors(q);
    if (!candidates.ok()) return candidates.status();
    const registry::MatchRecord record = registry::MatchRecordOf(pulled);
    std::optional<Actor> best;
    double best_score = options_.threshold;
    for (Actor& c : candidates->items) {
      if (!Linkable(c)) continue;
      const double score = registry::ScorePair(record, registry::MatchRecordOf(c)).score;
      if (score >= best_score) {
        best_score = score;
        best = std::move(c);
      }
    }
    return best;
  }

  // Not deleted, and not already another of the peer's actors.
  bool Linkable(const Actor& a) const { return !a.deleted && !a.identifiers.count(peer_.scheme); }

  // The peer's host and the actor's id there ("example-org-8080-cwmpas"), numbered when taken.
  Result<std::string> NewId(const std::string& peer_id) {
    std::string base = Slug(peer_.scheme.substr(peer_.scheme.find('@') + 1) + "-" + peer_id);
    if (base.size() > 56) base.resize(56);
    for (int n = 1; n < 1000; ++n) {
      std::string id = n == 1 ? base : base + "-" + std::to_string(n);
      auto taken = store_.ActorIdTaken(id);
      if (!taken.ok()) return taken.status();
      if (!*taken) return id;
    }
    return Conflict("no free id for '" + base + "'");
  }

  Status Count(long long SyncReport::*counter) {
    ++(report_->*counter);
    return Status::Ok();
  }

  registry::Registry& reg_;
  store::Store& store_;
  const PeerName& peer_;
  const SyncOptions& options_;
  SyncReport* report_;
};

}  // namespace

std::unique_ptr<FeedFetcher> HttpFeedFetcher(int timeout_seconds) {
  return std::make_unique<HttpFetcher>(timeout_seconds);
}

Result<PeerName> PeerNameOf(const std::string& url) {
  std::string u = std::string(Trim(url));
  const bool http = StartsWith(u, "http://"), https = StartsWith(u, "https://");
  if (!http && !https) {
    return InvalidArgument("url: '" + url +
                           "' is not an http:// or https:// address of an Ecosol instance");
  }
  if (u.find_first_of("?# ") != std::string::npos) {
    return InvalidArgument("url: '" + url + "': give the instance's address without a query");
  }
  const size_t start = u.find("://") + 3;
  while (u.size() > start && u.back() == '/') u.pop_back();
  const std::string kFeed = "/api/v1/feed";
  if (u.size() > kFeed.size() && u.compare(u.size() - kFeed.size(), kFeed.size(), kFeed) == 0) {
    u.resize(u.size() - kFeed.size());
  }
  std::string authority = u.substr(start, u.find('/', start) - start);
  if (authority.empty()) return InvalidArgument("url: '" + url + "' has no host");
  std::transform(authority.begin(), authority.end(), authority.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return PeerName{u, "ecosol@" + authority};
}

Result<SyncReport> Sync(registry::Registry& registry, FeedFetcher& fetcher, const std::string& url,
                        const SyncOptions& options) {
  if (options.page_size < 1 || options.page_size > kMaxFeedLimit) {
    return InvalidArgument("page size: between 1 and " + std::to_string(kMaxFeedLimit));
  }
  if (!(options.threshold > 0 && options.threshold <= 1)) {
    return InvalidArgument("threshold: between 0 (excluded) and 1");
  }
  auto peer = PeerNameOf(url);
  if (!peer.ok()) return peer.status();
  store::Store& store = registry.store();
  auto stored = store.GetSyncPeer(peer->url);
  if (!stored.ok()) return stored.status();
  store::SyncPeer state = stored->value_or(store::SyncPeer{peer->url, "", "", 0});
  const Clock& clock = options.clock ? *options.clock : SystemClock();
  SyncReport report;
  report.peer = peer->url;
  report.scheme = peer->scheme;
  while (true) {
    const std::string page_url = peer->url +
                                 "/api/v1/feed?limit=" + std::to_string(options.page_size) +
                                 (state.cursor.empty() ? "" : "&since=" + state.cursor);
    auto body = fetcher.Get(page_url);
    if (!body.ok()) return body.status();
    auto page = ParseFeedPage(*body, peer->scheme);
    if (!page.ok()) return page.status().WithContext(page_url);
    SyncReport counts;
    PageWriter writer(registry, *peer, options, &counts);
    store::SyncPeer next = state;
    Status s = store.InTransaction([&]() -> Status {
      for (size_t i = 0; i < page->items.size(); ++i) {
        const FeedItem& item = page->items[i];
        ECOSOL_RETURN_IF_ERROR(writer.Apply(item).WithContext(
            page_url + ": item " + std::to_string(i + 1) + " (id '" + item.id + "')"));
      }
      next.cursor = page->next;
      next.last_sync = FormatTimestamp(clock.Now());
      next.pulled += static_cast<long long>(page->items.size());
      return store.PutSyncPeer(next);
    });
    if (!s.ok()) return s;
    for (auto counter : {&SyncReport::created, &SyncReport::updated, &SyncReport::matched,
                         &SyncReport::removed, &SyncReport::unchanged}) {
      report.*counter += counts.*counter;
    }
    report.pulled += static_cast<long long>(page->items.size());
    ++report.pages;
    const bool stuck = next.cursor == state.cursor;
    state = next;
    if (page->caught_up) break;
    if (stuck) return Internal(page_url + ": the peer's feed did not move on from its position");
  }
  report.cursor = state.cursor;
  return report;
}

json SyncReportToJson(const SyncReport& r) {
  return {{"peer", r.peer},       {"scheme", r.scheme},   {"pages", r.pages},
          {"pulled", r.pulled},   {"created", r.created}, {"updated", r.updated},
          {"matched", r.matched}, {"removed", r.removed}, {"unchanged", r.unchanged},
          {"cursor", r.cursor}};
}

json SyncPeerToJson(const store::SyncPeer& p) {
  return {{"url", p.url}, {"cursor", p.cursor}, {"last_sync", p.last_sync}, {"pulled", p.pulled}};
}

}  // namespace ecosol::interop
