#pragma once
// RFC 4180 CSV rows, for the exports of the CLI and the API.

#include <ostream>
#include <string>
#include <vector>

namespace sobremesa {

// Quotes a field when it holds a comma, quote or line break. A field a
// spreadsheet would run as a formula (=..., @..., +/- followed by more than
// a number) is written as text, with a leading apostrophe.
std::string CsvField(const std::string& value);

// The fields, comma-separated, and a newline.
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace sobremesa
