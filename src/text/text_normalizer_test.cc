#include "text/text_normalizer.h"

#include <gtest/gtest.h>

namespace sobremesa::text {
namespace {

struct NormalizeCase {
  std::string input;
  std::string expected;
};

TEST(TextNormalizerTest, ComposesAndFoldsCaseKeepingAccentsAndEnye) {
  const NormalizeCase cases[] = {
      {"Año NUEVO", "año nuevo"},
      {"cafe\xCC\x81", "café"},  // combining acute -> precomposed
      {"PIÑA Ñandú", "piña ñandú"},
      {"ÁÉÍÓÚ Ü", "áéíóú ü"},
      {"STRASSE Straße", "strasse strasse"},  // full case folding
      {"a\tb\x01"
       "c",
       "a bc"},                                    // tab is a space, controls go
      {"uno\r\ndos", "uno\ndos"},                  // line breaks unified
      {"\xEF\xBB\xBFhola\xE2\x80\x8B!", "hola!"},  // BOM and zero width space dropped
      {"", ""},
  };
  for (const NormalizeCase& c : cases) {
    StatusOr<std::string> got = NormalizeText(c.input);
    ASSERT_TRUE(got.ok()) << c.input << ": " << got.status().ToString();
    EXPECT_EQ(*got, c.expected) << "input: " << c.input;
  }
}

TEST(TextNormalizerTest, RejectsInvalidUtf8NamingTheOffset) {
  const std::string inputs[] = {"ab\xC3", "\xFF\xFE garbage", "ok \xED\xA0\x80 surrogate"};
  for (const std::string& input : inputs) {
    StatusOr<std::string> got = NormalizeText(input);
    ASSERT_FALSE(got.ok()) << input;
    EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(got.status().message().find("offset"), std::string::npos) << got.status().ToString();
  }
}

TEST(TextNormalizerTest, AcceptsOneMebibyteAndRefusesMore) {
  const std::string limit(kMaxTextBytes, 'a');
  StatusOr<std::string> at_limit = NormalizeText(limit);
  ASSERT_TRUE(at_limit.ok()) << at_limit.status().ToString();
  EXPECT_EQ(at_limit->size(), kMaxTextBytes);

  StatusOr<std::string> over = NormalizeText(limit + "a");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().code(), StatusCode::kResourceExhausted);
}

TEST(TextNormalizerTest, BinaryGarbageIsAnErrorOrCleanTextNeverACrash) {
  std::string garbage;
  unsigned state = 12345;
  for (int i = 0; i < 100000; ++i) {
    state = state * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(state >> 16));
  }
  StatusOr<std::string> got = NormalizeText(garbage);
  EXPECT_FALSE(got.ok());
  // Control characters alone are valid UTF-8: they are stripped.
  StatusOr<std::string> controls = NormalizeText(std::string("\0\x01\x02\x7f", 4));
  ASSERT_TRUE(controls.ok());
  EXPECT_EQ(*controls, "");
}

}  // namespace
}  // namespace sobremesa::text
