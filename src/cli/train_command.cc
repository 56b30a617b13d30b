// sobremesa train [all|recommender|sentiment] --data-dir D [--restaurant ID]
//   [--semeval DIR[,DIR]]

#include <cstdio>
#include <ctime>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "service/recommender_training.h"
#include "service/sentiment_training.h"

namespace sobremesa {
namespace {

struct TrainOptions {
  std::string data_dir = kDefaultDataDir;
  std::string what = "all";
  std::optional<Id> restaurant;
  std::vector<std::string> semeval;
};

// Needs no store: a corrupt model file, which would stop OpenDataDir, is
// exactly what this replaces.
Status RunTrainSentiment(const TrainOptions& o) {
  const std::string models_dir = o.data_dir + "/models";
  ASSIGN_OR_RETURN(SentimentTrainingReport report, TrainSentimentModels(o.semeval, models_dir));
  for (const SentimentTrainingReport::Model& m : report.models) {
    std::printf("sentiment (%s): %zu SemEval sentences from %zu file(s), %.1f s -> %s\n",
                std::string(text::LanguageCode(m.language)).c_str(), m.sentences, m.files.size(),
                m.seconds, m.path.c_str());
  }
  std::printf("run `sobremesa analyze --data-dir %s` to read the stored texts again\n",
              o.data_dir.c_str());
  return Status::Ok();
}

Status RunTrain(const TrainOptions& o) {
  if (o.what == "sentiment") return RunTrainSentiment(o);
  if (o.what == "all") {
    Status sentiment = RunTrainSentiment(o);
    if (sentiment.IsNotFound()) {
      std::printf("sentiment: skipped, %s\n", sentiment.message().c_str());
    } else {
      RETURN_IF_ERROR(sentiment);
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  ASSIGN_OR_RETURN(Id restaurant, ChooseRestaurant(*store, o.restaurant));
  ASSIGN_OR_RETURN(TrainingReport r,
                   TrainRecommender(*store, restaurant, o.data_dir, std::time(nullptr)));
  std::printf("recommender: %lld visits, %d items, data %s, %.2f s -> %s\n",
              static_cast<long long>(r.baskets), r.items, r.data_hash.c_str(), r.seconds,
              r.model_path.c_str());
  return Status::Ok();
}

}  // namespace

Command AddTrainCommand(CLI::App& root) {
  auto options = std::make_shared<TrainOptions>();
  CLI::App* app = root.add_subcommand("train", "Learn the models from the data in the store");
  app->add_option("what", options->what, "What to train")
      ->check(CLI::IsMember({"all", "recommender", "sentiment"}))
      ->capture_default_str();
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", options->restaurant, "Restaurant id (default: the first)");
  options->semeval = CLI::detail::split(kDefaultSemEvalDirs, ',');
  app->add_option("--semeval", options->semeval,
                  "SemEval restaurant data folders for the sentiment models, comma separated")
      ->delimiter(',')
      ->capture_default_str();
  return {app, [options] { return RunTrain(*options); }};
}

}  // namespace sobremesa
