#include "domain/spanish_article.h"

#include <gtest/gtest.h>

#include "domain/entities.h"

namespace sobremesa {
namespace {

TEST(SpanishArticleTest, DerivedFromTheHeadNounOfLimaDishNames) {
  const struct {
    const char* name;
    const char* article;
  } cases[] = {
      {"Cebiche clásico de lenguado", "el"},
      {"Causa limeña de pollo", "la"},
      {"Anticuchos de corazón", "los"},
      {"Conchitas a la parmesana", "las"},
      {"Suspiro a la limeña", "el"},
      {"Leche de tigre", "la"},
      {"Pisco sour", "el"},
      {"Maracuyá sour", "el"},
      {"Agua mineral San Mateo", "el"},
      {"Infusión de muña", "la"},
      {"Selección de nigiris nikkei", "la"},
      {"Tallarines verdes con bistec", "los"},
      {"Frutas de estación con miel y muña", "las"},
      {"Tres leches de lúcuma", "el"},
      {"Ají de gallina", "el"},
      {"Menú degustación Mar y Andes (7 tiempos)", "el"},
      {"Chicha morada", "la"},
      {"ÑUÑUMA AL PALO", "la"},
      {"Anís del Mono", "el"},
      {"La parihuela del chef", "la"},
      {"  los tequeños de la casa", "los"},
      {"", "el"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SpanishArticleCode(DeriveSpanishArticle(c.name)), c.article) << c.name;
  }
}

TEST(SpanishArticleTest, CodesRoundTripAndOthersAreRefusedNamingTheValidOnes) {
  for (SpanishArticle a :
       {SpanishArticle::kEl, SpanishArticle::kLa, SpanishArticle::kLos, SpanishArticle::kLas}) {
    EXPECT_EQ(*ParseSpanishArticle(SpanishArticleCode(a)), a);
  }
  const Status bad = ParseSpanishArticle("lo").status();
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("el, la, los, las"), std::string::npos) << bad.ToString();
}

TEST(SpanishArticleTest, AStatedArticleWinsOverTheDerivedOne) {
  MenuItem beer;
  beer.name_es = "Cumbres Negra";  // a beer: "la Cumbres", not "las"
  EXPECT_EQ(ArticleEs(beer), SpanishArticle::kLas);
  beer.article_es = SpanishArticle::kLa;
  EXPECT_EQ(ArticleEs(beer), SpanishArticle::kLa);
}

}  // namespace
}  // namespace sobremesa
