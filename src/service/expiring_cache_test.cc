#include "service/expiring_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace sobremesa {
namespace {

// A loader that counts its calls and returns "v<n>".
struct CountingLoader {
  int calls = 0;
  StatusOr<std::string> operator()() { return "v" + std::to_string(++calls); }
};

TEST(ExpiringCacheTest, LoadsOnceUntilInvalidated) {
  ExpiringCache<int, std::string> cache(std::chrono::hours(1), 10);
  CountingLoader load;
  auto loader = [&] { return load(); };
  EXPECT_EQ(**cache.Get(1, loader), "v1");
  EXPECT_EQ(**cache.Get(1, loader), "v1");
  cache.Invalidate(1);
  EXPECT_EQ(**cache.Get(1, loader), "v2");
  EXPECT_EQ(load.calls, 2);
}

// A write lands (and invalidates) between the store read and the insert:
// the value read before it must not be cached, or the write would stay
// unseen for max_age.
TEST(ExpiringCacheTest, ValueLoadedWhileInvalidatedIsNotCached) {
  ExpiringCache<int, std::string> cache(std::chrono::hours(1), 10);
  CountingLoader load;
  auto load_then_write = [&] {
    auto read = load();
    cache.Invalidate(1);
    return read;
  };
  EXPECT_EQ(**cache.Get(1, load_then_write), "v1") << "the caller still gets what was read";
  EXPECT_EQ(**cache.Get(1, [&] { return load(); }), "v2");
  EXPECT_EQ(**cache.Get(1, [&] { return load(); }), "v2") << "cached again once no write overlaps";
}

TEST(ExpiringCacheTest, ExpiredEntriesAreLoadedAgain) {
  ExpiringCache<int, std::string> cache(std::chrono::milliseconds(0), 10);
  CountingLoader load;
  auto loader = [&] { return load(); };
  (void)cache.Get(1, loader);
  EXPECT_EQ(**cache.Get(1, loader), "v2");
}

TEST(ExpiringCacheTest, ErrorsAreReturnedAndNotCached) {
  ExpiringCache<int, std::string> cache(std::chrono::hours(1), 10);
  auto failing = [] { return StatusOr<std::string>(Status::NotFound("guest 7")); };
  EXPECT_TRUE(cache.Get(7, failing).status().IsNotFound());
  CountingLoader load;
  EXPECT_EQ(**cache.Get(7, [&] { return load(); }), "v1");
}

TEST(ExpiringCacheTest, EmptiesWhenFull) {
  ExpiringCache<int, std::string> cache(std::chrono::hours(1), 2);
  CountingLoader load;
  auto loader = [&] { return load(); };
  (void)cache.Get(1, loader);
  (void)cache.Get(2, loader);
  (void)cache.Get(3, loader);  // full: the cache empties, then holds 3
  EXPECT_EQ(**cache.Get(1, loader), "v4");
}

}  // namespace
}  // namespace sobremesa
