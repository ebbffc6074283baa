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
  PutLocked(key, generation, std::move(body));
}

std::optional<std::string> ResponseCache::GetOrCompute(
    const std::string& key, long long generation,
    const std::function<std::optional<std::string>()>& compute) {
  if (capacity_ == 0) return compute();
  const std::pair<std::string, long long> id{key, generation};
  {
    std::unique_lock lock(mu_);
    while (true) {
      auto it = index_.find(key);
      if (it != index_.end() && it->second->generation == generation) {
        lru_.splice(lru_.begin(), lru_, it->second);
        ++hits_;
        return it->second->body;
      }
      if (!computing_.count(id)) break;
      computed_.wait(lock);  // someone is computing it: wait, then look again
    }
    ++misses_;
    computing_.insert(id);
  }
  std::optional<std::string> body;
  try {
    body = compute();
  } catch (...) {
    std::lock_guard lock(mu_);
    computing_.erase(id);
    computed_.notify_all();
    throw;
  }
  std::lock_guard lock(mu_);
  computing_.erase(id);
  if (body) PutLocked(key, generation, *body);
  computed_.notify_all();
  return body;
}

void ResponseCache::PutLocked(const std::string& key, long long generation, std::string body) {
  if (capacity_ == 0 || body.size() + key.size() > capacity_ / 8) return;
  auto it = index_.find(key);
  if (it != index_.end()) {
    // An older generation's entry (or a concurrent computation of the same one) is replaced.
    bytes_ -= it->second->key.size() + it->second->body.size();
    lru_.erase(it->second);
    index_.erase(it);
  }
  bytes_ += key.size() + body.size();
  lru_.push_front({key, generation, std::move(body)});
  index_.emplace(key, lru_.begin());
  EvictLocked();
}

void ResponseCache::EvictLocked() {
  while (bytes_ > capacity_ && !lru_.empty()) {
    const Entry& last = lru_.back();
    bytes_ -= last.key.size() + last.body.size();
    index_.erase(last.key);
    lru_.pop_back();
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return {lru_.size(), bytes_, hits_, misses_};
}

}  // namespace ecosol::http
