#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sobremesa {
namespace {

// One record or one error as read, for compact expectations.
struct Read {
  std::int64_t line;
  std::vector<std::string> fields;  // empty when `error` is set
  std::string error;
  friend bool operator==(const Read&, const Read&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Read& r) {
    os << "{line " << r.line << ": ";
    for (const auto& f : r.fields) os << "[" << f << "]";
    return os << (r.error.empty() ? "" : " error: " + r.error) << "}";
  }
};

std::vector<Read> ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<Read> out;
  CsvRecord record;
  for (int guard = 0; guard < 100; ++guard) {
    StatusOr<bool> got = reader.Next(&record);
    if (!got.ok()) {
      out.push_back({record.line, {}, got.status().message()});
    } else if (!*got) {
      break;
    } else {
      out.push_back({record.line, record.fields, ""});
    }
  }
  return out;
}

using Reads = std::vector<Read>;

TEST(CsvReaderTest, ReadsPlainRecordsWithLineNumbers) {
  EXPECT_EQ(ReadAll("a,b,c\n1,2,3\n"), (Reads{{1, {"a", "b", "c"}, ""}, {2, {"1", "2", "3"}, ""}}));
}

TEST(CsvReaderTest, LastLineWithoutNewline) {
  EXPECT_EQ(ReadAll("a,b\n1,2"), (Reads{{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}}));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasAndEscapedQuotes) {
  EXPECT_EQ(ReadAll("name,note\n\"Pulpo, al olivo\",\"dijo \"\"buenazo\"\"\"\n"),
            (Reads{{1, {"name", "note"}, ""}, {2, {"Pulpo, al olivo", "dijo \"buenazo\""}, ""}}));
}

TEST(CsvReaderTest, EmbeddedNewlineKeepsPhysicalLineNumbers) {
  EXPECT_EQ(ReadAll("text,nps\n\"línea uno\nlínea dos\n\",9\nfin,10\n"),
            (Reads{{1, {"text", "nps"}, ""},
                   {2, {"línea uno\nlínea dos\n", "9"}, ""},
                   {5, {"fin", "10"}, ""}}));
}

TEST(CsvReaderTest, CrlfLineEnds) {
  EXPECT_EQ(ReadAll("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n"),
            (Reads{{1, {"a", "b"}, ""}, {2, {"x\r\ny", "2"}, ""}, {4, {"3", "4"}, ""}}));
}

TEST(CsvReaderTest, SkipsUtf8ByteOrderMark) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFname\nñandú\n"), (Reads{{1, {"name"}, ""}, {2, {"ñandú"}, ""}}));
}

TEST(CsvReaderTest, EmptyFieldsAndBlankLines) {
  EXPECT_EQ(ReadAll("a,b,c\n\n,,\n\r\n\"\"\n"),
            (Reads{{1, {"a", "b", "c"}, ""}, {3, {"", "", ""}, ""}, {5, {""}, ""}}));
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsData) {
  EXPECT_EQ(ReadAll("pizza 12\" fina,1\n"), (Reads{{1, {"pizza 12\" fina", "1"}, ""}}));
}

TEST(CsvReaderTest, CharacterAfterClosingQuoteIsAnErrorAndReadingResumes) {
  EXPECT_EQ(ReadAll("a,b\n\"x\"y,2\n3,4\n"),
            (Reads{{1, {"a", "b"}, ""},
                   {2, {}, "unexpected character after a closing quote"},
                   {3, {"3", "4"}, ""}}));
}

TEST(CsvReaderTest, UnclosedQuoteAtEndOfFileNamesItsStartLine) {
  EXPECT_EQ(ReadAll("a,b\n1,\"abierto\n\nsin cerrar\n"),
            (Reads{{1, {"a", "b"}, ""},
                   {2, {}, "quoted field is not closed before the end of the file"}}));
}

TEST(CsvReaderTest, OversizedRecordIsAnErrorAndReadingResumes) {
  const std::string huge(CsvReader::kMaxRecordBytes + 10, 'x');
  EXPECT_EQ(ReadAll("a\n" + huge + "\nok\n"),
            (Reads{{1, {"a"}, ""}, {2, {}, "record longer than 1048576 bytes"}, {3, {"ok"}, ""}}));
}

TEST(CsvReaderTest, CountsBytesRead) {
  std::istringstream in(
      "\xEF\xBB\xBF"
      "a,b\n1,2\n");
  CsvReader reader(in);
  CsvRecord record;
  while (reader.Next(&record).value()) {
  }
  EXPECT_EQ(reader.bytes_read(), 11u);
}

}  // namespace
}  // namespace sobremesa
