#include "service/behaviour_training.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>

#include "common/data_hash.h"
#include "models/behaviour/guest_context_features.h"
#include "models/behaviour/return_features.h"
#include "models/behaviour/rfm_scores.h"
#include "selection/behaviour/guest_timeline_loader.h"
#include "selection/behaviour/no_show_evaluation.h"
#include "selection/behaviour/return_evaluation.h"
#include "service/behaviour_segments.h"
#include "service/restaurant_activity.h"

namespace sobremesa {
namespace {

constexpr int kHorizonDays = 91;  // "90 days": 13 whole weeks
constexpr double kDaysPerWeek = 7;
constexpr double kHorizonWeeks = kHorizonDays / kDaysPerWeek;

// Each guest's visit days (Lima calendar, several visits on a day merged,
// soles summed) on an origin at the restaurant's first visit.
struct Timeline {
  std::vector<std::vector<PurchaseDay>> guests;  // as activity.guests
  int today = 0;                                 // the day of `now`
};

Timeline VisitDays(const RestaurantActivity& activity, UnixSeconds now) {
  int origin = LocalDayNumber(now);
  for (const GuestActivity& g : activity.guests)
    origin = std::min(origin, LocalDayNumber(g.visits[0].seated_at));
  Timeline t{{}, LocalDayNumber(now) - origin};
  for (const GuestActivity& g : activity.guests) {
    std::vector<PurchaseDay>& days = t.guests.emplace_back();
    for (const Visit& v : g.visits) {
      const int day = LocalDayNumber(v.seated_at) - origin;
      if (days.empty() || days.back().day != day) days.push_back({day, 0});
      days.back().dollars += std::max<Centimos>(0, v.spend) / 100.0;
    }
  }
  return t;
}

// The days before `cutoff_day` as a purchase history in weeks.
std::vector<TimedPurchase> HistoryBefore(const std::vector<PurchaseDay>& days, int cutoff_day) {
  std::vector<TimedPurchase> h;
  for (const PurchaseDay& d : days) {
    if (d.day < cutoff_day) h.push_back({d.day / kDaysPerWeek, d.dollars});
  }
  return h;
}

// BG/NBD needs T > 0; a guest first seen today is given one day.
PurchaseSummary Summary(const std::vector<TimedPurchase>& h, double end_week) {
  PurchaseSummary s = SummarizePurchases(h, end_week);
  s.age = std::max(s.age, 1 / kDaysPerWeek);
  return s;
}

// BG/NBD at the requested tolerance, else at one 100 times looser: a small
// restaurant's likelihood is often a long flat ridge (Beta dropout with
// a, b growing together) where LBFGS crawls, yet every point along it
// forecasts nearly the same. The looser fit is noted; if that fails too,
// training fails (FailedPrecondition) and the previous file stays.
StatusOr<BgnbdModel> FitBgnbd(const std::vector<PurchaseSummary>& summaries, const FitOptions& fit,
                              std::vector<std::string>& notes) {
  auto strict = BgnbdModel::Fit(summaries, fit);
  // Only non-convergence is worth a second try; bad data fails the same way.
  if (strict.ok() || strict.status().message().find("converge") == std::string::npos) return strict;
  FitOptions looser = fit;
  looser.gradient_tolerance *= 100;
  auto fallback = BgnbdModel::Fit(summaries, looser);
  if (!fallback.ok()) return strict.status();
  notes.push_back("BG/NBD " + strict.status().message() +
                  "; kept the fit at a gradient tolerance of " +
                  std::to_string(looser.gradient_tolerance));
  return fallback;
}

// Walk-ins are never on the book, so they cannot be no-shows (as in the
// evaluation protocol).
StatusOr<LogisticRegression> FitNoShowClassifier(const std::vector<Reservation>& book) {
  std::vector<std::vector<double>> rows = NoShowFeatureRows(book), features;
  std::vector<double> labels;
  for (size_t i = 0; i < book.size(); ++i) {
    if (!IsNoShowCandidate(book[i]) || book[i].channel == "walk_in") continue;
    features.push_back(std::move(rows[i]));
    labels.push_back(book[i].status == ReservationStatus::kNoShow);
  }
  if (features.empty()) return Status::FailedPrecondition("no settled reservation on the book");
  return LogisticRegression::Fit(features, labels);
}

// E[visits in the horizon]. BG/NBD's closed form needs 2F1 with
// c = a + b + x - 1 > 0, which a one-visit guest breaks when a + b < 1 (a
// restaurant's regulars produce such fits). Then: P(alive) times the
// posterior mean rate of an alive guest, (r + x) / (alpha + T), over the
// horizon, which ignores dropout within the horizon (slightly high).
double ExpectedVisits(const BgnbdModel& m, const PurchaseSummary& s, int& approximated) {
  StatusOr<double> exact = m.ConditionalExpectedPurchases(s, kHorizonWeeks);
  if (exact.ok() && std::isfinite(*exact) && *exact >= 0) return *exact;
  approximated += 1;
  const BgnbdParams& p = m.params();
  return m.ProbabilityAlive(s) * (p.r + s.frequency) / (p.alpha + s.age) * kHorizonWeeks;
}

double MeanSpend(const std::vector<PurchaseDay>& days) {
  double sum = 0;
  for (const PurchaseDay& d : days) sum += d.dollars;
  return sum / days.size();
}

struct Fitted {
  BgnbdModel bgnbd{BgnbdParams{}};
  std::optional<GammaGammaModel> gamma_gamma;
  std::vector<std::optional<double>> p_return;  // the churn classifier's, per guest
};

// The churn classifier sees every feature group the store can fill.
ReturnCutOptions ChurnFeatures() {
  return {.horizon_days = kHorizonDays, .context_groups = kAllContextFeatures};
}

void AddRows(const std::vector<MetricRow>& rows, std::vector<ModelMetric>& out) {
  for (const MetricRow& r : rows) out.push_back({r.model, r.metric, r.value});
}

// The classifiers' and BG/NBD's scores on the temporal holdouts of the
// evaluation protocols; a protocol that cannot run is noted, not fatal.
void AddHoldoutMetrics(const RestaurantTimelines& t, const RestaurantActivity& a,
                       BehaviourPredictions& m) {
  ReturnProtocol protocol{.train_cutoff_day = t.today + 1 - 2 * kHorizonDays,
                          .test_cutoff_day = t.today + 1 - kHorizonDays,
                          .horizon_days = kHorizonDays,
                          .context_groups = kAllContextFeatures,
                          .ablation = false};
  auto churn = EvaluateReturnClassifier(t.guests, protocol, "restaurant");
  if (churn.ok()) {
    AddRows(churn->metrics, m.metrics);
  } else {
    m.notes.push_back("churn holdout not measured: " + churn.status().message());
  }
  auto no_show = EvaluateNoShow(a.reservations, "restaurant");
  if (no_show.ok()) {
    AddRows(no_show->metrics, m.metrics);
  } else {
    m.notes.push_back("no-show holdout not measured: " + no_show.status().message());
  }
}

// Every guest's P(return within 90 days) by the churn classifier: its kind
// chosen on a validation window and fitted on the last label window that
// ends today (ChooseReturnClassifier, as in the evaluation protocol), then
// applied to the features of today's cut with the serving BG/NBD fit. The
// classifier and its calibration go into the model file.
StatusOr<std::vector<std::optional<double>>> ScoreChurn(const RestaurantTimelines& timelines,
                                                        const BgnbdModel& bgnbd,
                                                        const FitOptions& fit,
                                                        BehaviourPredictions& m) {
  const int today_cut = timelines.today + 1;
  ReturnCutOptions options = ChurnFeatures();
  ASSIGN_OR_RETURN(ReturnClassifierChoice choice,
                   ChooseReturnClassifier(timelines.guests, today_cut - kHorizonDays, options, fit));
  std::string chosen = "churn classifier: " + choice.classifier.Describe();
  for (const KindValidation& v : choice.validation) {
    chosen += ", " + std::string(ReturnClassifierName(v.kind)) + " validation AUC " +
              std::to_string(v.auc);
  }
  if (choice.calibration) chosen += ", Platt-scaled";
  m.notes.push_back(choice.note.empty() ? chosen : chosen + " (" + choice.note + ")");
  options.include_newcomers = true;
  ReturnCut today = GuestsAtCut(timelines.guests, today_cut, options);
  RETURN_IF_ERROR(AddReturnFeatures(timelines.guests, bgnbd, options, today));
  const std::vector<double> scores = choice.PredictAll(today.features);
  std::vector<std::optional<double>> p(timelines.guests.size());
  for (size_t row = 0; row < today.guests.size(); ++row) {
    // A classifier that failed to score (XGBoost out of memory) leaves the
    // guest to BG/NBD rather than let a NaN reach the outlook.
    if (std::isfinite(scores[row])) p[today.guests[row]] = scores[row];
  }
  m.churn = ChurnModel{choice.classifier, choice.calibration, ReturnCutFeatureNames(options.context_groups)};
  return p;
}

StatusOr<Fitted> FitModels(const RestaurantTimelines& timelines,
                           const std::vector<PurchaseSummary>& summaries,
                           const RestaurantActivity& a, const FitOptions& fit,
                           BehaviourPredictions& m) {
  Fitted f;
  auto bgnbd = FitBgnbd(summaries, fit, m.notes);
  if (!bgnbd.ok()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(m.restaurant_id) +
                                      ": cannot fit BG/NBD: " + bgnbd.status().message());
  }
  f.bgnbd = *bgnbd;
  m.bgnbd = f.bgnbd.params();
  auto gg = GammaGammaModel::Fit(summaries, fit);
  if (gg.ok() && gg->params().q > 1) {
    f.gamma_gamma = *gg;
    m.gamma_gamma = gg->params();
  } else {
    m.notes.push_back(
        "Gamma-Gamma not used (" +
        (gg.ok() ? std::string("q <= 1: infinite mean spend") : gg.status().message()) +
        "); expected spend is each guest's observed mean");
  }
  auto churn = ScoreChurn(timelines, f.bgnbd, fit, m);
  if (churn.ok()) {
    f.p_return = std::move(churn).value();
  } else {
    f.p_return.assign(timelines.guests.size(), std::nullopt);
    m.notes.push_back("churn classifier not fitted (" + churn.status().message() +
                      "); churn risk is 1 - BG/NBD P(return in 90 days)");
  }
  auto no_show = FitNoShowClassifier(a.reservations);
  if (no_show.ok()) {
    m.no_show = *no_show;
  } else {
    m.notes.push_back("no-show classifier not fitted: " + no_show.status().message());
  }
  return f;
}

StatusOr<GuestPrediction> Predict(const Fitted& f, size_t guest,
                                  const std::vector<PurchaseDay>& days, const PurchaseSummary& s,
                                  int today, int& approximated) {
  GuestPrediction g;
  g.probability_alive = f.bgnbd.ProbabilityAlive(s);
  g.expected_visits_90d = ExpectedVisits(f.bgnbd, s, approximated);
  double spend = MeanSpend(days);
  if (f.gamma_gamma && s.mean_repeat_spend > 0) {
    ASSIGN_OR_RETURN(spend, f.gamma_gamma->ConditionalExpectedSpend(s));
  }
  g.expected_spend_per_visit = spend;
  g.expected_value_90d = g.expected_visits_90d * spend;
  g.churn_risk = 1 - f.p_return[guest].value_or(f.bgnbd.ProbabilityOfPurchase(s, kHorizonWeeks));
  g.days_since_last_visit = today - days.back().day;
  g.visits = int(days.size());
  return g;
}

Status AddRfm(const std::vector<GuestBehaviour>& b, std::vector<GuestPrediction>& guests) {
  std::vector<RfmInput> inputs;
  for (const GuestBehaviour& g : b)
    inputs.push_back({g.days_since_last_visit, g.visits, g.mean_spend});
  ASSIGN_OR_RETURN(std::vector<RfmScore> scores, ScoreRfm(inputs));
  for (size_t i = 0; i < guests.size(); ++i) {
    guests[i].rfm_recency = scores[i].recency;
    guests[i].rfm_frequency = scores[i].frequency;
    guests[i].rfm_monetary = scores[i].monetary;
  }
  return Status::Ok();
}

void AddParameterMetrics(const BehaviourPredictions& m, const Segmentation& s,
                         std::vector<ModelMetric>& out) {
  out.insert(out.end(), {{"bgnbd", "r", m.bgnbd.r},
                         {"bgnbd", "alpha", m.bgnbd.alpha},
                         {"bgnbd", "a", m.bgnbd.a},
                         {"bgnbd", "b", m.bgnbd.b},
                         {"segments", "k", double(s.segments.size())},
                         {"segments", "silhouette", s.silhouette}});
  if (m.gamma_gamma) {
    out.insert(out.end(), {{"gamma_gamma", "p", m.gamma_gamma->p},
                           {"gamma_gamma", "q", m.gamma_gamma->q},
                           {"gamma_gamma", "v", m.gamma_gamma->v}});
  }
}

double SecondsSince(std::chrono::steady_clock::time_point& mark) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - mark).count();
  mark = now;
  return seconds;
}

// Guests are read twice (activity, timelines): a guest added in between
// would shift one list against the other.
Status SameGuests(const RestaurantActivity& a, const RestaurantTimelines& t) {
  bool same = a.guests.size() == t.guest_ids.size();
  for (size_t i = 0; same && i < a.guests.size(); ++i) same = a.guests[i].guest_id == t.guest_ids[i];
  if (same) return Status::Ok();
  return Status::FailedPrecondition("behaviour training: guests changed while the store was read; "
                                    "train again");
}

// Both reads' hashes: the timelines' covers feedback and its analyses (the
// churn classifier's sentiment features), the activity's the reservations.
std::string TrainingDataHash(const RestaurantActivity& a, const RestaurantTimelines& t) {
  DataHash hash;
  hash.Add(a.data_hash);
  hash.Add(t.data_hash);
  return hash.Hex();
}

}  // namespace

std::string BehaviourModelPath(const std::string& data_dir, Id restaurant_id) {
  return (std::filesystem::path(data_dir) / "models" /
          ("restaurant-" + std::to_string(restaurant_id)) / "behavior_prediction_model.pt")
      .string();
}

StatusOr<BehaviourTrainingReport> TrainBehaviour(Store& store, Id restaurant_id,
                                                 const std::string& data_dir, UnixSeconds now,
                                                 const BehaviourTrainingOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto mark = start;
  BehaviourTrainingReport report;
  ASSIGN_OR_RETURN(RestaurantActivity activity, LoadRestaurantActivity(store, restaurant_id, now));
  if (activity.guests.empty()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(restaurant_id) +
                                      " has no visit by a known guest yet: nothing to learn");
  }
  // The churn classifier's timelines, in the same guest order.
  ASSIGN_OR_RETURN(RestaurantTimelines timelines, LoadGuestTimelines(store, restaurant_id, now));
  RETURN_IF_ERROR(SameGuests(activity, timelines));
  report.load_seconds = SecondsSince(mark);
  const Timeline t = VisitDays(activity, now);
  const double end_week = t.today / kDaysPerWeek;
  std::vector<PurchaseSummary> summaries;
  for (const auto& days : t.guests)
    summaries.push_back(Summary(HistoryBefore(days, t.today + 1), end_week));

  auto model = std::make_shared<BehaviourPredictions>();
  model->restaurant_id = restaurant_id;
  model->trained_at = std::time(nullptr);
  model->observed_until = now;
  model->data_hash = TrainingDataHash(activity, timelines);
  ASSIGN_OR_RETURN(Fitted fitted,
                   FitModels(timelines, summaries, activity, options.fit, *model));
  AddHoldoutMetrics(timelines, activity, *model);
  report.fit_seconds = SecondsSince(mark);

  int approximated = 0;
  const auto records = GuestBookingRecords(activity.reservations);
  for (size_t i = 0; i < t.guests.size(); ++i) {
    ASSIGN_OR_RETURN(GuestPrediction g,
                     Predict(fitted, i, t.guests[i], summaries[i], t.today, approximated));
    g.guest_id = activity.guests[i].guest_id;
    if (auto r = records.find(g.guest_id); r != records.end()) g.bookings = r->second;
    model->guests.push_back(g);
  }
  if (approximated > 0) {
    model->notes.push_back("expected visits of " + std::to_string(approximated) +
                           " guests approximated: BG/NBD's closed form is undefined for them "
                           "(a + b + x <= 1)");
  }
  SegmentInputs inputs = BuildSegmentInputs(activity, t.guests, t.today);
  RETURN_IF_ERROR(AddRfm(inputs.guests, model->guests));
  report.scoring_seconds = SecondsSince(mark);
  SegmentationOptions seg_options{.seed = options.seed, .threads = options.threads};
  ASSIGN_OR_RETURN(Segmentation segmentation,
                   SegmentGuests(inputs.guests, inputs.tastes, seg_options));
  for (size_t i = 0; i < model->guests.size(); ++i) {
    model->guests[i].segment = segmentation.segment_of_guest[i];
  }
  report.segmentation_seconds = SecondsSince(mark);
  model->segment_feature_names = segmentation.feature_names;
  model->segments = SummariseSegments(segmentation, model->guests, inputs.guests);
  AddParameterMetrics(*model, segmentation, model->metrics);

  report.model_path = BehaviourModelPath(data_dir, restaurant_id);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(report.model_path).parent_path(), ec);
  if (ec) return Status::Internal("cannot create model directory: " + ec.message());
  RETURN_IF_ERROR(model->Save(report.model_path));
  report.data_hash = model->data_hash;
  report.guests = std::int64_t(model->guests.size());
  for (const PurchaseSummary& s : summaries) report.repeaters += s.frequency > 0;
  report.segments = int(model->segments.size());
  report.metrics = model->metrics;
  report.notes = model->notes;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

StatusOr<std::shared_ptr<const BehaviourPredictions>> LoadBehaviour(const std::string& data_dir,
                                                                    Id restaurant_id) {
  return BehaviourPredictions::Load(BehaviourModelPath(data_dir, restaurant_id));
}

}  // namespace sobremesa
