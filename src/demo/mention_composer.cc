#include "demo/mention_composer.h"

#include <algorithm>
#include <cmath>

#include "demo/name_pool.h"
#include "demo/text_fragments.h"

namespace sobremesa::demo {
namespace {

std::string_view PickPlatform(bool tourist, DemoRandom& rng) {
  static constexpr std::string_view kPlatforms[] = {"instagram", "tiktok", "google",
                                                    "tripadvisor"};
  constexpr double kLocal[] = {0.45, 0.2, 0.3, 0.05};
  constexpr double kTourist[] = {0.35, 0.1, 0.2, 0.35};
  return kPlatforms[rng.Weighted(tourist ? std::span<const double>(kTourist)
                                         : std::span<const double>(kLocal))];
}

std::string Digits(DemoRandom& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.Int(0, 9));
  return s;
}

std::string ShortCode(DemoRandom& rng) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  std::string s;
  for (int i = 0; i < 11; ++i) s += kAlphabet[static_cast<size_t>(rng.Int(0, 63))];
  return s;
}

// Bytes in the UTF-8 character that starts with `lead`.
size_t Utf8Length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// "María Á." as Google shows reviewers: first name, initial of the last.
std::string ReviewerName(const std::string& name) {
  const size_t space = name.rfind(' ');
  if (space == std::string::npos || space + 1 >= name.size()) return name;
  const size_t initial = Utf8Length(static_cast<unsigned char>(name[space + 1]));
  return name.substr(0, name.find(' ')) + " " + name.substr(space + 1, initial) + ".";
}

std::string Caption(const Evening& e, DemoRandom& rng) {
  const MenuItem* dish = e.Best(false);
  if (!dish) dish = e.Best(true);
  std::string text = PickText(Fragments(Fragment::kSocialHype, e.language), dish, e.language, rng);
  text.append(" ").append(
      PickText(Fragments(Fragment::kHashtags, e.language), nullptr, e.language, rng));
  return text;
}

std::string Review(const Evening& e, int rating, DemoRandom& rng) {
  const Language l = e.language;
  const Fragment opener = rating >= 5 ? Fragment::kOpenerGreat
                          : rating >= 3 ? Fragment::kOpenerGood : Fragment::kOpenerBad;
  std::string text = PickText(Fragments(opener, l), nullptr, l, rng);
  auto add = [&](Fragment kind, const MenuItem* item) {
    text.append(" ").append(PickText(Fragments(kind, l), item, l, rng));
  };
  const MenuItem* best = e.Best(false);
  const MenuItem* worst = e.Worst(false);
  if (best && rating >= 4) add(Fragment::kDishLoved, best);
  if (worst && rating <= 2) add(Fragment::kDishDisliked, worst);
  if (e.kitchen_delayed) add(Fragment::kServiceSlow, nullptr);
  return text;
}

}  // namespace

SocialMention ComposeMention(const Evening& evening, const std::string& author_name,
                             UnixSeconds posted_at, DemoRandom& rng) {
  SocialMention m;
  m.platform = std::string(PickPlatform(evening.tourist, rng));
  m.language = evening.language;
  m.posted_at = posted_at;
  const std::string handle = HandleFor(author_name, rng);
  if (m.platform == "instagram" || m.platform == "tiktok") {
    m.author = handle;
    m.text = Caption(evening, rng);
    m.url = m.platform == "instagram"
                ? "https://www.instagram.com/p/" + ShortCode(rng) + "/"
                : "https://www.tiktok.com/" + handle + "/video/7" + Digits(rng, 18);
    return m;
  }
  const double stars = 3.9 + 0.9 * evening.FoodLiking() - (evening.kitchen_delayed ? 1.0 : 0.0) +
                       0.5 * rng.Normal();
  m.rating = std::clamp(static_cast<int>(std::lround(stars)), 1, 5);
  m.text = Review(evening, *m.rating, rng);
  if (m.platform == "google") {
    m.author = ReviewerName(author_name);
    m.url = "https://maps.google.com/maps/contrib/1" + Digits(rng, 20) + "/reviews";
  } else {
    m.author = handle.substr(1);
    m.url = "https://www.tripadvisor.com/ShowUserReviews-g294316-r" + Digits(rng, 9) + ".html";
  }
  return m;
}

}  // namespace sobremesa::demo
