#include "evaluation/recommendation/uci_restaurant_loader.h"

#include <algorithm>
#include <unordered_map>

#include "evaluation/recommendation/text_lines.h"

namespace sobremesa::recommendation {
namespace {

constexpr std::string_view kMissing = "?";

// The fields of one data row, looked up by header name.
class CsvRow {
 public:
  CsvRow(const std::vector<std::string>& header, std::vector<std::string_view> fields)
      : header_(header), fields_(std::move(fields)) {}
  std::string_view operator[](size_t column) const { return fields_[column]; }
  size_t size() const { return fields_.size(); }
  const std::string& name(size_t column) const { return header_[column]; }

 private:
  const std::vector<std::string>& header_;
  std::vector<std::string_view> fields_;
};

// Splits on commas, keeping empty fields (a row "a,,b" has three).
std::vector<std::string_view> SplitCommas(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t comma; (comma = line.find(',', start)) != std::string_view::npos; start = comma + 1) {
    fields.push_back(line.substr(start, comma - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

// Reads `dir/file`: checks that the header holds `required` columns, writes
// their positions into `columns` (same order) and calls `row` per data line.
Status ReadTable(const std::string& dir, const char* file, std::vector<std::string> required,
                 std::vector<size_t>& columns,
                 const std::function<Status(const CsvRow&)>& row) {
  std::vector<std::string> header;
  return ForEachLine(dir + "/" + file, [&](std::string_view line) -> Status {
    if (header.empty()) {
      for (std::string_view name : SplitCommas(line)) header.emplace_back(name);
      columns.clear();
      for (const std::string& name : required) {
        const auto it = std::find(header.begin(), header.end(), name);
        if (it == header.end()) return Status::InvalidArgument("header lacks column '" + name + "'");
        columns.push_back(static_cast<size_t>(it - header.begin()));
      }
      return Status::Ok();
    }
    CsvRow r(header, SplitCommas(line));
    if (r.size() != header.size()) {
      return Status::InvalidArgument("expected " + std::to_string(header.size()) +
                                     " fields, got " + std::to_string(r.size()));
    }
    return row(r);
  });
}

Status ParseRatingValue(std::string_view field, int32_t& out) {
  RETURN_IF_ERROR(ParseNumber(field, out));
  if (out < 0 || out > 2) return Status::InvalidArgument("rating outside 0-2");
  return Status::Ok();
}

// Index of every id, InvalidArgument on a duplicate.
template <typename Key>
Status AddIndex(std::unordered_map<Key, int32_t>& index, const Key& key, int32_t position) {
  if (!index.emplace(key, position).second) return Status::InvalidArgument("duplicate id");
  return Status::Ok();
}

Status LoadUsers(const std::string& dir, UciRestaurantData& d,
                 std::unordered_map<std::string, int32_t>& index) {
  std::vector<size_t> c;
  RETURN_IF_ERROR(ReadTable(dir, "userprofile.csv", {"userID", "latitude", "longitude"}, c,
                            [&](const CsvRow& r) -> Status {
    UciUser u{.id = std::string(r[c[0]])};
    RETURN_IF_ERROR(ParseNumber(r[c[1]], u.latitude));
    RETURN_IF_ERROR(ParseNumber(r[c[2]], u.longitude));
    for (size_t k = 0; k < r.size(); ++k) {
      if (k == c[0] || k == c[1] || k == c[2] || r[k] == kMissing) continue;
      u.attributes.emplace_back(r.name(k), std::string(r[k]));
    }
    RETURN_IF_ERROR(AddIndex(index, u.id, static_cast<int32_t>(d.users.size())));
    d.users.push_back(std::move(u));
    return Status::Ok();
  }));
  // A list of values per user: every row must name a known user.
  auto add_list = [&](const char* file, const char* column,
                      std::vector<std::string> UciUser::*list) {
    return ReadTable(dir, file, {"userID", column}, c, [&](const CsvRow& r) -> Status {
      const auto it = index.find(std::string(r[c[0]]));
      if (it == index.end()) {
        return Status::InvalidArgument("unknown user '" + std::string(r[c[0]]) + "'");
      }
      (d.users[it->second].*list).emplace_back(r[c[1]]);
      return Status::Ok();
    });
  };
  RETURN_IF_ERROR(add_list("usercuisine.csv", "Rcuisine", &UciUser::cuisines));
  return add_list("userpayment.csv", "Upayment", &UciUser::payments);
}

// geoplaces2.csv columns that are free text or identifiers, not attributes.
bool IsRestaurantAttribute(const std::string& column) {
  static const char* const kNotAttributes[] = {
      "placeID", "latitude", "longitude", "the_geom_meter", "name", "address",
      "city",    "state",    "country",   "fax",            "zip",  "url"};
  return std::none_of(std::begin(kNotAttributes), std::end(kNotAttributes),
                      [&](const char* name) { return column == name; });
}

Status LoadRestaurants(const std::string& dir, UciRestaurantData& d,
                       std::unordered_map<int64_t, int32_t>& index) {
  std::vector<size_t> c;
  RETURN_IF_ERROR(ReadTable(dir, "geoplaces2.csv", {"placeID", "latitude", "longitude"}, c,
                            [&](const CsvRow& r) -> Status {
    UciRestaurant p;
    RETURN_IF_ERROR(ParseNumber(r[c[0]], p.place_id));
    RETURN_IF_ERROR(ParseNumber(r[c[1]], p.latitude));
    RETURN_IF_ERROR(ParseNumber(r[c[2]], p.longitude));
    for (size_t k = 0; k < r.size(); ++k) {
      if (!IsRestaurantAttribute(r.name(k)) || r[k] == kMissing) continue;
      p.attributes.emplace_back(r.name(k), std::string(r[k]));
    }
    RETURN_IF_ERROR(AddIndex(index, p.place_id, static_cast<int32_t>(d.restaurants.size())));
    d.restaurants.push_back(std::move(p));
    return Status::Ok();
  }));
  // Calls `add` with the restaurant of each row whose place is in
  // geoplaces2.csv; other places are skipped (see the header).
  auto for_known = [&](const char* file, std::vector<std::string> columns,
                       const std::function<void(UciRestaurant&, const CsvRow&)>& add) {
    columns.insert(columns.begin(), "placeID");
    return ReadTable(dir, file, columns, c, [&](const CsvRow& r) -> Status {
      int64_t place = 0;
      RETURN_IF_ERROR(ParseNumber(r[c[0]], place));
      const auto it = index.find(place);
      if (it != index.end()) add(d.restaurants[it->second], r);
      return Status::Ok();
    });
  };
  RETURN_IF_ERROR(for_known("chefmozcuisine.csv", {"Rcuisine"}, [&](UciRestaurant& p, const CsvRow& r) {
    p.cuisines.emplace_back(r[c[1]]);
  }));
  RETURN_IF_ERROR(for_known("chefmozaccepts.csv", {"Rpayment"}, [&](UciRestaurant& p, const CsvRow& r) {
    p.payments.emplace_back(r[c[1]]);
  }));
  RETURN_IF_ERROR(for_known("chefmozparking.csv", {"parking_lot"}, [&](UciRestaurant& p, const CsvRow& r) {
    p.parking.emplace_back(r[c[1]]);
  }));
  return for_known("chefmozhours4.csv", {"hours", "days"}, [&](UciRestaurant& p, const CsvRow& r) {
    p.opening.push_back({std::string(r[c[1]]), std::string(r[c[2]])});
  });
}

}  // namespace

StatusOr<UciRestaurantData> LoadUciRestaurantData(const std::string& dir) {
  UciRestaurantData d;
  std::unordered_map<std::string, int32_t> users;
  std::unordered_map<int64_t, int32_t> places;
  RETURN_IF_ERROR(LoadUsers(dir, d, users));
  RETURN_IF_ERROR(LoadRestaurants(dir, d, places));
  std::vector<size_t> c;
  RETURN_IF_ERROR(ReadTable(
      dir, "rating_final.csv", {"userID", "placeID", "rating", "food_rating", "service_rating"},
      c, [&](const CsvRow& r) -> Status {
        UciRating x;
        const auto user = users.find(std::string(r[c[0]]));
        if (user == users.end()) {
          return Status::InvalidArgument("unknown user '" + std::string(r[c[0]]) + "'");
        }
        int64_t place = 0;
        RETURN_IF_ERROR(ParseNumber(r[c[1]], place));
        const auto restaurant = places.find(place);
        if (restaurant == places.end()) {
          return Status::InvalidArgument("place " + std::to_string(place) +
                                         " is not in geoplaces2.csv");
        }
        x.user = user->second;
        x.restaurant = restaurant->second;
        RETURN_IF_ERROR(ParseRatingValue(r[c[2]], x.overall));
        RETURN_IF_ERROR(ParseRatingValue(r[c[3]], x.food));
        RETURN_IF_ERROR(ParseRatingValue(r[c[4]], x.service));
        d.ratings.push_back(x);
        return Status::Ok();
      }));
  return d;
}

}  // namespace sobremesa::recommendation
