#include "models/cooccurrence_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "models/test_menu.h"

namespace sobremesa {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / name).string();
}

std::shared_ptr<const CooccurrenceModel> Build() {
  const auto menu = testing::SmallMenu();
  CooccurrenceModelBuilder builder(menu);
  const UnixSeconds lunch = FromLocal(2026, 1, 10, 13, 0, 0);
  const UnixSeconds dinner = FromLocal(2026, 1, 10, 21, 0, 0);
  builder.AddBasket(std::vector<Id>{1, 5}, lunch, "business");
  builder.AddBasket(std::vector<Id>{1, 5, 5, 999}, dinner, "birthday");  // dup + unknown id
  builder.AddBasket(std::vector<Id>{1, 6}, dinner, "");
  return builder.Build(dinner);
}

TEST(CooccurrenceModelTest, CountsPopularityByContext) {
  const auto m = Build();
  const int cebiche = m->IndexOf(1);
  EXPECT_EQ(m->basket_count(), 3);
  EXPECT_EQ(m->popularity(cebiche), 3);
  EXPECT_EQ(m->popularity(cebiche, Daypart::kLunch), 1);
  EXPECT_EQ(m->popularity(cebiche, Daypart::kDinner), 2);
  EXPECT_EQ(m->popularity(m->IndexOf(5), OccasionKind::kBirthday), 1);
  EXPECT_EQ(m->popularity(m->IndexOf(5)), 2) << "a duplicate in one basket counts once";
  EXPECT_EQ(m->IndexOf(999), -1);
}

TEST(CooccurrenceModelTest, SimilarityIsCosineOfBasketSets) {
  const auto m = Build();
  // cebiche in 3 baskets, pisco sour in 2, together in 2: 2 / sqrt(6).
  EXPECT_NEAR(m->similarity(m->IndexOf(1), m->IndexOf(5)), 2 / std::sqrt(6.f), 1e-6);
  EXPECT_EQ(m->similarity(m->IndexOf(5), m->IndexOf(6)), 0);
  EXPECT_EQ(m->similarity(m->IndexOf(1), m->IndexOf(1)), 0);
}

TEST(CooccurrenceModelTest, SaveLoadRoundTrip) {
  const auto m = Build();
  const std::string path = TempPath("model_roundtrip.json");
  ASSERT_TRUE(m->Save(path).ok());
  auto loaded = CooccurrenceModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const auto& l = **loaded;
  EXPECT_EQ(l.item_count(), m->item_count());
  EXPECT_EQ(l.data_hash(), m->data_hash());
  EXPECT_EQ(l.trained_at(), m->trained_at());
  for (int i = 0; i < m->item_count(); ++i) {
    EXPECT_EQ(l.item_id(i), m->item_id(i));
    EXPECT_EQ(l.popularity(i, Daypart::kDinner), m->popularity(i, Daypart::kDinner));
    for (int j = 0; j < m->item_count(); ++j) EXPECT_EQ(l.similarity(i, j), m->similarity(i, j));
  }
}

TEST(CooccurrenceModelTest, DataHashChangesWithTheData) {
  const auto menu = testing::SmallMenu();
  CooccurrenceModelBuilder other(menu);
  other.AddBasket(std::vector<Id>{2, 6}, FromLocal(2026, 1, 10, 13, 0, 0), "");
  EXPECT_NE(other.Build(0)->data_hash(), Build()->data_hash());
}

TEST(CooccurrenceModelTest, LoadReportsMissingCorruptAndForeignFiles) {
  EXPECT_TRUE(CooccurrenceModel::Load(TempPath("absent.json")).status().IsNotFound());

  struct Case { const char* content; const char* expected; };
  for (const Case& c : {Case{"{not json", "parse error"},
                        Case{R"({"format":"other"})", "not a sobremesa co-occurrence model"},
                        Case{R"({"format":"sobremesa.cooccurrence","version":9})",
                             "version 9 is not supported"},
                        Case{R"({"format":"sobremesa.cooccurrence","version":1,"item_ids":[1],
                               "popularity":[1,2],"by_daypart":[[1],[1]],
                               "by_occasion":[[1],[1],[1],[1],[1],[1]],"similarity":[0],
                               "basket_count":1,"data_hash":"x","trained_at_unix":0})",
                             "array sizes do not match"}}) {
    const std::string path = TempPath("bad_model.json");
    std::ofstream(path) << c.content;
    auto loaded = CooccurrenceModel::Load(path);
    ASSERT_FALSE(loaded.ok()) << c.content;
    EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(loaded.status().message().find(c.expected), std::string::npos)
        << loaded.status().message();
  }
}

}  // namespace
}  // namespace sobremesa
