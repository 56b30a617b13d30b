// RankHybrid against a plain re-computation of what it is meant to serve, on
// random models, menus, guests and tables: the serving path is tuned for
// speed (tables, batched dot products, partial selection), and this is what
// keeps that work from changing what a guest is offered.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <tuple>

#include "models/hybrid_ranking.h"

namespace sobremesa {
namespace {

using recommendation::HybridModel;
using recommendation::HybridModelInfo;
using recommendation::RestaurantHybridModel;

// ---- the reference: every step written out as the model documents it ----

// Row of a feature name in a vocabulary of the model file, or -1.
int Lookup(const std::vector<std::string>& names, const std::string& name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : int(it - names.begin());
}

std::string ReferenceVisitPattern(std::span<const ItemHistory> history) {
  int most = 0;
  for (const ItemHistory& h : history) most = std::max(most, h.visits);
  return most == 0   ? "visits:new"
         : most == 1 ? "visits:once"
         : most <= 3 ? "visits:some"
                     : "visits:regular";
}

std::string ReferenceParty(int n) {
  return n <= 1 ? "party:1" : n == 2 ? "party:2" : n <= 4 ? "party:3-4" : "party:5+";
}

const char* ReferenceOccasion(OccasionKind o) {
  static const char* names[] = {"", "birthday", "anniversary", "business", "celebration", "date"};
  return names[int(o)];
}

// The guest's vector: id row + weighted mean of profile, history and
// tonight's features (or, with separate_history_mean, the mean of the
// profile plus the mean of history and tonight) + context rows, each
// feature found by its name.
std::vector<float> ReferenceGuest(const HybridModel& m, const Guest& g,
                                  std::span<const ItemHistory> history,
                                  const RecommendationContext& c) {
  const HybridModelInfo& info = m.info();
  const int d = m.dim();
  std::vector<float> u(d, 0.f);
  const int user = m.UserIndex(g.id);
  if (user >= 0) {
    for (int k = 0; k < d; ++k) u[k] = m.arrays().user_ids[size_t(user) * d + k];
  }
  std::vector<std::tuple<int, float, bool>> features;  // id, weight, history
  auto add = [&](const std::string& name, float w, bool history = false) {
    const int f = Lookup(info.user_feature_names, name);
    if (f >= 0) features.push_back({f, w, history});
  };
  add("lang:" + std::string(LanguageCode(g.language)), 1);
  for (const std::string& n : DietTagCodes(g.dietary_needs)) add("need:" + n, 1);
  for (const std::string& a : AllergenCodes(g.allergies)) add("allergy:" + a, 1);
  for (const std::string& p : g.preferences) add("pref:" + p, 1);
  add(ReferenceVisitPattern(history), 1);
  for (const ItemHistory& h : history)
    add("hist:" + std::to_string(h.item_id), std::max(1, h.visits), true);
  for (Id id : c.ordered_tonight) add("hist:" + std::to_string(id), 2, true);
  const bool separate = info.separate_history_mean;
  float total[2] = {0, 0};
  for (const auto& [f, w, hist] : features) total[separate && hist] += w;
  for (const auto& [f, w, hist] : features) {
    for (int k = 0; k < d; ++k) u[k] += w / total[separate && hist] * m.user_feature_vector(f)[k];
  }
  std::vector<std::string> context{
      c.daypart == Daypart::kLunch ? "daypart:lunch" : "daypart:dinner",
      ReferenceParty(c.party_size)};
  if (c.occasion != OccasionKind::kNone) {
    context.insert(context.begin() + 1, "occasion:" + std::string(ReferenceOccasion(c.occasion)));
  }
  for (const std::string& name : context) {
    const int f = Lookup(info.context_feature_names, name);
    if (f < 0) continue;
    for (int k = 0; k < d; ++k) u[k] += m.arrays().context[size_t(f) * d + k];
  }
  return u;
}

float PlainDot(const float* a, const float* b, int d) {
  float s = 0;
  for (int k = 0; k < d; ++k) s += a[k] * b[k];
  return s;
}

// An item's vector and bias: its trained row, or the mean of its features
// for an item the model never saw.
std::pair<std::vector<float>, float> ReferenceItem(const RestaurantHybridModel& rm,
                                                   const MenuItem& item) {
  const HybridModel& m = rm.model();
  const int d = m.dim();
  const int row = m.ItemIndex(item.id);
  if (row >= 0) return {{m.item_vector(row), m.item_vector(row) + d}, m.item_bias(row)};
  std::vector<float> v(d, 0.f);
  float bias = 0;
  const std::vector<int32_t> features = rm.features().ItemFeatures(item);
  for (int32_t f : features) {
    const float w = 1.f / float(features.size());
    for (int k = 0; k < d; ++k) v[k] += w * m.arrays().item_features[size_t(f) * d + k];
    bias += w * m.arrays().item_feature_biases[f];
  }
  return {v, bias};
}

bool ReferenceRules(const MenuItem& m, const Guest& g, const RecommendationContext& c) {
  if (c.course && m.course != *c.course) return false;
  if (ExclusionFor(m, g.allergies, g.dietary_needs) != Exclusion::kNone) return false;
  return c.allow_repeat_tonight || std::find(c.ordered_tonight.begin(), c.ordered_tonight.end(),
                                             m.id) == c.ordered_tonight.end();
}

struct ReferenceTonight {
  Id id;
  int index;
  bool drink;
};

// Best similarity of `item` to a tonight item it may take evidence from.
std::pair<Id, float> ReferencePair(const CooccurrenceModel& pairs,
                                   const std::vector<ReferenceTonight>& tonight,
                                   const MenuItem& item) {
  std::pair<Id, float> best{0, 0.f};
  const int c = pairs.IndexOf(item.id);
  if (c < 0) return best;
  for (const ReferenceTonight& t : tonight) {
    if (t.id == item.id || (t.drink && item.course != Course::kDrink)) continue;
    if (pairs.similarity(t.index, c) > best.second) best = {t.id, pairs.similarity(t.index, c)};
  }
  return best;
}

std::vector<RankedItem> ReferenceRank(const RestaurantHybridModel& rm,
                                      const CooccurrenceModel& pairs,
                                      std::span<const MenuItem> menu, const Guest& g,
                                      std::span<const ItemHistory> history,
                                      const RecommendationContext& c, int k) {
  const HybridModel& m = rm.model();
  const std::vector<float> u = ReferenceGuest(m, g, history, c);
  std::vector<ReferenceTonight> tonight;
  for (Id id : c.ordered_tonight) {
    const int index = pairs.IndexOf(id);
    if (index < 0) continue;
    bool drink = false;
    for (const MenuItem& item : menu)
      drink = drink || (item.id == id && item.course == Course::kDrink);
    tonight.push_back({id, index, drink});
  }
  std::vector<RankedItem> all;
  std::vector<float> taste, pair;
  for (const MenuItem& item : menu) {
    if (!ReferenceRules(item, g, c)) continue;
    const auto [v, bias] = ReferenceItem(rm, item);
    all.push_back({&item});
    // The familiarity term of an item in the guest's history.
    float familiarity = 0;
    for (const ItemHistory& h : history) {
      if (h.item_id != item.id || h.visits <= 0) continue;
      const int row = m.ItemIndex(item.id);
      familiarity = m.arrays().reorder[0] + (row >= 0 ? m.arrays().item_reorder_biases[row] : 0.f) +
                    m.arrays().reorder[1] * std::log(float(h.visits));
    }
    taste.push_back(PlainDot(u.data(), v.data(), m.dim()) + bias + familiarity);
    pair.push_back(ReferencePair(pairs, tonight, item).second);
  }
  if (all.empty()) return {};
  const float lo = *std::min_element(taste.begin(), taste.end());
  const float hi = *std::max_element(taste.begin(), taste.end());
  const float max_pair = *std::max_element(pair.begin(), pair.end());
  const float w = max_pair > 0 ? 0.25f : 0.f;
  for (size_t i = 0; i < all.size(); ++i) {
    const float t = hi > lo ? (taste[i] - lo) / (hi - lo) : 0.f;
    all[i].score = (1 - w) * t + w * (max_pair > 0 ? pair[i] / max_pair : 0.f);
  }
  std::sort(all.begin(), all.end(), [](const RankedItem& a, const RankedItem& b) {
    return a.score != b.score ? a.score > b.score : a.item->id < b.item->id;
  });
  all.resize(std::min(all.size(), size_t(k)));
  // Reasons, in order of precedence.
  float total = float(g.preferences.size()) + 1.f + 2.f * float(c.ordered_tonight.size());
  for (const ItemHistory& h : history) total += float(h.visits);
  for (RankedItem& r : all) {
    const auto own = std::find_if(history.begin(), history.end(),
                                  [&](const ItemHistory& h) { return h.item_id == r.item->id; });
    if (own != history.end() && own->visits >= 2) {
      r.reason = ReasonKind::kFavourite;
      r.evidence_count = own->visits;
      continue;
    }
    if (own != history.end() && own->visits >= 1) {
      const int row = m.ItemIndex(r.item->id);
      const float familiarity = m.arrays().reorder[0] +
                                (row >= 0 ? m.arrays().item_reorder_biases[row] : 0.f) +
                                m.arrays().reorder[1] * std::log(float(own->visits));
      if (familiarity > 0) {
        r.reason = ReasonKind::kOrderedBefore;
        r.evidence_count = own->visits;
        continue;
      }
    }
    const auto [pair_id, s] = ReferencePair(pairs, tonight, *r.item);
    if (max_pair > 0 && pair_id != 0 && s >= 0.5f * max_pair) {
      r.reason = ReasonKind::kPairsWith;
      r.evidence_item = pair_id;
      r.evidence_tonight = true;
      continue;
    }
    const auto [v, bias] = ReferenceItem(rm, *r.item);
    float best = 0;
    for (const ItemHistory& h : history) {
      const int f = Lookup(m.info().user_feature_names, "hist:" + std::to_string(h.item_id));
      if (f < 0 || h.item_id == r.item->id) continue;
      const float contribution =
          float(h.visits) / total * PlainDot(m.user_feature_vector(f), v.data(), m.dim());
      if (contribution > best) {
        best = contribution;
        r.evidence_item = h.item_id;
      }
    }
    if (best > 0) {
      r.reason = ReasonKind::kLikeHistory;
    } else {
      r.reason = m.UserIndex(g.id) >= 0 || !g.preferences.empty() ? ReasonKind::kSharedTaste
                                                                  : ReasonKind::kPopular;
    }
  }
  return all;
}

// ---- random restaurants ----

template <typename Set, typename E>
Set RandomSet(std::mt19937& rng, int count, double p) {
  Set s;
  for (int i = 0; i < count; ++i) {
    if (std::bernoulli_distribution(p)(rng)) s.Add(static_cast<E>(i));
  }
  return s;
}

std::vector<MenuItem> RandomMenu(std::mt19937& rng, int items) {
  std::vector<MenuItem> menu(items);
  std::uniform_int_distribution<int> any(0, 1000);
  for (int i = 0; i < items; ++i) {
    MenuItem& m = menu[i];
    m.id = 10 + 3 * i + any(rng) % 3;  // ascending, with gaps
    m.course = static_cast<Course>(any(rng) % kCourseCount);
    m.category = "cat" + std::to_string(any(rng) % 9);
    m.ingredients = {"ing" + std::to_string(any(rng) % 30), "ing" + std::to_string(any(rng) % 30)};
    m.allergens = RandomSet<AllergenSet, Allergen>(rng, kAllergenCount, 0.12);
    m.diet_tags = RandomSet<DietSet, DietTag>(rng, kDietTagCount, 0.3);
    m.spice_level = any(rng) % 4;
    m.price = 1500 + 100 * (any(rng) % 120);
    m.available = any(rng) % 10 != 0;
  }
  return menu;
}

std::vector<Guest> RandomGuests(std::mt19937& rng, int n) {
  const char* prefs[] = {"seafood", "meat", "spicy", "wine", "pisco", "sweet"};
  std::uniform_int_distribution<int> any(0, 1000);
  std::vector<Guest> guests(n);
  for (int i = 0; i < n; ++i) {
    Guest& g = guests[i];
    g.id = i + 1;
    g.language = static_cast<Language>(any(rng) % 3);
    g.allergies = RandomSet<AllergenSet, Allergen>(rng, kAllergenCount, 0.08);
    g.dietary_needs = RandomSet<DietSet, DietTag>(rng, kDietTagCount, 0.08);
    for (const char* p : prefs) {
      if (any(rng) % 4 == 0) g.preferences.push_back(p);
    }
  }
  return guests;
}

// A model of `menu` and `guests` with random weights; `trained_items` of the
// menu's items are in it, the rest are new dishes scored from features.
std::unique_ptr<RestaurantHybridModel> RandomModel(std::mt19937& rng,
                                                   std::span<const MenuItem> menu,
                                                   std::span<const Guest> guests, int dim,
                                                   size_t trained_items) {
  const auto features = recommendation::RestaurantFeatures::Build(menu, guests);
  HybridModelInfo info;
  info.loss = "softmax";
  info.separate_history_mean = dim % 2 == 1;  // both poolings among the dims tested
  features.FillInfo(info);
  std::normal_distribution<float> normal(0, 0.3f);
  auto weights = [&](size_t n) {
    std::vector<float> w(n);
    for (float& x : w) x = normal(rng);
    return w;
  };
  HybridModel::Arrays a;
  a.dim = dim;
  // Every other guest is unknown to the model (joined after training).
  for (const Guest& g : guests) {
    if (g.id % 2) a.user_keys.push_back(g.id);
  }
  for (size_t i = 0; i < trained_items; ++i) a.item_keys.push_back(menu[i].id);
  a.user_ids = weights(a.user_keys.size() * dim);
  a.user_features = weights(info.user_feature_names.size() * dim);
  a.item_vectors = weights(a.item_keys.size() * dim);
  a.item_biases = weights(a.item_keys.size());
  a.item_features = weights(info.item_feature_names.size() * dim);
  a.item_feature_biases = weights(info.item_feature_names.size());
  a.context = weights(info.context_feature_names.size() * dim);
  a.item_reorder_biases = weights(a.item_keys.size());
  a.reorder = weights(2);
  auto m = HybridModel::Create(std::move(a), std::move(info));
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::make_unique<RestaurantHybridModel>(std::move(*m));
}

std::shared_ptr<const CooccurrenceModel> RandomPairs(std::mt19937& rng,
                                                     std::span<const MenuItem> menu) {
  CooccurrenceModelBuilder builder(menu);
  std::uniform_int_distribution<size_t> item(0, menu.size() - 1);
  for (int b = 0; b < 400; ++b) {
    std::vector<Id> basket{menu[item(rng)].id, menu[item(rng)].id, menu[item(rng)].id};
    std::sort(basket.begin(), basket.end());
    basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
    builder.AddBasket(basket, 1767312000, "");
  }
  return builder.Build(0);
}

// One random request: history (some favourites, some items off the menu),
// tonight's orders, course, daypart, occasion, party size, k.
struct Request {
  Guest guest;
  std::vector<ItemHistory> history;
  RecommendationContext context;
  int k = 10;
};

Request RandomRequest(std::mt19937& rng, std::span<const MenuItem> menu,
                      std::span<const Guest> guests) {
  std::uniform_int_distribution<int> any(0, 1000);
  Request r;
  r.guest = guests[any(rng) % guests.size()];
  const int history = any(rng) % 4 == 0 ? 0 : any(rng) % 25;
  for (int i = 0; i < history; ++i) {
    const Id id = any(rng) % 20 == 0 ? 999'999 : menu[any(rng) % menu.size()].id;
    if (std::any_of(r.history.begin(), r.history.end(), [&](auto& h) { return h.item_id == id; })) {
      continue;
    }
    const int visits = 1 + (any(rng) % 6 == 0 ? any(rng) % 5 : 0);
    r.history.push_back({.item_id = id, .times_ordered = visits, .visits = visits});
  }
  const int tonight = any(rng) % 4;
  for (int i = 0; i < tonight; ++i)
    r.context.ordered_tonight.push_back(menu[any(rng) % menu.size()].id);
  if (any(rng) % 3 == 0) r.context.course = static_cast<Course>(any(rng) % kCourseCount);
  r.context.daypart = any(rng) % 2 ? Daypart::kLunch : Daypart::kDinner;
  r.context.occasion = static_cast<OccasionKind>(any(rng) % 6);
  r.context.allow_repeat_tonight = any(rng) % 5 == 0;
  r.context.party_size = 1 + any(rng) % 7;
  r.k = any(rng) % 5 == 0 ? 1000 : 1 + any(rng) % 12;
  return r;
}

std::string Describe(const std::vector<RankedItem>& r) {
  std::string s;
  for (const RankedItem& x : r) {
    s += std::to_string(x.item->id) + ":" + std::to_string(x.score) + " ";
  }
  return s;
}

void ExpectSameRanking(const std::vector<RankedItem>& got, const std::vector<RankedItem>& want,
                       const std::string& where) {
  ASSERT_EQ(got.size(), want.size()) << where;
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(where + " position " + std::to_string(i) + "\n got  " + Describe(got) +
                 "\n want " + Describe(want));
    ASSERT_EQ(got[i].item->id, want[i].item->id);
    EXPECT_NEAR(got[i].score, want[i].score, 1e-5);
    EXPECT_EQ(got[i].reason, want[i].reason);
    EXPECT_EQ(got[i].evidence_item, want[i].evidence_item);
    EXPECT_EQ(got[i].evidence_count, want[i].evidence_count);
    EXPECT_EQ(got[i].evidence_tonight, want[i].evidence_tonight);
  }
}

// Dims a multiple of the dot product's lanes and not; menus from a handful
// to past the 150 of the speed target, some dishes new to the model.
TEST(HybridRankingReferenceTest, ServesExactlyWhatThePlainComputationRanks) {
  std::mt19937 rng(20261127);
  int compared = 0, with_reasons[6] = {};
  for (const auto& [dim, items] : {std::pair{8, 12}, {32, 150}, {37, 60}, {64, 200}, {5, 3}}) {
    const std::vector<MenuItem> menu = RandomMenu(rng, items);
    const std::vector<Guest> guests = RandomGuests(rng, 40);
    const auto model = RandomModel(rng, menu, guests, dim, menu.size() - menu.size() / 10);
    const auto pairs = RandomPairs(rng, menu);
    HybridRankScratch scratch;  // reused across requests, as a server thread does
    for (int q = 0; q < 150; ++q) {
      const Request r = RandomRequest(rng, menu, guests);
      const GuestProfile profile{r.guest.allergies, r.guest.dietary_needs, r.history};
      const std::vector<RankedItem> got =
          RankHybrid(*model, pairs.get(), menu, r.guest, profile, r.context, r.k, scratch);
      const std::vector<RankedItem> want =
          ReferenceRank(*model, *pairs, menu, r.guest, r.history, r.context, r.k);
      ExpectSameRanking(got, want, "dim " + std::to_string(dim) + " request " + std::to_string(q));
      if (::testing::Test::HasFatalFailure()) return;
      compared += int(got.size());
      for (const RankedItem& x : got) ++with_reasons[int(x.reason)];
    }
  }
  // The random requests reach every kind of reason, or the test proves less
  // than it claims.
  EXPECT_GT(compared, 2000);
  for (int reason = 0; reason < 6; ++reason) EXPECT_GT(with_reasons[reason], 10) << reason;
}

}  // namespace
}  // namespace sobremesa
