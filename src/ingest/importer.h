#pragma once
// Bulk import of one kind of record from a CSV or JSON Lines file into a
// restaurant (the `sobremesa import` command). Formats, columns, reference
// and idempotency rules are documented in docs/import.md.
//
// Every row goes through the JSON codec (codec/entity_json.h); good rows are
// stored in batches, one transaction each, and bad rows are reported and
// skipped: "FILE:LINE: column 'x': reason" (CSV) or "FILE:LINE: field 'x':
// reason" (JSON Lines). Re-importing a file adds nothing twice: rows match
// stored records by external_id, and rows without one get a key derived from
// their content. The file is streamed, so memory stays constant whatever its size.

#include <chrono>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "common/status.h"
#include "ingest/import_kind.h"
#include "store/store.h"

namespace sobremesa {

enum class ImportFormat : std::uint8_t { kCsv, kJsonLines };

// By extension: ".csv" is CSV, ".jsonl" and ".ndjson" are JSON Lines (case
// does not matter); anything else is InvalidArgument listing these.
StatusOr<ImportFormat> ImportFormatFromPath(const std::string& path);

struct ImportOptions {
  int batch_size = 1000;          // rows per transaction, >= 1
  int max_errors_reported = 100;  // errors kept in ImportReport::errors
  // Called after every batch and once at the end with the bytes read so far
  // and the file's size (0 when unknown, e.g. a pipe); may be empty.
  std::function<void(std::uint64_t bytes_read, std::uint64_t total_bytes)> progress;
};

struct ImportReport {
  std::int64_t rows_read = 0;      // data rows seen (header and blank lines excluded)
  std::int64_t rows_stored = 0;    // inserted or updated in place
  std::int64_t rows_rejected = 0;  // rows_read - rows_stored
  // The first ImportOptions::max_errors_reported errors, in file order.
  std::vector<std::string> errors;
  // Each column or field the kind does not read (a misspelt "allergy" is
  // stored as nothing), once: "guests.csv: column 'allergy' is not read for
  // guests; ignored (docs/import.md)", or with the line of a JSON Lines row.
  std::vector<std::string> warnings;
  std::chrono::duration<double> elapsed{0};
};

// Imports the file at `path` (format by extension) into `restaurant_id`.
// Returns the report when the file could be read to its end, however many
// rows were rejected. Fails, with nothing stored, when the file cannot be
// opened (NotFound / Internal), its extension is unknown, a CSV header lacks
// a required column ("FILE:1: missing column 'seated_at' for kind visits
// (have: ...)"), or the restaurant does not exist (NotFound). Fails midway
// when the store itself fails (Internal, naming the line and how many rows
// were stored before it); batches stored before that stay stored.
StatusOr<ImportReport> ImportFile(Store& store, Id restaurant_id, ImportKind kind,
                                  const std::string& path, const ImportOptions& options = {});

// The same from a stream; `name` stands for the file in error messages.
// Progress reports a total of 0 (unknown).
StatusOr<ImportReport> ImportStream(Store& store, Id restaurant_id, ImportKind kind,
                                    ImportFormat format, std::istream& in, const std::string& name,
                                    const ImportOptions& options = {});

}  // namespace sobremesa
