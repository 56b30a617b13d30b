#include "models/behaviour/behaviour_predictions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace sobremesa {
namespace {

class BehaviourPredictionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("behaviour_predictions_test_" + std::to_string(::getpid()) + ".pt"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  static BehaviourPredictions Sample() {
    BehaviourPredictions m;
    m.restaurant_id = 3;
    m.trained_at = 1'700'000'000;
    m.data_hash = "abc123";
    m.bgnbd = {0.24, 4.4, 0.79, 2.4};
    m.gamma_gamma = GammaGammaParams{6, 4, 15};
    m.no_show = *LogisticRegression::FromParameters({1, 2}, {0.5, 1}, {0.3, -0.2}, -2);
    m.metrics = {{"churn", "auc", 0.81}};
    m.segment_feature_names = {"log1p_visits"};
    m.segments = {{1, "recent regular guests", 2, 120, 240, 0.2, 90, 4, {0.7}}};
    for (Id id : {5, 9}) {
      GuestPrediction g;
      g.guest_id = id;
      g.probability_alive = 0.5f;
      g.segment = 1;
      g.bookings = {4, 1, 0};
      m.guests.push_back(g);
    }
    return m;
  }

  std::string path_;
};

TEST_F(BehaviourPredictionsTest, RoundTripsEverything) {
  ASSERT_TRUE(Sample().Save(path_).ok());
  auto loaded = BehaviourPredictions::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const BehaviourPredictions& m = **loaded;
  EXPECT_EQ(m.restaurant_id, 3);
  EXPECT_EQ(m.data_hash, "abc123");
  EXPECT_DOUBLE_EQ(m.bgnbd.alpha, 4.4);
  ASSERT_TRUE(m.gamma_gamma.has_value());
  EXPECT_DOUBLE_EQ(m.gamma_gamma->v, 15);
  ASSERT_TRUE(m.no_show.has_value());
  const std::vector<double> row = {2, 1};
  EXPECT_DOUBLE_EQ(m.no_show->Predict(row), Sample().no_show->Predict(row));
  ASSERT_EQ(m.segments.size(), 1u);
  EXPECT_EQ(m.segments[0].description, "recent regular guests");
  ASSERT_NE(m.Find(9), nullptr);
  EXPECT_EQ(m.Find(9)->bookings.no_shows, 1);
  EXPECT_EQ(m.Find(7), nullptr);
  EXPECT_EQ(m.metrics[0].value, 0.81);
}

TEST_F(BehaviourPredictionsTest, RefusesToSaveANaN) {
  BehaviourPredictions m = Sample();
  m.guests[1].churn_risk = std::nanf("");
  EXPECT_FALSE(m.Save(path_).ok());
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(BehaviourPredictionsTest, RejectsAnotherFormatOrVersion) {
  std::ofstream(path_) << "{\"format\": \"sobremesa.cooccurrence\"}";
  auto wrong = BehaviourPredictions::Load(path_);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong.status().message().find("magic"), std::string::npos);

  ASSERT_TRUE(Sample().Save(path_).ok());
  std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(8);
  const std::uint32_t future = kBehaviourModelVersion + 1;
  f.write(reinterpret_cast<const char*>(&future), sizeof(future));
  f.close();
  auto newer = BehaviourPredictions::Load(path_);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.status().message().find("version"), std::string::npos);
}

// The churn classifier travels inside the file as XGBoost's own bytes, with
// its Platt scaling, and predicts the same after loading.
TEST_F(BehaviourPredictionsTest, CarriesTheChurnClassifier) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 200; ++i) {
    x.push_back({double(i % 17), double(i % 5)});
    y.push_back((i % 17) + (i % 5) > 10 ? 1 : 0);
  }
  BehaviourPredictions m = Sample();
  m.churn = ChurnModel{*ReturnClassifier::Fit(ReturnClassifierKind::kXgboost, x, y),
                       PlattScaling{0.8, -0.1},
                       {"weeks_since_last", "repeat_rate"}};
  ASSERT_TRUE(m.Save(path_).ok());
  auto loaded = BehaviourPredictions::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const auto& churn = (*loaded)->churn;
  ASSERT_TRUE(churn.has_value());
  EXPECT_EQ(churn->classifier.kind(), ReturnClassifierKind::kXgboost);
  EXPECT_EQ(churn->feature_names, m.churn->feature_names);
  ASSERT_TRUE(churn->calibration.has_value());
  EXPECT_DOUBLE_EQ(churn->calibration->slope, 0.8);
  EXPECT_EQ(churn->classifier.PredictAll(x), m.churn->classifier.PredictAll(x));

  // Corrupt the start of XGBoost's bytes (the end of the file): refused.
  const std::int64_t model_size = std::int64_t(m.churn->classifier.Serialize()->size());
  std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(-model_size, std::ios::end);
  f.write("garbage!", 8);
  f.close();
  auto corrupt = BehaviourPredictions::Load(path_);
  EXPECT_EQ(corrupt.status().code(), StatusCode::kInvalidArgument);
}

// A version 1 file (no churn classifier section) still loads, without one.
TEST_F(BehaviourPredictionsTest, VersionOneFilesStillLoad) {
  ASSERT_TRUE(Sample().Save(path_).ok());
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::uint32_t v1 = 1;
  bytes.replace(8, sizeof(v1), reinterpret_cast<const char*>(&v1), sizeof(v1));
  bytes.resize(bytes.size() - sizeof(std::uint64_t));  // the empty churn section
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  auto loaded = BehaviourPredictions::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FALSE((*loaded)->churn.has_value());
  EXPECT_EQ((*loaded)->guests.size(), 2u);
}

TEST_F(BehaviourPredictionsTest, MissingFileIsNotFound) {
  EXPECT_EQ(BehaviourPredictions::Load(path_ + ".absent").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sobremesa
