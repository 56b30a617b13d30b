#include "evaluation/recommendation/option_text.h"

#include <cstdio>

namespace sobremesa::recommendation {

std::string Describe(const EaseOptions& o) {
  char text[80];
  std::snprintf(text, sizeof text, "EASE l2 %.0f dropout %.2f", o.l2, o.dropout);
  return text;
}

std::string Describe(const ItemKnnOptions& o) {
  char text[80];
  std::snprintf(text, sizeof text, "item_knn k %d shrink %.0f", o.neighbours, o.shrink);
  return text;
}

}  // namespace sobremesa::recommendation
