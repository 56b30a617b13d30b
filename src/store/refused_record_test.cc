#include "store/refused_record.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(RefusedRecordTest, ParsesBackTheIndexAndReasonItWrote) {
  const Status refused =
      RefusedRecord(Status::NotFound("item 999 not found in restaurant 1"), "order line", 3);
  EXPECT_EQ(refused.code(), StatusCode::kNotFound);
  EXPECT_EQ(refused.message(), "order line 3: item 999 not found in restaurant 1");
  const std::optional<RecordRefusal> parsed = ParseRefusedRecord(refused);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->index, 3u);
  EXPECT_EQ(parsed->reason, "item 999 not found in restaurant 1");
  // A reason that has context of its own keeps it.
  const auto text = ParseRefusedRecord(
      RefusedRecord(Status::InvalidArgument("too long").WithContext("text"), "feedback", 12));
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->index, 12u);
  EXPECT_EQ(text->reason, "text: too long");
}

TEST(RefusedRecordTest, OtherFailuresAreNotReadAsARefusedRecord) {
  for (const Status& s : {Status::Ok(), Status::Internal("database is locked"),
                          Status::Internal("sqlite3_step: disk I/O error"),
                          Status::NotFound("restaurant 42 not found"),
                          Status::InvalidArgument("price -3: must be >= 0")}) {
    EXPECT_EQ(ParseRefusedRecord(s), std::nullopt) << s.ToString();
  }
}

}  // namespace
}  // namespace sobremesa
