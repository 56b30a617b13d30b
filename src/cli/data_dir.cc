#include "cli/data_dir.h"

#include <filesystem>

#include "service/text_analysis_service.h"
#include "store/sqlite_store.h"

namespace sobremesa {

StatusOr<DataDirStore> OpenDataDirWithTextAnalysis(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::InvalidArgument("cannot create data directory " + dir + ": " + ec.message());
  DataDirStore d;
  ASSIGN_OR_RETURN(d.store,
                   OpenSqliteStore((std::filesystem::path(dir) / "sobremesa.db").string()));
  // Every feedback and mention written through this store is analysed with
  // the data directory's sentiment models (none yet: stored "no_model").
  ASSIGN_OR_RETURN(d.text_analysis, TextAnalysisService::ForDataDir(*d.store, dir));
  d.store->SetTextAnalysisHook(d.text_analysis);
  return d;
}

StatusOr<std::unique_ptr<Store>> OpenDataDir(const std::string& dir) {
  ASSIGN_OR_RETURN(DataDirStore d, OpenDataDirWithTextAnalysis(dir));
  return std::move(d.store);
}

StatusOr<Id> ChooseRestaurant(Store& store, std::optional<Id> requested) {
  if (requested) {
    RETURN_IF_ERROR(store.GetRestaurant(*requested).status());
    return *requested;
  }
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store.ListRestaurants());
  if (restaurants.empty()) {
    return Status::FailedPrecondition(
        "the data directory has no restaurant yet: run `sobremesa demo` or import a menu");
  }
  return restaurants.front().id;
}

}  // namespace sobremesa
