#include "models/behaviour/active_dormant_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sobremesa {
namespace {

struct Histories {
  std::vector<PurchaseSummary> summaries;
  std::vector<std::vector<double>> repeat_times;
  double future = 0;  // purchases in (T, T + future_periods] of every customer, simulated on
};

// The model's own story, ages spread over [age/3, age], continued for
// `future_periods` after each customer's T.
Histories Simulate(const ActiveDormantParams& p, int customers, double age, unsigned seed,
                   double future_periods = 0) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(p.r, 1 / p.alpha);
  std::uniform_real_distribution<double> unit(0, 1);
  Histories out;
  for (int i = 0; i < customers; ++i) {
    double lambda = rate(rng);
    PurchaseSummary s;
    s.age = age * (1 + 2 * unit(rng)) / 3;
    std::vector<double> times;
    bool active = true;
    double horizon = s.age + future_periods;
    for (int period = 0; period < horizon; ++period) {
      if (period > 0) active = unit(rng) < (active ? 1 - p.go_dormant : p.come_back);
      if (!active) continue;
      double end = std::min<double>(period + 1, horizon);
      for (double t = period + std::exponential_distribution<double>(lambda)(rng); t < end;
           t += std::exponential_distribution<double>(lambda)(rng)) {
        if (t < s.age) {
          times.push_back(t);
        } else {
          out.future += 1;
        }
      }
    }
    s.frequency = times.size();
    s.recency = times.empty() ? 0 : times.back();
    out.summaries.push_back(s);
    out.repeat_times.push_back(std::move(times));
  }
  return out;
}

TEST(ActiveDormantModel, RecoversTheChainAndThePurchaseRates) {
  ActiveDormantParams truth{.r = 0.6, .alpha = 8, .go_dormant = 0.15, .come_back = 0.05};
  Histories h = Simulate(truth, 6000, 39, 3, 20);
  StatusOr<ActiveDormantModel> fit = ActiveDormantModel::Fit(h.summaries, h.repeat_times);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const ActiveDormantParams& p = fit->params();
  EXPECT_NEAR(p.go_dormant, truth.go_dormant, 0.3 * truth.go_dormant);
  EXPECT_NEAR(p.come_back, truth.come_back, 0.3 * truth.come_back);
  EXPECT_NEAR(p.r / p.alpha, truth.r / truth.alpha, 0.15 * truth.r / truth.alpha);
  // The next 20 periods of these customers, simulated on, against the true
  // model's expectation given each one's history (the fitted parameters'
  // sampling error moves a 20-period forecast by several per cent at this size).
  StatusOr<std::vector<double>> weekly =
      ActiveDormantModel(truth).CohortForecast(h.summaries, h.repeat_times, 20);
  ASSERT_TRUE(weekly.ok()) << weekly.status().ToString();
  double forecast = 0;
  for (double w : *weekly) forecast += w;
  EXPECT_NEAR(forecast, h.future, 0.08 * h.future);
}

TEST(ActiveDormantModel, WithoutDormancyItForecastsGammaPoisson) {
  // Nobody ever goes quiet: E[Y(t)] = t * (r + x) / (alpha + T) per customer.
  ActiveDormantModel model({.r = 0.5, .alpha = 5, .go_dormant = 0, .come_back = 0.3});
  std::vector<PurchaseSummary> cohort = {{.frequency = 2, .recency = 6.5, .age = 10.25},
                                         {.frequency = 0, .recency = 0, .age = 3.5}};
  std::vector<std::vector<double>> times = {{1.5, 6.5}, {}};
  StatusOr<std::vector<double>> weekly = model.CohortForecast(cohort, times, 3);
  ASSERT_TRUE(weekly.ok()) << weekly.status().ToString();
  double per_period = (0.5 + 2) / (5 + 10.25) + 0.5 / (5 + 3.5);
  for (double w : *weekly) EXPECT_NEAR(w, per_period, 1e-12);
}

TEST(ActiveDormantModel, AQuietSpellLowersTheForecastAndTheComebackRaisesIt) {
  // Same x and T; one bought late, the other long ago: the one quiet since is
  // probably dormant, and forecasts more when dormant customers come back.
  std::vector<PurchaseSummary> cohort = {{.frequency = 3, .recency = 2.5, .age = 20.5}};
  std::vector<std::vector<double>> early = {{0.5, 1.5, 2.5}}, late = {{17.5, 18.5, 19.5}};
  std::vector<PurchaseSummary> recent = {{.frequency = 3, .recency = 19.5, .age = 20.5}};
  auto total = [](const ActiveDormantModel& m, const std::vector<PurchaseSummary>& c,
                  const std::vector<std::vector<double>>& t) {
    StatusOr<std::vector<double>> w = m.CohortForecast(c, t, 10);
    EXPECT_TRUE(w.ok());
    double sum = 0;
    for (double v : *w) sum += v;
    return sum;
  };
  ActiveDormantModel returns({.r = 0.5, .alpha = 5, .go_dormant = 0.2, .come_back = 0.1});
  ActiveDormantModel never({.r = 0.5, .alpha = 5, .go_dormant = 0.2, .come_back = 1e-9});
  EXPECT_LT(total(returns, cohort, early), total(returns, recent, late));
  EXPECT_GT(total(returns, cohort, early), total(never, cohort, early));
}

TEST(ActiveDormantModel, BadInputIsAClearError) {
  std::vector<PurchaseSummary> cohort = {{.frequency = 2, .recency = 5, .age = 9}};
  Status count = ActiveDormantModel::Fit(cohort, {{5}}).status();
  EXPECT_EQ(count.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(count.message().find("customer 0"), std::string::npos);
  Status nobody = ActiveDormantModel::Fit({{.age = 4}, {.age = 6}}, {{}, {}}).status();
  EXPECT_EQ(nobody.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(nobody.message().find("repeat"), std::string::npos);
  ActiveDormantModel model({.r = 0.5, .alpha = 5, .go_dormant = 0.1, .come_back = 0.1});
  EXPECT_EQ(model.CohortForecast(cohort, {{1, 4}}, 5).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa
