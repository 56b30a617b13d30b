#include "service/sentiment_training.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "models/sentiment/sentiment_model.h"

namespace sobremesa {
namespace {

class SentimentTrainingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "sentiment_training_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(SentimentTrainingTest, AMissingOrEmptyFolderIsNamed) {
  auto missing = TrainSentimentModels({dir_ + "/nowhere"}, dir_ + "/models");
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_NE(missing.status().message().find(dir_ + "/nowhere"), std::string::npos);
  std::ofstream(dir_ + "/restaurants_trial.xml")
      << "<Reviews/>";  // trial files are not training files
  auto trial_only = TrainSentimentModels({dir_}, dir_ + "/models");
  EXPECT_TRUE(trial_only.status().IsNotFound());
  EXPECT_NE(trial_only.status().message().find("--semeval"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/models/sentiment_analysis_model.es.pt"));
}

TEST_F(SentimentTrainingTest, AMalformedFileIsNamedWithItsLine) {
  std::ofstream(dir_ + "/restaurants_train.xml") << "<sentences>\n<sentence id=\"1\">\n<text>x";
  auto bad = TrainSentimentModels({dir_}, dir_ + "/models");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("restaurants_train.xml:"), std::string::npos)
      << bad.status().message();
}

TEST_F(SentimentTrainingTest, SemEval2014SentencesJoinEnglishWithoutThoseThe2016FilesHave) {
  const char* texts[] = {"The food was delicious and the waiter was very friendly.",
                         "Our waiter was rude and the service was slow.",
                         "The prices are too high for such small portions.",
                         "The dining room is lovely and quiet in the evening.",
                         "The fish was cold and the sauce had no flavor at all."};
  const char* categories[] = {"FOOD#QUALITY", "SERVICE#GENERAL", "RESTAURANT#PRICES",
                              "AMBIENCE#GENERAL", "FOOD#QUALITY"};
  std::ofstream y2016(dir_ + "/restaurants_train_english.xml");
  y2016 << "<Reviews><Review rid=\"1\"><sentences>\n";
  for (int i = 0; i < 5; ++i) {
    y2016 << "<sentence id=\"1:" << i << "\"><text>" << texts[i] << "</text><Opinions>"
          << "<Opinion category=\"" << categories[i] << "\" polarity=\""
          << (i % 2 ? "negative" : "positive") << "\"/></Opinions></sentence>\n";
  }
  y2016 << "</sentences></Review></Reviews>\n";
  y2016.close();
  // Two sentences of the 2016 file (one with other punctuation and case)
  // and three new ones.
  std::ofstream(dir_ + "/restaurants_train.xml")
      << "<sentences>\n"
         "<sentence id=\"1\"><text>the food was delicious, and the waiter was very friendly</text>"
         "<aspectCategories><aspectCategory category=\"food\" polarity=\"positive\"/>"
         "</aspectCategories></sentence>\n"
         "<sentence id=\"2\"><text>Our waiter was rude and the service was slow.</text>"
         "<aspectCategories><aspectCategory category=\"service\" polarity=\"negative\"/>"
         "</aspectCategories></sentence>\n"
         "<sentence id=\"3\"><text>The staff was so horrible to us.</text>"
         "<aspectCategories><aspectCategory category=\"service\" polarity=\"negative\"/>"
         "</aspectCategories></sentence>\n"
         "<sentence id=\"4\"><text>The bagels are the best in the city.</text>"
         "<aspectCategories><aspectCategory category=\"food\" polarity=\"positive\"/>"
         "</aspectCategories></sentence>\n"
         "<sentence id=\"5\"><text>We waited an hour for a table and nobody cared.</text>"
         "<aspectCategories><aspectCategory category=\"service\" polarity=\"negative\"/>"
         "</aspectCategories></sentence>\n"
         "</sentences>\n";
  auto report = TrainSentimentModels({dir_}, dir_ + "/models");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->models.size(), 1u);
  EXPECT_EQ(report->models[0].language, text::Language::kEnglish);
  EXPECT_EQ(report->models[0].sentences, 5u + 3u);
  EXPECT_EQ(report->models[0].files.size(), 2u);
  EXPECT_TRUE(std::filesystem::exists(report->models[0].path));
}

TEST_F(SentimentTrainingTest, TheSpanishModelCarriesTheLexiconAndAMissingOneIsNamed) {
  const char* texts[] = {"La comida estaba deliciosa y el camarero fue muy amable.",
                         "El servicio fue horrible y tardaron una hora en atendernos.",
                         "Los precios son muy altos para unas raciones tan pequeñas.",
                         "El comedor es bonito y tranquilo por la noche.",
                         "El pescado llegó frío y la salsa no tenía ningún sabor."};
  const char* categories[] = {"FOOD#QUALITY", "SERVICE#GENERAL", "RESTAURANT#PRICES",
                              "AMBIENCE#GENERAL", "FOOD#QUALITY"};
  std::ofstream xml(dir_ + "/restaurants_train_spanish.xml");
  xml << "<Reviews><Review rid=\"1\"><sentences>\n";
  for (int i = 0; i < 5; ++i) {
    xml << "<sentence id=\"1:" << i << "\"><text>" << texts[i] << "</text><Opinions>"
        << "<Opinion category=\"" << categories[i] << "\" polarity=\""
        << (i % 2 ? "negative" : "positive") << "\"/></Opinions></sentence>\n";
  }
  xml << "</sentences></Review></Reviews>\n";
  xml.close();
  const std::string models = dir_ + "/models";
  // A lexicon directory without the Spanish file: named, nothing written.
  std::filesystem::create_directories(dir_ + "/lexicons");
  auto missing = TrainSentimentModels({dir_}, models, dir_ + "/lexicons");
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_NE(missing.status().message().find(dir_ + "/lexicons/senticon_es.json"), std::string::npos)
      << missing.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(models + "/sentiment_analysis_model.es.pt"));
  std::ofstream(dir_ + "/lexicons/senticon_es.json")
      << R"({"delicioso": {"pol": "0.75"}, "horrible": {"pol": "-0.875"},)"
         R"( "mal humor": {"pol": "-0.5"}})";
  auto report = TrainSentimentModels({dir_}, models, dir_ + "/lexicons");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->models.size(), 1u);
  // The model file carries the stems, so serving reads no lexicon.
  std::filesystem::remove_all(dir_ + "/lexicons");
  auto model = sentiment::SentimentModel::Load(report->models[0].path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_NE((*model)->config().features.lexicon, nullptr);
  EXPECT_EQ((*model)->config().features.lexicon->Bins(),
            (std::vector<std::pair<std::string, int>>{{"delici", 3}, {"horribl", -3}}));
}

}  // namespace
}  // namespace sobremesa
