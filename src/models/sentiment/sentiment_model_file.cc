// SentimentModel::Save and ::Load: the file format of
// docs/evaluation/sentiment.md. Little-endian, as written by x86-64/arm64.

#include <cstring>
#include <filesystem>
#include <fstream>

#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {
namespace {

constexpr char kMagic[8] = {'S', 'B', 'M', 'S', 'E', 'N', 'T', '1'};
// Version 2 added per-category thresholds, the wide category part, the
// category embedding and negated_words_add_plain; version 3 the category
// fallback; version 4 the sentence polarity source and sentence_dim;
// version 5 the sentence-wide flag and the sentiment lexicon's stem -> bin
// table (so serving needs no lexicon file); version 6 the category-polarity
// sentence weight and wide flag; version 7 the sentence stacker's weights
// and the folded category-polarity flag; version 8 the category stacker's
// weights; version 9 the category word view (a block of its own after the
// four arrays); version 10 the word view's reader fields (after the
// version 9 block). Older files (without them) still load.
constexpr std::uint32_t kVersion = 10;
constexpr std::uint32_t kOldestVersion = 1;
// Bounds that a real model stays far below; a corrupt header beyond them
// must not make Load allocate gigabytes.
constexpr std::uint64_t kMaxFloats = 1ull << 28;
constexpr std::uint32_t kMaxStringBytes = 1u << 12;
constexpr std::uint32_t kMaxCategories = 1u << 10;
constexpr std::uint32_t kMaxLexiconStems = 1u << 20;
constexpr std::uint32_t kMaxViewWords = 1u << 23;
constexpr std::uint32_t kMaxReaderUnits = 1u << 12;

class Writer {
 public:
  explicit Writer(std::ofstream& out) : out_(out) {}
  void U32(std::uint32_t v) { out_.write(reinterpret_cast<const char*>(&v), sizeof v); }
  void F32(float v) { out_.write(reinterpret_cast<const char*>(&v), sizeof v); }
  void Str(const std::string& s) {
    U32(static_cast<std::uint32_t>(s.size()));
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }
  void Floats(const std::vector<float>& v) {
    U32(static_cast<std::uint32_t>(v.size()));
    out_.write(reinterpret_cast<const char*>(v.data()),
               static_cast<std::streamsize>(v.size() * sizeof(float)));
  }

 private:
  std::ofstream& out_;
};

// Reads fields, remembering the first failure so callers check once.
class Reader {
 public:
  explicit Reader(std::ifstream& in) : in_(in) {}
  bool ok() const { return ok_; }
  void Fail() { ok_ = false; }
  std::uint32_t U32() {
    std::uint32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  float F32() {
    float v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::string Str() {
    const std::uint32_t n = U32();
    if (n > kMaxStringBytes) ok_ = false;
    std::string s(ok_ ? n : 0, '\0');
    Raw(s.data(), s.size());
    return s;
  }
  std::vector<float> Floats() {
    const std::uint32_t n = U32();
    if (n > kMaxFloats) ok_ = false;
    std::vector<float> v(ok_ ? n : 0);
    Raw(v.data(), v.size() * sizeof(float));
    return v;
  }
  void Raw(void* data, std::size_t bytes) {
    if (!ok_ || bytes == 0) return;
    in_.read(static_cast<char*>(data), static_cast<std::streamsize>(bytes));
    ok_ = static_cast<std::size_t>(in_.gcount()) == bytes;
  }

 private:
  std::ifstream& in_;
  bool ok_ = true;
};

// Version 5's lexicon: u32 count, then each stem (string) and bin (i32).
StatusOr<std::shared_ptr<const text::SentimentLexicon>> ReadLexicon(Reader& r) {
  const std::uint32_t count = r.U32();
  if (count == 0 || !r.ok()) return std::shared_ptr<const text::SentimentLexicon>();
  if (count > kMaxLexiconStems) return Status::InvalidArgument("lexicon too large");
  std::vector<std::pair<std::string, int>> bins;
  for (std::uint32_t i = 0; r.ok() && i < count; ++i) {
    std::string stem = r.Str();
    bins.emplace_back(std::move(stem), static_cast<std::int32_t>(r.U32()));
  }
  // A truncated file is reported by the caller.
  if (!r.ok()) return std::shared_ptr<const text::SentimentLexicon>();
  ASSIGN_OR_RETURN(text::SentimentLexicon lexicon,
                   text::SentimentLexicon::FromBins(std::move(bins)));
  return std::make_shared<const text::SentimentLexicon>(std::move(lexicon));
}

SentimentModelConfig ReadConfig(Reader& r, std::uint32_t version) {
  SentimentModelConfig c;
  c.language = text::ParseLanguage(r.Str());
  c.features.buckets = r.U32();
  c.features.min_char_ngram = static_cast<int>(r.U32());
  c.features.max_char_ngram = static_cast<int>(r.U32());
  c.dim = static_cast<int>(r.U32());
  c.category_threshold = r.F32();
  const std::uint32_t categories = r.U32();
  for (std::uint32_t i = 0; r.ok() && i < categories && i < kMaxCategories; ++i) {
    c.categories.push_back(r.Str());
  }
  if (version >= 2) {
    const std::uint32_t thresholds = r.U32();
    for (std::uint32_t i = 0; r.ok() && i < thresholds && i < kMaxCategories; ++i) {
      c.category_thresholds.push_back(r.F32());
    }
    c.wide_categories = r.U32() != 0;
    c.category_dim = static_cast<int>(r.U32());
    c.features.negated_words_add_plain = r.U32() != 0;
    if (version >= 3) c.category_fallback = r.F32();
    if (version >= 4) {
      c.sentence_source = static_cast<SentenceSource>(r.U32());
      c.sentence_dim = static_cast<int>(r.U32());
    }
    if (version >= 5) c.sentence_wide = r.U32() != 0;
    if (version >= 6) {
      c.category_polarity_sentence_weight = r.F32();
      c.category_polarity_wide = r.U32() != 0;
    }
    if (version >= 7) {
      c.sentence_stacker = r.Floats();
      c.category_polarity_folded = r.U32() != 0;
    }
    if (version >= 8) c.category_stacker = r.Floats();
  } else {
    c.features.negated_words_add_plain = false;  // version 1 had no such features
  }
  return c;
}

// Version 9's category word view: u32 count of words, each word, then the
// values (words x C), the biases (C) and the evidence thresholds (C) as
// float arrays, and the evidence fallback f32.
CategoryWordView ReadWordView(Reader& r) {
  CategoryWordView view;
  const std::uint32_t words = r.U32();
  if (words > kMaxViewWords) {
    r.Fail();  // reported as corrupt by the caller
    return view;
  }
  for (std::uint32_t i = 0; r.ok() && i < words; ++i) view.words.push_back(r.Str());
  view.values = r.Floats();
  view.bias = r.Floats();
  view.evidence_thresholds = r.Floats();
  view.evidence_fallback = r.F32();
  return view;
}

// Version 10's reader fields of the word view (category_vector_reader.h):
// u32 units (0: the linear view), u32 with-mean flag, then the output
// weights as a float array.
void ReadWordViewReader(Reader& r, CategoryWordView& view) {
  const std::uint32_t units = r.U32();
  if (units > kMaxReaderUnits) {
    r.Fail();  // reported as corrupt by the caller
    return;
  }
  view.reader_units = static_cast<int>(units);
  view.reader_mean = r.U32() != 0;
  view.reader_output = r.Floats();
}

}  // namespace

Status SentimentModel::Save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Internal("cannot write model file " + path);
  out.write(kMagic, sizeof kMagic);
  Writer w(out);
  w.U32(kVersion);
  w.Str(std::string(text::LanguageCode(config_.language)));
  w.U32(config_.features.buckets);
  w.U32(static_cast<std::uint32_t>(config_.features.min_char_ngram));
  w.U32(static_cast<std::uint32_t>(config_.features.max_char_ngram));
  w.U32(static_cast<std::uint32_t>(config_.dim));
  w.F32(config_.category_threshold);
  w.U32(static_cast<std::uint32_t>(config_.categories.size()));
  for (const std::string& c : config_.categories) w.Str(c);
  w.U32(static_cast<std::uint32_t>(config_.category_thresholds.size()));
  for (const float t : config_.category_thresholds) w.F32(t);
  w.U32(config_.wide_categories ? 1 : 0);
  w.U32(static_cast<std::uint32_t>(config_.category_dim));
  w.U32(config_.features.negated_words_add_plain ? 1 : 0);
  w.F32(config_.category_fallback);
  w.U32(static_cast<std::uint32_t>(config_.sentence_source));
  w.U32(static_cast<std::uint32_t>(config_.sentence_dim));
  w.U32(config_.sentence_wide ? 1 : 0);
  w.F32(config_.category_polarity_sentence_weight);
  w.U32(config_.category_polarity_wide ? 1 : 0);
  w.Floats(config_.sentence_stacker);
  w.U32(config_.category_polarity_folded ? 1 : 0);
  w.Floats(config_.category_stacker);
  const auto lexicon = config_.features.lexicon ? config_.features.lexicon->Bins()
                                                : std::vector<std::pair<std::string, int>>();
  w.U32(static_cast<std::uint32_t>(lexicon.size()));
  for (const auto& [stem, bin] : lexicon) {
    w.Str(stem);
    w.U32(static_cast<std::uint32_t>(static_cast<std::int32_t>(bin)));
  }
  for (const auto* v :
       {&weights_.embedding, &weights_.polarity, &weights_.category, &weights_.category_polarity}) {
    w.Floats(*v);
  }
  const CategoryWordView& view = config_.category_word_view;
  w.U32(static_cast<std::uint32_t>(view.words.size()));
  for (const std::string& word : view.words) w.Str(word);
  w.Floats(view.values);
  w.Floats(view.bias);
  w.Floats(view.evidence_thresholds);
  w.F32(view.evidence_fallback);
  w.U32(static_cast<std::uint32_t>(view.reader_units));
  w.U32(view.reader_mean ? 1 : 0);
  w.Floats(view.reader_output);
  out.flush();
  if (!out) return Status::Internal("failed writing model file " + path);
  return Status::Ok();
}

StatusOr<std::unique_ptr<SentimentModel>> SentimentModel::Load(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("no sentiment model file at " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("cannot open model file " + path);
  char magic[sizeof kMagic] = {};
  Reader r(in);
  r.Raw(magic, sizeof magic);
  if (!r.ok() || std::memcmp(magic, kMagic, sizeof kMagic) != 0) {
    return Status::InvalidArgument(path + " is not a Sobremesa sentiment model (bad magic)");
  }
  const std::uint32_t version = r.U32();
  if (version < kOldestVersion || version > kVersion) {
    return Status::InvalidArgument(path + " has model format version " + std::to_string(version) +
                                   "; this build reads versions " + std::to_string(kOldestVersion) +
                                   " to " + std::to_string(kVersion));
  }
  SentimentModelConfig config = ReadConfig(r, version);
  if (version >= 5) {
    auto lexicon = ReadLexicon(r);
    if (!lexicon.ok()) return lexicon.status().WithContext(path);
    config.features.lexicon = *std::move(lexicon);
  }
  Weights w;
  w.embedding = r.Floats();
  w.polarity = r.Floats();
  w.category = r.Floats();
  w.category_polarity = r.Floats();
  if (version >= 9) config.category_word_view = ReadWordView(r);
  if (version >= 10) ReadWordViewReader(r, config.category_word_view);
  if (!r.ok()) return Status::InvalidArgument(path + " is truncated or corrupt");
  if (in.peek() != std::char_traits<char>::eof()) {
    return Status::InvalidArgument(path + " has trailing bytes after the model");
  }
  auto model = Create(std::move(config), std::move(w));
  if (!model.ok()) return model.status().WithContext(path);
  return model;
}

}  // namespace sobremesa::sentiment
