#pragma once
// An evaluation-only ceiling for the demo protocol, never a model: the demo
// generator is deterministic, so the evaluation can rebuild it and rank each
// test visit with what no model can see — the host's hidden tastes, the
// kitchen's hidden quality per dish and the summer cebiche effect — by the
// chance that each dish ends up on the table, estimated by replaying the
// generator's own order simulation (order_simulator.h) for that visit's
// context (party size, lunch or dinner, season, the host's allowed dishes).
//
// The same estimate with the host's taste replaced, draw by draw, by that of
// a guest drawn at random from the generated population says how much of the
// ceiling the host's taste accounts for at all: what is left is context,
// dish quality and the companions' independent choices.

#include <memory>

#include "selection/recommendation/holdout_scoring.h"
#include "store/restaurant_snapshot.h"

namespace sobremesa::recommendation {

struct DemoOracle {
  Scorer with_taste;     // the host's hidden taste
  Scorer without_taste;  // a random guest's taste in its place
};

// Simulated tables per test visit behind each estimate.
inline constexpr int kOracleDraws = 256;

// FailedPrecondition when the store does not hold the demo that
// `sobremesa demo` makes with its default options (the only one the
// evaluation can rebuild): other guest, visit or menu counts, or a guest or
// dish the generated restaurant does not have. The snapshot must outlive
// the scorers.
StatusOr<DemoOracle> MakeDemoOracle(const RestaurantSnapshot& snapshot);

}  // namespace sobremesa::recommendation
