#include "evaluation/behaviour/return_evaluation.h"

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
// used to choose), with its validation AUC and whether it was chosen.
Status AddKinds(const std::string& dataset, const ReturnClassifierChoice& choice,
                const ReturnCut& test, std::vector<MetricRow>& rows) {
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    const std::string model = KindModel(kind);
    for (const auto& [k, auc] : choice.validation_auc) {
      if (k == kind) rows.push_back({dataset, model, "validation_auc", auc});
    }
    rows.push_back({dataset, model, "chosen", choice.classifier.kind() == kind ? 1.0 : 0.0});
    if (kind == ReturnClassifierKind::kMlp && !choice.validation_auc.empty()) {
      rows.push_back({dataset, model, "validation_auc_gain_ci95_low", choice.mlp_gain.low});
      rows.push_back({dataset, model, "validation_auc_gain_ci95_high", choice.mlp_gain.high});
    }
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
  std::vector<std::pair<ReturnClassifierKind, double>> auc;
  AucDifference mlp_gain;
};

// Each kind fitted on the cut one horizon before `fit_cut`, scored on it.
StatusOr<Validation> Validate(const std::vector<GuestTimeline>& timelines, const ReturnCut& fit_cut,
                              const ReturnCutOptions& options, const FitOptions& fit) {
  ASSIGN_OR_RETURN(ReturnCut earlier,
                   BuildReturnCut(timelines, fit_cut.cut_day - options.horizon_days, options, fit));
  Validation v;
  std::vector<std::vector<double>> p;
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    ASSIGN_OR_RETURN(ReturnClassifier c,
                     ReturnClassifier::Fit(kind, earlier.features, earlier.labels));
    p.push_back(c.PredictAll(fit_cut.features));
    ASSIGN_OR_RETURN(double auc, AreaUnderRoc(p.back(), fit_cut.labels));
    v.auc.push_back({kind, auc});
  }
  ASSIGN_OR_RETURN(v.mlp_gain, BootstrapAucDifference(p[1], p[0], fit_cut.labels));
  return v;
}

}  // namespace

StatusOr<ReturnClassifierChoice> ChooseReturnClassifier(const std::vector<GuestTimeline>& timelines,
                                                        int fit_cut_day,
                                                        const ReturnCutOptions& options,
                                                        const FitOptions& fit) {
  ASSIGN_OR_RETURN(ReturnCut fit_cut, BuildReturnCut(timelines, fit_cut_day, options, fit));
  auto validated = Validate(timelines, fit_cut, options, fit);
  Validation v;
  std::string note;
  if (validated.ok()) {
    v = std::move(validated).value();
  } else {
    note = "no validation window, logistic by default: " + validated.status().message();
  }
  // The simpler model unless the MLP is better beyond the luck of the
  // draw: the low end of the gain's bootstrap interval above zero.
  const ReturnClassifierKind best = validated.ok() && v.mlp_gain.low > 0
                                        ? ReturnClassifierKind::kMlp
                                        : ReturnClassifierKind::kLogistic;
  ASSIGN_OR_RETURN(ReturnClassifier classifier,
                   ReturnClassifier::Fit(best, fit_cut.features, fit_cut.labels));
  return ReturnClassifierChoice{std::move(fit_cut), std::move(classifier), std::move(v.auc),
                                v.mlp_gain, std::move(note)};
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
  std::vector<double> p = choice.classifier.PredictAll(test.features);
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
