#include "evaluation/recommendation/uci_restaurant_features.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <numbers>
#include <unordered_map>

namespace sobremesa::recommendation {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class Vocabulary {
 public:
  explicit Vocabulary(std::vector<std::string>& names) : names_(names) {}
  void Add(const std::string& kind, const std::string& value, std::vector<int32_t>& row) {
    const std::string name = kind + ":" + Lower(value);
    const auto [it, added] = ids_.emplace(name, static_cast<int32_t>(names_.size()));
    if (added) names_.push_back(name);
    if (std::find(row.begin(), row.end(), it->second) == row.end()) row.push_back(it->second);
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<std::string, int32_t> ids_;
};

std::string GridCell(double latitude, double longitude, double degrees) {
  return std::to_string(std::lround(latitude / degrees)) + "_" +
         std::to_string(std::lround(longitude / degrees));
}

void AddPlace(double latitude, double longitude, Vocabulary& v, std::vector<int32_t>& row) {
  v.Add("region", GridCell(latitude, longitude, 1.0), row);
  v.Add("near", GridCell(latitude, longitude, 0.1), row);
  v.Add("cell", GridCell(latitude, longitude, 0.02), row);
}

// Minutes since midnight of "HH:MM", or -1.
int Minutes(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return -1;
  return std::atoi(text.substr(0, 2).c_str()) * 60 + std::atoi(text.substr(3, 2).c_str());
}

// "open:*" features from chefmozhours4 rows ("08:00-12:00;16:00-22:00;").
void AddOpening(const std::vector<UciOpening>& opening, Vocabulary& v, std::vector<int32_t>& row) {
  for (const UciOpening& o : opening) {
    if (o.days.find("Sat") != std::string::npos) v.Add("open", "sat", row);
    if (o.days.find("Sun") != std::string::npos) v.Add("open", "sun", row);
    size_t start = 0;
    for (size_t end; (end = o.hours.find(';', start)) != std::string::npos || start < o.hours.size();
         start = end + 1) {
      if (end == std::string::npos) end = o.hours.size();
      const std::string range = o.hours.substr(start, end - start);
      const size_t dash = range.find('-');
      if (dash == std::string::npos) continue;
      const int from = Minutes(range.substr(0, dash)), to = Minutes(range.substr(dash + 1));
      if (from < 0 || to < 0) continue;
      if (from < 12 * 60) v.Add("open", "morning", row);
      // An end at or before the start runs past midnight.
      if (to >= 22 * 60 || to <= from) v.Add("open", "late", row);
    }
  }
}

const std::string* Attribute(const std::vector<UciAttribute>& attributes, const char* name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool Is(const std::string* value, std::initializer_list<const char*> any_of) {
  if (value == nullptr) return false;
  const std::string v = Lower(*value);
  return std::any_of(any_of.begin(), any_of.end(), [&](const char* x) { return v == x; });
}

bool Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
    return std::any_of(b.begin(), b.end(),
                       [&](const std::string& y) { return Lower(x) == Lower(y); });
  });
}

}  // namespace

UciFeatures BuildUciFeatures(const UciRestaurantData& data) {
  UciFeatures f;
  Vocabulary users(f.user_names), restaurants(f.restaurant_names);
  std::vector<int32_t> row;
  for (const UciUser& u : data.users) {
    row.clear();
    for (const auto& [name, value] : u.attributes) {
      if (name == "weight" || name == "height") continue;  // numbers, not categories
      if (name == "birth_year") {
        users.Add("born", std::to_string(std::atoi(value.c_str()) / 10 * 10) + "s", row);
      } else {
        users.Add(name, value, row);
      }
    }
    for (const std::string& c : u.cuisines) users.Add("cuisine", c, row);
    for (const std::string& p : u.payments) users.Add("pay", p, row);
    AddPlace(u.latitude, u.longitude, users, row);
    f.users.AddRow(row);
  }
  for (const UciRestaurant& r : data.restaurants) {
    row.clear();
    for (const auto& [name, value] : r.attributes) restaurants.Add(name, value, row);
    for (const std::string& c : r.cuisines) restaurants.Add("cuisine", c, row);
    for (const std::string& p : r.payments) restaurants.Add("pay", p, row);
    for (const std::string& p : r.parking) restaurants.Add("parking", p, row);
    AddOpening(r.opening, restaurants, row);
    AddPlace(r.latitude, r.longitude, restaurants, row);
    f.restaurants.AddRow(row);
  }
  return f;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0, kRadians = std::numbers::pi / 180;
  const double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  const double a = std::pow(std::sin(dlat / 2), 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

int32_t ProfileMatches(const UciUser& u, const UciRestaurant& r) {
  const std::string* drink = Attribute(u.attributes, "drink_level");
  const std::string* smoker = Attribute(u.attributes, "smoker");
  const std::string* ambience = Attribute(u.attributes, "ambience");
  const std::string* dress = Attribute(u.attributes, "dress_preference");
  const std::string* budget = Attribute(u.attributes, "budget");
  const std::string* alcohol = Attribute(r.attributes, "alcohol");
  const std::string* smoking = Attribute(r.attributes, "smoking_area");
  const std::string* rambience = Attribute(r.attributes, "Rambience");
  const std::string* code = Attribute(r.attributes, "dress_code");
  const std::string* price = Attribute(r.attributes, "price");
  const bool serves_alcohol = alcohol != nullptr && !Is(alcohol, {"no_alcohol_served"});
  const bool parking = std::any_of(r.parking.begin(), r.parking.end(),
                                   [](const std::string& p) { return Lower(p) != "none"; });
  int32_t matches = 0;
  matches += Overlap(u.cuisines, r.cuisines);
  matches += Overlap(u.payments, r.payments);
  matches += budget != nullptr && price != nullptr && Lower(*budget) == Lower(*price);
  matches += (Is(drink, {"abstemious"}) && Is(alcohol, {"no_alcohol_served"})) ||
             (Is(drink, {"social drinker", "casual drinker"}) && serves_alcohol);
  matches += (Is(smoker, {"true"}) && Is(smoking, {"permitted", "section", "only at bar"})) ||
             (Is(smoker, {"false"}) && Is(smoking, {"none", "not permitted"}));
  matches += (Is(ambience, {"family"}) && Is(rambience, {"familiar"})) ||
             (Is(ambience, {"solitary"}) && Is(rambience, {"quiet"}));
  matches += Is(Attribute(u.attributes, "transport"), {"car owner"}) && parking;
  matches += (Is(dress, {"formal", "elegant"}) && Is(code, {"formal"})) ||
             (Is(dress, {"informal"}) && Is(code, {"informal", "casual"}));
  return matches;
}

}  // namespace sobremesa::recommendation
