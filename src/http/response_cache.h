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
// Under load, a search whose earlier answer is still fresh is not queued behind other
// computations: with compute slots given, a request that finds none free answers the earlier
// entry, and the next request that finds a free slot revalidates or computes the new one.
//
// With a TaskRunner, the request that revalidates or computes a search with a fresh earlier
// answer hands the work to the runner's threads and waits for it at most a given time; past it,
// it answers the earlier entry and the work goes on, storing its answer for later requests. An
// expensive search (a common word in a large registry) then makes no request wait longer than
// that, while an idle server still answers every request with the latest answer.
//
// Thread-safe.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ecosol::http {

// Threads running tasks in the order given. Destroying it waits for the tasks being run and
// drops those not started (a task's captured state is destroyed unrun).
class TaskRunner {
 public:
  explicit TaskRunner(int threads);
  ~TaskRunner();
  TaskRunner(const TaskRunner&) = delete;
  TaskRunner& operator=(const TaskRunner&) = delete;
  void Submit(std::function<void()> task);

 private:
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t capacity_bytes) : capacity_(capacity_bytes) {}

  // How a request was answered (the X-Cache header and the access log name it).
  enum class Outcome {
    kHit,          // the entry of this generation
    kMiss,         // computed (or the cache is off)
    kRevalidated,  // an earlier entry carried to this generation
    kStale,        // an earlier entry, while the new one is computed or no slot is free
  };
  static const char* Name(Outcome outcome);

  // The body stored under `key` for `generation`, if any.
  std::optional<std::string> Get(const std::string& key, long long generation);
  // Stores a body (bodies larger than an eighth of the capacity are not kept).
  void Put(const std::string& key, long long generation, std::string body);
  // The cached body, or the one `compute` makes (nullopt: nothing to cache, such as an error).
  // Concurrent calls for the same key and generation compute once: the others wait for that
  // result instead of all ranking the same search at the same time.
  std::optional<std::string> GetOrCompute(
      const std::string& key, long long generation,
      const std::function<std::optional<std::string>()>& compute, Outcome* outcome = nullptr);

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
  // computed less than `max_age` ago) instead of waiting. One key is computed by one request at
  // a time, whatever the generations asked: while an earlier generation's answer is computed,
  // a request at a later one gets the earlier entry too, instead of computing beside it.
  //
  // With `slots` (and stale_while_computing), revalidating or computing takes one of them: a
  // request that finds none free while an earlier entry is fresh answers that entry and leaves
  // the work to a later request; without a fresh earlier entry it waits for a slot.
  //
  // With a `runner` (and stale_while_computing), a request with a fresh earlier entry has the
  // runner revalidate or compute and waits at most `wait`; past it, it answers the earlier entry
  // (kStale) and the work goes on. `compute` and `still_holds` are then copied to the runner's
  // thread and may run after this returns: they must hold nothing of the request. A `compute`
  // giving nullopt (an error) after the request stopped waiting is simply not stored.
  std::optional<std::string> GetOrRevalidate(
      const std::string& key, long long generation,
      const std::function<std::optional<Answer>()>& compute,
      const std::function<bool(long long since, const std::string& tag)>& still_holds,
      std::chrono::steady_clock::duration max_age, bool stale_while_computing = false,
      std::counting_semaphore<>* slots = nullptr, Outcome* outcome = nullptr,
      TaskRunner* runner = nullptr,
      std::chrono::steady_clock::duration wait = std::chrono::steady_clock::duration::zero());

  struct Stats {
    size_t entries = 0;
    size_t bytes = 0;
    long long hits = 0;
    long long misses = 0;       // computed
    long long revalidated = 0;  // carried to a later generation without computing
    long long stale = 0;        // an earlier generation's answer given while computing the new
                                // or while no compute slot was free
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
  struct Work;  // one revalidation or computation of a key (response_cache.cc)
  void EvictLocked();
  void PutLocked(const std::string& key, long long generation, Answer answer);

  const size_t capacity_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::set<std::string> computing_;  // keys being computed or revalidated
  std::condition_variable computed_;
  size_t bytes_ = 0;
  long long hits_ = 0;
  long long misses_ = 0;
  long long revalidated_ = 0;
  long long stale_ = 0;
};

}  // namespace ecosol::http
