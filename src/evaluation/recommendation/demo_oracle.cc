#include "evaluation/recommendation/demo_oracle.h"

#include <charconv>
#include <unordered_map>

#include "demo/menu_context.h"
#include "demo/order_simulator.h"
#include "demo/restaurant_generator.h"

namespace sobremesa::recommendation {
namespace {

using demo::AllowedItems;
using demo::DemoRandom;
using demo::TasteProfile;

// The 0-based position of "prefix-N" in the generated vectors, or -1.
int64_t LocalIndexOf(const std::string& external_id, std::string_view prefix) {
  if (!external_id.starts_with(prefix)) return -1;
  int64_t n = 0;
  const char* first = external_id.data() + prefix.size();
  const char* last = external_id.data() + external_id.size();
  const auto [end, ec] = std::from_chars(first, last, n);
  return ec == std::errc() && end == last && n >= 1 ? n - 1 : -1;
}

// What the scorers share: the rebuilt restaurant and the maps from the
// store's records to its positions.
struct OracleState {
  demo::DemoData data;
  std::unique_ptr<demo::MenuContext> menu;
  std::vector<int64_t> menu_position;  // per snapshot menu item: data.menu index
  std::unordered_map<Id, size_t> guest_position;  // store guest id -> data.guests index
  std::unordered_map<uint64_t, AllowedItems> allowed;  // by (allergies, needs)

  const AllowedItems& AllowedFor(const Guest& g) {
    const uint64_t key = (uint64_t{g.allergies.bits()} << 32) | g.dietary_needs.bits();
    auto it = allowed.find(key);
    if (it == allowed.end()) {
      it = allowed.emplace(key, menu->AllowedFor(g.allergies, g.dietary_needs)).first;
    }
    return it->second;
  }
};

StatusOr<std::shared_ptr<OracleState>> Rebuild(const RestaurantSnapshot& s) {
  const demo::DemoOptions options;
  ASSIGN_OR_RETURN(demo::DemoData data, demo::GenerateDemoData(options));
  auto state = std::make_shared<OracleState>();
  state->data = std::move(data);
  const demo::DemoData& d = state->data;
  if (d.guests.size() != s.guests.size() || d.visits.size() != s.baskets.size() ||
      d.menu.size() != s.menu.size()) {
    return Status::FailedPrecondition(
        "the store is not the default demo (" + std::to_string(s.guests.size()) + " guests, " +
        std::to_string(s.baskets.size()) + " visits; the default has " +
        std::to_string(d.guests.size()) + ", " + std::to_string(d.visits.size()) + ")");
  }
  state->menu = std::make_unique<demo::MenuContext>(d.menu, options.seed);
  std::unordered_map<std::string_view, int64_t> by_external;
  for (size_t i = 0; i < d.menu.size(); ++i) by_external[d.menu[i].external_id] = int64_t(i);
  for (const MenuItem& m : s.menu) {
    auto it = by_external.find(m.external_id);
    if (it == by_external.end()) {
      return Status::FailedPrecondition("dish " + m.external_id + " is not in the default demo");
    }
    state->menu_position.push_back(it->second);
  }
  for (const Guest& g : s.guests) {
    const int64_t i = LocalIndexOf(g.external_id, "guest-");
    if (i < 0 || size_t(i) >= d.guests.size() || d.guests[size_t(i)].name != g.name) {
      return Status::FailedPrecondition("guest " + g.external_id + " is not in the default demo");
    }
    state->guest_position[g.id] = size_t(i);
  }
  return state;
}

// Writes into `out` (snapshot menu order) how many of kOracleDraws simulated
// tables of visit `v` ordered each dish. `taste_of` gives the host's taste
// for one draw.
template <typename TasteOf>
void ExpectedBasket(OracleState& st, const HeldOutVisit& v, TasteOf taste_of,
                    std::vector<float>& out) {
  std::fill(out.begin(), out.end(), 0.f);
  auto g = st.guest_position.find(v.guest->id);
  if (g == st.guest_position.end()) return;
  const LocalTime local = ToLocal(v.basket->seated_at);
  demo::TableContext table;
  table.allowed = &st.AllowedFor(*v.guest);
  table.party_size = std::max(1, v.basket->party_size);
  // The generator's services: lunch before 17:00, dinner after.
  table.service = local.hour < 17 ? demo::Service::kLunch : demo::Service::kDinner;
  table.summer = local.month == 12 || local.month <= 3;  // DemoCalendar::IsSummer
  table.seated_at = v.basket->seated_at;
  table.closed_at = v.basket->seated_at + 3 * 3600;
  // One stream per visit, so the oracle is the same on every run.
  DemoRandom rng(0x0bac1e ^ uint64_t(v.basket->visit_id));
  std::vector<float> counts(st.data.menu.size());
  std::vector<char> seen(st.data.menu.size());
  for (int draw = 0; draw < kOracleDraws; ++draw) {
    const TasteProfile& taste = taste_of(g->second, rng);
    table.host_taste = &taste;
    const demo::TableOrder order = demo::SimulateOrder(*st.menu, table, rng);
    std::fill(seen.begin(), seen.end(), 0);
    for (const demo::PlannedLine& line : order.lines) {
      if (!seen[line.item]) seen[line.item] = 1, counts[line.item] += 1;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) out[i] = counts[size_t(st.menu_position[i])];
}

}  // namespace

StatusOr<DemoOracle> MakeDemoOracle(const RestaurantSnapshot& s) {
  ASSIGN_OR_RETURN(std::shared_ptr<OracleState> state, Rebuild(s));
  DemoOracle oracle;
  oracle.with_taste = [state](const HeldOutVisit& v, std::vector<float>& out) {
    ExpectedBasket(
        *state, v,
        [&](size_t guest, DemoRandom&) -> const TasteProfile& { return state->data.tastes[guest]; },
        out);
  };
  oracle.without_taste = [state](const HeldOutVisit& v, std::vector<float>& out) {
    const std::vector<TasteProfile>& tastes = state->data.tastes;
    ExpectedBasket(
        *state, v,
        [&](size_t, DemoRandom& rng) -> const TasteProfile& {
          return tastes[size_t(rng.Int(0, int(tastes.size()) - 1))];
        },
        out);
  };
  return oracle;
}

}  // namespace sobremesa::recommendation
