#pragma once
// Test helpers: cohorts simulated from the models themselves
// (simulated_cohort.h), and the CDNOW summary that Fader & Hardie published
// with the paper.

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "models/behaviour/purchase_summary.h"
#include "models/behaviour/simulated_cohort.h"

namespace sobremesa::testing {

// cdnow_customers_summary_with_transactions.csv (ID,x,t_x,T,zbar); empty
// when the data set is not installed.
inline std::vector<PurchaseSummary> ReadCdnowSummary() {
  std::ifstream in(std::string(SOBREMESA_CDNOW_DIR) +
                   "/cdnow_customers_summary_with_transactions.csv");
  std::vector<PurchaseSummary> cohort;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream fields(line);
    std::string id;
    PurchaseSummary s;
    fields >> id >> s.frequency >> s.recency >> s.age >> s.mean_repeat_spend;
    cohort.push_back(s);
  }
  return cohort;
}

}  // namespace sobremesa::testing
