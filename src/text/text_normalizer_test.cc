#include "text/text_normalizer.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>

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

// NormalizeText folds ASCII and Latin-1 letters itself: its output must be
// utf8proc's on the whole text, whatever surrounds those characters.
TEST(TextNormalizerTest, FastPathEqualsUtf8procOnTheWholeText) {
  const std::string pieces[] = {
      "a", "Z", " ", "!", "é", "É", "ñ", "Ñ", "ß", "×", "÷", "ÿ", "¡", "¿", "µ", "\xC2\xAD" /*soft hyphen*/,
      "\xCC\x81" /*combining acute*/, "\xCC\x83" /*combining tilde*/, "\r", "\n", "\t", "\x01",
      "\x7f", "😍", "\xE2\x80\x8D" /*ZWJ*/, "\xEF\xBB\xBF" /*BOM*/, "Σ", "İ", "ﬁ", "Å", "\xC2\x85"};
  std::mt19937 rng(2016);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1), length(0, 12);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    utf8proc_uint8_t* mapped = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
        static_cast<utf8proc_ssize_t>(text.size()), &mapped,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                       UTF8PROC_IGNORE | UTF8PROC_STRIPCC | UTF8PROC_NLF2LF));
    ASSERT_GE(n, 0);
    const std::string expected(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    std::free(mapped);
    StatusOr<std::string> got = NormalizeText(text);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(*got, expected) << "input: " << text;
  }
}

}  // namespace
}  // namespace sobremesa::text
