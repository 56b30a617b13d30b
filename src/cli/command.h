#pragma once
// One file per subcommand. Each Add*Command registers its flags on the root
// app and returns what to run once the command line (and the environment and
// config file, see settings.h) have been read. Commands report failure as a
// Status; only main turns it into an exit code.

#include <CLI/CLI.hpp>
#include <functional>

#include "common/status.h"

namespace sobremesa {

struct Command {
  CLI::App* app;
  std::function<Status()> run;
};

Command AddDemoCommand(CLI::App& root);
Command AddServeCommand(CLI::App& root);
Command AddImportCommand(CLI::App& root);
Command AddTrainCommand(CLI::App& root);
Command AddExportCommand(CLI::App& root);
Command AddAnalyzeCommand(CLI::App& root);

// `sobremesa evaluate <what> ...`: each adds its subcommand to `evaluate`,
// which reports model quality on a named data set (docs/evaluation.md).
Command AddEvaluateRecommenderCommand(CLI::App& evaluate);
Command AddEvaluateSentimentCommand(CLI::App& evaluate);
Command AddEvaluateBehaviourCommand(CLI::App& evaluate);
Command AddEvaluateCheckSetCommand(CLI::App& evaluate);
Command AddEvaluateLanguageCommand(CLI::App& evaluate);

}  // namespace sobremesa
