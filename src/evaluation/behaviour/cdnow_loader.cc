#include "evaluation/behaviour/cdnow_loader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace sobremesa {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

StatusOr<int> ParseDay(const std::string& text) {
  if (text.size() != 8 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("date '" + text + "' is not yyyymmdd");
  }
  int y = std::stoi(text.substr(0, 4)), m = std::stoi(text.substr(4, 2));
  int d = std::stoi(text.substr(6, 2));
  static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDaysInMonth[m - 1] || (m == 2 && d == 29 && !leap)) {
    return Status::InvalidArgument("date '" + text + "' does not exist");
  }
  if (y < 1997) return Status::InvalidArgument("date '" + text + "' is before 1997");
  return DaysFromCivil(y, m, d) - DaysFromCivil(1997, 1, 1);
}

struct Row {
  std::string id;
  PurchaseDay purchase;
};

// Empty id means a line to skip (blank or the master file's header).
StatusOr<Row> ParseRow(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> f;
  for (std::string field; in >> field;) f.push_back(field);
  if (f.empty() || f[0] == "customer_id") return Row{};
  if (f.size() != 4 && f.size() != 5) {
    return Status::InvalidArgument("expected 4 or 5 columns, found " + std::to_string(f.size()));
  }
  ASSIGN_OR_RETURN(int day, ParseDay(f[f.size() - 3]));
  char* end = nullptr;
  double dollars = std::strtod(f.back().c_str(), &end);
  if (*end != '\0' || !std::isfinite(dollars) || dollars < 0) {
    return Status::InvalidArgument("dollars '" + f.back() + "' is not a number >= 0");
  }
  double items = std::strtod(f[f.size() - 2].c_str(), &end);
  if (*end != '\0' || !std::isfinite(items) || items < 0) {
    return Status::InvalidArgument("number of CDs '" + f[f.size() - 2] +
                                   "' is not a number >= 0");
  }
  return Row{f[0], {day, dollars, items}};
}

std::string ResolveFile(const std::string& path) {
  if (std::filesystem::is_directory(path)) {
    return (std::filesystem::path(path) / "CDNOW_sample.txt").string();
  }
  return path;
}

// Merges same-day rows and sorts each customer's days.
void Normalise(CdnowCustomer& c) {
  std::sort(c.days.begin(), c.days.end(),
            [](const PurchaseDay& x, const PurchaseDay& y) { return x.day < y.day; });
  std::vector<PurchaseDay> merged;
  for (const PurchaseDay& p : c.days) {
    if (!merged.empty() && merged.back().day == p.day) {
      merged.back().dollars += p.dollars;
      merged.back().items += p.items;
    } else {
      merged.push_back(p);
    }
  }
  c.days = std::move(merged);
}

}  // namespace

StatusOr<std::vector<CdnowCustomer>> LoadCdnow(const std::string& path) {
  std::string file = ResolveFile(path);
  std::ifstream in(file);
  if (!in) return Status::NotFound("cannot open CDNOW file " + file);
  std::vector<CdnowCustomer> customers;
  std::unordered_map<std::string, size_t> index;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    StatusOr<Row> row = ParseRow(line);
    if (!row.ok()) return row.status().WithContext(file + " line " + std::to_string(number));
    if (row->id.empty()) continue;
    auto [it, added] = index.emplace(row->id, customers.size());
    if (added) customers.push_back(CdnowCustomer{row->id, {}});
    customers[it->second].days.push_back(row->purchase);
  }
  if (customers.empty()) return Status::InvalidArgument(file + ": no purchases");
  for (CdnowCustomer& c : customers) Normalise(c);
  return customers;
}

}  // namespace sobremesa
