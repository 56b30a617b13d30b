#include "store/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/erasure_key.h"
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

  // A connection as the store's writer has it: migration 5 calls
  // erased_id_hash, here under a fixed key.
  std::unique_ptr<Connection> OpenRaw() {
    auto db = Connection::Open(path_, OpenMode::kReadWriteCreate);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_TRUE(DefineErasedIdHash(**db, ErasureKey(std::array<unsigned char, ErasureKey::kBytes>{7})).ok());
    return std::move(db).value();
  }

  std::string FileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
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

// Migration 4 kept an erased guest's external id (the POS's key to the
// person) in plain text to refuse a re-import; migration 5 keeps a keyed
// hash instead. After the upgrade the id is nowhere in the database files,
// and the same id is still refused.
TEST_F(MigrationsTest, ErasedExternalIdsBecomeKeyedHashesAndStayRefused) {
  const std::string pos_id = "POS-CLIENTE-000417";
  {
    auto db = OpenRaw();
    ASSERT_TRUE(Migrate(*db, 4).ok());
    const std::string sql =
        "INSERT INTO restaurants (id, external_id, name) VALUES (1, 'central', 'Central');"
        "INSERT INTO erased_guests (guest_id, restaurant_id, external_id, erased_at)"
        " VALUES (20, 1, '" + pos_id + "', 1767225600), (21, 1, '', 1767225600);";
    ASSERT_TRUE(db->Exec(sql.c_str()).ok());
  }
  ASSERT_NE(FileBytes(path_).find(pos_id), std::string::npos) << "the check must see it first";

  auto store = OpenSqliteStore(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Guest back{.restaurant_id = 1, .external_id = pos_id, .name = "Ana"};
  const Status refused = (*store)->UpsertGuests({&back, 1}).status();
  EXPECT_EQ(refused.code(), StatusCode::kAlreadyExists) << refused.ToString();
  EXPECT_NE(refused.message().find("erased at their request"), std::string::npos);
  Guest other{.restaurant_id = 1, .external_id = "POS-CLIENTE-000418", .name = "Luz"};
  EXPECT_TRUE((*store)->UpsertGuests({&other, 1}).ok());
  EXPECT_EQ(*(*store)->ListErasedGuestIds(1), (std::vector<Id>{20, 21}));
  store->reset();

  for (const std::string suffix : {"", "-wal", "-journal"}) {
    EXPECT_EQ(FileBytes(path_ + suffix).find(pos_id), std::string::npos) << path_ + suffix;
  }
  auto db = OpenRaw();
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM erased_guests WHERE length(external_id_hash) = 32"),
            1);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM erased_guests WHERE external_id_hash IS NULL"), 1);
  EXPECT_EQ(QueryInt(*db, "SELECT COUNT(*) FROM pragma_table_info('erased_guests')"
                          " WHERE name = 'external_id'"),
            0);
  struct stat key_file;
  ASSERT_EQ(stat(ErasureKeyPath(path_).c_str(), &key_file), 0);
  EXPECT_EQ(key_file.st_mode & 0777, 0600u) << "the key is readable by its owner only";
}

// The ids are hashed under the key beside the database: without it (a
// backup restored without the key) they could not be recognised, so the
// store refuses to open rather than make a new key that would let an erased
// guest back in.
TEST_F(MigrationsTest, AMissingOrDamagedKeyIsRefusedOnceIdsAreHashedUnderIt) {
  {
    auto store = OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Restaurant r{.external_id = "central", .name = "Central"};
    const Id restaurant = *(*store)->UpsertRestaurant(r);
    Guest ana{.restaurant_id = restaurant, .external_id = "G-1", .name = "Ana"};
    const Id id = (*store)->UpsertGuests({&ana, 1})->front();
    ASSERT_TRUE((*store)->EraseGuest(restaurant, id, 1767225600).ok());
  }
  const std::string key_path = ErasureKeyPath(path_);
  const std::string key = FileBytes(key_path);
  std::filesystem::remove(key_path);
  auto missing = OpenSqliteStore(path_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing.status().message().find(key_path), std::string::npos)
      << missing.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(key_path)) << "no new key is made";

  std::ofstream(key_path) << "not a key\n";
  auto damaged = OpenSqliteStore(path_);
  EXPECT_EQ(damaged.status().code(), StatusCode::kFailedPrecondition) << damaged.status().ToString();

  std::ofstream(key_path) << key;
  auto restored = OpenSqliteStore(path_);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  Guest back{.restaurant_id = 1, .external_id = "G-1", .name = "Ana"};
  EXPECT_EQ((*restored)->UpsertGuests({&back, 1}).status().code(), StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace sobremesa::sqlite
