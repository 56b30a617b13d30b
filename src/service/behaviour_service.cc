#include "service/behaviour_service.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "service/csv_row.h"
#include "store/guest_pages.h"

namespace sobremesa {
namespace {

constexpr UnixSeconds kDay = 86400;

UnixSeconds StartOfLimaDay(UnixSeconds t) {
  const LocalTime local = ToLocal(t);
  return FromLocal(local.year, local.month, local.day, 0, 0, 0);
}

std::string LimaDate(UnixSeconds t) { return FormatTimestamp(t).substr(0, 10); }

// The start of the Lima day named by "YYYY-MM-DD".
StatusOr<UnixSeconds> ParseDay(const std::string& date) {
  if (date.size() != 10) {
    return Status::InvalidArgument("date: expected YYYY-MM-DD, got '" + date.substr(0, 40) + "'");
  }
  auto start = ParseTimestamp(date);
  if (!start.ok()) return Status::InvalidArgument("date: " + start.status().message());
  return *start;
}

std::string Format(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.4f", value);
  return text;
}

}  // namespace

BehaviourService::BehaviourService(Store& store, std::function<UnixSeconds()> clock)
    : store_(store),
      clock_(clock ? std::move(clock) : [] { return UnixSeconds(std::time(nullptr)); }) {}

void BehaviourService::SetModel(Id restaurant_id,
                                std::shared_ptr<const BehaviourPredictions> model) {
  std::lock_guard lock(mutex_);
  models_[restaurant_id] = std::move(model);
}

StatusOr<std::shared_ptr<const BehaviourPredictions>> BehaviourService::Model(
    Id restaurant_id) const {
  std::lock_guard lock(mutex_);
  auto it = models_.find(restaurant_id);
  if (it == models_.end()) {
    return Status::FailedPrecondition(
        "no behaviour model for restaurant " + std::to_string(restaurant_id) +
        " yet: run `sobremesa train behaviour` (a running server picks the file up within "
        "seconds, or at once on POST /v1/admin/reload)");
  }
  return it->second;
}

StatusOr<GuestOutlook> BehaviourService::Outlook(Id restaurant_id, Id guest_id) const {
  ASSIGN_OR_RETURN(auto model, Model(restaurant_id));
  RETURN_IF_ERROR(store_.GetGuest(restaurant_id, guest_id).status());
  GuestOutlook outlook{guest_id, std::nullopt, nullptr, model, ""};
  if (const GuestPrediction* p = model->Find(guest_id)) {
    outlook.prediction = *p;
    outlook.segment = model->FindSegment(p->segment);
  } else {
    outlook.note = "no visit before the model was trained (" +
                   FormatTimestamp(model->observed_until) +
                   "): nothing to forecast from yet; the next `sobremesa train behaviour` "
                   "includes visits since";
  }
  return outlook;
}

StatusOr<std::vector<BookEntry>> BehaviourService::NoShowBook(Id restaurant_id,
                                                              const std::string& date) const {
  // The request is checked before the model is looked for: a malformed date
  // is the caller's to fix whether or not training has run.
  const UnixSeconds now = clock_(), today = StartOfLimaDay(now);
  UnixSeconds day = today;
  if (!date.empty()) {
    ASSIGN_OR_RETURN(day, ParseDay(date));
  }
  if (day < today) {
    return Status::InvalidArgument("date " + date + " is before today (" + LimaDate(now) +
                                   "): no-show risk is a forecast; what happened to past "
                                   "reservations is in their status");
  }
  ASSIGN_OR_RETURN(auto model, Model(restaurant_id));
  if (!model->no_show) {
    return Status::FailedPrecondition(
        "the no-show classifier could not be trained for restaurant " +
        std::to_string(restaurant_id) + " (too few settled reservations, or only one outcome)");
  }
  ASSIGN_OR_RETURN(std::vector<Reservation> day_book,
                   store_.ListReservations(restaurant_id, day, day + kDay));
  std::vector<BookEntry> book;
  for (const Reservation& r : day_book) {
    if (r.status == ReservationStatus::kCancelled) continue;
    BookEntry e{r, std::nullopt, false};
    if (r.status == ReservationStatus::kBooked) {
      const GuestPrediction* guest = r.guest_id ? model->Find(*r.guest_id) : nullptr;
      e.no_show_risk = model->no_show->Predict(
          NoShowFeatures(r, guest ? guest->bookings : GuestBookingRecord{}));
      e.overdue = r.reserved_for < now;
    }
    book.push_back(std::move(e));
  }
  std::stable_sort(book.begin(), book.end(), [](const BookEntry& a, const BookEntry& b) {
    return a.no_show_risk.value_or(-1) > b.no_show_risk.value_or(-1);
  });
  return book;
}

StatusOr<SegmentMembers> BehaviourService::Members(Id restaurant_id, int segment_id, int limit,
                                                   int offset) const {
  ASSIGN_OR_RETURN(auto model, Model(restaurant_id));
  if (model->FindSegment(segment_id) == nullptr) {
    return Status::NotFound("segment " + std::to_string(segment_id) + " not found");
  }
  // The model keeps a guest erased since training until the next one;
  // the store says who they are, so the list leaves them out at once.
  ASSIGN_OR_RETURN(const std::vector<Id> erased, store_.ListErasedGuestIds(restaurant_id));
  std::vector<GuestPrediction> members;
  for (const GuestPrediction& g : model->guests) {
    if (g.segment == segment_id && !std::binary_search(erased.begin(), erased.end(), g.guest_id)) {
      members.push_back(g);
    }
  }
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return a.expected_value_90d > b.expected_value_90d;
  });
  SegmentMembers out{std::int64_t(members.size()), {}, model};
  const size_t begin = std::min(members.size(), size_t(offset));
  const size_t end = std::min(members.size(), begin + size_t(limit));
  out.guests.assign(members.begin() + begin, members.begin() + end);
  return out;
}

StatusOr<std::int64_t> BehaviourService::ExportSegmentCsv(Id restaurant_id, int segment_id,
                                                          std::ostream& out) const {
  ASSIGN_OR_RETURN(auto model, Model(restaurant_id));
  const SegmentSummary* segment = model->FindSegment(segment_id);
  if (segment == nullptr)
    return Status::NotFound("segment " + std::to_string(segment_id) + " not found");
  WriteCsvRow(out, {"guest_id", "external_id", "name", "email", "phone", "language", "segment",
                    "segment_description", "probability_alive", "expected_visits_90d",
                    "expected_value_90d_soles", "churn_risk"});
  std::int64_t rows = 0;
  RETURN_IF_ERROR(ForEachGuest(store_, restaurant_id, [&](const Guest& g) {
    const GuestPrediction* p = model->Find(g.id);
    if (!g.consent.marketing || p == nullptr || p->segment != segment_id) return Status::Ok();
    WriteCsvRow(out, {std::to_string(g.id), g.external_id, g.name, g.email, g.phone,
                      std::string(LanguageCode(g.language)), std::to_string(segment_id),
                      segment->description, Format(p->probability_alive),
                      Format(p->expected_visits_90d), Format(p->expected_value_90d),
                      Format(p->churn_risk)});
    ++rows;
    return Status::Ok();
  }));
  return rows;
}

}  // namespace sobremesa
