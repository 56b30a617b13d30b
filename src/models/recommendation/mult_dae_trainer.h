#pragma once
// Mult-DAE (Liang, Krishnan, Hoffman & Jebara, "Variational Autoencoders for
// Collaborative Filtering", WWW 2018; the denoising variant): a user's 0/1
// history row x, L2-normalised and with each item dropped with probability
// `dropout` (the kept ones scaled by 1/(1 − dropout)), goes through one tanh
// layer h = tanh(W₁ᵀx̃ + b₁) and out as logits W₂h + b₂ over every item; the
// loss is the multinomial log-likelihood −Σ_i x_i log softmax(W₂h + b₂)_i.
// A nonlinear, user-side generative model: the ensemble's other members are
// linear (DLAE, iALS, sampled MF), so it may err differently.
// The first layer is sparse (the history's rows of W₁ summed, not a dense
// product with the whole catalogue), so an epoch costs mostly the output
// layer. Trained with Adam in LibTorch; deterministic for a seed on a given
// thread count.

#include <cstdint>

#include "common/status.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

struct MultDaeOptions {
  int32_t hidden = 200;
  int32_t epochs = 50;
  int32_t batch_users = 128;
  double learning_rate = 1e-3;  // Adam
  double weight_decay = 0;      // L2 on every weight, added to Adam's gradient
  double dropout = 0.5;         // of the input items
  uint64_t seed = 1;
  int32_t threads = 2;
};

// Scoring needs no network: with the training history fixed, user u's
// hidden vector h_u = tanh(W₁ᵀx_u/‖x_u‖ + b₁) (no dropout) is computed once,
// and the logit of item i is h_u·W₂ᵢ + b₂ᵢ, so the trained model is a
// FactorModel of dimension hidden + 1 (user vector [h_u, 1], item vector
// [W₂ᵢ, b₂ᵢ]); a user without history gets h = tanh(b₁). InvalidArgument on
// data that fails ValidateInteractions or options out of range (hidden,
// epochs, batch_users or threads < 1, learning rate <= 0, weight decay < 0,
// dropout outside [0, 1)); Internal if LibTorch fails.
StatusOr<FactorModel> TrainMultDae(const InteractionData& data, const MultDaeOptions& options);

}  // namespace sobremesa::recommendation
