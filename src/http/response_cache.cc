#include "response_cache.h"

namespace ecosol::http {

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
    std::counting_semaphore<>* slots, Outcome* outcome) {
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
  // Whatever happens from here, the key is no longer being computed when this returns.
  struct Finish {
    ResponseCache* cache;
    const std::string& key;
    ~Finish() {
      std::lock_guard lock(cache->mu_);
      cache->computing_.erase(key);
      cache->computed_.notify_all();
    }
  } finish{this, key};
  // Revalidating and computing need a slot; with none free, a fresh earlier entry answers
  // instead, and a later request does the work.
  struct Slot {
    std::counting_semaphore<>* slots = nullptr;
    ~Slot() {
      if (slots) slots->release();
    }
  } slot;
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
    slot.slots = slots;
  }
  if (earlier && still_holds(earlier->first, earlier->second)) {
    std::lock_guard lock(mu_);
    auto it = index_.find(key);
    if (it != index_.end() && it->second->generation == earlier->first) {
      it->second->generation = generation;
      lru_.splice(lru_.begin(), lru_, it->second);
      ++revalidated_;
      how = Outcome::kRevalidated;
      return it->second->body;
    }
    // Evicted or replaced meanwhile: computed below.
  }
  {
    std::lock_guard lock(mu_);
    ++misses_;
  }
  auto answer = compute();
  if (!answer) return std::nullopt;
  std::lock_guard lock(mu_);
  std::string body = answer->body;
  PutLocked(key, generation, std::move(*answer));
  return body;
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
