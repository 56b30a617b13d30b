#include "selection/sentiment/semeval_training.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "models/sentiment/sentiment_predictor.h"
#include "text/language_identifier.h"
#include "text/sentiment_lexicon.h"
#include "text/text_normalizer.h"

namespace sobremesa::sentiment {
namespace {

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

// Training examples of `train`; with `auxiliary_names`, `train` is
// auxiliary data: its categories (indices into auxiliary_names) are not
// the model's, while its opinions' polarities still train the category
// polarity head when the model has their category.
// With `vectors`, each example also gets its words that have a vector.
StatusOr<std::vector<TrainingExample>> Examples(
    const std::vector<SemEvalSentence>& train, const SentimentModelConfig& config,
    const PretrainedVectors* vectors, const std::vector<std::string>* auxiliary_names = nullptr) {
  ASSIGN_OR_RETURN(auto analyzer, text::TextAnalyzer::Create(config.language));
  std::vector<TrainingExample> examples;
  for (const SemEvalSentence& s : train) {
    ASSIGN_OR_RETURN(auto ids, TextFeatures(*analyzer, config.features, s.text));
    TrainingExample e{std::move(ids), SentencePolarity(s), {}, {}};
    if (vectors != nullptr) {
      ASSIGN_OR_RETURN(const text::Tokens tokens, analyzer->AnalyzeUnstemmed(s.text));
      e.vector_words = VectorWordIds(*vectors, tokens);
    }
    e.categories_known = auxiliary_names == nullptr;
    for (const std::string& c : DistinctCategories(s)) {
      (e.categories_known ? e.categories : e.auxiliary_categories)
          .push_back(CategoryIndex(e.categories_known ? config.categories : *auxiliary_names, c));
    }
    for (const SemEvalOpinion& o : s.opinions) {
      if (const int c = CategoryIndex(config.categories, o.category); c >= 0) {
        e.opinions.emplace_back(c, o.polarity);
      }
    }
    examples.push_back(std::move(e));
  }
  return examples;
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
  if (language == text::Language::kSpanish) return {SentenceBagging::kFolds, true};
  return {};
}

bool DefaultSentenceStacker(text::Language language) {
  return language == text::Language::kSpanish || language == text::Language::kEnglish;
}

bool DefaultCategoryStacker(text::Language language) {
  return language == text::Language::kSpanish;
}

FoldBagging DefaultCategoryBagging(text::Language) { return FoldBagging::kFoldsAndFinal; }

FoldBagging DefaultCategoryPolarityBagging(text::Language language) {
  return language == text::Language::kSpanish ? FoldBagging::kFolds : FoldBagging::kNone;
}

std::vector<VectorReaderOptions> DefaultVectorReaders(text::Language language) {
  if (language != text::Language::kEnglish) return {};
  // max+mean:128 (VectorReaderSpec): each split's training part chose it out
  // of four; fitting the other three cost 60 % of the training time.
  VectorReaderOptions reader;
  reader.units = 128, reader.with_mean = true, reader.dropout = 0.0f, reader.epochs = 20;
  return {reader};
}

std::string VectorsMissingWarning(const SemEvalTrainingOptions& options) {
  if (options.vectors_path.empty() || options.vectors_required ||
      std::filesystem::exists(options.vectors_path)) {
    return {};
  }
  return "no pretrained word vectors at " + options.vectors_path +
         " (scripts/install_deps.sh installs them): English trains without the category "
         "vector view";
}

int CategoryIndex(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::lower_bound(names.begin(), names.end(), name);
  return (it != names.end() && *it == name) ? static_cast<int>(it - names.begin()) : -1;
}

text::Language MajorityLanguage(const std::vector<SemEvalSentence>& sentences) {
  static const text::LanguageIdentifier identifier;
  std::map<text::Language, int> votes;
  for (const SemEvalSentence& s : sentences) {
    auto normalized = text::NormalizeText(s.text);
    if (normalized.ok()) ++votes[identifier.Identify(*normalized).language];
  }
  votes.erase(text::Language::kUnknown);
  if (votes.empty()) return text::Language::kUnknown;
  return std::max_element(votes.begin(), votes.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

StatusOr<std::shared_ptr<const SentimentModel>> TrainOnSemEval(
    const std::vector<SemEvalSentence>& train, const SemEvalTrainingOptions& options,
    const std::vector<SemEvalSentence>& auxiliary) {
  SentimentModelConfig config;
  config.language = MajorityLanguage(train);
  if (config.language == text::Language::kUnknown) {
    return Status::InvalidArgument("cannot identify the training language");
  }
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
  TrainingOptions training = options.training;
  if (config.language == text::Language::kEnglish && !options.vectors_path.empty()) {
    auto vectors = PretrainedVectors::Read(options.vectors_path);
    if (vectors.ok()) {
      training.vectors = std::make_shared<const PretrainedVectors>(*std::move(vectors));
    } else if (options.vectors_required || !vectors.status().IsNotFound()) {
      return vectors.status();
    }
  }
  training.category_vector_readers =
      options.vector_readers.value_or(DefaultVectorReaders(config.language));
  ASSIGN_OR_RETURN(auto examples, Examples(train, config, training.vectors.get()));
  if (!auxiliary.empty()) {
    const std::vector<std::string> auxiliary_names = CategoryNames(auxiliary);
    ASSIGN_OR_RETURN(auto extra,
                     Examples(auxiliary, config, training.vectors.get(), &auxiliary_names));
    examples.insert(examples.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
  }
  const SentenceBaggingChoice bagging = DefaultSentenceBagging(config.language);
  training.sentence_bagging = options.sentence_bagging.value_or(bagging.bagging);
  training.sentence_offsets = options.sentence_offsets.value_or(bagging.offsets);
  training.sentence_stacker =
      options.sentence_stacker.value_or(DefaultSentenceStacker(config.language));
  training.category_stacker =
      options.category_stacker.value_or(DefaultCategoryStacker(config.language));
  training.category_bagging =
      options.category_bagging.value_or(DefaultCategoryBagging(config.language));
  training.category_polarity_bagging = options.category_polarity_bagging.value_or(
      DefaultCategoryPolarityBagging(config.language));
  ASSIGN_OR_RETURN(std::unique_ptr<SentimentModel> model,
                   TrainSentimentModel(config, examples, training));
  return std::shared_ptr<const SentimentModel>(std::move(model));
}

}  // namespace sobremesa::sentiment
