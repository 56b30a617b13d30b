#include "models/behaviour/guest_context_features.h"

#include <algorithm>
#include <cmath>

namespace sobremesa {
namespace {

bool IsNegative(Sentiment s) { return s == Sentiment::kNegative || s == Sentiment::kMixed; }

// has_feedback, last_negative, last_score, mean_score, negative_share,
// worst_aspect: the lowest mean score of an aspect spoken of (food, service
// ...), the one thing that went wrong even when the evening was praised.
void AppendSentiment(const GuestTimeline& g, int cut_day, std::vector<double>& row) {
  double n = 0, score = 0, negative = 0;
  std::array<double, kAllAspects.size()> aspect_sum{}, aspect_n{};
  const TimelineText* last = nullptr;
  for (const TimelineText& t : g.texts) {
    if (t.day >= cut_day) break;
    n += 1;
    score += t.score;
    negative += IsNegative(t.verdict);
    for (size_t a = 0; a < kAllAspects.size(); ++a) {
      if (!t.aspect_present[a]) continue;
      aspect_sum[a] += t.aspect_score[a];
      aspect_n[a] += 1;
    }
    last = &t;
  }
  double worst = 0;  // neutral when no aspect was spoken of
  bool any_aspect = false;
  for (size_t a = 0; a < kAllAspects.size(); ++a) {
    if (aspect_n[a] == 0) continue;
    const double mean = aspect_sum[a] / aspect_n[a];
    worst = any_aspect ? std::min(worst, mean) : mean;
    any_aspect = true;
  }
  row.insert(row.end(), {n > 0 ? 1.0 : 0.0, last && IsNegative(last->verdict) ? 1.0 : 0.0,
                         last ? last->score : 0.0, n > 0 ? score / n : 0.0,
                         n > 0 ? negative / n : 0.0, worst});
}

// The visits before the cut, for the per-visit shares below.
std::vector<const TimelineVisit*> VisitsBefore(const GuestTimeline& g, int cut_day) {
  std::vector<const TimelineVisit*> out;
  for (const TimelineVisit& v : g.visits) {
    if (v.day >= cut_day) break;
    out.push_back(&v);
  }
  return out;
}

double Share(const std::vector<const TimelineVisit*>& visits, bool TimelineVisit::*flag) {
  if (visits.empty()) return 0;
  double n = 0;
  for (const TimelineVisit* v : visits) n += v->*flag;
  return n / visits.size();
}

void AppendParty(const std::vector<const TimelineVisit*>& visits, std::vector<double>& row) {
  double n = 0, size = 0, solo = 0;
  for (const TimelineVisit* v : visits) {
    if (v->party_size <= 0) continue;  // unknown
    n += 1;
    size += v->party_size;
    solo += v->party_size == 1;
  }
  row.insert(row.end(), {n > 0 ? size / n : 0.0, n > 0 ? solo / n : 0.0});
}

// Shares of the food ordered by kind, drinks per visit, and log(1 + soles
// per head): a couple's 400-sol dinner and a party of eight's are not the
// same appetite.
void AppendTaste(const std::vector<const TimelineVisit*>& visits, std::vector<double>& row) {
  VisitDishes sum;
  double per_head = 0, known = 0;
  for (const TimelineVisit* v : visits) {
    sum.food += v->dishes.food;
    sum.seafood += v->dishes.seafood;
    sum.meat += v->dishes.meat;
    sum.vegetarian += v->dishes.vegetarian;
    sum.drinks += v->dishes.drinks;
    if (v->party_size > 0) {
      per_head += v->spend / v->party_size;
      known += 1;
    }
  }
  const double food = std::max(1, sum.food);
  const double n = std::max<size_t>(1, visits.size());
  row.insert(row.end(), {sum.seafood / food, sum.meat / food, sum.vegetarian / food,
                         sum.drinks / n, known > 0 ? std::log1p(per_head / known) : 0.0});
}

}  // namespace

const std::vector<std::pair<unsigned, std::string>>& ContextFeatureGroups() {
  static const std::vector<std::pair<unsigned, std::string>> kGroups = {
      {kSentimentFeatures, "sentiment"}, {kOccasionFeatures, "occasion"},
      {kPartyFeatures, "party"},         {kTasteFeatures, "taste"},
      {kProfileFeatures, "profile"}};
  return kGroups;
}

std::vector<std::string> ContextFeatureNames(unsigned groups) {
  std::vector<std::string> names;
  auto add = [&](unsigned group, std::initializer_list<const char*> columns) {
    if (groups & group) names.insert(names.end(), columns.begin(), columns.end());
  };
  add(kSentimentFeatures, {"has_feedback", "last_feedback_negative", "last_feedback_score",
                           "mean_feedback_score", "negative_feedback_share", "worst_aspect_score"});
  add(kOccasionFeatures, {"celebration_share", "business_share", "date_share"});
  add(kPartyFeatures, {"mean_party_size", "solo_share"});
  add(kTasteFeatures, {"seafood_share", "meat_share", "vegetarian_share", "drinks_per_visit",
                       "log1p_spend_per_head"});
  add(kProfileFeatures, {"foreign_language"});
  return names;
}

void AppendContextFeatures(const GuestTimeline& guest, int cut_day, unsigned groups,
                           std::vector<double>& row) {
  const std::vector<const TimelineVisit*> visits = VisitsBefore(guest, cut_day);
  if (groups & kSentimentFeatures) AppendSentiment(guest, cut_day, row);
  if (groups & kOccasionFeatures) {
    row.insert(row.end(), {Share(visits, &TimelineVisit::celebration),
                           Share(visits, &TimelineVisit::business),
                           Share(visits, &TimelineVisit::date)});
  }
  if (groups & kPartyFeatures) AppendParty(visits, row);
  if (groups & kTasteFeatures) AppendTaste(visits, row);
  if (groups & kProfileFeatures) row.push_back(guest.foreign_language ? 1 : 0);
}

}  // namespace sobremesa
