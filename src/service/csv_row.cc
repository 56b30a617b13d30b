#include "service/csv_row.h"

namespace sobremesa {
namespace {

// Whether a spreadsheet would read the cell as a formula: it starts with
// = or @, or with + or - followed by more than a number (a phone number
// "+51 987 654 321" or an amount "-12.50" reads as it is).
bool ReadsAsFormula(const std::string& value) {
  if (value.empty()) return false;
  const char first = value.front();
  if (first == '=' || first == '@' || first == '\t' || first == '\r') return true;
  if (first != '+' && first != '-') return false;
  return value.find_first_not_of("0123456789 ().-/", 1) != std::string::npos;
}

}  // namespace

std::string CsvField(const std::string& value) {
  // A guest who signs up as `=HYPERLINK("http://...")` must not run in the
  // spreadsheet marketing opens the export in (CSV injection): a leading
  // apostrophe makes the cell text.
  const std::string text = ReadsAsFormula(value) ? "'" + value : value;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << CsvField(fields[i]);
  out << "\n";
}

}  // namespace sobremesa
