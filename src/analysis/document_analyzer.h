#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "analysis/menu_matcher.h"
#include "analysis/sentiment_model_set.h"
#include "common/status.h"
#include "domain/text_analysis.h"
#include "models/sentiment/sentiment_predictor.h"
#include "text/language_identifier.h"

namespace sobremesa::analysis {

// Reads a whole guest text, however long: identifies its language, splits
// it into sentences (sentence_splitter.h) and each sentence into clauses at
// its contrast words (clause_splitter.h: "The sashimi was superb | but our
// waitress ignored us"), runs the language's sentiment model on each
// clause (sentence polarity, SemEval categories and their polarities,
// mapped to the five aspects by category_aspect.h), links the menu items
// each sentence names (menu_matcher.h) and builds the document from its
// parts:
// - verdict: kMixed when some sentences praise and others complain (a good
//   evening with one complaint is mixed, and the complaint is quoted),
//   except one kind sentence among three or more complaints, which stays
//   kNegative; else kPositive / kNegative / kNeutral;
// - a sentence: its clauses' aspects, mixed when they disagree; a clause or
//   sentence of an earlier visit followed by the present ("Antes era
//   buenazo, ahora ...", "It used to be ... Now ...") says nothing of this
//   one; "lo único" / "the only thing" marks the one complaint of a good
//   evening, or the one good thing of a bad one (only_thing.h);
// - per aspect and per dish: the sentences that speak of it, scored
//   +1 / 0 / -1 and averaged; a dish takes its sentence's food (or drinks)
//   opinion when the model found one, else the sentence's polarity, and a
//   sentence naming a dish speaks of food (or drinks, for a drink) even
//   when the model detected no category.
// The model was trained on reviews of restaurants in Spain; our guests
// write Latin-American Spanish. Two things bridge the gap:
// - the text pipeline rewrites regional words to Spain's before the model
//   reads them (text/regional_vocabulary.h), at training and serving;
// - dining complaint cues (dining_cues.h: "salado", "tibio", "se demoró",
//   "esperamos una hora", "caro"), which Spain's reviews hardly use ("salado",
//   "tibio", "sucio", "demoró": 0 times in SemEval's 2,070 Spanish sentences),
//   so no model trained there can learn them, override the model for the
//   aspect they speak of: the aspect takes the cue's polarity, or becomes
//   mixed when the model praised it and the sentence has a contrast ("rico,
//   pero salado"); the sentence then takes its aspects' verdict;
// - what the sentence's words name (NamedAspects) corrects the model
//   where SemEval taught it little: a drink named and no food takes the
//   model's food opinion; with no cue, an opinion the model gave no
//   category goes to the one aspect the words name ("No hay donde
//   estacionar"), and a question is neutral ("¿Abren el lunes?").
// Not analysed, with the reason in TextAnalysis::status: empty text (only
// white space or punctuation), a language the identifier cannot name
// ("unknown", including other languages and binary noise; but a text of
// emoji alone that give a verdict, "😍🔥", is analysed from them with
// language "unknown"), a language with
// no trained model (Portuguese until one is trained; every language before
// `sobremesa train sentiment`).
//
// Not thread-safe (owns SentimentPredictors, with their scratch state);
// the models are shared read-only, so make one analyzer a thread.
class DocumentAnalyzer {
 public:
  // NotFound if a model's language has no text analyzer. `models` may be
  // empty: every text is then kNoModel.
  // `dining_cues` false leaves the model's reading alone (to measure what
  // the cues add: `sobremesa evaluate check-set --cues false`).
  static StatusOr<std::unique_ptr<DocumentAnalyzer>> Create(SentimentModelSet models,
                                                            bool dining_cues = true);

  // InvalidArgument for malformed UTF-8 (naming the byte offset),
  // ResourceExhausted for text longer than text::kMaxTextBytes. `menu` may
  // be null (no dish linking).
  StatusOr<TextAnalysis> Analyze(std::string_view text, const MenuMatcher* menu);

  // Languages with a model.
  std::vector<text::Language> languages() const;

 private:
  struct LanguageModel {
    std::unique_ptr<sentiment::SentimentPredictor> predictor;
    std::vector<std::optional<Aspect>> category_aspects;  // per model category
    std::unique_ptr<text::TextAnalyzer> text;             // the tokens the cues are read from
  };
  DocumentAnalyzer() = default;

  // `lent`: the aspects a superseded clause of an earlier visit named, for
  // the first clause that names none; replaced by this sentence's.
  StatusOr<SentenceSentiment> AnalyzeSentence(std::string_view sentence, text::Language language,
                                              LanguageModel& model, const MenuMatcher* menu,
                                              std::vector<DishMention>& dishes,
                                              std::vector<Aspect>& lent);

  // One clause as the model and the cues read it, the aspects its words
  // name (NamedAspects) and those its cues spoke of (both empty without
  // the cues).
  struct ClauseReading {
    SentenceSentiment sentiment;
    std::vector<Aspect> named, cued;
  };
  StatusOr<ClauseReading> ReadClause(std::string_view clause, text::Language language,
                                     LanguageModel& model, const std::vector<Aspect>& lent);

  // Overrides the model's reading `s` of a clause with the dining cues of
  // its tokens; `named` are the aspects its words name (or lent it).
  // Returns the aspects the cues spoke of.
  std::vector<Aspect> ApplyDiningCues(const text::Tokens& tokens, text::Language language,
                                      const std::vector<Aspect>& named, SentenceSentiment& s);

  // A text with no words at all ("😍😍🔥🔥", "🤮"), whose language no one
  // can name, is read from its emoji (FindEmojiCues), language "unknown".
  void AnalyzeWordless(std::string_view normalized, const std::vector<std::string_view>& pieces,
                       TextAnalysis& out);

  bool dining_cues_ = true;
  text::LanguageIdentifier identifier_;
  std::map<text::Language, LanguageModel> models_;
};

}  // namespace sobremesa::analysis
