#pragma once

#include <string_view>

#include "text/language.h"

namespace sobremesa::text {

// A few hundred words of ordinary prose per modelled language (restaurant
// talk and everyday sentences, written for this project), from which the
// language identifier learns its character trigram profiles. Short on
// purpose: trigram profiles of function words and endings saturate after a
// few kilobytes (Cavnar & Trenkle 1994 used 300-400 n-grams per language).
std::string_view LanguageSample(Language language);

}  // namespace sobremesa::text
