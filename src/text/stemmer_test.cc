#include "text/stemmer.h"

#include <gtest/gtest.h>

namespace sobremesa::text {
namespace {

struct StemCase {
  Language language;
  std::string word;
  std::string expected;
};

TEST(StemmerTest, StemsPerLanguageKeepingPrefixesAndFoodNames) {
  const StemCase cases[] = {
      {Language::kSpanish, "deliciosos", "delici"},
      {Language::kSpanish, "deliciosa", "delici"},
      {Language::kSpanish, "neg:buenos", "neg:buen"},
      {Language::kSpanish, "leche_de_tigre", "leche_de_tigre"},
      {Language::kEnglish, "waiters", "waiter"},
      {Language::kEnglish, "delicious", "delici"},
      {Language::kPortuguese, "deliciosas", "delic"},
  };
  for (const StemCase& c : cases) {
    StatusOr<std::unique_ptr<Stemmer>> stemmer = Stemmer::Create(c.language);
    ASSERT_TRUE(stemmer.ok()) << stemmer.status().ToString();
    EXPECT_EQ((*stemmer)->Stem(c.word), c.expected) << c.word;
  }
}

TEST(StemmerTest, UnknownLanguageIsNotFound) {
  StatusOr<std::unique_ptr<Stemmer>> stemmer = Stemmer::Create(Language::kUnknown);
  ASSERT_FALSE(stemmer.ok());
  EXPECT_TRUE(stemmer.status().IsNotFound());
}

}  // namespace
}  // namespace sobremesa::text
