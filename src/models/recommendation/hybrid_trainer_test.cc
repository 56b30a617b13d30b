#include "models/recommendation/hybrid_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// Two tastes: users with feature 0 like items 0..4 (feature 0), users with
// feature 1 like items 5..9 (feature 1). Each user has seen only two items
// of their side; item 9 has no interactions at all (added yesterday).
HybridData TwoTastes() {
  HybridData d;
  d.num_users = 40;
  d.num_items = 10;
  d.num_user_features = 2;
  d.num_item_features = 2;
  for (int32_t u = 0; u < d.num_users; ++u) {
    const int32_t side = u % 2;
    const int32_t f[] = {side};
    d.user_features.AddRow(f);
    for (int32_t k = 0; k < 2; ++k) {
      const int32_t item = side * 5 + (u / 2 + k) % (side == 1 ? 4 : 5);
      d.interactions.push_back({u, item, 1.f});
    }
  }
  for (int32_t i = 0; i < d.num_items; ++i) {
    const int32_t f[] = {i / 5};
    d.item_features.AddRow(f);
  }
  return d;
}

float MeanScore(const HybridModel& m, const float* user, int32_t from, int32_t to) {
  float s = 0;
  for (int32_t i = from; i < to; ++i) s += m.Score(user, i);
  return s / float(to - from);
}

class HybridTrainerTest : public testing::TestWithParam<HybridLoss> {};

TEST_P(HybridTrainerTest, NewUserAndUnseenItemFollowTheirFeatures) {
  HybridOptions o;
  o.loss = GetParam();
  o.dim = 8;
  o.epochs = 60;
  o.batch_size = 16;
  o.negatives = 8;
  o.learning_rate = 0.05f;
  StatusOr<HybridModel> m = TrainHybrid(TwoTastes(), o, {});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  for (int32_t side = 0; side < 2; ++side) {
    float user[kMaxHybridDim];
    const WeightedFeature f[] = {{side, 1.f}};
    m->UserVector(-1, f, {}, user);  // a guest the model never saw
    const float own = MeanScore(*m, user, side * 5, side * 5 + 5);
    const float other = MeanScore(*m, user, (1 - side) * 5, (1 - side) * 5 + 5);
    EXPECT_GT(own, other) << "side " << side;
  }
  // Item 9 was never interacted with: its features carry it for side 1.
  float user[kMaxHybridDim];
  const WeightedFeature f1[] = {{1, 1.f}};
  m->UserVector(-1, f1, {}, user);
  EXPECT_GT(m->Score(user, 9), MeanScore(*m, user, 0, 5));
}

INSTANTIATE_TEST_SUITE_P(Losses, HybridTrainerTest,
                         testing::Values(HybridLoss::kBpr, HybridLoss::kSampledSoftmax));

TEST(HybridTrainer, SentBackItemsEndBelowWhatTheUserOrdered) {
  HybridData d;
  d.num_users = 1;
  d.num_items = 3;
  d.num_user_features = 1;
  d.num_item_features = 1;
  const int32_t f[] = {0};
  d.user_features.AddRow(f);
  for (int i = 0; i < 3; ++i) d.item_features.AddRow({});
  d.interactions = {{0, 0, 1.f}, {0, 1, 1.f}, {0, 1, -3.f}, {0, 2, 1.f}};
  HybridOptions o;
  o.dim = 4;
  o.epochs = 200;
  o.batch_size = 4;
  o.negatives = 2;
  o.id_dropout = 0;
  StatusOr<HybridModel> m = TrainHybrid(d, o, {});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  float user[kMaxHybridDim];
  m->UserVector(0, {}, {}, user);
  EXPECT_LT(m->Score(user, 1), std::min(m->Score(user, 0), m->Score(user, 2)));
}

// Every user comes three times and orders their own dish (item u % 10)
// each time plus one drawn at random: having had a dish on another visit
// predicts it, which the familiarity term should learn. No profile and no
// id vectors to lean on, only the history features.
HybridData Regulars() {
  HybridData d;
  d.num_users = 60;
  d.num_items = 10;
  d.num_user_features = 10;  // hist:<item>, feature i marks item i
  d.num_item_features = 1;
  for (int32_t i = 0; i < d.num_items; ++i) {
    d.item_features.AddRow({});
    d.item_history_feature.push_back(i);
  }
  uint32_t r = 12345;
  for (int32_t u = 0; u < d.num_users; ++u) {
    std::vector<int32_t> ids, groups;
    for (int32_t visit = 0; visit < 3; ++visit) {
      r = r * 1103515245u + 12345u;
      const int32_t group = u * 3 + visit, own = u % 10;
      const int32_t other = (own + 1 + int32_t((r >> 16) % 9)) % 10;
      for (int32_t item : {own, other}) {
        d.interactions.push_back({u, item, 1.f, -1, group});
        ids.push_back(item);
        groups.push_back(group);
      }
    }
    d.user_features.AddRow(ids, groups);
  }
  return d;
}

TEST(HybridTrainer, LearnsThatHavingHadADishMakesItLikely) {
  HybridOptions o;
  o.dim = 4;
  o.epochs = 60;
  o.batch_size = 32;
  o.negatives = 8;
  o.id_dropout = 1 - 1e-6f;  // ids almost never seen: history alone
  o.familiarity = true;
  StatusOr<HybridModel> m = TrainHybrid(Regulars(), o, {});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  float mean = 0;
  for (int32_t i = 0; i < 10; ++i) mean += m->Familiarity(i, 2) / 10;
  EXPECT_GT(mean, 0.5f);
  o.familiarity = false;
  StatusOr<HybridModel> off = TrainHybrid(Regulars(), o, {});
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  EXPECT_EQ(off->Familiarity(3, 2), 0.f) << "switched off, the term stays 0";
}

TEST(HybridTrainer, RejectsOutOfRangeIdsAndDataWithoutPositives) {
  HybridData d = TwoTastes();
  d.interactions.push_back({0, 99, 1.f});
  EXPECT_TRUE(TrainHybrid(d, {}, {}).status().code() == StatusCode::kInvalidArgument);
  HybridData negatives_only = TwoTastes();
  for (WeightedInteraction& x : negatives_only.interactions) x.weight = -1;
  EXPECT_TRUE(TrainHybrid(negatives_only, {}, {}).status().code() == StatusCode::kInvalidArgument);
  HybridData bad_history = Regulars();
  bad_history.item_history_feature.pop_back();
  EXPECT_TRUE(TrainHybrid(bad_history, {}, {}).status().code() == StatusCode::kInvalidArgument);
  bad_history = Regulars();
  bad_history.item_history_feature[0] = 10;
  EXPECT_TRUE(TrainHybrid(bad_history, {}, {}).status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
