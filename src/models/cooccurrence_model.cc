#include "models/cooccurrence_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sobremesa {
namespace {

constexpr const char* kFormat = "sobremesa.cooccurrence";
constexpr int kVersion = 1;

}  // namespace

Daypart DaypartOfHour(int lima_hour) { return lima_hour < 17 ? Daypart::kLunch : Daypart::kDinner; }

OccasionKind ParseOccasionKind(std::string_view occasion) {
  if (occasion == "birthday") return OccasionKind::kBirthday;
  if (occasion == "anniversary") return OccasionKind::kAnniversary;
  if (occasion == "business") return OccasionKind::kBusiness;
  if (occasion == "celebration") return OccasionKind::kCelebration;
  if (occasion == "date") return OccasionKind::kDate;
  return OccasionKind::kNone;
}

CooccurrenceModelBuilder::CooccurrenceModelBuilder(std::span<const MenuItem> menu)
    : model_(new CooccurrenceModel) {
  const size_t n = menu.size();
  for (const MenuItem& m : menu) model_->item_ids_.push_back(m.id);
  model_->index_.Build(model_->item_ids_);
  model_->popularity_.assign(n, 0.f);
  for (auto& v : model_->by_daypart_) v.assign(n, 0.f);
  for (auto& v : model_->by_occasion_) v.assign(n, 0.f);
  counts_.assign(n * n, 0.f);
}

void CooccurrenceModelBuilder::AddBasket(std::span<const Id> item_ids, UnixSeconds seated_at,
                                         std::string_view occasion) {
  scratch_.clear();
  for (Id id : item_ids) {
    const int i = model_->IndexOf(id);
    if (i >= 0) scratch_.push_back(i);
  }
  std::sort(scratch_.begin(), scratch_.end());
  scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
  if (scratch_.empty()) return;
  for (Id id : item_ids) hash_.Add(id);
  hash_.Add(seated_at);

  const int daypart = int(DaypartOfHour(ToLocal(seated_at).hour));
  const int occ = int(ParseOccasionKind(occasion));
  const size_t n = model_->item_ids_.size();
  for (int i : scratch_) {
    model_->popularity_[i] += 1.f;
    model_->by_daypart_[daypart][i] += 1.f;
    model_->by_occasion_[occ][i] += 1.f;
    for (int j : scratch_) {
      if (i != j) counts_[size_t(i) * n + j] += 1.f;
    }
  }
  ++model_->basket_count_;
}

std::shared_ptr<const CooccurrenceModel> CooccurrenceModelBuilder::Build(UnixSeconds trained_at) {
  const size_t n = model_->item_ids_.size();
  model_->similarity_.assign(n * n, 0.f);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const float denom = std::sqrt(model_->popularity_[i] * model_->popularity_[j]);
      if (i != j && denom > 0) model_->similarity_[i * n + j] = counts_[i * n + j] / denom;
    }
  }
  model_->data_hash_ = hash_.Hex();
  model_->trained_at_ = trained_at;
  return std::shared_ptr<const CooccurrenceModel>(std::move(model_));
}

Status CooccurrenceModel::Save(const std::string& path) const {
  nlohmann::json j = {{"format", kFormat},
                      {"version", kVersion},
                      {"trained_at", FormatTimestamp(trained_at_, 0)},
                      {"trained_at_unix", trained_at_},
                      {"basket_count", basket_count_},
                      {"data_hash", data_hash_},
                      {"item_ids", item_ids_},
                      {"popularity", popularity_},
                      {"by_daypart", by_daypart_},
                      {"by_occasion", by_occasion_},
                      {"similarity", similarity_}};
  // Write then rename, so a reader (a serving process) never sees half a file.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Internal("cannot write model file " + tmp);
    out << j.dump();
    if (!out.flush()) return Status::Internal("cannot write model file " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::Internal("cannot move model file into place at " + path);
  }
  return Status::Ok();
}

StatusOr<std::shared_ptr<const CooccurrenceModel>> CooccurrenceModel::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("model file " + path + " does not exist");
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("model file " + path + ": " + why);
  };
  auto model = std::make_shared<CooccurrenceModel>();
  try {
    const nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("format", "") != kFormat) return bad("not a sobremesa co-occurrence model");
    if (j.value("version", 0) != kVersion) {
      return bad("version " + j.value("version", nlohmann::json(0)).dump() +
                 " is not supported (expected " + std::to_string(kVersion) + ")");
    }
    j.at("item_ids").get_to(model->item_ids_);
    j.at("popularity").get_to(model->popularity_);
    j.at("by_daypart").get_to(model->by_daypart_);
    j.at("by_occasion").get_to(model->by_occasion_);
    j.at("similarity").get_to(model->similarity_);
    model->basket_count_ = j.at("basket_count").get<std::int64_t>();
    model->data_hash_ = j.at("data_hash").get<std::string>();
    model->trained_at_ = j.at("trained_at_unix").get<UnixSeconds>();
  } catch (const nlohmann::json::exception& e) {
    return bad(e.what());
  }
  const size_t n = model->item_ids_.size();
  bool shapes_ok = model->popularity_.size() == n && model->similarity_.size() == n * n;
  for (const auto& v : model->by_daypart_) shapes_ok = shapes_ok && v.size() == n;
  for (const auto& v : model->by_occasion_) shapes_ok = shapes_ok && v.size() == n;
  if (!shapes_ok) return bad("array sizes do not match item count " + std::to_string(n));
  model->index_.Build(model->item_ids_);
  return std::shared_ptr<const CooccurrenceModel>(std::move(model));
}

}  // namespace sobremesa
