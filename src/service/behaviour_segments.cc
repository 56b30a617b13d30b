#include "service/behaviour_segments.h"

#include <algorithm>
#include <numeric>

#include "models/behaviour/guest_timeline.h"

namespace sobremesa {
namespace {

constexpr size_t kMaxTastes = 10;
constexpr double kMinTasteShare = 0.02;

// Indices of the categories to cluster on, most ordered first.
std::vector<size_t> TasteColumns(const RestaurantActivity& activity) {
  std::vector<double> totals(activity.categories.size(), 0);
  for (const GuestActivity& g : activity.guests) {
    for (size_t c = 0; c < totals.size(); ++c) totals[c] += g.category_orders[c];
  }
  const double all = std::accumulate(totals.begin(), totals.end(), 0.0);
  std::vector<size_t> columns(totals.size());
  std::iota(columns.begin(), columns.end(), 0);
  std::stable_sort(columns.begin(), columns.end(),
                   [&](size_t a, size_t b) { return totals[a] > totals[b]; });
  std::erase_if(columns, [&](size_t c) { return totals[c] < kMinTasteShare * all || all == 0; });
  if (columns.size() > kMaxTastes) columns.resize(kMaxTastes);
  return columns;
}

GuestBehaviour Behaviour(const GuestActivity& g, const std::vector<PurchaseDay>& days, int today,
                         const std::vector<size_t>& columns) {
  GuestBehaviour b;
  b.days_since_last_visit = std::max(0, today - days.back().day);
  b.visits = double(days.size());
  double spend = 0, party = 0;
  for (const Visit& v : g.visits) {
    spend += v.spend / 100.0;
    party += v.party_size;
    b.celebration_share += IsCelebration(v.occasion);
    b.business_share += v.occasion == "business";
    b.date_share += v.occasion == "date";
  }
  const double n = double(g.visits.size());
  b.mean_spend = std::max(0.0, spend / n);  // a refund can leave a visit below zero
  b.mean_party_size = std::max(0.0, party / n);
  b.celebration_share /= n;
  b.business_share /= n;
  b.date_share /= n;
  const double orders = std::accumulate(g.category_orders.begin(), g.category_orders.end(), 0.0);
  for (size_t c : columns) b.taste.push_back(orders > 0 ? g.category_orders[c] / orders : 0);
  return b;
}

}  // namespace

SegmentInputs BuildSegmentInputs(const RestaurantActivity& activity,
                                 const std::vector<std::vector<PurchaseDay>>& visit_days,
                                 int today) {
  SegmentInputs inputs;
  const std::vector<size_t> columns = TasteColumns(activity);
  for (size_t c : columns) inputs.tastes.push_back(activity.categories[c]);
  inputs.guests.reserve(activity.guests.size());
  for (size_t i = 0; i < activity.guests.size(); ++i) {
    inputs.guests.push_back(Behaviour(activity.guests[i], visit_days[i], today, columns));
  }
  return inputs;
}

std::vector<SegmentSummary> SummariseSegments(const Segmentation& segmentation,
                                              const std::vector<GuestPrediction>& guests,
                                              const std::vector<GuestBehaviour>& behaviour) {
  std::vector<SegmentSummary> out;
  for (const Segment& s : segmentation.segments) {
    out.push_back({s.id, s.description, s.size, 0, 0, 0, 0, 0, s.centre});
  }
  for (size_t i = 0; i < guests.size(); ++i) {
    SegmentSummary& s = out[guests[i].segment - 1];
    s.total_expected_value_90d += guests[i].expected_value_90d;
    s.mean_churn_risk += guests[i].churn_risk;
    s.mean_spend_per_visit += behaviour[i].mean_spend;
    s.mean_visits += behaviour[i].visits;
  }
  for (SegmentSummary& s : out) {
    const double n = std::max<std::int64_t>(1, s.size);  // an emptied segment stays 0
    s.mean_expected_value_90d = s.total_expected_value_90d / n;
    s.mean_churn_risk /= n;
    s.mean_spend_per_visit /= n;
    s.mean_visits /= n;
  }
  return out;
}

}  // namespace sobremesa
