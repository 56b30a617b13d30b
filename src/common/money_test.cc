#include "common/money.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(MoneyTest, ParsesSolesIntoCentimos) {
  EXPECT_EQ(*ParseSoles("45"), 4500);
  EXPECT_EQ(*ParseSoles("45.5"), 4550);
  EXPECT_EQ(*ParseSoles("45,05"), 4505);
  EXPECT_EQ(*ParseSoles("0.99"), 99);
}

TEST(MoneyTest, RejectsNegativeAndMalformedAmounts) {
  // "." and "," hold no digit: not an amount of zero.
  for (const char* text : {"", "-1", "1.234", "1.2.3", "S/ 40", "abc", ".", ","}) {
    EXPECT_FALSE(ParseSoles(text).ok()) << text;
  }
}

TEST(MoneyTest, FormatsTwoDecimals) {
  EXPECT_EQ(FormatSoles(4505), "45.05");
  EXPECT_EQ(FormatSoles(0), "0.00");
}

}  // namespace
}  // namespace sobremesa
