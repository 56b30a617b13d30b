#include "domain/entities.h"

#include <array>

#include "domain/code_table.h"

namespace sobremesa {
namespace {

constexpr std::array<std::string_view, 5> kReservationStatusCodes{
    "booked", "seated", "completed", "no_show", "cancelled"};
constexpr std::array<std::string_view, 7> kEventTypeCodes{
    "viewed", "ordered", "sent_back", "recommendation_shown", "recommendation_accepted",
    "recommendation_declined", "feedback_given"};

}  // namespace

SpanishArticle ArticleEs(const MenuItem& item) {
  return item.article_es ? *item.article_es : DeriveSpanishArticle(item.name_es);
}

std::string_view ReservationStatusCode(ReservationStatus s) {
  return kReservationStatusCodes[size_t(s)];
}
StatusOr<ReservationStatus> ParseReservationStatus(std::string_view code) {
  return ParseCodeFromTable<ReservationStatus>(code, kReservationStatusCodes, "reservation status");
}
std::string_view EventTypeCode(EventType t) { return kEventTypeCodes[size_t(t)]; }
StatusOr<EventType> ParseEventType(std::string_view code) {
  return ParseCodeFromTable<EventType>(code, kEventTypeCodes, "event type");
}

}  // namespace sobremesa
