#include "evaluation/sentiment/sobremesa_runner.h"

#include <chrono>

#include "evaluation/sentiment/sentiment_metrics.h"
#include "models/sentiment/sentiment_predictor.h"

namespace sobremesa::evaluation {
namespace {

using Clock = std::chrono::steady_clock;
using sentiment::CategoryIndex;
using sentiment::DistinctCategories;
using sentiment::Polarity;
using sentiment::SemEvalOpinion;
using sentiment::SemEvalSentence;
using sentiment::SentencePolarity;

// Sentences a timing pass reads (ModelReport::sentences_per_second).
constexpr std::size_t kTimingSentences = 200000;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
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
      const int c = CategoryIndex(names, o.category);
      // A category never seen in training: fall back to the sentence polarity.
      Polarity predicted = p.polarity;
      // SemEval's phase B gives the opinion's target too (none: implicit).
      if (c >= 0 && o.target) {
        ASSIGN_OR_RETURN(predicted, predictor.PredictCategoryPolarity(s.text, c, *o.target));
      } else if (c >= 0) {
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

StatusOr<ModelReport> RunSobremesa(const std::vector<SemEvalSentence>& train,
                                   const std::vector<SemEvalSentence>& test,
                                   const sentiment::SemEvalTrainingOptions& options,
                                   const std::vector<SemEvalSentence>& auxiliary,
                                   const std::string& model_path) {
  ModelReport report{"sobremesa"};
  const Clock::time_point start = Clock::now();
  ASSIGN_OR_RETURN(std::shared_ptr<const sentiment::SentimentModel> model,
                   sentiment::TrainOnSemEval(train, options, auxiliary));
  report.train_seconds = SecondsSince(start);
  const std::vector<std::string>& names = model->config().categories;
  if (!model_path.empty()) RETURN_IF_ERROR(model->Save(model_path));
  ASSIGN_OR_RETURN(auto predictor, sentiment::SentimentPredictor::Create(model));
  RETURN_IF_ERROR(Score(*predictor, names, test, report));
  ASSIGN_OR_RETURN(report.sentences_per_second,
                   SentencesPerSecond(*predictor, TimingTexts(test, kTimingSentences)));
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
