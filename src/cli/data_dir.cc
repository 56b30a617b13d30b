#include "cli/data_dir.h"

#include <filesystem>

#include "store/sqlite_store.h"

namespace sobremesa {

StatusOr<std::unique_ptr<Store>> OpenDataDir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::InvalidArgument("cannot create data directory " + dir + ": " + ec.message());
  return OpenSqliteStore((std::filesystem::path(dir) / "sobremesa.db").string());
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
