#include "service/recommendation_service.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "service/recommender_training.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

MenuItem Item(const char* external_id, const char* name, Course course, AllergenSet allergens) {
  MenuItem m;
  m.restaurant_id = 0;
  m.external_id = external_id;
  m.name_es = name;
  m.name_en = name;
  m.course = course;
  m.allergens = allergens;
  m.price = 4500;
  return m;
}

class RecommendationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("rec-service-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "db.sqlite").string())).value();
    Restaurant r;
    r.external_id = "r";
    r.name = "Casa";
    restaurant_ = *store_->UpsertRestaurant(r);
    std::vector<MenuItem> menu = {Item("cebiche", "cebiche", Course::kStarter, {Allergen::kFish}),
                                  Item("causa", "causa", Course::kStarter, {Allergen::kEgg}),
                                  Item("lomo", "lomo saltado", Course::kMain, {Allergen::kSoy})};
    for (MenuItem& m : menu) m.restaurant_id = restaurant_;
    item_ids_ = *store_->UpsertMenuItems(menu);
    Guest ana;
    ana.restaurant_id = restaurant_;
    ana.name = "Ana";
    ana.language = Language::kEnglish;
    ana.allergies = {Allergen::kFish};
    guest_ = store_->UpsertGuests(std::vector<Guest>{ana})->front();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  Id restaurant_ = 0, guest_ = 0;
  std::vector<Id> item_ids_;
};

TEST_F(RecommendationServiceTest, UnknownGuestIsNotFoundAndBadKIsInvalid) {
  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  RecommendationQuery q{restaurant_, guest_ + 100};
  EXPECT_EQ(service.Recommend(q).status().code(), StatusCode::kNotFound);
  q.guest_id = guest_;
  for (int k : {0, -1, 101}) {
    q.k = k;
    EXPECT_EQ(service.Recommend(q).status().code(), StatusCode::kInvalidArgument) << k;
  }
}

TEST_F(RecommendationServiceTest, WithoutAModelTheRulesStillHoldAndModelIsNone) {
  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  auto list = service.Recommend({restaurant_, guest_});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->model, "none");
  ASSERT_EQ(list->items.size(), 2u);
  for (const Recommendation& r : list->items) EXPECT_NE(r.item->name_es, "cebiche");
}

TEST_F(RecommendationServiceTest, TrainedModelExplainsInTheGuestsLanguage) {
  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  service.SetModel(restaurant_, *LoadRecommender(dir_.string(), restaurant_));
  RecommendationQuery q{restaurant_, guest_};
  q.course = Course::kStarter;
  q.at = FromLocal(2026, 11, 20, 21, 0, 0);
  auto list = service.Recommend(q);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->model, "cooccurrence:" + report->data_hash);
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].item->name_es, "causa");
  EXPECT_EQ(list->items[0].reason, "One of our most ordered starters at dinner");
}

TEST_F(RecommendationServiceTest, TrainingWithoutAMenuIsAFailedPrecondition) {
  Restaurant empty;
  empty.external_id = "empty";
  empty.name = "Vacía";
  const Id id = *store_->UpsertRestaurant(empty);
  EXPECT_EQ(TrainRecommender(*store_, id, dir_.string(), 0).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
