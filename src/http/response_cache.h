#pragma once

// Private to the http module: a cache of response bodies for the read endpoints whose answers
// cost the most to compute (full-text search ranks every match). An entry is valid for one
// generation of the registry (Store::Generation), which every committed change moves on, from
// any process sharing the database: a cached answer is never older than the last write.
// Least recently used entries go first once the cache holds `capacity_bytes`.
//
// An entry of an earlier generation may also be carried to the current one without computing
// it again (GetOrRevalidate): a search is kept when the caller finds that no actor changed since
// then touches it, instead of being ranked again after every write anywhere in the registry.
//
// Thread-safe.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace ecosol::http {

class ResponseCache {
 public:
  explicit ResponseCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

  // The body stored under `key` for `generation`, if any.
  std::optional<std::string> Get(const std::string& key, long long generation);
  // Stores a body (bodies larger than an eighth of the capacity are not kept).
  void Put(const std::string& key, long long generation, std::string body);
  // The cached body, or the one `compute` makes (nullopt: nothing to cache, such as an error).
  // Concurrent calls for the same key and generation compute once: the others wait for that
  // result instead of all ranking the same search at the same time.
  std::optional<std::string> GetOrCompute(
      const std::string& key, long long generation,
      const std::function<std::optional<std::string>()>& compute);

  // A computed answer, and what the entry keeps for revalidating it (opaque to the cache).
  struct Answer {
    std::string body;
    std::string tag;
  };
  // As GetOrCompute; besides, when the entry under `key` is of an earlier generation and was
  // computed less than `max_age` ago, `still_holds(its generation, its tag)` is asked first:
  // true carries it to `generation` as it is (its age still counts from its computation);
  // false computes it again. Concurrent calls for one key and generation revalidate or compute
  // once; with `stale_while_computing`, the others meanwhile get that earlier entry (when
  // computed less than `max_age` ago) instead of waiting.
  std::optional<std::string> GetOrRevalidate(
      const std::string& key, long long generation,
      const std::function<std::optional<Answer>()>& compute,
      const std::function<bool(long long since, const std::string& tag)>& still_holds,
      std::chrono::steady_clock::duration max_age, bool stale_while_computing = false);

  struct Stats {
    size_t entries = 0;
    size_t bytes = 0;
    long long hits = 0;
    long long misses = 0;       // computed
    long long revalidated = 0;  // carried to a later generation without computing
    long long stale = 0;        // an earlier generation's answer given while computing the new
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    long long generation;
    std::string body;
    std::string tag;
    std::chrono::steady_clock::time_point computed_at;
  };
  void EvictLocked();
  void PutLocked(const std::string& key, long long generation, Answer answer);

  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::set<std::pair<std::string, long long>> computing_;  // keys being computed
  std::condition_variable computed_;
  size_t bytes_ = 0;
  long long hits_ = 0;
  long long misses_ = 0;
  long long revalidated_ = 0;
  long long stale_ = 0;
};

}  // namespace ecosol::http
