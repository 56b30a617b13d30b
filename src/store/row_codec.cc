#include "store/row_codec.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace sobremesa::sqlite {
namespace {

constexpr const char* kEmptyList = "[]";

std::string JoinColumns(std::span<const char* const> columns) {
  std::string out;
  for (const char* column : columns) {
    if (!out.empty()) out += ", ";
    out += column;
  }
  return out;
}

// "c = excluded.c, ...": an upsert overwrites every payload column.
std::string ExcludedAssignments(std::span<const char* const> columns) {
  std::string out;
  for (const char* column : columns) {
    if (!out.empty()) out += ", ";
    out += std::string(column) + " = excluded." + column;
  }
  return out;
}

// "?4, ?5, ..." for the payload columns.
std::string PayloadParameters(size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += ", ?" + std::to_string(i + 4);
  return out;
}

std::string UpdateAssignments(std::span<const char* const> columns) {
  std::string out = "external_id = ?3";
  for (size_t i = 0; i < columns.size(); ++i) {
    out += ", " + std::string(columns[i]) + " = ?" + std::to_string(i + 4);
  }
  return out;
}

// Calls fn(value) for each value of the compact form the store writes,
// ["a","b c"], when no value needs an escape: the common case, read without
// a general JSON parse or any allocation on the menu's hot path. False for
// anything else, possibly after some calls, which the caller then discards.
template <typename Fn>
bool ForEachPlainText(std::string_view text, Fn&& fn) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  const std::string_view body = text.substr(1, text.size() - 2);
  size_t pos = 0;
  while (pos < body.size()) {
    const bool separated = pos == 0 || body[pos++] == ',';
    if (!separated || pos >= body.size() || body[pos++] != '"') return false;
    size_t end = pos;
    while (end < body.size() && body[end] != '"' && body[end] != '\\' &&
           static_cast<unsigned char>(body[end]) >= 0x20) {
      ++end;
    }
    if (end >= body.size() || body[end] != '"') return false;
    fn(body.substr(pos, end - pos));
    pos = end + 1;
  }
  return true;
}

// Any JSON array of text; InvalidArgument for anything else.
StatusOr<std::vector<std::string>> ParseJsonTextList(std::string_view text) {
  nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!array.is_array()) return Status::InvalidArgument("not a JSON array: " + std::string(text));
  std::vector<std::string> values;
  values.reserve(array.size());
  for (const nlohmann::json& value : array) {
    if (!value.is_string()) {
      return Status::InvalidArgument("a JSON array of text holds " + value.dump());
    }
    values.push_back(value.get<std::string>());
  }
  return values;
}

}  // namespace

void RowBinder::TextList(const std::vector<std::string>& values, std::string_view what) {
  if (values.empty()) {
    statement_.BindText(next_++, kEmptyList);
    return;
  }
  nlohmann::json array = nlohmann::json::array();
  for (const std::string& value : values) {
    // dump() throws on invalid UTF-8; reject it here as the caller's error.
    if (Status valid = ValidateUtf8(value, what); !valid.ok()) {
      if (status_.ok()) status_ = valid;
      statement_.BindText(next_++, kEmptyList);
      return;
    }
    array.push_back(value);
  }
  statement_.BindTextCopy(next_++, array.dump());
}

std::optional<int> RowReader::OptionalSmallInt() {
  std::optional<std::int64_t> value = OptionalInt();
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::vector<std::string> RowReader::TextList() {
  std::string_view text = statement_.ColumnText(next_++);
  std::vector<std::string> values;
  if (text == kEmptyList) return values;
  values.reserve(std::count(text.begin(), text.end(), ',') + 1);
  if (ForEachPlainText(text, [&](std::string_view value) { values.emplace_back(value); })) {
    return values;
  }
  return Parsed(ParseJsonTextList(text));
}

template <typename E>
EnumSet<E> RowReader::CodeSet(StatusOr<E> (*parse)(std::string_view)) {
  std::string_view text = statement_.ColumnText(next_++);
  EnumSet<E> set;
  Status status;
  auto add = [&](std::string_view code) {
    StatusOr<E> value = parse(code);
    if (value.ok()) {
      set.Add(*value);
    } else if (status.ok()) {
      status = value.status();
    }
  };
  if (!ForEachPlainText(text, add)) {
    set = {};
    status = Status::Ok();
    StatusOr<std::vector<std::string>> codes = ParseJsonTextList(text);
    if (!codes.ok()) status = codes.status();
    for (const std::string& code : codes.ok() ? *codes : std::vector<std::string>{}) add(code);
  }
  if (!status.ok()) Fail(status);
  return set;
}

template AllergenSet RowReader::CodeSet(StatusOr<Allergen> (*)(std::string_view));
template DietSet RowReader::CodeSet(StatusOr<DietTag> (*)(std::string_view));

void RowReader::Fail(const Status& status) {
  // A value the store wrote cannot fail to decode, so a failure means the
  // file was edited by hand or by another program: an internal error.
  if (status_.ok()) status_ = Status::Internal(status.message());
}

const char* ReferenceExistsSql(ReferencedTable table) {
  switch (table) {
    case ReferencedTable::kGuests:
      return "SELECT 1 FROM guests WHERE restaurant_id = ?1 AND id = ?2";
    case ReferencedTable::kReservations:
      return "SELECT 1 FROM reservations WHERE restaurant_id = ?1 AND id = ?2";
    case ReferencedTable::kVisits:
      return "SELECT 1 FROM visits WHERE restaurant_id = ?1 AND id = ?2";
    case ReferencedTable::kMenuItems:
      return "SELECT 1 FROM menu_items WHERE restaurant_id = ?1 AND id = ?2";
  }
  return "SELECT 1 WHERE 0";
}

EntitySql BuildEntitySql(const char* table, std::span<const char* const> columns,
                         const char* new_id) {
  const std::string names = JoinColumns(columns);
  const std::string id_column = new_id != nullptr ? "id, " : "";
  const std::string id_value = new_id != nullptr ? std::string(new_id) + ", " : "";
  const std::string insert = "INSERT INTO " + std::string(table) + " (" + id_column +
                             "restaurant_id, external_id, " + names + ") VALUES (" + id_value +
                             "?2, ?3" + PayloadParameters(columns.size()) + ")";
  // The conflict target names the partial index, so rows without an
  // external_id never conflict and are always inserted.
  const std::string on_conflict =
      " ON CONFLICT (restaurant_id, external_id) WHERE external_id <> ''";
  const std::string select =
      "SELECT id, restaurant_id, external_id, " + names + " FROM " + std::string(table);
  return EntitySql{
      .upsert =
          insert + on_conflict + " DO UPDATE SET " + ExcludedAssignments(columns) + " RETURNING id",
      .append = insert + on_conflict + " DO NOTHING RETURNING id",
      .update = "UPDATE " + std::string(table) + " SET " + UpdateAssignments(columns) +
                " WHERE restaurant_id = ?2 AND id = ?1 RETURNING id",
      .select = select,
      .select_by_id = select + " WHERE restaurant_id = ?1 AND id = ?2",
      // The repeated `external_id <> ''` lets SQLite use the partial unique
      // index; with only a bound parameter it cannot prove the index applies
      // and scans the table (an import's lookups were 80 % of its time).
      .id_by_external_id = "SELECT id FROM " + std::string(table) +
                           " WHERE restaurant_id = ?1 AND external_id = ?2 AND external_id <> ''",
  };
}

void RowCodec<MenuItem>::Bind(RowBinder& out, const MenuItem& item) {
  out.Text(item.name_es);
  out.Text(item.name_en);
  out.Text(CourseCode(item.course));
  out.Text(item.category);
  out.TextList(item.ingredients, "ingredients");
  out.TextList(AllergenCodes(item.allergens), "allergens");
  out.TextList(DietTagCodes(item.diet_tags), "diet_tags");
  out.Int(item.spice_level);
  out.Int(item.price);
  out.Int(item.available ? 1 : 0);
  // '' when not stated: derived from the name when read (ArticleEs).
  out.Text(item.article_es ? SpanishArticleCode(*item.article_es) : "");
  out.Int(item.staple ? 1 : 0);
}

void RowCodec<MenuItem>::Read(RowReader& in, MenuItem& item) {
  item.name_es = in.Text();
  item.name_en = in.Text();
  item.course = in.Code(&ParseCourse);
  item.category = in.Text();
  item.ingredients = in.TextList();
  item.allergens = in.CodeSet(&ParseAllergen);
  item.diet_tags = in.CodeSet(&ParseDietTag);
  item.spice_level = static_cast<int>(in.Int());
  item.price = in.Int();
  item.available = in.Int() != 0;
  const std::string article = in.Text();
  if (!article.empty()) item.article_es = in.Parsed(ParseSpanishArticle(article));
  item.staple = in.Int() != 0;
}

void RowCodec<Guest>::Bind(RowBinder& out, const Guest& guest) {
  out.Text(guest.name);
  out.Text(guest.email);
  out.Text(guest.phone);
  out.Text(LanguageCode(guest.language));
  out.TextList(AllergenCodes(guest.allergies), "allergies");
  out.TextList(DietTagCodes(guest.dietary_needs), "dietary_needs");
  out.TextList(guest.preferences, "preferences");
  out.Int(guest.consent.personalization ? 1 : 0);
  out.Int(guest.consent.marketing ? 1 : 0);
  out.Int(guest.consent.updated_at);
  out.Int(guest.created_at);
}

void RowCodec<Guest>::Read(RowReader& in, Guest& guest) {
  guest.name = in.Text();
  guest.email = in.Text();
  guest.phone = in.Text();
  guest.language = in.Code(&ParseLanguage);
  guest.allergies = in.CodeSet(&ParseAllergen);
  guest.dietary_needs = in.CodeSet(&ParseDietTag);
  guest.preferences = in.TextList();
  guest.consent.personalization = in.Int() != 0;
  guest.consent.marketing = in.Int() != 0;
  guest.consent.updated_at = in.Int();
  guest.created_at = in.Int();
}

void RowCodec<Reservation>::Bind(RowBinder& out, const Reservation& reservation) {
  out.OptionalInt(reservation.guest_id);
  out.Int(reservation.reserved_for);
  out.Int(reservation.party_size);
  out.Text(ReservationStatusCode(reservation.status));
  out.Text(reservation.channel);
  out.Int(reservation.deposit);
  out.Int(reservation.created_at);
}

void RowCodec<Reservation>::Read(RowReader& in, Reservation& reservation) {
  reservation.guest_id = in.OptionalInt();
  reservation.reserved_for = in.Int();
  reservation.party_size = static_cast<int>(in.Int());
  reservation.status = in.Code(&ParseReservationStatus);
  reservation.channel = in.Text();
  reservation.deposit = in.Int();
  reservation.created_at = in.Int();
}

std::vector<Reference> RowCodec<Reservation>::References(const Reservation& reservation) {
  return {{"guest", ReferencedTable::kGuests, reservation.guest_id}};
}

void RowCodec<Visit>::Bind(RowBinder& out, const Visit& visit) {
  out.OptionalInt(visit.guest_id);
  out.OptionalInt(visit.reservation_id);
  out.Int(visit.party_size);
  out.Text(visit.table);
  out.Int(visit.seated_at);
  out.OptionalInt(visit.closed_at);
  out.Int(visit.spend);
  out.Text(visit.occasion);
}

void RowCodec<Visit>::Read(RowReader& in, Visit& visit) {
  visit.guest_id = in.OptionalInt();
  visit.reservation_id = in.OptionalInt();
  visit.party_size = static_cast<int>(in.Int());
  visit.table = in.Text();
  visit.seated_at = in.Int();
  visit.closed_at = in.OptionalInt();
  visit.spend = in.Int();
  visit.occasion = in.Text();
}

std::vector<Reference> RowCodec<Visit>::References(const Visit& visit) {
  return {{"guest", ReferencedTable::kGuests, visit.guest_id},
          {"reservation", ReferencedTable::kReservations, visit.reservation_id}};
}

void RowCodec<OrderLine>::Bind(RowBinder& out, const OrderLine& line) {
  out.Int(line.visit_id);
  out.Int(line.item_id);
  out.Int(line.quantity);
  out.TextList(line.modifiers, "modifiers");
  out.Int(line.ordered_at);
}

void RowCodec<OrderLine>::Read(RowReader& in, OrderLine& line) {
  line.visit_id = in.Int();
  line.item_id = in.Int();
  line.quantity = static_cast<int>(in.Int());
  line.modifiers = in.TextList();
  line.ordered_at = in.Int();
}

std::vector<Reference> RowCodec<OrderLine>::References(const OrderLine& line) {
  return {{"visit", ReferencedTable::kVisits, line.visit_id},
          {"item", ReferencedTable::kMenuItems, line.item_id}};
}

void RowCodec<Feedback>::Bind(RowBinder& out, const Feedback& feedback) {
  out.OptionalInt(feedback.guest_id);
  out.OptionalInt(feedback.visit_id);
  out.OptionalInt(feedback.nps);
  out.OptionalInt(feedback.stars.food);
  out.OptionalInt(feedback.stars.service);
  out.OptionalInt(feedback.stars.ambience);
  out.OptionalInt(feedback.stars.value);
  out.OptionalInt(feedback.stars.drinks);
  out.Text(feedback.text);
  out.Text(LanguageCode(feedback.language));
  out.Text(feedback.channel);
  out.Int(feedback.created_at);
}

void RowCodec<Feedback>::Read(RowReader& in, Feedback& feedback) {
  feedback.guest_id = in.OptionalInt();
  feedback.visit_id = in.OptionalInt();
  feedback.nps = in.OptionalSmallInt();
  feedback.stars.food = in.OptionalSmallInt();
  feedback.stars.service = in.OptionalSmallInt();
  feedback.stars.ambience = in.OptionalSmallInt();
  feedback.stars.value = in.OptionalSmallInt();
  feedback.stars.drinks = in.OptionalSmallInt();
  feedback.text = in.Text();
  feedback.language = in.Code(&ParseLanguage);
  feedback.channel = in.Text();
  feedback.created_at = in.Int();
}

std::vector<Reference> RowCodec<Feedback>::References(const Feedback& feedback) {
  return {{"guest", ReferencedTable::kGuests, feedback.guest_id},
          {"visit", ReferencedTable::kVisits, feedback.visit_id}};
}

void RowCodec<BehaviourEvent>::Bind(RowBinder& out, const BehaviourEvent& event) {
  out.Int(event.guest_id);
  out.OptionalInt(event.visit_id);
  out.OptionalInt(event.item_id);
  out.Text(EventTypeCode(event.type));
  out.Int(event.at);
}

void RowCodec<BehaviourEvent>::Read(RowReader& in, BehaviourEvent& event) {
  event.guest_id = in.Int();
  event.visit_id = in.OptionalInt();
  event.item_id = in.OptionalInt();
  event.type = in.Code(&ParseEventType);
  event.at = in.Int();
}

std::vector<Reference> RowCodec<BehaviourEvent>::References(const BehaviourEvent& event) {
  return {{"guest", ReferencedTable::kGuests, event.guest_id},
          {"visit", ReferencedTable::kVisits, event.visit_id},
          {"item", ReferencedTable::kMenuItems, event.item_id}};
}

void RowCodec<SocialMention>::Bind(RowBinder& out, const SocialMention& mention) {
  out.Text(mention.platform);
  out.Text(mention.author);
  out.Text(mention.text);
  out.Text(LanguageCode(mention.language));
  out.OptionalInt(mention.rating);
  out.Text(mention.url);
  out.Int(mention.posted_at);
}

void RowCodec<SocialMention>::Read(RowReader& in, SocialMention& mention) {
  mention.platform = in.Text();
  mention.author = in.Text();
  mention.text = in.Text();
  mention.language = in.Code(&ParseLanguage);
  mention.rating = in.OptionalSmallInt();
  mention.url = in.Text();
  mention.posted_at = in.Int();
}

}  // namespace sobremesa::sqlite
