#pragma once
// What the UCI restaurant protocol knows about diners and restaurants beyond
// their ratings: feature ids for the hybrid model, and the hand-written
// profile/attribute match of the `profile_match` baseline.

#include <cstdint>
#include <string>
#include <vector>

#include "evaluation/recommendation/uci_restaurant_loader.h"
#include "models/recommendation/hybrid_data.h"

namespace sobremesa::recommendation {

// Feature rows (one per user, one per restaurant, in the data's order) and
// the name of every feature id.
//   user: each profile attribute ("budget:medium"), birth decade
//     ("born:1980s"), each cuisine liked ("cuisine:Mexican"), each payment
//     ("pay:cash"), and where they live on three grids ("region:..." 1°,
//     "near:..." 0.1° ≈ 10 km, "cell:..." 0.02° ≈ 2 km);
//   restaurant: each geoplaces2 attribute ("price:low"), cuisine, payment
//     accepted, parking, opening ("open:sat", "open:sun", "open:morning" =
//     opens before 12:00, "open:late" = open at or after 22:00), and the same
//     grid cells as users (user and restaurant vocabularies are
//     separate: the model learns how they relate).
// Values are lower-cased so "VISA" and "Visa" are one payment.
struct UciFeatures {
  FeatureRows users, restaurants;
  std::vector<std::string> user_names, restaurant_names;
};
UciFeatures BuildUciFeatures(const UciRestaurantData& data);

// Great-circle distance in km.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// Number of the diner's stated wishes the restaurant meets (0–8): a liked
// cuisine, an accepted payment, price = budget, alcohol for drinkers (none
// for abstainers), smoking allowed for smokers (not for non-smokers), a
// familiar ambience for family diners (quiet for solitary ones), parking for
// car owners, a formal dress code for formal/elegant dressers (informal or
// casual for informal ones). A missing attribute meets nothing.
int32_t ProfileMatches(const UciUser& user, const UciRestaurant& restaurant);

}  // namespace sobremesa::recommendation
