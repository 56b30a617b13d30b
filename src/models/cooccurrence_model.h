#pragma once
// The first recommender's learned state: how popular each item is (overall,
// at lunch or dinner, per occasion) and how often two items are ordered in
// the same visit. Built from visit baskets; read-only once built, so many
// request threads can score against one shared instance without a lock.

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/data_hash.h"
#include "common/status.h"
#include "domain/entities.h"
#include "models/recommendation/row_index.h"

namespace sobremesa {

enum class Daypart : std::uint8_t { kLunch, kDinner };
inline constexpr int kDaypartCount = 2;
// Lima hour -> daypart: before 17:00 is lunch.
Daypart DaypartOfHour(int lima_hour);

// Occasions we keep separate popularity for; anything else counts as kNone.
enum class OccasionKind : std::uint8_t { kNone, kBirthday, kAnniversary, kBusiness, kCelebration, kDate };
inline constexpr int kOccasionCount = 6;
OccasionKind ParseOccasionKind(std::string_view occasion);

class CooccurrenceModel {
 public:
  // Dense index of an item, or -1 when the model never saw it (a new dish).
  int IndexOf(Id item_id) const { return index_.Find(item_id); }
  int item_count() const { return static_cast<int>(item_ids_.size()); }
  Id item_id(int index) const { return item_ids_[index]; }

  // Baskets containing the item (overall / in a daypart / for an occasion).
  float popularity(int index) const { return popularity_[index]; }
  float popularity(int index, Daypart d) const { return by_daypart_[int(d)][index]; }
  float popularity(int index, OccasionKind o) const { return by_occasion_[int(o)][index]; }
  // Cosine similarity of two items' basket sets, in [0, 1]; 0 on the diagonal.
  float similarity(int a, int b) const { return similarity_[size_t(a) * item_ids_.size() + b]; }
  // Row a of the similarity matrix: item_count() floats.
  const float* similarity_row(int a) const { return &similarity_[size_t(a) * item_ids_.size()]; }

  std::int64_t basket_count() const { return basket_count_; }
  const std::string& data_hash() const { return data_hash_; }
  UnixSeconds trained_at() const { return trained_at_; }

  // Versioned JSON file: {"format": "sobremesa.cooccurrence", "version": 1, ...}.
  // Save fails with Internal on I/O errors; Load fails with InvalidArgument
  // naming the file on a wrong format, version or shape, NotFound if absent.
  Status Save(const std::string& path) const;
  static StatusOr<std::shared_ptr<const CooccurrenceModel>> Load(const std::string& path);

 private:
  friend class CooccurrenceModelBuilder;
  std::vector<Id> item_ids_;
  recommendation::RowIndex index_;
  std::vector<float> popularity_;
  std::array<std::vector<float>, kDaypartCount> by_daypart_;
  std::array<std::vector<float>, kOccasionCount> by_occasion_;
  std::vector<float> similarity_;  // item_count x item_count, row-major
  std::int64_t basket_count_ = 0;
  std::string data_hash_;
  UnixSeconds trained_at_ = 0;
};

// Accumulates baskets, then builds the model. Items must be known from the
// menu given at construction; unknown ids in a basket are ignored (an item
// deleted from the menu since).
class CooccurrenceModelBuilder {
 public:
  explicit CooccurrenceModelBuilder(std::span<const MenuItem> menu);
  void AddBasket(std::span<const Id> item_ids, UnixSeconds seated_at, std::string_view occasion);
  std::shared_ptr<const CooccurrenceModel> Build(UnixSeconds trained_at);

 private:
  std::unique_ptr<CooccurrenceModel> model_;
  std::vector<float> counts_;     // pair counts, row-major
  DataHash hash_;  // over the baskets seen
  std::vector<int> scratch_;
};

}  // namespace sobremesa
