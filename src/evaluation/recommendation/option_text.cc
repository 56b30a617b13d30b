#include "evaluation/recommendation/option_text.h"

#include <cstdio>

namespace sobremesa::recommendation {

std::string Describe(const EaseOptions& o) {
  char text[100];
  std::snprintf(text, sizeof text, "EASE l2 %.0f dropout %.2f", o.l2, o.dropout);
  std::string described = text;
  if (o.user_weight_exponent != 0) {
    std::snprintf(text, sizeof text, " user weight ^-%.2f", o.user_weight_exponent);
    described += text;
  }
  if (!o.zero_diagonal) described += " DLAE";
  return described;
}

std::string Describe(const ItemKnnOptions& o) {
  char text[80];
  std::snprintf(text, sizeof text, "item_knn k %d shrink %.0f", o.neighbours, o.shrink);
  return text;
}

std::string Describe(const IalsOptions& o) {
  char text[120];
  std::snprintf(text, sizeof text, "iALS dim %d epochs %d a0 %g l2 %g nu %g", o.dim, o.epochs,
                o.unobserved_weight, o.l2, o.frequency_exponent);
  return text;
}

std::string Describe(const Rp3betaOptions& o) {
  char text[80];
  std::snprintf(text, sizeof text, "RP3beta alpha %g beta %g k %d", o.alpha, o.beta, o.neighbours);
  return text;
}

std::string Describe(const UserEaseOptions& o) { return "user " + Describe(o.ease); }

std::string Describe(const UserKnnOptions& o) {
  char text[80];
  std::snprintf(text, sizeof text, "user_knn k %d shrink %.0f ^%g", o.knn.neighbours, o.knn.shrink,
                o.exponent);
  return text;
}

std::string Describe(const SampledMfOptions& o) {
  char text[160];
  int length = std::snprintf(text, sizeof text,
                             "sampled MF dim %d epochs %d negatives %d lr %g l2 %g", o.dim,
                             o.epochs, o.negatives, o.learning_rate, o.l2);
  if (o.negative_exponent != 0) {
    length += std::snprintf(text + length, sizeof text - length, " negatives ~ count^%g",
                            o.negative_exponent);
  }
  if (o.seed != 1) {
    length += std::snprintf(text + length, sizeof text - length, " seed %llu",
                            static_cast<unsigned long long>(o.seed));
  }
  if (o.models > 1) {
    std::snprintf(text + length, sizeof text - length, ", average of %d seeds", o.models);
  }
  return text;
}

std::string Describe(const MultDaeOptions& o) {
  char text[160];
  std::snprintf(text, sizeof text,
                "Mult-DAE hidden %d epochs %d batch %d lr %g wd %g dropout %g seed %llu", o.hidden,
                o.epochs, o.batch_users, o.learning_rate, o.weight_decay, o.dropout,
                static_cast<unsigned long long>(o.seed));
  return text;
}

}  // namespace sobremesa::recommendation
