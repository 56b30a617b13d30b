#pragma once
// How hard the behaviour models try when fitted by maximum likelihood.

namespace sobremesa {

struct FitOptions {
  int max_rounds = 20;               // LBFGS calls of max_iterations each
  int max_iterations = 100;          // inner LBFGS iterations per round
  double gradient_tolerance = 1e-6;  // on the mean log-likelihood per customer
  double log_param_bound = 25;       // |log parameter| past this means a degenerate fit
};

}  // namespace sobremesa
