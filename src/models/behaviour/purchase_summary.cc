#include "models/behaviour/purchase_summary.h"

#include <cmath>
#include <string>

namespace sobremesa {
namespace {

// Empty when the summary is consistent, else what is wrong with it.
std::string Problem(const PurchaseSummary& s) {
  if (!std::isfinite(s.frequency) || !std::isfinite(s.recency) || !std::isfinite(s.age) ||
      !std::isfinite(s.mean_repeat_spend)) {
    return "a value is not finite";
  }
  if (s.frequency < 0 || s.frequency != std::floor(s.frequency)) {
    return "frequency must be a whole number >= 0";
  }
  if (s.age <= 0) return "age T must be > 0";
  if (s.recency < 0 || s.recency > s.age) return "recency must lie in [0, T]";
  if (s.frequency == 0 && s.recency != 0) return "recency must be 0 without repeat purchases";
  if (s.mean_repeat_spend < 0) return "mean repeat spend must be >= 0";
  return "";
}

}  // namespace

Status ValidatePurchaseSummaries(const std::vector<PurchaseSummary>& summaries) {
  if (summaries.empty()) return Status::InvalidArgument("no customers to fit");
  for (size_t i = 0; i < summaries.size(); ++i) {
    std::string problem = Problem(summaries[i]);
    if (!problem.empty()) {
      return Status::InvalidArgument("customer " + std::to_string(i) + ": " + problem);
    }
  }
  return Status::Ok();
}

Status RequireRepeatPurchases(const std::vector<PurchaseSummary>& cohort, std::string_view model,
                              std::string_view leaving) {
  for (const PurchaseSummary& s : cohort) {
    if (s.frequency > 0) return Status::Ok();
  }
  return Status::FailedPrecondition(std::string(model) +
                                    ": no customer made a repeat purchase, so purchase and " +
                                    std::string(leaving) + " cannot be told apart");
}

double MeanAge(const std::vector<PurchaseSummary>& cohort) {
  double sum = 0;
  for (const PurchaseSummary& s : cohort) sum += s.age;
  return sum / cohort.size();
}

Status ValidateRepeatTimes(const std::vector<PurchaseSummary>& summaries,
                           const std::vector<std::vector<double>>& repeat_times) {
  if (repeat_times.size() != summaries.size()) {
    return Status::InvalidArgument(std::to_string(summaries.size()) + " customers but " +
                                   std::to_string(repeat_times.size()) +
                                   " lists of repeat purchase times");
  }
  for (size_t i = 0; i < summaries.size(); ++i) {
    const std::vector<double>& times = repeat_times[i];
    auto problem = [&](const std::string& what) {
      return Status::InvalidArgument("customer " + std::to_string(i) + ": " + what);
    };
    if (times.size() != summaries[i].frequency) {
      return problem(std::to_string(times.size()) + " repeat purchase times for frequency " +
                     std::to_string(static_cast<long>(summaries[i].frequency)));
    }
    for (size_t j = 0; j < times.size(); ++j) {
      if (!std::isfinite(times[j]) || times[j] < 0 || (j > 0 && times[j] < times[j - 1])) {
        return problem("repeat purchase times must be finite, >= 0 and ascending");
      }
    }
    if (!times.empty() &&
        std::abs(times.back() - summaries[i].recency) > 1e-9 * (1 + summaries[i].age)) {
      return problem("the last repeat purchase time is not the recency");
    }
  }
  return Status::Ok();
}

}  // namespace sobremesa
