#include "ingest/row_source.h"

#include <algorithm>

#include "codec/duplicate_keys.h"
#include "codec/json_field_reader.h"
#include "ingest/csv_reader.h"

namespace sobremesa {
namespace {

using nlohmann::json;

constexpr size_t kMaxJsonLineBytes = 1 << 20;

std::string_view TrimSpaces(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Quoted(const std::vector<std::string>& names) {
  std::string out = "'" + names[0] + "'";
  if (names.size() > 1) {
    out += " (or";
    for (size_t i = 1; i < names.size(); ++i) out += (i > 1 ? ", '" : " '") + names[i] + "'";
    out += ")";
  }
  return out;
}

class CsvRowSource : public RowSource {
 public:
  explicit CsvRowSource(std::istream& in) : reader_(in) {}

  Status ReadHeader(const std::string& name, ImportKind kind);
  StatusOr<bool> Next(SourceRow* row) override;
  std::uint64_t bytes_read() const override { return reader_.bytes_read(); }
  const char* part_name() const override { return "column"; }
  bool text_values() const override { return true; }

 private:
  CsvReader reader_;
  std::vector<std::string> columns_;
  CsvRecord record_;  // reused so cells keep their capacity between rows
};

Status CsvRowSource::ReadHeader(const std::string& name, ImportKind kind) {
  StatusOr<bool> got = reader_.Next(&record_);
  const std::string where = name + ":" + std::to_string(record_.line) + ": ";
  if (!got.ok()) return got.status().WithContext(where + "header");
  if (!*got) return Status::InvalidArgument(name + ": empty file, expected a header row");
  for (const std::string& cell : record_.fields) {
    std::string column(TrimSpaces(cell));
    if (std::find(columns_.begin(), columns_.end(), column) != columns_.end()) {
      return Status::InvalidArgument(where + "duplicate column '" + column + "'");
    }
    columns_.push_back(std::move(column));
  }
  for (const auto& group : RequiredColumns(kind)) {
    const bool present = std::any_of(group.begin(), group.end(), [&](const std::string& c) {
      return std::find(columns_.begin(), columns_.end(), c) != columns_.end();
    });
    if (!present) {
      return Status::InvalidArgument(where + "missing column " + Quoted(group) + " for kind " +
                                     std::string(ImportKindCode(kind)) +
                                     " (have: " + Join(columns_) + ")");
    }
  }
  return Status::Ok();
}

StatusOr<bool> CsvRowSource::Next(SourceRow* row) {
  StatusOr<bool> got = reader_.Next(&record_);
  row->line = record_.line;
  if (!got.ok() || !*got) return got;
  if (record_.fields.size() != columns_.size()) {
    return Status::InvalidArgument("expected " + std::to_string(columns_.size()) +
                                   " columns, got " + std::to_string(record_.fields.size()));
  }
  row->object = json::object();
  std::uint64_t hash = kFnvOffset;
  for (size_t i = 0; i < columns_.size(); ++i) {
    hash = Fnv1a("\x1f", Fnv1a(record_.fields[i], hash));
    row->object[columns_[i]] = std::move(record_.fields[i]);
  }
  row->content_hash = hash;
  return true;
}

class JsonLinesSource : public RowSource {
 public:
  explicit JsonLinesSource(std::istream& in) : in_(in) {}

  StatusOr<bool> Next(SourceRow* row) override;
  std::uint64_t bytes_read() const override { return bytes_read_; }
  const char* part_name() const override { return "field"; }
  bool text_values() const override { return false; }

 private:
  // Reads one physical line into text_, keeping at most kMaxJsonLineBytes.
  // Returns false at the end of input.
  bool ReadLine(bool* too_long);

  std::istream& in_;
  std::string text_;
  std::uint64_t bytes_read_ = 0;
  std::int64_t line_ = 0;
};

bool JsonLinesSource::ReadLine(bool* too_long) {
  text_.clear();
  std::streambuf* buf = in_.rdbuf();
  int c = buf->sbumpc();
  if (c == std::char_traits<char>::eof()) return false;
  for (; c != std::char_traits<char>::eof() && c != '\n'; c = buf->sbumpc()) {
    ++bytes_read_;
    if (text_.size() < kMaxJsonLineBytes) {
      text_.push_back(static_cast<char>(c));
    } else {
      *too_long = true;
    }
  }
  if (c == '\n') ++bytes_read_;
  if (!text_.empty() && text_.back() == '\r') text_.pop_back();
  if (line_ == 0 && text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  return true;
}

// nlohmann's message without its exception tag, its "line 1" (every row is
// one line) or the raw bytes it last read (which may be invalid UTF-8).
std::string DescribeParseError(const json::parse_error& e) {
  std::string_view m = e.what();
  if (const auto tag = m.find("] "); tag != std::string_view::npos) m.remove_prefix(tag + 2);
  if (m.starts_with("parse error at line 1, ")) m.remove_prefix(23);
  m = m.substr(0, m.find("; last read"));
  return "invalid JSON: " + std::string(m);
}

StatusOr<bool> JsonLinesSource::Next(SourceRow* row) {
  for (;;) {
    bool too_long = false;
    if (!ReadLine(&too_long)) return false;
    row->line = ++line_;
    if (too_long) {
      return Status::InvalidArgument("line longer than " + std::to_string(kMaxJsonLineBytes) +
                                     " bytes");
    }
    if (TrimSpaces(text_).empty()) continue;
    DuplicateKeyCheck keys;
    try {
      row->object = json::parse(text_, keys.Callback());
    } catch (const json::parse_error& e) {  // the only exception parse() throws
      return Status::InvalidArgument(DescribeParseError(e));
    }
    RETURN_IF_ERROR(keys.status());
    if (!row->object.is_object()) {
      return Status::InvalidArgument("expected a JSON object, got " + ShowJsonValue(row->object));
    }
    row->content_hash = Fnv1a(text_);
    return true;
  }
}

}  // namespace

std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t hash) {
  constexpr std::uint64_t kFnvPrime = 1099511628211ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * kFnvPrime;
  return hash;
}

StatusOr<std::unique_ptr<RowSource>> OpenCsvRows(std::istream& in, const std::string& name,
                                                 ImportKind kind) {
  auto source = std::make_unique<CsvRowSource>(in);
  RETURN_IF_ERROR(source->ReadHeader(name, kind));
  return std::unique_ptr<RowSource>(std::move(source));
}

std::unique_ptr<RowSource> OpenJsonLines(std::istream& in) {
  return std::make_unique<JsonLinesSource>(in);
}

}  // namespace sobremesa
