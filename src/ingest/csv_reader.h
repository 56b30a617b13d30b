#pragma once
// A streaming RFC 4180 CSV reader: quoted fields with "" escapes, commas and
// newlines inside quotes, CRLF or LF line ends, a leading UTF-8 BOM skipped.
//
// Our own small reader rather than Debian's libcsv because import errors must
// name the physical line where a record starts, which libcsv does not report.
// Memory is constant: one buffered block plus the current record, itself
// capped (kMaxRecordBytes), so a 1 GB export or a runaway quote is safe.

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct CsvRecord {
  std::int64_t line = 0;  // physical line (1-based) where the record starts
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  static constexpr size_t kMaxRecordBytes = 1 << 20;

  // Borrows `in`, which must outlive the reader.
  explicit CsvReader(std::istream& in);

  // Reads the next record into *record. Returns true when one was read and
  // false at the end of input. Blank lines are skipped. A malformed record (a
  // character after a closing quote, a quote left open at the end of input, a
  // record over kMaxRecordBytes) is InvalidArgument naming the reason, with
  // record->line set to where it starts; the reader then resumes at the next
  // physical line, so the caller may keep reading.
  StatusOr<bool> Next(CsvRecord* record);

  // Bytes consumed from the stream so far, for progress reports.
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  // Next byte, or -1 at the end of input.
  int Get();
  int Peek();
  void SkipRestOfLine();
  Status Malformed(int last_char, const std::string& reason);

  std::istream& in_;
  std::vector<char> buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::int64_t line_ = 1;  // physical line of the next byte
  bool at_start_ = true;
};

}  // namespace sobremesa
