#include "analysis/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>

namespace sobremesa::analysis {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view s : SplitSentences(text)) out.emplace_back(s);
  return out;
}

using V = std::vector<std::string>;

TEST(SentenceSplitterTest, SplitsTable) {
  const struct {
    const char* text;
    V expected;
  } cases[] = {
      {"", {}},
      {"   \n\n  ", {}},
      {"...!!!", {}},
      {"Todo rico.", {"Todo rico."}},
      {"Todo rico. El mozo lento.", {"Todo rico.", "El mozo lento."}},
      {"¡Buenazo!!! ¿Volvemos? Claro...", {"¡Buenazo!!!", "¿Volvemos?", "Claro..."}},
      {"Primer párrafo\n\nSegundo párrafo", {"Primer párrafo", "Segundo párrafo"}},
      {"- ceviche: top\n- postre: frío", {"- ceviche: top", "- postre: frío"}},
      {"Todo rico! 😍🙌 El mozo lento", {"Todo rico! 😍🙌", "El mozo lento"}},
      {"Todo rico 😍 El mozo lento", {"Todo rico 😍", "El mozo lento"}},
      {"Rico 😍 y barato", {"Rico 😍 y barato"}},
      {"Nos atendió el Sr. Pérez. Un crack.", {"Nos atendió el Sr. Pérez.", "Un crack."}},
      {"Dr. Smith and Mrs. Jones loved it.", {"Dr. Smith and Mrs. Jones loved it."}},
      {"Pagamos S/ 12.50 por un pisco, aprox. lo normal.",
       {"Pagamos S/ 12.50 por un pisco, aprox. lo normal."}},
      {"Llegamos a las 8 p.m. y esperamos.", {"Llegamos a las 8 p.m. y esperamos."}},
      {"Ver www.sobremesa.pe para reservar", {"Ver www.sobremesa.pe para reservar"}},
      {"He said \"wow.\" Then left.", {"He said \"wow.\"", "Then left."}},
      {"Vino, pisco, etc. Todo bien.", {"Vino, pisco, etc.", "Todo bien."}},
      {"Great food… but slow", {"Great food…", "but slow"}},
      // Review shapes: emoji bullets, a postscript, numbered items.
      {"Resumen:\n👉 Comida: buenaza\n👉 Atención: lenta",
       {"Resumen:", "👉 Comida: buenaza", "👉 Atención: lenta"}},
      {"Todo rico. PD. el baño sucio", {"Todo rico.", "PD. el baño sucio"}},
      {"Todo rico.\n\nPD: pidan el suspiro 😍", {"Todo rico.", "PD: pidan el suspiro 😍"}},
      {"1. El ceviche fresco.\n2. El mozo lento.", {"1. El ceviche fresco.", "2. El mozo lento."}},
      {"Fuimos 2. Pedimos 3 platos.", {"Fuimos 2.", "Pedimos 3 platos."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Split(c.text), c.expected) << "text: " << c.text;
  }
}

TEST(SentenceSplitterTest, PiecesPointIntoTheText) {
  const std::string text = "Uno. Dos.";
  for (std::string_view s : SplitSentences(text)) {
    EXPECT_GE(s.data(), text.data());
    EXPECT_LE(s.data() + s.size(), text.data() + text.size());
  }
}

TEST(SentenceSplitterTest, MalformedBytesNeverCrash) {
  const std::string garbage = "\xff\xfe\xc3 .\xe2\x82 ! \xf0\x9f";
  EXPECT_NO_THROW(SplitSentences(garbage));
}

}  // namespace
}  // namespace sobremesa::analysis
