#pragma once
// JSON mapping of the restaurant's records, shared by the HTTP API and the
// bulk importer (JSONL rows, and CSV rows turned into flat objects).
//
// Reading validates everything: a wrong type, a value out of range, an
// unknown code, invalid UTF-8 or a missing required field is InvalidArgument
// whose message starts with the field name ("party_size: expected an integer
// from 1 to 50, got \"dos\""). Unknown fields are ignored.
//
// References to other records may be given by store id ("guest_id": 12) or by
// the caller's key ("guest_external_id": "POS-881"); the latter are returned in
// ExternalRefs for the service layer to resolve against the store.
//
// Money: read from "price" as soles ("45.50", "45,5" or the number 45.5)
// and/or "price_centimos" as an integer (4550); when both are given they must
// agree. Written as both, the string for people and the integer for programs.
// The same holds for "deposit" and "spend".
// Nested values ("stars": {"food": 5}, "consent": {"marketing": true}) may also
// be given flat with a dotted key ("stars.food"), which is how CSV columns
// name them. "id" and "restaurant_id" are read when present; callers that
// scope records to a tenant overwrite restaurant_id. Field names, ranges and
// caps per entity are listed in docs/import.md.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"

namespace sobremesa {

// What reading a record does with a key the record does not have. A guest
// with a misspelt "allergy" must not be stored without their allergies,
// and so without the rule that protects them, unnoticed.
enum class UnknownFields : std::uint8_t {
  kIgnore,
  kReject,  // the API: an InvalidArgument naming the key and the record's fields
  kList,    // imports, whose exports carry columns of their own: stored, and
            // named in Parsed::unknown_fields for a warning
};

struct JsonReadOptions {
  // CSV cells arrive as text: accept "4" for 4, "true"/"1" for booleans,
  // "fish;shellfish" for lists, and "" for an absent optional field.
  bool text_values = false;
  UnknownFields unknown_fields = UnknownFields::kIgnore;
};

// Keys of referenced records given by external id instead of store id.
struct ExternalRefs {
  std::optional<std::string> guest, visit, item, reservation;
};

template <typename T>
struct Parsed {
  T value;
  ExternalRefs refs;
  // With UnknownFields::kList: the keys read as nothing, nested ones as
  // "consent.marketting", in the object's order.
  std::vector<std::string> unknown_fields;
};

StatusOr<Parsed<MenuItem>> MenuItemFromJson(const nlohmann::json& j, const JsonReadOptions& o = {});
StatusOr<Parsed<Guest>> GuestFromJson(const nlohmann::json& j, const JsonReadOptions& o = {});
StatusOr<Parsed<Reservation>> ReservationFromJson(const nlohmann::json& j,
                                                  const JsonReadOptions& o = {});
StatusOr<Parsed<Visit>> VisitFromJson(const nlohmann::json& j, const JsonReadOptions& o = {});
StatusOr<Parsed<OrderLine>> OrderLineFromJson(const nlohmann::json& j,
                                              const JsonReadOptions& o = {});
StatusOr<Parsed<Feedback>> FeedbackFromJson(const nlohmann::json& j, const JsonReadOptions& o = {});
StatusOr<Parsed<BehaviourEvent>> EventFromJson(const nlohmann::json& j,
                                               const JsonReadOptions& o = {});
StatusOr<Parsed<SocialMention>> MentionFromJson(const nlohmann::json& j,
                                                const JsonReadOptions& o = {});

// Writing: times as Lima ISO 8601, money as soles strings ("45.50") plus
// integer céntimos, vocabularies as codes.
nlohmann::json ToJson(const MenuItem& m);
nlohmann::json ToJson(const Guest& g);
nlohmann::json ToJson(const Reservation& r);
nlohmann::json ToJson(const Visit& v);
nlohmann::json ToJson(const OrderLine& l);
nlohmann::json ToJson(const Feedback& f);
nlohmann::json ToJson(const BehaviourEvent& e);
nlohmann::json ToJson(const SocialMention& m);

}  // namespace sobremesa
