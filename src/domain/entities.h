#pragma once
// The restaurant's records as plain values. Every record belongs to one
// restaurant (the tenant). `id` is assigned by the store (0 = not stored yet);
// `external_id` is the caller's key (POS, survey tool, export) and makes
// re-imports idempotent: the same (restaurant, external_id) updates in place.
// Times are UTC seconds; money is céntimos.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/time.h"
#include "domain/spanish_article.h"
#include "domain/vocabulary.h"

namespace sobremesa {

using Id = std::int64_t;

struct Restaurant {
  Id id = 0;
  std::string external_id;
  std::string name;
  std::string timezone = "America/Lima";
};

struct MenuItem {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::string name_es;
  std::string name_en;
  Course course = Course::kMain;
  std::string category;  // e.g. "cebiche", "criollo", "nikkei", "pisco", "wine", "non_alcoholic"
  std::vector<std::string> ingredients;
  AllergenSet allergens;
  DietSet diet_tags;
  int spice_level = 0;  // 0 (none) .. 3 (hot)
  Centimos price = 0;
  bool available = true;
  // The article said before name_es ("la causa"); unset, ArticleEs derives it
  // from the name.
  std::optional<SpanishArticle> article_es;
  // Taken by most tables as a matter of course (still water, bread): ordered
  // and paired with like any item, but never suggested unless asked for.
  bool staple = false;
};

// item.article_es, or DeriveSpanishArticle(item.name_es) when unset.
SpanishArticle ArticleEs(const MenuItem& item);

struct Consent {
  bool personalization = false;
  bool marketing = false;
  UnixSeconds updated_at = 0;
};

struct Guest {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::string name;
  std::string email;
  std::string phone;
  Language language = Language::kSpanish;
  AllergenSet allergies;
  DietSet dietary_needs;
  std::vector<std::string> preferences;  // free tags: "seafood", "spicy", "wine", ...
  Consent consent;
  UnixSeconds created_at = 0;
};

enum class ReservationStatus : std::uint8_t { kBooked, kSeated, kCompleted, kNoShow, kCancelled };

struct Reservation {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::optional<Id> guest_id;
  UnixSeconds reserved_for = 0;
  int party_size = 2;
  ReservationStatus status = ReservationStatus::kBooked;
  std::string channel;  // "phone", "web", "whatsapp", "walk_in", "concierge"
  Centimos deposit = 0;
  UnixSeconds created_at = 0;
};

struct Visit {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::optional<Id> guest_id;
  std::optional<Id> reservation_id;
  int party_size = 2;
  std::string table;
  UnixSeconds seated_at = 0;
  std::optional<UnixSeconds> closed_at;
  Centimos spend = 0;
  std::string occasion;  // "", "birthday", "anniversary", "business", "celebration", "date"
};

struct OrderLine {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;  // POS line id; natural key with the restaurant
  Id visit_id = 0;
  Id item_id = 0;
  int quantity = 1;
  std::vector<std::string> modifiers;  // "sin cebolla", "término medio"
  UnixSeconds ordered_at = 0;
};

// Stars are 1..5 per aspect, absent when the guest did not rate it.
struct AspectStars {
  std::optional<int> food, service, ambience, value, drinks;
};

struct Feedback {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::optional<Id> guest_id;
  std::optional<Id> visit_id;
  std::optional<int> nps;  // 0..10
  AspectStars stars;
  std::string text;
  Language language = Language::kSpanish;
  std::string channel;  // "survey", "google", "tripadvisor", "email", "in_person"
  UnixSeconds created_at = 0;
};

enum class EventType : std::uint8_t {
  kViewed, kOrdered, kSentBack, kRecommendationShown, kRecommendationAccepted,
  kRecommendationDeclined, kFeedbackGiven,
};

struct BehaviourEvent {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;  // optional; when set, makes the event idempotent
  Id guest_id = 0;
  std::optional<Id> visit_id;
  std::optional<Id> item_id;
  EventType type = EventType::kViewed;
  UnixSeconds at = 0;
};

struct SocialMention {
  Id id = 0;
  Id restaurant_id = 0;
  std::string external_id;
  std::string platform;  // "instagram", "tiktok", "x", "facebook", "google", "tripadvisor"
  std::string author;
  std::string text;
  Language language = Language::kSpanish;
  std::optional<int> rating;  // 1..5 when the platform has one
  std::string url;
  UnixSeconds posted_at = 0;
};

// Codes: "booked", "seated", "completed", "no_show", "cancelled".
std::string_view ReservationStatusCode(ReservationStatus s);
StatusOr<ReservationStatus> ParseReservationStatus(std::string_view code);
// Codes: "viewed", "ordered", "sent_back", "recommendation_shown",
// "recommendation_accepted", "recommendation_declined", "feedback_given".
std::string_view EventTypeCode(EventType t);
StatusOr<EventType> ParseEventType(std::string_view code);

}  // namespace sobremesa
