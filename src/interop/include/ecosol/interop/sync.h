#pragma once

// Federation: pulling another Ecosol instance's change feed (interop/feed.h) into this registry,
// incrementally, through entity resolution (`ecosol sync URL`, POST /api/v1/sync).
//
//   auto fetcher = HttpFeedFetcher();
//   auto report = Sync(registry, *fetcher, "https://other.example", {});
//   // report->created, updated, matched, removed, unchanged
//
// The peer is named by its URL (the instance's base; a feed URL ".../api/v1/feed" is taken
// back to it). Its actors are known here by the identifier scheme "ecosol@<host[:port]>" (their
// id at the peer), which is also the provenance source of what they bring. Each pulled actor:
//   1. already linked (an actor here holds its peer identifier): the fields the peer gave (whose
//      provenance is the peer) and those still empty here follow the peer; the others are kept;
//   2. else the same organisation as an actor here, found by a shared identifier (coops-uk,
//      companies-house, ...) or by name and place (registry/dedup.h, ScorePair at or above the
//      threshold): that actor gets the peer identifier and the fields it lacks ("matched");
//   3. else a new actor, with an id made from the peer's host and its id there ("created").
// A tombstone deletes (restorably) an actor linked to the peer only when all its data came from
// that peer; other actors are kept. docs/federation.md states these rules.
//
// Pages are read from the cursor stored for the peer (store::SyncPeer) until the peer says the
// reader has caught up. Each page is written with the new cursor in one transaction, through
// registry::Registry (validation, versions, audit log): a page that cannot be read or an item
// that cannot be written stops the pull with an error naming it, and nothing of that page is
// written; earlier pages stay committed, and the next pull resumes after them.
//
// Thread safety: Sync uses the registry and the fetcher from the calling thread only.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "ecosol/base/clock.h"
#include "ecosol/base/status.h"
#include "ecosol/registry/registry.h"
#include "ecosol/store/resolution.h"

namespace ecosol::interop {

// Gets a URL's body. The outside world behind an interface, so that tests serve feeds from
// memory.
class FeedFetcher {
 public:
  virtual ~FeedFetcher() = default;
  // The body of a 200 answer to GET `url`; Unavailable when the host cannot be reached, and an
  // error naming the status for any other answer.
  virtual Result<std::string> Get(const std::string& url) = 0;
};

// Fetches over HTTP (http:// URLs).
std::unique_ptr<FeedFetcher> HttpFeedFetcher(int timeout_seconds = 30);

// The peer's base URL ("http://host:port", no trailing slash, no "/api/v1/feed") and its
// identifier scheme here ("ecosol@host:port"). InvalidArgument for anything but an http(s) URL.
struct PeerName {
  std::string url;
  std::string scheme;
};
Result<PeerName> PeerNameOf(const std::string& url);

struct SyncOptions {
  int page_size = 200;           // items per feed page
  double threshold = 0.85;       // ScorePair score from which a name and place match is the same
  const Clock* clock = nullptr;  // stamps the peer's last sync; default SystemClock()
};

struct SyncReport {
  std::string peer;    // the peer's base URL
  std::string scheme;  // its identifier scheme
  long long pages = 0;
  long long pulled = 0;     // items read
  long long created = 0;    // new actors
  long long updated = 0;    // linked actors whose data changed
  long long matched = 0;    // actors here found to be a pulled one, and linked to it
  long long removed = 0;    // actors deleted by a tombstone
  long long unchanged = 0;  // linked actors with nothing new, tombstones that removed nothing
  std::string cursor;       // the peer's feed position after the pull
};

Result<SyncReport> Sync(registry::Registry& registry, FeedFetcher& fetcher, const std::string& url,
                        const SyncOptions& options);

// {"peer", "scheme", "pages", "pulled", "created", "updated", "matched", "removed",
// "unchanged", "cursor"}: the form of `ecosol sync --json` and of POST /api/v1/sync.
nlohmann::json SyncReportToJson(const SyncReport& report);
// {"url", "cursor", "last_sync", "pulled"}: GET /api/v1/sync/peers.
nlohmann::json SyncPeerToJson(const store::SyncPeer& peer);

}  // namespace ecosol::interop
