#include "ingest/csv_reader.h"

namespace sobremesa {
namespace {

constexpr size_t kBlockBytes = 64 * 1024;

}  // namespace

CsvReader::CsvReader(std::istream& in) : in_(in), buffer_(kBlockBytes) {}

int CsvReader::Peek() {
  if (pos_ == end_) {
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    end_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(buffer_[pos_]);
}

int CsvReader::Get() {
  const int c = Peek();
  if (c == -1) return c;
  ++pos_;
  ++bytes_read_;
  if (c == '\n') ++line_;
  return c;
}

void CsvReader::SkipRestOfLine() {
  for (int c = Get(); c != '\n' && c != -1; c = Get()) {
  }
}

Status CsvReader::Malformed(int last_char, const std::string& reason) {
  // Resume at the next physical line unless this one already ended.
  if (last_char != '\n' && last_char != -1) SkipRestOfLine();
  return Status::InvalidArgument(reason);
}

StatusOr<bool> CsvReader::Next(CsvRecord* record) {
  if (at_start_) {
    at_start_ = false;
    if (Peek() == 0xEF) {
      // A BOM is exactly EF BB BF; anything else starting with EF is data.
      const std::string bom = "\xEF\xBB\xBF";
      if (std::string(buffer_.data() + pos_, std::min<size_t>(3, end_ - pos_)) == bom) {
        pos_ += 3;
        bytes_read_ += 3;
      }
    }
  }
  enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };
  for (;;) {
    record->fields.clear();
    record->line = line_;
    if (Peek() == -1) return false;
    std::string field;
    size_t record_bytes = 0;
    bool any_quote = false;
    State state = State::kFieldStart;
    for (bool done = false; !done;) {
      const int c = Get();
      if (++record_bytes > kMaxRecordBytes) {
        return Malformed(c, "record longer than " + std::to_string(kMaxRecordBytes) + " bytes");
      }
      const bool crlf = c == '\r' && Peek() == '\n';  // the CR of CRLF is not data
      switch (state) {
        case State::kFieldStart:
          if (c == '"') {
            any_quote = true;
            state = State::kQuoted;
            break;
          }
          state = State::kUnquoted;
          [[fallthrough]];
        case State::kUnquoted:
        case State::kAfterQuote:
          if (c == ',') {
            record->fields.push_back(std::move(field));
            field.clear();
            state = State::kFieldStart;
          } else if (c == '\n' || c == -1) {
            record->fields.push_back(std::move(field));
            done = true;
          } else if (crlf) {
            // dropped; the LF ends the record
          } else if (state == State::kAfterQuote) {
            return Malformed(c, "unexpected character after a closing quote");
          } else {
            // A quote inside an unquoted field is kept as data, as most
            // spreadsheet exports do (12" pizza).
            field.push_back(static_cast<char>(c));
          }
          break;
        case State::kQuoted:
          if (c == -1) {
            return Status::InvalidArgument("quoted field is not closed before the end of the file");
          }
          if (c == '"' && Peek() == '"') {
            Get();
            field.push_back('"');
          } else if (c == '"') {
            state = State::kAfterQuote;
          } else {
            field.push_back(static_cast<char>(c));
          }
          break;
      }
    }
    const bool blank = record->fields.size() == 1 && record->fields[0].empty() && !any_quote;
    if (!blank) return true;
  }
}

}  // namespace sobremesa
