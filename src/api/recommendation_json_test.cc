#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "api/routes.h"

namespace sobremesa {
namespace {

RecommendationList ListScoring(std::vector<float> scores) {
  auto menu = std::make_shared<MenuCache::Menu>();
  menu->push_back(MenuItem{.id = 7, .name_es = "Causa limeña", .name_en = "Causa",
                           .course = Course::kStarter, .price = 3800});
  RecommendationList list;
  list.guest.id = 12;
  list.model = "hybrid:test";
  for (float score : scores) {
    list.items.push_back({.item = &menu->front(), .score = score,
                          .reason_kind = ReasonKind::kPopular, .reason = "Muy pedido"});
  }
  list.menu = std::move(menu);
  return list;
}

TEST(RecommendationJsonTest, ScoresAreRoundedToFourDecimals) {
  const std::string body = RecommendationListJson(ListScoring({0.87654f}));
  const auto j = nlohmann::json::parse(body, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << body;
  EXPECT_EQ(j["guest_id"], 12);
  EXPECT_EQ(j["items"][0]["price"], "38.00");
  EXPECT_DOUBLE_EQ(j["items"][0]["score"].get<double>(), 0.8765);
}

// A model file with NaN weights must not turn a 200 into a body no client
// can parse.
TEST(RecommendationJsonTest, NonFiniteScoreIsNullAndTheBodyStaysJson) {
  const std::string body = RecommendationListJson(
      ListScoring({std::numeric_limits<float>::quiet_NaN(),
                   std::numeric_limits<float>::infinity(), 0.5f}));
  const auto j = nlohmann::json::parse(body, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << body;
  ASSERT_EQ(j["items"].size(), 3u) << body;
  EXPECT_TRUE(j["items"][0]["score"].is_null()) << body;
  EXPECT_TRUE(j["items"][1]["score"].is_null()) << body;
  EXPECT_EQ(j["items"][2]["score"], 0.5);
  EXPECT_EQ(j["items"][0]["reason_kind"], "popular");
}

}  // namespace
}  // namespace sobremesa
