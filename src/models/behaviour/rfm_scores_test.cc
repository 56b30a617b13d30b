#include "models/behaviour/rfm_scores.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa {
namespace {

TEST(RfmScoresTest, TenGuestsFallTwoPerQuintile) {
  std::vector<RfmInput> guests;
  for (int i = 0; i < 10; ++i) guests.push_back({double(100 - 10 * i), double(i + 1), 50.0 * i});
  auto scores = ScoreRfm(guests);
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ((*scores)[i].recency, 1 + i / 2) << "guest " << i;  // fewer days: higher
    EXPECT_EQ((*scores)[i].frequency, 1 + i / 2) << "guest " << i;
    EXPECT_EQ((*scores)[i].monetary, 1 + i / 2) << "guest " << i;
  }
}

TEST(RfmScoresTest, OneTimeGuestsShareTheLowestFrequencyScore) {
  std::vector<RfmInput> guests(8, {10, 1, 80});
  guests.push_back({10, 6, 80});
  guests.push_back({10, 9, 0});  // a visit with zero spend is a valid guest
  auto scores = ScoreRfm(guests);
  ASSERT_TRUE(scores.ok());
  for (int i = 0; i < 8; ++i) EXPECT_EQ((*scores)[i].frequency, 1);
  EXPECT_EQ((*scores)[8].frequency, 5);
  EXPECT_EQ((*scores)[9].frequency, 5);
  EXPECT_EQ((*scores)[9].monetary, 1);
}

TEST(RfmScoresTest, NegativeOrNonFiniteValueNamesTheGuest) {
  auto scores = ScoreRfm({{1, 1, 10}, {1, 1, -5}});
  ASSERT_FALSE(scores.ok());
  EXPECT_NE(scores.status().message().find("guest 1"), std::string::npos);
  EXPECT_FALSE(ScoreRfm({{std::nan(""), 1, 10}}).ok());
}

}  // namespace
}  // namespace sobremesa
