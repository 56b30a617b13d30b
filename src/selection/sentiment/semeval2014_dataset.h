#pragma once
// SemEval-2014 Task 4 restaurant data (English), read into the SemEval-2016
// shape so both train one model: <sentences><sentence id><text>
// <aspectCategories><aspectCategory category polarity/>. Its five coarse
// categories become 2016 categories: food -> FOOD#QUALITY, service ->
// SERVICE#GENERAL, ambience -> AMBIENCE#GENERAL, price -> RESTAURANT#PRICES,
// anecdotes/miscellaneous -> RESTAURANT#GENERAL. Polarity "conflict" reads
// as neutral, as in the 2016 reader.

#include <string>
#include <vector>

#include "common/status.h"
#include "selection/sentiment/semeval_dataset.h"

namespace sobremesa::sentiment {

// NotFound if `path` is missing; InvalidArgument "FILE:LINE: problem" for
// malformed XML, no <sentences><sentence>, a sentence without <text>, or an
// unknown category or polarity. Each sentence is its own review (2014 has no
// review ids).
StatusOr<std::vector<SemEvalSentence>> ReadSemEval2014(const std::string& path);

}  // namespace sobremesa::sentiment
