#include "models/behaviour/return_cut.h"

#include <gtest/gtest.h>

#include "models/behaviour/guest_context_features.h"

namespace sobremesa {
namespace {

constexpr BgnbdParams kParams{.r = 0.24, .alpha = 4.4, .a = 0.79, .b = 2.4};

GuestTimeline Visits(std::initializer_list<int> days) {
  GuestTimeline g;
  for (int d : days) g.visits.push_back({.day = d, .spend = 50, .party_size = 2});
  return g;
}

TEST(ReturnCut, LabelsAVisitWithinTheHorizonAfterTheCut) {
  std::vector<GuestTimeline> guests = {Visits({0, 30, 100}), Visits({0, 30, 200}),
                                       Visits({150})};
  ReturnCut cut = GuestsAtCut(guests, 91, {.horizon_days = 91});
  ASSERT_EQ(cut.guests, (std::vector<size_t>{0, 1}));  // the third came after the cut
  EXPECT_EQ(cut.labels, (std::vector<double>{1, 0}));
  EXPECT_EQ(cut.summaries[0].frequency, 1);
}

TEST(ReturnCut, NewcomersOnlyWhenScoringToday) {
  std::vector<GuestTimeline> guests = {Visits({0, 5}), Visits({9})};
  EXPECT_EQ(GuestsAtCut(guests, 10, {}).guests.size(), 1u);
  ReturnCut today = GuestsAtCut(guests, 10, {.include_newcomers = true});
  ASSERT_EQ(today.guests.size(), 2u);
  EXPECT_GT(today.summaries[1].age, 0);  // one day, so BG/NBD can read it
}

TEST(ReturnCut, FeaturesIgnoreEverythingFromTheCutOn) {
  GuestTimeline before = Visits({0, 30});
  GuestTimeline with_future = before;
  with_future.visits.push_back({.day = 95, .spend = 900, .party_size = 12, .celebration = true});
  with_future.texts.push_back({.day = 92, .verdict = Sentiment::kNegative, .score = -1});
  const ReturnCutOptions options{.context_groups = kAllContextFeatures};
  std::vector<GuestTimeline> a = {before}, b = {with_future};
  ReturnCut cut_a = GuestsAtCut(a, 91, options), cut_b = GuestsAtCut(b, 91, options);
  BgnbdModel bgnbd(kParams);
  ASSERT_TRUE(AddReturnFeatures(a, bgnbd, options, cut_a).ok());
  ASSERT_TRUE(AddReturnFeatures(b, bgnbd, options, cut_b).ok());
  EXPECT_EQ(cut_a.features, cut_b.features);
  EXPECT_EQ(cut_a.features[0].size(), ReturnCutFeatureNames(kAllContextFeatures).size());
  EXPECT_EQ(cut_b.labels[0], 1);
}

TEST(ReturnCut, NobodyBeforeTheCutIsAClearError) {
  std::vector<GuestTimeline> late = {Visits({200})};
  StatusOr<ReturnCut> cut = BuildReturnCut(late, 91, {}, {});
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
