#include "ingest/importer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

namespace fs = std::filesystem;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sobremesa_ingest_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto id = store_->UpsertRestaurant({.external_id = "central", .name = "Central"});
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    restaurant_ = *id;
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Imports and expects the file as a whole to succeed.
  ImportReport Import(ImportKind kind, const std::string& path, ImportOptions options = {}) {
    StatusOr<ImportReport> report = ImportFile(*store_, restaurant_, kind, path, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport{};
  }

  EntityCounts Counts() {
    auto counts = store_->Counts(restaurant_);
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    return counts.ok() ? *counts : EntityCounts{};
  }

  Id IdOf(EntityKind kind, const std::string& external_id) {
    auto id = store_->FindByExternalId(restaurant_, kind, external_id);
    EXPECT_TRUE(id.ok()) << external_id << ": " << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  // A menu, two guests and two visits for order and feedback files to name.
  void ImportBasics() {
    Import(ImportKind::kMenu, Write("menu.csv",
                                    "external_id,name_es,course,price,allergens\n"
                                    "M-1,Ají de gallina,main,45.50,dairy;tree_nut\n"
                                    "M-2,Pisco sour,drink,32,egg\n"));
    Import(ImportKind::kGuests, Write("guests.csv",
                                      "external_id,name,language\n"
                                      "G-1,Begoña Ñahui,es\n"
                                      "G-2,John Smith,en\n"));
    Import(ImportKind::kVisits, Write("visits.csv",
                                      "external_id,guest_external_id,seated_at,party_size\n"
                                      "V-1,G-1,2026-07-28T21:00,4\n"
                                      "V-2,G-2,2026-07-29T13:00,2\n"));
  }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  Id restaurant_ = 0;
};

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST_F(ImporterTest, StoresGoodRowsAndReportsEachBadRowWithLineColumnAndReason) {
  const std::string path = Write("menu.csv",
                                 "external_id,name_es,course,price,spice_level\n"
                                 "M-1,Causa limeña,starter,38,0\n"
                                 "M-2,Lomo saltado,entrada,52,1\n"
                                 "M-3,\"Cebiche clásico\nde corvina\",starter,48,2\n"
                                 "M-4,Rocoto relleno,main,45.555,3\n"
                                 "M-5,Suspiro a la limeña,dessert,24,0\n"
                                 "M-6,Anticuchos,main,39\n"
                                 "M-7,Seco de cordero,main,,1\n");
  const ImportReport report = Import(ImportKind::kMenu, path);
  EXPECT_EQ(report.rows_read, 7);
  EXPECT_EQ(report.rows_stored, 3);
  EXPECT_EQ(report.rows_rejected, 4);
  EXPECT_EQ(Join(report.errors),
            Join({path + ":3: column 'course': unknown course 'entrada' (valid: starter, main, "
                         "dessert, drink)",
                  path + ":6: column 'price': invalid amount '45.555': more than two decimals",
                  path + ":8: expected 5 columns, got 4",
                  path + ":9: column 'price': required (or price_centimos)"}));
  EXPECT_EQ(Counts().menu_items, 3);
  auto item = store_->GetMenuItem(restaurant_, IdOf(EntityKind::kMenuItem, "M-3"));
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->name_es, "Cebiche clásico\nde corvina");
}

TEST_F(ImporterTest, ReimportingTheSameFilesAddsNothing) {
  ImportBasics();
  // No external ids: order lines get keys from their content and line, so
  // the two identical pisco sours stay two lines.
  const std::string orders = Write("orders.csv",
                                   "visit_external_id,item_external_id,quantity,modifiers\n"
                                   "V-1,M-1,1,sin cebolla\n"
                                   "V-1,M-2,1,\n"
                                   "V-1,M-2,1,\n"
                                   "V-2,M-1,2,\n");
  const std::string events = Write("events.jsonl",
                                   "{\"guest_external_id\":\"G-1\",\"type\":\"viewed\","
                                   "\"item_external_id\":\"M-1\",\"at\":\"2026-07-28T21:05\"}\n");
  const std::string feedback = Write("feedback.csv",
                                     "visit_external_id,nps,stars.food,text\n"
                                     "V-1,10,5,\"Buenazo, volveremos\"\n");
  for (const auto& [kind, path] :
       std::vector<std::pair<ImportKind, std::string>>{{ImportKind::kOrders, orders},
                                                       {ImportKind::kEvents, events},
                                                       {ImportKind::kFeedback, feedback}}) {
    EXPECT_EQ(Import(kind, path).rows_rejected, 0) << path;
  }
  const EntityCounts first = Counts();
  EXPECT_EQ(first.order_lines, 4);
  EXPECT_EQ(first.events, 1);
  EXPECT_EQ(first.feedback, 1);

  ImportBasics();
  for (const auto& [kind, path] :
       std::vector<std::pair<ImportKind, std::string>>{{ImportKind::kOrders, orders},
                                                       {ImportKind::kEvents, events},
                                                       {ImportKind::kFeedback, feedback}}) {
    EXPECT_EQ(Import(kind, path).rows_stored, kind == ImportKind::kOrders ? 4 : 1) << path;
  }
  const EntityCounts second = Counts();
  EXPECT_EQ(second.menu_items, first.menu_items);
  EXPECT_EQ(second.guests, first.guests);
  EXPECT_EQ(second.visits, first.visits);
  EXPECT_EQ(second.order_lines, first.order_lines);
  EXPECT_EQ(second.events, first.events);
  EXPECT_EQ(second.feedback, first.feedback);
}

TEST_F(ImporterTest, MissingColumnFailsTheWholeFileAndStoresNothing) {
  const std::string path = Write("visits.csv",
                                 "external_id,party_size,table\n"
                                 "V-1,4,T1\n");
  StatusOr<ImportReport> report = ImportFile(*store_, restaurant_, ImportKind::kVisits, path, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(report.status().message(),
            path +
                ":1: missing column 'seated_at' for kind visits (have: external_id, "
                "party_size, table)");
  EXPECT_EQ(Counts().visits, 0);
}

TEST_F(ImporterTest, MissingAlternativeColumnsNamesThem) {
  const std::string path = Write("orders.csv", "visit_external_id,quantity\nV-1,1\n");
  StatusOr<ImportReport> report = ImportFile(*store_, restaurant_, ImportKind::kOrders, path, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            path +
                ":1: missing column 'item_external_id' (or 'item_id') for kind orders "
                "(have: visit_external_id, quantity)");
}

TEST_F(ImporterTest, InvalidUtf8RowIsRejectedWhileOthersAreStored) {
  const std::string path = Write("guests.csv",
                                 "external_id,name\n"
                                 "G-1,Ana Núñez\n"
                                 "G-2,Jos\xE9 P\xE9rez\n"  // Latin-1, not UTF-8
                                 "G-3,Luis Quispe\n");
  const ImportReport report = Import(ImportKind::kGuests, path);
  EXPECT_EQ(report.rows_stored, 2);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0],
            path + ":3: column 'name': value is not valid UTF-8 (bad byte at offset 3)");
  EXPECT_EQ(Counts().guests, 2);
}

// A column the kind does not read was dropped without a word: a guests
// file with "allergy" for "allergies" stored every guest without their
// allergies. The row is still stored (exports carry columns of their own),
// and the report names the column once.
TEST_F(ImporterTest, AColumnOrFieldTheKindDoesNotReadIsNamedOnceInAWarning) {
  const std::string csv = Write("guests.csv",
                                "external_id,name,allergy,consent.marketting\n"
                                "g-1,Rosa,fish,true\n"
                                "g-2,Luis,,\n");
  ImportReport report = Import(ImportKind::kGuests, csv);
  EXPECT_EQ(report.rows_stored, 2);
  EXPECT_EQ(report.warnings,
            (std::vector<std::string>{
                csv + ": column 'allergy' is not read for guests; ignored (docs/import.md)",
                csv + ": column 'consent.marketting' is not read for guests; ignored "
                      "(docs/import.md)"}));
  const std::string jsonl =
      Write("guests.jsonl",
            "{\"external_id\": \"g-3\", \"name\": \"Eva\"}\n"
            "{\"external_id\": \"g-4\", \"name\": \"Ana\", \"allergy\": [\"egg\"]}\n"
            "{\"external_id\": \"g-5\", \"name\": \"Ada\", \"allergy\": []}\n");
  report = Import(ImportKind::kGuests, jsonl);
  EXPECT_EQ(report.rows_stored, 3);
  EXPECT_EQ(report.warnings,
            std::vector<std::string>{jsonl + ":2: field 'allergy' is not read for guests; ignored "
                                             "(docs/import.md)"});
  EXPECT_TRUE(
      Import(ImportKind::kGuests, Write("ok.csv", "external_id,name,allergies\ng-6,Leo,fish\n"))
          .warnings.empty());
}

// The parser would keep the last of two "allergies" and store Rosa without
// the fish allergy her first one declared.
TEST_F(ImporterTest, AJsonLinesRowNamingAFieldTwiceIsRejectedByLine) {
  const std::string path =
      Write("guests.jsonl",
            "{\"external_id\": \"g-1\", \"name\": \"Rosa\", \"allergies\": [\"fish\"],"
            " \"allergies\": []}\n"
            "{\"external_id\": \"g-2\", \"name\": \"Luis\","
            " \"consent\": {\"marketing\": true, \"marketing\": false}}\n"
            "{\"external_id\": \"g-3\", \"name\": \"Eva\", \"allergies\": [\"fish\"]}\n");
  const ImportReport report = Import(ImportKind::kGuests, path);
  EXPECT_EQ(report.rows_stored, 1);
  ASSERT_EQ(report.errors.size(), 2u) << Join(report.errors);
  EXPECT_TRUE(report.errors[0].starts_with(path + ":1: allergies: named twice"))
      << report.errors[0];
  EXPECT_TRUE(report.errors[1].starts_with(path + ":2: consent.marketing: named twice"))
      << report.errors[1];
}

TEST_F(ImporterTest, UnknownReferenceIsReportedByName) {
  ImportBasics();
  const std::string path = Write("orders.csv",
                                 "external_id,visit_external_id,item_external_id\n"
                                 "L-1,V-1,M-1\n"
                                 "L-2,V-1,M-404\n"
                                 "L-3,V-9,M-1\n");
  const ImportReport report = Import(ImportKind::kOrders, path);
  EXPECT_EQ(report.rows_stored, 1);
  EXPECT_EQ(Join(report.errors),
            Join({path + ":3: column 'item_external_id': no menu item with external id 'M-404'",
                  path + ":4: column 'visit_external_id': no visit with external id 'V-9'"}));
}

TEST_F(ImporterTest, RowRefusedByTheStoreIsRetriedAloneAndOnlyItIsRejected) {
  ImportBasics();
  // item_id 999 passes the codec, so the whole batch reaches the store and fails there.
  const std::string path = Write("orders.jsonl",
                                 "{\"external_id\":\"L-1\",\"visit_external_id\":\"V-1\","
                                 "\"item_external_id\":\"M-1\"}\n"
                                 "{\"external_id\":\"L-2\",\"visit_external_id\":\"V-1\","
                                 "\"item_id\":999}\n"
                                 "{\"external_id\":\"L-3\",\"visit_external_id\":\"V-2\","
                                 "\"item_external_id\":\"M-2\",\"quantity\":3}\n");
  ImportOptions options;
  options.batch_size = 10;
  const ImportReport report = Import(ImportKind::kOrders, path, options);
  EXPECT_EQ(report.rows_stored, 2);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0],
            path + ":2: item 999 not found in restaurant " + std::to_string(restaurant_));
  EXPECT_EQ(Counts().order_lines, 2);
}

TEST_F(ImporterTest, JsonLinesErrorsNameTheField) {
  ImportBasics();
  const std::string path = Write("events.ndjson",
                                 "{\"guest_external_id\":\"G-1\",\"type\":\"viewed\","
                                 "\"at\":\"2026-07-28T21:05\"}\n"
                                 "{\"guest_external_id\":\"G-1\",\"type\":\"liked\","
                                 "\"at\":\"2026-07-28T21:06\"}\n"
                                 "\n"
                                 "{\"guest_external_id\": \"G-1\", \"type\": \n"
                                 "[1, 2]\n"
                                 "{\"guest_external_id\":\"G-1\",\"type\":\"ordered\","
                                 "\"at\":\"1999-01-01\"}\n");
  const ImportReport report = Import(ImportKind::kEvents, path);
  EXPECT_EQ(report.rows_read, 5);
  EXPECT_EQ(report.rows_stored, 1);
  ASSERT_EQ(report.errors.size(), 4u) << Join(report.errors);
  EXPECT_TRUE(report.errors[0].starts_with(
      path + ":2: field 'type': unknown event type 'liked' (valid: viewed,"))
      << report.errors[0];
  EXPECT_TRUE(report.errors[1].starts_with(path + ":4: invalid JSON: column 38: syntax error"))
      << report.errors[1];
  EXPECT_EQ(report.errors[2], path + ":5: expected a JSON object, got [1,2]");
  EXPECT_TRUE(report.errors[3].starts_with(path + ":6: field 'at': invalid timestamp"))
      << report.errors[3];
}

TEST_F(ImporterTest, AccentsAndEmojiRoundTripExactly) {
  const std::string name = "Begoña Ñahui \xF0\x9F\x8C\xB6\xEF\xB8\x8F";
  const std::string text = "El ají de gallina, ¡buenazo! Pedí \"sin maní\".";
  Import(ImportKind::kGuests, Write("guests.csv",
                                    "external_id,name,preferences\n"
                                    "G-ñ,\"" +
                                        name + "\",cebiche;ají\n"));
  Import(ImportKind::kFeedback,
         Write("feedback.jsonl",
               "{\"external_id\":\"F-1\",\"guest_external_id\":\"G-ñ\","
               "\"text\":\"El ají de gallina, ¡buenazo! Pedí \\\"sin maní\\\".\"}\n"));
  auto guest = store_->GetGuest(restaurant_, IdOf(EntityKind::kGuest, "G-ñ"));
  ASSERT_TRUE(guest.ok()) << guest.status().ToString();
  EXPECT_EQ(guest->name, name);
  EXPECT_EQ(guest->preferences, (std::vector<std::string>{"cebiche", "ají"}));
  auto feedback = store_->GetFeedback(restaurant_, IdOf(EntityKind::kFeedback, "F-1"));
  ASSERT_TRUE(feedback.ok()) << feedback.status().ToString();
  EXPECT_EQ(feedback->text, text);
  EXPECT_EQ(feedback->guest_id, guest->id);
}

TEST_F(ImporterTest, ExistingDataIsUntouchedByAFailingImport) {
  ImportBasics();
  const EntityCounts before = Counts();
  // A header without a required column: nothing is read.
  EXPECT_FALSE(ImportFile(*store_, restaurant_, ImportKind::kGuests,
                          Write("bad_header.csv", "external_id,nombre\nG-1,Otra\n"), {})
                   .ok());
  // A bad update of G-1 is rejected and leaves G-1 as it was.
  const ImportReport report = Import(ImportKind::kGuests, Write("bad_rows.csv",
                                                                "external_id,name,language\n"
                                                                "G-1,Otra Persona,fr\n"));
  EXPECT_EQ(report.rows_rejected, 1);
  auto guest = store_->GetGuest(restaurant_, IdOf(EntityKind::kGuest, "G-1"));
  ASSERT_TRUE(guest.ok());
  EXPECT_EQ(guest->name, "Begoña Ñahui");
  const EntityCounts after = Counts();
  EXPECT_EQ(after.guests, before.guests);
  EXPECT_EQ(after.menu_items, before.menu_items);
  EXPECT_EQ(after.visits, before.visits);
}

TEST_F(ImporterTest, ReportsProgressUpToTheFileSize) {
  std::string csv = "external_id,name\n";
  for (int i = 0; i < 25; ++i)
    csv += "G-" + std::to_string(i) + ",Invitado " + std::to_string(i) + "\n";
  const std::string path = Write("guests.csv", csv);
  std::vector<std::uint64_t> seen;
  std::uint64_t total = 0;
  ImportOptions options;
  options.batch_size = 10;
  options.progress = [&](std::uint64_t read, std::uint64_t of) {
    seen.push_back(read);
    total = of;
  };
  const ImportReport report = Import(ImportKind::kGuests, path, options);
  EXPECT_EQ(report.rows_stored, 25);
  EXPECT_EQ(total, csv.size());
  ASSERT_GE(seen.size(), 3u);  // three batches, then the end
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), csv.size());
}

TEST_F(ImporterTest, KeepsOnlyTheFirstErrorsButCountsAll) {
  std::string csv = "name,language\n";
  for (int i = 0; i < 30; ++i) csv += "Invitado,xx\n";
  ImportOptions options;
  options.max_errors_reported = 5;
  const ImportReport report = Import(ImportKind::kGuests, Write("guests.csv", csv), options);
  EXPECT_EQ(report.rows_rejected, 30);
  EXPECT_EQ(report.errors.size(), 5u);
}

TEST_F(ImporterTest, StreamOverloadReadsJsonLines) {
  std::istringstream in(
      "{\"external_id\":\"IG-1\",\"platform\":\"instagram\","
      "\"text\":\"Cuy confitado 10/10\",\"posted_at\":\"2026-08-01\"}\n");
  auto report = ImportStream(*store_, restaurant_, ImportKind::kMentions, ImportFormat::kJsonLines,
                             in, "stdin", {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->rows_stored, 1);
  EXPECT_EQ(Counts().mentions, 1);
}

TEST_F(ImporterTest, FileLevelErrors) {
  EXPECT_EQ(
      ImportFile(*store_, restaurant_, ImportKind::kGuests, Write("g.xlsx", ""), {})
          .status()
          .message(),
      (dir_ / "g.xlsx").string() + ": unknown file type '.xlsx' (valid: .csv, .jsonl, .ndjson)");
  EXPECT_TRUE(
      ImportFile(*store_, restaurant_, ImportKind::kGuests, (dir_ / "none.csv").string(), {})
          .status()
          .IsNotFound());
  EXPECT_TRUE(
      ImportFile(*store_, restaurant_ + 100, ImportKind::kGuests, Write("g.csv", "name\nAna\n"), {})
          .status()
          .IsNotFound());
  EXPECT_EQ(ImportFile(*store_, restaurant_, ImportKind::kGuests, Write("e.csv", ""), {})
                .status()
                .message(),
            (dir_ / "e.csv").string() + ": empty file, expected a header row");
}

TEST(ImportKindTest, ParsesCodesAndListsTheValidOnes) {
  EXPECT_EQ(ParseImportKind("orders").value(), ImportKind::kOrders);
  EXPECT_EQ(ParseImportKind("order").status().message(),
            "unknown import kind 'order' (valid: menu, guests, reservations, visits, orders, "
            "feedback, events, mentions)");
  for (int k = 0; k < 8; ++k) {
    EXPECT_EQ(ParseImportKind(ImportKindCode(ImportKind(k))).value(), ImportKind(k));
  }
}

}  // namespace
}  // namespace sobremesa
