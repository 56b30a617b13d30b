#include "demo/demo_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "store/sqlite_store.h"

namespace sobremesa::demo {
namespace {

class DemoWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sobremesa_demo_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore((dir_ / "sobremesa.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  static DemoOptions Small() {
    DemoOptions options;
    options.guests = 300;
    options.days = 60;
    options.batch_size = 700;  // several batches per kind
    return options;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(DemoWriterTest, WritesEveryRecordAndTheStoreCountsThem) {
  std::set<std::string> stages;
  const StatusOr<DemoSummary> summary = GenerateDemo(
      *store_, Small(), [&](std::string_view stage, double) { stages.emplace(stage); });
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  const StatusOr<EntityCounts> counts = store_->Counts(summary->restaurant_id);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->menu_items, summary->menu_items);
  EXPECT_EQ(counts->guests, 300);
  EXPECT_EQ(counts->reservations, summary->reservations);
  EXPECT_EQ(counts->visits, summary->visits);
  EXPECT_EQ(counts->order_lines, summary->order_lines);
  EXPECT_EQ(counts->feedback, summary->feedback);
  EXPECT_EQ(counts->events, summary->events);
  EXPECT_EQ(counts->mentions, summary->mentions);
  EXPECT_GT(summary->visits, 100);
  EXPECT_GT(summary->no_shows, 0);
  EXPECT_TRUE(stages.count("order_lines") && stages.count("mentions"));
}

TEST_F(DemoWriterTest, StoredRecordsKeepTheirReferencesAndValues) {
  const StatusOr<DemoData> data = GenerateDemoData(Small());
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const StatusOr<Id> restaurant = WriteDemoData(*store_, *data, 500, nullptr);
  ASSERT_TRUE(restaurant.ok()) << restaurant.status().ToString();
  const StatusOr<Restaurant> stored = store_->GetRestaurant(*restaurant);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->external_id, "demo");
  // The first visit, found by external id, still points at its guest and items.
  const Visit& visit = data->visits.front();
  const StatusOr<Id> visit_id = store_->FindByExternalId(*restaurant, EntityKind::kVisit,
                                                         visit.external_id);
  ASSERT_TRUE(visit_id.ok()) << visit_id.status().ToString();
  const StatusOr<Visit> stored_visit = store_->GetVisit(*restaurant, *visit_id);
  ASSERT_TRUE(stored_visit.ok());
  EXPECT_EQ(stored_visit->spend, visit.spend);
  const Guest& guest = data->guests[LocalIndex(*visit.guest_id)];
  const StatusOr<Guest> stored_guest = store_->GetGuest(*restaurant, *stored_visit->guest_id);
  ASSERT_TRUE(stored_guest.ok());
  EXPECT_EQ(stored_guest->external_id, guest.external_id);
  EXPECT_EQ(stored_guest->allergies, guest.allergies);
  const StatusOr<std::vector<OrderLine>> lines = store_->ListVisitOrders(*restaurant, *visit_id);
  ASSERT_TRUE(lines.ok());
  Centimos sum = 0;
  for (const OrderLine& line : *lines) {
    const StatusOr<MenuItem> item = store_->GetMenuItem(*restaurant, line.item_id);
    ASSERT_TRUE(item.ok());
    sum += item->price * line.quantity;
  }
  EXPECT_EQ(sum, visit.spend);
}

TEST_F(DemoWriterTest, WritingTheSameDemoTwiceUpdatesInPlace) {
  const StatusOr<DemoSummary> first = GenerateDemo(*store_, Small(), nullptr);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const StatusOr<DemoSummary> second = GenerateDemo(*store_, Small(), nullptr);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(first->restaurant_id, second->restaurant_id);
  const StatusOr<EntityCounts> counts = store_->Counts(second->restaurant_id);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->visits, first->visits);
  EXPECT_EQ(counts->order_lines, first->order_lines);
  EXPECT_EQ(counts->events, first->events);
}

}  // namespace
}  // namespace sobremesa::demo
