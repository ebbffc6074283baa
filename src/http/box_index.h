#pragma once

// Private to the http module: an in-memory index of the actors that listings by box show, so
// that GET /api/v1/actors?bbox=... (with no other filter) is answered without the database.
//
// A listing by box is a page of the located actors inside the box in name order. The database
// answers it with a spatial index and a sort, or by walking the name index (sql_store.cc); both
// read and parse each actor's document, which costs about a millisecond a page. This index
// keeps, for each listed actor, its coordinates, its name key and the pieces of its summary, in
// name order ("ranks"), and a pyramid of grids whose cells list their actors' ranks in order:
// the page is the merge of the cells that cover the box, stopped once full. Cells wholly inside
// the box need no test; the others are tested on single-precision copies of the coordinates
// first and on the exact ones only when the copy lies on the box's edge.
//
// Freshness: an index holds the registry as of one generation (Store::Generation). A request
// made at a later generation is not answered (the caller falls back to the database) unless the
// refresh it starts on the index's thread comes within the caller's wait; a refresh which reads the
// actors changed since (Store::ActorChanges) into a small sorted "delta" part and marks their old
// entries dead; when the delta grows past `max_delta` entries, the parts are merged into a new main
// part. The answer is therefore always the database's: same items, same order, same cursors, same
// bytes.
//
// Thread-safe: Listing() from any thread; refreshes run on the index's own thread (or on the
// caller's with RefreshNow(), for tests) with a store connection of their own.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "ecosol/base/status.h"
#include "ecosol/store/store.h"

namespace ecosol::http {

class BoxIndex {
 public:
  struct Options {
    size_t max_delta = 20000;  // entries in the delta part before a merge
    // Told when the index was built or merged, or when a refresh failed (one line, no newline).
    std::function<void(const std::string&)> log;
  };
  using OpenStore = std::function<Result<std::unique_ptr<store::Store>>()>;

  BoxIndex(OpenStore open, Options options);
  ~BoxIndex();  // stops the refresh thread
  BoxIndex(const BoxIndex&) = delete;
  BoxIndex& operator=(const BoxIndex&) = delete;

  // Starts the refresh thread, which builds the index at once.
  void Start();

  // The response body of the listing of `limit` actors in `box` after `cursor` (as
  // store::ActorQuery), when the index holds generation `generation` or a later one (a later
  // read of the registry); nullopt otherwise, and for a cursor the index cannot read (the
  // database then explains the error). An index behind `generation` is asked to refresh, and
  // the call waits for that up to `wait`.
  std::optional<std::string> Listing(
      const store::BBox& box, int limit, const std::string& cursor, long long generation,
      std::chrono::milliseconds wait = std::chrono::milliseconds::zero());

  // Brings the index up to the store's current generation on the calling thread.
  Status RefreshNow();

  struct Stats {
    long long generation = -1;  // -1: not built yet
    size_t main_entries = 0;
    size_t delta_entries = 0;
    size_t dead_entries = 0;  // main entries replaced by the delta or gone
    size_t bytes = 0;         // memory held by the index
  };
  Stats stats() const;

  struct Part;
  struct Snapshot;

 private:
  void Run();
  Status Refresh(store::Store& store);
  bool Stopping() const;

  OpenStore open_;
  Options options_;
  std::mutex refresh_mu_;  // one refresh at a time
  mutable std::mutex mu_;
  std::shared_ptr<const Snapshot> snapshot_;  // guarded by mu_
  bool wanted_ = false;                       // guarded by mu_: a refresh was asked for
  bool stopping_ = false;                     // guarded by mu_
  std::condition_variable wake_;
  std::condition_variable refreshed_;  // a new snapshot (Listing's waits)
  std::thread thread_;
};

}  // namespace ecosol::http
