#include "demo/feedback_composer.h"

#include <algorithm>
#include <cmath>

#include "demo/text_fragments.h"

namespace sobremesa::demo {
namespace {

int Stars(double value) { return std::clamp(static_cast<int>(std::lround(value)), 1, 5); }

AspectStars RateAspects(const Evening& e, DemoRandom& rng) {
  AspectStars s;
  s.food = Stars(3.6 + 0.9 * e.FoodLiking() + 0.4 * rng.Normal());
  s.service = e.kitchen_delayed ? Stars(2.4 + 0.6 * rng.Normal()) : Stars(4.3 + 0.6 * rng.Normal());
  s.ambience = Stars(4.2 + 0.6 * rng.Normal());
  s.value = Stars(4.0 - 2.0 * (e.price_sensitivity - 0.3) + 0.3 * e.FoodLiking() +
                  0.5 * rng.Normal());
  const MenuItem* drink = e.Best(/*drinks=*/true);
  if (drink) {
    double liking = 0;
    for (size_t i = 0; i < e.host_items.size(); ++i) {
      if (e.host_items[i] == drink) liking = e.host_liking[i];
    }
    s.drinks = Stars(3.8 + 0.6 * liking + 0.5 * rng.Normal());
  }
  // Guests skip aspects they do not care to rate; food is always asked first.
  if (rng.Chance(0.15)) s.ambience.reset();
  if (rng.Chance(0.2)) s.value.reset();
  if (rng.Chance(0.25)) s.drinks.reset();
  return s;
}

double Overall(const AspectStars& s) {
  double sum = 0.45 * *s.food + 0.3 * *s.service, weight = 0.75;
  if (s.ambience) sum += 0.1 * *s.ambience, weight += 0.1;
  if (s.value) sum += 0.15 * *s.value, weight += 0.15;
  if (s.drinks) sum += 0.1 * *s.drinks, weight += 0.1;
  return sum / weight;
}

std::string_view PickChannel(bool tourist, DemoRandom& rng) {
  const double r = rng.Uniform();
  if (r < (tourist ? 0.35 : 0.6)) return "survey";
  if (r < (tourist ? 0.6 : 0.88)) return "google";
  return "tripadvisor";
}

class TextBuilder {
 public:
  TextBuilder(const Evening& e, DemoRandom& rng) : e_(e), rng_(rng) {}
  void Add(Fragment kind, const MenuItem* item = nullptr) {
    if (!text_.empty()) text_ += ' ';
    text_ += PickText(Fragments(kind, e_.language), item, e_.language, rng_);
  }
  std::string Take() { return std::move(text_); }

 private:
  const Evening& e_;
  DemoRandom& rng_;
  std::string text_;
};

void AddOccasion(const Evening& e, TextBuilder& text, DemoRandom& rng) {
  if (!rng.Chance(0.6)) return;
  if (e.occasion == "birthday") text.Add(Fragment::kBirthday);
  if (e.occasion == "anniversary") text.Add(Fragment::kAnniversary);
  if (e.occasion == "business") text.Add(Fragment::kBusiness);
}

std::string WriteText(const Evening& e, const AspectStars& s, int nps, DemoRandom& rng) {
  TextBuilder text(e, rng);
  const double overall = Overall(s);
  text.Add(overall >= 4.3 ? Fragment::kOpenerGreat
                          : overall >= 3.3 ? Fragment::kOpenerGood : Fragment::kOpenerBad);
  const MenuItem* best = e.Best(false);
  const MenuItem* worst = e.Worst(false);
  if (best && *s.food >= 4) text.Add(Fragment::kDishLoved, best);
  if (worst && worst != best && *s.food <= 3) text.Add(Fragment::kDishDisliked, worst);
  if (e.kitchen_delayed) {
    text.Add(*s.food >= 4 ? Fragment::kFoodGoodServiceSlow : Fragment::kServiceSlow);
  } else if (*s.service == 5 && rng.Chance(0.4)) {
    text.Add(Fragment::kServiceGreat);
  }
  if (s.drinks && *s.drinks >= 5 && rng.Chance(0.5)) text.Add(Fragment::kDrinksGreat, e.Best(true));
  if (s.value && *s.value <= 2) text.Add(Fragment::kPricey);
  AddOccasion(e, text, rng);
  if (nps >= 8) text.Add(Fragment::kClosingGood);
  if (nps <= 5) text.Add(Fragment::kClosingBad);
  return text.Take();
}

}  // namespace

ComposedFeedback ComposeFeedback(const Evening& evening, DemoRandom& rng) {
  ComposedFeedback f;
  f.stars = RateAspects(evening, rng);
  const double nps = (Overall(f.stars) - 1.0) / 4.0 * 10.0 + 0.8 * rng.Normal();
  f.nps = std::clamp(static_cast<int>(std::lround(nps)), 0, 10);
  f.channel = std::string(PickChannel(evening.tourist, rng));
  if (!rng.Chance(0.15)) f.text = WriteText(evening, f.stars, f.nps, rng);
  return f;
}

}  // namespace sobremesa::demo
