#include "models/behaviour/behaviour_predictions.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <type_traits>

namespace sobremesa {
namespace {

constexpr char kMagic[8] = {'S', 'B', 'M', 'B', 'E', 'H', 'A', 'V'};
// The records are written as they sit in memory: a fixed layout on the
// little-endian x86-64 and arm64 hosts we build for.
static_assert(std::is_trivially_copyable_v<GuestPrediction>);
static_assert(sizeof(GuestPrediction) == 56, "a layout change needs a new file version");

using nlohmann::json;

json SegmentToJson(const SegmentSummary& s) {
  return {{"id", s.id},
          {"description", s.description},
          {"size", s.size},
          {"mean_expected_value_90d", s.mean_expected_value_90d},
          {"total_expected_value_90d", s.total_expected_value_90d},
          {"mean_churn_risk", s.mean_churn_risk},
          {"mean_spend_per_visit", s.mean_spend_per_visit},
          {"mean_visits", s.mean_visits},
          {"centre", s.centre}};
}

SegmentSummary SegmentFromJson(const json& j) {
  SegmentSummary s;
  s.id = j.at("id").get<int>();
  s.description = j.at("description").get<std::string>();
  s.size = j.at("size").get<std::int64_t>();
  s.mean_expected_value_90d = j.at("mean_expected_value_90d").get<double>();
  s.total_expected_value_90d = j.at("total_expected_value_90d").get<double>();
  s.mean_churn_risk = j.at("mean_churn_risk").get<double>();
  s.mean_spend_per_visit = j.at("mean_spend_per_visit").get<double>();
  s.mean_visits = j.at("mean_visits").get<double>();
  s.centre = j.at("centre").get<std::vector<double>>();
  return s;
}

json HeaderToJson(const BehaviourPredictions& m) {
  json h = {
      {"restaurant_id", m.restaurant_id},
      {"trained_at", m.trained_at},
      {"observed_until", m.observed_until},
      {"data_hash", m.data_hash},
      {"bgnbd", {{"r", m.bgnbd.r}, {"alpha", m.bgnbd.alpha}, {"a", m.bgnbd.a}, {"b", m.bgnbd.b}}},
      {"notes", m.notes},
      {"segment_feature_names", m.segment_feature_names},
      {"segments", json::array()},
      {"metrics", json::array()}};
  if (m.gamma_gamma) {
    h["gamma_gamma"] = {{"p", m.gamma_gamma->p}, {"q", m.gamma_gamma->q}, {"v", m.gamma_gamma->v}};
  }
  if (m.no_show) {
    h["no_show"] = {{"means", m.no_show->feature_means()},
                    {"scales", m.no_show->feature_scales()},
                    {"weights", m.no_show->standardized_weights()},
                    {"bias", m.no_show->bias()}};
  }
  if (m.churn) {
    h["churn"] = {{"kind", ReturnClassifierName(m.churn->classifier.kind())},
                  {"description", m.churn->classifier.Describe()},
                  {"feature_names", m.churn->feature_names}};
    if (m.churn->calibration) {
      h["churn"]["calibration"] = {{"slope", m.churn->calibration->slope},
                                   {"intercept", m.churn->calibration->intercept}};
    }
  }
  for (const SegmentSummary& s : m.segments) h["segments"].push_back(SegmentToJson(s));
  for (const ModelMetric& x : m.metrics) {
    h["metrics"].push_back({{"model", x.model}, {"metric", x.metric}, {"value", x.value}});
  }
  return h;
}

Status HeaderFromJson(const json& h, BehaviourPredictions& m) {
  m.restaurant_id = h.at("restaurant_id").get<Id>();
  m.trained_at = h.at("trained_at").get<UnixSeconds>();
  m.observed_until = h.at("observed_until").get<UnixSeconds>();
  m.data_hash = h.at("data_hash").get<std::string>();
  const json& b = h.at("bgnbd");
  m.bgnbd = {b.at("r").get<double>(), b.at("alpha").get<double>(), b.at("a").get<double>(),
             b.at("b").get<double>()};
  if (h.contains("gamma_gamma")) {
    const json& g = h["gamma_gamma"];
    m.gamma_gamma =
        GammaGammaParams{g.at("p").get<double>(), g.at("q").get<double>(), g.at("v").get<double>()};
  }
  if (h.contains("no_show")) {
    const json& c = h["no_show"];
    ASSIGN_OR_RETURN(LogisticRegression classifier,
                     LogisticRegression::FromParameters(c.at("means").get<std::vector<double>>(),
                                                        c.at("scales").get<std::vector<double>>(),
                                                        c.at("weights").get<std::vector<double>>(),
                                                        c.at("bias").get<double>()));
    m.no_show = std::move(classifier);
  }
  m.notes = h.at("notes").get<std::vector<std::string>>();
  m.segment_feature_names = h.at("segment_feature_names").get<std::vector<std::string>>();
  for (const json& s : h.at("segments")) m.segments.push_back(SegmentFromJson(s));
  for (const json& x : h.at("metrics")) {
    m.metrics.push_back({x.at("model").get<std::string>(), x.at("metric").get<std::string>(),
                         x.at("value").get<double>()});
  }
  return Status::Ok();
}

bool Finite(const GuestPrediction& g) {
  for (float v : {g.probability_alive, g.expected_visits_90d, g.expected_spend_per_visit,
                  g.expected_value_90d, g.churn_risk, g.days_since_last_visit}) {
    if (!std::isfinite(v)) return false;
  }
  return true;
}

// The guests must be sorted by id, finite and in segments that exist.
Status CheckGuests(const BehaviourPredictions& m) {
  for (size_t i = 0; i < m.guests.size(); ++i) {
    const GuestPrediction& g = m.guests[i];
    if ((i > 0 && g.guest_id <= m.guests[i - 1].guest_id) || !Finite(g) ||
        m.FindSegment(g.segment) == nullptr) {
      return Status::InvalidArgument("guest prediction " + std::to_string(i) +
                                     " is out of order, not finite or in an unknown segment");
    }
  }
  return Status::Ok();
}

template <typename T>
void WritePod(std::ofstream& out, const T& value) {
  out.write(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <typename T>
bool ReadPod(std::ifstream& in, T& value) {
  return static_cast<bool>(in.read(reinterpret_cast<char*>(&value), sizeof(T)));
}

// The churn classifier's bytes (after the guests) with its header entry.
Status ReadChurnModel(std::ifstream& in, const json& header, BehaviourPredictions& m) {
  std::uint64_t size = 0;
  if (!ReadPod(in, size) || size > (256u << 20)) {
    return Status::InvalidArgument("truncated churn classifier");
  }
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), size)) return Status::InvalidArgument("truncated churn classifier");
  if (header.is_null() != (size == 0)) {
    return Status::InvalidArgument("churn classifier bytes and header disagree");
  }
  if (size == 0) return Status::Ok();
  try {
    auto kind = ParseReturnClassifierKind(header.at("kind").get<std::string>());
    if (!kind) return Status::InvalidArgument("unknown churn classifier kind");
    ASSIGN_OR_RETURN(ReturnClassifier classifier, ReturnClassifier::Deserialize(*kind, bytes));
    ChurnModel churn{std::move(classifier), std::nullopt,
                     header.at("feature_names").get<std::vector<std::string>>()};
    if (header.contains("calibration")) {
      const json& c = header["calibration"];
      churn.calibration = PlattScaling{c.at("slope").get<double>(), c.at("intercept").get<double>()};
    }
    m.churn = std::move(churn);
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("malformed churn classifier header: ") + e.what());
  }
  return Status::Ok();
}

StatusOr<std::shared_ptr<const BehaviourPredictions>> Parse(std::ifstream& in) {
  char magic[sizeof(kMagic)];
  std::uint32_t version = 0;
  std::uint64_t header_size = 0, guests = 0;
  if (!in.read(magic, sizeof(magic)) || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
    return Status::InvalidArgument("not a Sobremesa behaviour model (bad magic)");
  }
  if (!ReadPod(in, version) || version < 1 || version > kBehaviourModelVersion) {
    return Status::InvalidArgument("behaviour model version " + std::to_string(version) +
                                   ", this build reads versions 1 to " +
                                   std::to_string(kBehaviourModelVersion));
  }
  if (!ReadPod(in, header_size) || header_size > (64u << 20)) {
    return Status::InvalidArgument("truncated or oversized header");
  }
  std::string header(header_size, '\0');
  if (!in.read(header.data(), header_size)) return Status::InvalidArgument("truncated header");
  auto model = std::make_shared<BehaviourPredictions>();
  json churn_header;
  try {
    json parsed = json::parse(header);
    RETURN_IF_ERROR(HeaderFromJson(parsed, *model));
    if (parsed.contains("churn")) churn_header = parsed["churn"];
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string("malformed header: ") + e.what());
  }
  if (!ReadPod(in, guests) || guests > (1ull << 32)) {
    return Status::InvalidArgument("truncated guest count");
  }
  model->guests.resize(guests);
  if (!in.read(reinterpret_cast<char*>(model->guests.data()), guests * sizeof(GuestPrediction))) {
    return Status::InvalidArgument("truncated guest predictions");
  }
  RETURN_IF_ERROR(CheckGuests(*model));
  if (version >= 2) RETURN_IF_ERROR(ReadChurnModel(in, churn_header, *model));
  return std::shared_ptr<const BehaviourPredictions>(std::move(model));
}

}  // namespace

const GuestPrediction* BehaviourPredictions::Find(Id guest_id) const {
  auto it = std::lower_bound(guests.begin(), guests.end(), guest_id,
                             [](const GuestPrediction& g, Id id) { return g.guest_id < id; });
  return it != guests.end() && it->guest_id == guest_id ? &*it : nullptr;
}

const SegmentSummary* BehaviourPredictions::FindSegment(int segment_id) const {
  for (const SegmentSummary& s : segments) {
    if (s.id == segment_id) return &s;
  }
  return nullptr;
}

Status BehaviourPredictions::Save(const std::string& path) const {
  RETURN_IF_ERROR(CheckGuests(*this));
  const std::string header = HeaderToJson(*this).dump();
  std::string churn_bytes;
  if (churn) {
    ASSIGN_OR_RETURN(churn_bytes, churn->classifier.Serialize());
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(kMagic, sizeof(kMagic));
    WritePod(out, kBehaviourModelVersion);
    WritePod(out, static_cast<std::uint64_t>(header.size()));
    out.write(header.data(), header.size());
    WritePod(out, static_cast<std::uint64_t>(guests.size()));
    out.write(reinterpret_cast<const char*>(guests.data()),
              guests.size() * sizeof(GuestPrediction));
    WritePod(out, static_cast<std::uint64_t>(churn_bytes.size()));
    out.write(churn_bytes.data(), churn_bytes.size());
    if (!out.flush()) return Status::Internal("cannot write " + temporary);
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) return Status::Internal("cannot replace " + path + ": " + ec.message());
  return Status::Ok();
}

StatusOr<std::shared_ptr<const BehaviourPredictions>> BehaviourPredictions::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("no behaviour model at " + path);
  auto model = Parse(in);
  if (!model.ok()) return Status::InvalidArgument(path + ": " + model.status().message());
  return model;
}

}  // namespace sobremesa
