#pragma once
// `evaluate recommender --dataset demo --path DATA_DIR`: a temporal holdout
// on the demo restaurant (docs/evaluation/recommender.md, "Demo restaurant").
// Visits in the last 10 % of time are the test; the 10 % before them
// validate the choice of loss (BPR or sampled softmax) and, per guest type,
// the blend of the hybrid and co-occurrence models that serving uses
// (serving_choice.h); that served ranking is reported as `sobremesa`, beside
// popularity, the co-occurrence model and each hybrid model alone, and the
// evaluation-only ceilings `oracle` and `oracle-context` (demo_oracle.h),
// when the store holds the default demo.

#include <string>
#include <vector>

#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

// NotFound when DATA_DIR has no store; FailedPrecondition when it has no
// restaurant or visits.
StatusOr<std::vector<MetricRow>> RunDemoProtocol(const std::string& data_dir,
                                                 const ProgressLog& log);

}  // namespace sobremesa::recommendation
