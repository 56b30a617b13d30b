#include "models/recommendation/hybrid_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace sobremesa::recommendation {
namespace {

HybridModel SmallModel() {
  HybridModel::Arrays a;
  a.dim = 2;
  a.user_keys = {10, 20};
  a.item_keys = {5, 7, 9};
  a.user_ids = {1, 0, 0, 1};
  a.user_features = {0.5f, 0.5f};
  a.item_vectors = {1, 0, 0, 1, 1, 1};
  a.item_biases = {0, 0.1f, 0.2f};
  a.item_features = {2, 0, 0, 2};
  a.item_feature_biases = {0.3f, 0.1f};
  a.context = {0, 0.25f};
  a.item_reorder_biases = {0.5f, 0, -0.25f};
  a.reorder = {1.f, 0.5f};
  HybridModelInfo info;
  info.loss = "softmax";
  info.data_hash = "abc";
  info.menu_identity = "restaurant-1:00";
  info.metrics = {{"NDCG@10", 0.5}};
  info.serving = {.with_history = 0.7, .without_history = 0};
  info.user_feature_names = {"lang:es"};
  info.item_feature_names = {"course:main", "course:drink"};
  info.context_feature_names = {"daypart:dinner"};
  StatusOr<HybridModel> m = HybridModel::Create(std::move(a), std::move(info));
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return *m;
}

std::string TempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

TEST(HybridModel, ScoresUserVectorsBuiltFromIdsFeaturesAndContext) {
  const HybridModel m = SmallModel();
  EXPECT_EQ(m.UserIndex(20), 1);
  EXPECT_EQ(m.UserIndex(15), -1);
  EXPECT_EQ(m.ItemIndex(9), 2);
  float u[kMaxHybridDim];
  const WeightedFeature f[] = {{0, 3.f}};
  const int32_t c[] = {0};
  m.UserVector(0, f, c, u);  // (1,0) + (0.5,0.5) + (0,0.25)
  EXPECT_FLOAT_EQ(u[0], 1.5f);
  EXPECT_FLOAT_EQ(u[1], 0.75f);
  EXPECT_FLOAT_EQ(m.Score(u, 2), 1.5f + 0.75f + 0.2f);
  float item[kMaxHybridDim];
  const int32_t features[] = {0, 1};
  EXPECT_FLOAT_EQ(m.NewItemVector(features, item), 0.2f);
  EXPECT_FLOAT_EQ(item[0], 1.f);
}

TEST(HybridModel, FamiliarityGrowsWithVisitsAndKnowsEachItemsOwnBias) {
  const HybridModel m = SmallModel();
  EXPECT_EQ(m.Familiarity(0, 0), 0.f) << "not in the history";
  EXPECT_FLOAT_EQ(m.Familiarity(0, 1), 1.f + 0.5f);  // shared + own bias, ln 1 = 0
  EXPECT_FLOAT_EQ(m.Familiarity(2, 1), 1.f - 0.25f);
  EXPECT_FLOAT_EQ(m.Familiarity(1, 4), 1.f + 0.5f * std::log(4.f));
  EXPECT_FLOAT_EQ(m.Familiarity(1, 100), 1.f + 0.5f * std::log(100.f)) << "past the log table";
  EXPECT_FLOAT_EQ(m.Familiarity(-1, 2), 1.f + 0.5f * std::log(2.f)) << "a dish new to the model";
}

TEST(HybridModel, SaveThenLoadGivesTheSameModel) {
  const std::string path = TempPath("hybrid_model_roundtrip.pt");
  const HybridModel m = SmallModel();
  ASSERT_TRUE(m.Save(path).ok());
  StatusOr<HybridModel> loaded = HybridModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->arrays().item_vectors, m.arrays().item_vectors);
  EXPECT_EQ(loaded->arrays().user_keys, m.arrays().user_keys);
  EXPECT_EQ(loaded->arrays().item_reorder_biases, m.arrays().item_reorder_biases);
  EXPECT_EQ(loaded->arrays().reorder, m.arrays().reorder);
  EXPECT_EQ(loaded->Familiarity(1, 3), m.Familiarity(1, 3));
  EXPECT_EQ(loaded->info().menu_identity, "restaurant-1:00");
  EXPECT_EQ(loaded->info().metrics, m.info().metrics);
  EXPECT_EQ(loaded->info().serving, m.info().serving);
  EXPECT_EQ(loaded->info().serving.For(true), 0.7);
  EXPECT_EQ(loaded->info().serving.For(false), 0);
  EXPECT_EQ(loaded->info().item_feature_names, m.info().item_feature_names);
}

TEST(HybridModel, LoadRejectsMissingForeignTruncatedAndNewerFiles) {
  EXPECT_TRUE(HybridModel::Load(TempPath("no_such_model.pt")).status().IsNotFound());
  const std::string path = TempPath("hybrid_model_bad.pt");
  ASSERT_TRUE(SmallModel().Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto rejects = [&](std::string contents, const std::string& why) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << contents;
    const Status s = HybridModel::Load(path).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << why;
    EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  };
  rejects("{\"format\": \"sobremesa.cooccurrence\"}", "foreign file");
  rejects(bytes.substr(0, bytes.size() - 3), "truncated");
  rejects(bytes + "x", "trailing byte");
  std::string newer = bytes;
  newer[8] = kHybridModelVersion + 1;  // version field
  rejects(newer, "newer version");
  std::string older = bytes;
  older[8] = 1;  // version 1 had no serving choice
  rejects(older, "version 1");
  older[8] = 2;  // version 2 had no familiarity term
  rejects(older, "version 2");
}

// Replaces the first `from` in the JSON header with `to` of the same length,
// so the header's length prefix stays right.
std::string EditHeader(std::string bytes, const std::string& from, const std::string& to) {
  EXPECT_EQ(from.size(), to.size());
  const size_t at = bytes.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) bytes.replace(at, from.size(), to);
  return bytes;
}

TEST(HybridModel, LoadRejectsAServingWeightOutsideZeroToOneOrMissing) {
  const std::string path = TempPath("hybrid_model_serving.pt");
  ASSERT_TRUE(SmallModel().Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"history\":0.7", "history\":1.7"},
        {"history\":0.7", "history\":-1 "},
        {"history\":0.7", "history\":\"x\""},
        {"\"cooccurrence_weight_with_history\"", "\"cooccurrence_weight_with_hist0ry\""},
        {"\"serving\"", "\"serv1ng\""}}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << EditHeader(bytes, from, to);
    const Status s = HybridModel::Load(path).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << to;
    EXPECT_NE(s.message().find(path), std::string::npos) << s.message();
  }
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  EXPECT_TRUE(HybridModel::Load(path).ok()) << "the unedited file still loads";
}

}  // namespace
}  // namespace sobremesa::recommendation
