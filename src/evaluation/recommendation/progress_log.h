#pragma once
// Where a protocol reports what it is doing (tuning choices, per-fold numbers)
// for a person watching; the CLI prints it to stderr. May be empty.

#include <functional>
#include <string>

namespace sobremesa::recommendation {

using ProgressLog = std::function<void(const std::string& line)>;

inline void Report(const ProgressLog& log, const std::string& line) {
  if (log) log(line);
}

}  // namespace sobremesa::recommendation
