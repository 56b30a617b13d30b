#pragma once
// The first recommender: popularity within course and context, plus
// item-to-item co-occurrence with what the guest ordered before and what the
// table has ordered tonight. Later models replace this ranking, not the
// rules around it.

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

#include "domain/dietary_rules.h"
#include "domain/history.h"
#include "models/cooccurrence_model.h"

namespace sobremesa {

struct RecommendationContext {
  std::optional<Course> course;   // only this course when set
  Daypart daypart = Daypart::kDinner;
  OccasionKind occasion = OccasionKind::kNone;
  std::vector<Id> ordered_tonight;  // not suggested again unless allowed below
  bool allow_repeat_tonight = false;
  bool include_staples = false;  // MenuItem::staple (water) only when asked for
  int party_size = 2;
};

struct GuestProfile {
  AllergenSet allergies;
  DietSet dietary_needs;
  std::span<const ItemHistory> history;
};

// Why an item ranked where it did; the evidence a waiter can say aloud.
enum class ReasonKind : std::uint8_t {
  kFavourite,  // the guest has ordered it on several visits
  kPairsWith,  // often ordered with `evidence_item` (from history or tonight);
               // only drinks take evidence from drinks
  kPopular,    // popular in this course and context
  kLikeHistory,  // close in taste to `evidence_item`, which the guest ordered before
  kSharedTaste,  // liked by guests whose orders and profile resemble this guest's
  kOrderedBefore,  // ordered on one earlier visit, and having had it lifts its
                   // score (the hybrid model's learned familiarity)
};

struct RankedItem {
  const MenuItem* item = nullptr;  // points into the menu passed to Rank
  float score = 0;                 // in [0, 1]
  ReasonKind reason = ReasonKind::kPopular;
  Id evidence_item = 0;   // for kPairsWith
  int evidence_count = 0; // for kFavourite, kOrderedBefore: visits with this item
  bool evidence_tonight = false;  // kPairsWith evidence was ordered tonight
};

// The hard rules, above every score: true when `item` is in the requested
// course, safe for the guest's allergies and diet, available, not a staple
// (unless staples are asked for) and not already ordered tonight (unless
// repeats are allowed).
// Inline: rankers ask it for every menu item of every request.
inline bool PassesRules(const MenuItem& item, const GuestProfile& guest,
                        const RecommendationContext& context) {
  if (context.course && item.course != *context.course) return false;
  if (item.staple && !context.include_staples) return false;
  if (ExclusionFor(item, guest.allergies, guest.dietary_needs) != Exclusion::kNone) return false;
  return context.allow_repeat_tonight ||
         std::find(context.ordered_tonight.begin(), context.ordered_tonight.end(), item.id) ==
             context.ordered_tonight.end();
}

// Ranks `menu` for one guest and returns at most k items, best first (ties by
// item id). Items excluded by the safety rules (allergen, diet, unavailable)
// are never returned, whatever the model says; neither are items ordered
// tonight unless context.allow_repeat_tonight. `model` may be null (no
// training yet): then every item scores 0 and ties order them by id.
std::vector<RankedItem> Rank(const CooccurrenceModel* model, std::span<const MenuItem> menu,
                             const GuestProfile& guest, const RecommendationContext& context,
                             int k);

}  // namespace sobremesa
