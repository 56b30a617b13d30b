#include "evaluation/sentiment/sobremesa_runner.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "evaluation/sentiment/sentiment_metrics.h"
#include "models/sentiment/sentiment_predictor.h"
#include "text/language_identifier.h"
#include "text/sentiment_lexicon.h"
#include "text/text_normalizer.h"

namespace sobremesa::evaluation {
namespace {

using Clock = std::chrono::steady_clock;
using sentiment::Polarity;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The language most training sentences are identified as.
StatusOr<text::Language> TrainingLanguage(const std::vector<SemEvalSentence>& train) {
  const text::LanguageIdentifier identifier;
  std::map<text::Language, int> votes;
  for (const SemEvalSentence& s : train) {
    ASSIGN_OR_RETURN(std::string normalized, text::NormalizeText(s.text));
    ++votes[identifier.Identify(normalized).language];
  }
  votes.erase(text::Language::kUnknown);
  if (votes.empty()) return Status::InvalidArgument("cannot identify the training language");
  return std::max_element(votes.begin(), votes.end(),
                          [](auto& a, auto& b) { return a.second < b.second; })
      ->first;
}

// The distinct categories of `train`'s opinions, sorted.
std::vector<std::string> CategoryNames(const std::vector<SemEvalSentence>& train) {
  std::vector<std::string> names;
  for (const SemEvalSentence& s : train) {
    for (const std::string& c : DistinctCategories(s)) names.push_back(c);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

int IndexOf(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::lower_bound(names.begin(), names.end(), name);
  return (it != names.end() && *it == name) ? static_cast<int>(it - names.begin()) : -1;
}

// Training examples of `train`; with `auxiliary_names`, `train` is
// auxiliary data: its categories (indices into auxiliary_names) are not
// the model's, while its opinions' polarities still train the category
// polarity head when the model has their category.
StatusOr<std::vector<sentiment::TrainingExample>> Examples(
    const std::vector<SemEvalSentence>& train, const sentiment::SentimentModelConfig& config,
    const std::vector<std::string>* auxiliary_names = nullptr) {
  ASSIGN_OR_RETURN(auto analyzer, text::TextAnalyzer::Create(config.language));
  std::vector<sentiment::TrainingExample> examples;
  for (const SemEvalSentence& s : train) {
    ASSIGN_OR_RETURN(auto ids, sentiment::TextFeatures(*analyzer, config.features, s.text));
    sentiment::TrainingExample e{std::move(ids), SentencePolarity(s), {}, {}};
    e.categories_known = auxiliary_names == nullptr;
    for (const std::string& c : DistinctCategories(s)) {
      (e.categories_known ? e.categories : e.auxiliary_categories)
          .push_back(IndexOf(e.categories_known ? config.categories : *auxiliary_names, c));
    }
    for (const SemEvalOpinion& o : s.opinions) {
      if (const int c = IndexOf(config.categories, o.category); c >= 0) {
        e.opinions.emplace_back(c, o.polarity);
      }
    }
    examples.push_back(std::move(e));
  }
  return examples;
}

Status Score(sentiment::SentimentPredictor& predictor, const std::vector<std::string>& names,
             const std::vector<SemEvalSentence>& test, ModelReport& report) {
  std::vector<std::vector<std::string>> gold_categories, predicted_categories;
  std::vector<Polarity> gold_sentence, predicted_sentence, gold_opinion, predicted_opinion;
  for (const SemEvalSentence& s : test) {
    ASSIGN_OR_RETURN(sentiment::SentencePrediction p, predictor.Predict(s.text));
    gold_categories.push_back(DistinctCategories(s));
    predicted_categories.emplace_back();
    for (const int c : p.categories) predicted_categories.back().push_back(names[c]);
    if (const auto gold = SentencePolarity(s)) {
      gold_sentence.push_back(*gold);
      predicted_sentence.push_back(p.polarity);
    }
    for (const SemEvalOpinion& o : s.opinions) {
      const int c = IndexOf(names, o.category);
      // A category never seen in training: fall back to the sentence polarity.
      Polarity predicted = p.polarity;
      if (c >= 0) {
        ASSIGN_OR_RETURN(predicted, predictor.PredictCategoryPolarity(s.text, c));
      }
      gold_opinion.push_back(o.polarity);
      predicted_opinion.push_back(predicted);
    }
  }
  report.slot1_f1 = AspectCategoryF1(gold_categories, predicted_categories);
  report.slot3_accuracy = ScorePolarities(gold_opinion, predicted_opinion).accuracy;
  const PolarityScores sentence = ScorePolarities(gold_sentence, predicted_sentence);
  report.sentence_accuracy = sentence.accuracy;
  report.sentence_macro_f1 = sentence.macro_f1;
  return Status::Ok();
}

StatusOr<double> SentencesPerSecond(sentiment::SentimentPredictor& predictor,
                                    const std::vector<std::string>& texts) {
  const Clock::time_point start = Clock::now();
  std::size_t detected = 0;
  for (const std::string& t : texts) {
    ASSIGN_OR_RETURN(sentiment::SentencePrediction p, predictor.Predict(t));
    detected += p.categories.size();
  }
  const double seconds = SecondsSince(start);
  volatile std::size_t sink = detected;  // the compiler must not drop the loop
  (void)sink;
  return seconds > 0 ? texts.size() / seconds : 0.0;
}

}  // namespace

OwnEmbeddings DefaultOwnEmbeddings(text::Language language) {
  if (language == text::Language::kSpanish) return {50, 50};
  return {};
}

int DefaultLexiconStrength(text::Language language) {
  return language == text::Language::kSpanish ? 1 : 0;
}

SentenceBaggingChoice DefaultSentenceBagging(text::Language language) {
  if (language == text::Language::kSpanish) return {sentiment::SentenceBagging::kFolds, true};
  return {};
}

StatusOr<std::shared_ptr<const sentiment::SentimentModel>> TrainSobremesa(
    const std::vector<SemEvalSentence>& train, const SobremesaRunOptions& options,
    const std::vector<SemEvalSentence>& auxiliary) {
  sentiment::SentimentModelConfig config;
  ASSIGN_OR_RETURN(config.language, TrainingLanguage(train));
  config.dim = options.dim;
  config.features.buckets = options.buckets;
  config.wide_categories = options.wide_categories;
  const OwnEmbeddings own = DefaultOwnEmbeddings(config.language);
  config.category_dim = options.category_dim.value_or(own.category_dim);
  config.sentence_dim = options.sentence_dim.value_or(own.sentence_dim);
  config.features.negated_words_add_plain = options.negated_words_add_plain;
  const int strength =
      options.lexicon_min_strength.value_or(DefaultLexiconStrength(config.language));
  if (!options.lexicon_dir.empty() && strength > 0) {
    ASSIGN_OR_RETURN(
        text::SentimentLexicon lexicon,
        text::SentimentLexicon::ReadSentiCon(
            text::SentiConPath(options.lexicon_dir, config.language), config.language));
    if (strength > 1) {
      std::vector<std::pair<std::string, int>> strong = lexicon.Bins();
      std::erase_if(strong, [&](const auto& e) { return std::abs(e.second) < strength; });
      ASSIGN_OR_RETURN(lexicon, text::SentimentLexicon::FromBins(std::move(strong)));
    }
    config.features.lexicon = std::make_shared<const text::SentimentLexicon>(std::move(lexicon));
  }
  config.categories = CategoryNames(train);
  ASSIGN_OR_RETURN(auto examples, Examples(train, config));
  if (!auxiliary.empty()) {
    const std::vector<std::string> auxiliary_names = CategoryNames(auxiliary);
    ASSIGN_OR_RETURN(auto extra, Examples(auxiliary, config, &auxiliary_names));
    examples.insert(examples.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
  }
  sentiment::TrainingOptions training = options.training;
  const SentenceBaggingChoice bagging = DefaultSentenceBagging(config.language);
  training.sentence_bagging = options.sentence_bagging.value_or(bagging.bagging);
  training.sentence_offsets = options.sentence_offsets.value_or(bagging.offsets);
  ASSIGN_OR_RETURN(std::unique_ptr<sentiment::SentimentModel> model,
                   sentiment::TrainSentimentModel(config, examples, training));
  return std::shared_ptr<const sentiment::SentimentModel>(std::move(model));
}

StatusOr<ModelReport> RunSobremesa(const std::vector<SemEvalSentence>& train,
                                   const std::vector<SemEvalSentence>& test,
                                   const SobremesaRunOptions& options,
                                   const std::vector<SemEvalSentence>& auxiliary) {
  ModelReport report{"sobremesa"};
  const Clock::time_point start = Clock::now();
  ASSIGN_OR_RETURN(std::shared_ptr<const sentiment::SentimentModel> model,
                   TrainSobremesa(train, options, auxiliary));
  report.train_seconds = SecondsSince(start);
  const std::vector<std::string>& names = model->config().categories;
  if (!options.model_path.empty()) RETURN_IF_ERROR(model->Save(options.model_path));
  ASSIGN_OR_RETURN(auto predictor, sentiment::SentimentPredictor::Create(model));
  RETURN_IF_ERROR(Score(*predictor, names, test, report));
  ASSIGN_OR_RETURN(report.sentences_per_second,
                   SentencesPerSecond(*predictor, TimingTexts(test, options.timing_sentences)));
  return report;
}

std::vector<std::string> TimingTexts(const std::vector<SemEvalSentence>& test, std::size_t count) {
  std::vector<std::string> texts;
  if (test.empty()) return texts;
  texts.reserve(count);
  while (texts.size() < count) texts.push_back(test[texts.size() % test.size()].text);
  return texts;
}

}  // namespace sobremesa::evaluation
