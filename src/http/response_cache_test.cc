#include "response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace ecosol::http {
namespace {

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

}  // namespace
}  // namespace ecosol::http
