// sobremesa train [all|recommender|behaviour|sentiment] --data-dir D [--restaurant ID]
//   [--semeval DIR[,DIR]] [--lexicon DIR|none]

#include <cstdio>
#include <ctime>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "selection/sentiment/semeval_training.h"
#include "service/behaviour_training.h"
#include "service/recommender_training.h"
#include "service/sentiment_training.h"
#include "text/sentiment_lexicon.h"

namespace sobremesa {
namespace {

struct TrainOptions {
  std::string data_dir = kDefaultDataDir;
  std::string what = "all";
  std::optional<Id> restaurant;
  std::vector<std::string> semeval;
  std::string lexicon = text::kDefaultLexiconDir;
  bool lexicon_asked = false;
  std::string signal_weights;  // "order=1,reorder=0.5,..."
  std::string loss = "softmax";
  int epochs = recommendation::HybridOptions{}.epochs;
  bool familiarity = recommendation::HybridOptions{}.familiarity;
};

// Needs no store: a corrupt model file, which would stop OpenDataDir, is
// exactly what this replaces.
Status RunTrainSentiment(const TrainOptions& o) {
  const std::string models_dir = o.data_dir + "/models";
  const text::LexiconChoice lexicon = text::ChooseLexiconDir(o.lexicon, o.lexicon_asked);
  if (!lexicon.warning.empty()) std::fprintf(stderr, "%s\n", lexicon.warning.c_str());
  // English reads the pretrained vectors at their default path (the
  // product's recipe, TrainOnSemEval); say so when they are missing.
  if (const std::string w = sentiment::VectorsMissingWarning({}); !w.empty()) {
    std::fprintf(stderr, "%s\n", w.c_str());
  }
  ASSIGN_OR_RETURN(SentimentTrainingReport report,
                   TrainSentimentModels(o.semeval, models_dir, lexicon.dir));
  for (const SentimentTrainingReport::Model& m : report.models) {
    std::printf("sentiment (%s): %zu SemEval sentences from %zu file(s), %.1f s -> %s\n",
                std::string(text::LanguageCode(m.language)).c_str(), m.sentences, m.files.size(),
                m.seconds, m.path.c_str());
  }
  std::printf("run `sobremesa analyze --data-dir %s` to read the stored texts again\n",
              o.data_dir.c_str());
  return Status::Ok();
}

Status TrainRecommenderModel(Store& store, Id restaurant, const TrainOptions& o) {
  recommendation::RestaurantHybridOptions hybrid;
  ASSIGN_OR_RETURN(hybrid.weights, recommendation::ParseSignalWeights(o.signal_weights));
  hybrid.model.loss = o.loss == "bpr" ? recommendation::HybridLoss::kBpr
                                      : recommendation::HybridLoss::kSampledSoftmax;
  hybrid.model.epochs = o.epochs;
  hybrid.model.familiarity = o.familiarity;
  ASSIGN_OR_RETURN(TrainingReport r,
                   TrainRecommender(store, restaurant, o.data_dir, std::time(nullptr), hybrid));
  std::printf("recommender: %lld visits, %d items, data %s -> %s\n",
              static_cast<long long>(r.baskets), r.items, r.data_hash.c_str(),
              r.model_path.c_str());
  if (r.hybrid_path.empty()) {
    std::printf("hybrid model: not trained (%s); serving falls back to co-occurrence\n",
                r.hybrid_error.c_str());
  } else {
    std::printf("hybrid model: %d guests, %s loss, %.1f s -> %s\n", r.hybrid_users,
                r.hybrid_loss.c_str(), r.hybrid_seconds, r.hybrid_path.c_str());
    std::printf("  serving: co-occurrence weight %.1f for guests with history, %.1f for new "
                "guests%s%s\n",
                r.serving.with_history, r.serving.without_history,
                r.validation_error.empty() ? "" : " (not validated: ",
                r.validation_error.empty() ? "" : (r.validation_error + ")").c_str());
    for (const auto& [name, value] : r.validation) {
      std::printf("  %-44s %.4f\n", name.c_str(), value);
    }
  }
  std::printf("recommender total %.1f s\n", r.seconds);
  return Status::Ok();
}

Status TrainBehaviourModel(Store& store, Id restaurant, const std::string& data_dir) {
  ASSIGN_OR_RETURN(BehaviourTrainingReport r,
                   TrainBehaviour(store, restaurant, data_dir, std::time(nullptr)));
  std::printf("behaviour: %lld guests (%lld came back), %d segments, data %s, %.2f s -> %s\n",
              static_cast<long long>(r.guests), static_cast<long long>(r.repeaters), r.segments,
              r.data_hash.c_str(), r.seconds, r.model_path.c_str());
  for (const ModelMetric& m : r.metrics) {
    std::printf("  %-18s %-22s %.4f\n", m.model.c_str(), m.metric.c_str(), m.value);
  }
  for (const std::string& note : r.notes) std::printf("  note: %s\n", note.c_str());
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
  if (o.what == "all" || o.what == "recommender") {
    RETURN_IF_ERROR(TrainRecommenderModel(*store, restaurant, o));
  }
  if (o.what == "behaviour") return TrainBehaviourModel(*store, restaurant, o.data_dir);
  if (o.what == "all") {
    // A restaurant too new for behaviour models (no visits, nobody back
    // yet) must still get its recommender and a server: `all` reports it
    // and goes on; the behaviour routes answer 412 until a later train.
    Status behaviour = TrainBehaviourModel(*store, restaurant, o.data_dir);
    if (behaviour.code() != StatusCode::kFailedPrecondition) return behaviour;
    std::fprintf(stderr, "behaviour: not trained: %s\n", behaviour.message().c_str());
  }
  return Status::Ok();
}

}  // namespace

Command AddTrainCommand(CLI::App& root) {
  auto options = std::make_shared<TrainOptions>();
  CLI::App* app = root.add_subcommand("train", "Learn the models from the data in the store");
  app->add_option("what", options->what, "What to train")
      ->check(CLI::IsMember({"all", "recommender", "behaviour", "sentiment"}))
      ->capture_default_str();
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", options->restaurant, "Restaurant id (default: the first)");
  options->semeval = CLI::detail::split(kDefaultSemEvalDirs, ',');
  app->add_option("--semeval", options->semeval,
                  "SemEval restaurant data folders for the sentiment models, comma separated")
      ->delimiter(',')
      ->capture_default_str();
  app->add_option_function<std::string>(
         "--lexicon", [options](const std::string& dir) {
           options->lexicon = dir, options->lexicon_asked = true;
         },
         "Directory of the sentiment lexicons for the sentiment models (senticon_<lang>.json), "
         "or none")
      ->default_str(text::kDefaultLexiconDir);
  app->add_option("--signal-weights", options->signal_weights,
                  "Weights of the hybrid model's signals, e.g. "
                  "order=1,reorder=0.5,view=0.2,rating=0.5,sent_back=1 (defaults shown)");
  app->add_option("--loss", options->loss, "Loss of the hybrid model")
      ->check(CLI::IsMember({"softmax", "bpr"}))
      ->capture_default_str();
  app->add_option("--epochs", options->epochs, "Epochs of the hybrid model")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  app->add_flag("--familiarity", options->familiarity,
                "Learn a bonus for dishes the guest had before (off: validation on the demo "
                "never preferred it; docs/evaluation/recommender.md)");
  return {app, [options] { return RunTrain(*options); }};
}

}  // namespace sobremesa
