#pragma once

// Private to the http module: a cache of response bodies for the read endpoints whose answers
// cost the most to compute (full-text search ranks every match). An entry is valid for one
// generation of the registry (Store::Generation), which every committed change moves on, from
// any process sharing the database: a cached answer is never older than the last write.
// Least recently used entries go first once the cache holds `capacity_bytes`.
//
// Thread-safe.

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

  struct Stats {
    size_t entries = 0;
    size_t bytes = 0;
    long long hits = 0;
    long long misses = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    long long generation;
    std::string body;
  };
  void EvictLocked();
  void PutLocked(const std::string& key, long long generation, std::string body);

  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::set<std::pair<std::string, long long>> computing_;  // keys being computed
  std::condition_variable computed_;
  size_t bytes_ = 0;
  long long hits_ = 0;
  long long misses_ = 0;
};

}  // namespace ecosol::http
