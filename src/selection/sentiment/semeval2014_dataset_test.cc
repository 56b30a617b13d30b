#include "selection/sentiment/semeval2014_dataset.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace sobremesa::sentiment {
namespace {

std::string WriteFile(const std::string& contents) {
  const std::string path = ::testing::TempDir() + "semeval2014_" + std::to_string(getpid()) + "_" +
                           std::to_string(std::hash<std::string>{}(contents)) + ".xml";
  std::ofstream(path) << contents;
  return path;
}

TEST(SemEval2014Test, ReadsCategoriesAsSemEval2016Ones) {
  const std::string path = WriteFile(R"(<?xml version="1.0"?>
<sentences>
  <sentence id="7"><text>Great food, rude staff.</text>
    <aspectCategories>
      <aspectCategory category="food" polarity="positive"/>
      <aspectCategory category="service" polarity="negative"/>
      <aspectCategory category="anecdotes/miscellaneous" polarity="conflict"/>
    </aspectCategories>
  </sentence>
  <sentence id="8"><text>We went on a Tuesday.</text></sentence>
</sentences>)");
  auto sentences = ReadSemEval2014(path);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  const SemEvalSentence& s = (*sentences)[0];
  EXPECT_EQ(s.text, "Great food, rude staff.");
  ASSERT_EQ(s.opinions.size(), 3u);
  EXPECT_EQ(s.opinions[0].category, "FOOD#QUALITY");
  EXPECT_EQ(s.opinions[0].polarity, Polarity::kPositive);
  EXPECT_EQ(s.opinions[1].category, "SERVICE#GENERAL");
  EXPECT_EQ(s.opinions[2].category, "RESTAURANT#GENERAL");
  EXPECT_EQ(s.opinions[2].polarity, Polarity::kNeutral);
  EXPECT_TRUE((*sentences)[1].opinions.empty());
}

TEST(SemEval2014Test, BadFilesNameTheProblem) {
  EXPECT_TRUE(ReadSemEval2014("/nonexistent/x.xml").status().IsNotFound());
  auto bad =
      ReadSemEval2014(WriteFile("<sentences>\n<sentence id=\"1\"><text>x</text>\n"
                                "<aspectCategories><aspectCategory category=\"wifi\" "
                                "polarity=\"positive\"/></aspectCategories></sentence>"
                                "</sentences>"));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find(":3: unknown category 'wifi'"), std::string::npos)
      << bad.status().message();
  EXPECT_FALSE(ReadSemEval2014(WriteFile("<sentences><sentence>")).ok());
}

}  // namespace
}  // namespace sobremesa::sentiment
