#include "evaluation/recommendation/uci_restaurant_protocol.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <numeric>
#include <random>

#include "evaluation/recommendation/uci_restaurant_features.h"
#include "selection/recommendation/ranking_metrics.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "uci-restaurant";
constexpr int32_t kTopK = 5;
// Weights per km of distance, for sobremesa and profile_match, chosen on
// validation.
constexpr double kKmWeights[] = {0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};

enum class Mode { kWarm, kNew };
const char* ModeName(Mode m) { return m == Mode::kWarm ? "warm" : "new"; }

double Gain(int32_t overall) { return std::exp2(overall) - 1; }

// One held-out user: the restaurants whose ratings stayed in training (not
// ranked) and the gain of every restaurant (0 unless held out and liked).
struct TestCase {
  int32_t user = 0;
  std::vector<int32_t> known;
  std::vector<double> gains;
};

struct HeldOutSplit {
  std::vector<UciRating> train;
  std::vector<TestCase> cases;
};

// Holds out the ratings of the users marked in `held`: all of them (new), or
// a random half rounded down (warm; a user with one rating stays in
// training). A user whose held-out ratings are all 0 has no ideal ranking
// and gives no case.
HeldOutSplit HoldOut(const std::vector<UciRating>& ratings, const std::vector<bool>& held,
                     Mode mode, int32_t num_restaurants, std::mt19937_64& rng) {
  std::vector<std::vector<UciRating>> by_user(held.size());
  HeldOutSplit s;
  for (const UciRating& r : ratings) {
    if (held[r.user]) {
      by_user[r.user].push_back(r);
    } else {
      s.train.push_back(r);
    }
  }
  for (int32_t u = 0; u < static_cast<int32_t>(held.size()); ++u) {
    std::vector<UciRating>& mine = by_user[u];
    if (mine.empty()) continue;
    size_t out = mine.size();
    if (mode == Mode::kWarm) {
      std::shuffle(mine.begin(), mine.end(), rng);
      out = mine.size() / 2;
    }
    TestCase c{u, {}, std::vector<double>(num_restaurants, 0)};
    for (size_t k = 0; k < mine.size(); ++k) {
      if (k < out) {
        c.gains[mine[k].restaurant] = Gain(mine[k].overall);
      } else {
        c.known.push_back(mine[k].restaurant);
        s.train.push_back(mine[k]);
      }
    }
    if (std::any_of(c.gains.begin(), c.gains.end(), [](double g) { return g > 0; })) {
      s.cases.push_back(std::move(c));
    }
  }
  return s;
}

// Writes a score per restaurant for the user of a case; higher is better.
using Scorer = std::function<void(const TestCase&, std::vector<float>&)>;

struct NdcgSum {
  double sum = 0;
  int32_t cases = 0;
  double Mean() const { return cases > 0 ? sum / cases : 0; }
};

// NDCG@5 of each case over the restaurants it does not already know, ties
// broken by the lower index.
NdcgSum Evaluate(const std::vector<TestCase>& cases, int32_t num_restaurants,
                 const Scorer& scorer) {
  NdcgSum total;
  std::vector<float> scores(num_restaurants);
  std::vector<int32_t> candidates;
  for (const TestCase& c : cases) {
    scorer(c, scores);
    candidates.clear();
    for (int32_t i = 0; i < num_restaurants; ++i) {
      if (std::find(c.known.begin(), c.known.end(), i) == c.known.end()) candidates.push_back(i);
    }
    const size_t top = std::min<size_t>(kTopK, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + top, candidates.end(),
                      [&](int32_t a, int32_t b) {
                        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
                      });
    total.sum += GradedNdcgAtK({candidates.data(), top}, c.gains, kTopK);
    ++total.cases;
  }
  return total;
}

Scorer PopularityScorer(const std::vector<UciRating>& train, int32_t num_restaurants) {
  std::vector<float> counts(num_restaurants, 0);
  for (const UciRating& r : train) counts[r.restaurant] += 1;
  return [counts](const TestCase&, std::vector<float>& out) { out = counts; };
}

// Subtracts km_weight × the distance from the diner's home to each
// restaurant: people eat near where they live.
void SubtractDistance(const UciRestaurantData& data, int32_t user, double km_weight,
                      std::vector<float>& scores) {
  if (km_weight == 0) return;
  const UciUser& u = data.users[user];
  for (size_t i = 0; i < data.restaurants.size(); ++i) {
    const UciRestaurant& r = data.restaurants[i];
    scores[i] -= static_cast<float>(
        km_weight * DistanceKm(u.latitude, u.longitude, r.latitude, r.longitude));
  }
}

Scorer ProfileMatchScorer(const UciRestaurantData& data, double km_weight) {
  return [&data, km_weight](const TestCase& c, std::vector<float>& out) {
    for (size_t i = 0; i < data.restaurants.size(); ++i) {
      out[i] = static_cast<float>(ProfileMatches(data.users[c.user], data.restaurants[i]));
    }
    SubtractDistance(data, c.user, km_weight, out);
  };
}

// Distance alone: the nearest restaurants first.
Scorer NearestScorer(const UciRestaurantData& data) {
  return [&data](const TestCase& c, std::vector<float>& out) {
    std::fill(out.begin(), out.end(), 0.f);
    SubtractDistance(data, c.user, 1, out);
  };
}

Scorer WithDistance(const UciRestaurantData& data, Scorer base, double km_weight) {
  return [&data, base = std::move(base), km_weight](const TestCase& c, std::vector<float>& out) {
    base(c, out);
    SubtractDistance(data, c.user, km_weight, out);
  };
}

// The restaurants each user rated in `train`.
std::vector<std::vector<int32_t>> RatedBy(const std::vector<UciRating>& train, size_t num_users) {
  std::vector<std::vector<int32_t>> rated(num_users);
  for (const UciRating& r : train) rated[r.user].push_back(r.restaurant);
  return rated;
}

// Feature ids of a user: the profile, then (with history) one "hist:" id per
// restaurant rated in training, after the profile vocabulary.
void UserFeatures(const UciFeatures& features, const std::vector<int32_t>& rated, bool history,
                  int32_t user, std::vector<int32_t>& ids, std::vector<int32_t>& groups) {
  ids.assign(features.users.Row(user).begin(), features.users.Row(user).end());
  groups.assign(ids.size(), -1);
  if (!history) return;
  const int32_t profile = static_cast<int32_t>(features.user_names.size());
  for (int32_t restaurant : rated) {
    ids.push_back(profile + restaurant);
    groups.push_back(restaurant);  // hidden while training on that rating
  }
}

HybridData ToHybridData(const UciRestaurantData& data, const UciFeatures& features,
                        const std::vector<UciRating>& train, const UciHybridConfig& config) {
  HybridData d;
  d.num_users = static_cast<int32_t>(data.users.size());
  d.num_items = static_cast<int32_t>(data.restaurants.size());
  d.num_user_features = static_cast<int32_t>(features.user_names.size()) +
                        (config.history_features ? d.num_items : 0);
  d.num_item_features = static_cast<int32_t>(features.restaurant_names.size());
  const std::vector<std::vector<int32_t>> rated = RatedBy(train, data.users.size());
  std::vector<int32_t> ids, groups;
  for (int32_t u = 0; u < d.num_users; ++u) {
    UserFeatures(features, rated[u], config.history_features, u, ids, groups);
    d.user_features.AddRow(ids, groups);
  }
  d.item_features = features.restaurants;
  for (const UciRating& r : train) {
    const float weight =
        r.overall > 0 ? static_cast<float>(Gain(r.overall)) : config.zero_rating_weight;
    if (weight != 0) d.interactions.push_back({r.user, r.restaurant, weight, -1, r.restaurant});
  }
  return d;
}

// Trains the hybrid model on `train`; users with training ratings are scored
// with their id vector (and history), the others from their profile alone.
StatusOr<Scorer> HybridScorer(const UciRestaurantData& data, const UciFeatures& features,
                              const std::vector<UciRating>& train, const UciHybridConfig& config,
                              uint64_t seed) {
  HybridOptions options = config.model;
  options.seed = seed;
  ASSIGN_OR_RETURN(HybridModel trained,
                   TrainHybrid(ToHybridData(data, features, train, config), options, {}));
  auto model = std::make_shared<const HybridModel>(std::move(trained));
  auto rated = std::make_shared<const std::vector<std::vector<int32_t>>>(
      RatedBy(train, data.users.size()));
  const bool history = config.history_features;
  return Scorer([model, rated, history, &features](const TestCase& c, std::vector<float>& out) {
    std::vector<int32_t> ids, groups;
    UserFeatures(features, (*rated)[c.user], history, c.user, ids, groups);
    std::vector<WeightedFeature> weighted;
    for (int32_t f : ids) weighted.push_back({f, 1});
    float user[kMaxHybridDim];
    model->UserVector((*rated)[c.user].empty() ? -1 : c.user, weighted, {}, user);
    for (int32_t i = 0; i < model->num_items(); ++i) out[i] = model->Score(user, i);
  });
}

std::string Describe(const UciHybridConfig& c) {
  char text[160];
  std::snprintf(text, sizeof text, "%s dim %d epochs %d id_dropout %.1f l2 %g zero %.1f%s",
                HybridLossName(c.model.loss), c.model.dim, c.model.epochs, c.model.id_dropout,
                c.model.regularization, c.zero_rating_weight,
                c.history_features ? " history" : "");
  return text;
}

struct Choice {
  UciHybridConfig hybrid;
  double hybrid_km_weight = 0;  // of sobremesa
  double match_km_weight = 0;   // of profile_match
};

// Chooses the hybrid candidate with its km weight, and the km weight of
// profile_match, by NDCG@5 on validation users: a quarter of the users
// whose ratings are all in `train`, held out the same way as the test users.
StatusOr<Choice> Tune(const UciRestaurantData& data, const UciFeatures& features,
                      const std::vector<UciRating>& train, const std::vector<bool>& held,
                      Mode mode, const UciProtocolOptions& options, uint64_t seed,
                      const ProgressLog& log) {
  std::vector<int32_t> eligible;
  for (int32_t u = 0; u < static_cast<int32_t>(held.size()); ++u) {
    if (!held[u]) eligible.push_back(u);
  }
  std::mt19937_64 rng(seed);
  std::shuffle(eligible.begin(), eligible.end(), rng);
  std::vector<bool> validation_users(held.size(), false);
  for (size_t k = 0; k < std::max<size_t>(1, eligible.size() / 4) && k < eligible.size(); ++k) {
    validation_users[eligible[k]] = true;
  }
  const int32_t n = static_cast<int32_t>(data.restaurants.size());
  const HeldOutSplit v = HoldOut(train, validation_users, mode, n, rng);
  Choice choice;
  double best = -1;
  std::string line = std::string("  validation ") + ModeName(mode) + ":";
  for (const UciHybridConfig& candidate : options.grid) {
    ASSIGN_OR_RETURN(Scorer scorer, HybridScorer(data, features, v.train, candidate, seed));
    double best_here = -1;
    for (double w : kKmWeights) {
      const double ndcg = Evaluate(v.cases, n, WithDistance(data, scorer, w)).Mean();
      if (ndcg > best_here) best_here = ndcg;
      if (ndcg > best) best = ndcg, choice.hybrid = candidate, choice.hybrid_km_weight = w;
    }
    char part[24];
    std::snprintf(part, sizeof part, " %.4f", best_here);
    line += part;
  }
  best = -1;
  for (double w : kKmWeights) {
    const double ndcg = Evaluate(v.cases, n, ProfileMatchScorer(data, w)).Mean();
    if (ndcg > best) best = ndcg, choice.match_km_weight = w;
  }
  char weights[80];
  std::snprintf(weights, sizeof weights, " km weight %g; profile_match km weight %g",
                choice.hybrid_km_weight, choice.match_km_weight);
  Report(log, line + " -> " + Describe(choice.hybrid) + weights);
  return choice;
}

constexpr const char* kModels[] = {"sobremesa", "popularity", "profile_match", "nearest"};
constexpr size_t kNumModels = std::size(kModels);

}  // namespace

std::vector<UciHybridConfig> DefaultUciHybridGrid() {
  std::vector<UciHybridConfig> grid;
  for (HybridLoss loss : {HybridLoss::kBpr, HybridLoss::kSampledSoftmax}) {
    for (bool history : {false, true}) {
      for (float id_dropout : {0.3f, 0.7f}) {
        UciHybridConfig c;
        c.model.loss = loss;
        c.model.dim = 16;
        c.model.epochs = 40;
        c.model.batch_size = 128;
        c.model.negatives = 32;
        c.model.learning_rate = 0.02f;
        c.model.regularization = 1e-4f;
        c.model.id_dropout = id_dropout;
        c.zero_rating_weight = -1;
        c.history_features = history;
        grid.push_back(c);
      }
    }
  }
  return grid;
}

StatusOr<std::vector<MetricRow>> RunUciRestaurantProtocol(const UciRestaurantData& data,
                                                          const UciProtocolOptions& options,
                                                          const ProgressLog& log) {
  if (data.users.empty() || data.restaurants.empty() || data.ratings.empty()) {
    return Status::FailedPrecondition("uci-restaurant: no users, restaurants or ratings");
  }
  if (options.folds < 2 || options.seeds.empty() || options.grid.empty()) {
    return Status::InvalidArgument("uci-restaurant: need 2+ folds, a seed and a candidate");
  }
  const UciFeatures features = BuildUciFeatures(data);
  const int32_t num_users = static_cast<int32_t>(data.users.size());
  const int32_t n = static_cast<int32_t>(data.restaurants.size());
  // per_seed[mode][model][seed]: NDCG@5 over every user held out under that seed.
  std::vector<double> per_seed[2][kNumModels];
  for (uint64_t seed : options.seeds) {
    std::vector<int32_t> order(num_users);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    NdcgSum totals[2][kNumModels];
    for (int32_t fold = 0; fold < options.folds; ++fold) {
      std::vector<bool> held(num_users, false);
      for (int32_t k = fold; k < num_users; k += options.folds) held[order[k]] = true;
      for (Mode mode : {Mode::kWarm, Mode::kNew}) {
        const uint64_t split_seed = seed * 1000 + fold * 10 + (mode == Mode::kWarm ? 1 : 2);
        std::mt19937_64 split_rng(split_seed);
        const HeldOutSplit test = HoldOut(data.ratings, held, mode, n, split_rng);
        ASSIGN_OR_RETURN(Choice choice,
                         Tune(data, features, test.train, held, mode, options, split_seed, log));
        ASSIGN_OR_RETURN(Scorer ours,
                         HybridScorer(data, features, test.train, choice.hybrid, split_seed));
        const Scorer scorers[kNumModels] = {WithDistance(data, ours, choice.hybrid_km_weight),
                                            PopularityScorer(test.train, n),
                                            ProfileMatchScorer(data, choice.match_km_weight),
                                            NearestScorer(data)};
        std::string line = "seed " + std::to_string(seed) + " fold " + std::to_string(fold) +
                           " " + ModeName(mode) + " (" + std::to_string(test.cases.size()) +
                           " users):";
        for (size_t m = 0; m < kNumModels; ++m) {
          const NdcgSum s = Evaluate(test.cases, n, scorers[m]);
          NdcgSum& t = totals[mode == Mode::kWarm ? 0 : 1][m];
          t.sum += s.sum;
          t.cases += s.cases;
          char part[64];
          std::snprintf(part, sizeof part, " %s %.4f", kModels[m], s.Mean());
          line += part;
        }
        Report(log, line);
      }
    }
    for (int mode = 0; mode < 2; ++mode) {
      for (size_t m = 0; m < kNumModels; ++m) per_seed[mode][m].push_back(totals[mode][m].Mean());
    }
  }
  std::vector<MetricRow> rows;
  for (size_t m = 0; m < kNumModels; ++m) {
    for (int mode = 0; mode < 2; ++mode) {
      const std::vector<double>& v = per_seed[mode][m];
      const double mean = std::accumulate(v.begin(), v.end(), 0.0) / v.size();
      double squares = 0;
      for (double x : v) squares += (x - mean) * (x - mean);
      const double sd = v.size() > 1 ? std::sqrt(squares / (v.size() - 1)) : 0;
      const std::string metric = std::string("NDCG@5_") + ModeName(mode == 0 ? Mode::kWarm : Mode::kNew);
      rows.push_back({kDataset, kModels[m], metric, mean});
      rows.push_back({kDataset, kModels[m], metric + "_sd", sd});
    }
  }
  return rows;
}

StatusOr<std::vector<MetricRow>> RunUciRestaurantProtocol(const std::string& dir,
                                                          const ProgressLog& log) {
  ASSIGN_OR_RETURN(const UciRestaurantData data, LoadUciRestaurantData(dir));
  char line[120];
  std::snprintf(line, sizeof line, "uci-restaurant: %zu users, %zu restaurants, %zu ratings",
                data.users.size(), data.restaurants.size(), data.ratings.size());
  Report(log, line);
  return RunUciRestaurantProtocol(data, UciProtocolOptions{}, log);
}

}  // namespace sobremesa::recommendation
