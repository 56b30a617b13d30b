#pragma once
// JSON of a text's analysis (docs/api.md, "Feedback analysis"), for the
// analysis routes and a guest's data export.

#include <nlohmann/json.hpp>

#include "domain/text_analysis.h"

namespace sobremesa {

nlohmann::json ToJson(const TextAnalysis& analysis);

}  // namespace sobremesa
