#include "analysis/document_analyzer.h"

#include <algorithm>

#include "analysis/category_aspect.h"
#include "analysis/clause_splitter.h"
#include "analysis/dining_cues.h"
#include "analysis/only_thing.h"
#include "analysis/sentence_splitter.h"
#include "text/text_normalizer.h"
#include "text/tokenizer.h"

namespace sobremesa::analysis {
namespace {

Sentiment FromPolarity(sentiment::Polarity p) {
  switch (p) {
    case sentiment::Polarity::kNegative:
      return Sentiment::kNegative;
    case sentiment::Polarity::kPositive:
      return Sentiment::kPositive;
    case sentiment::Polarity::kNeutral:
      return Sentiment::kNeutral;
  }
  return Sentiment::kNeutral;
}

int Sign(Sentiment s) { return s == Sentiment::kPositive ? 1 : s == Sentiment::kNegative ? -1 : 0; }

// Counts of praise and complaint over some sentences.
struct Tally {
  int positive = 0, negative = 0, mixed = 0, total = 0;

  void Add(Sentiment s) {
    positive += s == Sentiment::kPositive || s == Sentiment::kMixed;
    negative += s == Sentiment::kNegative || s == Sentiment::kMixed;
    mixed += s == Sentiment::kMixed;
    ++total;
  }
  Sentiment Overall() const {
    if (positive > 0 && negative > 0) return Sentiment::kMixed;
    if (positive > 0) return Sentiment::kPositive;
    if (negative > 0) return Sentiment::kNegative;
    return Sentiment::kNeutral;
  }
  double Score() const { return total == 0 ? 0.0 : double(positive - negative) / total; }
};

// A whole text's verdict from its sentences: mixed when some praise and
// others complain (a glowing review with one complaint is mixed, so the
// complaint reaches the manager), except that one kind word among three or
// more sentences that complain (most of them only complaining) leaves a
// complaint ("... Lo único bueno, el pisco sour.").
Sentiment DocumentVerdict(const Tally& sentences) {
  const Sentiment overall = sentences.Overall();
  const int only_praise = sentences.positive - sentences.mixed;
  const int only_complaint = sentences.negative - sentences.mixed;
  const bool lone_praise =
      only_praise <= 1 && sentences.negative >= 3 && only_complaint > sentences.mixed;
  return overall == Sentiment::kMixed && lone_praise ? Sentiment::kNegative : overall;
}

// Adds `sentiment` for `aspect` to a sentence; a second category of the
// same aspect ("FOOD#QUALITY" and "FOOD#STYLE_OPTIONS") that disagrees makes
// it mixed.
void AddAspect(SentenceSentiment& s, Aspect aspect, Sentiment sentiment) {
  for (AspectSentiment& a : s.aspects) {
    if (a.aspect != aspect) continue;
    if (a.sentiment == Sentiment::kNeutral)
      a.sentiment = sentiment;
    else if (sentiment != Sentiment::kNeutral && sentiment != a.sentiment)
      a.sentiment = Sentiment::kMixed;
    a.score = Sign(a.sentiment);
    return;
  }
  s.aspects.push_back({aspect, sentiment, double(Sign(sentiment)), 1});
}

const AspectSentiment* FindAspect(const SentenceSentiment& s, Aspect aspect) {
  for (const AspectSentiment& a : s.aspects) {
    if (a.aspect == aspect) return &a;
  }
  return nullptr;
}

// A sentence whose aspects both praise and complain is mixed, whatever its
// single polarity says ("la comida buenísima pero la atención lenta").
Sentiment SentenceOverall(Sentiment model_says, const std::vector<AspectSentiment>& aspects) {
  Tally t;
  for (const AspectSentiment& a : aspects) t.Add(a.sentiment);
  return t.Overall() == Sentiment::kMixed ? Sentiment::kMixed : model_says;
}

// A contrast word joins praise and complaint in one sentence ("rico, pero salado").
bool HasContrast(const text::Tokens& tokens) {
  static constexpr std::string_view kContrast[] = {"pero",   "aunque",   "sino",   "but",
                                                   "though", "although", "however"};
  return std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
    return std::find(std::begin(kContrast), std::end(kContrast), t.text) != std::end(kContrast);
  });
}

// The aspect's polarity once a cue has spoken: the cue's, unless the model
// heard the opposite and the sentence has a contrast (then both are right).
Sentiment Override(Sentiment model, Sentiment cue, bool contrast) {
  if (model == cue || model == Sentiment::kNeutral) return cue;
  return contrast ? Sentiment::kMixed : cue;
}

// A question ("¿abren el lunes?", "Hasta qué hora atienden?"): the guest
// asks, and says nothing of the evening unless a cue says it ("¿cómo
// puede ser tan rica una papa a la huancaína?").
bool IsQuestion(const text::Tokens& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const text::Token& t) {
    return t.kind == text::TokenKind::kPunctuation && (t.text == "?" || t.text == "¿");
  });
}

bool Names(const std::vector<Aspect>& named, Aspect a) {
  return std::find(named.begin(), named.end(), a) != named.end();
}

// A drink named and no food: the model's food opinion is the drink's ("los
// tragos bien cargaditos", "el chilcano sabía a agua"; SemEval's Spanish
// reviews have few sentences on drinks, so the model reads them as food).
void FoodOpinionOfADrink(SentenceSentiment& s, const std::vector<Aspect>& named) {
  if (!Names(named, Aspect::kDrinks) || Names(named, Aspect::kFood)) return;
  std::vector<AspectSentiment> model = std::move(s.aspects);
  s.aspects.clear();
  for (AspectSentiment& a : model) {
    AddAspect(s, a.aspect == Aspect::kFood ? Aspect::kDrinks : a.aspect, a.sentiment);
  }
}

// A clause as read, and the aspects its cues spoke of.
struct ClauseOpinion {
  SentenceSentiment sentiment;
  std::vector<Aspect> cued;
};

// The sentence from its clauses: their aspects (an aspect they disagree
// on is mixed), and mixed when some praise and others complain. An aspect
// a cue spoke of is the cues' alone, as in one clause ("El mozo chévere, |
// pero la comida llegó fría": the food praise the model hears in the first
// clause is the waiter's). Other tone aspects of the model are kept:
// dropping those another clause's words name cost the analyzer on
// SemEval's held-out reviews (history, "Clauses, the past and 'lo único'").
SentenceSentiment MergeClauses(std::string_view sentence,
                               const std::vector<ClauseOpinion>& clauses) {
  SentenceSentiment s{std::string(sentence), Sentiment::kNeutral, {}, {}};
  std::vector<Aspect> cued;
  for (const ClauseOpinion& c : clauses) cued.insert(cued.end(), c.cued.begin(), c.cued.end());
  Tally said;
  for (const ClauseOpinion& c : clauses) {
    said.Add(c.sentiment.sentiment);
    for (const AspectSentiment& a : c.sentiment.aspects) {
      if (clauses.size() == 1 || Names(c.cued, a.aspect) || !Names(cued, a.aspect)) {
        AddAspect(s, a.aspect, a.sentiment);
      }
    }
  }
  s.sentiment = clauses.size() == 1 ? clauses[0].sentiment.sentiment : said.Overall();
  return s;
}

void Summarise(TextAnalysis& out, const std::vector<DishMention>& dish_names) {
  Tally document;
  std::vector<Tally> aspects(kAllAspects.size());
  std::vector<Tally> dishes(dish_names.size());
  for (const SentenceSentiment& s : out.sentences) {
    document.Add(s.sentiment);
    if (s.sentiment == Sentiment::kNegative || s.sentiment == Sentiment::kMixed) {
      out.complaints.push_back(s.text);
    }
    for (const AspectSentiment& a : s.aspects) aspects[static_cast<int>(a.aspect)].Add(a.sentiment);
  }
  out.verdict = DocumentVerdict(document);
  out.score = document.Score();
  for (Aspect a : kAllAspects) {
    const Tally& t = aspects[static_cast<int>(a)];
    if (t.total > 0) out.aspects.push_back({a, t.Overall(), t.Score(), t.total});
  }
  for (std::size_t d = 0; d < dish_names.size(); ++d) {
    DishSentiment dish{dish_names[d].item_id, dish_names[d].name, Sentiment::kNeutral, 0, ""};
    const Aspect aspect = dish_names[d].course == Course::kDrink ? Aspect::kDrinks : Aspect::kFood;
    for (const SentenceSentiment& s : out.sentences) {
      if (std::find(s.dishes.begin(), s.dishes.end(), dish.item_id) == s.dishes.end()) continue;
      const Sentiment said = FindAspect(s, aspect)->sentiment;
      dishes[d].Add(said);
      const bool complaint = said == Sentiment::kNegative || said == Sentiment::kMixed;
      if (dish.quote.empty() || (complaint && dishes[d].negative == 1)) dish.quote = s.text;
    }
    dish.sentiment = dishes[d].Overall();
    dish.score = dishes[d].Score();
    out.dishes.push_back(std::move(dish));
  }
}

}  // namespace

StatusOr<std::unique_ptr<DocumentAnalyzer>> DocumentAnalyzer::Create(SentimentModelSet models,
                                                                     bool dining_cues) {
  std::unique_ptr<DocumentAnalyzer> analyzer(new DocumentAnalyzer());
  analyzer->dining_cues_ = dining_cues;
  for (std::shared_ptr<const sentiment::SentimentModel>& model : models) {
    LanguageModel m;
    for (const std::string& category : model->config().categories) {
      m.category_aspects.push_back(AspectOfCategory(category));
    }
    const text::Language language = model->config().language;
    ASSIGN_OR_RETURN(m.text, text::TextAnalyzer::Create(
                                 language, text::TextAnalyzer::Spelling::kRestoreInformal));
    ASSIGN_OR_RETURN(m.predictor, sentiment::SentimentPredictor::Create(std::move(model)));
    analyzer->models_[language] = std::move(m);
  }
  return analyzer;
}

std::vector<text::Language> DocumentAnalyzer::languages() const {
  std::vector<text::Language> out;
  for (const auto& [language, model] : models_) out.push_back(language);
  return out;
}

StatusOr<TextAnalysis> DocumentAnalyzer::Analyze(std::string_view text, const MenuMatcher* menu) {
  // Validates first: malformed UTF-8 and oversized text are the caller's error.
  ASSIGN_OR_RETURN(std::string normalized, text::NormalizeText(text));
  TextAnalysis out;
  const std::vector<std::string_view> pieces = SplitSentences(text);
  if (pieces.empty()) {
    out.status = AnalysisStatus::kEmptyText;
    return out;
  }
  const text::Language language = identifier_.Identify(normalized).language;
  out.language = std::string(text::LanguageCode(language));
  if (language == text::Language::kUnknown) {
    out.status = AnalysisStatus::kUnknownLanguage;
    if (dining_cues_) AnalyzeWordless(normalized, pieces, out);
    return out;
  }
  const auto model = models_.find(language);
  if (model == models_.end()) {
    out.status = AnalysisStatus::kNoModel;
    return out;
  }
  out.status = AnalysisStatus::kAnalysed;
  std::vector<DishMention> dishes;
  std::vector<Aspect> lent;  // named by a superseded clause of an earlier visit
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    // "It used to be the best pisco sour in Barranco. Now it's watered
    // down.": the first sentence is an earlier visit's.
    const bool superseded = dining_cues_ && i + 1 < pieces.size() &&
                            OpensWithThePresent(pieces[i + 1]) && SpeaksOfThePast(pieces[i]);
    if (superseded) {
      ASSIGN_OR_RETURN(const text::Tokens tokens, model->second.text->AnalyzeUnstemmed(pieces[i]));
      lent = NamedAspects(tokens);
      out.sentences.push_back({std::string(pieces[i]), Sentiment::kNeutral, {}, {}});
      continue;
    }
    ASSIGN_OR_RETURN(SentenceSentiment s,
                     AnalyzeSentence(pieces[i], language, model->second, menu, dishes, lent));
    out.sentences.push_back(std::move(s));
  }
  Summarise(out, dishes);
  return out;
}

void DocumentAnalyzer::AnalyzeWordless(std::string_view normalized,
                                       const std::vector<std::string_view>& pieces,
                                       TextAnalysis& out) {
  const text::Tokens all = text::Tokenize(normalized, text::Language::kUnknown);
  const bool wordless = std::none_of(all.begin(), all.end(), [](const text::Token& t) {
    return t.kind == text::TokenKind::kWord;
  });
  // Emoji that give no verdict ("🍕🍷") leave the text unknown.
  if (!wordless || FindEmojiCues(all).empty()) return;
  out.status = AnalysisStatus::kAnalysed;
  for (std::string_view piece : pieces) {
    Tally said;
    for (const CueOpinion& cue : FindEmojiCues(text::Tokenize(piece, text::Language::kUnknown))) {
      said.Add(cue.sentiment);
    }
    out.sentences.push_back({std::string(piece), said.Overall(), {}, {}});
  }
  Summarise(out, {});
}

StatusOr<SentenceSentiment> DocumentAnalyzer::AnalyzeSentence(
    std::string_view sentence, text::Language language, LanguageModel& model,
    const MenuMatcher* menu, std::vector<DishMention>& dishes, std::vector<Aspect>& lent) {
  // Each clause is read on its own ("The sashimi was superb | but our
  // waitress ignored us"): the model gives a sentence one set of aspects.
  // A clause of an earlier visit ("Antes era buenazo, | ahora ...") says
  // nothing of this one; what it named lends the next clause its aspect,
  // and a next clause that says nothing says it changed ("Era mi
  // cevichería favorita; ahora prefiero ir a otra").
  const std::vector<Clause> clauses =
      dining_cues_ ? SplitClauses(sentence) : std::vector<Clause>{{sentence, false}};
  std::vector<ClauseOpinion> reads;
  Sentiment past = Sentiment::kNeutral;
  for (const Clause& clause : clauses) {
    const std::vector<Aspect> from_past = lent;
    ASSIGN_OR_RETURN(ClauseReading read, ReadClause(clause.text, language, model, lent));
    lent = clause.past ? read.named : std::vector<Aspect>{};
    if (clause.past) {
      past = read.sentiment.sentiment;
      continue;
    }
    SentenceSentiment& now = read.sentiment;
    if (now.sentiment == Sentiment::kNeutral && now.aspects.empty() &&
        (past == Sentiment::kPositive || past == Sentiment::kNegative)) {
      now.sentiment = past == Sentiment::kPositive ? Sentiment::kNegative : Sentiment::kPositive;
      for (Aspect a : from_past) AddAspect(now, a, now.sentiment);
    }
    past = Sentiment::kNeutral;
    reads.push_back({std::move(now), std::move(read.cued)});
  }
  SentenceSentiment s = MergeClauses(sentence, reads);
  if (menu != nullptr) {
    ASSIGN_OR_RETURN(std::string normalized, text::NormalizeText(sentence));
    for (DishMention& dish : menu->Match(normalized, language)) {
      // Naming a dish is speaking of the food (or the drinks).
      const Aspect aspect = dish.course == Course::kDrink ? Aspect::kDrinks : Aspect::kFood;
      if (FindAspect(s, aspect) == nullptr) AddAspect(s, aspect, s.sentiment);
      s.dishes.push_back(dish.item_id);
      const bool known = std::any_of(dishes.begin(), dishes.end(), [&dish](const DishMention& d) {
        return d.item_id == dish.item_id;
      });
      if (!known) dishes.push_back(std::move(dish));
    }
  }
  s.sentiment = SentenceOverall(s.sentiment, s.aspects);
  return s;
}

StatusOr<DocumentAnalyzer::ClauseReading> DocumentAnalyzer::ReadClause(
    std::string_view clause, text::Language language, LanguageModel& model,
    const std::vector<Aspect>& lent) {
  ASSIGN_OR_RETURN(sentiment::SentencePrediction p, model.predictor->Predict(clause));
  ClauseReading read;
  read.sentiment = {std::string(clause), FromPolarity(p.polarity), {}, {}};
  // One embedding of the clause gives every detected category's polarity.
  for (std::size_t i = 0; i < p.categories.size(); ++i) {
    const std::optional<Aspect> aspect = model.category_aspects[p.categories[i]];
    if (aspect) AddAspect(read.sentiment, *aspect, FromPolarity(p.category_polarities[i]));
  }
  if (!dining_cues_) return read;
  ASSIGN_OR_RETURN(const text::Tokens tokens, model.text->AnalyzeUnstemmed(clause));
  read.named = NamedAspects(tokens);
  read.cued =
      ApplyDiningCues(tokens, language, read.named.empty() ? lent : read.named, read.sentiment);
  return read;
}

std::vector<Aspect> DocumentAnalyzer::ApplyDiningCues(const text::Tokens& tokens,
                                                      text::Language language,
                                                      const std::vector<Aspect>& named,
                                                      SentenceSentiment& s) {
  std::vector<CueOpinion> cues = FindDiningCues(tokens, language);
  const std::optional<OnlyThing> only = ReadTheOnlyThing(tokens, language);
  if (only) cues.insert(cues.end(), only->opinions.begin(), only->opinions.end());
  FoodOpinionOfADrink(s, named);
  if (cues.empty()) {
    if (IsQuestion(tokens)) {
      s.sentiment = Sentiment::kNeutral;
      s.aspects.clear();
    } else if (s.aspects.empty() && s.sentiment != Sentiment::kNeutral && named.size() == 1) {
      // The model heard an opinion and no category: it is of what the
      // sentence names ("No hay donde aparcar", "Muy chiquitas las porciones").
      AddAspect(s, named[0], s.sentiment);
    }
    return {};
  }
  // A contrast lets the model's opposite reading of a cued aspect stand
  // ("rico, pero salado": mixed), unless the cues themselves hold both
  // sides of it ("el mozo chévere, pero la comida llegó fría": the praise
  // the model heard is the waiter's, not the food's).
  const bool praise = std::any_of(cues.begin(), cues.end(), [](const CueOpinion& c) {
    return c.sentiment == Sentiment::kPositive;
  });
  const bool complaint = std::any_of(cues.begin(), cues.end(), [](const CueOpinion& c) {
    return c.sentiment == Sentiment::kNegative;
  });
  const bool contrast = HasContrast(tokens) && !(praise && complaint);
  // Cues of one aspect that disagree ("no es caro ... carísimo") make it
  // mixed, as two categories of one aspect do (AddAspect).
  SentenceSentiment heard;
  Tally evening;
  for (const CueOpinion& cue : cues) {
    if (cue.aspect) {
      AddAspect(heard, *cue.aspect, cue.sentiment);
    } else {
      evening.Add(cue.sentiment);
    }
  }
  for (const AspectSentiment& h : heard.aspects) {
    auto it = std::find_if(s.aspects.begin(), s.aspects.end(),
                           [&](const AspectSentiment& a) { return a.aspect == h.aspect; });
    if (it == s.aspects.end()) {
      s.aspects.push_back(h);
    } else {
      it->sentiment = Override(it->sentiment, h.sentiment, contrast);
      it->score = Sign(it->sentiment);
    }
  }
  // The sentence says what its aspects (and aspect-less cues) say.
  for (const AspectSentiment& a : s.aspects) evening.Add(a.sentiment);
  const Sentiment parts = evening.Overall();
  if (parts != Sentiment::kNeutral) s.sentiment = Override(s.sentiment, parts, contrast);
  // "Lo único rescatable, el pisco sour": the rest was bad.
  if (only && only->praise) s.sentiment = Sentiment::kNegative;
  std::vector<Aspect> cued;
  for (const AspectSentiment& h : heard.aspects) cued.push_back(h.aspect);
  return cued;
}

}  // namespace sobremesa::analysis
