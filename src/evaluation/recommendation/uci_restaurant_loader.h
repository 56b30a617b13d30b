#pragma once
// Reader for the UCI "Restaurant & consumer data" (Vargas-Govea et al. 2011,
// ../shared/datasets/uci-restaurant-consumer, README.txt there): diners in
// Mexico with profiles, the restaurants of geoplaces2.csv with their
// attributes, and the diners' ratings (0–2) of those restaurants.
//
// The files are comma-separated with a header line and no quoting; "?" marks
// a missing value. Columns are found by header name. The chefmoz*.csv files
// describe ~700 places, most of them not in geoplaces2.csv and never rated:
// their rows are skipped. Every other reference (a rating or a user row for
// a diner not in userprofile.csv, a rating of a place not in geoplaces2.csv)
// is an error.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// A categorical attribute: (column name, value), e.g. ("budget", "medium").
// Missing values ("?") are left out.
using UciAttribute = std::pair<std::string, std::string>;

struct UciUser {
  std::string id;  // "U1077"
  double latitude = 0, longitude = 0;
  std::vector<UciAttribute> attributes;  // userprofile.csv columns but id and coordinates
  std::vector<std::string> cuisines;     // usercuisine.csv
  std::vector<std::string> payments;     // userpayment.csv
};

// One row of chefmozhours4.csv: "08:00-12:00;16:00-22:00;" on "Mon;Tue;".
struct UciOpening {
  std::string hours, days;
};

struct UciRestaurant {
  int64_t place_id = 0;
  double latitude = 0, longitude = 0;
  std::vector<UciAttribute> attributes;  // geoplaces2.csv categorical columns
  std::vector<std::string> cuisines;     // chefmozcuisine.csv
  std::vector<std::string> payments;     // chefmozaccepts.csv
  std::vector<std::string> parking;      // chefmozparking.csv
  std::vector<UciOpening> opening;       // chefmozhours4.csv
};

// rating_final.csv with indexes into UciRestaurantData's vectors.
struct UciRating {
  int32_t user = 0;
  int32_t restaurant = 0;
  int32_t overall = 0, food = 0, service = 0;  // each 0, 1 or 2
};

struct UciRestaurantData {
  std::vector<UciUser> users;              // in userprofile.csv order
  std::vector<UciRestaurant> restaurants;  // in geoplaces2.csv order
  std::vector<UciRating> ratings;          // in rating_final.csv order
};

// The nine file names, for messages and tests.
inline constexpr const char* kUciRestaurantFiles[] = {
    "userprofile.csv",    "usercuisine.csv",    "userpayment.csv",
    "geoplaces2.csv",     "chefmozcuisine.csv", "chefmozaccepts.csv",
    "chefmozparking.csv", "chefmozhours4.csv",  "rating_final.csv"};

// NotFound naming a file that is missing; InvalidArgument "path:line: ..."
// for a missing column, a row with the wrong number of fields, a bad number,
// a rating outside 0–2, a duplicate id or an unknown user or place.
StatusOr<UciRestaurantData> LoadUciRestaurantData(const std::string& dir);

}  // namespace sobremesa::recommendation
