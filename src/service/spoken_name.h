#pragma once
// A dish's name as a waiter says it inside a sentence: without the menu's
// qualifiers, and with its article ("Va muy bien con el cebiche clásico de
// lenguado", "Goes well with the Lima causa with chicken").

#include <string>
#include <string_view>

#include "domain/entities.h"

namespace sobremesa {

// `name` up to the first qualifier a waiter does not read aloud: a bracket
// ("Pisco Quebranta (copa)"), a colon ("Lima sigh: manjar and port
// meringue") or a comma ("Quebranta pisco, neat"); the whole name when that
// would leave nothing.
std::string_view SpokenName(std::string_view name);

// name_es after its article (ArticleEs), its first letter lower-cased unless
// the name reads as a proper name (a capital on its second word: "la Inca
// Kola", "el Pisco Quebranta"); a name that starts with its article keeps it
// ("La parihuela del chef" -> "la parihuela del chef").
std::string SpokenNameEs(const MenuItem& item);

// name_en (name_es when there is none) without a leading "the", as written:
// English dish names often start with a place ("Lima causa with chicken").
std::string BareNameEn(const MenuItem& item);

}  // namespace sobremesa
