#include "evaluation/recommendation/text_lines.h"

#include <algorithm>
#include <fstream>

namespace sobremesa::recommendation {

Status ForEachLine(const std::string& path,
                   const std::function<Status(std::string_view)>& parse_line) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::string line;
  for (int64_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    Status s = parse_line(line);
    if (!s.ok()) return s.WithContext(path + ":" + std::to_string(number));
  }
  return Status::Ok();
}

std::vector<std::string_view> Split(std::string_view line, std::string_view separators) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (start <= line.size()) {
    const size_t end = std::min(line.find_first_of(separators, start), line.size());
    if (end > start) fields.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return fields;
}

}  // namespace sobremesa::recommendation
