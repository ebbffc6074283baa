#include "response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <semaphore>
#include <thread>
#include <vector>

namespace ecosol::http {
namespace {

// A computation that counts its runs and answers "new"; a revalidation that never holds.
std::function<std::optional<ResponseCache::Answer>()> CountingCompute(std::atomic<int>* computed) {
  return [computed]() -> std::optional<ResponseCache::Answer> {
    ++*computed;
    return ResponseCache::Answer{"new", ""};
  };
}
bool Never(long long, const std::string&) { return false; }

TEST(ResponseCacheTest, AnswersOnlyForTheSameGeneration) {
  ResponseCache cache(1 << 20);
  EXPECT_FALSE(cache.Get("/a?q=x", 1).has_value());
  cache.Put("/a?q=x", 1, "body1");
  EXPECT_EQ(cache.Get("/a?q=x", 1), "body1");
  EXPECT_FALSE(cache.Get("/a?q=x", 2).has_value());  // the registry changed since
  cache.Put("/a?q=x", 2, "body2");
  EXPECT_EQ(cache.Get("/a?q=x", 2), "body2");
  EXPECT_FALSE(cache.Get("/a?q=y", 2).has_value());
  auto stats = cache.stats();
  EXPECT_EQ(stats.entries, 1u);
  EXPECT_EQ(stats.hits, 2);
  EXPECT_EQ(stats.misses, 3);
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsedBeyondItsCapacity) {
  ResponseCache cache(800);  // entries of up to 100 bytes are kept
  for (int i = 0; i < 10; ++i) cache.Put("k" + std::to_string(i), 1, std::string(90, 'x'));
  EXPECT_LE(cache.stats().bytes, 800u);
  EXPECT_FALSE(cache.Get("k0", 1).has_value());
  EXPECT_TRUE(cache.Get("k9", 1).has_value());
  // Using an entry keeps it.
  ResponseCache small(800);
  for (int i = 0; i < 8; ++i) small.Put("k" + std::to_string(i), 1, std::string(90, 'x'));
  ASSERT_TRUE(small.Get("k0", 1).has_value());
  small.Put("k8", 1, std::string(90, 'x'));
  EXPECT_TRUE(small.Get("k0", 1).has_value());
  EXPECT_FALSE(small.Get("k1", 1).has_value());
  // Too large a body is not kept, and no capacity keeps nothing.
  small.Put("big", 1, std::string(200, 'x'));
  EXPECT_FALSE(small.Get("big", 1).has_value());
  ResponseCache off(0);
  off.Put("k", 1, "x");
  EXPECT_FALSE(off.Get("k", 1).has_value());
}

// Many requests for the same uncached answer compute it once; an answer that is not to be cached
// (an error) is computed by each.
TEST(ResponseCacheTest, ConcurrentMissesComputeOnce) {
  ResponseCache cache(1 << 20);
  std::atomic<int> computed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto body = cache.GetOrCompute("k", 1, [&]() -> std::optional<std::string> {
        ++computed;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return "answer";
      });
      EXPECT_EQ(body, "answer");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(computed.load(), 1);
  int errors = 0;
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(cache
                     .GetOrCompute("bad", 1,
                                   [&]() -> std::optional<std::string> {
                                     ++errors;
                                     return std::nullopt;
                                   })
                     .has_value());
  }
  EXPECT_EQ(errors, 3);
  ResponseCache off(0);
  int off_computed = 0;
  for (int i = 0; i < 2; ++i) {
    (void)off.GetOrCompute("k", 1, [&]() -> std::optional<std::string> {
      ++off_computed;
      return "x";
    });
  }
  EXPECT_EQ(off_computed, 2);
}

// An entry of an earlier generation is carried forward when the caller says it still holds, with
// its tag and without computing; otherwise, or once too old, it is computed again.
TEST(ResponseCacheTest, RevalidatesAnEarlierGenerationWhenItStillHolds) {
  using std::chrono::hours;
  ResponseCache cache(1 << 20);
  int computed = 0;
  std::vector<std::pair<long long, std::string>> asked;
  bool holds = true;
  auto get = [&](long long generation, std::chrono::steady_clock::duration max_age) {
    return cache.GetOrRevalidate(
        "k", generation,
        [&]() -> std::optional<ResponseCache::Answer> {
          ++computed;
          return ResponseCache::Answer{"body@" + std::to_string(generation),
                                       "tag@" + std::to_string(generation)};
        },
        [&](long long since, const std::string& tag) {
          asked.emplace_back(since, tag);
          return holds;
        },
        max_age);
  };
  EXPECT_EQ(get(1, hours(1)), "body@1");
  EXPECT_EQ(computed, 1);
  EXPECT_TRUE(asked.empty());  // nothing to revalidate yet
  EXPECT_EQ(get(1, hours(1)), "body@1");
  EXPECT_TRUE(asked.empty());  // a plain hit
  // Generation 3: asked about what changed since 1; it holds, so the body of 1 is kept.
  EXPECT_EQ(get(3, hours(1)), "body@1");
  EXPECT_EQ(computed, 1);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0], (std::pair<long long, std::string>{1, "tag@1"}));
  EXPECT_EQ(cache.Get("k", 3), "body@1");  // now an entry of generation 3
  // Generation 4, and it no longer holds: computed again.
  holds = false;
  EXPECT_EQ(get(4, hours(1)), "body@4");
  EXPECT_EQ(computed, 2);
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked[1], (std::pair<long long, std::string>{3, "tag@1"}));
  // Too old an entry is computed again without asking.
  holds = true;
  EXPECT_EQ(get(5, std::chrono::steady_clock::duration::zero()), "body@5");
  EXPECT_EQ(computed, 3);
  EXPECT_EQ(asked.size(), 2u);
  // An entry of a later generation than asked for (a lagging replica) is never revalidated.
  EXPECT_EQ(get(2, hours(1)), "body@2");
  EXPECT_EQ(computed, 4);
  EXPECT_EQ(asked.size(), 2u);
  auto stats = cache.stats();
  EXPECT_EQ(stats.revalidated, 1);
  EXPECT_EQ(stats.misses, 4);
  EXPECT_EQ(stats.hits, 2);
}

// Concurrent requests at a new generation revalidate once; the others wait for it.
TEST(ResponseCacheTest, ConcurrentRevalidationsAskOnce) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "body");
  std::atomic<int> asked{0};
  std::atomic<int> computed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto body = cache.GetOrRevalidate(
          "k", 2,
          [&]() -> std::optional<ResponseCache::Answer> {
            ++computed;
            return ResponseCache::Answer{"new", ""};
          },
          [&](long long, const std::string&) {
            ++asked;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return true;
          },
          std::chrono::hours(1));
      EXPECT_EQ(body, "body");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(asked.load(), 1);
  EXPECT_EQ(computed.load(), 0);
}

// With stale_while_computing, requests arriving while the new answer is computed get the earlier
// one at once; only the request computing it waits.
TEST(ResponseCacheTest, GivesTheEarlierAnswerWhileComputingTheNew) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  std::mutex mu;
  std::condition_variable cv;
  bool computing = false, release = false;
  auto ask = [&](bool stale) {
    return cache.GetOrRevalidate(
        "k", 2,
        [&]() -> std::optional<ResponseCache::Answer> {
          std::unique_lock lock(mu);
          computing = true;
          cv.notify_all();
          cv.wait(lock, [&] { return release; });
          return ResponseCache::Answer{"new", ""};
        },
        [](long long, const std::string&) { return false; }, std::chrono::hours(1), stale);
  };
  std::optional<std::string> first;
  std::thread computer([&] { first = ask(true); });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return computing; });
  }
  EXPECT_EQ(ask(true), "old");  // answered while the new one is computed
  EXPECT_EQ(cache.stats().stale, 1);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  computer.join();
  EXPECT_EQ(first, "new");
  EXPECT_EQ(ask(false), "new");
  EXPECT_EQ(ask(true), "new");
  // Too old an earlier answer is not given: the request waits for the new one.
  ResponseCache old(1 << 20);
  old.Put("k", 1, "old");
  std::atomic<bool> started{false};
  std::thread slow([&] {
    (void)old.GetOrRevalidate(
        "k", 2,
        [&]() -> std::optional<ResponseCache::Answer> {
          started = true;
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          return ResponseCache::Answer{"new", ""};
        },
        nullptr, std::chrono::steady_clock::duration::zero(), true);
  });
  while (!started) std::this_thread::yield();
  EXPECT_EQ(old.GetOrRevalidate(
                "k", 2, []() -> std::optional<ResponseCache::Answer> { return std::nullopt; },
                nullptr, std::chrono::steady_clock::duration::zero(), true),
            "new");
  slow.join();
  EXPECT_EQ(old.stats().stale, 0);
}

// One key is computed by one request at a time whatever the generation asked: a request at a
// later generation gets the earlier entry while an earlier generation's answer is computed.
TEST(ResponseCacheTest, ComputesOneKeyOnceAcrossGenerations) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  std::mutex mu;
  std::condition_variable cv;
  bool computing = false, release = false;
  std::atomic<int> computed{0};
  auto compute = [&]() -> std::optional<ResponseCache::Answer> {
    ++computed;
    std::unique_lock lock(mu);
    computing = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    return ResponseCache::Answer{"new", ""};
  };
  auto never = [](long long, const std::string&) { return false; };
  std::thread computer([&] {
    EXPECT_EQ(cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true), "new");
  });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return computing; });
  }
  ResponseCache::Outcome how = ResponseCache::Outcome::kMiss;
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 3, compute, never, std::chrono::hours(1), true, nullptr, &how),
      "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kStale);
  EXPECT_EQ(computed.load(), 1);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  computer.join();
  // Generation 3 is then computed by the next request.
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 3, compute, never, std::chrono::hours(1), true, nullptr, &how),
      "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kMiss);
  EXPECT_EQ(computed.load(), 2);
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 3, compute, never, std::chrono::hours(1), true, nullptr, &how),
      "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kHit);
}

// With compute slots, a request that finds none free answers a fresh earlier entry and computes
// nothing; without one (or when it is too old) it waits for a slot and computes.
TEST(ResponseCacheTest, AnswersTheEarlierEntryWhenNoComputeSlotIsFree) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  cache.Put("aged", 1, "aged-old");
  std::counting_semaphore<> slots(1);
  slots.acquire();  // another search holds the only slot
  std::atomic<int> computed{0};
  auto compute = CountingCompute(&computed);
  auto never = Never;
  ResponseCache::Outcome how = ResponseCache::Outcome::kMiss;
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true, &slots, &how),
      "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kStale);
  EXPECT_EQ(computed.load(), 0);
  EXPECT_EQ(cache.stats().stale, 1);
  // Revalidating needs a slot too.
  std::atomic<int> asked{0};
  auto holds = [&](long long, const std::string&) {
    ++asked;
    return true;
  };
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 2, compute, holds, std::chrono::hours(1), true, &slots, &how),
      "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kStale);
  EXPECT_EQ(asked.load(), 0);
  // No earlier entry, or one too old: the request waits for the slot.
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    EXPECT_EQ(
        cache.GetOrRevalidate("fresh-key", 1, compute, never, std::chrono::hours(1), true, &slots),
        "new");
    EXPECT_EQ(cache.GetOrRevalidate("aged", 2, compute, never,
                                    std::chrono::steady_clock::duration::zero(), true, &slots),
              "new");
    done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(done.load());
  EXPECT_EQ(computed.load(), 0);
  slots.release();
  waiter.join();
  EXPECT_EQ(computed.load(), 2);
  // The slots are all given back.
  EXPECT_TRUE(slots.try_acquire());
  EXPECT_FALSE(slots.try_acquire());
  slots.release();
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 2, compute, holds, std::chrono::hours(1), true, &slots, &how),
      "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kRevalidated);
  EXPECT_EQ(asked.load(), 1);
  // With a free slot, the new answer is computed.
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 3, compute, never, std::chrono::hours(1), true, &slots, &how),
      "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kMiss);
  EXPECT_STREQ(ResponseCache::Name(how), "miss");
}

// With a runner, the request that computes waits at most its wait: past it, the earlier entry
// answers, and the new one is stored when the work finishes.
TEST(ResponseCacheTest, AnswersTheEarlierEntryWhenTheWorkOutlastsTheWait) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  TaskRunner runner(1);
  std::counting_semaphore<> slots(2);
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> computed{0};
  std::thread::id computed_on;
  auto compute = [&]() -> std::optional<ResponseCache::Answer> {
    std::unique_lock lock(mu);
    computed_on = std::this_thread::get_id();
    cv.wait(lock, [&] { return release; });
    ++computed;
    return ResponseCache::Answer{"new", ""};
  };
  auto never = [](long long, const std::string&) { return false; };
  ResponseCache::Outcome how = ResponseCache::Outcome::kMiss;
  EXPECT_EQ(cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true, &slots, &how,
                                  &runner, std::chrono::milliseconds(50)),
            "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kStale);
  // Still at work: others get the earlier entry too, and nothing is computed beside it.
  EXPECT_EQ(cache.GetOrRevalidate("k", 3, compute, never, std::chrono::hours(1), true, &slots, &how,
                                  &runner, std::chrono::milliseconds(50)),
            "old");
  EXPECT_EQ(how, ResponseCache::Outcome::kStale);
  EXPECT_EQ(cache.stats().stale, 2);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  std::optional<std::string> stored;
  for (int i = 0; i < 500 && !stored; ++i) {
    stored = cache.Get("k", 2);
    if (!stored) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(stored, "new");
  EXPECT_EQ(computed.load(), 1);
  EXPECT_NE(computed_on, std::this_thread::get_id());
  // The work gave its slot back.
  EXPECT_TRUE(slots.try_acquire());
  EXPECT_TRUE(slots.try_acquire());
  slots.release(2);
}

// Work that finishes within the wait answers the request itself: computed or revalidated.
TEST(ResponseCacheTest, WaitsForTheWorkThatFinishesInTime) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  TaskRunner runner(2);
  std::counting_semaphore<> slots(1);
  std::thread::id computed_on;
  auto compute = [&]() -> std::optional<ResponseCache::Answer> {
    computed_on = std::this_thread::get_id();
    return ResponseCache::Answer{"new", ""};
  };
  auto never = [](long long, const std::string&) { return false; };
  auto holds = [](long long, const std::string&) { return true; };
  ResponseCache::Outcome how = ResponseCache::Outcome::kStale;
  EXPECT_EQ(cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true, &slots, &how,
                                  &runner, std::chrono::seconds(30)),
            "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kMiss);
  EXPECT_NE(computed_on, std::this_thread::get_id());
  EXPECT_EQ(cache.GetOrRevalidate("k", 3, compute, holds, std::chrono::hours(1), true, &slots, &how,
                                  &runner, std::chrono::seconds(30)),
            "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kRevalidated);
  EXPECT_EQ(cache.Get("k", 3), "new");
  // An error (nothing to store) is the request's answer too.
  auto fails = []() -> std::optional<ResponseCache::Answer> { return std::nullopt; };
  EXPECT_EQ(cache.GetOrRevalidate("k", 4, fails, never, std::chrono::hours(1), true, &slots, &how,
                                  &runner, std::chrono::seconds(30)),
            std::nullopt);
  EXPECT_EQ(cache.Get("k", 3), "new");
  EXPECT_TRUE(slots.try_acquire());
  slots.release();
}

// Work a runner drops unrun (it stopped first) leaves the key free and gives its slot back.
TEST(ResponseCacheTest, WorkDroppedByItsRunnerLeavesTheKeyFree) {
  ResponseCache cache(1 << 20);
  cache.Put("k", 1, "old");
  std::counting_semaphore<> slots(1);
  std::atomic<int> computed{0};
  auto compute = CountingCompute(&computed);
  auto never = Never;
  ResponseCache::Outcome how = ResponseCache::Outcome::kMiss;
  {
    TaskRunner idle(0);  // runs nothing: the work stays queued
    EXPECT_EQ(cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true, &slots,
                                    &how, &idle, std::chrono::milliseconds(10)),
              "old");
    EXPECT_EQ(how, ResponseCache::Outcome::kStale);
    EXPECT_FALSE(slots.try_acquire());  // the queued work holds it
  }
  EXPECT_EQ(computed.load(), 0);
  EXPECT_EQ(
      cache.GetOrRevalidate("k", 2, compute, never, std::chrono::hours(1), true, &slots, &how),
      "new");
  EXPECT_EQ(how, ResponseCache::Outcome::kMiss);
  EXPECT_EQ(computed.load(), 1);
  EXPECT_TRUE(slots.try_acquire());
  slots.release();
}

}  // namespace
}  // namespace ecosol::http
