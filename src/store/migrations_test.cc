#include "store/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "store/sqlite_statement.h"
#include "store/sqlite_store.h"

namespace sobremesa::sqlite {
namespace {

class MigrationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "migrations_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/sobremesa.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Connection> OpenRaw() {
    auto db = Connection::Open(path_, OpenMode::kReadWriteCreate);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(db).value();
  }

  std::int64_t QueryInt(Connection& db, const char* sql) {
    auto query = db.Prepare(sql);
    EXPECT_TRUE(query.ok()) << query.status().ToString();
    auto row = query->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return query->ColumnInt(0);
  }

  std::string dir_;
  std::string path_;
};

TEST_F(MigrationsTest, VersionsAreConsecutiveFromOne) {
  int expected = 1;
  for (const Migration& migration : SchemaMigrations()) {
    EXPECT_EQ(migration.version, expected++) << migration.description;
    EXPECT_FALSE(migration.description.empty());
  }
  EXPECT_EQ(LatestSchemaVersion(), expected - 1);
}

TEST_F(MigrationsTest, NewDatabaseIsMigratedToLatestAndEachStepRecorded) {
  auto db = OpenRaw();
  ASSERT_TRUE(Migrate(*db, LatestSchemaVersion()).ok());
  EXPECT_EQ(*SchemaVersion(*db), LatestSchemaVersion());
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schema_migrations WHERE applied_at > 0"),
            LatestSchemaVersion());
  EXPECT_EQ(QueryInt(*db,
                     "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                     "('restaurants', 'menu_items', 'guests', 'reservations', 'visits', "
                     "'order_lines', 'feedback', 'behaviour_events', 'social_mentions')"),
            9);
}

TEST_F(MigrationsTest, MigratingTwiceChangesNothing) {
  auto db = OpenRaw();
  ASSERT_TRUE(Migrate(*db, LatestSchemaVersion()).ok());
  Status again = Migrate(*db, LatestSchemaVersion());
  EXPECT_TRUE(again.ok()) << again.ToString();
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM schema_migrations"), LatestSchemaVersion());
}

TEST_F(MigrationsTest, UnknownTargetVersionIsInvalidArgument) {
  auto db = OpenRaw();
  EXPECT_EQ(Migrate(*db, LatestSchemaVersion() + 1).code(), StatusCode::kInvalidArgument);
}

TEST_F(MigrationsTest, OpeningUpgradesAnOlderDatabaseInPlaceKeepingItsData) {
  {
    auto db = OpenRaw();
    ASSERT_TRUE(Migrate(*db, 1).ok());
    ASSERT_TRUE(db->Exec(R"sql(
      INSERT INTO restaurants (id, external_id, name) VALUES (1, 'central', 'Central');
      INSERT INTO menu_items (id, restaurant_id, name_es, course, allergens, price_centimos)
        VALUES (10, 1, 'Ají de gallina', 'main', '["dairy","gluten"]', 5400);
      INSERT INTO guests (id, restaurant_id, external_id, name, allergies)
        VALUES (20, 1, 'G-1', 'Ñusta Quispe', '["shellfish"]');
      INSERT INTO visits (id, restaurant_id, guest_id, party_size, seated_at)
        VALUES (30, 1, 20, 2, 1767225600);
      INSERT INTO order_lines (restaurant_id, visit_id, item_id, quantity)
        VALUES (1, 30, 10, 2);
    )sql")
                    .ok());
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();

  auto guest = (*store)->GetGuest(1, 20);
  ASSERT_TRUE(guest.ok()) << guest.status().ToString();
  EXPECT_EQ(guest->name, "Ñusta Quispe");
  EXPECT_TRUE(guest->allergies.Contains(Allergen::kShellfish));
  auto item = (*store)->GetMenuItem(1, 10);
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->name_es, "Ají de gallina");
  auto history = (*store)->GuestItemHistory(1, 20);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].times_ordered, 2);

  store->reset();
  auto db = OpenRaw();
  EXPECT_EQ(*SchemaVersion(*db), LatestSchemaVersion());
}

TEST_F(MigrationsTest, DatabaseNewerThanTheBinaryIsRefusedNamingBothVersions) {
  const int future = LatestSchemaVersion() + 5;
  {
    auto db = OpenRaw();
    ASSERT_TRUE(Migrate(*db, LatestSchemaVersion()).ok());
    std::string sql = "INSERT INTO schema_migrations VALUES (" + std::to_string(future) +
                      ", 'from the future', 0)";
    ASSERT_TRUE(db->Exec(sql.c_str()).ok());
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find(std::to_string(future)), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find(std::to_string(LatestSchemaVersion()) + ")"),
            std::string::npos)
      << store.status().message();
}

TEST_F(MigrationsTest, FileThatIsNotADatabaseIsInternalError) {
  FILE* f = fopen(path_.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fputs("this is a CSV export, not a database\n", f);
  fclose(f);
  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInternal) << store.status().ToString();
}

}  // namespace
}  // namespace sobremesa::sqlite
