#pragma once
// Reads the CDNOW purchase logs (Fader & Hardie's 1/10th sample of the
// customers who first bought at CDNOW in Q1 1997, tracked to June 1998).

#include <string>
#include <vector>

#include "common/status.h"
#include "models/behaviour/purchase_day.h"

namespace sobremesa {

struct CdnowCustomer {
  std::string id;                 // master_id as written in the file
  std::vector<PurchaseDay> days;  // ascending, one entry per distinct day
};

// `path` is either a file or a directory holding CDNOW_sample.txt. Rows are
// whitespace-separated: `master_id sample_id yyyymmdd n_cds dollars` (the
// sample) or `customer_id yyyymmdd n_cds dollars` (the master file; a header
// line is skipped). Returns customers in order of first appearance.
// NotFound when the file cannot be opened; InvalidArgument naming the file
// and line for a malformed row, an impossible date, a date before 1997 or
// negative dollars, or when the file holds no rows.
StatusOr<std::vector<CdnowCustomer>> LoadCdnow(const std::string& path);

}  // namespace sobremesa
