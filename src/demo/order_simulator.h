#pragma once
// What a table orders: one starter and one main per diner (or the tasting
// menu for the whole table), some desserts and drinks, with modifiers and
// times. The host's hidden tastes drive their choices; companions share part
// of them. Every item is one the host's allergies and diet allow: the POS
// records lines per table and a model reads them as the host's, so the whole
// table stays within the host's exclusions.

#include <string>
#include <vector>

#include "demo/demo_calendar.h"
#include "demo/menu_context.h"

namespace sobremesa::demo {

struct PlannedLine {
  size_t item = 0;
  int quantity = 1;
  std::vector<std::string> modifiers;
  UnixSeconds ordered_at = 0;
};

struct TableOrder {
  std::vector<PlannedLine> lines;
  std::vector<size_t> host_items;   // what the host ate and drank
  std::vector<UnixSeconds> host_ordered_at;  // parallel to host_items
  std::vector<size_t> host_viewed;  // what the host looked at on the QR menu
  // The host's liking of each of host_items (same order), around 0.
  std::vector<double> host_liking;
  bool tasting_menu = false;
};

struct TableContext {
  const TasteProfile* host_taste = nullptr;
  const AllowedItems* allowed = nullptr;
  int party_size = 2;
  Service service = Service::kDinner;
  bool summer = false;
  bool kitchen_delayed = false;  // mains come 20–30 min late
  UnixSeconds seated_at = 0;
  UnixSeconds closed_at = 0;
};

TableOrder SimulateOrder(const MenuContext& menu, const TableContext& table, DemoRandom& rng);

}  // namespace sobremesa::demo
