#pragma once
// The features of a learned blend (softmax_blend.h) for leave-one-out cases:
// each member model's scores standardised per case, and products of them
// with what may change how much a member is to be trusted (the user's
// history length, the candidate's popularity, the other members).

#include <span>
#include <vector>

#include "evaluation/recommendation/blend_shares.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/softmax_blend.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

struct BlendFeatureSet {
  bool history = false;     // each member × h and × h², h the user's log history length
  bool popularity = false;  // the candidate's log popularity p, p × h, each member × p
  bool products = false;    // each member's square and each pair's product
};

// `values` standardised to mean 0 and variance 1 into `out` (all 0 if
// constant): a member's scores over one case's candidates.
void StandardiseInto(std::span<const double> values, std::vector<double>& out);

// Features per candidate: the members' scores, each standardised over its
// case's candidates (so a member's scale is the same for every user and for
// a model refitted on more data), then the products `set` asks for. h is
// log(1 + the user's number of items in `data`) standardised over `cases`;
// p is log(1 + the item's number of users in `data`) standardised per case.
// h enters only through products: alone it is the same for a whole case.
// `members` hold ScoreCandidates(cases, ...) of each model.
RankingFeatures BlendFeatures(std::span<const CandidateScores* const> members,
                              const std::vector<HeldOutCase>& cases, const InteractionData& data,
                              const BlendFeatureSet& set);

}  // namespace sobremesa::recommendation
