#pragma once

// The change feed an instance publishes (GET /api/v1/feed) so that other instances can follow
// its registry (interop/sync.h pulls it): the actors written since a position, oldest change
// first, as ESSGlobal JSON-LD nodes, in pages.
//
//   FeedOptions o;
//   o.public_url = "https://ecosol.example";
//   auto page = ReadFeed(store, "", o);        // from the start
//   auto next = ReadFeed(store, (*page)["next"], o);
//
// A page is {"instance", "since", "next", "caught_up", "@context", "items": [...]}. Each item is
// {"id", "cursor", "deleted": false, "version", "updated_at", "node"} where `node` is the actor's
// public view (registry::PublicView) as one ESSGlobal JSON-LD node (compacted with the page's
// @context, IRI public_url + "/api/v1/actors/" + id), or a tombstone {"id", "cursor", "deleted":
// true} for an actor that was public and is no longer (deleted, or made network or private).
// Actors that were never public never appear. docs/federation.md describes the format.
//
// Positions (cursors) are "<generation>.<row id>": the generation of an actor's last write and
// its row, so that a reader pages through a bulk import (many actors in one generation) without
// missing or repeating any. An actor written again moves to the end of the feed; a reader that
// follows `next` until `caught_up` holds every public actor's latest state.
//
// Thread safety: free functions; the store is used from the calling thread only.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecosol/base/status.h"
#include "ecosol/model/actor.h"
#include "ecosol/store/store.h"

namespace ecosol::interop {

struct FeedCursor {
  long long generation = 0;
  long long rid = 0;
};
// "" is the start of the feed; otherwise "<generation>.<row id>" (both non-negative integers).
// InvalidArgument naming the value otherwise.
Result<FeedCursor> ParseFeedCursor(std::string_view text);
std::string FormatFeedCursor(const FeedCursor& cursor);

inline constexpr int kDefaultFeedLimit = 100;
inline constexpr int kMaxFeedLimit = 1000;

struct FeedOptions {
  // Where the instance is published (no trailing slash): the base of the actors' IRIs.
  std::string public_url = "http://127.0.0.1:8080";
  int limit = kDefaultFeedLimit;  // items per page, 1..kMaxFeedLimit
};

// The page of the feed after position `since`. InvalidArgument for a bad cursor or limit.
Result<nlohmann::json> ReadFeed(store::Store& store, std::string_view since,
                                const FeedOptions& options);

// A page of another instance's feed, as a reader checks it (ParseFeedPage).
struct FeedItem {
  std::string id;  // the actor's id at the peer
  std::string cursor;
  bool deleted = false;
  model::Actor actor;  // when not deleted: the node read back, with identifiers[id_scheme] = id
};
struct FeedPage {
  std::string instance;
  std::string next;
  bool caught_up = false;
  std::vector<FeedItem> items;
};

// Reads a page written by ReadFeed. `id_scheme` is the identifier scheme that names the peer's
// actors here ("ecosol@host:port"): each item's actor gets its peer id in it. InvalidArgument
// when the text is not a feed page (not JSON, a member missing or of the wrong type) or an item
// cannot be read (its number and id, and what is wrong); all-or-nothing.
Result<FeedPage> ParseFeedPage(std::string_view text, const std::string& id_scheme);

}  // namespace ecosol::interop
