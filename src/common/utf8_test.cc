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

}  // namespace
}  // namespace sobremesa
