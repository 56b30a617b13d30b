#include "models/recommendation/hybrid_data.h"

#include <string>

namespace sobremesa::recommendation {
namespace {

Status CheckRows(const FeatureRows& rows, int32_t expected_rows, int32_t num_features,
                 const char* what) {
  if (expected_rows >= 0 && rows.rows() != expected_rows) {
    return Status::InvalidArgument(std::string(what) + ": " + std::to_string(rows.rows()) +
                                   " rows, expected " + std::to_string(expected_rows));
  }
  for (int32_t id : rows.ids()) {
    if (id < 0 || id >= num_features) {
      return Status::InvalidArgument(std::string(what) + ": feature id " + std::to_string(id) +
                                     " outside 0.." + std::to_string(num_features - 1));
    }
  }
  return Status::Ok();
}

}  // namespace

void FeatureRows::AddRow(std::span<const int32_t> ids) {
  ids_.insert(ids_.end(), ids.begin(), ids.end());
  groups_.resize(ids_.size(), -1);
  offsets_.push_back(static_cast<int64_t>(ids_.size()));
}

void FeatureRows::AddRow(std::span<const int32_t> ids, std::span<const int32_t> groups) {
  ids_.insert(ids_.end(), ids.begin(), ids.end());
  groups_.insert(groups_.end(), groups.begin(), groups.end());
  groups_.resize(ids_.size(), -1);
  offsets_.push_back(static_cast<int64_t>(ids_.size()));
}

Status ValidateHybridData(const HybridData& d) {
  if (d.num_users <= 0 || d.num_items <= 0) {
    return Status::InvalidArgument("hybrid data needs at least one user and one item");
  }
  RETURN_IF_ERROR(CheckRows(d.user_features, d.num_users, d.num_user_features, "user features"));
  RETURN_IF_ERROR(CheckRows(d.item_features, d.num_items, d.num_item_features, "item features"));
  RETURN_IF_ERROR(CheckRows(d.context, -1, d.num_context_features, "context features"));
  if ((!d.user_keys.empty() && int32_t(d.user_keys.size()) != d.num_users) ||
      (!d.item_keys.empty() && int32_t(d.item_keys.size()) != d.num_items)) {
    return Status::InvalidArgument("user or item keys do not match the counts");
  }
  if (!d.item_history_feature.empty()) {
    if (int32_t(d.item_history_feature.size()) != d.num_items) {
      return Status::InvalidArgument("item history features do not match the item count");
    }
    for (int32_t f : d.item_history_feature) {
      if (f < -1 || f >= d.num_user_features) {
        return Status::InvalidArgument("item history feature " + std::to_string(f) +
                                       " outside the user features");
      }
    }
  }
  bool any_positive = false;
  for (const WeightedInteraction& x : d.interactions) {
    if (x.user < 0 || x.user >= d.num_users || x.item < 0 || x.item >= d.num_items ||
        x.context_row >= d.context.rows()) {
      return Status::InvalidArgument("interaction (" + std::to_string(x.user) + ", " +
                                     std::to_string(x.item) + ") is outside the id range");
    }
    any_positive |= x.weight > 0;
  }
  if (!any_positive) return Status::InvalidArgument("no positive interactions to learn from");
  return Status::Ok();
}

}  // namespace sobremesa::recommendation
