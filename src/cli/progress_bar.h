#pragma once
// A one-line progress display for long work (a large demo, an import, a
// training run) on a terminal; silent when stderr is not a terminal, so logs
// and CI output stay clean.

#include <chrono>
#include <string>
#include <string_view>

namespace sobremesa {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();  // ends the line if anything was drawn

  // Redraws at most ten times a second; `fraction` in [0, 1].
  void Update(std::string_view stage, double fraction);

 private:
  const bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace sobremesa
