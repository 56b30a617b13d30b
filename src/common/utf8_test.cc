#include "common/utf8.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(Utf8Test, AcceptsSpanishText) {
  EXPECT_TRUE(ValidateUtf8("Ají de gallina, niño, piña 🌶", "name").ok());
}

TEST(Utf8Test, RejectsInvalidBytesNamingFieldAndOffset) {
  const Status s = ValidateUtf8("caf\xC3", "comment");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "comment is not valid UTF-8 (bad byte at offset 3)");
  EXPECT_FALSE(ValidateUtf8("\xFF\xFE", "x").ok());
}

TEST(Utf8Test, LowerCasesAllOrTheFirstLettersAndKeepsBadBytes) {
  EXPECT_EQ(ToLowerUtf8("ÑUÑUMA Á LA BRASA"), "ñuñuma á la brasa");
  EXPECT_EQ(ToLowerUtf8("Ají De Gallina", 1), "ají De Gallina");
  EXPECT_EQ(ToLowerUtf8("Ñandú", 1), "ñandú");
  EXPECT_EQ(ToLowerUtf8("A\xFF" "B"), "a\xFF" "b");
  EXPECT_EQ(ToLowerUtf8(""), "");
}

TEST(Utf8Test, TellsAnUpperCaseStart) {
  EXPECT_TRUE(StartsWithUpperCase("Ñusta"));
  EXPECT_TRUE(StartsWithUpperCase("Ángel"));
  EXPECT_FALSE(StartsWithUpperCase("ñusta"));
  EXPECT_FALSE(StartsWithUpperCase("(copa)"));
  EXPECT_FALSE(StartsWithUpperCase(""));
}

}  // namespace
}  // namespace sobremesa
