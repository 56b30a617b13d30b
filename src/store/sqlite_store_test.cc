#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "store/guest_pages.h"
#include "store/guest_visit_reader.h"
#include "store/sqlite_statement.h"

namespace sobremesa {
namespace {

constexpr UnixSeconds kNight = 1767225600;  // 2026-01-01T00:00:00Z

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "sqlite_store_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/sobremesa.db";
    Reopen();
    r1_ = MustOk(store_->UpsertRestaurant({.external_id = "central", .name = "Central"}));
    r2_ = MustOk(store_->UpsertRestaurant({.external_id = "maido", .name = "Maido"}));
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Reopen() {
    store_.reset();
    auto store = OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  template <typename T>
  static T MustOk(StatusOr<T> result) {
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? std::move(result).value() : T{};
  }

  Id AddItem(Id restaurant, std::string name, Course course, std::string external_id = "") {
    MenuItem item{.restaurant_id = restaurant,
                  .external_id = std::move(external_id),
                  .name_es = std::move(name),
                  .course = course,
                  .price = 4500};
    return MustOk(store_->UpsertMenuItems({&item, 1}))[0];
  }
  Id AddGuest(Id restaurant, std::string name, std::string external_id = "") {
    Guest guest{.restaurant_id = restaurant,
                .external_id = std::move(external_id),
                .name = std::move(name)};
    return MustOk(store_->UpsertGuests({&guest, 1}))[0];
  }
  Id AddVisit(Id restaurant, std::optional<Id> guest, UnixSeconds seated_at) {
    Visit visit{.restaurant_id = restaurant, .guest_id = guest, .seated_at = seated_at};
    return MustOk(store_->UpsertVisits({&visit, 1}))[0];
  }
  void AddLines(Id restaurant, Id visit, std::vector<Id> items, UnixSeconds at = 0) {
    std::vector<OrderLine> lines;
    for (Id item : items) {
      lines.push_back(
          {.restaurant_id = restaurant, .visit_id = visit, .item_id = item, .ordered_at = at});
    }
    MustOk(store_->UpsertOrderLines(lines));
  }
  EntityCounts CountsOf(Id restaurant) { return MustOk(store_->Counts(restaurant)); }

  std::string dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
  Id r1_ = 0;
  Id r2_ = 0;
};

// ---- Round trips -----------------------------------------------------------

TEST_F(SqliteStoreTest, RestaurantRoundTripsAndIsMatchedByExternalId) {
  EXPECT_EQ(MustOk(store_->GetRestaurant(r1_)).name, "Central");
  Id again = MustOk(store_->UpsertRestaurant(
      {.external_id = "central", .name = "Central · Barranco", .timezone = "America/Lima"}));
  EXPECT_EQ(again, r1_);
  EXPECT_EQ(MustOk(store_->GetRestaurant(r1_)).name, "Central · Barranco");
  EXPECT_EQ(MustOk(store_->ListRestaurants()).size(), 2u);
  EXPECT_TRUE(store_->GetRestaurant(999).status().IsNotFound());
  EXPECT_TRUE(store_->UpsertRestaurant({.id = 999, .name = "x"}).status().IsNotFound());
}

TEST_F(SqliteStoreTest, MenuItemRoundTripsEveryFieldByteExact) {
  MenuItem in{.restaurant_id = r1_,
              .external_id = "POS-ají-1",
              .name_es = "Ají de gallina 🌶️",
              .name_en = "Creamy chicken in ají amarillo",
              .course = Course::kMain,
              .category = "criollo",
              .ingredients = {"ají amarillo", "pecana", "leche", "ñame"},
              .allergens = {Allergen::kDairy, Allergen::kGluten, Allergen::kTreeNut},
              .diet_tags = {DietTag::kGlutenFree},
              .spice_level = 2,
              .price = 5450,
              .available = false};
  Id id = MustOk(store_->UpsertMenuItems({&in, 1}))[0];
  MenuItem out = MustOk(store_->GetMenuItem(r1_, id));
  EXPECT_EQ(out.id, id);
  EXPECT_EQ(out.restaurant_id, r1_);
  EXPECT_EQ(out.external_id, in.external_id);
  EXPECT_EQ(out.name_es, in.name_es);
  EXPECT_EQ(out.name_en, in.name_en);
  EXPECT_EQ(out.course, in.course);
  EXPECT_EQ(out.category, in.category);
  EXPECT_EQ(out.ingredients, in.ingredients);
  EXPECT_EQ(out.allergens, in.allergens);
  EXPECT_EQ(out.diet_tags, in.diet_tags);
  EXPECT_EQ(out.spice_level, in.spice_level);
  EXPECT_EQ(out.price, in.price);
  EXPECT_EQ(out.available, in.available);
}

TEST_F(SqliteStoreTest, GuestRoundTripsEveryFieldByteExact) {
  Guest in{.restaurant_id = r1_,
           .external_id = "G-ñ-7",
           .name = "María José Ñahui 🎂",
           .email = "mj@ejemplo.pe",
           .phone = "+51 999 888 777",
           .language = Language::kPortuguese,
           .allergies = {Allergen::kShellfish, Allergen::kPeanut},
           .dietary_needs = {DietTag::kPescatarian},
           .preferences = {"seafood", "pisco", "picante"},
           .consent = {.personalization = true, .marketing = false, .updated_at = kNight - 60},
           .created_at = kNight - 3600};
  Id id = MustOk(store_->UpsertGuests({&in, 1}))[0];
  Guest out = MustOk(store_->GetGuest(r1_, id));
  EXPECT_EQ(out.external_id, in.external_id);
  EXPECT_EQ(out.name, in.name);
  EXPECT_EQ(out.email, in.email);
  EXPECT_EQ(out.phone, in.phone);
  EXPECT_EQ(out.language, in.language);
  EXPECT_EQ(out.allergies, in.allergies);
  EXPECT_EQ(out.dietary_needs, in.dietary_needs);
  EXPECT_EQ(out.preferences, in.preferences);
  EXPECT_EQ(out.consent.personalization, true);
  EXPECT_EQ(out.consent.marketing, false);
  EXPECT_EQ(out.consent.updated_at, in.consent.updated_at);
  EXPECT_EQ(out.created_at, in.created_at);
}

TEST_F(SqliteStoreTest, ReservationVisitAndOrderLineRoundTrip) {
  Id guest = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Lomo saltado", Course::kMain);
  Reservation reservation{.restaurant_id = r1_,
                          .external_id = "R-1",
                          .guest_id = guest,
                          .reserved_for = kNight + 72000,
                          .party_size = 4,
                          .status = ReservationStatus::kNoShow,
                          .channel = "whatsapp",
                          .deposit = 10000,
                          .created_at = kNight};
  Id reservation_id = MustOk(store_->UpsertReservations({&reservation, 1}))[0];
  Reservation r = MustOk(store_->GetReservation(r1_, reservation_id));
  EXPECT_EQ(r.guest_id, guest);
  EXPECT_EQ(r.reserved_for, reservation.reserved_for);
  EXPECT_EQ(r.party_size, 4);
  EXPECT_EQ(r.status, ReservationStatus::kNoShow);
  EXPECT_EQ(r.channel, "whatsapp");
  EXPECT_EQ(r.deposit, 10000);
  EXPECT_EQ(r.created_at, kNight);

  Visit visit{.restaurant_id = r1_,
              .external_id = "V-1",
              .guest_id = guest,
              .reservation_id = reservation_id,
              .party_size = 3,
              .table = "Terraza 4",
              .seated_at = kNight + 72000,
              .closed_at = kNight + 79200,
              .spend = 123450,
              .occasion = "anniversary"};
  Id visit_id = MustOk(store_->UpsertVisits({&visit, 1}))[0];
  Visit v = MustOk(store_->GetVisit(r1_, visit_id));
  EXPECT_EQ(v.guest_id, guest);
  EXPECT_EQ(v.reservation_id, reservation_id);
  EXPECT_EQ(v.party_size, 3);
  EXPECT_EQ(v.table, "Terraza 4");
  EXPECT_EQ(v.seated_at, visit.seated_at);
  EXPECT_EQ(v.closed_at, visit.closed_at);
  EXPECT_EQ(v.spend, 123450);
  EXPECT_EQ(v.occasion, "anniversary");

  Visit walk_in{.restaurant_id = r1_, .seated_at = kNight};
  Visit w = MustOk(store_->GetVisit(r1_, MustOk(store_->UpsertVisits({&walk_in, 1}))[0]));
  EXPECT_FALSE(w.guest_id.has_value());
  EXPECT_FALSE(w.reservation_id.has_value());
  EXPECT_FALSE(w.closed_at.has_value());

  OrderLine line{.restaurant_id = r1_,
                 .external_id = "L-1",
                 .visit_id = visit_id,
                 .item_id = item,
                 .quantity = 2,
                 .modifiers = {"sin cebolla", "término medio"},
                 .ordered_at = kNight + 72600};
  Id line_id = MustOk(store_->UpsertOrderLines({&line, 1}))[0];
  std::vector<OrderLine> lines = MustOk(store_->ListVisitOrders(r1_, visit_id));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].id, line_id);
  EXPECT_EQ(lines[0].external_id, "L-1");
  EXPECT_EQ(lines[0].item_id, item);
  EXPECT_EQ(lines[0].quantity, 2);
  EXPECT_EQ(lines[0].modifiers, line.modifiers);
  EXPECT_EQ(lines[0].ordered_at, line.ordered_at);
}

TEST_F(SqliteStoreTest, FeedbackAndMentionRoundTripWithAbsentOptionals) {
  Id guest = AddGuest(r1_, "Tom");
  Feedback in{.restaurant_id = r1_,
              .external_id = "S-9",
              .guest_id = guest,
              .nps = 0,
              .stars = {.food = 5, .service = 1, .drinks = 3},
              .text = "El cebiche, ¡buenazo! 😋 pero el servicio lento",
              .language = Language::kSpanish,
              .channel = "survey",
              .created_at = kNight};
  Feedback out = MustOk(store_->GetFeedback(r1_, MustOk(store_->UpsertFeedback({&in, 1}))[0]));
  EXPECT_EQ(out.guest_id, guest);
  EXPECT_FALSE(out.visit_id.has_value());
  EXPECT_EQ(out.nps, 0);
  EXPECT_EQ(out.stars.food, 5);
  EXPECT_EQ(out.stars.service, 1);
  EXPECT_FALSE(out.stars.ambience.has_value());
  EXPECT_FALSE(out.stars.value.has_value());
  EXPECT_EQ(out.stars.drinks, 3);
  EXPECT_EQ(out.text, in.text);
  EXPECT_EQ(out.channel, "survey");
  EXPECT_EQ(out.created_at, kNight);

  SocialMention mention{.restaurant_id = r1_,
                        .external_id = "ig-1",
                        .platform = "instagram",
                        .author = "@limeñísima",
                        .text = "Best pisco sour in Lima 🍸",
                        .language = Language::kEnglish,
                        .url = "https://instagram.com/p/1",
                        .posted_at = kNight};
  SocialMention m =
      MustOk(store_->GetMention(r1_, MustOk(store_->UpsertMentions({&mention, 1}))[0]));
  EXPECT_EQ(m.platform, "instagram");
  EXPECT_EQ(m.author, "@limeñísima");
  EXPECT_EQ(m.text, mention.text);
  EXPECT_EQ(m.language, Language::kEnglish);
  EXPECT_FALSE(m.rating.has_value());
  EXPECT_EQ(m.url, mention.url);
  EXPECT_EQ(m.posted_at, kNight);
}

TEST_F(SqliteStoreTest, ListValuesNeedingJsonEscapesRoundTrip) {
  Guest in{.restaurant_id = r1_,
           .preferences = {"say \"sí\"", "back\\slash", "two\nlines", "", "[],{}"}};
  Guest out = MustOk(store_->GetGuest(r1_, MustOk(store_->UpsertGuests({&in, 1}))[0]));
  EXPECT_EQ(out.preferences, in.preferences);
}

// Analysts may write lists by hand in any valid JSON spelling.
TEST_F(SqliteStoreTest, ListsWrittenByOtherProgramsAreReadAsJson) {
  Id id = AddGuest(r1_, "Ana");
  {
    auto db = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE guests SET preferences = '[ \"pisco\" , \"\\u00f1o\\u00f1o\" ]',"
                           " allergies = json_array('fish', 'egg')")
                    .ok());
  }
  Guest out = MustOk(store_->GetGuest(r1_, id));
  EXPECT_EQ(out.preferences, (std::vector<std::string>{"pisco", "ñoño"}));
  EXPECT_EQ(out.allergies, (AllergenSet{Allergen::kFish, Allergen::kEgg}));
}

TEST_F(SqliteStoreTest, AStoredListThatIsNotJsonTextIsAnInternalError) {
  Id id = AddGuest(r1_, "Ana");
  {
    auto db = sqlite::Connection::Open(path_, sqlite::OpenMode::kReadWriteCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE guests SET preferences = '[1, 2]'").ok());
  }
  EXPECT_EQ(store_->GetGuest(r1_, id).status().code(), StatusCode::kInternal);
}

TEST_F(SqliteStoreTest, ListTextWithInvalidUtf8IsRefusedAsInvalidArgument) {
  Guest guest{.restaurant_id = r1_, .name = "Ok", .preferences = {"ok", "bad \xC3("}};
  auto ids = store_->UpsertGuests({&guest, 1});
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kInvalidArgument) << ids.status().ToString();
  EXPECT_EQ(CountsOf(r1_).guests, 0);
}

// ---- Matching rules --------------------------------------------------------

TEST_F(SqliteStoreTest, ReimportingByExternalIdUpdatesInPlaceAndAddsNothing) {
  std::vector<Guest> batch = {{.restaurant_id = r1_, .external_id = "G-1", .name = "Ana"},
                              {.restaurant_id = r1_, .external_id = "G-2", .name = "Beto"}};
  std::vector<Id> first = MustOk(store_->UpsertGuests(batch));
  batch[1].name = "Alberto";
  std::vector<Id> second = MustOk(store_->UpsertGuests(batch));
  EXPECT_EQ(first, second);
  EXPECT_EQ(CountsOf(r1_).guests, 2);
  EXPECT_EQ(MustOk(store_->GetGuest(r1_, second[1])).name, "Alberto");
}

TEST_F(SqliteStoreTest, RecordsWithoutExternalIdAreAlwaysInserted) {
  std::vector<Guest> batch(3, Guest{.restaurant_id = r1_, .name = "Walk-in"});
  MustOk(store_->UpsertGuests(batch));
  MustOk(store_->UpsertGuests(batch));
  EXPECT_EQ(CountsOf(r1_).guests, 6);
}

TEST_F(SqliteStoreTest, UpdateByIdReplacesTheRecord) {
  Id id = AddGuest(r1_, "Ana", "G-1");
  Guest changed{.id = id,
                .restaurant_id = r1_,
                .external_id = "G-1",
                .name = "Ana Lucía",
                .allergies = {Allergen::kFish}};
  EXPECT_EQ(MustOk(store_->UpsertGuests({&changed, 1}))[0], id);
  Guest out = MustOk(store_->GetGuest(r1_, id));
  EXPECT_EQ(out.name, "Ana Lucía");
  EXPECT_TRUE(out.allergies.Contains(Allergen::kFish));
  EXPECT_EQ(CountsOf(r1_).guests, 1);
}

TEST_F(SqliteStoreTest, UpdateByIdOfARecordNotInTheRestaurantIsNotFound) {
  Id other = AddGuest(r2_, "Of Maido");
  Guest update{.id = other, .restaurant_id = r1_, .name = "hijacked"};
  auto result = store_->UpsertGuests({&update, 1});
  ASSERT_TRUE(result.status().IsNotFound()) << result.status().ToString();
  EXPECT_EQ(result.status().message(), "guest 0: id " + std::to_string(other) +
                                           " not found in restaurant " + std::to_string(r1_));
  EXPECT_EQ(MustOk(store_->GetGuest(r2_, other)).name, "Of Maido");
}

TEST_F(SqliteStoreTest, UpdateByIdToAnExternalIdAlreadyTakenIsAlreadyExists) {
  AddGuest(r1_, "Ana", "G-1");
  Id beto = AddGuest(r1_, "Beto", "G-2");
  Guest clash{.id = beto, .restaurant_id = r1_, .external_id = "G-1", .name = "Beto"};
  const Status refused = store_->UpsertGuests({&clash, 1}).status();
  EXPECT_EQ(refused.code(), StatusCode::kAlreadyExists);
  // Which record holds the key, not SQLite's "UNIQUE constraint failed: ...".
  EXPECT_EQ(refused.record_reason(),
            "external_id: 'G-1' is already guest " +
                std::to_string(*store_->FindByExternalId(r1_, EntityKind::kGuest, "G-1")) + "'s");
  EXPECT_EQ(MustOk(store_->GetGuest(r1_, beto)).external_id, "G-2") << "unchanged";
}

TEST_F(SqliteStoreTest, AppendedEventsAreIdempotentOnlyWhenTheyHaveAnExternalId) {
  Id guest = AddGuest(r1_, "Ana");
  std::vector<BehaviourEvent> events = {
      {.restaurant_id = r1_, .external_id = "e-1", .guest_id = guest, .at = kNight},
      {.restaurant_id = r1_, .guest_id = guest, .type = EventType::kSentBack, .at = kNight}};
  std::vector<Id> first = MustOk(store_->AppendEvents(events));
  std::vector<Id> second = MustOk(store_->AppendEvents(events));
  EXPECT_EQ(first[0], second[0]);
  EXPECT_NE(first[1], second[1]);
  EXPECT_EQ(CountsOf(r1_).events, 3);
  EXPECT_EQ(MustOk(store_->FindByExternalId(r1_, EntityKind::kEvent, "e-1")), first[0]);

  BehaviourEvent with_id = events[1];
  with_id.id = first[1];
  EXPECT_EQ(store_->AppendEvents({&with_id, 1}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, FindByExternalIdFindsEachKindWithinItsRestaurantOnly) {
  Id guest = AddGuest(r1_, "Ana", "G-1");
  Id item = AddItem(r1_, "Causa limeña", Course::kStarter, "M-1");
  EXPECT_EQ(MustOk(store_->FindByExternalId(r1_, EntityKind::kGuest, "G-1")), guest);
  EXPECT_EQ(MustOk(store_->FindByExternalId(r1_, EntityKind::kMenuItem, "M-1")), item);
  EXPECT_TRUE(store_->FindByExternalId(r2_, EntityKind::kGuest, "G-1").status().IsNotFound());
  EXPECT_TRUE(store_->FindByExternalId(r1_, EntityKind::kVisit, "G-1").status().IsNotFound());
  EXPECT_EQ(store_->FindByExternalId(r1_, EntityKind::kGuest, "").status().code(),
            StatusCode::kInvalidArgument);
}

// ---- Tenancy ---------------------------------------------------------------

TEST_F(SqliteStoreTest, ARestaurantCannotReadAnotherRestaurantsRecords) {
  Id guest = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Pulpo al olivo", Course::kStarter);
  Id visit = AddVisit(r1_, guest, kNight);
  AddLines(r1_, visit, {item});

  EXPECT_TRUE(store_->GetGuest(r2_, guest).status().IsNotFound());
  EXPECT_TRUE(store_->GetMenuItem(r2_, item).status().IsNotFound());
  EXPECT_TRUE(store_->GetVisit(r2_, visit).status().IsNotFound());
  EXPECT_TRUE(store_->GuestItemHistory(r2_, guest).status().IsNotFound());
  EXPECT_TRUE(store_->ListGuestVisits(r2_, guest).status().IsNotFound());
  EXPECT_TRUE(store_->ListVisitOrders(r2_, visit).status().IsNotFound());
  EXPECT_TRUE(MustOk(store_->ListMenu(r2_)).empty());
  EXPECT_TRUE(MustOk(store_->ListGuests(r2_, 10, 0)).empty());
  int baskets = 0;
  ASSERT_TRUE(store_->ForEachBasket(r2_, [&](const Basket&) { ++baskets; }).ok());
  EXPECT_EQ(baskets, 0);
  EXPECT_EQ(CountsOf(r2_).guests, 0);
}

TEST_F(SqliteStoreTest, TheSameExternalIdInTwoRestaurantsNamesTwoRecords) {
  Id a = AddGuest(r1_, "Ana", "G-1");
  Id b = AddGuest(r2_, "Bea", "G-1");
  EXPECT_NE(a, b);
  EXPECT_EQ(MustOk(store_->GetGuest(r1_, a)).name, "Ana");
  EXPECT_EQ(MustOk(store_->GetGuest(r2_, b)).name, "Bea");
}

TEST_F(SqliteStoreTest, ReadsOfAnUnknownRestaurantAreNotFound) {
  EXPECT_TRUE(store_->ListMenu(999).status().IsNotFound());
  EXPECT_TRUE(store_->ListGuests(999, 10, 0).status().IsNotFound());
  EXPECT_TRUE(store_->ListReservations(999, 0, kNight).status().IsNotFound());
  EXPECT_TRUE(store_->Counts(999).status().IsNotFound());
  EXPECT_TRUE(store_->ForEachBasket(999, [](const Basket&) {}).IsNotFound());
}

// A reference to a record that is missing, or that belongs to the other
// restaurant, fails the batch with NotFound naming the record and reference.
TEST_F(SqliteStoreTest, MissingOrForeignReferencesAreNotFoundNamingRecordAndReference) {
  Id guest2 = AddGuest(r2_, "Of Maido");
  Id item2 = AddItem(r2_, "Cebiche nikkei", Course::kStarter);
  Id visit2 = AddVisit(r2_, guest2, kNight);
  Id guest1 = AddGuest(r1_, "Ana");
  Id visit1 = AddVisit(r1_, guest1, kNight);
  const std::string in_r1 = " not found in restaurant " + std::to_string(r1_);
  auto id = [](Id v) { return std::to_string(v); };

  Reservation reservation{.restaurant_id = r1_, .guest_id = guest2};
  Visit visit_foreign_guest{.restaurant_id = r1_, .guest_id = guest2};
  Visit visit_missing_reservation{.restaurant_id = r1_, .reservation_id = 777};
  OrderLine line_foreign_item{.restaurant_id = r1_, .visit_id = visit1, .item_id = item2};
  OrderLine line_foreign_visit{.restaurant_id = r1_, .visit_id = visit2, .item_id = item2};
  Feedback feedback{.restaurant_id = r1_, .visit_id = 4242};
  BehaviourEvent event{.restaurant_id = r1_, .guest_id = guest2};
  Guest unknown_restaurant{.restaurant_id = 42, .name = "x"};

  struct Case {
    const char* what;
    Status status;
    std::string message;
  } cases[] = {
      {"reservation guest", store_->UpsertReservations({&reservation, 1}).status(),
       "reservation 0: guest " + id(guest2) + in_r1},
      {"visit guest", store_->UpsertVisits({&visit_foreign_guest, 1}).status(),
       "visit 0: guest " + id(guest2) + in_r1},
      {"visit reservation", store_->UpsertVisits({&visit_missing_reservation, 1}).status(),
       "visit 0: reservation 777" + in_r1},
      {"line item", store_->UpsertOrderLines({&line_foreign_item, 1}).status(),
       "order line 0: item " + id(item2) + in_r1},
      {"line visit first", store_->UpsertOrderLines({&line_foreign_visit, 1}).status(),
       "order line 0: visit " + id(visit2) + in_r1},
      {"feedback visit", store_->UpsertFeedback({&feedback, 1}).status(),
       "feedback 0: visit 4242" + in_r1},
      {"event guest", store_->AppendEvents({&event, 1}).status(),
       "event 0: guest " + id(guest2) + in_r1},
      {"restaurant", store_->UpsertGuests({&unknown_restaurant, 1}).status(),
       "guest 0: restaurant 42 not found"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(c.status.IsNotFound()) << c.what << ": " << c.status.ToString();
    EXPECT_EQ(c.status.message(), c.message) << c.what;
  }
  EXPECT_EQ(CountsOf(r1_).visits, 1);
  EXPECT_EQ(CountsOf(r1_).order_lines, 0);
}

TEST_F(SqliteStoreTest, ValuesOutOfRangeAreInvalidArgumentNamingRecordAndRule) {
  Id guest = AddGuest(r1_, "Ana");
  MenuItem spicy{.restaurant_id = r1_, .name_es = "Rocoto relleno", .spice_level = 7};
  Visit empty_party{.restaurant_id = r1_, .guest_id = guest, .party_size = 0};
  Feedback nps{.restaurant_id = r1_, .nps = 11};
  SocialMention rating{.restaurant_id = r1_, .rating = 6};
  struct Case {
    Status status;
    std::string prefix, rule;
  } cases[] = {
      {store_->UpsertMenuItems({&spicy, 1}).status(), "menu item 0: ", "spice_level"},
      {store_->UpsertVisits({&empty_party, 1}).status(), "visit 0: ", "party_size"},
      {store_->UpsertFeedback({&nps, 1}).status(), "feedback 0: ", "nps"},
      {store_->UpsertMentions({&rating, 1}).status(), "mention 0: ", "rating"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.status.code(), StatusCode::kInvalidArgument) << c.status.ToString();
    EXPECT_EQ(c.status.message().rfind(c.prefix, 0), 0u) << c.status.message();
    EXPECT_NE(c.status.message().find(c.rule), std::string::npos) << c.status.message();
  }
}

// ---- Atomicity -------------------------------------------------------------

TEST_F(SqliteStoreTest, ABatchWithOneBadReferenceStoresNothingAndKeepsEarlierData) {
  Id guest = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Arroz con pato", Course::kMain);
  Id visit = AddVisit(r1_, guest, kNight);
  AddLines(r1_, visit, {item});

  std::vector<OrderLine> batch(5,
                               OrderLine{.restaurant_id = r1_, .visit_id = visit, .item_id = item});
  batch[0].external_id = "L-new";
  batch[3].item_id = 999;
  auto result = store_->UpsertOrderLines(batch);
  ASSERT_TRUE(result.status().IsNotFound());
  EXPECT_EQ(result.status().message(),
            "order line 3: item 999 not found in restaurant " + std::to_string(r1_));
  // The refused record is also data, for callers that name it otherwise.
  EXPECT_EQ(result.status().record_index(), 3u);
  EXPECT_EQ(result.status().record_reason(),
            "item 999 not found in restaurant " + std::to_string(r1_));

  EXPECT_EQ(CountsOf(r1_).order_lines, 1);
  EXPECT_TRUE(store_->FindByExternalId(r1_, EntityKind::kOrderLine, "L-new").status().IsNotFound());
  EXPECT_EQ(MustOk(store_->ListVisitOrders(r1_, visit)).size(), 1u);
  // The writer is usable again after the rollback.
  batch[3].item_id = item;
  EXPECT_EQ(MustOk(store_->UpsertOrderLines(batch)).size(), 5u);
}

TEST_F(SqliteStoreTest, AFailedUpdateInABatchRollsBackTheUpdatesBeforeIt) {
  Id ana = AddGuest(r1_, "Ana", "G-1");
  std::vector<Guest> batch = {{.restaurant_id = r1_, .external_id = "G-1", .name = "Changed"},
                              {.id = 123456, .restaurant_id = r1_, .name = "Ghost"}};
  EXPECT_TRUE(store_->UpsertGuests(batch).status().IsNotFound());
  EXPECT_EQ(MustOk(store_->GetGuest(r1_, ana)).name, "Ana");
}

// ---- Queries ---------------------------------------------------------------

TEST_F(SqliteStoreTest, GuestsWithPastVisitsComeWithThoseVisitsOldestFirst) {
  const Id ana = AddGuest(r1_, "Ana");
  const Id luis = AddGuest(r1_, "Luis");
  AddGuest(r1_, "Rosa");  // never visited
  const Id later = AddVisit(r1_, ana, kNight + 7200);
  const Id earlier = AddVisit(r1_, ana, kNight);
  AddVisit(r1_, ana, kNight + 86400);  // after `now`
  AddVisit(r1_, luis, kNight + 86400);  // Luis's only visit is after `now`
  AddVisit(r2_, AddGuest(r2_, "Eva"), kNight);  // another restaurant's guest

  std::vector<std::pair<Id, std::vector<Id>>> seen;
  ASSERT_TRUE(ForEachGuestWithPastVisits(*store_, r1_, kNight + 3600 * 3,
                                         [&](const Guest& g, std::vector<Visit> visits) {
                                           std::vector<Id> ids;
                                           for (const Visit& v : visits) ids.push_back(v.id);
                                           seen.push_back({g.id, ids});
                                         })
                  .ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].first, ana);
  EXPECT_EQ(seen[0].second, (std::vector<Id>{earlier, later}));
}

TEST_F(SqliteStoreTest, ListMenuIsOrderedByServiceCourseThenId) {
  Id pisco = AddItem(r1_, "Pisco sour", Course::kDrink);
  Id suspiro = AddItem(r1_, "Suspiro a la limeña", Course::kDessert);
  Id lomo = AddItem(r1_, "Lomo saltado", Course::kMain);
  Id causa = AddItem(r1_, "Causa", Course::kStarter);
  Id seco = AddItem(r1_, "Seco de cordero", Course::kMain);
  std::vector<Id> ids;
  for (const MenuItem& item : MustOk(store_->ListMenu(r1_))) ids.push_back(item.id);
  EXPECT_EQ(ids, (std::vector<Id>{causa, lomo, seco, suspiro, pisco}));
}

TEST_F(SqliteStoreTest, ListGuestsPagesById) {
  std::vector<Id> all;
  for (int i = 0; i < 5; ++i) all.push_back(AddGuest(r1_, std::to_string(i)));
  std::vector<Guest> page = MustOk(store_->ListGuests(r1_, 2, 3));
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].id, all[3]);
  EXPECT_EQ(page[1].id, all[4]);
  EXPECT_EQ(store_->ListGuests(r1_, -1, 0).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, ListReservationsReturnsTheHalfOpenWindowInTimeOrder) {
  std::vector<Reservation> book;
  for (UnixSeconds at : {kNight + 300, kNight, kNight + 3600, kNight - 1, kNight + 100}) {
    book.push_back({.restaurant_id = r1_, .reserved_for = at});
  }
  MustOk(store_->UpsertReservations(book));
  std::vector<UnixSeconds> times;
  for (const Reservation& r : MustOk(store_->ListReservations(r1_, kNight, kNight + 3600))) {
    times.push_back(r.reserved_for);
  }
  EXPECT_EQ(times, (std::vector<UnixSeconds>{kNight, kNight + 100, kNight + 300}));
}

TEST_F(SqliteStoreTest, ListGuestVisitsIsChronological) {
  Id guest = AddGuest(r1_, "Ana");
  Id later = AddVisit(r1_, guest, kNight + 86400);
  Id earlier = AddVisit(r1_, guest, kNight);
  AddVisit(r1_, std::nullopt, kNight);
  std::vector<Visit> visits = MustOk(store_->ListGuestVisits(r1_, guest));
  ASSERT_EQ(visits.size(), 2u);
  EXPECT_EQ(visits[0].id, earlier);
  EXPECT_EQ(visits[1].id, later);
  EXPECT_TRUE(MustOk(store_->ListGuestVisits(r1_, AddGuest(r1_, "New"))).empty());
}

TEST_F(SqliteStoreTest, GuestItemHistorySumsQuantitiesAndCountsDistinctVisits) {
  Id ana = AddGuest(r1_, "Ana");
  Id other = AddGuest(r1_, "Beto");
  Id ceviche = AddItem(r1_, "Ceviche clásico", Course::kStarter);
  Id pisco = AddItem(r1_, "Pisco sour", Course::kDrink);
  Id first = AddVisit(r1_, ana, kNight);
  Id second = AddVisit(r1_, ana, kNight + 86400);
  Id not_hers = AddVisit(r1_, other, kNight);
  AddLines(r1_, first, {ceviche, pisco, pisco}, kNight + 600);
  OrderLine triple{.restaurant_id = r1_, .visit_id = second, .item_id = pisco, .quantity = 3};
  MustOk(store_->UpsertOrderLines({&triple, 1}));  // no ordered_at: counts as seated_at
  AddLines(r1_, not_hers, {ceviche, ceviche}, kNight);

  std::vector<ItemHistory> history = MustOk(store_->GuestItemHistory(r1_, ana));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].item_id, ceviche);
  EXPECT_EQ(history[0].times_ordered, 1);
  EXPECT_EQ(history[0].visits, 1);
  EXPECT_EQ(history[0].last_ordered_at, kNight + 600);
  EXPECT_EQ(history[1].item_id, pisco);
  EXPECT_EQ(history[1].times_ordered, 5);
  EXPECT_EQ(history[1].visits, 2);
  EXPECT_EQ(history[1].last_ordered_at, kNight + 86400);

  EXPECT_TRUE(MustOk(store_->GuestItemHistory(r1_, AddGuest(r1_, "New"))).empty());
  EXPECT_TRUE(store_->GuestItemHistory(r1_, 987654).status().IsNotFound());
}

TEST_F(SqliteStoreTest, ForEachBasketGivesDistinctSortedItemsPerVisitInVisitOrder) {
  Id ana = AddGuest(r1_, "Ana");
  Id a = AddItem(r1_, "Anticuchos", Course::kStarter);
  Id b = AddItem(r1_, "Picarones", Course::kDessert);
  Id c = AddItem(r1_, "Chicha morada", Course::kDrink);
  Visit birthday{.restaurant_id = r1_,
                 .guest_id = ana,
                 .party_size = 6,
                 .seated_at = kNight,
                 .occasion = "birthday"};
  Id v1 = MustOk(store_->UpsertVisits({&birthday, 1}))[0];
  Id empty = AddVisit(r1_, ana, kNight);
  Id v3 = AddVisit(r1_, std::nullopt, kNight + 60);
  AddLines(r1_, v1, {c, a, c, b});
  AddLines(r1_, v3, {b});
  AddLines(r2_, AddVisit(r2_, std::nullopt, kNight), {AddItem(r2_, "x", Course::kMain)});

  std::vector<Basket> baskets;
  ASSERT_TRUE(
      store_->ForEachBasket(r1_, [&](const Basket& basket) { baskets.push_back(basket); }).ok());
  ASSERT_EQ(baskets.size(), 2u) << "visit " << empty << " has no lines and is skipped";
  EXPECT_EQ(baskets[0].visit_id, v1);
  EXPECT_EQ(baskets[0].guest_id, ana);
  EXPECT_EQ(baskets[0].seated_at, kNight);
  EXPECT_EQ(baskets[0].party_size, 6);
  EXPECT_EQ(baskets[0].occasion, "birthday");
  EXPECT_EQ(baskets[0].item_ids, (std::vector<Id>{a, b, c}));
  EXPECT_EQ(baskets[1].visit_id, v3);
  EXPECT_FALSE(baskets[1].guest_id.has_value());
  EXPECT_EQ(baskets[1].item_ids, (std::vector<Id>{b}));
}

TEST_F(SqliteStoreTest, ListItemEventsAndFeedbackGiveTheRestaurantsSignals) {
  Id ana = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Causa limeña", Course::kStarter);
  Id visit = AddVisit(r1_, ana, kNight);
  const BehaviourEvent events[] = {
      {.restaurant_id = r1_, .guest_id = ana, .item_id = item, .type = EventType::kSentBack,
       .at = kNight + 60},
      {.restaurant_id = r1_, .guest_id = ana, .type = EventType::kFeedbackGiven, .at = kNight},
      {.restaurant_id = r1_, .guest_id = ana, .item_id = item, .type = EventType::kViewed,
       .at = kNight + 30}};
  MustOk(store_->AppendEvents(events));
  Feedback f{.restaurant_id = r1_, .guest_id = ana, .visit_id = visit};
  f.stars.food = 2;
  MustOk(store_->UpsertFeedback({&f, 1}));

  std::vector<BehaviourEvent> listed = MustOk(store_->ListItemEvents(r1_));
  ASSERT_EQ(listed.size(), 2u) << "the event without an item is left out";
  EXPECT_EQ(listed[0].type, EventType::kViewed);
  EXPECT_EQ(listed[1].type, EventType::kSentBack);
  std::vector<Feedback> feedback = MustOk(store_->ListFeedback(r1_));
  ASSERT_EQ(feedback.size(), 1u);
  EXPECT_EQ(feedback[0].stars.food, 2);
  EXPECT_TRUE(MustOk(store_->ListFeedback(r2_)).empty());
  EXPECT_TRUE(store_->ListItemEvents(999).status().IsNotFound());
}

TEST_F(SqliteStoreTest, CountsCountEachKindForTheRestaurant) {
  Id guest = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Mazamorra morada", Course::kDessert);
  Id visit = AddVisit(r1_, guest, kNight);
  AddLines(r1_, visit, {item, item});
  Reservation reservation{.restaurant_id = r1_, .guest_id = guest, .reserved_for = kNight};
  MustOk(store_->UpsertReservations({&reservation, 1}));
  Feedback feedback{.restaurant_id = r1_, .guest_id = guest, .nps = 9};
  MustOk(store_->UpsertFeedback({&feedback, 1}));
  SocialMention mention{.restaurant_id = r1_, .text = "rico"};
  MustOk(store_->UpsertMentions({&mention, 1}));
  BehaviourEvent event{.restaurant_id = r1_, .guest_id = guest, .at = kNight};
  MustOk(store_->AppendEvents({&event, 1}));
  AddGuest(r2_, "Elsewhere");

  EntityCounts n = CountsOf(r1_);
  EXPECT_EQ(n.menu_items, 1);
  EXPECT_EQ(n.guests, 1);
  EXPECT_EQ(n.reservations, 1);
  EXPECT_EQ(n.visits, 1);
  EXPECT_EQ(n.order_lines, 2);
  EXPECT_EQ(n.feedback, 1);
  EXPECT_EQ(n.events, 1);
  EXPECT_EQ(n.mentions, 1);
}

TEST_F(SqliteStoreTest, CountGuestsCountsOnlyTheRestaurantsGuests) {
  AddGuest(r1_, "Ana");
  AddGuest(r1_, "Luis");
  AddGuest(r2_, "Elsewhere");
  EXPECT_EQ(MustOk(store_->CountGuests(r1_)), 2);
  EXPECT_EQ(MustOk(store_->CountGuests(r2_)), 1);
  EXPECT_TRUE(store_->CountGuests(r2_ + 100).status().IsNotFound());
}

// ---- Erasure ---------------------------------------------------------------

TEST_F(SqliteStoreTest, ErasingAGuestRemovesWhatWasRecordedOfThemAndUnlinksOthers) {
  const Id ana = AddGuest(r1_, "Ana", "G-1");
  const Id tom = AddGuest(r1_, "Tom");
  const Id other_tenant_guest = AddGuest(r2_, "Ana", "G-1");
  const Id item = AddItem(r1_, "Lomo saltado", Course::kMain);
  Reservation booking{.restaurant_id = r1_, .guest_id = ana, .reserved_for = kNight};
  const Id ana_booking = MustOk(store_->UpsertReservations({&booking, 1}))[0];
  Visit ana_visit_in{.restaurant_id = r1_, .guest_id = ana, .reservation_id = ana_booking,
                     .seated_at = kNight};
  const Id ana_visit = MustOk(store_->UpsertVisits({&ana_visit_in, 1}))[0];
  AddLines(r1_, ana_visit, {item, item});
  // Tom came on Ana's booking and wrote about her table; a walk-in card too.
  Visit tom_visit_in{.restaurant_id = r1_, .guest_id = tom, .reservation_id = ana_booking,
                     .seated_at = kNight};
  const Id tom_visit = MustOk(store_->UpsertVisits({&tom_visit_in, 1}))[0];
  AddLines(r1_, tom_visit, {item});
  std::vector<Feedback> feedback = {
      {.restaurant_id = r1_, .guest_id = ana, .visit_id = ana_visit, .text = "Todo rico"},
      {.restaurant_id = r1_, .guest_id = tom, .visit_id = ana_visit, .text = "Buen pisco"},
      {.restaurant_id = r1_, .visit_id = ana_visit, .nps = 9}};
  const std::vector<Id> feedback_ids = MustOk(store_->UpsertFeedback(feedback));
  std::vector<BehaviourEvent> events = {
      {.restaurant_id = r1_, .guest_id = ana, .visit_id = ana_visit, .item_id = item, .at = kNight},
      {.restaurant_id = r1_, .guest_id = tom, .visit_id = ana_visit, .item_id = item, .at = kNight}};
  MustOk(store_->AppendEvents(events));

  // Her records (the right of access) are hers alone: not Tom's feedback on
  // her table, nor the anonymous card.
  const GuestRecords records = MustOk(store_->ReadGuestRecords(r1_, ana));
  EXPECT_EQ(records.guest.name, "Ana");
  EXPECT_EQ(records.reservations.size(), 1u);
  EXPECT_EQ(records.visits.size(), 1u);
  EXPECT_EQ(records.order_lines.size(), 2u);
  ASSERT_EQ(records.feedback.size(), 1u);
  EXPECT_EQ(records.feedback[0].text, "Todo rico");
  ASSERT_EQ(records.feedback_analyses.size(), 1u);
  EXPECT_FALSE(records.feedback_analyses[0].has_value()) << "no analysis hook in this store";
  ASSERT_EQ(records.events.size(), 1u);
  EXPECT_EQ(records.events[0].guest_id, ana);
  EXPECT_TRUE(store_->ReadGuestRecords(r2_, ana).status().IsNotFound()) << "another tenant's";

  const GuestErasure erased = MustOk(store_->EraseGuest(r1_, ana, kNight + 86400));
  EXPECT_EQ(erased.guest_id, ana);
  EXPECT_EQ(erased.erased_at, kNight + 86400);
  EXPECT_EQ(erased.reservations, 1);
  EXPECT_EQ(erased.visits, 1);
  EXPECT_EQ(erased.order_lines, 2);
  EXPECT_EQ(erased.feedback, 1);
  EXPECT_EQ(erased.events, 1);

  EXPECT_TRUE(store_->GetGuest(r1_, ana).status().IsNotFound());
  EXPECT_TRUE(store_->GetVisit(r1_, ana_visit).status().IsNotFound());
  EXPECT_TRUE(store_->GetReservation(r1_, ana_booking).status().IsNotFound());
  EXPECT_TRUE(store_->GetFeedback(r1_, feedback_ids[0]).status().IsNotFound());
  EXPECT_TRUE(store_->GuestItemHistory(r1_, ana).status().IsNotFound());
  EXPECT_TRUE(store_->ReadGuestRecords(r1_, ana).status().IsNotFound());
  const EntityCounts left = CountsOf(r1_);
  EXPECT_EQ(left.guests, 1);
  EXPECT_EQ(left.reservations, 0);
  EXPECT_EQ(left.visits, 1);
  EXPECT_EQ(left.order_lines, 1);
  EXPECT_EQ(left.feedback, 2);
  EXPECT_EQ(left.events, 1);
  // The others keep their records, without the link to Ana's.
  EXPECT_FALSE(MustOk(store_->GetVisit(r1_, tom_visit)).reservation_id.has_value());
  const Feedback tom_feedback = MustOk(store_->GetFeedback(r1_, feedback_ids[1]));
  EXPECT_EQ(tom_feedback.text, "Buen pisco");
  EXPECT_FALSE(tom_feedback.visit_id.has_value());
  EXPECT_FALSE(MustOk(store_->GetFeedback(r1_, feedback_ids[2])).visit_id.has_value());
  const std::vector<BehaviourEvent> kept = MustOk(store_->ListItemEvents(r1_));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].guest_id, tom);
  EXPECT_FALSE(kept[0].visit_id.has_value());
  // Another restaurant's guest with the same external id is someone else.
  EXPECT_EQ(MustOk(store_->GetGuest(r2_, other_tenant_guest)).name, "Ana");
}

TEST_F(SqliteStoreTest, ErasingAnUnknownGuestIsNotFoundAndChangesNothing) {
  const Id ana = AddGuest(r1_, "Ana");
  AddVisit(r1_, ana, kNight);
  EXPECT_TRUE(store_->EraseGuest(r1_, ana + 1000, kNight).status().IsNotFound());
  EXPECT_TRUE(store_->EraseGuest(r2_, ana, kNight).status().IsNotFound()) << "another tenant's";
  EXPECT_EQ(CountsOf(r1_).guests, 1);
  EXPECT_EQ(CountsOf(r1_).visits, 1);
  MustOk(store_->EraseGuest(r1_, ana, kNight));
  EXPECT_TRUE(store_->EraseGuest(r1_, ana, kNight).status().IsNotFound()) << "erased twice";
}

TEST_F(SqliteStoreTest, AnErasedGuestsIdIsNeverGivenAgainNorTheirExternalIdTakenBack) {
  const Id kept = AddGuest(r1_, "Tom", "G-2");
  const Id ana = AddGuest(r1_, "Ana", "G-1");  // the highest id, which SQLite would reuse
  MustOk(store_->EraseGuest(r1_, ana, kNight));
  Reopen();
  EXPECT_GT(AddGuest(r1_, "Rosa"), ana);

  const int guests = static_cast<int>(CountsOf(r1_).guests);
  std::vector<Guest> reimport = {{.restaurant_id = r1_, .external_id = "G-3", .name = "Luz"},
                                 {.restaurant_id = r1_, .external_id = "G-1", .name = "Ana"}};
  const Status refused = store_->UpsertGuests(reimport).status();
  EXPECT_EQ(refused.code(), StatusCode::kAlreadyExists) << refused.ToString();
  EXPECT_EQ(refused.record_index(), 1u);
  EXPECT_NE(refused.message().find("erased at their request"), std::string::npos)
      << refused.ToString();
  EXPECT_EQ(CountsOf(r1_).guests, guests) << "the batch is refused whole";

  Guest renamed = MustOk(store_->GetGuest(r1_, kept));
  renamed.external_id = "G-1";
  EXPECT_EQ(store_->UpsertGuests({&renamed, 1}).status().code(), StatusCode::kAlreadyExists);
  // Another restaurant may have its own G-1.
  EXPECT_TRUE(store_->UpsertGuests(std::vector<Guest>{
      {.restaurant_id = r2_, .external_id = "G-1", .name = "Ana"}}).ok());
}

// What an erasure deletes is overwritten, not left in free pages of the
// database or in its write-ahead log.
TEST_F(SqliteStoreTest, AnErasedGuestLeavesNoCopyInTheDatabaseFiles) {
  const std::string name = "Zoraida Quispe Huamani";
  const std::string email = "zoraida.quispe@example.pe";
  const std::string pos_id = "POS-CLIENTE-88231";  // kept only as a keyed hash
  Guest guest{.restaurant_id = r1_, .external_id = pos_id, .name = name, .email = email};
  const Id id = MustOk(store_->UpsertGuests({&guest, 1}))[0];
  Feedback note{.restaurant_id = r1_, .guest_id = id, .text = "Mi DNI es 40123456, llámenme"};
  MustOk(store_->UpsertFeedback({&note, 1}));
  auto files_hold = [&](const std::string& needle) {
    for (const std::string suffix : {"", "-wal"}) {
      std::ifstream in(path_ + suffix, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), {});
      if (bytes.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  ASSERT_TRUE(files_hold(email)) << "the check must see the data while it is stored";
  MustOk(store_->EraseGuest(r1_, id, kNight));
  EXPECT_FALSE(files_hold(name));
  EXPECT_FALSE(files_hold(email));
  EXPECT_FALSE(files_hold("40123456"));
  EXPECT_FALSE(files_hold(pos_id));
  Reopen();
  EXPECT_EQ(store_->UpsertGuests({&guest, 1}).status().code(), StatusCode::kAlreadyExists)
      << "the hash still recognises the id";
}

TEST_F(SqliteStoreTest, ForEachGuestWalksEveryPageInIdOrderAndStopsAtTheFirstError) {
  std::vector<Guest> guests(5003, Guest{.restaurant_id = r1_, .name = "g"});
  MustOk(store_->UpsertGuests(guests));
  AddGuest(r2_, "elsewhere");
  std::vector<Id> seen;
  ASSERT_TRUE(ForEachGuest(*store_, r1_, [&](const Guest& g) {
                seen.push_back(g.id);
                return Status::Ok();
              }).ok());
  ASSERT_EQ(seen.size(), 5003u) << "more than one page, and only this restaurant's";
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end()) << "no guest twice";
  int calls = 0;
  const Status stopped = ForEachGuest(*store_, r1_, [&](const Guest&) {
    return ++calls == 3 ? Status::InvalidArgument("third") : Status::Ok();
  });
  EXPECT_EQ(stopped.message(), "third");
  EXPECT_EQ(calls, 3);
  EXPECT_TRUE(
      ForEachGuest(*store_, 999, [](const Guest&) { return Status::Ok(); }).IsNotFound());
}

// ---- Durability and concurrency --------------------------------------------

TEST_F(SqliteStoreTest, DataPersistsAcrossReopen) {
  Id guest = AddGuest(r1_, "Ñusta 🌽", "G-1");
  Reopen();
  EXPECT_EQ(MustOk(store_->GetGuest(r1_, guest)).name, "Ñusta 🌽");
  EXPECT_EQ(MustOk(store_->FindByExternalId(r1_, EntityKind::kGuest, "G-1")), guest);
}

TEST_F(SqliteStoreTest, ConcurrentReadersSeeWholeBatchesWhileAWriterImports) {
  Id guest = AddGuest(r1_, "Ana");
  Id item = AddItem(r1_, "Tiradito", Course::kStarter);
  constexpr int kBatches = 40;
  constexpr int kLinesPerVisit = 10;
  std::atomic<bool> done{false};
  std::atomic<int> reader_failures{0};
  std::atomic<long> reads{0};

  std::thread writer([&] {
    // On a loaded machine the 40 batches could all be written before a
    // reader was scheduled, and the test then saw no read at all.
    while (reads == 0) std::this_thread::yield();
    for (int i = 0; i < kBatches; ++i) {
      Id visit = AddVisit(r1_, guest, kNight + i);
      AddLines(r1_, visit, std::vector<Id>(kLinesPerVisit, item));
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!done) {
        auto history = store_->GuestItemHistory(r1_, guest);
        auto ana = store_->GetGuest(r1_, guest);
        // A batch is one transaction: a reader never sees part of one.
        bool whole =
            history.ok() && (history->empty() || (*history)[0].times_ordered % kLinesPerVisit == 0);
        if (!whole || !ana.ok()) ++reader_failures;
        ++reads;
      }
    });
  }
  writer.join();
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(reader_failures, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(MustOk(store_->GuestItemHistory(r1_, guest))[0].times_ordered,
            kBatches * kLinesPerVisit);
}

// Also reports the speeds the brief asks for; the assertions are on content.
TEST_F(SqliteStoreTest, BulkImportStoresEveryRowAndHotReadsStayFast) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  std::vector<MenuItem> menu;
  for (int i = 0; i < 100; ++i) {
    menu.push_back({.restaurant_id = r1_,
                    .external_id = "M-" + std::to_string(i),
                    .name_es = "Plato " + std::to_string(i),
                    .course = Course(i % kCourseCount),
                    .ingredients = {"ají", "limón", "cebolla"},
                    .allergens = {Allergen::kFish},
                    .price = 3000 + i});
  }
  std::vector<Id> items = MustOk(store_->UpsertMenuItems(menu));
  std::vector<Guest> guests(2000, Guest{.restaurant_id = r1_,
                                        .name = "Invitado",
                                        .allergies = {Allergen::kPeanut},
                                        .preferences = {"seafood"}});
  std::vector<Id> guest_ids = MustOk(store_->UpsertGuests(guests));
  std::vector<Visit> visits;
  constexpr int kLines = 60000;
  constexpr int kLinesPerVisit = 4;
  constexpr int kBatch = 5000;
  for (int i = 0; i < kLines / kLinesPerVisit; ++i) {
    visits.push_back({.restaurant_id = r1_,
                      .guest_id = guest_ids[i % guest_ids.size()],
                      .seated_at = kNight + i});
  }
  std::vector<Id> visit_ids = MustOk(store_->UpsertVisits(visits));

  std::vector<OrderLine> lines;
  for (int i = 0; i < kLines; ++i) {
    lines.push_back({.restaurant_id = r1_,
                     .external_id = "L-" + std::to_string(i),
                     .visit_id = visit_ids[i / kLinesPerVisit],
                     .item_id = items[(i * 7) % items.size()],
                     .modifiers = i % 5 == 0 ? std::vector<std::string>{"sin cebolla"}
                                             : std::vector<std::string>{}});
  }
  auto start = Clock::now();
  for (size_t i = 0; i < lines.size(); i += kBatch) {
    auto ids = store_->UpsertOrderLines(std::span(lines).subspan(i, kBatch));
    ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  }
  double write_s = seconds(Clock::now() - start);
  EXPECT_EQ(CountsOf(r1_).order_lines, kLines);

  constexpr int kReads = 2000;
  start = Clock::now();
  for (int i = 0; i < kReads; ++i) ASSERT_TRUE(store_->GetGuest(r1_, guest_ids[i % 2000]).ok());
  double get_guest_us = seconds(Clock::now() - start) * 1e6 / kReads;
  start = Clock::now();
  for (int i = 0; i < kReads; ++i) {
    ASSERT_FALSE(MustOk(store_->GuestItemHistory(r1_, guest_ids[i % 2000])).empty());
  }
  double history_us = seconds(Clock::now() - start) * 1e6 / kReads;
  start = Clock::now();
  for (int i = 0; i < kReads / 10; ++i) ASSERT_EQ(MustOk(store_->ListMenu(r1_)).size(), 100u);
  double menu_us = seconds(Clock::now() - start) * 1e6 / (kReads / 10);

  std::cout << "order lines: " << static_cast<long>(kLines / write_s) << " rows/s; GetGuest "
            << get_guest_us << " us; GuestItemHistory " << history_us << " us; ListMenu(100) "
            << menu_us << " us\n";
}

}  // namespace
}  // namespace sobremesa
