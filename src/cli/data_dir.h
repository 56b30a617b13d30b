#pragma once
// The data directory holds the store (sobremesa.db) and trained models
// (models/). Every subcommand that touches data takes --data-dir.

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

namespace sobremesa {
class TextAnalysisService;
}

namespace sobremesa {

inline constexpr const char* kDefaultDataDir = "./data";

// Creates the directory if needed and opens (migrating) its store, with
// text analysis by the sentiment models of DIR/models on every feedback and
// mention written (service/text_analysis_service.h); a corrupt model file
// is an error naming it.
StatusOr<std::unique_ptr<Store>> OpenDataDir(const std::string& dir);

// The same, also handing out the text analysis it installed (for the API's
// on-demand analysis, which must use the same models).
struct DataDirStore {
  std::unique_ptr<Store> store;
  std::shared_ptr<TextAnalysisService> text_analysis;
};
StatusOr<DataDirStore> OpenDataDirWithTextAnalysis(const std::string& dir);

// The restaurant a command acts on: `requested` when given (NotFound if it
// does not exist), else the only or first restaurant; FailedPrecondition
// when the store has none yet ("run `sobremesa demo` or import a menu").
StatusOr<Id> ChooseRestaurant(Store& store, std::optional<Id> requested);

}  // namespace sobremesa
