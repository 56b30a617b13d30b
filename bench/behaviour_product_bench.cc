// The behaviour product's speed targets (issue 5), timed end to end:
//
//   behaviour_product_bench score DATA_DIR
//     trains `sobremesa train behaviour` on the data directory's first
//     restaurant and prints each phase; scoring every guest must take < 1 s.
//     Then reads every guest's outlook through BehaviourService, as the API
//     does per request.
//   behaviour_product_bench segment [GUESTS]
//     segments GUESTS (default 1,000,000) synthetic guests with 10 taste
//     categories on 2 threads; must take < 60 s.
//
// Plain timings rather than Google Benchmark: each run is one long
// operation on real or million-row data, not a micro-benchmark.

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>

#include "models/behaviour/guest_segmentation.h"
#include "service/behaviour_service.h"
#include "service/behaviour_training.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Score(const std::string& data_dir) {
  auto store = OpenSqliteStore(data_dir + "/sobremesa.db");
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  auto restaurants = (*store)->ListRestaurants();
  if (!restaurants.ok() || restaurants->empty()) return std::fprintf(stderr, "no restaurant\n"), 1;
  const Id restaurant = restaurants->front().id;
  auto report = TrainBehaviour(**store, restaurant, data_dir, std::time(nullptr));
  if (!report.ok()) return std::fprintf(stderr, "%s\n", report.status().ToString().c_str()), 1;
  std::printf("guests scored            %lld\n", static_cast<long long>(report->guests));
  std::printf("read the store           %.3f s\n", report->load_seconds);
  std::printf("fit models + holdouts    %.3f s\n", report->fit_seconds);
  std::printf("score every guest        %.3f s   (target < 1 s)\n", report->scoring_seconds);
  std::printf("segment (k by silhouette) %.3f s\n", report->segmentation_seconds);
  std::printf("train behaviour in all   %.3f s\n", report->seconds);

  BehaviourService service(**store);
  service.SetModel(restaurant, *LoadBehaviour(data_dir, restaurant));
  const auto start = std::chrono::steady_clock::now();
  std::int64_t answered = 0;
  for (int offset = 0;; offset += 5000) {
    auto page = (*store)->ListGuests(restaurant, 5000, offset);
    if (!page.ok()) return 1;
    for (const Guest& g : *page) answered += service.Outlook(restaurant, g.id).ok();
    if (page->size() < 5000) break;
  }
  std::printf("outlook of every guest   %.3f s   (%lld guests, store read + lookup each)\n",
              Since(start), static_cast<long long>(answered));
  return 0;
}

// Behaviour and taste drawn from a handful of latent kinds of guest, so
// that there is structure to find, as in a restaurant.
std::vector<GuestBehaviour> SyntheticGuests(int n, int tastes) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> kind(0, 5);
  std::lognormal_distribution<double> noise(0, 0.4);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<GuestBehaviour> guests;
  guests.reserve(n);
  for (int i = 0; i < n; ++i) {
    const int k = kind(rng);
    GuestBehaviour g;
    g.days_since_last_visit = (20 + 60 * k) * noise(rng);
    g.visits = 1 + std::floor((6 - k) * noise(rng));
    g.mean_spend = (150 + 80 * k) * noise(rng);
    g.mean_party_size = 2 + k % 3;
    g.celebration_share = k == 2 ? unit(rng) : 0;
    g.business_share = k == 4 ? unit(rng) : 0;
    g.date_share = k == 1 ? unit(rng) : 0;
    g.taste.assign(tastes, 0);
    double total = 0;
    for (int t = 0; t < tastes; ++t) total += g.taste[t] = (t == k ? 4 : 1) * unit(rng);
    for (double& t : g.taste) t /= total;
    guests.push_back(std::move(g));
  }
  return guests;
}

int SegmentMillion(int n) {
  std::vector<std::string> tastes;
  for (int t = 0; t < 10; ++t) tastes.push_back("category" + std::to_string(t));
  const std::vector<GuestBehaviour> guests = SyntheticGuests(n, 10);
  const auto start = std::chrono::steady_clock::now();
  auto s = SegmentGuests(guests, tastes, {.threads = 2});
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.status().ToString().c_str()), 1;
  std::printf("segment %d guests       %.2f s   (target < 60 s; k = %zu, silhouette %.3f)\n", n,
              Since(start), s->segments.size(), s->silhouette);
  return 0;
}

}  // namespace
}  // namespace sobremesa

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "";
  if (what == "score" && argc == 3) return sobremesa::Score(argv[2]);
  if (what == "segment")
    return sobremesa::SegmentMillion(argc > 2 ? std::stoi(argv[2]) : 1'000'000);
  std::fprintf(stderr, "usage: %s score DATA_DIR | segment [GUESTS]\n", argv[0]);
  return 2;
}
