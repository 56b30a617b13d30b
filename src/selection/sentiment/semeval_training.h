#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentiment_trainer.h"
#include "selection/sentiment/semeval_dataset.h"
#include "text/language.h"

namespace sobremesa::sentiment {

// How our model is trained on SemEval sentences: the product's recipe
// (`sobremesa train sentiment`) and the one `sobremesa evaluate sentiment`
// measures are this one code path.
struct SemEvalTrainingOptions {
  TrainingOptions training;
  int dim = 50;
  unsigned buckets = 1u << 17;
  bool wide_categories = false;
  // Own embeddings of the category and sentence-polarity heads
  // (SentimentModelConfig); unset: the training language's
  // DefaultOwnEmbeddings.
  std::optional<int> category_dim, sentence_dim;
  bool negated_words_add_plain = true;
  // Directory of the sentiment lexicons (text/sentiment_lexicon.h,
  // SentiConPath); the training language's file is read and its stem bins
  // become features the model file carries. Empty: no lexicon.
  std::string lexicon_dir;
  // Lexicon words weaker than this (SentimentLexicon strength 1..3) are
  // left out; 0: the lexicon is not used. Unset: the training language's
  // DefaultLexiconStrength.
  std::optional<int> lexicon_min_strength;
  // The sentence head served (TrainingOptions::sentence_bagging and
  // sentence_offsets, which these override); unset: the training
  // language's DefaultSentenceBagging.
  std::optional<SentenceBagging> sentence_bagging;
  std::optional<bool> sentence_offsets;
  // TrainingOptions::sentence_stacker, which this overrides; unset: the
  // training language's DefaultSentenceStacker.
  std::optional<bool> sentence_stacker;
  // TrainingOptions::category_stacker, which this overrides; unset: the
  // training language's DefaultCategoryStacker.
  std::optional<bool> category_stacker;
  // The category head served (TrainingOptions::category_bagging, which this
  // overrides); unset: the training language's DefaultCategoryBagging.
  std::optional<FoldBagging> category_bagging;
  // The category-polarity head served (TrainingOptions::
  // category_polarity_bagging); unset: DefaultCategoryPolarityBagging.
  std::optional<FoldBagging> category_polarity_bagging;
  // English pretrained word vectors (pretrained_vectors.h) for the category
  // vector view (TrainingOptions::vectors); read only when the training
  // language is English (there are none for Spanish here). Empty: no view.
  // A missing file is an error (NotFound naming it) when
  // `vectors_required`, else English trains without the view (a machine
  // without install_deps.sh's vectors step still trains; callers that can
  // print say so, VectorsMissingWarning).
  std::string vectors_path = kDefaultVectorsPath;
  bool vectors_required = false;
  // Max-pooled readers of those vectors, candidates beside the linear view
  // (TrainingOptions::category_vector_readers, which this overrides);
  // unset: the training language's DefaultVectorReaders.
  std::optional<std::vector<VectorReaderOptions>> vector_readers;
};

// A warning to print when `options` ask for vectors that are not there
// and not required (English then trains without the vector view); empty
// otherwise.
std::string VectorsMissingWarning(const SemEvalTrainingOptions& options);

// Own embedding sizes of the category and sentence-polarity heads when
// none is asked for, chosen on five held-out splits of the training
// reviews (docs/evaluation/sentiment.md): 50 each for Spanish (Slot 1 +0.6
// in every split, sentence accuracy +1.1, macro-F1 +1.9); none for
// English, where the category head's lost 2.7 points of Slot 1 on the
// first split and the sentence head's cost 2.3 of Slot 3 for +0.3 of
// sentence accuracy.
struct OwnEmbeddings {
  int category_dim = 0;
  int sentence_dim = 0;
};
OwnEmbeddings DefaultOwnEmbeddings(text::Language language);

// The weakest lexicon strength used when none is asked for, chosen on five
// held-out splits of the training reviews (docs/evaluation/sentiment.md,
// "Sentiment lexicon"): 1 (every lexicon word) for Spanish, where Slot 3
// gained in every split; 0 (no lexicon) for English, where it cost Slot 1
// (all words) or Slot 3 (strength 2 and up) as much as it gained sentence
// polarity.
int DefaultLexiconStrength(text::Language language);

// Whether the mean of the threshold folds' sentence heads, with offsets on
// its logits chosen out of fold, is served when none is asked for, chosen
// on five held-out splits of the training reviews
// (docs/evaluation/sentiment.md, "Fold-bagged sentence head"): yes for
// Spanish (sentence accuracy +0.8, macro-F1 +2.6); no for English, where
// it traded 0.2 of accuracy for 0.4 of macro-F1.
struct SentenceBaggingChoice {
  SentenceBagging bagging = SentenceBagging::kNone;
  bool offsets = false;
};
SentenceBaggingChoice DefaultSentenceBagging(text::Language language);

// Whether a sentence stacker is a candidate (chosen out of fold) when none
// is asked for, measured on five held-out splits of the training reviews
// (docs/evaluation/sentiment.md, "A sentence stacker for mixed
// sentences"): yes for Spanish (sentence accuracy +2.1, macro-F1 +1.4)
// and English (+2.4, +3.2, every split).
bool DefaultSentenceStacker(text::Language language);
// Whether a category stacker is a candidate (chosen out of fold) when none
// is asked for, measured on five held-out splits of the training reviews
// (docs/evaluation/sentiment-history.md, "A category stacker for Slot 1"):
// yes for Spanish (kept in every split, Slot 1 +1.50, up in every split);
// no for English (kept in 3 splits of 5, Slot 1 -0.09 on the mean,
// sentence polarity down).
bool DefaultCategoryStacker(text::Language language);
// Whether the mean of the threshold folds' category heads is served when
// none is asked for, chosen on five held-out splits of the training reviews
// (docs/evaluation/sentiment-history.md, "Fold-bagged category and
// category-polarity heads" and "A category stacker for Slot 1"): the folds
// and the final fit in both languages. English: Slot 1 +0.98 (every split)
// over none, +0.26 over the folds alone. Spanish, with the category
// stacker: Slot 1 +0.37 over the stacker alone (4 splits of 5); without
// the stacker the product's model read a food aspect into "El mozo fue
// bacán." (latam_analysis_test), with it not.
FoldBagging DefaultCategoryBagging(text::Language language);
// The same for the category-polarity head (Slot 3): yes (the folds alone)
// for Spanish, Slot 3 +0.30 (4 splits of 5), where the other heads read
// their own embeddings, so the shared one is dropped and a row is 54 floats
// instead of 106; no for English (Slot 3 -0.32, and the sentence head still
// reads the shared embedding, so the row would grow by 3C floats).
FoldBagging DefaultCategoryPolarityBagging(text::Language language);

// The max-pooled readers of the pretrained word vectors that are
// candidates beside the linear category vector view (chosen out of fold)
// when none are asked for, measured on five held-out splits of the
// training reviews (docs/evaluation/sentiment-history.md, "A max-pooled
// reader of the word vectors"): English one, the max and mean of 128
// units (of four candidates, it was chosen out of fold in every split; the
// other three are left out for training time), which the trainer keeps or
// replaces by the linear view by nested out-of-fold micro-F1; none for
// Spanish, which has no vectors here.
std::vector<VectorReaderOptions> DefaultVectorReaders(text::Language language);

// The index of `name` in the sorted category `names` of a model trained
// here (SentimentModelConfig::categories); -1 if it has no such category.
int CategoryIndex(const std::vector<std::string>& names, const std::string& name);

// The language most of `sentences` are identified as; kUnknown when none is.
text::Language MajorityLanguage(const std::vector<SemEvalSentence>& sentences);

// Trains our model on `train` (language identified from its texts, the
// categories those of its opinions). `auxiliary` sentences (SemEval-2014,
// read by ReadSemEval2014; de-duplicated against anything scored by the
// caller, WithoutOverlap) add their sentence polarity, the polarity of their
// opinions, and their coarse categories through a training-only head
// (TrainingExample::auxiliary_categories); they never teach or tune the
// model's own categories. InvalidArgument if the training language is not
// one we model or a text is not valid UTF-8; errors of training.
StatusOr<std::shared_ptr<const SentimentModel>> TrainOnSemEval(
    const std::vector<SemEvalSentence>& train, const SemEvalTrainingOptions& options,
    const std::vector<SemEvalSentence>& auxiliary = {});

}  // namespace sobremesa::sentiment
