#pragma once
// Configuration precedence for every subcommand: command-line flag, then the
// environment (SOBREMESA_<FLAG_NAME>, e.g. SOBREMESA_DATA_DIR), then the
// config file (--config FILE, TOML or INI: `data-dir = "/srv/sobremesa"`),
// then the built-in default. CLI11 alone would let the file beat the
// environment, so the last two are applied here, after parsing.

#include <CLI/CLI.hpp>
#include <string>

#include "common/status.h"

namespace sobremesa {

// "--data-dir" -> "SOBREMESA_DATA_DIR".
std::string EnvironmentName(const std::string& long_flag);

// Fills every option of `command` that the command line left unset from the
// environment or, failing that, from `config_path` (may be empty). A key
// that is a flag of another command is ignored, so one file can serve all
// subcommands. InvalidArgument naming the file or variable when a value is
// rejected, and naming the file and line of a key no command has.
Status ApplyEnvironmentAndConfig(CLI::App& command, const std::string& config_path);

}  // namespace sobremesa
