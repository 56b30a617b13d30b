// Behaviour training and serving on small restaurants built for each case,
// including the bad ones: one-visit guests, zero-spend visits, a cohort with
// no repeaters, an optimiser that does not converge, reservations in the past.

#include "service/behaviour_training.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <random>
#include <sstream>

#include "service/behaviour_service.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

constexpr UnixSeconds kDay = 86400;

class BehaviourTrainingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("behaviour-training-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = std::move(OpenSqliteStore((dir_ / "db.sqlite").string())).value();
    Restaurant r;
    r.external_id = "r";
    restaurant_ = *store_->UpsertRestaurant(r);
    MenuItem cebiche, lomo;
    cebiche.restaurant_id = lomo.restaurant_id = restaurant_;
    cebiche.name_es = "cebiche";
    cebiche.category = "cebiche";
    lomo.name_es = "lomo saltado";
    lomo.category = "criollo";
    items_ = *store_->UpsertMenuItems(std::vector<MenuItem>{cebiche, lomo});
    now_ = *ParseTimestamp("2026-06-30T12:00");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Id AddGuest(bool marketing) {
    Guest g;
    g.restaurant_id = restaurant_;
    g.name = "Guest";
    g.consent.marketing = marketing;
    return store_->UpsertGuests(std::vector<Guest>{g})->front();
  }

  // A visit `days_ago` days before now with its reservation (completed, or
  // a no-show which leaves no visit) and one order line.
  void AddVisit(Id guest, int days_ago, Centimos spend, bool no_show = false) {
    Reservation r;
    r.restaurant_id = restaurant_;
    r.guest_id = guest;
    r.reserved_for = now_ - days_ago * kDay - 3600;
    r.created_at = r.reserved_for - 5 * kDay;
    r.channel = days_ago % 2 ? "web" : "phone";
    r.status = no_show ? ReservationStatus::kNoShow : ReservationStatus::kCompleted;
    Id reservation = store_->UpsertReservations(std::vector<Reservation>{r})->front();
    if (no_show) return;
    Visit v;
    v.restaurant_id = restaurant_;
    v.guest_id = guest;
    v.reservation_id = reservation;
    v.seated_at = r.reserved_for;
    v.spend = spend;
    Id visit = store_->UpsertVisits(std::vector<Visit>{v})->front();
    OrderLine line;
    line.restaurant_id = restaurant_;
    line.visit_id = visit;
    line.item_id = items_[days_ago % 2];
    line.ordered_at = v.seated_at;
    ASSERT_TRUE(store_->UpsertOrderLines(std::vector<OrderLine>{line}).ok());
  }

  Id AddBooking(UnixSeconds at, Id guest, ReservationStatus status = ReservationStatus::kBooked) {
    Reservation r;
    r.restaurant_id = restaurant_;
    r.guest_id = guest;
    r.reserved_for = at;
    r.created_at = at - 10 * kDay;
    r.channel = "web";
    r.status = status;
    return store_->UpsertReservations(std::vector<Reservation>{r})->front();
  }

  // BG/NBD's own story over a year: Poisson visits, dropout after each with
  // a guest's own probability p ~ Beta(1, 3).
  void AddCohort(int guests, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::gamma_distribution<double> rate(2.0, 1 / 60.0), beta_a(1, 1), beta_b(3, 1);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int i = 0; i < guests; ++i) {
      const Id guest = AddGuest(i % 3 == 0);
      const double lambda = rate(rng), a = beta_a(rng), p = a / (a + beta_b(rng));
      for (double day = 365 * unit(rng); day < 365;
           day += std::exponential_distribution<double>(lambda)(rng)) {
        AddVisit(guest, 365 - int(day), Centimos(10000 + 40000 * unit(rng)), unit(rng) < 0.1);
        if (unit(rng) < p) break;
      }
    }
  }

  std::string ModelPath() const { return BehaviourModelPath(dir_.string(), restaurant_); }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  Id restaurant_ = 0;
  std::vector<Id> items_;
  UnixSeconds now_ = 0;
};

void ExpectFinite(const GuestPrediction& g) {
  for (float v : {g.probability_alive, g.expected_visits_90d, g.expected_spend_per_visit,
                  g.expected_value_90d, g.churn_risk, g.days_since_last_visit}) {
    EXPECT_TRUE(std::isfinite(v)) << "guest " << g.guest_id;
  }
  EXPECT_GE(g.probability_alive, 0);
  EXPECT_LE(g.probability_alive, 1);
  EXPECT_GE(g.churn_risk, 0);
  EXPECT_LE(g.churn_risk, 1);
  EXPECT_GE(g.expected_visits_90d, 0);
  EXPECT_GE(g.segment, 1);
}

TEST_F(BehaviourTrainingTest, OneVisitAndZeroSpendGuestsGetFinitePredictions) {
  AddCohort(300, 1);
  const Id once = AddGuest(true);
  AddVisit(once, 10, 25000);
  const Id first_today = AddGuest(false);  // T = 0 at training time
  AddVisit(first_today, 0, 18000);
  const Id free_meal = AddGuest(true);
  AddVisit(free_meal, 100, 0);
  AddVisit(free_meal, 40, 0);
  auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto model = LoadBehaviour(dir_.string(), restaurant_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (const GuestPrediction& g : (*model)->guests) ExpectFinite(g);
  const GuestPrediction* one = (*model)->Find(once);
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->visits, 1);
  EXPECT_FLOAT_EQ(one->probability_alive, 1);  // BG/NBD: nobody drops out before a repeat
  ASSERT_NE((*model)->Find(first_today), nullptr);
  EXPECT_EQ((*model)->Find(first_today)->days_since_last_visit, 0);
  const GuestPrediction* zero = (*model)->Find(free_meal);
  ASSERT_NE(zero, nullptr);
  EXPECT_EQ(zero->visits, 2);
  EXPECT_GE(zero->expected_value_90d, 0);
  EXPECT_FALSE((*model)->data_hash.empty());
  EXPECT_TRUE((*model)->no_show.has_value());
  // The churn classifier the risks came from is in the file, or a note says
  // why there is none (here BG/NBD at the classifier's fit cut, a year of a
  // few hundred guests, may not converge).
  bool noted = false;
  for (const std::string& n : (*model)->notes) noted |= n.starts_with("churn classifier not fitted");
  EXPECT_NE((*model)->churn.has_value(), noted);
  if ((*model)->churn) EXPECT_FALSE((*model)->churn->feature_names.empty());
}

TEST_F(BehaviourTrainingTest, RetrainingTheSameDataGivesTheSameFile) {
  AddCohort(200, 2);
  ASSERT_TRUE(TrainBehaviour(*store_, restaurant_, dir_.string(), now_).ok());
  auto first = *LoadBehaviour(dir_.string(), restaurant_);
  ASSERT_TRUE(TrainBehaviour(*store_, restaurant_, dir_.string(), now_).ok());
  auto second = *LoadBehaviour(dir_.string(), restaurant_);
  EXPECT_EQ(first->data_hash, second->data_hash);
  ASSERT_TRUE(first->churn.has_value()) << ::testing::PrintToString(first->notes);
  ASSERT_EQ(first->guests.size(), second->guests.size());
  for (size_t i = 0; i < first->guests.size(); ++i) {
    EXPECT_EQ(first->guests[i].segment, second->guests[i].segment);
    EXPECT_EQ(first->guests[i].churn_risk, second->guests[i].churn_risk);
  }
}

// Analyses a text by its length, so that editing a text changes its analysis.
class LengthAnalysis : public TextAnalysisHook {
 public:
  StatusOr<TextAnalysis> AnalyzeText(Id, std::string_view text) override {
    TextAnalysis a;
    a.language = "es";
    a.status = AnalysisStatus::kAnalysed;
    a.score = text.size() % 2 ? -0.5 : 0.5;
    a.verdict = a.score < 0 ? Sentiment::kNegative : Sentiment::kPositive;
    return a;
  }
  void MenuChanged(Id) override {}
};

// Feedback feeds the churn classifier (sentiment of past feedback), so the
// model's data hash must move when a feedback row does.
TEST_F(BehaviourTrainingTest, DataHashCoversFeedbackAndItsAnalysis) {
  store_->SetTextAnalysisHook(std::make_shared<LengthAnalysis>());
  AddCohort(200, 2);
  auto hash = [&] {
    auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    if (!report.ok()) return std::string();
    EXPECT_EQ(report->data_hash, (*LoadBehaviour(dir_.string(), restaurant_))->data_hash);
    return report.ok() ? report->data_hash : std::string();
  };
  const std::string before = hash();
  const Id guest = (*LoadBehaviour(dir_.string(), restaurant_))->guests.front().guest_id;
  Feedback f;
  f.restaurant_id = restaurant_;
  f.external_id = "fb-1";
  f.guest_id = guest;
  f.text = "Todo rico";
  f.created_at = now_ - 20 * kDay;
  ASSERT_TRUE(store_->UpsertFeedback(std::vector<Feedback>{f}).ok());
  const std::string with_feedback = hash();
  EXPECT_NE(with_feedback, before);
  f.text = "Todo rico!";  // the same row edited: a new text and analysis
  ASSERT_TRUE(store_->UpsertFeedback(std::vector<Feedback>{f}).ok());
  const std::string edited = hash();
  EXPECT_NE(edited, with_feedback);
  EXPECT_EQ(hash(), edited);  // and nothing else moves it
}

TEST_F(BehaviourTrainingTest, CohortWithNoRepeatersFailsWithTheReasonAndWritesNoFile) {
  for (int i = 0; i < 50; ++i) AddVisit(AddGuest(true), 5 + 3 * i, 20000);
  auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("repeat"), std::string::npos)
      << report.status().message();
  EXPECT_FALSE(std::filesystem::exists(ModelPath()));
}

TEST_F(BehaviourTrainingTest, RestaurantWithoutVisitsFailsWithTheReason) {
  AddGuest(true);
  auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("no visit"), std::string::npos);
}

TEST_F(BehaviourTrainingTest, OptimiserThatDoesNotConvergeFailsAndKeepsTheOldFile) {
  AddCohort(200, 3);
  auto trained = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  const auto before = std::filesystem::last_write_time(ModelPath());
  BehaviourTrainingOptions starved;
  starved.fit = {.max_rounds = 1, .max_iterations = 1, .gradient_tolerance = 1e-12};
  auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_, starved);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("converge"), std::string::npos)
      << report.status().message();
  EXPECT_EQ(std::filesystem::last_write_time(ModelPath()), before);
  EXPECT_TRUE(LoadBehaviour(dir_.string(), restaurant_).ok());
}

class BehaviourServiceTest : public BehaviourTrainingTest {
 protected:
  void SetUp() override {
    BehaviourTrainingTest::SetUp();
    AddCohort(250, 4);
    guest_ = AddGuest(true);
    AddVisit(guest_, 20, 30000);
    ASSERT_TRUE(TrainBehaviour(*store_, restaurant_, dir_.string(), now_).ok());
    service_ = std::make_unique<BehaviourService>(*store_, [this] { return now_; });
    service_->SetModel(restaurant_, *LoadBehaviour(dir_.string(), restaurant_));
  }
  Id guest_ = 0;
  std::unique_ptr<BehaviourService> service_;
};

TEST_F(BehaviourServiceTest, WithoutAModelEveryCallSaysWhatToRun) {
  BehaviourService empty(*store_);
  auto outlook = empty.Outlook(restaurant_, guest_);
  ASSERT_FALSE(outlook.ok());
  EXPECT_EQ(outlook.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(outlook.status().message().find("sobremesa train behaviour"), std::string::npos);
  EXPECT_FALSE(empty.NoShowBook(restaurant_, "").ok());
}

TEST_F(BehaviourServiceTest, GuestWithoutAVisitHasNoPredictionAndSaysWhy) {
  const Id newcomer = AddGuest(true);
  auto outlook = service_->Outlook(restaurant_, newcomer);
  ASSERT_TRUE(outlook.ok()) << outlook.status().ToString();
  EXPECT_FALSE(outlook->prediction.has_value());
  EXPECT_NE(outlook->note.find("nothing to forecast"), std::string::npos);
  EXPECT_EQ(service_->Outlook(restaurant_, 999999).status().code(), StatusCode::kNotFound);
}

TEST_F(BehaviourServiceTest, TonightIsSortedByRiskAndSettledOrCancelledBookingsAreNotScored) {
  const UnixSeconds tonight = now_ + 8 * 3600;  // 20:00 Lima
  AddBooking(tonight, guest_);
  AddBooking(tonight + 1800, AddGuest(false));
  AddBooking(now_ - 2 * 3600, guest_);  // lunch, not yet marked seated
  AddBooking(tonight, guest_, ReservationStatus::kCancelled);
  AddBooking(now_ - 3600, guest_, ReservationStatus::kSeated);
  auto book = service_->NoShowBook(restaurant_, "");
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  ASSERT_EQ(book->size(), 4u);
  for (size_t i = 0; i + 1 < book->size(); ++i) {
    EXPECT_GE((*book)[i].no_show_risk.value_or(-1), (*book)[i + 1].no_show_risk.value_or(-1));
  }
  EXPECT_FALSE(book->back().no_show_risk.has_value());  // the seated one
  int overdue = 0;
  for (const BookEntry& e : *book) {
    EXPECT_NE(e.reservation.status, ReservationStatus::kCancelled);
    if (e.no_show_risk) {
      EXPECT_GT(*e.no_show_risk, 0);
      EXPECT_LT(*e.no_show_risk, 1);
    }
    overdue += e.overdue;
  }
  EXPECT_EQ(overdue, 1);
}

TEST_F(BehaviourServiceTest, ADayInThePastIsRefusedWithTheReason) {
  auto past = service_->NoShowBook(restaurant_, "2026-06-01");
  ASSERT_FALSE(past.ok());
  EXPECT_EQ(past.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(past.status().message().find("before today"), std::string::npos);
  EXPECT_EQ(service_->NoShowBook(restaurant_, "30/06/2026").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(service_->NoShowBook(restaurant_, "2026-07-01").ok());
}

TEST_F(BehaviourServiceTest, SegmentExportHoldsOnlyMarketingConsentedMembers) {
  auto model = *service_->Model(restaurant_);
  const int segment = model->guests.front().segment;
  std::ostringstream csv;
  auto rows = service_->ExportSegmentCsv(restaurant_, segment, csv);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::int64_t expected = 0;
  for (const GuestPrediction& g : model->guests) {
    expected +=
        g.segment == segment && store_->GetGuest(restaurant_, g.guest_id)->consent.marketing;
  }
  EXPECT_EQ(*rows, expected);
  std::istringstream lines(csv.str());
  std::string line;
  std::getline(lines, line);  // header
  std::int64_t seen = 0;
  while (std::getline(lines, line)) {
    const Id id = std::stoll(line.substr(0, line.find(',')));
    EXPECT_TRUE(store_->GetGuest(restaurant_, id)->consent.marketing) << "guest " << id;
    EXPECT_EQ(model->Find(id)->segment, segment);
    ++seen;
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(service_->ExportSegmentCsv(restaurant_, 99, csv).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace sobremesa
