#include "evaluation/recommendation/movielens_loader.h"

#include <string_view>
#include <utility>

#include "evaluation/recommendation/text_lines.h"

namespace sobremesa::recommendation {
namespace {

Status ParseRatingRecord(std::string_view line, RatingRecord& r) {
  const std::vector<std::string_view> f = Split(line, "\t ");
  if (f.size() != 4)
    return Status::InvalidArgument("expected 4 fields, got " + std::to_string(f.size()));
  RETURN_IF_ERROR(ParseNumber(f[0], r.user));
  RETURN_IF_ERROR(ParseNumber(f[1], r.item));
  RETURN_IF_ERROR(ParseNumber(f[2], r.value));
  RETURN_IF_ERROR(ParseNumber(f[3], r.timestamp));
  if (r.user < 1 || r.item < 1) return Status::InvalidArgument("ids must be >= 1");
  if (r.value < 1 || r.value > 5) return Status::InvalidArgument("rating outside [1, 5]");
  return Status::Ok();
}

Status ParseId(std::string_view field, int32_t& id) {
  RETURN_IF_ERROR(ParseNumber(field, id));
  if (id < 0) return Status::InvalidArgument("negative id " + std::string(field));
  return Status::Ok();
}

Status ParseHeldOutCase(std::string_view line, HeldOutCase& c) {
  const std::vector<std::string_view> f = Split(line, "\t (),");
  if (f.size() < 3) return Status::InvalidArgument("expected (user,item) and negatives");
  RETURN_IF_ERROR(ParseId(f[0], c.user));
  RETURN_IF_ERROR(ParseId(f[1], c.item));
  c.negatives.resize(f.size() - 2);
  for (size_t k = 2; k < f.size(); ++k) RETURN_IF_ERROR(ParseId(f[k], c.negatives[k - 2]));
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<RatingRecord>> LoadMovielensRatings(const std::string& path) {
  std::vector<RatingRecord> records;
  RETURN_IF_ERROR(ForEachLine(path, [&](std::string_view line) {
    return ParseRatingRecord(line, records.emplace_back());
  }));
  return records;
}

StatusOr<std::vector<std::pair<int32_t, int32_t>>> LoadUserItemPairs(const std::string& path) {
  std::vector<std::pair<int32_t, int32_t>> pairs;
  RETURN_IF_ERROR(ForEachLine(path, [&](std::string_view line) -> Status {
    const std::vector<std::string_view> f = Split(line, "\t ");
    if (f.size() < 2) return Status::InvalidArgument("expected user and item");
    auto& [user, item] = pairs.emplace_back();
    RETURN_IF_ERROR(ParseId(f[0], user));
    return ParseId(f[1], item);
  }));
  return pairs;
}

StatusOr<std::vector<HeldOutCase>> LoadHeldOutCases(const std::string& path) {
  std::vector<HeldOutCase> cases;
  RETURN_IF_ERROR(ForEachLine(
      path, [&](std::string_view line) { return ParseHeldOutCase(line, cases.emplace_back()); }));
  return cases;
}

}  // namespace sobremesa::recommendation
