#include "models/sentiment/pretrained_vectors.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

namespace sobremesa::sentiment {
namespace {

class PretrainedVectorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("pretrained_vectors_test_" + std::to_string(::getpid()) + ".bin"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  // The install step's format: magic, u32 words, u32 dims, words, floats.
  static std::string Bytes(const std::vector<std::string>& words, std::uint32_t dims,
                           const std::vector<float>& rows) {
    std::string b = "SBMWVEC1";
    const auto u32 = [&](std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), 4); };
    u32(static_cast<std::uint32_t>(words.size()));
    u32(dims);
    for (const std::string& w : words) u32(static_cast<std::uint32_t>(w.size())), b += w;
    b.append(reinterpret_cast<const char*>(rows.data()), rows.size() * sizeof(float));
    return b;
  }
  void Write(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  }
  std::string path_;
};

TEST_F(PretrainedVectorsTest, ReadsWordsAndRows) {
  Write(Bytes({"waiter", "sushi", "café"}, 2, {1, 2, 3, 4, 5, 6}));
  StatusOr<PretrainedVectors> v = PretrainedVectors::Read(path_);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->dims(), 2);
  EXPECT_EQ(v->size(), 3u);
  ASSERT_EQ(v->Find("sushi"), 1);
  EXPECT_EQ(v->Row(1)[0], 3.0f);
  EXPECT_EQ(v->Row(2)[1], 6.0f);
  EXPECT_EQ(v->Find("café"), 2);
  EXPECT_EQ(v->Find("pizza"), -1);
}

TEST_F(PretrainedVectorsTest, MissingAndCorruptFilesNameThePath) {
  const Status missing = PretrainedVectors::Read(path_ + ".absent").status();
  EXPECT_TRUE(missing.IsNotFound());
  EXPECT_NE(missing.message().find(path_ + ".absent"), std::string::npos);
  const std::string good = Bytes({"waiter", "sushi"}, 2, {1, 2, 3, 4});
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  const struct {
    std::string name, bytes, message;
  } cases[] = {
      {"bad magic", bad_magic, "not a vectors file"},
      {"truncated", good.substr(0, good.size() - 2), "truncated"},
      {"trailing bytes", good + "x", "trailing"},
      {"repeated word", Bytes({"sushi", "sushi"}, 2, {1, 2, 3, 4}), "repeated"},
      {"no dims", Bytes({}, 0, {}), "implausible"},
  };
  for (const auto& c : cases) {
    Write(c.bytes);
    const Status s = PretrainedVectors::Read(path_).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.name << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.message), std::string::npos) << c.name << ": " << s.ToString();
    EXPECT_NE(s.message().find(path_), std::string::npos) << c.name;
  }
}

TEST(VectorWordTest, WordsAreLookedUpWithoutTheNegationMark) {
  using text::Token;
  using text::TokenKind;
  EXPECT_EQ(VectorWord({"neg:good", TokenKind::kWord}), "good");
  EXPECT_EQ(VectorWord({"waiter", TokenKind::kWord}), "waiter");
  EXPECT_EQ(VectorWord({"12", TokenKind::kNumber}), "");
  EXPECT_EQ(VectorWord({",", TokenKind::kPunctuation}), "");
  const PretrainedVectors v =
      PretrainedVectors::FromRows({"good", "waiter"}, 1, {1.0f, 2.0f}).value();
  const text::Tokens tokens = {{"the", TokenKind::kWord},
                               {"waiter", TokenKind::kWord},
                               {"was", TokenKind::kWord},
                               {"neg:good", TokenKind::kWord},
                               {"waiter", TokenKind::kWord}};
  EXPECT_EQ(VectorWordIds(v, tokens), (std::vector<std::uint32_t>{1, 0, 1}));
}

}  // namespace
}  // namespace sobremesa::sentiment
