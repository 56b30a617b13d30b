#pragma once
// RFM scores: each guest's recency, frequency and monetary value as a
// quintile score from 1 (lowest fifth of the restaurant's guests) to 5
// (highest fifth), the marketing team's oldest shorthand.

#include <vector>

#include "common/status.h"

namespace sobremesa {

struct RfmInput {
  double days_since_last_visit = 0;  // >= 0; fewer days scores higher
  double visits = 0;                 // >= 1
  double mean_spend = 0;             // per visit, >= 0 (a zero-spend visit is allowed)
};

struct RfmScore {
  int recency = 0;    // 1..5, 5 = most recent fifth
  int frequency = 0;  // 1..5, 5 = most frequent fifth
  int monetary = 0;   // 1..5, 5 = highest-spending fifth
};

// Quintile of each guest's value among all guests. Ties share a score (the
// score of the first guest with that value in ascending order), so a
// restaurant where most guests came once gives them all frequency 1 rather
// than splitting identical guests across quintiles at random.
// InvalidArgument naming the guest by index for a negative or non-finite
// value; an empty input gives an empty result.
StatusOr<std::vector<RfmScore>> ScoreRfm(const std::vector<RfmInput>& guests);

}  // namespace sobremesa
