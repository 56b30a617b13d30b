#pragma once
// One guest's history as the 90-day return (churn) classifier reads it:
// visits with what happened at them, and the analysed feedback they wrote,
// each dated in whole days on a fixed origin. A bare transaction log (CDNOW)
// fills only the visits' day and spend; a restaurant fills the rest. Every
// feature is computed from the entries dated before a cut day only
// (return_cut.h), so one timeline serves every cut of the protocol.

#include <array>
#include <string>
#include <vector>

#include "domain/entities.h"
#include "domain/text_analysis.h"

namespace sobremesa {

// The dishes of one visit by kind (distinct items, starters and mains only
// for the first three). A dish is seafood when it holds fish or shellfish,
// vegetarian when tagged vegetarian or vegan, meat otherwise.
struct VisitDishes {
  int food = 0;  // starters and mains
  int seafood = 0;
  int meat = 0;
  int vegetarian = 0;
  int drinks = 0;
};

struct TimelineVisit {
  int day = 0;
  double spend = 0;    // soles (CDNOW: dollars), >= 0
  int party_size = 0;  // 0 when unknown (CDNOW)
  bool celebration = false;  // birthday, anniversary or celebration
  bool business = false;
  bool date = false;
  VisitDishes dishes;
};

struct TimelineText {
  int day = 0;
  Sentiment verdict = Sentiment::kNeutral;
  double score = 0;  // in [-1, 1]
  // Per kAllAspects: the aspect's score when the text speaks of it.
  std::array<double, kAllAspects.size()> aspect_score{};
  std::array<bool, kAllAspects.size()> aspect_present{};
};

struct GuestTimeline {
  std::vector<TimelineVisit> visits;  // ascending by day; several a day allowed
  std::vector<TimelineText> texts;    // ascending by day
  bool foreign_language = false;      // the guest's language is not Spanish
};

// Adds `item` to `dishes` by its kind (see VisitDishes). Desserts count
// nowhere: they say little about a guest's taste in food or drink.
void CountDish(const MenuItem& item, VisitDishes& dishes);

// A birthday, an anniversary or another celebration.
bool IsCelebration(const std::string& occasion);

// Which of a restaurant's occasions a visit's `occasion` is.
void SetOccasion(const std::string& occasion, TimelineVisit& visit);

}  // namespace sobremesa
