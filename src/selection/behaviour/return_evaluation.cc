#include "selection/behaviour/return_evaluation.h"

#include <algorithm>

#include "models/behaviour/guest_context_features.h"

namespace sobremesa {
namespace {

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / v.size();
}

struct Scores {
  double auc = 0, brier = 0;
};

StatusOr<Scores> Score(const std::vector<double>& p, const std::vector<double>& labels) {
  Scores s;
  ASSIGN_OR_RETURN(s.auc, AreaUnderRoc(p, labels));
  ASSIGN_OR_RETURN(s.brier, BrierScore(p, labels));
  return s;
}

void AddScores(const std::string& dataset, const std::string& model, const Scores& s,
               std::vector<MetricRow>& rows) {
  rows.push_back({dataset, model, "auc", s.auc});
  rows.push_back({dataset, model, "brier", s.brier});
}

Status AddScores(const std::string& dataset, const std::string& model, const std::vector<double>& p,
                 const std::vector<double>& labels, std::vector<MetricRow>& rows) {
  ASSIGN_OR_RETURN(Scores s, Score(p, labels));
  AddScores(dataset, model, s, rows);
  return Status::Ok();
}

void AddCutSizes(const std::string& dataset, const ReturnCut& train, const ReturnCut& test,
                 std::vector<MetricRow>& rows) {
  rows.push_back({dataset, "sobremesa_churn", "train_customers", double(train.labels.size())});
  rows.push_back({dataset, "sobremesa_churn", "train_return_rate", Mean(train.labels)});
  rows.push_back({dataset, "sobremesa_churn", "test_customers", double(test.labels.size())});
  rows.push_back({dataset, "sobremesa_churn", "test_return_rate", Mean(test.labels)});
}

// The columns of `rows` that the feature set `groups` has, in order, given
// that `rows` hold the columns of `all_groups`.
std::vector<std::vector<double>> Columns(const std::vector<std::vector<double>>& rows,
                                         unsigned all_groups, unsigned groups) {
  const std::vector<std::string> all = ReturnCutFeatureNames(all_groups);
  std::vector<size_t> keep;
  for (const std::string& name : ReturnCutFeatureNames(groups)) {
    keep.push_back(std::find(all.begin(), all.end(), name) - all.begin());
  }
  std::vector<std::vector<double>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<double>& r = out.emplace_back();
    for (size_t j : keep) r.push_back(row[j]);
  }
  return out;
}

std::string KindModel(ReturnClassifierKind kind) {
  return "churn_" + std::string(ReturnClassifierName(kind));
}

// Which features matter: the chosen kind refitted without each context
// group in turn, and with visit history alone, scored on the test cut.
Status AddAblation(const std::string& dataset, const ReturnClassifierChoice& choice,
                   const ReturnCut& test, unsigned groups, double full_auc,
                   std::vector<MetricRow>& rows) {
  std::vector<std::pair<std::string, unsigned>> variants = {{"churn_history_only", 0}};
  for (const auto& [bit, name] : ContextFeatureGroups()) {
    if (groups & bit) variants.push_back({"churn_without_" + name, groups & ~bit});
  }
  for (const auto& [model, subset] : variants) {
    ASSIGN_OR_RETURN(ReturnClassifier c,
                     ReturnClassifier::Fit(choice.classifier.kind(),
                                           Columns(choice.fit_cut.features, groups, subset),
                                           choice.fit_cut.labels));
    ASSIGN_OR_RETURN(Scores s, Score(c.PredictAll(Columns(test.features, groups, subset)),
                                     test.labels));
    AddScores(dataset, model, s, rows);
    rows.push_back({dataset, model, "auc_change", s.auc - full_auc});
  }
  return Status::Ok();
}

// Every kind fitted on the fit cut, scored on the test cut (reported, never
// used to choose), with its validation scores and whether it was chosen.
Status AddKinds(const std::string& dataset, const ReturnClassifierChoice& choice,
                const ReturnCut& test, std::vector<MetricRow>& rows) {
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    const std::string model = KindModel(kind);
    for (const KindValidation& v : choice.validation) {
      if (v.kind != kind) continue;
      rows.push_back({dataset, model, "validation_auc", v.auc});
      rows.push_back({dataset, model, "validation_brier", v.brier});
      if (kind != ReturnClassifierKind::kLogistic) {
        rows.push_back({dataset, model, "validation_auc_gain_ci95_low", v.gain_over_logistic.low});
        rows.push_back(
            {dataset, model, "validation_auc_gain_ci95_high", v.gain_over_logistic.high});
      }
    }
    rows.push_back({dataset, model, "chosen", choice.classifier.kind() == kind ? 1.0 : 0.0});
    if (kind == choice.classifier.kind()) {  // already fitted
      RETURN_IF_ERROR(AddScores(dataset, model, choice.classifier.PredictAll(test.features),
                                test.labels, rows));
      continue;
    }
    ASSIGN_OR_RETURN(ReturnClassifier c, ReturnClassifier::Fit(kind, choice.fit_cut.features,
                                                               choice.fit_cut.labels));
    RETURN_IF_ERROR(AddScores(dataset, model, c.PredictAll(test.features), test.labels, rows));
  }
  return Status::Ok();
}

struct Validation {
  std::vector<KindValidation> kinds;
  std::vector<std::vector<double>> predictions;  // per kind, on the fit cut
};

// Each kind fitted on the cut one horizon before `fit_cut`, scored on it.
StatusOr<Validation> Validate(const std::vector<GuestTimeline>& timelines, const ReturnCut& fit_cut,
                              const ReturnCutOptions& options, const FitOptions& fit) {
  ASSIGN_OR_RETURN(ReturnCut earlier,
                   BuildReturnCut(timelines, fit_cut.cut_day - options.horizon_days, options, fit));
  Validation v;
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    ASSIGN_OR_RETURN(ReturnClassifier c,
                     ReturnClassifier::Fit(kind, earlier.features, earlier.labels));
    const std::vector<double>& p = v.predictions.emplace_back(c.PredictAll(fit_cut.features));
    KindValidation& k = v.kinds.emplace_back(KindValidation{.kind = kind});
    ASSIGN_OR_RETURN(k.auc, AreaUnderRoc(p, fit_cut.labels));
    ASSIGN_OR_RETURN(k.brier, BrierScore(p, fit_cut.labels));
    if (kind != ReturnClassifierKind::kLogistic) {
      ASSIGN_OR_RETURN(k.gain_over_logistic,
                       BootstrapAucDifference(p, v.predictions.front(), fit_cut.labels));
    }
  }
  return v;
}

// The simpler model unless a richer one is better beyond the luck of the
// draw (the low end of its gain's bootstrap interval above zero); among
// those, the best validation AUC.
ReturnClassifierKind ChooseKind(const std::vector<KindValidation>& validation) {
  ReturnClassifierKind best = ReturnClassifierKind::kLogistic;
  double best_auc = -1;
  for (const KindValidation& k : validation) {
    if (k.kind != ReturnClassifierKind::kLogistic && k.gain_over_logistic.low > 0 &&
        k.auc > best_auc) {
      best = k.kind;
      best_auc = k.auc;
    }
  }
  return best;
}

constexpr int kCalibrationFolds = 5;

// The Brier score of Platt scaling fitted on the other folds, on each fold
// (rows assigned to folds in turn: the cut's rows are in guest order, which
// carries no time), or the error of a fold's fit.
StatusOr<double> OutOfFoldPlattBrier(const std::vector<double>& p, const std::vector<double>& y) {
  std::vector<double> calibrated(p.size());
  for (int fold = 0; fold < kCalibrationFolds; ++fold) {
    std::vector<double> fit_p, fit_y;
    for (size_t i = 0; i < p.size(); ++i) {
      if (int(i % kCalibrationFolds) == fold) continue;
      fit_p.push_back(p[i]);
      fit_y.push_back(y[i]);
    }
    ASSIGN_OR_RETURN(PlattScaling s, PlattScaling::Fit(fit_p, fit_y));
    for (size_t i = fold; i < p.size(); i += kCalibrationFolds) calibrated[i] = s.Apply(p[i]);
  }
  return BrierScore(calibrated, y);
}

// Platt scaling of the chosen kind's validation predictions, when it helps
// out of fold; a reason in `note` when it could not be fitted.
void Calibrate(const std::vector<double>& p, const ReturnCut& fit_cut,
               ReturnClassifierChoice& choice) {
  auto platt_brier = OutOfFoldPlattBrier(p, fit_cut.labels);
  auto platt = platt_brier.ok() ? PlattScaling::Fit(p, fit_cut.labels)
                                : StatusOr<PlattScaling>(platt_brier.status());
  auto raw_brier = BrierScore(p, fit_cut.labels);
  if (!platt.ok() || !raw_brier.ok()) {
    choice.note += "no calibration: " + platt.status().message();
    return;
  }
  choice.validation_brier = *raw_brier;
  choice.validation_brier_platt = *platt_brier;
  if (*platt_brier < *raw_brier) choice.calibration = *platt;
}

}  // namespace

std::vector<double> ReturnClassifierChoice::PredictAll(
    const std::vector<std::vector<double>>& rows) const {
  std::vector<double> p = classifier.PredictAll(rows);
  return calibration ? calibration->ApplyAll(std::move(p)) : p;
}

StatusOr<ReturnClassifierChoice> ChooseReturnClassifier(const std::vector<GuestTimeline>& timelines,
                                                        int fit_cut_day,
                                                        const ReturnCutOptions& options,
                                                        const FitOptions& fit) {
  ASSIGN_OR_RETURN(ReturnCut fit_cut, BuildReturnCut(timelines, fit_cut_day, options, fit));
  auto validated = Validate(timelines, fit_cut, options, fit);
  std::string note;
  if (!validated.ok()) {
    note = "no validation window, logistic by default: " + validated.status().message();
  }
  const ReturnClassifierKind best =
      validated.ok() ? ChooseKind(validated->kinds) : ReturnClassifierKind::kLogistic;
  ASSIGN_OR_RETURN(ReturnClassifier classifier,
                   ReturnClassifier::Fit(best, fit_cut.features, fit_cut.labels));
  ReturnClassifierChoice choice{std::move(fit_cut), std::move(classifier)};
  choice.note = std::move(note);
  if (validated.ok()) {
    choice.validation = std::move(validated->kinds);
    Calibrate(validated->predictions[static_cast<size_t>(best)], choice.fit_cut, choice);
  }
  return choice;
}

StatusOr<ReturnReport> EvaluateReturnClassifier(const std::vector<GuestTimeline>& customers,
                                                const ReturnProtocol& protocol,
                                                const std::string& dataset) {
  if (protocol.train_cutoff_day + protocol.horizon_days > protocol.test_cutoff_day) {
    return Status::InvalidArgument(
        "return protocol: the training label window ends after the test cutoff, so the "
        "classifier would be fitted on the evaluation window");
  }
  const ReturnCutOptions options{.horizon_days = protocol.horizon_days,
                                 .context_groups = protocol.context_groups};
  ASSIGN_OR_RETURN(ReturnClassifierChoice choice,
                   ChooseReturnClassifier(customers, protocol.train_cutoff_day, options));
  ASSIGN_OR_RETURN(ReturnCut test,
                   BuildReturnCut(customers, protocol.test_cutoff_day, options, kReturnBgnbdFit));
  std::vector<double> p = choice.PredictAll(test.features);
  ReturnReport report;
  std::vector<MetricRow>& rows = report.metrics;
  ASSIGN_OR_RETURN(Scores full, Score(p, test.labels));
  AddScores(dataset, "sobremesa_churn", full, rows);
  RETURN_IF_ERROR(AddScores(dataset, "bgnbd", test.bgnbd_p_return, test.labels, rows));
  RETURN_IF_ERROR(AddScores(dataset, "bgnbd_p_alive", test.bgnbd_p_alive, test.labels, rows));
  // Is the gain over BG/NBD more than the luck of which customers were drawn?
  ASSIGN_OR_RETURN(AucDifference gain, BootstrapAucDifference(p, test.bgnbd_p_return, test.labels));
  rows.push_back({dataset, "sobremesa_churn", "auc_gain_over_bgnbd", gain.difference});
  rows.push_back({dataset, "sobremesa_churn", "auc_gain_ci95_low", gain.low});
  rows.push_back({dataset, "sobremesa_churn", "auc_gain_ci95_high", gain.high});
  rows.push_back({dataset, "sobremesa_churn", "calibrated", choice.calibration ? 1.0 : 0.0});
  if (!choice.validation.empty()) {
    rows.push_back({dataset, "sobremesa_churn", "validation_brier", choice.validation_brier});
    rows.push_back(
        {dataset, "sobremesa_churn", "validation_brier_platt", choice.validation_brier_platt});
  }
  AddCutSizes(dataset, choice.fit_cut, test, rows);
  RETURN_IF_ERROR(AddKinds(dataset, choice, test, rows));
  if (protocol.context_groups != 0 && protocol.ablation) {
    RETURN_IF_ERROR(
        AddAblation(dataset, choice, test, protocol.context_groups, full.auc, rows));
  }
  ASSIGN_OR_RETURN(report.reliability, ReliabilityTable(p, test.labels));
  return report;
}

std::vector<GuestTimeline> TimelinesOfPurchases(
    const std::vector<std::vector<PurchaseDay>>& customers) {
  std::vector<GuestTimeline> out;
  out.reserve(customers.size());
  for (const auto& days : customers) {
    GuestTimeline& g = out.emplace_back();
    for (const PurchaseDay& d : days) g.visits.push_back({.day = d.day, .spend = d.dollars});
  }
  return out;
}

}  // namespace sobremesa
