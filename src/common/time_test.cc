#include "common/time.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(TimeTest, LocalTimeWithoutOffsetIsReadInLima) {
  auto t = ParseTimestamp("2026-11-27T20:15:00");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(FormatTimestamp(*t, 0), "2026-11-28T01:15:00Z");
  EXPECT_EQ(FormatTimestamp(*t), "2026-11-27T20:15:00-05:00");
}

TEST(TimeTest, ExplicitOffsetsAreHonoured) {
  EXPECT_EQ(*ParseTimestamp("2026-01-01T00:00:00Z"), 1767225600);
  EXPECT_EQ(*ParseTimestamp("2026-01-01T05:00:00+05:00"), 1767225600);
  EXPECT_EQ(*ParseTimestamp("2025-12-31 19:00"), 1767225600);
  EXPECT_EQ(*ParseTimestamp("2026-01-01T00:00:00.250Z"), 1767225600);
}

TEST(TimeTest, DateOnlyIsLimaMidnight) {
  EXPECT_EQ(FormatTimestamp(*ParseTimestamp("2026-07-28")), "2026-07-28T00:00:00-05:00");
}

TEST(TimeTest, RejectsMalformedAndOutOfRangeDates) {
  struct Case { const char* text; const char* reason; };
  for (const Case& c : {Case{"", "expected YYYY-MM-DD"}, Case{"1999-12-31", "year out of range"},
                        Case{"2150-01-01", "year out of range"},
                        Case{"2026-02-30", "no such calendar date"},
                        Case{"2026-01-01T25:00", "time of day out of range"},
                        Case{"2026-01-01T10:00+5", "offset"}, Case{"yesterday", "expected"}}) {
    auto t = ParseTimestamp(c.text);
    ASSERT_FALSE(t.ok()) << c.text;
    EXPECT_NE(t.status().message().find(c.reason), std::string::npos)
        << c.text << " -> " << t.status().message();
  }
}

TEST(TimeTest, LocalDayNumberFollowsTheLimaCalendar) {
  // 01:15 UTC on the 28th is 20:15 on the 27th in Lima: the same day as noon there.
  const int late_dinner = LocalDayNumber(*ParseTimestamp("2026-11-28T01:15:00Z"));
  EXPECT_EQ(late_dinner, LocalDayNumber(*ParseTimestamp("2026-11-27T12:00:00-05:00")));
  EXPECT_EQ(late_dinner + 1, LocalDayNumber(*ParseTimestamp("2026-11-28T00:00:00-05:00")));
  EXPECT_EQ(LocalDayNumber(0), -1);  // 1970-01-01T00:00Z is still Dec 31st in Lima
  EXPECT_EQ(LocalDayNumber(-86400 * 3), -4);
}

TEST(TimeTest, ToLocalGivesLimaCalendar) {
  const LocalTime lt = ToLocal(*ParseTimestamp("2026-11-28T01:15:00Z"));
  EXPECT_EQ(lt.year, 2026);
  EXPECT_EQ(lt.month, 11);
  EXPECT_EQ(lt.day, 27);
  EXPECT_EQ(lt.hour, 20);
  EXPECT_EQ(lt.weekday, 5);  // a Friday
}

}  // namespace
}  // namespace sobremesa
