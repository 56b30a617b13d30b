// sobremesa: one executable, a subcommand per job. Turns a command's Status
// into an exit code: 0 ok, 1 failure, 2 bad usage.

#include <spdlog/spdlog.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/settings.h"

int main(int argc, char** argv) {
  using namespace sobremesa;
  CLI::App app{
      "Sobremesa: guest personalization for fine dining in Peru.\n"
      "Flags may also come from SOBREMESA_<FLAG> environment variables or --config FILE."};
  app.require_subcommand(1);
  std::string config_path;
  app.add_option("--config", config_path, "Config file (TOML/INI) with flag values")
      ->envname("SOBREMESA_CONFIG");
  CLI::App* evaluate = app.add_subcommand("evaluate", "Measure model quality on a data set");
  evaluate->require_subcommand(1);
  std::vector<Command> commands = {
      AddDemoCommand(app),   AddServeCommand(app),  AddImportCommand(app),
      AddTrainCommand(app),  AddExportCommand(app), AddEvaluateRecommenderCommand(*evaluate),
      AddEvaluateSentimentCommand(*evaluate), AddEvaluateBehaviourCommand(*evaluate),
      AddEvaluateCheckSetCommand(*evaluate), AddEvaluateLanguageCommand(*evaluate),
      AddAnalyzeCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S%z %^%l%$ %v");
  for (const Command& command : commands) {
    if (!command.app->parsed()) continue;
    Status status = ApplyEnvironmentAndConfig(*command.app, config_path);
    if (status.ok()) status = command.run();
    if (!status.ok()) {
      std::fprintf(stderr, "sobremesa %s: %s\n", command.app->get_name().c_str(),
                   status.message().c_str());
      return status.code() == StatusCode::kInvalidArgument ? 2 : 1;
    }
    return 0;
  }
  return 2;
}
