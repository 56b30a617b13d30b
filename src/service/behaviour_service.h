#pragma once
// The behaviour use cases behind the API: a guest's outlook, the evening's
// book sorted by no-show risk, the segments, their members and a campaign
// export. Reads the predictions `sobremesa train behaviour` wrote (loaded
// at start and swapped in whole); only tonight's no-show risks are computed
// on request, a dot product per booking.
//
// Thread safety: every method may be called concurrently.

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/behaviour/behaviour_predictions.h"
#include "store/store.h"

namespace sobremesa {

struct GuestOutlook {
  Id guest_id = 0;
  // Absent when the guest had no visit when the model was trained: there is
  // nothing to forecast from yet. `note` says so.
  std::optional<GuestPrediction> prediction;
  const SegmentSummary* segment = nullptr;  // owned by `model`
  std::shared_ptr<const BehaviourPredictions> model;
  std::string note;
};

struct BookEntry {
  Reservation reservation;
  std::optional<double> no_show_risk;  // absent for a reservation already settled
  bool overdue = false;                // still booked but its time has passed
};

struct SegmentMembers {
  std::int64_t total = 0;
  std::vector<GuestPrediction> guests;  // by expected 90-day value, highest first
  std::shared_ptr<const BehaviourPredictions> model;
};

class BehaviourService {
 public:
  // `clock` gives "now" (UTC seconds); tests fix it.
  explicit BehaviourService(Store& store, std::function<UnixSeconds()> clock = {});

  void SetModel(Id restaurant_id, std::shared_ptr<const BehaviourPredictions> model);

  // FailedPrecondition telling the operator to run `sobremesa train
  // behaviour` when the restaurant has no model.
  StatusOr<std::shared_ptr<const BehaviourPredictions>> Model(Id restaurant_id) const;

  // NotFound for a guest not in the restaurant; FailedPrecondition without
  // a model.
  StatusOr<GuestOutlook> Outlook(Id restaurant_id, Id guest_id) const;

  // The reservations of one Lima calendar day ("YYYY-MM-DD"; empty: today),
  // cancellations left out, the open ones scored and sorted by no-show risk
  // (highest first, then by time), settled ones after them. InvalidArgument
  // for a malformed date or a day before today (a risk is a forecast; past
  // outcomes are the reservations' statuses); FailedPrecondition without a
  // model or a no-show classifier.
  StatusOr<std::vector<BookEntry>> NoShowBook(Id restaurant_id, const std::string& date) const;

  // Guests erased since training are left out. NotFound for an unknown
  // segment id.
  StatusOr<SegmentMembers> Members(Id restaurant_id, int segment_id, int limit, int offset) const;

  // CSV of the segment's guests who consented to marketing (read from the
  // store now, so a withdrawn consent is honoured at once). Returns the
  // number of rows written; NotFound for an unknown segment.
  StatusOr<std::int64_t> ExportSegmentCsv(Id restaurant_id, int segment_id,
                                          std::ostream& out) const;

 private:
  Store& store_;
  const std::function<UnixSeconds()> clock_;

  mutable std::mutex mutex_;  // guards models_
  std::unordered_map<Id, std::shared_ptr<const BehaviourPredictions>> models_;
};

}  // namespace sobremesa
