#include "demo/order_simulator.h"

#include <algorithm>

namespace sobremesa::demo {
namespace {

constexpr UnixSeconds kMinute = 60;

TasteProfile CompanionTaste(const TasteProfile& host, DemoRandom& rng) {
  // People who eat together share part of their taste.
  TasteProfile t = host;
  for (double& a : t.affinity) a = 0.5 * a + 0.8 * rng.Normal();
  return t;
}

double ChoiceScore(const MenuContext& menu, size_t i, const TasteProfile& taste, bool summer) {
  return Affinity(taste, menu.features(i)) + 0.5 * menu.quality(i) +
         (summer && menu.traits(i).cebiche ? 0.5 : 0.0);
}

// An item of `candidates` drawn by taste; candidates must not be empty.
// `weights` is scratch space, reused to spare an allocation per choice.
size_t Choose(const MenuContext& menu, const std::vector<size_t>& candidates,
              const TasteProfile& taste, bool summer, std::vector<double>& weights,
              DemoRandom& rng) {
  weights.clear();
  for (size_t i : candidates) weights.push_back(SoftWeight(1.3 * ChoiceScore(menu, i, taste, summer)));
  return candidates[rng.Weighted(weights)];
}

std::vector<std::string> ModifiersFor(const MenuItem& item, const ItemTraits& traits,
                                      const TasteProfile& taste, DemoRandom& rng) {
  std::vector<std::string> mods;
  if (item.spice_level >= 2 && taste[Taste::kSpicy] < -0.6 && rng.Chance(0.6)) {
    mods.emplace_back(rng.Chance(0.5) ? "sin ají" : "poco ají");
  }
  if (traits.onion && rng.Chance(0.06)) mods.emplace_back("sin cebolla");
  if (traits.steak) {
    static constexpr std::string_view kDoneness[] = {"término medio", "tres cuartos", "a punto",
                                                     "bien cocido"};
    constexpr double kShares[] = {0.45, 0.3, 0.15, 0.1};
    mods.emplace_back(kDoneness[rng.Weighted(kShares)]);
  }
  if (traits.sweetened && rng.Chance(0.12)) mods.emplace_back("poco azúcar");
  return mods;
}

class OrderBuilder {
 public:
  OrderBuilder(const MenuContext& menu, const TableContext& table, DemoRandom& rng)
      : menu_(menu), table_(table), rng_(rng) {}

  TableOrder Build();

 private:
  void Serve(size_t item, const TasteProfile& taste, bool host, UnixSeconds at);
  void OrderFor(const TasteProfile& taste, bool host);
  void PickFrom(Course course, const TasteProfile& taste, bool host, UnixSeconds at,
                bool tasting = false);
  UnixSeconds At(int from_minutes, int to_minutes) {
    const UnixSeconds t = table_.seated_at + rng_.Int(from_minutes, to_minutes) * kMinute;
    return std::clamp(t, table_.seated_at, std::max(table_.seated_at, table_.closed_at - 5 * kMinute));
  }

  const MenuContext& menu_;
  const TableContext& table_;
  DemoRandom& rng_;
  TableOrder order_;
  std::vector<double> weights_;
};

void OrderBuilder::Serve(size_t item, const TasteProfile& taste, bool host, UnixSeconds at) {
  std::vector<std::string> mods = ModifiersFor(menu_.item(item), menu_.traits(item), taste, rng_);
  if (host) {
    order_.host_items.push_back(item);
    order_.host_ordered_at.push_back(at);
    order_.host_liking.push_back(Affinity(taste, menu_.features(item)) + menu_.quality(item) +
                                 0.5 * rng_.Normal());
  }
  for (PlannedLine& line : order_.lines) {
    if (line.item == item && line.modifiers == mods) {
      ++line.quantity;
      line.ordered_at = std::min(line.ordered_at, at);
      return;
    }
  }
  order_.lines.push_back({item, 1, std::move(mods), at});
}

void OrderBuilder::PickFrom(Course course, const TasteProfile& taste, bool host, UnixSeconds at,
                            bool tasting) {
  const std::vector<size_t>& candidates =
      tasting ? table_.allowed->tasting
              : table_.allowed->by_course[static_cast<size_t>(course)];
  if (candidates.empty()) return;
  const size_t chosen = Choose(menu_, candidates, taste, table_.summer, weights_, rng_);
  Serve(chosen, taste, host, at);
  if (host && candidates.size() > 1 && rng_.Chance(0.6)) {
    order_.host_viewed.push_back(candidates[static_cast<size_t>(
        rng_.Int(0, static_cast<int>(candidates.size()) - 1))]);
  }
}

void OrderBuilder::OrderFor(const TasteProfile& taste, bool host) {
  const int delay = table_.kitchen_delayed ? rng_.Int(20, 30) : 0;
  if (order_.tasting_menu) {
    PickFrom(Course::kMain, taste, host, At(8, 15), /*tasting=*/true);
  } else {
    if (rng_.Chance(0.85)) PickFrom(Course::kStarter, taste, host, At(8, 20));
    PickFrom(Course::kMain, taste, host, At(30 + delay, 50 + delay));
    const double dessert = std::clamp(0.35 + 0.15 * taste[Taste::kSweet], 0.05, 0.9);
    if (rng_.Chance(dessert)) PickFrom(Course::kDessert, taste, host, At(75 + delay, 100 + delay));
  }
  PickFrom(Course::kDrink, taste, host, At(2, 10));
  if (rng_.Chance(0.45)) PickFrom(Course::kDrink, taste, host, At(35 + delay, 60 + delay));
  if (rng_.Chance(0.15)) PickFrom(Course::kDrink, taste, host, At(80 + delay, 110 + delay));
}

TableOrder OrderBuilder::Build() {
  const TasteProfile& host = *table_.host_taste;
  const bool tasting_possible =
      table_.service == Service::kDinner && !table_.allowed->tasting.empty();
  order_.tasting_menu = tasting_possible && rng_.Chance(0.04 + 0.1 * (1 - host.price_sensitivity));
  OrderFor(host, /*host=*/true);
  for (int d = 1; d < table_.party_size; ++d) OrderFor(CompanionTaste(host, rng_), false);
  return std::move(order_);
}

}  // namespace

TableOrder SimulateOrder(const MenuContext& menu, const TableContext& table, DemoRandom& rng) {
  return OrderBuilder(menu, table, rng).Build();
}

}  // namespace sobremesa::demo
