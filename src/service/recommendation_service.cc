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

std::vector<Course> CoursesToSuggest(std::optional<Course> asked, const std::vector<MenuItem>& menu,
                                     std::span<const Id> ordered_tonight) {
  if (asked) return {*asked};
  std::optional<Course> latest_food;
  for (Id id : ordered_tonight) {
    const MenuItem* item = FindItem(menu, id);
    if (item == nullptr || item->course == Course::kDrink) continue;
    if (!latest_food || item->course > *latest_food) latest_food = item->course;
  }
  // Once dessert is ordered, what follows is a coffee or a digestif.
  if (latest_food == Course::kDessert) return {Course::kDrink};
  std::vector<Course> courses;
  const int next = latest_food ? static_cast<int>(*latest_food) + 1 : 0;
  for (int c = next; c <= static_cast<int>(Course::kDessert); ++c) {
    courses.push_back(static_cast<Course>(c));
  }
  courses.push_back(Course::kDrink);
  return courses;
}

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

std::vector<RankedItem> RecommendationService::RankCourse(const Models& models,
                                                         const MenuCache::Menu& menu,
                                                         const Guest& guest,
                                                         const GuestProfile& profile,
                                                         const RecommendationContext& context,
                                                         const RecommendationQuery& q, int k,
                                                         std::string* model_name) {
  // The hybrid file says how to rank this guest's type: the co-occurrence
  // model's weight in a blend with the hybrid model, chosen on a validation
  // window at training time (0: the hybrid alone, 1: co-occurrence alone).
  const float cooccurrence_weight =
      models.hybrid == nullptr ? 1.f
      : models.cooccurrence == nullptr
          ? 0.f
          : models.hybrid->model().info().serving.For(!profile.history.empty());
  if (cooccurrence_weight <= 0) {
    // Each request thread keeps its scratch, so ranking allocates nothing
    // once warm and needs no lock.
    thread_local HybridRankScratch scratch;
    *model_name = "hybrid:" + models.hybrid->model().info().data_hash;
    return RankHybrid(*models.hybrid, models.cooccurrence.get(), menu, guest, profile, context, k,
                      scratch);
  }
  if (cooccurrence_weight >= 1) {
    *model_name =
        models.cooccurrence ? "cooccurrence:" + models.cooccurrence->data_hash() : "none";
    return Rank(models.cooccurrence.get(), menu, profile, context, k);
  }
  thread_local BlendedRankScratch scratch;
  const recommendation::MealContext meal{context.daypart == Daypart::kLunch, q.occasion,
                                         q.party_size};
  *model_name = "hybrid+cooccurrence:" + models.hybrid->model().info().data_hash;
  return RankBlended(*models.hybrid, *models.cooccurrence, cooccurrence_weight, menu, guest,
                     profile, context, meal, k, scratch);
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
  context.daypart = DaypartOfHour(ToLocal(q.at).hour);
  context.occasion = ParseOccasionKind(q.occasion);
  context.ordered_tonight = q.ordered_tonight;
  context.include_staples = q.include_staples;
  context.allow_repeat_tonight = q.allow_repeat_tonight;
  context.party_size = q.party_size;
  const GuestProfile profile{out.guest.allergies, out.guest.dietary_needs, *history};
  const Language language = q.language.value_or(out.guest.language);

  out.model = "none";
  for (Course course : CoursesToSuggest(q.course, menu, q.ordered_tonight)) {
    const int wanted = q.k - static_cast<int>(out.items.size());
    if (wanted <= 0) break;
    context.course = course;
    for (const RankedItem& r : RankCourse(models, menu, out.guest, profile, context, q, wanted,
                                          &out.model)) {
      const MenuItem* evidence = FindItem(menu, r.evidence_item);
      out.items.push_back({r.item, r.score, r.reason, ReasonText(r, evidence, context, language)});
    }
  }
  return out;
}

}  // namespace sobremesa
