#include "evaluation/recommendation/movielens_1m_ncf_experiments.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// One holdout of a small catalogue (six users, eight items; items 0–3
// popular, 4–7 rare) and a recorded blend that scores every candidate 0.
struct Fixture {
  std::vector<Holdout> holdouts;
  RecordedBlend recorded;
};

Fixture SmallHoldout() {
  InteractionData data{6, 8, {}};
  for (int32_t user = 0; user < 6; ++user) data.items_by_user.push_back({0, 1, 2, 3, 4 + user % 4});
  Fixture f;
  f.holdouts.push_back(MakeHoldout(data, 3));
  size_t candidates = 0;
  for (const HeldOutCase& c : f.holdouts[0].validation) candidates += 1 + c.negatives.size();
  const HoldoutScores ones = {CandidateScores(candidates, 1)};
  f.recorded = {ones, ones, ones};
  return f;
}

std::vector<std::string> RunWith(const char* variable, const char* trials, Status& status) {
  const Fixture f = SmallHoldout();
  std::vector<std::string> lines;
  setenv(variable, trials, 1);
  status = RunNcfExperiments(f.recorded, f.holdouts,
                             [&](const std::string& line) { lines.push_back(line); });
  unsetenv(variable);
  return lines;
}

TEST(NcfExperimentsTest, EachPopularityTrialReportsItsBlend) {
  Status status;
  const std::vector<std::string> lines =
      RunWith("SOBREMESA_NCF_POPULARITY_TRIALS", "0;0.5", status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("popularity prior log(1 + count)"), std::string::npos) << lines[0];
  EXPECT_NE(lines[1].find("popularity prior count^0.5"), std::string::npos) << lines[1];
  // The blend ties every candidate (which counts against the held-out item),
  // so any positive share ranks by the prior alone, which puts a held-out
  // popular item first: the smallest positive share wins.
  EXPECT_NE(lines[0].find("added to the blend: share 0.05"), std::string::npos) << lines[0];
}

TEST(NcfExperimentsTest, SecondSampledMfTrialsReportTheirBaseThenEachTrial) {
  Status status;
  const std::vector<std::string> lines = RunWith("SOBREMESA_NCF_SECOND_SAMPLED_MF_TRIALS",
                                                 "4:2:2:0.02:0.001:0.5;4:2:2:0.02:0.001:0:2", status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("experiment base: the blend + 1.00 sampled MF dim 64"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("second member sampled MF dim 4 epochs 2 negatives 2 lr 0.02 l2 "
                          "0.001 negatives ~ count^0.5 ("),
            std::string::npos)
      << lines[1];
  EXPECT_NE(lines[2].find("l2 0.001 seed 2 ("), std::string::npos) << lines[2];
}

TEST(NcfExperimentsTest, MultDaeTrialsReportTheirBaseThenEachTrialRawAndStandardised) {
  Status status;
  std::vector<std::string> lines =
      RunWith("SOBREMESA_NCF_MULT_DAE_TRIALS", "4:2:3:0.01:0:0.5", status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("experiment base: the blend + 1.00/1.50/2.00 sampled MF dim 64"),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("tenth member Mult-DAE hidden 4 epochs 2 batch 3 lr 0.01 wd 0 "
                          "dropout 0.5 seed 1 ("),
            std::string::npos)
      << lines[1];
  setenv("SOBREMESA_NCF_STANDARDISED", "1", 1);
  lines = RunWith("SOBREMESA_NCF_MULT_DAE_TRIALS", "4:2:3:0.01:0:0.5", status);
  unsetenv("SOBREMESA_NCF_STANDARDISED");
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[1].find("experiment standardised scores: DLAE "), std::string::npos)
      << lines[1];
  EXPECT_NE(lines[1].find(" iALS: "), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find(" MF: "), std::string::npos) << lines[1];
  EXPECT_NE(lines[3].find("standardised tenth member Mult-DAE hidden 4"), std::string::npos)
      << lines[3];
}

TEST(NcfExperimentsTest, LearnedBlendTrialsReportTheirMembersTheLinearBlendThenEachTrial) {
  Status status;
  const std::vector<std::string> lines = RunWith("SOBREMESA_NCF_LEARNED_BLEND_TRIALS",
                                                 "3:0:0:0:0.001;4:1:1:1:0.01", status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  // Members 2 and 3 are fitted (0 and 1 are recorded), then the lines.
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_NE(lines[0].find("learned-blend member 2 sampled MF dim 64"), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("learned-blend member 3 user_knn k 50"), std::string::npos)
      << lines[1];
  EXPECT_NE(lines[2].find("the linear blend of record"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("members 3 history 0 popularity 0 products 0 l2 0.001 (3 features)"),
            std::string::npos)
      << lines[3];
  // 4 members, 8 history products, popularity with its 2 + 4 products, 4
  // squares and 6 pairs.
  EXPECT_NE(lines[4].find("members 4 history 1 popularity 1 products 1 l2 0.01 (28 features)"),
            std::string::npos)
      << lines[4];
  for (const char* trials : {"8:0:0:0:0.001", "3:0:0:0:-1", "3:0:0:0"}) {
    const std::vector<std::string> none =
        RunWith("SOBREMESA_NCF_LEARNED_BLEND_TRIALS", trials, status);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << trials;
    EXPECT_NE(status.message().find("SOBREMESA_NCF_LEARNED_BLEND_TRIALS"), std::string::npos)
        << trials;
    EXPECT_TRUE(none.empty()) << trials;
  }
}

TEST(NcfExperimentsTest, AMalformedTrialNamesItsVariable) {
  for (const char* trials : {"64:8", "64:8:0.1:0.0025:1:x", "64:8:0.1:0.0025:1:4:1:9"}) {
    Status status;
    const std::vector<std::string> lines = RunWith("SOBREMESA_NCF_IALS_TRIALS", trials, status);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << trials;
    EXPECT_NE(status.message().find("SOBREMESA_NCF_IALS_TRIALS"), std::string::npos) << trials;
    EXPECT_TRUE(lines.empty());
  }
}

}  // namespace
}  // namespace sobremesa::recommendation
