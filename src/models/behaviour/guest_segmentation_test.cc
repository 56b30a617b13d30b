#include "models/behaviour/guest_segmentation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sobremesa {
namespace {

const std::vector<std::string> kTastes = {"cebiche", "criollo", "wine"};

// Three kinds of guest: lapsed high-spending celebration guests who order
// cebiche, recent frequent criollo guests with modest spend, and wine
// drinkers in between; with noise.
std::vector<GuestBehaviour> ThreeKinds(int per, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> jitter(0.9, 1.1);
  std::vector<GuestBehaviour> guests;
  for (int i = 0; i < per; ++i) {
    guests.push_back({300 * jitter(rng), 1, 400 * jitter(rng), 4, 0.9, 0, 0, {0.8, 0.1, 0.1}});
    guests.push_back({7 * jitter(rng), 12, 90 * jitter(rng), 2, 0, 0.1, 0, {0.1, 0.8, 0.1}});
    guests.push_back({40 * jitter(rng), 3, 200 * jitter(rng), 2, 0, 0, 0.6, {0.1, 0.1, 0.8}});
  }
  return guests;
}

TEST(GuestSegmentationTest, FindsTheThreeKindsAndDescribesThem) {
  auto seg = SegmentGuests(ThreeKinds(100, 1), kTastes);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  ASSERT_EQ(seg->segments.size(), 3u);
  EXPECT_GT(seg->silhouette, 0.5);
  const int celebration = seg->segment_of_guest[0], regular = seg->segment_of_guest[1];
  for (size_t i = 0; i < 300; i += 3) {
    EXPECT_EQ(seg->segment_of_guest[i], celebration);
    EXPECT_EQ(seg->segment_of_guest[i + 1], regular);
  }
  const std::string& words = seg->segments[celebration - 1].description;
  EXPECT_NE(words.find("lapsed"), std::string::npos) << words;
  EXPECT_NE(words.find("celebration"), std::string::npos) << words;
  EXPECT_NE(words.find("cebiche lovers"), std::string::npos) << words;
  EXPECT_NE(words.find("high spend"), std::string::npos) << words;
  const std::string& regulars = seg->segments[regular - 1].description;
  EXPECT_NE(regulars.find("recent regular"), std::string::npos) << regulars;
  EXPECT_NE(regulars.find("criollo lovers"), std::string::npos) << regulars;
  EXPECT_NE(regulars.find("modest spend"), std::string::npos) << regulars;
}

TEST(GuestSegmentationTest, SameSeedSameSegments) {
  auto guests = ThreeKinds(60, 2);
  auto a = SegmentGuests(guests, kTastes, {.seed = 5});
  auto b = SegmentGuests(guests, kTastes, {.seed = 5});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->segment_of_guest, b->segment_of_guest);
  EXPECT_EQ(a->segments[0].description, b->segments[0].description);
}

TEST(GuestSegmentationTest, SegmentsAreNumberedLargestFirstAndSizesAddUp) {
  auto guests = ThreeKinds(50, 3);
  guests.resize(guests.size() - 20);  // unequal sizes
  auto seg = SegmentGuests(guests, kTastes);
  ASSERT_TRUE(seg.ok());
  std::int64_t total = 0;
  for (size_t i = 0; i < seg->segments.size(); ++i) {
    EXPECT_EQ(seg->segments[i].id, int(i) + 1);
    if (i > 0) {
      EXPECT_GE(seg->segments[i - 1].size, seg->segments[i].size);
    }
    total += seg->segments[i].size;
  }
  EXPECT_EQ(total, std::int64_t(guests.size()));
}

TEST(GuestSegmentationTest, OneGuestIsOneSegment) {
  auto seg = SegmentGuests({{10, 1, 0, 2, 0, 0, 0, {0, 0, 0}}}, kTastes);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  ASSERT_EQ(seg->segments.size(), 1u);
  EXPECT_EQ(seg->segment_of_guest, std::vector<int>{1});
  EXPECT_EQ(seg->segments[0].description, "typical guests, varied tastes, average spend");
}

TEST(GuestSegmentationTest, IdenticalGuestsMakeOneSegmentWithoutEmptyOnes) {
  std::vector<GuestBehaviour> same(40, {10, 2, 80, 2, 0, 0, 0, {1, 0, 0}});
  auto seg = SegmentGuests(same, kTastes);
  ASSERT_TRUE(seg.ok()) << seg.status().ToString();
  ASSERT_EQ(seg->segments.size(), 1u);
  EXPECT_EQ(seg->segments[0].size, 40);
  for (int id : seg->segment_of_guest) EXPECT_EQ(id, 1);
  for (double c : seg->segments[0].centre) EXPECT_TRUE(std::isfinite(c));
}

TEST(GuestSegmentationTest, RejectsNoGuestsAndMalformedRows) {
  EXPECT_FALSE(SegmentGuests({}, kTastes).ok());
  EXPECT_FALSE(SegmentGuests({{10, 1, 50, 2, 0, 0, 0, {1, 0}}}, kTastes).ok());
  EXPECT_FALSE(SegmentGuests({{10, 1, -50, 2, 0, 0, 0, {1, 0, 0}}}, kTastes).ok());
}

}  // namespace
}  // namespace sobremesa
