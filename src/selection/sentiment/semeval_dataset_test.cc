#include "selection/sentiment/semeval_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sobremesa::sentiment {
namespace {

class SemEvalDatasetTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& xml) {
    path_ = (std::filesystem::temp_directory_path() /
             ("semeval_test_" + std::to_string(::getpid()) + ".xml"))
                .string();
    std::ofstream(path_) << xml;
    return path_;
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

constexpr char kGood[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<Reviews>
  <Review rid="r1"><sentences>
    <sentence id="r1:0"><text>Buen servicio, comida mala.</text>
      <Opinions>
        <Opinion target="servicio" category="SERVICE#GENERAL" polarity="positive" from="5" to="13"/>
        <Opinion target="comida" category="FOOD#QUALITY" polarity="negative" from="15" to="21"/>
        <Opinion target="NULL" category="FOOD#QUALITY" polarity="negative" from="0" to="0"/>
      </Opinions>
    </sentence>
    <sentence id="r1:1" OutOfScope="TRUE"><text>Fuera de tema.</text></sentence>
    <sentence id="r1:2"><text>Llegamos a las ocho.</text></sentence>
    <sentence id="r1:3"><text>El ají, picante.</text>
      <Opinions>
        <Opinion target="picante" category="FOOD#QUALITY" polarity="positive" from="8" to="15"/>
      </Opinions>
    </sentence>
  </sentences></Review>
</Reviews>
)";

TEST_F(SemEvalDatasetTest, ReadsSentencesOpinionsAndDerivedLabels) {
  StatusOr<std::vector<SemEvalSentence>> s = ReadSemEval2016(Write(kGood));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 3u);  // the out-of-scope sentence is skipped
  EXPECT_EQ((*s)[0].review_id, "r1");
  EXPECT_EQ((*s)[0].text, "Buen servicio, comida mala.");
  EXPECT_EQ((*s)[0].opinions.size(), 3u);
  EXPECT_EQ(DistinctCategories((*s)[0]),
            (std::vector<std::string>{"SERVICE#GENERAL", "FOOD#QUALITY"}));
  EXPECT_EQ(SentencePolarity((*s)[0]), Polarity::kNeutral);  // mixed
  EXPECT_FALSE(SentencePolarity((*s)[1]).has_value());
  // Targets in bytes: the file counts characters, and "í" is two bytes.
  EXPECT_EQ((*s)[0].opinions[0].target, (TextSpan{5, 13}));
  EXPECT_EQ((*s)[0].opinions[1].target, (TextSpan{15, 21}));
  EXPECT_FALSE((*s)[0].opinions[2].target.has_value());  // "NULL": implicit
  const SemEvalSentence& aji = (*s)[2];
  ASSERT_TRUE(aji.opinions[0].target.has_value());
  EXPECT_EQ(aji.text.substr(aji.opinions[0].target->begin,
                            aji.opinions[0].target->end - aji.opinions[0].target->begin),
            "picante");
}

TEST_F(SemEvalDatasetTest, ErrorsNameFileAndLine) {
  const struct {
    std::string xml;
    std::string expected;
  } cases[] = {
      {"<Reviews>\n<Review>\n<sentences>\n</Review>", ":4: malformed XML"},
      {"<Reviews><Review rid=\"a\"><sentences>\n<sentence "
       "id=\"1\"/>\n</sentences></Review></Reviews>",
       ":2: sentence without <text>"},
      {"<Reviews><Review rid=\"a\"><sentences><sentence id=\"1\"><text>x</text><Opinions>\n\n"
       "<Opinion category=\"FOOD#QUALITY\" polarity=\"great\"/></Opinions></sentence>"
       "</sentences></Review></Reviews>",
       ":3: unknown polarity 'great'"},
      {"<Other/>", ":1: no <Reviews>"},
      {"<Reviews><Review rid=\"a\"><sentences><sentence id=\"1\"><text>ají</text><Opinions>\n"
       "<Opinion target=\"ají\" category=\"FOOD#QUALITY\" polarity=\"positive\" from=\"0\" "
       "to=\"4\"/></Opinions></sentence></sentences></Review></Reviews>",
       ":2: target 'ají' at from='0' to='4' is not within its sentence"},
      {"<Reviews><Review rid=\"a\"><sentences><sentence id=\"1\"><text>ají</text><Opinions>\n\n"
       "<Opinion target=\"ají\" category=\"FOOD#QUALITY\" polarity=\"positive\"/>"
       "</Opinions></sentence></sentences></Review></Reviews>",
       ":3: target 'ají' at from='' to='' is not within its sentence"},
  };
  for (const auto& c : cases) {
    const Status status = ReadSemEval2016(Write(c.xml)).status();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.xml;
    EXPECT_NE(status.message().find(path_ + c.expected), std::string::npos) << status.ToString();
  }
  EXPECT_TRUE(ReadSemEval2016(path_ + ".absent").status().IsNotFound());
}

TEST(SplitByReviewTest, KeepsReviewsTogetherAndIsDeterministic) {
  std::vector<SemEvalSentence> sentences;
  for (int r = 0; r < 10; ++r) {
    for (int i = 0; i < 3; ++i) sentences.push_back({"r" + std::to_string(r), "", "t", {}});
  }
  const SemEvalSplit a = SplitByReview(sentences, 0.2, 7);
  const SemEvalSplit b = SplitByReview(sentences, 0.2, 7);
  EXPECT_EQ(a.test.size(), 6u);
  EXPECT_EQ(a.train.size(), 24u);
  for (std::size_t i = 0; i < a.test.size(); ++i)
    EXPECT_EQ(a.test[i].review_id, b.test[i].review_id);
  for (const SemEvalSentence& t : a.test) {
    for (const SemEvalSentence& s : a.train) EXPECT_NE(t.review_id, s.review_id);
  }
}

TEST(WithoutOverlapTest, DropsSentencesWhoseLettersAndDigitsMatchIgnoringCaseAndPunctuation) {
  const std::vector<SemEvalSentence> extra = {{"", "a", "The staff was so horrible to us.", {}},
                                              {"", "b", "the  staff was SO horrible to us", {}},
                                              {"", "c", "The staff was so helpful to us.", {}},
                                              {"", "d", "Open until 11 pm.", {}},
                                              {"", "e", "Ñandú rico", {}}};
  const std::vector<SemEvalSentence> scored = {{"r", "x", "THE STAFF, was so horrible to us!", {}},
                                               {"r", "y", "Open until 1 pm.", {}},
                                               {"r", "z", "ñandú rico", {}}};
  std::vector<std::string> kept;
  for (const SemEvalSentence& s : WithoutOverlap(extra, scored)) kept.push_back(s.id);
  // Digits count ("11" is not "1"); non-ASCII letters are compared as they are.
  EXPECT_EQ(kept, (std::vector<std::string>{"c", "d", "e"}));
  EXPECT_EQ(WithoutOverlap(extra, {}).size(), extra.size());
}

}  // namespace
}  // namespace sobremesa::sentiment
