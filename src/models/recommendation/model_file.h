#pragma once
// The on-disk format of recommendation models (docs/evaluation/recommender.md):
//   8 bytes magic "SBMRECO\0", uint32 version, uint32 kind,
//   uint32 n, then n int64 shape values,
//   uint32 m, then m arrays, each uint64 length followed by length float32,
//   and nothing after. Little-endian, as written by the host.
// Reading checks every length against the file size, so a truncated or
// foreign file gives a clear Status instead of a crash.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

inline constexpr uint32_t kModelFileVersion = 1;

enum class ModelKind : uint32_t { kBiasedMf = 1, kItemToItem = 2 };

struct ModelFileContents {
  ModelKind kind = ModelKind::kBiasedMf;
  std::vector<int64_t> shape;
  std::vector<std::vector<float>> arrays;
};

// Writes `contents` to `path`, replacing it. Internal on an I/O failure.
Status WriteModelFile(const std::string& path, const ModelFileContents& contents);

// Reads a file written by WriteModelFile. NotFound if `path` cannot be opened;
// InvalidArgument if it is not a model file, has another version or kind than
// `expected_kind`, or is truncated or has trailing bytes.
StatusOr<ModelFileContents> ReadModelFile(const std::string& path, ModelKind expected_kind);

}  // namespace sobremesa::recommendation
