#include "service/spoken_name.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

MenuItem Named(std::string name_es, std::string name_en = "") {
  MenuItem m;
  m.name_es = std::move(name_es);
  m.name_en = std::move(name_en);
  return m;
}

TEST(SpokenNameTest, StopsAtTheFirstQualifierButNeverSaysNothing) {
  EXPECT_EQ(SpokenName("Pisco Italia (copa)"), "Pisco Italia");
  EXPECT_EQ(SpokenName("Lima sigh: manjar and port meringue"), "Lima sigh");
  EXPECT_EQ(SpokenName("Acholado pisco, neat"), "Acholado pisco");
  EXPECT_EQ(SpokenName("  Ají de gallina  "), "Ají de gallina");
  EXPECT_EQ(SpokenName("(7 tiempos)"), "(7 tiempos)");
}

TEST(SpokenNameTest, SpanishTakesItsArticleAndLowerCaseUnlessAProperName) {
  const struct {
    const char* name;
    const char* said;
  } cases[] = {
      {"Cebiche clásico de lenguado", "el cebiche clásico de lenguado"},
      {"Conchitas a la parmesana", "las conchitas a la parmesana"},
      {"Ají de gallina", "el ají de gallina"},
      {"Inca Kola", "la Inca Kola"},
      {"Turrón de Doña Pepa", "el turrón de Doña Pepa"},
      {"Menú degustación Mar y Andes (7 tiempos)", "el menú degustación Mar y Andes"},
      {"La parihuela del chef", "la parihuela del chef"},
      {"Capitán", "el capitán"},
  };
  for (const auto& c : cases) EXPECT_EQ(SpokenNameEs(Named(c.name)), c.said) << c.name;
  MenuItem beer = Named("Cumbres Negra");
  beer.article_es = SpanishArticle::kLa;
  EXPECT_EQ(SpokenNameEs(beer), "la Cumbres Negra");
}

TEST(SpokenNameTest, EnglishKeepsItsCapitalsAndDropsALeadingThe) {
  EXPECT_EQ(BareNameEn(Named("Causa limeña", "Lima causa with chicken")),
            "Lima causa with chicken");
  EXPECT_EQ(BareNameEn(Named("Cebiche de la casa", "The house ceviche")), "house ceviche");
  EXPECT_EQ(BareNameEn(Named("Chilcano de pisco")), "Chilcano de pisco") << "no English name";
}

}  // namespace
}  // namespace sobremesa
