#pragma once
// Live recommendations for a guest: reads the guest and their history from
// the store, ranks the (cached) menu with the loaded model, and explains each
// result in the guest's language. Holds no per-request state, so request
// threads share one instance.

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/hybrid_ranking.h"
#include "models/recommender.h"
#include "service/guest_history_cache.h"
#include "service/menu_cache.h"
#include "store/store.h"

namespace sobremesa {

struct RecommendationQuery {
  Id restaurant_id = 0;
  Id guest_id = 0;
  int k = 10;                          // 1..100
  std::optional<Course> course;        // none: CoursesToSuggest
  UnixSeconds at = 0;                  // when the guest is at the table (for lunch/dinner)
  std::string occasion;
  std::vector<Id> ordered_tonight;     // menu items; another id is InvalidArgument
  bool allow_repeat_tonight = false;
  int party_size = 2;
  std::optional<Language> language;    // of the reasons; the guest's own by default
  bool include_staples = false;        // MenuItem::staple (water) only when asked for
};

// The courses a request is answered from, best first: `asked` alone when
// given. Without one, the course after the latest food course the table has
// ordered tonight (a starter for a table just seated, dessert once a main is
// ordered) and the food courses after it, then drinks to fill up; drinks
// alone once dessert is ordered. Ids not on `menu` are ignored.
std::vector<Course> CoursesToSuggest(std::optional<Course> asked, const std::vector<MenuItem>& menu,
                                     std::span<const Id> ordered_tonight);

struct Recommendation {
  const MenuItem* item = nullptr;  // into RecommendationList::menu
  float score = 0;
  ReasonKind reason_kind = ReasonKind::kPopular;
  std::string reason;
};

struct RecommendationList {
  Guest guest;
  std::shared_ptr<const MenuCache::Menu> menu;  // keeps the items alive
  std::vector<Recommendation> items;
  // "hybrid:<data hash>" when the learned model ranked alone;
  // "cooccurrence:<data hash>" when the co-occurrence model did (the hybrid
  // file chose it for this guest's type, or there is no usable hybrid
  // file); "hybrid+cooccurrence:<hybrid data hash>" when the file chose a
  // blend of the two; "none" before any training.
  std::string model;
};

class RecommendationService {
 public:
  RecommendationService(Store& store, MenuCache& menus, GuestHistoryCache& histories);

  // Installs the model used for `restaurant_id` (null removes it); requests
  // in flight keep the one they started with.
  void SetModel(Id restaurant_id, std::shared_ptr<const CooccurrenceModel> model);
  // Installs the hybrid model; with none, the co-occurrence model ranks.
  // With one, its ServingChoice says how the two are blended for guests
  // with and without a history here.
  void SetHybridModel(Id restaurant_id,
                      std::shared_ptr<const recommendation::RestaurantHybridModel> model);

  // At most k items of the courses CoursesToSuggest gives, the first course's
  // first; no staple unless query.include_staples. InvalidArgument for k
  // outside 1..100 or an ordered id not on the menu; NotFound for an unknown
  // guest.
  StatusOr<RecommendationList> Recommend(const RecommendationQuery& query);

 private:
  struct Models {
    std::shared_ptr<const CooccurrenceModel> cooccurrence;
    std::shared_ptr<const recommendation::RestaurantHybridModel> hybrid;
  };
  Models ModelsFor(Id restaurant_id);
  // The best k of context.course by the models installed (the co-occurrence
  // model, the hybrid or their blend); names the model in *model_name.
  static std::vector<RankedItem> RankCourse(const Models& models, const MenuCache::Menu& menu,
                                            const Guest& guest, const GuestProfile& profile,
                                            const RecommendationContext& context,
                                            const RecommendationQuery& q, int k,
                                            std::string* model_name);

  Store& store_;
  MenuCache& menus_;
  GuestHistoryCache& histories_;

  std::mutex mutex_;  // guards models_
  std::unordered_map<Id, Models> models_;
};

}  // namespace sobremesa
