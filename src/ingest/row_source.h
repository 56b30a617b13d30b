#pragma once
// The rows of an import file as JSON objects for the codec, one at a time:
// CSV rows become flat objects {"column": "cell"} (read in text_values mode),
// JSON Lines rows are parsed as they are. Both stream in constant memory.

#include <cstdint>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "ingest/import_kind.h"

namespace sobremesa {

// FNV-1a, 64 bits: a hash that, unlike std::hash, is the same on every
// platform and release, as keys stored in the database must be.
inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t hash = kFnvOffset);

struct SourceRow {
  std::int64_t line = 0;  // physical line where the row starts
  nlohmann::json object;
  // FNV-1a of the row's raw content (cells or line text), stable across runs;
  // the importer derives keys for rows without an external_id from it.
  std::uint64_t content_hash = 0;
};

class RowSource {
 public:
  virtual ~RowSource() = default;

  // True when *row holds the next row, false at the end of input. A row that
  // cannot be read (malformed CSV or JSON, wrong number of cells) is
  // InvalidArgument naming the reason with row->line set; reading may go on.
  virtual StatusOr<bool> Next(SourceRow* row) = 0;
  virtual std::uint64_t bytes_read() const = 0;
  // How errors name a part of a row: "column" (CSV) or "field" (JSON Lines).
  virtual const char* part_name() const = 0;
  // Whether the codec should read values as text (CSV cells).
  virtual bool text_values() const = 0;
};

// Reads the header row and checks the columns `kind` requires. Fails, having
// read nothing else, with InvalidArgument
// "NAME:1: missing column 'x' for kind K (have: a, b)" or a header error.
// `in` must outlive the source.
StatusOr<std::unique_ptr<RowSource>> OpenCsvRows(std::istream& in, const std::string& name,
                                                 ImportKind kind);

// One JSON object per line; blank lines are skipped. `in` must outlive the source.
std::unique_ptr<RowSource> OpenJsonLines(std::istream& in);

}  // namespace sobremesa
