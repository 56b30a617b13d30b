#include "analysis/clause_splitter.h"

#include <gtest/gtest.h>

#include <string>

namespace sobremesa::analysis {
namespace {

// "text" for a clause of the present, "past: text" for one of an earlier visit.
std::vector<std::string> Split(std::string_view sentence) {
  std::vector<std::string> out;
  for (const Clause& c : SplitClauses(sentence)) {
    out.push_back((c.past ? "past: " : "") + std::string(c.text));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(ClauseSplitterTest, SplitsTable) {
  const struct {
    const char* sentence;
    V expected;
  } cases[] = {
      {"", {}},
      {"El tiradito estaba salado.", {"El tiradito estaba salado."}},
      // A contrast word opens a clause of its own.
      {"The sashimi was superb but our waitress ignored us for half an hour.",
       {"The sashimi was superb", "but our waitress ignored us for half an hour."}},
      {"El cebiche buenazo, pero el mozo nunca vino.",
       {"El cebiche buenazo,", "pero el mozo nunca vino."}},
      {"La atención fue muy amable; sin embargo, la comida tardó casi una hora.",
       {"La atención fue muy amable;", "sin embargo, la comida tardó casi una hora."}},
      {"Lo único malo fue el estacionamiento, por lo demás impecable.",
       {"Lo único malo fue el estacionamiento,", "por lo demás impecable."}},
      // Too short to read alone: one clause ("rico, pero salado").
      {"Rico, pero salado.", {"Rico, pero salado."}},
      {"Todo rico aunque tibio.", {"Todo rico aunque tibio."}},
      {"Todo excelente, el único pero es la cuenta.",
       {"Todo excelente, el único pero es la cuenta."}},
      // A concession that opens the sentence ends at its comma; a "pero"
      // or "sin embargo" that opens it cuts nothing.
      {"Aunque el local es bien sencillo, la comida es de primera.",
       {"Aunque el local es bien sencillo,", "la comida es de primera."}},
      {"Though the wait for a table was long, once seated the service was quick.",
       {"Though the wait for a table was long,", "once seated the service was quick."}},
      {"Sin embargo, el baño estaba sucio y sin papel.",
       {"Sin embargo, el baño estaba sucio y sin papel."}},
      {"But the food was a letdown: the ceviche was mushy.",
       {"But the food was a letdown: the ceviche was mushy."}},
      // The past, superseded by the present.
      {"Antes era buenazo, ahora ni fu ni fa.", {"past: Antes era buenazo,", "ahora ni fu ni fa."}},
      {"El servicio antes era lento, ahora son rapidísimos.",
       {"past: El servicio antes era lento,", "ahora son rapidísimos."}},
      {"Last time the pork belly was overcooked; this time it was perfect.",
       {"past: Last time the pork belly was overcooked;", "this time it was perfect."}},
      {"Era mi cevichería favorita; ahora prefiero ir a otra.",
       {"past: Era mi cevichería favorita;", "ahora prefiero ir a otra."}},
      {"Me encantaba este lugar, pero la última vez el pescado no estaba fresco.",
       {"past: Me encantaba este lugar,", "pero la última vez el pescado no estaba fresco."}},
      // "antes de" is no earlier visit, and without one "ahora" cuts nothing.
      {"Antes de pedir nos trajeron cancha y ahora quiero más.",
       {"Antes de pedir nos trajeron cancha y ahora quiero más."}},
      {"The food was great and the waiter was very kind to us.",
       {"The food was great and the waiter was very kind to us."}},
  };
  for (const auto& c : cases) EXPECT_EQ(Split(c.sentence), c.expected) << c.sentence;
}

TEST(ClauseSplitterTest, ASentenceOfThePastBeforeOneOfThePresent) {
  EXPECT_TRUE(SpeaksOfThePast("It used to be the best pisco sour in Barranco."));
  EXPECT_TRUE(SpeaksOfThePast("Era mi huarique favorito."));
  EXPECT_FALSE(SpeaksOfThePast("El pulpo estuvo buenazo."));
  EXPECT_TRUE(OpensWithThePresent("Now it's watered down and too sweet."));
  EXPECT_TRUE(OpensWithThePresent("Pero ahora las porciones son chicas."));
  EXPECT_TRUE(OpensWithThePresent("Esta vez todo salió perfecto."));
  EXPECT_FALSE(OpensWithThePresent("El mozo ahora es otro."));
}

}  // namespace
}  // namespace sobremesa::analysis
