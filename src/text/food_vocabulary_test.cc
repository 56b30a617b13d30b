#include "text/food_vocabulary.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace sobremesa::text {
namespace {

struct FoodCase {
  std::string input;
  std::string expected;
};

TEST(FoodVocabularyTest, CanonicalisesPeruvianDishes) {
  const FoodCase cases[] = {
      {"el cebiche y el seviche", "el ceviche y el ceviche"},
      {"sebiche con leche de tigre", "ceviche con leche_de_tigre"},
      {"aji de gallina con ajies", "ají_de_gallina con ají"},
      {"un pisco sour y dos chilcanos", "un pisco_sour y dos chilcano"},
      {"lomo saltado", "lomo_saltado"},
      {"suspiro a la limeña", "suspiro_a_la_limeña"},
      {"leche de vaca", "leche de vaca"},
      {"leche de", "leche de"},
      {"el lomo, saltado", "el lomo , saltado"},
  };
  for (const FoodCase& c : cases) {
    Tokens tokens = Tokenize(c.input, Language::kSpanish);
    NormalizeFoodVocabulary(tokens);
    std::string got;
    for (const Token& t : tokens) got += (got.empty() ? "" : " ") + t.text;
    EXPECT_EQ(got, c.expected) << "input: " << c.input;
  }
}

TEST(FoodVocabularyTest, DishWordsAreTheNamesNotTheLittleWordsInThem) {
  for (std::string_view w :
       {"ceviche", "cebiche", "lomo", "saltado", "pisco", "sour", "tiradito"}) {
    EXPECT_TRUE(IsDishWord(w)) << w;
  }
  for (std::string_view w : {"de", "la", "great", "comida", "was"})
    EXPECT_FALSE(IsDishWord(w)) << w;
}

}  // namespace
}  // namespace sobremesa::text
