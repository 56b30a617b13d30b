#include "analysis/tiny_sentiment_models.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "models/sentiment/sentiment_predictor.h"
#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::analysis::testing {
namespace {

using sentiment::Polarity;

struct Example {
  const char* text;
  const char* category;  // empty: no aspect
  Polarity polarity;
};

constexpr Example kSpanish[] = {
    {"La comida estuvo buenísima", "FOOD#QUALITY", Polarity::kPositive},
    {"El ceviche estaba delicioso", "FOOD#QUALITY", Polarity::kPositive},
    {"Los platos riquísimos, de diez", "FOOD#QUALITY", Polarity::kPositive},
    {"El tiradito estaba salado", "FOOD#QUALITY", Polarity::kNegative},
    {"La comida llegó fría y sin sabor", "FOOD#QUALITY", Polarity::kNegative},
    {"El pescado estaba salado y seco", "FOOD#QUALITY", Polarity::kNegative},
    {"El mozo fue muy amable y atento", "SERVICE#GENERAL", Polarity::kPositive},
    {"La atención fue excelente", "SERVICE#GENERAL", Polarity::kPositive},
    {"La atención fue lenta", "SERVICE#GENERAL", Polarity::kNegative},
    {"El mozo se olvidó de nuestro pedido", "SERVICE#GENERAL", Polarity::kNegative},
    {"Esperamos una hora, pésimo servicio", "SERVICE#GENERAL", Polarity::kNegative},
    {"El local es precioso y acogedor", "AMBIENCE#GENERAL", Polarity::kPositive},
    {"Había mucho ruido en el salón", "AMBIENCE#GENERAL", Polarity::kNegative},
    {"Muy caro para lo que es", "RESTAURANT#PRICES", Polarity::kNegative},
    {"Buen precio, vale la pena", "RESTAURANT#PRICES", Polarity::kPositive},
    {"El pisco sour buenazo", "DRINKS#QUALITY", Polarity::kPositive},
    {"Una noche espectacular", "RESTAURANT#GENERAL", Polarity::kPositive},
    {"Volveremos pronto, todo excelente", "RESTAURANT#GENERAL", Polarity::kPositive},
    {"Una decepción total, no volvemos", "RESTAURANT#GENERAL", Polarity::kNegative},
};

constexpr Example kEnglish[] = {
    {"The food was delicious", "FOOD#QUALITY", Polarity::kPositive},
    {"The ceviche was outstanding", "FOOD#QUALITY", Polarity::kPositive},
    {"The fish was far too salty", "FOOD#QUALITY", Polarity::kNegative},
    {"The dishes arrived cold and bland", "FOOD#QUALITY", Polarity::kNegative},
    {"Our waiter was warm and attentive", "SERVICE#GENERAL", Polarity::kPositive},
    {"Service was painfully slow", "SERVICE#GENERAL", Polarity::kNegative},
    {"The waiter forgot our order", "SERVICE#GENERAL", Polarity::kNegative},
    {"The room is lovely and cosy", "AMBIENCE#GENERAL", Polarity::kPositive},
    {"It was far too noisy inside", "AMBIENCE#GENERAL", Polarity::kNegative},
    {"Very expensive for the portions", "RESTAURANT#PRICES", Polarity::kNegative},
    {"The pisco sour was great", "DRINKS#QUALITY", Polarity::kPositive},
    {"What a wonderful night", "RESTAURANT#GENERAL", Polarity::kPositive},
    {"A total letdown, never again", "RESTAURANT#GENERAL", Polarity::kNegative},
};

template <std::size_t N>
std::shared_ptr<const sentiment::SentimentModel> Train(text::Language language,
                                                       const Example (&examples)[N]) {
  sentiment::SentimentModelConfig config;
  config.language = language;
  config.dim = 16;
  config.features.buckets = 1u << 14;
  config.categories = {"AMBIENCE#GENERAL",   "DRINKS#QUALITY",    "FOOD#QUALITY",
                       "RESTAURANT#GENERAL", "RESTAURANT#PRICES", "SERVICE#GENERAL"};
  auto analyzer = text::TextAnalyzer::Create(language);
  if (!analyzer.ok()) throw std::runtime_error(analyzer.status().ToString());
  std::vector<sentiment::TrainingExample> data;
  for (int copy = 0; copy < 8; ++copy) {
    for (const Example& e : examples) {
      auto ids = sentiment::TextFeatures(**analyzer, config.features, e.text);
      if (!ids.ok()) throw std::runtime_error(ids.status().ToString());
      int category = 0;
      while (config.categories[category] != e.category) ++category;
      data.push_back({*ids, e.polarity, {category}, {{category, e.polarity}}});
    }
  }
  sentiment::TrainingOptions options;
  options.epochs = 30;
  options.threshold_holdout = 0.1;
  auto model = sentiment::TrainSentimentModel(config, data, options);
  if (!model.ok()) throw std::runtime_error(model.status().ToString());
  return std::move(model).value();
}

}  // namespace

SentimentModelSet TinySentimentModels() {
  static const SentimentModelSet models = {Train(text::Language::kSpanish, kSpanish),
                                           Train(text::Language::kEnglish, kEnglish)};
  return models;
}

}  // namespace sobremesa::analysis::testing
