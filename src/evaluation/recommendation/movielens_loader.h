#pragma once
// Readers for the MovieLens files in ../shared/datasets (MANIFEST.md there).
// Every error names the file and, for bad content, the 1-based line.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// One line of a MovieLens 100K ratings file (u.data, u1.base, ...):
// "user<TAB>item<TAB>rating<TAB>timestamp", ids 1-based as in the file.
struct RatingRecord {
  int32_t user = 0;
  int32_t item = 0;
  float value = 0;
  int64_t timestamp = 0;
};

// One user's leave-one-out test case of He et al. 2017 (ml-1m.test.negative):
// the held-out item and the 99 sampled items it is ranked against. 0-based.
struct HeldOutCase {
  int32_t user = 0;
  int32_t item = 0;
  std::vector<int32_t> negatives;
};

// NotFound if `path` cannot be opened; InvalidArgument "path:line: ..." on a
// malformed line, a non-positive id or a rating outside [1, 5].
StatusOr<std::vector<RatingRecord>> LoadMovielensRatings(const std::string& path);

// ml-1m.train.implicit.tsv: "user<TAB>item" per line, 0-based ids. Returns
// (user, item) pairs in file order. Errors as above.
StatusOr<std::vector<std::pair<int32_t, int32_t>>> LoadUserItemPairs(const std::string& path);

// ml-1m.test.negative: "(user,item)<TAB>neg<TAB>neg..." per line. Errors as
// above; a line with no negatives is malformed.
StatusOr<std::vector<HeldOutCase>> LoadHeldOutCases(const std::string& path);

}  // namespace sobremesa::recommendation
