#include "models/behaviour/return_features.h"

#include <algorithm>
#include <cmath>

namespace sobremesa {
namespace {

// Purchases in the last this-many weeks count as "recent activity": a
// quarter, the same span as the 90-day horizon.
constexpr double kRecentWeeks = 13;

Status ValidateHistory(const std::vector<TimedPurchase>& h, double end_week) {
  if (h.empty()) return Status::InvalidArgument("return features: empty purchase history");
  for (size_t i = 0; i < h.size(); ++i) {
    if (!std::isfinite(h[i].week) || !std::isfinite(h[i].spend) || h[i].spend < 0 ||
        h[i].week > end_week || (i > 0 && h[i].week < h[i - 1].week)) {
      return Status::InvalidArgument("return features: purchase " + std::to_string(i) +
                                     " is unsorted, after the scoring time or malformed");
    }
  }
  return Status::Ok();
}

// Coefficient of variation of the gaps between purchases: 0 for a clockwork
// regular, ~1 for Poisson-like buying. Needs two gaps; 1 (Poisson) before.
double GapVariation(const std::vector<TimedPurchase>& h) {
  if (h.size() < 3) return 1.0;
  double n = h.size() - 1, mean = (h.back().week - h.front().week) / n, var = 0;
  if (mean <= 0) return 1.0;
  for (size_t i = 1; i < h.size(); ++i) var += std::pow(h[i].week - h[i - 1].week - mean, 2) / n;
  return std::sqrt(var) / mean;
}

double MeanSpend(const std::vector<TimedPurchase>& h) {
  double sum = 0;
  for (const TimedPurchase& p : h) sum += p.spend;
  return sum / h.size();
}

int RecentPurchases(const std::vector<TimedPurchase>& h, double end_week) {
  int n = 0;
  for (const TimedPurchase& p : h) n += p.week > end_week - kRecentWeeks;
  return n;
}

// Silence measured in the guest's own rhythm: log of the weeks since the
// last purchase over their mean gap. Six weeks of silence is nothing for a
// quarterly guest and alarming for a weekly one, an interaction a linear
// model cannot build from the two numbers. 0 (on time) with one purchase.
double LogOverdue(const PurchaseSummary& s) {
  if (s.frequency == 0) return 0;
  constexpr double kDay = 1.0 / 7;  // keeps same-week repeats finite
  return std::log((s.age - s.recency + kDay) / (s.recency / s.frequency + kDay));
}

// BG/NBD's probabilities enter on the log-odds scale, where a weight of 1
// on its P(return) alone would reproduce BG/NBD exactly; clamped because
// P(alive) is exactly 1 for a one-purchase customer.
double Logit(double p) {
  p = std::clamp(p, 1e-6, 1 - 1e-6);
  return std::log(p / (1 - p));
}

}  // namespace

PurchaseSummary SummarizePurchases(const std::vector<TimedPurchase>& h, double end_week) {
  PurchaseSummary s;
  s.frequency = h.size() - 1;
  s.recency = h.back().week - h.front().week;
  s.age = end_week - h.front().week;
  double repeat_spend = 0;
  for (size_t i = 1; i < h.size(); ++i) repeat_spend += h[i].spend;
  if (s.frequency > 0) s.mean_repeat_spend = repeat_spend / s.frequency;
  return s;
}

const std::vector<std::string>& ReturnFeatureNames() {
  static const std::vector<std::string> kNames = {
      "weeks_since_last", "rate_per_week", "log1p_mean_spend",    "gap_variation",
      "recent_purchases", "log_overdue",   "logit_bgnbd_p_alive", "logit_bgnbd_p_return"};
  return kNames;
}

StatusOr<std::vector<double>> ReturnFeatures(const std::vector<TimedPurchase>& h, double end_week,
                                             double horizon_weeks, const BgnbdModel& bgnbd) {
  RETURN_IF_ERROR(ValidateHistory(h, end_week));
  PurchaseSummary s = SummarizePurchases(h, end_week);
  // A guest first seen at the scoring instant has age 0; a floor of one day
  // keeps the rate finite.
  double rate = s.frequency / std::max(s.age, 1.0 / 7);
  // No raw frequency, recency or age: they grow with the time a cohort has
  // been watched, so a model fitted at one cut would extrapolate at the next
  // (a guest who came 12 times and stopped looks "loyal" to it). Rates,
  // recent counts and BG/NBD's probabilities mean the same at every cut.
  return std::vector<double>{s.age - s.recency,
                             rate,
                             std::log1p(MeanSpend(h)),
                             GapVariation(h),
                             static_cast<double>(RecentPurchases(h, end_week)),
                             LogOverdue(s),
                             Logit(bgnbd.ProbabilityAlive(s)),
                             Logit(bgnbd.ProbabilityOfPurchase(s, horizon_weeks))};
}

}  // namespace sobremesa
