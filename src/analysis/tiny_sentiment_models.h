#pragma once

#include "analysis/sentiment_model_set.h"

namespace sobremesa::analysis::testing {

// A Spanish and an English model trained on a few dozen sentences written
// for the tests (food, service, ambience, value, drinks; praise and
// complaint), enough that those same sentences come out as written. For
// testing what is built around the model, never its quality.
SentimentModelSet TinySentimentModels();

}  // namespace sobremesa::analysis::testing
