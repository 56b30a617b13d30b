#include "models/sentiment/pretrained_vectors.h"

#include <cstring>
#include <filesystem>
#include <fstream>

#include "text/negation_marker.h"

namespace sobremesa::sentiment {
namespace {

constexpr char kMagic[8] = {'S', 'B', 'M', 'W', 'V', 'E', 'C', '1'};
// Far above any real file (GloVe's largest has 2.2M words of 300 dims);
// a corrupt header must not make Read allocate more.
constexpr std::uint32_t kMaxWords = 1u << 23;
constexpr std::uint32_t kMaxDims = 1u << 12;
constexpr std::uint32_t kMaxWordBytes = 1u << 10;

}  // namespace

StatusOr<PretrainedVectors> PretrainedVectors::FromRows(std::vector<std::string> words, int dims,
                                                        std::vector<float> rows) {
  if (dims <= 0 || rows.size() != words.size() * static_cast<std::size_t>(dims)) {
    return Status::InvalidArgument("pretrained vectors: rows do not match words x dims");
  }
  PretrainedVectors v;
  v.dims_ = dims;
  v.words_ = std::move(words);
  v.rows_ = std::move(rows);
  for (std::size_t i = 0; i < v.words_.size(); ++i) {
    if (!v.index_.emplace(v.words_[i], static_cast<int>(i)).second) {
      return Status::InvalidArgument("pretrained vectors: word \"" + v.words_[i] +
                                     "\" is repeated");
    }
  }
  return v;
}

StatusOr<PretrainedVectors> PretrainedVectors::Read(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Status::NotFound("pretrained word vectors " + path +
                            " do not exist (scripts/install_deps.sh installs them)");
  }
  std::ifstream in(path, std::ios::binary);
  const auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("pretrained word vectors " + path + ": " + why);
  };
  char magic[8] = {};
  std::uint32_t words = 0, dims = 0;
  in.read(magic, sizeof magic);
  in.read(reinterpret_cast<char*>(&words), sizeof words);
  in.read(reinterpret_cast<char*>(&dims), sizeof dims);
  if (!in || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return bad("not a vectors file");
  if (words > kMaxWords || dims == 0 || dims > kMaxDims) return bad("implausible size");
  std::vector<std::string> names(words);
  for (std::string& w : names) {
    std::uint32_t n = 0;
    in.read(reinterpret_cast<char*>(&n), sizeof n);
    if (!in || n > kMaxWordBytes) return bad("truncated or corrupt word list");
    w.resize(n);
    in.read(w.data(), n);
  }
  std::vector<float> rows(static_cast<std::size_t>(words) * dims);
  in.read(reinterpret_cast<char*>(rows.data()),
          static_cast<std::streamsize>(rows.size() * sizeof(float)));
  if (!in) return bad("truncated");
  if (in.peek() != std::char_traits<char>::eof()) return bad("trailing bytes");
  auto vectors = FromRows(std::move(names), static_cast<int>(dims), std::move(rows));
  if (!vectors.ok()) return bad(vectors.status().message());
  return vectors;
}

int PretrainedVectors::Find(std::string_view word) const {
  const auto it = index_.find(std::string(word));
  return it == index_.end() ? -1 : it->second;
}

std::string_view VectorWord(const text::Token& token) {
  if (token.kind != text::TokenKind::kWord) return {};
  std::string_view word = token.text;
  if (word.starts_with(text::kNegatedPrefix)) word.remove_prefix(text::kNegatedPrefix.size());
  return word;
}

std::vector<std::uint32_t> VectorWordIds(const PretrainedVectors& vectors,
                                         const text::Tokens& tokens) {
  std::vector<std::uint32_t> ids;
  for (const text::Token& t : tokens) {
    const std::string_view word = VectorWord(t);
    if (word.empty()) continue;
    if (const int i = vectors.Find(word); i >= 0) ids.push_back(static_cast<std::uint32_t>(i));
  }
  return ids;
}

}  // namespace sobremesa::sentiment
