#include "evaluation/recommendation/blend_features.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa::recommendation {
namespace {

// Two users (one item, three items) and two cases of three candidates each.
struct Small {
  InteractionData data{2, 4, {{0}, {0, 1, 2}}};
  std::vector<HeldOutCase> cases = {{0, 1, {3, 0}}, {1, 3, {2, 0}}};
  CandidateScores a = {3, 1, 2, 7, 7, 7};  // constant on the second case
  CandidateScores b = {1, 2, 3, 4, 5, 6};
  std::vector<const CandidateScores*> members = {&a, &b};
};

TEST(BlendFeaturesTest, MembersAreStandardisedPerCase) {
  Small s;
  const RankingFeatures f = BlendFeatures(s.members, s.cases, s.data, {});
  ASSERT_EQ(f.width, 2u);
  EXPECT_EQ(f.case_starts, (std::vector<size_t>{0, 3, 6}));
  ASSERT_EQ(f.values.size(), 12u);
  const float unit = static_cast<float>(1 / std::sqrt(2.0 / 3));  // 1 / standard deviation
  // Case one: a = 3, 1, 2 and b = 1, 2, 3.
  EXPECT_FLOAT_EQ(f.values[0], unit);
  EXPECT_FLOAT_EQ(f.values[1], -unit);
  EXPECT_FLOAT_EQ(f.values[2], -unit);
  EXPECT_FLOAT_EQ(f.values[4], 0);
  // Case two: a constant gives 0, b = 4, 5, 6 the same as 1, 2, 3.
  EXPECT_FLOAT_EQ(f.values[6], 0);
  EXPECT_FLOAT_EQ(f.values[7], -unit);
  EXPECT_FLOAT_EQ(f.values[11], unit);
}

TEST(BlendFeaturesTest, ProductsFollowTheMembersInTheDocumentedOrder) {
  Small s;
  const RankingFeatures f =
      BlendFeatures(s.members, s.cases, s.data, {.history = true, .popularity = true, .products = true});
  // 2 members, 4 history products, p, p·h, 2 popularity products, 3 squares and pairs.
  ASSERT_EQ(f.width, 13u);
  ASSERT_EQ(f.values.size(), 6 * 13u);
  const float unit = static_cast<float>(1 / std::sqrt(2.0 / 3));
  // User 0 has the shorter history of two: h = −1.
  const float* row = &f.values[0];
  EXPECT_FLOAT_EQ(row[2], -unit);  // a·h
  EXPECT_FLOAT_EQ(row[3], unit);   // b·h
  EXPECT_FLOAT_EQ(row[4], unit);   // a·h²
  // The held-out item 1 has one user among candidates with 1, 0 and 2.
  const double l1 = std::log1p(1.0), l0 = 0, l2 = std::log1p(2.0);
  const double mean = (l1 + l0 + l2) / 3;
  const double sd = std::sqrt(((l1 - mean) * (l1 - mean) + (l0 - mean) * (l0 - mean) +
                               (l2 - mean) * (l2 - mean)) / 3);
  const float p = static_cast<float>((l1 - mean) / sd);
  EXPECT_FLOAT_EQ(row[6], p);
  EXPECT_FLOAT_EQ(row[7], -p);           // p·h
  EXPECT_FLOAT_EQ(row[8], unit * p);     // a·p
  EXPECT_FLOAT_EQ(row[10], unit * unit);   // a²
  EXPECT_FLOAT_EQ(row[11], -unit * unit);  // a·b
  EXPECT_FLOAT_EQ(row[12], unit * unit);   // b²
  // User 1's case: h = +1.
  EXPECT_FLOAT_EQ(f.values[3 * 13 + 3], -unit);  // b·h for b = −unit
}

}  // namespace
}  // namespace sobremesa::recommendation
