#include "models/behaviour/xgboost_classifier.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <random>

#include "models/behaviour/feature_matrix.h"

namespace sobremesa {

struct XgboostClassifier::Booster {
  BoosterHandle handle = nullptr;
  std::mutex mutex;  // XGBoost returns predictions in a buffer it owns
  ~Booster() {
    if (handle != nullptr) XGBoosterFree(handle);
  }
};

namespace {

Status XgbError(const std::string& what) {
  return Status::Internal("XGBoost: " + what + ": " + XGBGetLastError());
}

#define XGB_RETURN_IF_ERROR(call, what) \
  if ((call) != 0) return XgbError(what)

// A DMatrix freed with the scope.
class Matrix {
 public:
  ~Matrix() {
    if (handle_ != nullptr) XGDMatrixFree(handle_);
  }
  // Rows `rows` of `x` (all when empty), with `labels` (none when empty).
  Status Build(const std::vector<std::vector<double>>& x, const std::vector<size_t>& rows,
               const std::vector<double>& labels, int threads) {
    const size_t n = rows.empty() ? x.size() : rows.size();
    const size_t width = x.front().size();
    std::vector<float> data;
    data.reserve(n * width);
    std::vector<float> y;
    for (size_t k = 0; k < n; ++k) {
      const size_t i = rows.empty() ? k : rows[k];
      for (double v : x[i]) data.push_back(static_cast<float>(v));
      if (!labels.empty()) y.push_back(static_cast<float>(labels[i]));
    }
    // Every feature is finite (ValidateExamples), so no value is "missing".
    XGB_RETURN_IF_ERROR(XGDMatrixCreateFromMat_omp(data.data(), n, width, std::nanf(""), &handle_,
                                                   threads),
                        "cannot build a matrix");
    if (!y.empty()) {
      XGB_RETURN_IF_ERROR(XGDMatrixSetFloatInfo(handle_, "label", y.data(), y.size()),
                          "cannot set labels");
    }
    return Status::Ok();
  }
  DMatrixHandle handle() const { return handle_; }

 private:
  DMatrixHandle handle_ = nullptr;
};

StatusOr<std::shared_ptr<XgboostClassifier::Booster>> NewBooster(
    DMatrixHandle train, const XgboostOptions& o, int depth, double eta) {
  // Quiet: XGBoost warns on stderr by default, which would interleave with
  // the CLI's own output.
  XGB_RETURN_IF_ERROR(XGBSetGlobalConfig(R"({"verbosity": 0})"), "cannot set verbosity");
  auto booster = std::make_shared<XgboostClassifier::Booster>();
  XGB_RETURN_IF_ERROR(XGBoosterCreate(&train, 1, &booster->handle), "cannot create a booster");
  const std::pair<std::string, std::string> params[] = {
      {"objective", "binary:logistic"},
      {"eval_metric", "logloss"},
      {"tree_method", "hist"},
      {"max_depth", std::to_string(depth)},
      {"eta", std::to_string(eta)},
      {"min_child_weight", std::to_string(o.min_child_weight)},
      {"subsample", std::to_string(o.subsample)},
      {"seed", std::to_string(o.seed)},
      {"nthread", std::to_string(o.threads)}};
  for (const auto& [name, value] : params) {
    XGB_RETURN_IF_ERROR(XGBoosterSetParam(booster->handle, name.c_str(), value.c_str()),
                        "cannot set " + name);
  }
  return booster;
}

// The held-out log-loss after round `iter`, from XGBoost's evaluation text
// ("[iter]\theld_out-logloss:0.41").
StatusOr<double> HeldOutLogLoss(BoosterHandle booster, int iter, DMatrixHandle held_out) {
  const char* names[] = {"held_out"};
  const char* text = nullptr;
  XGB_RETURN_IF_ERROR(XGBoosterEvalOneIter(booster, iter, &held_out, names, 1, &text),
                      "cannot evaluate");
  const char* colon = std::strrchr(text, ':');
  if (colon == nullptr) return Status::Internal(std::string("XGBoost: unreadable score ") + text);
  return std::strtod(colon + 1, nullptr);
}

Status Boost(BoosterHandle booster, DMatrixHandle train, int from, int to) {
  for (int iter = from; iter < to; ++iter) {
    XGB_RETURN_IF_ERROR(XGBoosterUpdateOneIter(booster, iter, train), "a boosting round failed");
  }
  return Status::Ok();
}

// A stratified held-out share: both classes on both sides. Empty when a
// class has fewer than two examples.
void SplitForTuning(const std::vector<double>& y, const XgboostOptions& o,
                    std::vector<size_t>& fit, std::vector<size_t>& held_out) {
  std::mt19937_64 rng(o.seed);
  for (double label : {0.0, 1.0}) {
    std::vector<size_t> rows;
    for (size_t i = 0; i < y.size(); ++i) {
      if (y[i] == label) rows.push_back(i);
    }
    if (rows.size() < 2) {
      fit.clear();
      held_out.clear();
      return;
    }
    std::shuffle(rows.begin(), rows.end(), rng);
    const size_t hold =
        std::clamp<size_t>(size_t(std::lround(o.held_out_share * rows.size())), 1, rows.size() - 1);
    held_out.insert(held_out.end(), rows.begin(), rows.begin() + hold);
    fit.insert(fit.end(), rows.begin() + hold, rows.end());
  }
}

// Every (depth, eta) boosted until the held-out log-loss stalls; the best.
StatusOr<XgboostTuning> Tune(const std::vector<std::vector<double>>& x,
                             const std::vector<double>& y, const XgboostOptions& o) {
  std::vector<size_t> fit_rows, held_rows;
  SplitForTuning(y, o, fit_rows, held_rows);
  XgboostTuning best;
  if (held_rows.empty()) return best;  // the fixed defaults
  Matrix fit, held;
  RETURN_IF_ERROR(fit.Build(x, fit_rows, y, o.threads));
  RETURN_IF_ERROR(held.Build(x, held_rows, y, o.threads));
  best.held_out_log_loss = INFINITY;
  for (int depth : o.depths) {
    for (double eta : o.etas) {
      ASSIGN_OR_RETURN(auto booster, NewBooster(fit.handle(), o, depth, eta));
      double lowest = INFINITY;
      int lowest_round = 0;
      for (int iter = 0; iter < o.max_rounds && iter - lowest_round < o.patience; ++iter) {
        RETURN_IF_ERROR(Boost(booster->handle, fit.handle(), iter, iter + 1));
        ASSIGN_OR_RETURN(double loss, HeldOutLogLoss(booster->handle, iter, held.handle()));
        if (loss < lowest) {
          lowest = loss;
          lowest_round = iter;
        }
      }
      if (lowest < best.held_out_log_loss) {
        best = {.tuned = true, .depth = depth, .eta = eta, .rounds = lowest_round + 1,
                .held_out_log_loss = lowest};
      }
    }
  }
  if (!std::isfinite(best.held_out_log_loss)) {
    return Status::FailedPrecondition("XGBoost: the held-out log-loss is not finite");
  }
  return best;
}

}  // namespace

StatusOr<XgboostClassifier> XgboostClassifier::Fit(const std::vector<std::vector<double>>& x,
                                                   const std::vector<double>& y,
                                                   const XgboostOptions& options) {
  RETURN_IF_ERROR(ValidateExamples("XGBoost", x, y));
  ASSIGN_OR_RETURN(XgboostTuning tuning, Tune(x, y, options));
  Matrix all;
  RETURN_IF_ERROR(all.Build(x, {}, y, options.threads));
  ASSIGN_OR_RETURN(auto booster, NewBooster(all.handle(), options, tuning.depth, tuning.eta));
  RETURN_IF_ERROR(Boost(booster->handle, all.handle(), 0, tuning.rounds));
  return XgboostClassifier(std::move(booster), int(x.front().size()), tuning);
}

std::vector<double> XgboostClassifier::PredictAll(
    const std::vector<std::vector<double>>& rows) const {
  std::vector<double> out;
  if (rows.empty()) return out;
  Matrix m;
  std::lock_guard lock(booster_->mutex);
  const bst_ulong* shape = nullptr;
  bst_ulong dims = 0;
  const float* p = nullptr;
  const char* config =
      R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false})";
  // A fitted booster predicting rows of its own width fails only on
  // exhausted memory; then the rows get no score rather than a guess.
  if (!m.Build(rows, {}, {}, 1).ok() ||
      XGBoosterPredictFromDMatrix(booster_->handle, m.handle(), config, &shape, &dims, &p) != 0) {
    return std::vector<double>(rows.size(), std::nan(""));
  }
  out.assign(p, p + rows.size());
  return out;
}

double XgboostClassifier::Predict(std::span<const double> features) const {
  return PredictAll({std::vector<double>(features.begin(), features.end())}).front();
}

StatusOr<std::string> XgboostClassifier::Serialize() const {
  std::lock_guard lock(booster_->mutex);
  bst_ulong size = 0;
  const char* bytes = nullptr;
  XGB_RETURN_IF_ERROR(
      XGBoosterSaveModelToBuffer(booster_->handle, R"({"format": "ubj"})", &size, &bytes),
      "cannot save the model");
  return std::string(bytes, size);
}

StatusOr<XgboostClassifier> XgboostClassifier::Deserialize(const std::string& bytes) {
  auto booster = std::make_shared<Booster>();
  if (XGBoosterCreate(nullptr, 0, &booster->handle) != 0 ||
      XGBoosterLoadModelFromBuffer(booster->handle, bytes.data(), bytes.size()) != 0) {
    return Status::InvalidArgument(std::string("XGBoost model: ") + XGBGetLastError());
  }
  bst_ulong features = 0;
  if (XGBoosterGetNumFeature(booster->handle, &features) != 0 || features == 0) {
    return Status::InvalidArgument("XGBoost model: no features");
  }
  return XgboostClassifier(std::move(booster), int(features), std::nullopt);
}

}  // namespace sobremesa
