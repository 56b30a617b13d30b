#pragma once
// The recency-frequency-monetary summary of one customer's calibration period,
// the only input the BG/NBD and Gamma-Gamma models need. Time is in any unit
// (weeks for CDNOW) as long as every summary and every forecast horizon use
// the same one.

#include <string_view>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct PurchaseSummary {
  double frequency = 0;          // x: repeat purchases after the first one
  double recency = 0;            // t_x: time of the last repeat purchase since the first
  double age = 0;                // T: time from the first purchase to the end of calibration
  double mean_repeat_spend = 0;  // average value of the repeat purchases; 0 when x = 0
};

// OK when every summary is finite with 0 <= t_x <= T, T > 0, x a whole
// number >= 0, t_x = 0 when x = 0, and spend >= 0; otherwise InvalidArgument
// naming the first offending customer by index. An empty cohort is
// InvalidArgument too: there is nothing to fit.
Status ValidatePurchaseSummaries(const std::vector<PurchaseSummary>& summaries);

// FailedPrecondition, naming `model`, when no customer of the cohort made a
// repeat purchase: then the purchase rate and what ends a customer's
// purchases (`leaving`: "dropout rates", "dormancy" ...) cannot be told apart.
Status RequireRepeatPurchases(const std::vector<PurchaseSummary>& cohort, std::string_view model,
                              std::string_view leaving);

// The mean age T of a valid cohort. The fits start their time scale alpha
// there, so that the first optimiser steps stay in a sensible region
// whatever the time unit.
double MeanAge(const std::vector<PurchaseSummary>& cohort);

// For the models that need the purchase times, not only (x, t_x, T):
// `repeat_times[i]` are summaries[i]'s repeat purchase times since its first
// purchase, ascending, finite, >= 0, as many as its frequency, the last equal
// to its recency. InvalidArgument naming the first offending customer.
Status ValidateRepeatTimes(const std::vector<PurchaseSummary>& summaries,
                           const std::vector<std::vector<double>>& repeat_times);

}  // namespace sobremesa
