#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "evaluation/recommendation/uci_restaurant_features.h"
#include "evaluation/recommendation/uci_restaurant_loader.h"
#include "evaluation/recommendation/uci_restaurant_protocol.h"

namespace sobremesa::recommendation {
namespace {

namespace fs = std::filesystem;

constexpr char kProfileHeader[] =
    "userID,latitude,longitude,smoker,drink_level,dress_preference,ambience,transport,"
    "marital_status,hijos,birth_year,interest,personality,religion,activity,color,weight,budget,"
    "height\n";
constexpr char kPlaceHeader[] =
    "placeID,latitude,longitude,the_geom_meter,name,address,city,state,country,fax,zip,alcohol,"
    "smoking_area,dress_code,accessibility,price,url,Rambience,franchise,area,other_services\n";

// A data directory with the nine files, written by the test (never the
// real data): two users, two places, and rows for a place not in
// geoplaces2.csv that the loader must skip.
class UciFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    // Built by append: GCC 12 warns falsely (-Wrestrict) on "..." + std::string.
    std::string name = "sobremesa_uci_";
    name.append(::testing::UnitTest::GetInstance()->current_test_info()->name());
    dir_ = fs::temp_directory_path() / name;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("userprofile.csv", std::string(kProfileHeader) +
        "U1,22.14,-100.97,false,abstemious,informal,family,car owner,single,independent,1989,"
        "variety,thrifty-protector,none,student,black,69,medium,1.77\n"
        "U2,18.91,-99.18,true,social drinker,?,friends,public,married,kids,1972,none,"
        "hard-worker,Catholic,professional,red,80,high,1.70\n");
    Write("usercuisine.csv", "userID,Rcuisine\nU1,Mexican\nU1,Cafeteria\nU2,Italian\n");
    Write("userpayment.csv", "userID,Upayment\nU1,cash\nU2,VISA\n");
    Write("geoplaces2.csv", std::string(kPlaceHeader) +
        "10,22.15,-100.98,0101,Taqueria,Centro 1,San Luis Potosi,SLP,Mexico,?,78000,"
        "No_Alcohol_Served,none,informal,completely,medium,?,familiar,f,open,none\n"
        "20,18.92,-99.19,0102,Trattoria,Calle 2,Cuernavaca,Morelos,Mexico,?,?,"
        "Full_Bar,permitted,formal,partially,high,?,quiet,t,closed,variety\n");
    Write("chefmozcuisine.csv", "placeID,Rcuisine\n10,Mexican\n20,Italian\n99,Sushi\n");
    Write("chefmozaccepts.csv", "placeID,Rpayment\n10,cash\n20,Visa\n99,cash\n");
    Write("chefmozparking.csv", "placeID,parking_lot\n10,public\n20,none\n");
    Write("chefmozhours4.csv",
          "placeID,hours,days\n10,08:00-12:00;,Mon;Tue;Wed;Thu;Fri;\n"
          "20,18:00-01:00;,Sat;\n99,00:00-23:30;,Sun;\n");
    Write("rating_final.csv",
          "userID,placeID,rating,food_rating,service_rating\nU1,10,2,2,1\nU2,20,1,0,2\n"
          "U2,10,0,0,0\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file) << text;
  }
  fs::path dir_;
};

std::vector<std::string> NamesOf(std::span<const int32_t> ids, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (int32_t id : ids) out.push_back(names[id]);
  return out;
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST_F(UciFixture, LoadsUsersPlacesAndRatingsSkippingUnratedPlaces) {
  StatusOr<UciRestaurantData> d = LoadUciRestaurantData(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->users.size(), 2u);
  ASSERT_EQ(d->restaurants.size(), 2u);
  ASSERT_EQ(d->ratings.size(), 3u);
  EXPECT_EQ(d->users[1].id, "U2");
  EXPECT_DOUBLE_EQ(d->users[1].latitude, 18.91);
  EXPECT_EQ(d->users[0].cuisines, (std::vector<std::string>{"Mexican", "Cafeteria"}));
  // "?" is left out, coordinates are not attributes.
  const auto& attributes = d->users[1].attributes;
  EXPECT_EQ(std::count_if(attributes.begin(), attributes.end(),
                          [](const UciAttribute& a) { return a.first == "dress_preference"; }), 0);
  EXPECT_EQ(d->restaurants[1].place_id, 20);
  EXPECT_EQ(d->restaurants[1].cuisines, std::vector<std::string>{"Italian"});
  EXPECT_EQ(d->restaurants[0].opening.size(), 1u);
  EXPECT_EQ(d->ratings[2].user, 1);
  EXPECT_EQ(d->ratings[2].restaurant, 0);
  EXPECT_EQ(d->ratings[1].overall, 1);
  EXPECT_EQ(d->ratings[1].service, 2);
}

TEST_F(UciFixture, RatingOfAnUnknownPlaceNamesFileAndLine) {
  Write("rating_final.csv", "userID,placeID,rating,food_rating,service_rating\nU1,10,2,2,1\nU1,99,1,1,1\n");
  const Status s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("rating_final.csv:3:"), std::string::npos) << s.message();
}

TEST_F(UciFixture, BadRowsAreInvalidArgumentNamingFileAndLine) {
  Write("rating_final.csv", "userID,placeID,rating,food_rating,service_rating\nU1,10,3,2,1\n");
  Status s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_NE(s.message().find("rating_final.csv:2: rating outside 0-2"), std::string::npos) << s.message();
  Write("usercuisine.csv", "userID,Rcuisine\nU1,Mexican\nU9,Thai\n");
  s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_NE(s.message().find("usercuisine.csv:3: unknown user 'U9'"), std::string::npos) << s.message();
  Write("usercuisine.csv", "userID,Rcuisine\nU1,Mexican,extra\n");
  s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_NE(s.message().find("usercuisine.csv:2: expected 2 fields"), std::string::npos) << s.message();
  Write("usercuisine.csv", "user,Rcuisine\nU1,Mexican\n");
  s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_NE(s.message().find("usercuisine.csv:1: header lacks column 'userID'"), std::string::npos)
      << s.message();
}

TEST_F(UciFixture, MissingFileIsNotFoundNamingIt) {
  fs::remove(dir_ / "chefmozhours4.csv");
  const Status s = LoadUciRestaurantData(dir_.string()).status();
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("chefmozhours4.csv"), std::string::npos) << s.message();
}

TEST_F(UciFixture, FeaturesNameProfileAttributesPlaceAndOpening) {
  StatusOr<UciRestaurantData> d = LoadUciRestaurantData(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  const UciFeatures f = BuildUciFeatures(*d);
  ASSERT_EQ(f.users.rows(), 2);
  ASSERT_EQ(f.restaurants.rows(), 2);
  const auto u1 = NamesOf(f.users.Row(0), f.user_names);
  EXPECT_TRUE(Has(u1, "budget:medium"));
  EXPECT_TRUE(Has(u1, "born:1980s"));
  EXPECT_TRUE(Has(u1, "cuisine:mexican"));
  EXPECT_TRUE(Has(u1, "region:22_-101"));
  EXPECT_FALSE(Has(u1, "weight:69"));
  const auto place10 = NamesOf(f.restaurants.Row(0), f.restaurant_names);
  EXPECT_TRUE(Has(place10, "open:morning"));
  EXPECT_FALSE(Has(place10, "open:late"));
  EXPECT_FALSE(Has(place10, "name:taqueria"));
  const auto place20 = NamesOf(f.restaurants.Row(1), f.restaurant_names);
  EXPECT_TRUE(Has(place20, "open:late"));  // 18:00-01:00 runs past midnight
  EXPECT_TRUE(Has(place20, "open:sat"));
  EXPECT_TRUE(Has(place20, "pay:visa"));
}

TEST_F(UciFixture, ProfileMatchesCountsTheWishesMet) {
  StatusOr<UciRestaurantData> d = LoadUciRestaurantData(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  // U1 at place 10: cuisine, payment, budget = price, no alcohol for an
  // abstainer, no smoking for a non-smoker, familiar for family, parking
  // for a car owner, informal dress: all 8.
  EXPECT_EQ(ProfileMatches(d->users[0], d->restaurants[0]), 8);
  // U1 at place 20: none of them.
  EXPECT_EQ(ProfileMatches(d->users[0], d->restaurants[1]), 0);
  // U2 at place 20: cuisine, VISA = Visa, high, alcohol, smoking allowed.
  EXPECT_EQ(ProfileMatches(d->users[1], d->restaurants[1]), 5);
  EXPECT_NEAR(DistanceKm(22.14, -100.97, 18.91, -99.18), 402, 5);
}

// Two towns 400 km apart, 8 restaurants each; every diner rates 4 of their
// own town's restaurants and nothing elsewhere. Town A has more diners, so
// popularity recommends town A to everyone; a model that reads where a new
// diner lives must do better for town B's diners.
UciRestaurantData TwoTowns() {
  UciRestaurantData d;
  const double towns[2][2] = {{22.15, -100.98}, {18.92, -99.19}};
  for (int t = 0; t < 2; ++t) {
    for (int k = 0; k < 8; ++k) {
      UciRestaurant r{.place_id = t * 100 + k,
                      .latitude = towns[t][0] + 0.03 * k,
                      .longitude = towns[t][1]};
      r.attributes = {{"price", k % 2 ? "low" : "high"}};
      d.restaurants.push_back(r);
    }
  }
  for (int u = 0; u < 60; ++u) {
    const int t = u < 36 ? 0 : 1;
    UciUser user{.id = std::to_string(u), .latitude = towns[t][0] + 0.01 * (u % 3),
                 .longitude = towns[t][1]};
    user.attributes = {{"budget", u % 2 ? "low" : "high"}};
    d.users.push_back(user);
    for (int j = 0; j < 4; ++j) {
      const int k = (u + 2 * j) % 8;
      d.ratings.push_back({u, t * 8 + k, k % 2 == u % 2 ? 2 : 1, 1, 1});
    }
  }
  return d;
}

TEST(UciRestaurantProtocol, ReportsEveryModelAndModeAndLearnsWhereNewDinersLive) {
  UciProtocolOptions options;
  options.seeds = {1, 2};
  options.folds = 3;
  options.grid.resize(1);
  options.grid[0].model.dim = 8;
  options.grid[0].model.epochs = 30;
  options.grid[0].model.batch_size = 32;
  options.grid[0].model.negatives = 8;
  options.grid[0].model.loss = HybridLoss::kBpr;
  StatusOr<std::vector<MetricRow>> rows = RunUciRestaurantProtocol(TwoTowns(), options, {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::map<std::string, double> m;
  for (const MetricRow& r : *rows) {
    EXPECT_EQ(r.dataset, "uci-restaurant");
    m[r.model + " " + r.metric] = r.value;
  }
  ASSERT_EQ(m.size(), 16u);
  for (const char* model : {"sobremesa", "popularity", "profile_match", "nearest"}) {
    for (const char* metric : {"NDCG@5_warm", "NDCG@5_new"}) {
      const double v = m[std::string(model) + " " + metric];
      EXPECT_GT(v, 0) << model << " " << metric;
      EXPECT_LE(v, 1) << model << " " << metric;
      EXPECT_GE(m[std::string(model) + " " + metric + "_sd"], 0);
    }
  }
  EXPECT_GT(m["sobremesa NDCG@5_new"], m["popularity NDCG@5_new"] + 0.05);
  // Distance alone separates the towns, and validation must find that out.
  EXPECT_GT(m["profile_match NDCG@5_new"], m["popularity NDCG@5_new"] + 0.05);
}

TEST(UciRestaurantProtocol, HistoryFeaturesServeWarmDiners) {
  // Only the history variant is offered: a warm diner's rated restaurants
  // are features, hidden while training on each rating.
  UciProtocolOptions options;
  options.seeds = {1};
  options.folds = 3;
  options.grid.resize(1);
  options.grid[0].model.dim = 8;
  options.grid[0].model.epochs = 30;
  options.grid[0].model.batch_size = 32;
  options.grid[0].model.loss = HybridLoss::kBpr;
  options.grid[0].history_features = true;
  StatusOr<std::vector<MetricRow>> rows = RunUciRestaurantProtocol(TwoTowns(), options, {});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::map<std::string, double> m;
  for (const MetricRow& r : *rows) m[r.model + " " + r.metric] = r.value;
  EXPECT_GT(m["sobremesa NDCG@5_warm"], m["popularity NDCG@5_warm"] + 0.05);
  EXPECT_LE(m["sobremesa NDCG@5_warm"], 1);
}

TEST(UciRestaurantProtocol, RejectsEmptyDataAndBadOptions) {
  EXPECT_EQ(RunUciRestaurantProtocol(UciRestaurantData{}, {}, {}).status().code(),
            StatusCode::kFailedPrecondition);
  UciProtocolOptions options;
  options.folds = 1;
  EXPECT_EQ(RunUciRestaurantProtocol(TwoTowns(), options, {}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(UciRestaurantRealData, ParsesIfPresent) {
  const std::string dir = SOBREMESA_UCI_RESTAURANT_DIR;
  if (!fs::exists(dir)) GTEST_SKIP() << "UCI restaurant data not found at " << dir;
  StatusOr<UciRestaurantData> d = LoadUciRestaurantData(dir);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  // README.txt: 138 diners, 130 places in geoplaces2.csv, 1,161 ratings.
  EXPECT_EQ(d->users.size(), 138u);
  EXPECT_EQ(d->restaurants.size(), 130u);
  EXPECT_EQ(d->ratings.size(), 1161u);
  const UciFeatures f = BuildUciFeatures(*d);
  EXPECT_EQ(f.users.rows(), 138);
  EXPECT_EQ(f.restaurants.rows(), 130);
}

}  // namespace
}  // namespace sobremesa::recommendation
