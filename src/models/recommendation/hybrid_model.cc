#include "models/recommendation/hybrid_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sobremesa::recommendation {
namespace {

constexpr char kMagic[8] = {'S', 'B', 'M', 'H', 'Y', 'B', 'R', '\0'};

template <typename T>
void WriteArray(std::ofstream& out, const std::vector<T>& v) {
  const uint64_t n = v.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

nlohmann::json HeaderJson(const HybridModel& m) {
  const HybridModelInfo& i = m.info();
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& [name, value] : i.metrics) metrics[name] = value;
  return {{"format", "sobremesa.hybrid"},
          {"dim", m.dim()},
          {"loss", i.loss},
          {"data_hash", i.data_hash},
          {"menu_identity", i.menu_identity},
          {"trained_at", i.trained_at},
          {"separate_history_mean", i.separate_history_mean},
          {"serving",
           {{"cooccurrence_weight_with_history", i.serving.with_history},
            {"cooccurrence_weight_without_history", i.serving.without_history}}},
          {"metrics", metrics},
          {"user_features", i.user_feature_names},
          {"item_features", i.item_feature_names},
          {"context_features", i.context_feature_names}};
}

// Reads the file body with every length checked against what is left.
class Reader {
 public:
  explicit Reader(std::string bytes) : bytes_(std::move(bytes)) {}
  bool Take(void* out, size_t n) {
    if (n > bytes_.size() - pos_) return false;
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool Array(std::vector<T>& v) {
    uint64_t n = 0;
    if (!Take(&n, sizeof n) || n > (bytes_.size() - pos_) / sizeof(T)) return false;
    v.resize(n);
    return Take(v.data(), n * sizeof(T));
  }
  bool AtEnd() const { return pos_ == bytes_.size(); }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

StatusOr<HybridModelInfo> ParseHeader(const std::string& text, int32_t& dim) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || j.value("format", "") != "sobremesa.hybrid") {
    return Status::InvalidArgument("header is not a sobremesa.hybrid header");
  }
  try {
    HybridModelInfo info;
    dim = j.at("dim").get<int32_t>();
    info.loss = j.at("loss").get<std::string>();
    info.data_hash = j.at("data_hash").get<std::string>();
    info.menu_identity = j.at("menu_identity").get<std::string>();
    info.trained_at = j.at("trained_at").get<int64_t>();
    info.separate_history_mean = j.at("separate_history_mean").get<bool>();
    const nlohmann::json& serving = j.at("serving");
    for (auto [key, weight] :
         {std::pair{"cooccurrence_weight_with_history", &info.serving.with_history},
          std::pair{"cooccurrence_weight_without_history", &info.serving.without_history}}) {
      *weight = serving.at(key).get<double>();
      if (!(*weight >= 0 && *weight <= 1)) {  // also refuses NaN
        return Status::InvalidArgument("serving." + std::string(key) + " must be in [0, 1]");
      }
    }
    for (const auto& [name, value] : j.at("metrics").items()) {
      info.metrics.emplace_back(name, value.get<double>());
    }
    info.user_feature_names = j.at("user_features").get<std::vector<std::string>>();
    info.item_feature_names = j.at("item_features").get<std::vector<std::string>>();
    info.context_feature_names = j.at("context_features").get<std::vector<std::string>>();
    return info;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("header: ") + e.what());
  }
}

}  // namespace

StatusOr<HybridModel> HybridModel::Create(Arrays arrays, HybridModelInfo info) {
  HybridModel m;
  m.a_ = std::move(arrays);
  m.info_ = std::move(info);
  RETURN_IF_ERROR(m.Validate());
  m.BuildRowIndexes();
  return m;
}

Status HybridModel::Validate() const {
  const int64_t d = a_.dim;
  if (d <= 0 || d > kMaxHybridDim) return Status::InvalidArgument("dim out of range");
  auto ascending = [](const std::vector<int64_t>& k) {
    return std::adjacent_find(k.begin(), k.end(), std::greater_equal<>()) == k.end();
  };
  if (!ascending(a_.user_keys) || !ascending(a_.item_keys)) {
    return Status::InvalidArgument("keys are not strictly ascending");
  }
  const auto users = int64_t(a_.user_keys.size()), items = int64_t(a_.item_keys.size());
  const auto uf = int64_t(info_.user_feature_names.size());
  const auto itf = int64_t(info_.item_feature_names.size());
  const auto cf = int64_t(info_.context_feature_names.size());
  const bool ok = int64_t(a_.user_ids.size()) == users * d &&
                  int64_t(a_.user_features.size()) == uf * d &&
                  int64_t(a_.item_vectors.size()) == items * d &&
                  int64_t(a_.item_biases.size()) == items &&
                  int64_t(a_.item_features.size()) == itf * d &&
                  int64_t(a_.item_feature_biases.size()) == itf &&
                  int64_t(a_.context.size()) == cf * d &&
                  int64_t(a_.item_reorder_biases.size()) == items &&
                  a_.reorder.size() == 2;
  if (!ok) return Status::InvalidArgument("array sizes do not match the header's dimensions");
  return Status::Ok();
}

void HybridModel::BuildRowIndexes() {
  user_rows_.Build(a_.user_keys);
  item_rows_.Build(a_.item_keys);
  for (int n = 1; n < kLogTableSize; ++n) log_visits_[n] = LogVisits(n);
}

float HybridModel::LogVisits(int visits) { return std::log(float(visits)); }

void HybridModel::UserVector(int32_t user, std::span<const WeightedFeature> features,
                             std::span<const int32_t> context, float* out) const {
  const int32_t d = a_.dim;
  if (user >= 0) {
    std::copy_n(&a_.user_ids[size_t(user) * d], d, out);
  } else {
    std::fill_n(out, d, 0.f);
  }
  // One weighted mean of all features, or (separate_history_mean) one of
  // the profile features plus one of the history features.
  float profile_total = 0, history_total = 0;
  for (const WeightedFeature& f : features) {
    (f.history ? history_total : profile_total) += f.weight;
  }
  if (!info_.separate_history_mean) profile_total = history_total = profile_total + history_total;
  for (const WeightedFeature& f : features) {
    const float w = f.weight / (f.history ? history_total : profile_total);
    const float* row = user_feature_vector(f.id);
    for (int32_t k = 0; k < d; ++k) out[k] += w * row[k];
  }
  for (int32_t c : context) {
    const float* row = &a_.context[size_t(c) * d];
    for (int32_t k = 0; k < d; ++k) out[k] += row[k];
  }
}

float HybridModel::NewItemVector(std::span<const int32_t> features, float* out) const {
  const int32_t d = a_.dim;
  std::fill_n(out, d, 0.f);
  if (features.empty()) return 0;
  const float w = 1.f / float(features.size());
  float bias = 0;
  for (int32_t f : features) {
    const float* row = &a_.item_features[size_t(f) * d];
    for (int32_t k = 0; k < d; ++k) out[k] += w * row[k];
    bias += w * a_.item_feature_biases[f];
  }
  return bias;
}

Status HybridModel::Save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Internal("cannot write " + tmp);
    const std::string header = HeaderJson(*this).dump();
    out.write(kMagic, sizeof kMagic);
    out.write(reinterpret_cast<const char*>(&kHybridModelVersion), sizeof kHybridModelVersion);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(header.data(), static_cast<std::streamsize>(n));
    WriteArray(out, a_.user_keys);
    WriteArray(out, a_.item_keys);
    WriteArray(out, a_.user_ids);
    WriteArray(out, a_.user_features);
    WriteArray(out, a_.item_vectors);
    WriteArray(out, a_.item_biases);
    WriteArray(out, a_.item_features);
    WriteArray(out, a_.item_feature_biases);
    WriteArray(out, a_.context);
    WriteArray(out, a_.item_reorder_biases);
    WriteArray(out, a_.reorder);
    if (!out.flush()) return Status::Internal("cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::Internal("cannot replace " + path + ": " + ec.message());
  return Status::Ok();
}

StatusOr<HybridModel> HybridModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("model file " + path + " not found");
  Reader r(std::string(std::istreambuf_iterator<char>(in), {}));
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("model file " + path + ": " + why);
  };
  char magic[8];
  uint32_t version = 0;
  if (!r.Take(magic, 8) || std::memcmp(magic, kMagic, 8) != 0) {
    return bad("not a sobremesa hybrid model (bad magic)");
  }
  if (!r.Take(&version, 4) || version != kHybridModelVersion) {
    return bad("version " + std::to_string(version) + ", this build reads " +
               std::to_string(kHybridModelVersion) + " (retrain with `sobremesa train recommender`)");
  }
  std::vector<char> header;
  if (!r.Array(header)) return bad("truncated header");
  HybridModel m;
  StatusOr<HybridModelInfo> info = ParseHeader(std::string(header.begin(), header.end()), m.a_.dim);
  if (!info.ok()) return bad(info.status().message());
  m.info_ = std::move(*info);
  Arrays& a = m.a_;
  if (!r.Array(a.user_keys) || !r.Array(a.item_keys) || !r.Array(a.user_ids) ||
      !r.Array(a.user_features) || !r.Array(a.item_vectors) || !r.Array(a.item_biases) ||
      !r.Array(a.item_features) || !r.Array(a.item_feature_biases) || !r.Array(a.context) ||
      !r.Array(a.item_reorder_biases) || !r.Array(a.reorder)) {
    return bad("truncated arrays");
  }
  if (!r.AtEnd()) return bad("trailing bytes after the last array");
  Status valid = m.Validate();
  if (!valid.ok()) return bad(valid.message());
  m.BuildRowIndexes();
  return m;
}

}  // namespace sobremesa::recommendation
