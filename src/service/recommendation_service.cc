#include "service/recommendation_service.h"

#include "models/blended_ranking.h"
#include "service/reason_text.h"

namespace sobremesa {
namespace {

constexpr int kMaxK = 100;

const MenuItem* FindItem(const std::vector<MenuItem>& menu, Id id) {
  for (const MenuItem& m : menu) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

}  // namespace

RecommendationService::RecommendationService(Store& store, MenuCache& menus,
                                             GuestHistoryCache& histories)
    : store_(store), menus_(menus), histories_(histories) {}

void RecommendationService::SetModel(Id restaurant_id,
                                     std::shared_ptr<const CooccurrenceModel> model) {
  std::lock_guard lock(mutex_);
  models_[restaurant_id].cooccurrence = std::move(model);
}

void RecommendationService::SetHybridModel(
    Id restaurant_id, std::shared_ptr<const recommendation::RestaurantHybridModel> model) {
  std::lock_guard lock(mutex_);
  models_[restaurant_id].hybrid = std::move(model);
}

RecommendationService::Models RecommendationService::ModelsFor(Id restaurant_id) {
  std::lock_guard lock(mutex_);
  auto it = models_.find(restaurant_id);
  return it == models_.end() ? Models{} : it->second;
}

StatusOr<RecommendationList> RecommendationService::Recommend(const RecommendationQuery& q) {
  if (q.k < 1 || q.k > kMaxK) {
    return Status::InvalidArgument("k: expected an integer from 1 to " + std::to_string(kMaxK));
  }
  RecommendationList out;
  ASSIGN_OR_RETURN(out.guest, store_.GetGuest(q.restaurant_id, q.guest_id));
  ASSIGN_OR_RETURN(std::shared_ptr<const GuestHistoryCache::History> history,
                   histories_.Get(q.restaurant_id, q.guest_id));
  ASSIGN_OR_RETURN(out.menu, menus_.Get(q.restaurant_id));
  const MenuCache::Menu& menu = *out.menu;
  // An id off the menu (a typo, another restaurant's item) would steer
  // nothing and hide nothing, and the waiter would never know.
  for (Id id : q.ordered_tonight) {
    if (FindItem(menu, id) == nullptr) {
      return Status::InvalidArgument("ordered: item " + std::to_string(id) +
                                     " is not on the menu of restaurant " +
                                     std::to_string(q.restaurant_id));
    }
  }
  const Models models = ModelsFor(q.restaurant_id);

  RecommendationContext context;
  context.course = q.course;
  context.daypart = DaypartOfHour(ToLocal(q.at).hour);
  context.occasion = ParseOccasionKind(q.occasion);
  context.ordered_tonight = q.ordered_tonight;
  context.allow_repeat_tonight = q.allow_repeat_tonight;
  context.party_size = q.party_size;
  const GuestProfile profile{out.guest.allergies, out.guest.dietary_needs, *history};
  const Language language = q.language.value_or(out.guest.language);

  // The hybrid file says how to rank this guest's type: the co-occurrence
  // model's weight in a blend with the hybrid model, chosen on a validation
  // window at training time (0: the hybrid alone, 1: co-occurrence alone).
  const float cooccurrence_weight =
      models.hybrid == nullptr ? 1.f
      : models.cooccurrence == nullptr
          ? 0.f
          : models.hybrid->model().info().serving.For(!history->empty());
  std::vector<RankedItem> ranked;
  if (cooccurrence_weight <= 0) {
    // Each request thread keeps its scratch, so ranking allocates nothing
    // once warm and needs no lock.
    thread_local HybridRankScratch scratch;
    ranked = RankHybrid(*models.hybrid, models.cooccurrence.get(), menu, out.guest, profile,
                        context, q.k, scratch);
    out.model = "hybrid:" + models.hybrid->model().info().data_hash;
  } else if (cooccurrence_weight >= 1) {
    ranked = Rank(models.cooccurrence.get(), menu, profile, context, q.k);
    out.model = models.cooccurrence ? "cooccurrence:" + models.cooccurrence->data_hash() : "none";
  } else {
    thread_local BlendedRankScratch scratch;
    const recommendation::MealContext meal{context.daypart == Daypart::kLunch, q.occasion,
                                           q.party_size};
    ranked = RankBlended(*models.hybrid, *models.cooccurrence, cooccurrence_weight, menu,
                         out.guest, profile, context, meal, q.k, scratch);
    out.model = "hybrid+cooccurrence:" + models.hybrid->model().info().data_hash;
  }
  for (const RankedItem& r : ranked) {
    const MenuItem* evidence = FindItem(menu, r.evidence_item);
    out.items.push_back({r.item, r.score, r.reason, ReasonText(r, evidence, context, language)});
  }
  return out;
}

}  // namespace sobremesa
