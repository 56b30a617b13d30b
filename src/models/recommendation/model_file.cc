#include "models/recommendation/model_file.h"

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>

namespace sobremesa::recommendation {
namespace {

constexpr std::array<char, 8> kMagic = {'S', 'B', 'M', 'R', 'E', 'C', 'O', '\0'};

template <typename T>
void Put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

// Reads fixed-size values from a byte buffer, remembering whether it ran out.
class ByteReader {
 public:
  explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}

  template <typename T>
  bool Get(T& value) {
    return GetBytes(&value, sizeof(T));
  }
  bool GetBytes(void* out, size_t n) {
    if (bytes_.size() - pos_ < n) return false;
    std::memcpy(out, bytes_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  const std::string& bytes_;
  size_t pos_ = 0;
};

Status Corrupt(const std::string& path, const std::string& what) {
  return Status::InvalidArgument("model file " + path + ": " + what);
}

Status ReadArrays(ByteReader& in, const std::string& path, ModelFileContents& out) {
  uint32_t count = 0;
  if (!in.Get(count)) return Corrupt(path, "truncated before the array count");
  for (uint32_t a = 0; a < count; ++a) {
    uint64_t length = 0;
    if (!in.Get(length)) return Corrupt(path, "truncated in array " + std::to_string(a));
    // Checked before allocating so a corrupt length cannot ask for terabytes.
    if (length > in.remaining() / sizeof(float)) {
      return Corrupt(path, "array " + std::to_string(a) + " is longer than the file");
    }
    std::vector<float>& values = out.arrays.emplace_back(length);
    in.GetBytes(values.data(), length * sizeof(float));
  }
  return Status::Ok();
}

}  // namespace

Status WriteModelFile(const std::string& path, const ModelFileContents& contents) {
  std::string bytes(kMagic.begin(), kMagic.end());
  Put(bytes, kModelFileVersion);
  Put(bytes, static_cast<uint32_t>(contents.kind));
  Put(bytes, static_cast<uint32_t>(contents.shape.size()));
  for (int64_t s : contents.shape) Put(bytes, s);
  Put(bytes, static_cast<uint32_t>(contents.arrays.size()));
  for (const std::vector<float>& a : contents.arrays) {
    Put(bytes, static_cast<uint64_t>(a.size()));
    bytes.append(reinterpret_cast<const char*>(a.data()), a.size() * sizeof(float));
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.good()) return Status::Internal("cannot write model file " + path);
  return Status::Ok();
}

StatusOr<ModelFileContents> ReadModelFile(const std::string& path, ModelKind expected_kind) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound("model file " + path + " cannot be opened");
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ByteReader in(bytes);
  std::array<char, 8> magic{};
  if (!in.GetBytes(magic.data(), magic.size()) || magic != kMagic) {
    return Corrupt(path, "not a Sobremesa recommendation model (bad magic number)");
  }
  uint32_t version = 0, kind = 0, shape_count = 0;
  if (!in.Get(version) || version != kModelFileVersion) {
    return Corrupt(path, "unsupported version " + std::to_string(version));
  }
  if (!in.Get(kind) || kind != static_cast<uint32_t>(expected_kind)) {
    return Corrupt(path, "holds model kind " + std::to_string(kind) + ", expected " +
                             std::to_string(static_cast<uint32_t>(expected_kind)));
  }
  ModelFileContents out{.kind = expected_kind};
  if (!in.Get(shape_count) || shape_count > in.remaining() / sizeof(int64_t)) {
    return Corrupt(path, "truncated in the shape");
  }
  out.shape.resize(shape_count);
  for (int64_t& s : out.shape) in.Get(s);
  RETURN_IF_ERROR(ReadArrays(in, path, out));
  if (in.remaining() != 0) return Corrupt(path, "has trailing bytes");
  return out;
}

}  // namespace sobremesa::recommendation
