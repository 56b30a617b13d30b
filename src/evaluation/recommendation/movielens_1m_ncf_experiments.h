#pragma once
// Cheap experiments for a stage after the movielens-1m-ncf protocol's eighth
// (docs/evaluation/recommender.md). With SOBREMESA_NCF_RECORDED_CHOICES set,
// the protocol does not search stages 1–8 but fits their choices of record
// (DLAE and iALS on each validation holdout, about 30 s; the blend validates
// at 0.6139 as in the run of record) and hands their validation scores here.
// Each candidate below is fitted on both holdouts and reported alone, added
// on top of the blend, and, for a model that could take iALS's place, on top
// of DLAE alone: its best single share, its best shares per history bucket,
// and both choices' cross-holdout NDCG@10 (blend_shares.h). Nothing is
// chosen or served, and the test file is not read. The candidates come from
// environment variables, each a ';'-separated list of ':'-separated numbers:
//   SOBREMESA_NCF_POPULARITY_TRIALS  exponent (0: log(1 + count), else
//                                    count^exponent), added only
//   SOBREMESA_NCF_IALS_TRIALS        dim:epochs:a0:l2:nu:cg_steps[:seed]
//   SOBREMESA_NCF_LOW_PASS_TRIALS    rank:user_weight_exponent
//   SOBREMESA_NCF_SAMPLED_MF_TRIALS  dim:epochs:negatives:learning_rate:l2
//                                    [:negative_exponent[:seed[:models]]]
//   SOBREMESA_NCF_SECOND_SAMPLED_MF_TRIALS  the same, added on top of the
//                                    blend plus stage 9's MF of record
//   SOBREMESA_NCF_MULT_DAE_TRIALS    hidden:epochs:batch_users:learning_rate:
//                                    weight_decay:dropout[:seed], added on
//                                    top of the blend plus stage 9 of record
//   SOBREMESA_NCF_STANDARDISED       (any value) also the blend of record
//                                    rebuilt from per-case standardised
//                                    scores, with the Mult-DAE trials on it
//   SOBREMESA_NCF_EASE_TRIALS        l2:dropout:user_weight_exponent (DLAE,
//                                    blended with the recorded iALS instead)
//   SOBREMESA_NCF_LEARNED_BLEND_TRIALS  members:history:popularity:products:
//                                    l2, a softmax blend (softmax_blend.h) of
//                                    the first `members` (1–7) of DLAE, iALS,
//                                    stage 9's two-seed MF, user-kNN, item-kNN,
//                                    RP3beta and an MF with negatives drawn
//                                    ∝ count^0.5, their per-case standardised
//                                    scores with (flags 0/1) products with the
//                                    user's log history length, the item's
//                                    log popularity, and each other (squares
//                                    too); fitted on
//                                    each holdout, scored on the other

#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/blend_shares.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

// Validation scores of the choices of record, one vector per holdout.
struct RecordedBlend {
  HoldoutScores dlae;   // DLAE alone
  HoldoutScores ials;   // iALS alone
  HoldoutScores blend;  // DLAE + iALS at the served shares
};

// InvalidArgument naming the variable and the trial if a list does not
// parse; a trainer's error otherwise.
Status RunNcfExperiments(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                         const ProgressLog& log);

}  // namespace sobremesa::recommendation
