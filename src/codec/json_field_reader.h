#pragma once
// Typed, validated reads of the fields of one JSON object, shared by every
// entity reader in entity_json.cc so that each rule (ranges, codes, UTF-8,
// length caps, text-valued CSV cells) is written once.
//
// The first error sticks: after it every read does nothing, so an entity
// reader is a flat list of field reads followed by one status() check. Errors
// are InvalidArgument "<field>: <reason>".
//
// A field is absent when its key is missing or null, and in text_values mode
// also when it is "". An absent optional field leaves *out untouched (its
// default); an absent required one is an error. A field "a.b" is read from
// the nested object {"a": {"b": ...}} or, for flat CSV rows, the key "a.b".

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/entity_json.h"
#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace sobremesa {

enum class Need : bool { kOptional, kRequired };

// Length caps, in characters (code points), against oversized input.
inline constexpr size_t kMaxKeyChars = 200;      // external ids, tables, channels
inline constexpr size_t kMaxNameChars = 200;     // names, ingredients, modifiers
inline constexpr size_t kMaxTextChars = 10'000;  // free text (feedback, mentions)
inline constexpr size_t kMaxUrlChars = 2'000;
inline constexpr size_t kMaxListItems = 100;
// The largest amount of money read, S/ 1,000,000,000.00 in céntimos: far
// above any bill, and small enough that sums over years of orders (price
// times quantity, spend per guest) stay far from overflowing an int64.
inline constexpr Centimos kMaxCentimos = 1'000'000'000LL * 100;

class JsonFieldReader {
 public:
  // `object` must outlive the reader; anything but an object fails status().
  JsonFieldReader(const nlohmann::json& object, const JsonReadOptions& options);

  // UTF-8 text of at most `max_chars` characters; required text must not be empty.
  void Text(std::string_view field, size_t max_chars, std::string* out,
            Need need = Need::kOptional);
  // A JSON array of texts, or in text_values mode "a; b; c" (items trimmed,
  // empty items dropped).
  void TextList(std::string_view field, size_t max_chars, std::vector<std::string>* out);
  // `Out` is int or std::optional<int>.
  template <typename Out>
  void Int(std::string_view field, int min, int max, Out* out, Need need = Need::kOptional) {
    Read(field, need, out, [&](const nlohmann::json& v) { return ParseInt(v, min, max); });
  }
  // A store id (>= 1); `Out` is Id or std::optional<Id>.
  template <typename Out>
  void StoreId(std::string_view field, Out* out, Need need = Need::kOptional) {
    Read(field, need, out, [&](const nlohmann::json& v) { return ParseId(v); });
  }
  void Bool(std::string_view field, bool* out);
  // ISO 8601 via ParseTimestamp (Lima when no offset); `Out` is UnixSeconds or
  // std::optional<UnixSeconds>.
  template <typename Out>
  void Time(std::string_view field, Out* out, Need need = Need::kOptional) {
    Read(field, need, out, [&](const nlohmann::json& v) { return ParseTime(v); });
  }
  // Soles in `field` ("45.50" or 45.5) and/or céntimos in "<field>_centimos"
  // (4550), at most kMaxCentimos; when both are given they must agree.
  void Money(std::string_view field, Centimos* out, Need need = Need::kOptional);
  // One code of a vocabulary; `parse` names the valid codes on failure.
  template <typename E, typename Out>
  void Code(std::string_view field, StatusOr<E> (*parse)(std::string_view), Out* out,
            Need need = Need::kOptional) {
    Read(field, need, out, [&](const nlohmann::json& v) -> StatusOr<E> {
      ASSIGN_OR_RETURN(std::string code, ParseCode(v));
      return parse(code);
    });
  }
  // A list of codes (see TextList) parsed into a set.
  template <typename Set>
  void CodeSet(std::string_view field, StatusOr<Set> (*parse)(const std::vector<std::string>&),
               Set* out) {
    std::vector<std::string> codes;
    TextList(field, kMaxKeyChars, &codes);
    if (codes.empty() || !status_.ok()) return;
    StatusOr<Set> set = parse(codes);
    if (!set.ok()) return Fail(field, set.status().message());
    *out = *set;
  }
  // A reference to another record: "<entity>_id" (store id) or
  // "<entity>_external_id" (caller's key), not both. `IdOut` is Id or std::optional<Id>.
  template <typename IdOut>
  void Ref(std::string_view entity, IdOut* id, std::optional<std::string>* external,
           Need need = Need::kOptional) {
    const std::string id_field = std::string(entity) + "_id";
    const std::string ext_field = std::string(entity) + "_external_id";
    if (!status_.ok()) return;
    if (Has(id_field) && Has(ext_field)) {
      return Fail(ext_field, "give " + id_field + " or " + ext_field + ", not both");
    }
    if (need == Need::kRequired && !Has(id_field) && !Has(ext_field)) {
      return Fail(id_field, "required (or " + ext_field + ")");
    }
    StoreId(id_field, id);
    std::string key;
    Text(ext_field, kMaxKeyChars, &key);
    if (!key.empty()) *external = std::move(key);
  }

  // True when the field is present (see the header comment).
  bool Has(std::string_view field) const { return Find(field) != nullptr; }
  // Records an error for a rule that spans fields; ignored after the first error.
  void Fail(std::string_view field, const std::string& reason);
  const Status& status() const { return status_; }

  // After every field has been read: the keys of the object, and of objects
  // nested in it ("consent.marketting"), that no read asked for, in order.
  // Empty unless options.unknown_fields is kReject or kList.
  std::vector<std::string> UnreadFields() const;
  // With UnknownFields::kReject: fails on the first of UnreadFields(),
  // listing the fields read.
  void RejectUnreadFields();

 private:
  const nlohmann::json* Find(std::string_view field) const;
  // For "consent.marketing": the value of "consent" when it is present but
  // not an object ("consent": true), which must not read as no consent.
  const nlohmann::json* NonObjectParent(std::string_view field) const;
  static std::string ExpectedObject(const nlohmann::json& got);

  // Reads a present value with `parse` and stores it into *out (a T or an
  // std::optional<T>); handles absence and the sticky error.
  template <typename Out, typename Parse>
  void Read(std::string_view field, Need need, Out* out, Parse parse) {
    if (!status_.ok()) return;
    const nlohmann::json* v = Find(field);
    if (v == nullptr) {
      if (const nlohmann::json* outer = NonObjectParent(field)) {
        return Fail(field.substr(0, field.find('.')), ExpectedObject(*outer));
      }
      if (need == Need::kRequired) Fail(field, "required");
      return;
    }
    auto parsed = parse(*v);
    if (!parsed.ok()) return Fail(field, parsed.status().message());
    *out = std::move(parsed).value();
  }

  StatusOr<std::int64_t> ParseInteger(const nlohmann::json& v) const;
  StatusOr<int> ParseInt(const nlohmann::json& v, int min, int max) const;
  StatusOr<std::int64_t> ParseId(const nlohmann::json& v) const;
  StatusOr<UnixSeconds> ParseTime(const nlohmann::json& v) const;
  StatusOr<Centimos> ParseSolesValue(const nlohmann::json& v) const;
  StatusOr<std::string> ParseCode(const nlohmann::json& v) const;
  StatusOr<std::vector<std::string>> ParseList(const nlohmann::json& v, size_t max_chars) const;

  bool Asked(std::string_view field) const;
  bool AskedUnder(std::string_view parent) const;

  const nlohmann::json& object_;
  const JsonReadOptions options_;
  Status status_;
  // Every field a read asked for, in order; kept only when
  // options_.unknown_fields is kReject or kList.
  mutable std::vector<std::string> asked_;
};

// A JSON value as shown in an error message: compact, at most ~40 characters,
// invalid UTF-8 replaced rather than thrown on.
std::string ShowJsonValue(const nlohmann::json& v);

// OK when `text` is valid UTF-8 of at most `max_chars` code points.
Status CheckText(std::string_view text, size_t max_chars);

}  // namespace sobremesa
