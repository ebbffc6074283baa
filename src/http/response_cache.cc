#include "response_cache.h"

namespace ecosol::http {

TaskRunner::TaskRunner(int threads) {
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this] {
      std::unique_lock lock(mu_);
      while (true) {
        ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        std::function<void()> task = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        try {
          task();
        } catch (...) {
          // A task's failure is its own (a search's work then stores nothing and any request
          // still waiting for it answers an error); the thread goes on with the next.
        }
        task = nullptr;  // its captured state goes before the lock is taken again
        lock.lock();
      }
    });
  }
}

TaskRunner::~TaskRunner() {
  std::deque<std::function<void()>> dropped;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    dropped.swap(queue_);
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
  dropped.clear();  // outside the lock: a dropped task's state may lock other things
}

void TaskRunner::Submit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(task));
  }
  ready_.notify_one();
}

// One revalidation or computation of a key. The key is marked as being computed (computing_)
// from before its creation until it finishes, or until it is destroyed without finishing (a
// request that answered a stale entry instead; a runner that dropped it); its compute slot, if
// any, is released then too.
struct ResponseCache::Work {
  Work(ResponseCache* c, std::string k, long long g,
       std::optional<std::pair<long long, std::string>> e)
      : cache(c), key(std::move(k)), generation(g), earlier(std::move(e)) {}
  ~Work() {
    std::lock_guard lock(cache->mu_);
    FinishLocked(std::nullopt, Outcome::kMiss);
  }
  Work(const Work&) = delete;
  Work& operator=(const Work&) = delete;

  void Run(const std::function<std::optional<Answer>()>& compute_fn,
           const std::function<bool(long long, const std::string&)>& holds_fn) {
    if (earlier && holds_fn && holds_fn(earlier->first, earlier->second)) {
      std::lock_guard lock(cache->mu_);
      auto it = cache->index_.find(key);
      if (it != cache->index_.end() && it->second->generation == earlier->first) {
        it->second->generation = generation;
        cache->lru_.splice(cache->lru_.begin(), cache->lru_, it->second);
        ++cache->revalidated_;
        FinishLocked(it->second->body, Outcome::kRevalidated);
        return;
      }
      // Evicted or replaced meanwhile: computed below.
    }
    {
      std::lock_guard lock(cache->mu_);
      ++cache->misses_;
    }
    auto answer = compute_fn();
    std::lock_guard lock(cache->mu_);
    if (!answer) return FinishLocked(std::nullopt, Outcome::kMiss);
    std::string body_copy = answer->body;
    cache->PutLocked(key, generation, std::move(*answer));
    FinishLocked(std::move(body_copy), Outcome::kMiss);
  }

  void FinishLocked(std::optional<std::string> result, Outcome outcome) {
    if (finished) return;
    finished = true;
    body = std::move(result);
    how = outcome;
    cache->computing_.erase(key);
    cache->computed_.notify_all();
    if (slot) slot->release();
  }

  ResponseCache* const cache;
  const std::string key;
  const long long generation;
  const std::optional<std::pair<long long, std::string>> earlier;  // entry to revalidate
  std::counting_semaphore<>* slot = nullptr;                       // held until finished
  // Copies of the caller's functions, for a run on a runner's thread.
  std::function<std::optional<Answer>()> compute;
  std::function<bool(long long, const std::string&)> still_holds;
  // Set when finished, under cache->mu_.
  bool finished = false;
  std::optional<std::string> body;
  Outcome how = Outcome::kMiss;
};

std::optional<std::string> ResponseCache::Get(const std::string& key, long long generation) {
  std::lock_guard lock(mu_);
  auto it = index_.find(key);
  if (it == index_.end() || it->second->generation != generation) {
    ++misses_;
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  ++hits_;
  return it->second->body;
}

void ResponseCache::Put(const std::string& key, long long generation, std::string body) {
  std::lock_guard lock(mu_);
  PutLocked(key, generation, {std::move(body), ""});
}

const char* ResponseCache::Name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kHit:
      return "hit";
    case Outcome::kMiss:
      return "miss";
    case Outcome::kRevalidated:
      return "revalidated";
    case Outcome::kStale:
      return "stale";
  }
  return "miss";
}

std::optional<std::string> ResponseCache::GetOrCompute(
    const std::string& key, long long generation,
    const std::function<std::optional<std::string>()>& compute, Outcome* outcome) {
  return GetOrRevalidate(
      key, generation,
      [&]() -> std::optional<Answer> {
        auto body = compute();
        if (!body) return std::nullopt;
        return Answer{std::move(*body), ""};
      },
      nullptr, {}, false, nullptr, outcome);
}

std::optional<std::string> ResponseCache::GetOrRevalidate(
    const std::string& key, long long generation,
    const std::function<std::optional<Answer>()>& compute,
    const std::function<bool(long long since, const std::string& tag)>& still_holds,
    std::chrono::steady_clock::duration max_age, bool stale_while_computing,
    std::counting_semaphore<>* slots, Outcome* outcome, TaskRunner* runner,
    std::chrono::steady_clock::duration wait) {
  Outcome ignored;
  Outcome& how = outcome ? *outcome : ignored;
  how = Outcome::kMiss;
  if (capacity_ == 0) {
    auto answer = compute();
    if (!answer) return std::nullopt;
    return std::move(answer->body);
  }
  // An earlier generation's entry, computed less than max_age ago.
  auto fresh_earlier = [&](std::list<Entry>::iterator entry) {
    return entry->generation < generation &&
           std::chrono::steady_clock::now() - entry->computed_at < max_age;
  };
  std::optional<std::pair<long long, std::string>> earlier;  // an entry to revalidate
  bool may_answer_earlier = false;                           // when no compute slot is free
  {
    std::unique_lock lock(mu_);
    while (true) {
      auto it = index_.find(key);
      if (it != index_.end() && it->second->generation == generation) {
        lru_.splice(lru_.begin(), lru_, it->second);
        ++hits_;
        how = Outcome::kHit;
        return it->second->body;
      }
      const bool fresh = it != index_.end() && fresh_earlier(it->second);
      if (!computing_.count(key)) {
        if (still_holds && fresh) earlier.emplace(it->second->generation, it->second->tag);
        may_answer_earlier = stale_while_computing && fresh;
        break;
      }
      if (stale_while_computing && fresh) {
        ++stale_;
        how = Outcome::kStale;
        return it->second->body;
      }
      computed_.wait(lock);  // someone is computing it: wait, then look again
    }
    computing_.insert(key);
  }
  // From here the key is marked as being computed until the work finishes, or is dropped.
  auto work = std::make_shared<Work>(this, key, generation, std::move(earlier));
  // Revalidating and computing need a slot; with none free, a fresh earlier entry answers
  // instead, and a later request does the work.
  if (slots) {
    if (!slots->try_acquire()) {
      if (may_answer_earlier) {
        std::lock_guard lock(mu_);
        auto it = index_.find(key);
        if (it != index_.end() && it->second->generation < generation) {
          ++stale_;
          how = Outcome::kStale;
          return it->second->body;
        }
      }
      slots->acquire();
    }
    work->slot = slots;
  }
  if (!runner || !may_answer_earlier) {
    work->Run(compute, still_holds);
    std::lock_guard lock(mu_);
    how = work->how;
    return work->body;
  }
  work->compute = compute;
  work->still_holds = still_holds;
  runner->Submit([work] { work->Run(work->compute, work->still_holds); });
  std::unique_lock lock(mu_);
  computed_.wait_until(lock, std::chrono::steady_clock::now() + wait,
                       [&] { return work->finished; });
  while (!work->finished) {
    // Still at work: the earlier entry answers (its generation moves only when the work
    // finishes, under this lock). Evicted meanwhile: wait for the work.
    auto it = index_.find(key);
    if (it != index_.end() && it->second->generation < generation) {
      ++stale_;
      how = Outcome::kStale;
      return it->second->body;
    }
    computed_.wait(lock);
  }
  how = work->how;
  return work->body;
}

void ResponseCache::PutLocked(const std::string& key, long long generation, Answer answer) {
  const size_t size = key.size() + answer.body.size() + answer.tag.size();
  if (capacity_ == 0 || size > capacity_ / 8) return;
  auto it = index_.find(key);
  if (it != index_.end()) {
    // An older generation's entry (or a concurrent computation of the same one) is replaced.
    bytes_ -= it->second->key.size() + it->second->body.size() + it->second->tag.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += size;
  lru_.push_front({key, generation, std::move(answer.body), std::move(answer.tag),
                   std::chrono::steady_clock::now()});
  index_.emplace(key, lru_.begin());
  EvictLocked();
}

void ResponseCache::EvictLocked() {
  while (bytes_ > capacity_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= last.key.size() + last.body.size() + last.tag.size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return {lru_.size(), bytes_, hits_, misses_, revalidated_, stale_};
}

}  // namespace ecosol::http
