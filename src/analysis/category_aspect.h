#pragma once

#include <optional>
#include <string_view>

#include "domain/text_analysis.h"

namespace sobremesa::analysis {

// The aspect a manager reads for a SemEval-2016 restaurant category
// (ENTITY#ATTRIBUTE), the categories the sentiment model predicts:
// any *#PRICES -> value; FOOD#* -> food; DRINKS#* -> drinks; SERVICE#* ->
// service; AMBIENCE#* and LOCATION#* -> ambience (where the restaurant is,
// its view, is part of the room's appeal). RESTAURANT#GENERAL and
// RESTAURANT#MISCELLANEOUS speak of the evening as a whole: no aspect (they
// count in the document's verdict only).
std::optional<Aspect> AspectOfCategory(std::string_view category);

}  // namespace sobremesa::analysis
