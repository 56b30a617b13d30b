#include "service/recommendation_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "selection/recommendation/serving_choice.h"
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

  // Visits in which a second guest, Bruno, orders cebiche with lomo saltado
  // and Ana orders causa: enough for the hybrid model to learn from.
  void AddVisits() {
    Guest bruno;
    bruno.restaurant_id = restaurant_;
    bruno.name = "Bruno";
    const Id bruno_id = store_->UpsertGuests(std::vector<Guest>{bruno})->front();
    for (int v = 0; v < 6; ++v) {
      Visit visit;
      visit.restaurant_id = restaurant_;
      visit.guest_id = v % 2 ? guest_ : bruno_id;
      visit.seated_at = FromLocal(2026, 11, 1 + v, 20, 0, 0);
      const Id visit_id = store_->UpsertVisits(std::vector<Visit>{visit})->front();
      std::vector<OrderLine> lines;
      for (int i : v % 2 ? std::vector<int>{1} : std::vector<int>{0, 2}) {
        OrderLine line;
        line.restaurant_id = restaurant_;
        line.visit_id = visit_id;
        line.item_id = item_ids_[i];
        lines.push_back(line);
      }
      ASSERT_TRUE(store_->UpsertOrderLines(lines).ok());
    }
  }

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

TEST_F(RecommendationServiceTest, WithoutOrdersNoHybridModelIsWrittenAndTheReportSaysWhy) {
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->hybrid_path.empty());
  EXPECT_NE(report->hybrid_error.find("nothing to learn"), std::string::npos);
  auto menu = *store_->ListMenu(restaurant_);
  EXPECT_TRUE(LoadHybridRecommender(dir_.string(), restaurant_, menu).status().IsNotFound());
}

TEST_F(RecommendationServiceTest, HybridModelRanksSafelyAndLabelsTheResponse) {
  AddVisits();
  recommendation::RestaurantHybridOptions options;
  options.model.epochs = 30;
  options.model.batch_size = 4;
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0, options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_FALSE(report->hybrid_path.empty()) << report->hybrid_error;
  const std::vector<MenuItem> menu = *store_->ListMenu(restaurant_);
  auto hybrid = LoadHybridRecommender(dir_.string(), restaurant_, menu);
  ASSERT_TRUE(hybrid.ok()) << hybrid.status().ToString();
  EXPECT_EQ((*hybrid)->model().info().menu_identity,
            recommendation::MenuIdentity(restaurant_, menu));

  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  service.SetModel(restaurant_, *LoadRecommender(dir_.string(), restaurant_));
  service.SetHybridModel(restaurant_, *hybrid);
  auto list = service.Recommend({restaurant_, guest_});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->model.rfind("hybrid:", 0), 0u) << list->model;
  ASSERT_EQ(list->items.size(), 2u) << "cebiche is never offered to Ana (fish allergy)";
  for (const Recommendation& r : list->items) {
    EXPECT_NE(r.item->name_es, "cebiche");
    EXPECT_FALSE(r.reason.empty());
  }
}

TEST_F(RecommendationServiceTest, TrainingStoresTheServingChoiceAndItsValidationNumbers) {
  AddVisits();
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_FALSE(report->hybrid_path.empty()) << report->hybrid_error;
  // Six visits leave fewer validation visits than a comparison needs: the
  // hybrid model alone serves both guest types, and the numbers say why.
  EXPECT_EQ(report->serving.with_history, 0);
  EXPECT_EQ(report->serving.without_history, 0);
  auto model = recommendation::HybridModel::Load(report->hybrid_path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->info().serving, report->serving);
  ASSERT_FALSE(report->validation.empty());
  for (const auto& metric : report->validation) {
    EXPECT_NE(std::find(model->info().metrics.begin(), model->info().metrics.end(), metric),
              model->info().metrics.end())
        << metric.first << " is in the file";
    if (metric.first.starts_with("validation_visits")) {
      EXPECT_LT(metric.second, recommendation::kMinValidationVisits) << metric.first;
    }
  }
}

// A model file that chose co-occurrence for guests with a history: Ana (who
// has ordered here) is ranked by co-occurrence, a new guest by the hybrid
// model, and each response says which; a blend says so too, and every one
// keeps the rules.
TEST_F(RecommendationServiceTest, ModelFileChoosesTheRankingModelPerGuestType) {
  AddVisits();
  Guest carla;
  carla.restaurant_id = restaurant_;
  carla.name = "Carla";
  const Id carla_id = store_->UpsertGuests(std::vector<Guest>{carla})->front();
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const std::vector<MenuItem> menu = *store_->ListMenu(restaurant_);
  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  service.SetModel(restaurant_, *LoadRecommender(dir_.string(), restaurant_));
  // Writes the file with `serving` and serves from what is read back.
  auto serve_file = [&](recommendation::ServingChoice serving) {
    auto file = recommendation::HybridModel::Load(report->hybrid_path);
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    file->SetServing(serving);
    ASSERT_TRUE(file->Save(report->hybrid_path).ok());
    auto hybrid = LoadHybridRecommender(dir_.string(), restaurant_, menu);
    ASSERT_TRUE(hybrid.ok()) << hybrid.status().ToString();
    service.SetHybridModel(restaurant_, *hybrid);
  };
  auto model_for = [&](Id guest) {
    auto list = service.Recommend({restaurant_, guest});
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (!list.ok()) return std::string();
    for (const Recommendation& r : list->items) {
      if (guest == guest_) {
        EXPECT_NE(r.item->name_es, "cebiche") << "Ana is allergic to fish";
      }
      EXPECT_FALSE(r.reason.empty());
    }
    return list->model;
  };
  serve_file({.with_history = 1, .without_history = 0});
  auto file = recommendation::HybridModel::Load(report->hybrid_path);
  ASSERT_TRUE(file.ok());
  const std::string hash = file->info().data_hash;
  EXPECT_EQ(model_for(guest_), "cooccurrence:" + report->data_hash);
  EXPECT_EQ(model_for(carla_id), "hybrid:" + hash);

  serve_file({.with_history = 0.6, .without_history = 0});
  EXPECT_EQ(model_for(guest_), "hybrid+cooccurrence:" + hash);
  EXPECT_EQ(model_for(carla_id), "hybrid:" + hash);

  // Carla has no history and no stated preferences: a blend may rank her by
  // the hybrid's profile and context scores, but never claims a shared taste.
  serve_file({.with_history = 0, .without_history = 0.1});
  auto carla_blend = service.Recommend({restaurant_, carla_id});
  ASSERT_TRUE(carla_blend.ok()) << carla_blend.status().ToString();
  EXPECT_EQ(carla_blend->model, "hybrid+cooccurrence:" + hash);
  for (const Recommendation& r : carla_blend->items) {
    EXPECT_NE(r.reason_kind, ReasonKind::kSharedTaste) << r.item->name_es;
  }

  serve_file({.with_history = 0, .without_history = 1});
  EXPECT_EQ(model_for(guest_), "hybrid:" + hash);
  EXPECT_EQ(model_for(carla_id), "cooccurrence:" + report->data_hash);

  // Without the co-occurrence model loaded the hybrid ranks everyone.
  service.SetModel(restaurant_, nullptr);
  EXPECT_EQ(model_for(carla_id), "hybrid:" + hash);
}

TEST_F(RecommendationServiceTest, HybridModelFileThatIsCorruptOrOfAnotherMenuIsRejected) {
  AddVisits();
  ASSERT_TRUE(TrainRecommender(*store_, restaurant_, dir_.string(), 0).ok());
  const std::vector<MenuItem> menu = *store_->ListMenu(restaurant_);
  ASSERT_TRUE(LoadHybridRecommender(dir_.string(), restaurant_, menu).ok());

  // Another menu: the same restaurant's items replaced by new ids.
  std::vector<MenuItem> other = menu;
  for (MenuItem& m : other) m.id += 1000;
  const Status foreign = LoadHybridRecommender(dir_.string(), restaurant_, other).status();
  EXPECT_EQ(foreign.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(foreign.message().find("another menu"), std::string::npos) << foreign.message();
  // Another restaurant's directory holding this file.
  std::filesystem::create_directories(dir_ / "models" / "restaurant-77");
  std::filesystem::copy_file(HybridModelPath(dir_.string(), restaurant_),
                             HybridModelPath(dir_.string(), 77));
  EXPECT_EQ(LoadHybridRecommender(dir_.string(), 77, menu).status().code(),
            StatusCode::kInvalidArgument);
  // A truncated file.
  std::filesystem::resize_file(HybridModelPath(dir_.string(), restaurant_), 40);
  EXPECT_EQ(LoadHybridRecommender(dir_.string(), restaurant_, menu).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(RecommendationServiceTest, TrainingWithoutAMenuIsAFailedPrecondition) {
  Restaurant empty;
  empty.external_id = "empty";
  empty.name = "Vacía";
  const Id id = *store_->UpsertRestaurant(empty);
  EXPECT_EQ(TrainRecommender(*store_, id, dir_.string(), 0).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(CoursesToSuggestTest, WithoutACourseTheMealsNextCourseLeadsAndDrinksFillUp) {
  std::vector<MenuItem> menu(5);
  const Course courses[] = {Course::kStarter, Course::kMain, Course::kDessert, Course::kDrink,
                            Course::kMain};
  for (size_t i = 0; i < menu.size(); ++i) {
    menu[i].id = Id(i + 1);
    menu[i].course = courses[i];
  }
  using C = Course;
  const struct {
    std::optional<Course> asked;
    std::vector<Id> ordered;
    std::vector<Course> expected;
  } cases[] = {
      {std::nullopt, {}, {C::kStarter, C::kMain, C::kDessert, C::kDrink}},
      {std::nullopt, {4}, {C::kStarter, C::kMain, C::kDessert, C::kDrink}},  // drinks first
      {std::nullopt, {1, 4}, {C::kMain, C::kDessert, C::kDrink}},
      {std::nullopt, {5, 1}, {C::kDessert, C::kDrink}},  // the latest course counts
      {std::nullopt, {3}, {C::kDrink}},
      {std::nullopt, {99}, {C::kStarter, C::kMain, C::kDessert, C::kDrink}},
      {C::kDrink, {}, {C::kDrink}},
      {C::kStarter, {2, 3}, {C::kStarter}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CoursesToSuggest(c.asked, menu, c.ordered), c.expected)
        << "ordered " << c.ordered.size() << " items, asked " << c.asked.has_value();
  }
}

// A table just seated hears about starters, not drinks; as the meal goes on
// the suggestions move to the next course; still water, a staple, is never
// suggested unless asked for, even when it would rank first.
TEST_F(RecommendationServiceTest, WithoutACourseTheNextCourseLeadsAndStaplesAreLeftOut) {
  std::vector<MenuItem> more = {Item("agua", "agua mineral", Course::kDrink, {}),
                                Item("pisco", "pisco sour", Course::kDrink, {Allergen::kEgg}),
                                Item("suspiro", "suspiro", Course::kDessert, {})};
  more[0].staple = true;
  for (MenuItem& m : more) m.restaurant_id = restaurant_;
  const std::vector<Id> ids = *store_->UpsertMenuItems(more);
  const Id causa = item_ids_[1], lomo = item_ids_[2], suspiro = ids[2];
  MenuCache menus(*store_, std::chrono::seconds(1));
  GuestHistoryCache histories(*store_, std::chrono::seconds(1), 100);
  RecommendationService service(*store_, menus, histories);
  auto names = [&](RecommendationQuery q) {
    auto list = service.Recommend(q);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    std::vector<std::string> out;
    if (list.ok()) {
      for (const Recommendation& r : list->items) out.push_back(r.item->name_es);
    }
    return out;
  };
  using Names = std::vector<std::string>;
  RecommendationQuery q{restaurant_, guest_};
  EXPECT_EQ(names(q), (Names{"causa", "lomo saltado", "suspiro", "pisco sour"}));
  q.k = 1;
  EXPECT_EQ(names(q), Names{"causa"}) << "just seated: a starter";
  q.ordered_tonight = {causa};
  EXPECT_EQ(names(q), Names{"lomo saltado"});
  q.ordered_tonight = {causa, lomo};
  EXPECT_EQ(names(q), Names{"suspiro"});
  q.ordered_tonight = {causa, lomo, suspiro};
  EXPECT_EQ(names(q), Names{"pisco sour"}) << "after dessert a drink, and not water";
  // Without a model every item scores 0 and the water (the lower id) ranks
  // first: leaving it out must not leave the guest without a suggestion.
  q.ordered_tonight.clear();
  q.course = Course::kDrink;
  EXPECT_EQ(names(q), Names{"pisco sour"});
  q.include_staples = true;
  EXPECT_EQ(names(q), Names{"agua mineral"}) << "asked for";
}

}  // namespace
}  // namespace sobremesa
