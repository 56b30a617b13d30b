#pragma once

#include <string_view>
#include <vector>

namespace sobremesa::analysis {

// Splits a guest's text (valid UTF-8, as written: not case-folded, so the
// pieces can be quoted back to a manager) into sentences, Spanish or English:
// - a line break always ends a sentence (paragraphs, bullet lists);
// - a run of '.', '!', '?' or '…' ends one ("¡Buenazo!!!", "¿En serio?!",
//   "y luego..."), with any closing quotes or brackets and the emoji right
//   after it ("Todo rico! 😍🙌 El mozo ...": the emoji stay with "Todo rico!");
// - a run of emoji followed by a space and a capital letter, '¡' or '¿' ends
//   one (guests use emoji as full stops: "Todo rico 😍 El mozo lento");
// - a '.' does not end a sentence after a title or common abbreviation
//   ("Sr.", "Dra.", "Mr.", "aprox.", "p.ej.", "etc." before a lower-case
//   word), a single letter ("p.m."), or inside a number or a web address
//   ("S/ 12.50", "www.sobremesa.pe"), after a postscript's "PD." / "PS.",
//   or after a list number that opens the piece ("1. El ceviche ...").
// Pieces are trimmed of white space; pieces with nothing but white space or
// punctuation are dropped. The views point into `text`.
std::vector<std::string_view> SplitSentences(std::string_view text);

}  // namespace sobremesa::analysis
