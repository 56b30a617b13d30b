// sobremesa train [recommender] --data-dir D [--restaurant ID]

#include <cstdio>
#include <ctime>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "service/recommender_training.h"

namespace sobremesa {
namespace {

struct TrainOptions {
  std::string data_dir = kDefaultDataDir;
  std::string what = "all";
  std::optional<Id> restaurant;
  std::string signal_weights;  // "order=1,reorder=0.5,..."
  std::string loss = "softmax";
  int epochs = recommendation::HybridOptions{}.epochs;
};

Status RunTrain(const TrainOptions& o) {
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  ASSIGN_OR_RETURN(Id restaurant, ChooseRestaurant(*store, o.restaurant));
  recommendation::RestaurantHybridOptions hybrid;
  ASSIGN_OR_RETURN(hybrid.weights, recommendation::ParseSignalWeights(o.signal_weights));
  hybrid.model.loss = o.loss == "bpr" ? recommendation::HybridLoss::kBpr
                                      : recommendation::HybridLoss::kSampledSoftmax;
  hybrid.model.epochs = o.epochs;
  ASSIGN_OR_RETURN(TrainingReport r,
                   TrainRecommender(*store, restaurant, o.data_dir, std::time(nullptr), hybrid));
  std::printf("recommender: %lld visits, %d items, data %s -> %s\n",
              static_cast<long long>(r.baskets), r.items, r.data_hash.c_str(),
              r.model_path.c_str());
  if (r.hybrid_path.empty()) {
    std::printf("hybrid model: not trained (%s); serving falls back to co-occurrence\n",
                r.hybrid_error.c_str());
  } else {
    std::printf("hybrid model: %d guests, %s loss, %.1f s -> %s\n", r.hybrid_users,
                r.hybrid_loss.c_str(), r.hybrid_seconds, r.hybrid_path.c_str());
  }
  std::printf("total %.1f s\n", r.seconds);
  return Status::Ok();
}

}  // namespace

Command AddTrainCommand(CLI::App& root) {
  auto options = std::make_shared<TrainOptions>();
  CLI::App* app = root.add_subcommand("train", "Learn the models from the data in the store");
  app->add_option("what", options->what, "What to train")
      ->check(CLI::IsMember({"all", "recommender"}))
      ->capture_default_str();
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", options->restaurant, "Restaurant id (default: the first)");
  app->add_option("--signal-weights", options->signal_weights,
                  "Weights of the hybrid model's signals, e.g. "
                  "order=1,reorder=0.5,view=0.2,rating=0.5,sent_back=1 (defaults shown)");
  app->add_option("--loss", options->loss, "Loss of the hybrid model")
      ->check(CLI::IsMember({"softmax", "bpr"}))
      ->capture_default_str();
  app->add_option("--epochs", options->epochs, "Epochs of the hybrid model")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  return {app, [options] { return RunTrain(*options); }};
}

}  // namespace sobremesa
