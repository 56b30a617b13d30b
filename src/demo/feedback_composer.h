#pragma once
// Post-visit feedback that matches the evening: stars per aspect, NPS and a
// free text built from fragments about the dishes really ordered.

#include <string>

#include "demo/evening.h"

namespace sobremesa::demo {

struct ComposedFeedback {
  AspectStars stars;
  int nps = 0;
  std::string text;     // may be empty: some guests only tap the stars
  std::string channel;  // "survey", "google", "tripadvisor"
};

ComposedFeedback ComposeFeedback(const Evening& evening, DemoRandom& rng);

}  // namespace sobremesa::demo
