#include "common/status.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(StatusTest, WithRecordNamesTheRecordInTheMessageAndKeepsIndexAndReason) {
  const Status refused =
      Status::NotFound("item 999 not found in restaurant 1").WithRecord("order line", 3);
  EXPECT_EQ(refused.code(), StatusCode::kNotFound);
  EXPECT_EQ(refused.message(), "order line 3: item 999 not found in restaurant 1");
  EXPECT_EQ(refused.ToString(), "not_found: order line 3: item 999 not found in restaurant 1");
  EXPECT_EQ(refused.record_index(), 3u);
  EXPECT_EQ(refused.record_reason(), "item 999 not found in restaurant 1");
}

TEST(StatusTest, AReasonWithContextOfItsOwnKeepsIt) {
  const Status refused =
      Status::InvalidArgument("too long").WithContext("text").WithRecord("feedback", 12);
  EXPECT_EQ(refused.message(), "feedback 12: text: too long");
  EXPECT_EQ(refused.record_index(), 12u);
  EXPECT_EQ(refused.record_reason(), "text: too long");
}

TEST(StatusTest, ContextAddedAfterTheRecordKeepsTheRecord) {
  const Status refused = Status::NotFound("guest 7 not found").WithRecord("visit", 0);
  const Status wrapped = refused.WithContext("visits rows 0..999");
  EXPECT_EQ(wrapped.message(), "visits rows 0..999: visit 0: guest 7 not found");
  EXPECT_EQ(wrapped.ToString(), "not_found: visits rows 0..999: visit 0: guest 7 not found");
  EXPECT_EQ(wrapped.record_index(), 0u);
  EXPECT_EQ(wrapped.record_reason(), "guest 7 not found");
}

TEST(StatusTest, ACopyKeepsTheRecord) {
  const Status refused = Status::AlreadyExists("external_id taken").WithRecord("guest", 5);
  const Status copy = refused;  // NOLINT: the copy is what is tested
  Status assigned;
  assigned = refused;
  for (const Status& s : {copy, assigned}) {
    EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
    EXPECT_EQ(s.message(), "guest 5: external_id taken");
    EXPECT_EQ(s.record_index(), 5u);
    EXPECT_EQ(s.record_reason(), "external_id taken");
  }
  const StatusOr<int> carried(refused);
  EXPECT_EQ(carried.status().record_index(), 5u);
  EXPECT_EQ(carried.status().record_reason(), "external_id taken");
}

// Text that looks like a refused record is not one: only WithRecord makes one.
TEST(StatusTest, OtherStatusesHaveNoRecordAndTheirWholeMessageAsReason) {
  for (const Status& s : {Status::Ok(), Status::Internal("database is locked"),
                          Status::NotFound("restaurant 42 not found"),
                          Status::InvalidArgument("must be >= 0").WithContext("price 3")}) {
    EXPECT_EQ(s.record_index(), std::nullopt) << s.ToString();
    EXPECT_EQ(s.record_reason(), s.message()) << s.ToString();
  }
  EXPECT_TRUE(Status::Ok().WithRecord("guest", 1).ok());
  EXPECT_EQ(Status::Ok().WithRecord("guest", 1).record_index(), std::nullopt);
}

TEST(StatusTest, WithContextAndToStringOfAnUnnamedFailureAreAsBefore) {
  const Status s = Status::InvalidArgument("bad date").WithContext("line 12");
  EXPECT_EQ(s.message(), "line 12: bad date");
  EXPECT_EQ(s.ToString(), "invalid_argument: line 12: bad date");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  EXPECT_TRUE(Status::Ok().WithContext("line 1").ok());
}

}  // namespace
}  // namespace sobremesa
