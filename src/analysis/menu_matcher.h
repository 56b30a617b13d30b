#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/entities.h"
#include "text/language.h"

namespace sobremesa::analysis {

// A dish or drink of the menu named in a sentence.
struct DishMention {
  Id item_id = 0;
  std::string name;  // the item's name in the sentence's language (Spanish by default)
  Course course = Course::kMain;
};

// Finds the restaurant's menu items named in a sentence, the way guests
// write them: without accents ("aji de gallina"), in the plural
// ("anticuchos"), with small misspellings ("tiradto", "cebiche"), in Spanish
// or English, or by the word that only one dish has ("el pato" -> arroz con
// pato). "Seco" and "causa" name a dish only after an article ("el seco
// estaba rico", not "el arroz estaba seco"). Names and text go through the same steps:
// NormalizeText, the tokenizer and the food vocabulary of src/text, then accents removed, plurals
// reduced and the words that carry no meaning alone ("de", "la", "with", "clásico") set aside.
//
// An item is named when, within a short window of the sentence, either all
// its words appear, or a word that no other item has, or its first word
// (the dish: "ceviche", "causa") appears; a word matches with one edit in
// seven letters or more, two in ten or more (shorter words are too close to
// other words: "salado" is not "saltado"). A first word several items share
// names none alone ("cebiche" with "Cebiche mixto" and "Cebiche clásico de
// lenguado": the guest's dish is unknown, and a guess would put the
// complaint on the wrong one), only with another of its words; a place
// ("Lima", "limeña") is never a dish alone. When several items compete
// for the same words ("ceviche" with three ceviches on the menu) the one
// matching more words wins, then the one with the shorter name (the house
// classic), then the lower id. Immutable after construction; share between
// threads.
class MenuMatcher {
 public:
  explicit MenuMatcher(const std::vector<MenuItem>& menu);

  std::size_t size() const { return items_.size(); }

  // Items named in `normalized` (output of text::NormalizeText), each once,
  // in order of first mention.
  std::vector<DishMention> Match(std::string_view normalized, text::Language language) const;

 private:
  struct Name {
    std::vector<int> words;  // vocabulary ids of the content words
  };
  struct Item {
    Id id = 0;
    std::string name_es, name_en;
    Course course = Course::kMain;
    std::vector<Name> names;  // Spanish, then English when different
  };
  struct Candidate;

  int WordId(const std::string& word);
  // Vocabulary ids each sentence word matches (exact or within the edits allowed).
  std::vector<std::vector<int>> MatchWords(const std::vector<std::string>& words) const;
  bool FindName(const Name& name, const std::vector<std::vector<int>>& matches,
                Candidate& out) const;

  std::vector<Item> items_;
  std::vector<std::string> vocabulary_;
  std::unordered_map<std::string, int> word_ids_;
  std::vector<int> item_frequency_;           // per vocabulary id: how many items use the word
  std::vector<std::vector<int>> word_items_;  // per vocabulary id: the items using it
};

// The words of a normalised text as MenuMatcher compares them: food
// vocabulary applied, accents removed, plurals reduced, stop words dropped.
// In a guest's text (`menu_name` false) a dish word that is also an
// everyday word ("seco", "causa") is kept only after an article.
std::vector<std::string> MatchableWords(std::string_view normalized, text::Language language,
                                        bool menu_name);

}  // namespace sobremesa::analysis
