#include "analysis/dining_cues.h"

#include <gtest/gtest.h>

#include <fstream>

#include "analysis/check_set.h"
#include "analysis/cue_test_util.h"
#include "text/text_analyzer.h"

namespace sobremesa::analysis {
namespace {

// The cues of `text` as "aspect:polarity" ("none" for the evening), in
// order, read from the tokens the document analyzer gives them.
std::string Cues(const std::string& text, text::Language language = text::Language::kSpanish) {
  return testing::DescribeCues(FindDiningCues(testing::CueTokens(text, language), language));
}

struct CueCase {
  std::string text;
  std::string cues;
};

TEST(DiningCuesTest, ComplaintsSpeakOfTheirAspect) {
  const CueCase cases[] = {
      {"El tiradito estaba salado", "food:negative"},
      {"El pisco sour tibio", "drinks:negative"},
      {"Se demoró mucho", "service:negative"},
      {"La atención fue lenta", "service:negative"},
      {"Esperamos casi una hora", "service:negative"},
      {"Se olvidaron de las entradas", "service:negative"},
      {"El baño estaba sucio", "ambience:negative"},
      {"Muy caro", "value:negative"},
      {"La cuenta salió un ojo de la cara", "value:negative"},
      {"Nos cobraron de más", "value:negative"},
      {"El chilcano estaba aguado", "drinks:negative"},
      {"La cerveza llegó caliente", "drinks:negative"},
      {"Qué roche", "none:negative"},
      {"The fish was far too salty", "food:negative"},
  };
  for (const CueCase& c : cases) {
    const bool english = c.text.starts_with("The");
    EXPECT_EQ(Cues(c.text, english ? text::Language::kEnglish : text::Language::kSpanish), c.cues)
        << c.text;
  }
}

TEST(DiningCuesTest, ADeniedDefectIsPraise) {
  const CueCase cases[] = {
      {"El tiradito no estaba salado", "food:positive"},
      {"La comida no demoró nada", "service:positive"},
      {"Sin demora", "service:positive"},
      {"No es caro", "value:positive"},
      {"La atención no fue lenta", "service:positive"},
      {"No esperamos nada", "service:positive"},
      // The negation ends at a contrast word: the complaint after it stands.
      {"No estaba mal, pero salado", "none:positive,food:negative"},
      // "sin sabor" is the one negated word that complains.
      {"La leche de tigre sin sabor", "food:negative"},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

TEST(DiningCuesTest, DescriptionsAndOtherSensesAreNotComplaints) {
  const CueCase cases[] = {
      {"El pescado crudo del ceviche", ""},          // raw by design
      {"El seco de cordero", ""},                    // the dish
      {"El seco estaba rico", "food:positive"},      // the dish again, praised
      {"Un vino seco para el pescado", ""},          // dry wine
      {"La vez pasada fue mejor", ""},               // last time
      {"Esperamos volver pronto", "none:positive"},  // hope to return, not waiting
      {"Llegamos tarde", ""},                        // late, not slow
      {"Una ensalada de lentejas", ""},              // neither salado nor lento
      {"Le vi la cara al chef", ""},                 // a face, not a price
      {"El mozo nos dio una mesa", ""},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

TEST(DiningCuesTest, ColdIsPraiseForDrinksAndTheRoomsComplaintForTheRoom) {
  EXPECT_EQ(Cues("El lomo saltado vino frío"), "food:negative");
  EXPECT_EQ(Cues("Las chelas bien frías"), "drinks:positive");
  EXPECT_EQ(Cues("El ambiente era frío"), "ambience:negative");
  EXPECT_EQ(Cues("Hacía un frío terrible"), "ambience:negative,none:negative");
}

TEST(DiningCuesTest, OtherLanguagesHaveNoCues) {
  EXPECT_EQ(Cues("O peixe estava salgado", text::Language::kPortuguese), "");
}

TEST(DiningCuesTest, PraiseSpeaksOfItsAspect) {
  const CueCase cases[] = {
      {"Todo riquísimo", "food:positive"},
      {"El mozo chévere, pero la comida llegó fría", "service:positive,food:negative"},
      {"La atención de primera", "service:positive"},
      {"Te atienden al toque", "service:positive"},
      {"Los chilcanos buenazos", "drinks:positive"},
      {"El lomo saltado de lujo 👌", "food:positive,food:positive"},
      {"Qué buen lugar", "none:positive"},  // the venue: the evening
      {"10 de 10, volveremos", "none:positive,none:positive"},
      {"Precio justo", "value:positive"},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

TEST(DiningCuesTest, NegationReachesOnlyWhatItGoverns) {
  const CueCase cases[] = {
      {"Nunca comí algo tan salado", "food:negative"},
      {"No sé por qué tardaron tanto", "service:negative"},
      {"No volveremos", "none:negative"},
      {"La comida no estaba rica", "food:negative"},
      {"Nada que ver con lo que esperábamos", "none:negative"},
      {"No tiene nada que ver con la comida", ""},
      {"El pulpo no estuvo nada mal", "food:positive"},
      {"Sin duda lo mejor fue el cebiche", "food:positive"},
      {"No tuvimos que esperar nada", "service:positive"},
      {"No lo recomiendo", "none:negative"},
      {"No te pierdas el cebiche", "food:positive"},
      {"No se pierdan el pisco sour", "drinks:positive"},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

TEST(DiningCuesTest, WordsAreReadInTheirDiningSense) {
  const CueCase cases[] = {
      {"Qué rico el chicharrón", "food:positive"},
      {"El dueño es un señor muy rico", ""},
      {"Para gente rica nomás", ""},
      {"Asu, qué rico", "food:positive"},
      {"Asu, qué caro", "value:negative"},
      {"La causa estaba salada", "food:negative"},
      {"Causa, el mozo muy lento", "service:negative"},
      {"Buenas noches, somos cuatro", ""},
      {"Los precios altos", "value:negative"},
      {"Los techos altos", ""},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
  // "a causa de" names no dish: "buena" finds no aspect near it.
  EXPECT_EQ(Cues("Buena, a causa de todo"), "none:positive");
}

TEST(DiningCuesTest, EnglishColloquialCues) {
  const CueCase cases[] = {
      {"The soup was cold", "food:negative"},
      {"My steak came out overcooked", "food:negative"},
      {"Our food took forever", "service:negative"},
      {"The ceviche was to die for", "food:positive"},
      {"Hands down the best ceviche", "food:positive,food:positive"},
      {"The pisco sours were on point", "drinks:positive"},
      {"We'll be back", "none:positive"},
      {"Never coming back", "none:negative"},
      {"Not bad at all", "none:positive"},
      {"I've never had a ceviche so salty", "food:negative"},
      {"Don't miss the doncella fish steamed in bijao leaf!", "food:positive"},
      {"You can't miss the lomo saltado", "food:positive"},
      {"The service is hit or miss", "service:negative"},
  };
  for (const CueCase& c : cases) {
    EXPECT_EQ(Cues(c.text, text::Language::kEnglish), c.cues) << c.text;
  }
}

// Check set round 4 (history, "Clauses, the past and 'lo único'").
TEST(DiningCuesTest, RoomsSmellsAndDeclineAreComplaints) {
  const CueCase english[] = {
      {"The place smelled of frying oil", "ambience:negative"},
      {"The room was freezing", "ambience:negative"},
      {"It gets really loud on weekends", "ambience:negative"},
      {"The service has gone downhill", "service:negative"},
      {"The bathroom was dirty", "ambience:negative"},
      {"The beer was freezing cold", "drinks:positive"},
  };
  for (const CueCase& c : english) {
    EXPECT_EQ(Cues(c.text, text::Language::kEnglish), c.cues) << c.text;
  }
  const CueCase spanish[] = {
      {"La comida no está a la altura", "food:negative"},
      {"El ceviche a la altura de su fama", "food:positive"},
      {"La comida estuvo regularcita", "food:negative"},
      {"El menú se sintió repetitivo", "food:negative"},
      {"Te cobran el cubierto y el 10 % sin avisar", "value:negative"},
  };
  for (const CueCase& c : spanish) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

// Issue 4 review: denied regret and recommendations to others were read
// as complaints by the model and quoted among the criticised dishes.
TEST(DiningCuesTest, DeniedRegretAndRecommendationsArePraiseOfWhatTheyName) {
  const CueCase spanish[] = {
      {"No me arrepiento", "none:positive"},
      {"No te arrepentirás", "none:positive"},
      {"No se van a arrepentir", "none:positive"},
      {"No me arrepiento de haber pedido el pulpo", "food:positive"},
      {"Me arrepiento de haber venido", "none:negative"},
      {"Tienes que probar el lomo saltado", "food:positive"},
      {"Tienen que ir", "none:positive"},
      {"Tienen que ir a este lugar", "none:positive"},
      {"Hay que probar los piscos", "drinks:positive"},
      {"No dejen de probar la causa", "food:positive"},
      {"Recomendadísimo", "none:positive"},
      {"Tuvimos que esperar una hora", "service:negative"},  // an obligation, no advice
  };
  for (const CueCase& c : spanish) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
  const CueCase english[] = {
      {"You have to try the ceviche", "food:positive"},
      {"You must try the pisco sour", "drinks:positive"},
      {"The causa is a must", "food:positive"},
      {"You won't regret it", "none:positive"},
  };
  for (const CueCase& c : english) {
    EXPECT_EQ(Cues(c.text, text::Language::kEnglish), c.cues) << c.text;
  }
}

TEST(DiningCuesTest, ShrugsSimilesAndWorthReadAsOpinions) {
  const CueCase cases[] = {
      {"Nunca más", "none:negative"},
      {"Sobrevalorado", "none:negative"},
      {"La comida, nada del otro mundo", "food:negative"},
      {"Una pena", "none:negative"},
      {"La carne dura como suela", "food:negative"},
      {"Pagamos una fortuna", "value:negative"},
      {"Mucho tiempo de espera", "service:negative"},
      {"Vale la pena", "none:positive"},
      {"La comida no vale la pena", "food:negative"},
      {"Caro, pero lo vale", "value:negative,value:positive"},
      {"El pisco sour muy ácido", "drinks:negative"},
      {"El local muy apretado", "ambience:negative"},
      {"No vuelvo", "none:negative"},
      {"Volvemos sí o sí", "none:positive"},
  };
  for (const CueCase& c : cases) EXPECT_EQ(Cues(c.text), c.cues) << c.text;
}

TEST(DiningCuesTest, ServingIsNoPraiseButNobodyServingIsAComplaint) {
  EXPECT_EQ(Cues("Hasta qué hora atienden"), "");
  EXPECT_EQ(Cues("Nadie nos atendió"), "service:negative");
  EXPECT_EQ(Cues("No te atienden"), "service:negative");
}

TEST(DiningCuesTest, TheBillsServiceChargeAndOverchargesAreTheValue) {
  EXPECT_EQ(Cues("Te cobran el 10% de servicio sin avisar"), "value:negative");
  EXPECT_EQ(Cues("Nos cobraron dos veces el mismo plato"), "value:negative");
  EXPECT_EQ(Cues("Nos cobraron lo justo"), "");
}

TEST(DiningCuesTest, RicoOfTheRoomIsTheAmbience) {
  EXPECT_EQ(Cues("Una brisa rica"), "ambience:positive");
  EXPECT_EQ(Cues("La comida rica"), "food:positive");
}

TEST(DiningCuesTest, UnaccentedAndAbbreviatedWordsAreRead) {
  EXPECT_EQ(Cues("el servico pesimo"), "none:negative");
  EXPECT_EQ(Cues("QUE DECEPCION"), "none:negative");
  EXPECT_EQ(Cues("q rico todo"), "food:positive");
}

TEST(DiningCuesTest, EmojiAloneAndNamedAspects) {
  auto tokens = text::TextAnalyzer::Create(text::Language::kSpanish)
                    .value()
                    ->AnalyzeUnstemmed("😍🔥 🤮 🍕");
  ASSERT_TRUE(tokens.ok());
  const std::vector<CueOpinion> emoji = FindEmojiCues(*tokens);
  ASSERT_EQ(emoji.size(), 3u);
  EXPECT_EQ(emoji[0].sentiment, Sentiment::kPositive);
  EXPECT_EQ(emoji[2].sentiment, Sentiment::kNegative);
  EXPECT_FALSE(emoji[2].aspect.has_value());

  auto named = text::TextAnalyzer::Create(text::Language::kSpanish)
                   .value()
                   ->AnalyzeUnstemmed("El mozo trajo el pisco sour y el 10 % de servicio");
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(NamedAspects(*named),
            (std::vector<Aspect>{Aspect::kService, Aspect::kValue, Aspect::kDrinks}));
}

TEST(CheckSetTest, ReadsTheShippedCheckSet) {
  auto set = ReadCheckSet(SOBREMESA_CHECK_SET);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_GE(set->size(), 150u);
  int holdout = 0, holdout2 = 0, holdout3 = 0, holdout4 = 0, reviews = 0;
  for (const CheckSentence& s : *set) {
    holdout += s.split == "holdout";
    holdout2 += s.split == "holdout2";
    holdout3 += s.split == "holdout3";
    holdout4 += s.split == "holdout4";
    reviews += s.text.find('\n') != std::string::npos;
  }
  EXPECT_GE(holdout, 50);
  EXPECT_GE(holdout2, 30);
  EXPECT_GE(holdout3, 30);
  EXPECT_GE(holdout4, 30);
  EXPECT_GE(reviews, 10);
}

TEST(CheckSetTest, ABadLineIsNamedWithItsNumber) {
  const std::string path = ::testing::TempDir() + "/bad_check_set.tsv";
  {
    std::ofstream out(path);
    out << "# comment\n"
        << "dev\tfood:negative\tEl tiradito estaba salado.\n"
        << "dev\tfood:awful\tEl pisco sour tibio.\n";
  }
  auto set = ReadCheckSet(path);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find(path + ":3:"), std::string::npos) << set.status().message();
  EXPECT_TRUE(ReadCheckSet(path + ".missing").status().IsNotFound());
}

TEST(CheckSetTest, MixedLabelsMakeAMixedSentence) {
  const std::string path = ::testing::TempDir() + "/mixed_check_set.tsv";
  {
    std::ofstream out(path);
    out << "holdout\tfood:positive,service:negative\tRico, pero lento.\n";
  }
  auto set = ReadCheckSet(path);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->size(), 1u);
  EXPECT_EQ((*set)[0].overall, Sentiment::kMixed);
  EXPECT_EQ((*set)[0].aspects.size(), 2u);
}

TEST(CheckSetTest, AReviewHasLineBreaksAndAnExplicitVerdict) {
  const std::string path = ::testing::TempDir() + "/review_check_set.tsv";
  {
    std::ofstream out(path);
    out << "holdout2\tfood:negative,service:negative,drinks:positive,verdict:negative\t"
        << "Todo frío.\\nEl mozo lento.\\nEl pisco sour rico.\n"
        << "dev5\tfood:negative\tSalado.\n";
  }
  auto set = ReadCheckSet(path);
  ASSERT_FALSE(set.ok());  // dev5 is no split
  EXPECT_NE(set.status().message().find(path + ":2:"), std::string::npos) << set.status().message();
  {
    std::ofstream out(path);
    out << "holdout2\tfood:negative,service:negative,drinks:positive,verdict:negative\t"
        << "Todo frío.\\nEl mozo lento.\\nEl pisco sour rico.\n";
  }
  set = ReadCheckSet(path);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->size(), 1u);
  EXPECT_EQ((*set)[0].text, "Todo frío.\nEl mozo lento.\nEl pisco sour rico.");
  EXPECT_EQ((*set)[0].overall, Sentiment::kNegative);  // the verdict, not "mixed" from the labels
  EXPECT_EQ((*set)[0].aspects.size(), 3u);
}

}  // namespace
}  // namespace sobremesa::analysis
