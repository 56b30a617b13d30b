#include "models/behaviour/guest_context_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

namespace sobremesa {
namespace {

std::map<std::string, double> Named(const GuestTimeline& g, int cut_day, unsigned groups) {
  std::vector<double> row;
  AppendContextFeatures(g, cut_day, groups, row);
  const std::vector<std::string> names = ContextFeatureNames(groups);
  EXPECT_EQ(row.size(), names.size());
  std::map<std::string, double> out;
  for (size_t i = 0; i < names.size() && i < row.size(); ++i) out[names[i]] = row[i];
  return out;
}

TimelineText Text(int day, Sentiment verdict, double score, Aspect aspect, double aspect_score) {
  TimelineText t{.day = day, .verdict = verdict, .score = score};
  t.aspect_score[static_cast<size_t>(aspect)] = aspect_score;
  t.aspect_present[static_cast<size_t>(aspect)] = true;
  return t;
}

GuestTimeline TwoEvenings() {
  GuestTimeline g;
  TimelineVisit birthday{.day = 10, .spend = 400, .party_size = 4, .celebration = true};
  birthday.dishes = {.food = 4, .seafood = 3, .meat = 1, .vegetarian = 0, .drinks = 4};
  TimelineVisit lunch{.day = 40, .spend = 90, .party_size = 1, .business = true};
  lunch.dishes = {.food = 2, .seafood = 0, .meat = 1, .vegetarian = 1, .drinks = 0};
  g.visits = {birthday, lunch};
  g.texts = {Text(11, Sentiment::kPositive, 0.8, Aspect::kFood, 1.0),
             Text(41, Sentiment::kMixed, -0.2, Aspect::kService, -1.0)};
  g.foreign_language = true;
  return g;
}

TEST(ContextFeatures, SentimentReadsOnlyFeedbackBeforeTheCut) {
  std::map<std::string, double> before = Named(TwoEvenings(), 41, kSentimentFeatures);
  EXPECT_EQ(before["has_feedback"], 1);
  EXPECT_EQ(before["last_feedback_negative"], 0);
  EXPECT_DOUBLE_EQ(before["mean_feedback_score"], 0.8);
  EXPECT_DOUBLE_EQ(before["worst_aspect_score"], 1.0);
  std::map<std::string, double> after = Named(TwoEvenings(), 42, kSentimentFeatures);
  EXPECT_EQ(after["last_feedback_negative"], 1);  // mixed counts as a complaint
  EXPECT_DOUBLE_EQ(after["last_feedback_score"], -0.2);
  EXPECT_DOUBLE_EQ(after["mean_feedback_score"], 0.3);
  EXPECT_DOUBLE_EQ(after["negative_feedback_share"], 0.5);
  EXPECT_DOUBLE_EQ(after["worst_aspect_score"], -1.0);
}

TEST(ContextFeatures, NoFeedbackIsFlaggedNotGuessed) {
  GuestTimeline g = TwoEvenings();
  std::map<std::string, double> none = Named(g, 11, kSentimentFeatures);
  EXPECT_EQ(none["has_feedback"], 0);
  for (const auto& [name, value] : none) EXPECT_EQ(value, 0) << name;
}

TEST(ContextFeatures, OccasionsPartyAndTasteOfTheVisitsBeforeTheCut) {
  std::map<std::string, double> one = Named(TwoEvenings(), 40, kAllContextFeatures);
  EXPECT_EQ(one["celebration_share"], 1);
  EXPECT_EQ(one["business_share"], 0);
  EXPECT_EQ(one["mean_party_size"], 4);
  EXPECT_EQ(one["solo_share"], 0);
  EXPECT_DOUBLE_EQ(one["seafood_share"], 0.75);
  EXPECT_EQ(one["drinks_per_visit"], 4);
  EXPECT_DOUBLE_EQ(one["log1p_spend_per_head"], std::log1p(100.0));
  EXPECT_EQ(one["foreign_language"], 1);
  std::map<std::string, double> both = Named(TwoEvenings(), 41, kAllContextFeatures);
  EXPECT_DOUBLE_EQ(both["business_share"], 0.5);
  EXPECT_DOUBLE_EQ(both["mean_party_size"], 2.5);
  EXPECT_DOUBLE_EQ(both["solo_share"], 0.5);
  EXPECT_DOUBLE_EQ(both["vegetarian_share"], 1.0 / 6);
  EXPECT_DOUBLE_EQ(both["drinks_per_visit"], 2);
}

TEST(ContextFeatures, UnknownPartyAndNoOrdersStayFinite) {
  GuestTimeline cdnow;
  cdnow.visits = {{.day = 3, .spend = 12}};
  std::vector<double> row;
  AppendContextFeatures(cdnow, 10, kAllContextFeatures, row);
  ASSERT_EQ(row.size(), ContextFeatureNames(kAllContextFeatures).size());
  for (double v : row) EXPECT_TRUE(std::isfinite(v));
}

TEST(ContextFeatures, GroupsAddTheirColumnsOnly) {
  EXPECT_TRUE(ContextFeatureNames(kNoContextFeatures).empty());
  size_t sum = 0;
  for (const auto& [bit, name] : ContextFeatureGroups()) sum += ContextFeatureNames(bit).size();
  EXPECT_EQ(sum, ContextFeatureNames(kAllContextFeatures).size());
}

}  // namespace
}  // namespace sobremesa
