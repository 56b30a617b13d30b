#include "store/migrations.h"

#include <array>
#include <string>

namespace sobremesa::sqlite {
namespace {

// Conventions (docs/schema.md): times are INTEGER UTC seconds, money INTEGER
// céntimos, enums their text codes, lists JSON arrays of text. Every table
// carries restaurant_id, and UNIQUE(restaurant_id, id) on referenced tables
// lets children use composite foreign keys, so no row can point at another
// restaurant's record. external_id is unique per restaurant only when set.
constexpr const char* kCoreSchema = R"sql(
CREATE TABLE restaurants (
  id          INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL DEFAULT '',
  name        TEXT NOT NULL,
  timezone    TEXT NOT NULL DEFAULT 'America/Lima'
);
CREATE UNIQUE INDEX restaurants_by_external_id ON restaurants (external_id)
  WHERE external_id <> '';

CREATE TABLE menu_items (
  id             INTEGER PRIMARY KEY,
  restaurant_id  INTEGER NOT NULL REFERENCES restaurants (id),
  external_id    TEXT NOT NULL DEFAULT '',
  name_es        TEXT NOT NULL,
  name_en        TEXT NOT NULL DEFAULT '',
  course         TEXT NOT NULL CHECK (course IN ('starter', 'main', 'dessert', 'drink')),
  category       TEXT NOT NULL DEFAULT '',
  ingredients    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ingredients)),
  allergens      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allergens)),
  diet_tags      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(diet_tags)),
  spice_level    INTEGER NOT NULL DEFAULT 0 CHECK (spice_level BETWEEN 0 AND 3),
  price_centimos INTEGER NOT NULL CHECK (price_centimos >= 0),
  available      INTEGER NOT NULL DEFAULT 1 CHECK (available IN (0, 1)),
  UNIQUE (restaurant_id, id)
);
CREATE UNIQUE INDEX menu_items_by_external_id ON menu_items (restaurant_id, external_id)
  WHERE external_id <> '';

CREATE TABLE guests (
  id                      INTEGER PRIMARY KEY,
  restaurant_id           INTEGER NOT NULL REFERENCES restaurants (id),
  external_id             TEXT NOT NULL DEFAULT '',
  name                    TEXT NOT NULL DEFAULT '',
  email                   TEXT NOT NULL DEFAULT '',
  phone                   TEXT NOT NULL DEFAULT '',
  language                TEXT NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en', 'pt')),
  allergies               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(allergies)),
  dietary_needs           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dietary_needs)),
  preferences             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(preferences)),
  consent_personalization INTEGER NOT NULL DEFAULT 0 CHECK (consent_personalization IN (0, 1)),
  consent_marketing       INTEGER NOT NULL DEFAULT 0 CHECK (consent_marketing IN (0, 1)),
  consent_updated_at      INTEGER NOT NULL DEFAULT 0,
  created_at              INTEGER NOT NULL DEFAULT 0,
  UNIQUE (restaurant_id, id)
);
CREATE UNIQUE INDEX guests_by_external_id ON guests (restaurant_id, external_id)
  WHERE external_id <> '';

CREATE TABLE reservations (
  id               INTEGER PRIMARY KEY,
  restaurant_id    INTEGER NOT NULL REFERENCES restaurants (id),
  external_id      TEXT NOT NULL DEFAULT '',
  guest_id         INTEGER,
  reserved_for     INTEGER NOT NULL,
  party_size       INTEGER NOT NULL CHECK (party_size >= 1),
  status           TEXT NOT NULL
                   CHECK (status IN ('booked', 'seated', 'completed', 'no_show', 'cancelled')),
  channel          TEXT NOT NULL DEFAULT '',
  deposit_centimos INTEGER NOT NULL DEFAULT 0 CHECK (deposit_centimos >= 0),
  created_at       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (restaurant_id, id),
  FOREIGN KEY (restaurant_id, guest_id) REFERENCES guests (restaurant_id, id)
);
CREATE UNIQUE INDEX reservations_by_external_id ON reservations (restaurant_id, external_id)
  WHERE external_id <> '';
CREATE INDEX reservations_by_time ON reservations (restaurant_id, reserved_for);

CREATE TABLE visits (
  id             INTEGER PRIMARY KEY,
  restaurant_id  INTEGER NOT NULL REFERENCES restaurants (id),
  external_id    TEXT NOT NULL DEFAULT '',
  guest_id       INTEGER,
  reservation_id INTEGER,
  party_size     INTEGER NOT NULL CHECK (party_size >= 1),
  table_label    TEXT NOT NULL DEFAULT '',
  seated_at      INTEGER NOT NULL,
  closed_at      INTEGER,
  spend_centimos INTEGER NOT NULL DEFAULT 0 CHECK (spend_centimos >= 0),
  occasion       TEXT NOT NULL DEFAULT '',
  UNIQUE (restaurant_id, id),
  FOREIGN KEY (restaurant_id, guest_id) REFERENCES guests (restaurant_id, id),
  FOREIGN KEY (restaurant_id, reservation_id) REFERENCES reservations (restaurant_id, id)
);
CREATE UNIQUE INDEX visits_by_external_id ON visits (restaurant_id, external_id)
  WHERE external_id <> '';
CREATE INDEX visits_by_guest ON visits (restaurant_id, guest_id);

CREATE TABLE order_lines (
  id            INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  external_id   TEXT NOT NULL DEFAULT '',
  visit_id      INTEGER NOT NULL,
  item_id       INTEGER NOT NULL,
  quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  modifiers     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(modifiers)),
  ordered_at    INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (restaurant_id, visit_id) REFERENCES visits (restaurant_id, id),
  FOREIGN KEY (restaurant_id, item_id) REFERENCES menu_items (restaurant_id, id)
);
CREATE UNIQUE INDEX order_lines_by_external_id ON order_lines (restaurant_id, external_id)
  WHERE external_id <> '';
-- item_id last so a visit's basket is read from the index alone.
CREATE INDEX order_lines_by_visit ON order_lines (restaurant_id, visit_id, item_id);

CREATE TABLE feedback (
  id             INTEGER PRIMARY KEY,
  restaurant_id  INTEGER NOT NULL REFERENCES restaurants (id),
  external_id    TEXT NOT NULL DEFAULT '',
  guest_id       INTEGER,
  visit_id       INTEGER,
  nps            INTEGER CHECK (nps BETWEEN 0 AND 10),
  stars_food     INTEGER CHECK (stars_food BETWEEN 1 AND 5),
  stars_service  INTEGER CHECK (stars_service BETWEEN 1 AND 5),
  stars_ambience INTEGER CHECK (stars_ambience BETWEEN 1 AND 5),
  stars_value    INTEGER CHECK (stars_value BETWEEN 1 AND 5),
  stars_drinks   INTEGER CHECK (stars_drinks BETWEEN 1 AND 5),
  text           TEXT NOT NULL DEFAULT '',
  language       TEXT NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en', 'pt')),
  channel        TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (restaurant_id, guest_id) REFERENCES guests (restaurant_id, id),
  FOREIGN KEY (restaurant_id, visit_id) REFERENCES visits (restaurant_id, id)
);
CREATE UNIQUE INDEX feedback_by_external_id ON feedback (restaurant_id, external_id)
  WHERE external_id <> '';

CREATE TABLE behaviour_events (
  id            INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  external_id   TEXT NOT NULL DEFAULT '',
  guest_id      INTEGER NOT NULL,
  visit_id      INTEGER,
  item_id       INTEGER,
  event_type    TEXT NOT NULL CHECK (event_type IN ('viewed', 'ordered', 'sent_back',
                  'recommendation_shown', 'recommendation_accepted',
                  'recommendation_declined', 'feedback_given')),
  at            INTEGER NOT NULL,
  FOREIGN KEY (restaurant_id, guest_id) REFERENCES guests (restaurant_id, id),
  FOREIGN KEY (restaurant_id, visit_id) REFERENCES visits (restaurant_id, id),
  FOREIGN KEY (restaurant_id, item_id) REFERENCES menu_items (restaurant_id, id)
);
CREATE UNIQUE INDEX behaviour_events_by_external_id ON behaviour_events (restaurant_id, external_id)
  WHERE external_id <> '';

CREATE TABLE social_mentions (
  id            INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  external_id   TEXT NOT NULL DEFAULT '',
  platform      TEXT NOT NULL DEFAULT '',
  author        TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  language      TEXT NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en', 'pt')),
  rating        INTEGER CHECK (rating BETWEEN 1 AND 5),
  url           TEXT NOT NULL DEFAULT '',
  posted_at     INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX social_mentions_by_external_id ON social_mentions (restaurant_id, external_id)
  WHERE external_id <> '';
)sql";

// Trends over time and per-guest timelines, for the dashboards, analysts and
// ARCO requests; also lets Counts() avoid full scans.
constexpr const char* kTrendIndexes = R"sql(
CREATE INDEX order_lines_by_item ON order_lines (restaurant_id, item_id);
CREATE INDEX feedback_by_time ON feedback (restaurant_id, created_at);
CREATE INDEX feedback_by_guest ON feedback (restaurant_id, guest_id);
CREATE INDEX behaviour_events_by_guest ON behaviour_events (restaurant_id, guest_id, at);
CREATE INDEX social_mentions_by_time ON social_mentions (restaurant_id, posted_at);
)sql";

// What guests' texts say (issue 4): one analysis per feedback or mention,
// written in the record's own transaction, with its aspects and the menu
// items it speaks of broken out for the manager's trends. Scores are
// thousandths (-1000..1000). Deleting the record deletes its analysis.
constexpr const char* kTextAnalyses = R"sql(
CREATE TABLE text_analyses (
  id            INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  feedback_id   INTEGER REFERENCES feedback (id) ON DELETE CASCADE,
  mention_id    INTEGER REFERENCES social_mentions (id) ON DELETE CASCADE,
  guest_id      INTEGER,
  at            INTEGER NOT NULL,
  language      TEXT NOT NULL CHECK (language IN ('es', 'en', 'pt', 'unknown')),
  status        TEXT NOT NULL
                CHECK (status IN ('analysed', 'empty_text', 'unknown_language', 'no_model')),
  verdict       TEXT CHECK (verdict IN ('positive', 'negative', 'neutral', 'mixed')),
  score_milli   INTEGER CHECK (score_milli BETWEEN -1000 AND 1000),
  sentences     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sentences)),
  complaints    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(complaints)),
  analysed_at   INTEGER NOT NULL,
  CHECK ((feedback_id IS NULL) <> (mention_id IS NULL))
);
CREATE UNIQUE INDEX text_analyses_by_feedback ON text_analyses (feedback_id)
  WHERE feedback_id IS NOT NULL;
CREATE UNIQUE INDEX text_analyses_by_mention ON text_analyses (mention_id)
  WHERE mention_id IS NOT NULL;
CREATE INDEX text_analyses_by_guest ON text_analyses (restaurant_id, guest_id, at);

CREATE TABLE text_aspects (
  analysis_id   INTEGER NOT NULL REFERENCES text_analyses (id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  aspect        TEXT NOT NULL
                CHECK (aspect IN ('food', 'service', 'ambience', 'value', 'drinks')),
  sentiment     TEXT NOT NULL CHECK (sentiment IN ('positive', 'negative', 'neutral', 'mixed')),
  score_milli   INTEGER NOT NULL CHECK (score_milli BETWEEN -1000 AND 1000),
  sentences     INTEGER NOT NULL CHECK (sentences >= 1),
  at            INTEGER NOT NULL,
  PRIMARY KEY (analysis_id, aspect)
);
CREATE INDEX text_aspects_by_time ON text_aspects (restaurant_id, at, aspect);

CREATE TABLE text_dishes (
  analysis_id   INTEGER NOT NULL REFERENCES text_analyses (id) ON DELETE CASCADE,
  restaurant_id INTEGER NOT NULL,
  item_id       INTEGER NOT NULL,
  sentiment     TEXT NOT NULL CHECK (sentiment IN ('positive', 'negative', 'neutral', 'mixed')),
  score_milli   INTEGER NOT NULL CHECK (score_milli BETWEEN -1000 AND 1000),
  quote         TEXT NOT NULL,
  at            INTEGER NOT NULL,
  PRIMARY KEY (analysis_id, item_id),
  FOREIGN KEY (restaurant_id, item_id) REFERENCES menu_items (restaurant_id, id)
);
CREATE INDEX text_dishes_by_item ON text_dishes (restaurant_id, item_id, at);
CREATE INDEX text_dishes_by_time ON text_dishes (restaurant_id, at);
)sql";

// Erased guests (Store::EraseGuest): what is kept of them is their id, so
// that no other guest is ever given it (guests.id is a rowid, which SQLite
// would reuse for the next insert when the erased guest had the highest; the
// guests' insert starts above this table's highest id too), and their
// external id, so that a re-import from the source system cannot bring them
// back (migration 5 replaces it with a keyed hash). guest_id is this table's
// rowid, so its max() is one index read.
constexpr const char* kErasedGuests = R"sql(
CREATE TABLE erased_guests (
  guest_id      INTEGER PRIMARY KEY,
  restaurant_id INTEGER NOT NULL REFERENCES restaurants (id),
  external_id   TEXT NOT NULL DEFAULT '',
  erased_at     INTEGER NOT NULL
);
CREATE INDEX erased_guests_by_external_id ON erased_guests (restaurant_id, external_id)
  WHERE external_id <> '';

-- The same check twice: a SQLite trigger fires on one kind of statement.
CREATE TRIGGER guests_stay_erased_on_insert BEFORE INSERT ON guests
WHEN NEW.external_id <> '' AND EXISTS (
  SELECT 1 FROM erased_guests
  WHERE restaurant_id = NEW.restaurant_id AND external_id = NEW.external_id AND external_id <> '')
BEGIN
  SELECT RAISE(ABORT, 'external_id belongs to a guest erased at their request; remove the guest from the source');
END;
CREATE TRIGGER guests_stay_erased_on_update BEFORE UPDATE OF external_id ON guests
WHEN NEW.external_id <> '' AND EXISTS (
  SELECT 1 FROM erased_guests
  WHERE restaurant_id = NEW.restaurant_id AND external_id = NEW.external_id AND external_id <> '')
BEGIN
  SELECT RAISE(ABORT, 'external_id belongs to a guest erased at their request; remove the guest from the source');
END;
)sql";

// Erased guests' external ids as keyed hashes (erased_id_hash, defined on
// the writing connection from the key beside the database: erasure_key.h):
// the plain id was the source system's key to the person. The column is
// dropped, not blanked, and the store writes with secure_delete, so the
// plain ids are overwritten in the file, not left in free space.
constexpr const char* kErasedIdHashes = R"sql(
DROP TRIGGER guests_stay_erased_on_insert;
DROP TRIGGER guests_stay_erased_on_update;
DROP INDEX erased_guests_by_external_id;
ALTER TABLE erased_guests ADD COLUMN external_id_hash BLOB;
UPDATE erased_guests SET external_id_hash = erased_id_hash(external_id);
ALTER TABLE erased_guests DROP COLUMN external_id;
CREATE INDEX erased_guests_by_external_id_hash ON erased_guests (restaurant_id, external_id_hash)
  WHERE external_id_hash IS NOT NULL;

-- As in migration 4, the same check twice: a trigger fires on one kind of
-- statement. IS NOT NULL, implied by the equality, lets SQLite use the
-- partial index.
CREATE TRIGGER guests_stay_erased_on_insert BEFORE INSERT ON guests
WHEN NEW.external_id <> '' AND EXISTS (
  SELECT 1 FROM erased_guests
  WHERE restaurant_id = NEW.restaurant_id AND external_id_hash = erased_id_hash(NEW.external_id)
    AND external_id_hash IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'external_id belongs to a guest erased at their request; remove the guest from the source');
END;
CREATE TRIGGER guests_stay_erased_on_update BEFORE UPDATE OF external_id ON guests
WHEN NEW.external_id <> '' AND EXISTS (
  SELECT 1 FROM erased_guests
  WHERE restaurant_id = NEW.restaurant_id AND external_id_hash = erased_id_hash(NEW.external_id)
    AND external_id_hash IS NOT NULL)
BEGIN
  SELECT RAISE(ABORT, 'external_id belongs to a guest erased at their request; remove the guest from the source');
END;
)sql";

// What a waiter needs to say a dish and what not to suggest: the Spanish
// article of its name ('' = derived from name_es) and whether it is a
// staple (water, bread), never suggested unless asked for.
constexpr const char* kMenuSpeech = R"sql(
ALTER TABLE menu_items ADD COLUMN article_es TEXT NOT NULL DEFAULT ''
  CHECK (article_es IN ('', 'el', 'la', 'los', 'las'));
ALTER TABLE menu_items ADD COLUMN staple INTEGER NOT NULL DEFAULT 0 CHECK (staple IN (0, 1));
)sql";

constexpr std::array<Migration, 6> kMigrations{{
    {1,
     "core tables: restaurants, menu, guests, reservations, visits, orders, feedback, "
     "events, mentions",
     kCoreSchema},
    {2, "indexes for trends and guest timelines", kTrendIndexes},
    {3, "text analyses of feedback and mentions: language, verdict, aspects, dishes",
     kTextAnalyses},
    {4, "erased guests: ids never reused, external ids refused on re-import", kErasedGuests},
    {5, "erased guests' external ids kept only as keyed hashes", kErasedIdHashes},
    {6, "menu items: Spanish article of the name, staples", kMenuSpeech},
}};

constexpr const char* kCreateMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at  INTEGER NOT NULL
))sql";

Status RecordMigration(Connection& db, const Migration& migration) {
  ASSIGN_OR_RETURN(Statement insert,
                   db.Prepare("INSERT INTO schema_migrations (version, description, applied_at) "
                              "VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))"));
  insert.BindInt(1, migration.version);
  insert.BindText(2, migration.description);
  return insert.Run();
}

Status Apply(Connection& db, const Migration& migration) {
  Status status = db.Exec(migration.sql);
  if (status.ok()) status = RecordMigration(db, migration);
  return status.WithContext("migration " + std::to_string(migration.version));
}

}  // namespace

std::span<const Migration> SchemaMigrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

StatusOr<int> SchemaVersion(Connection& db) {
  RETURN_IF_ERROR(db.Exec(kCreateMigrationsTable));
  ASSIGN_OR_RETURN(Statement query,
                   db.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) return Status::Internal("schema_migrations: no version row");
  return static_cast<int>(query.ColumnInt(0));
}

Status Migrate(Connection& db, int target_version) {
  if (target_version < 0 || target_version > LatestSchemaVersion()) {
    return Status::InvalidArgument("unknown schema version " + std::to_string(target_version));
  }
  // Immediate: two processes opening one old file must not both upgrade it;
  // the second waits, then reads the version the first recorded.
  ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(db, Transaction::Kind::kImmediate));
  ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  if (current > target_version) {
    return Status::FailedPrecondition("database schema version " + std::to_string(current) +
                                      " is newer than this binary supports (" +
                                      std::to_string(target_version) +
                                      "); use a newer Sobremesa or restore an older backup");
  }
  for (const Migration& migration : kMigrations) {
    if (migration.version <= current || migration.version > target_version) continue;
    RETURN_IF_ERROR(Apply(db, migration));
  }
  return transaction.Commit();
}

}  // namespace sobremesa::sqlite
