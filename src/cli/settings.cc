#include "cli/settings.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>

namespace sobremesa {
namespace {

std::string KeyOf(std::string name) {
  for (char& c : name) c = c == '_' ? '-' : c;
  return name;
}

StatusOr<std::map<std::string, std::vector<std::string>>> ReadConfig(const std::string& path) {
  std::map<std::string, std::vector<std::string>> values;
  if (path.empty()) return values;
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument("config file " + path + " cannot be read");
  try {
    for (const CLI::ConfigItem& item : CLI::ConfigTOML().from_config(in)) {
      if (item.name == "++" || item.name == "--") continue;  // section markers
      values[KeyOf(item.name)] = item.inputs;
    }
  } catch (const CLI::Error& e) {
    return Status::InvalidArgument("config file " + path + ": " + e.what());
  }
  return values;
}

Status Apply(CLI::Option& option, const std::vector<std::string>& inputs,
             const std::string& source) {
  try {
    for (const std::string& v : inputs) option.add_result(v);
    option.run_callback();
  } catch (const CLI::Error& e) {
    return Status::InvalidArgument(source + ": " + e.what());
  }
  return Status::Ok();
}

}  // namespace

std::string EnvironmentName(const std::string& long_flag) {
  std::string name = "SOBREMESA_";
  for (char c : long_flag) {
    if (c == '-') {
      if (name.back() != '_') name += '_';
    } else {
      name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return name;
}

Status ApplyEnvironmentAndConfig(CLI::App& command, const std::string& config_path) {
  ASSIGN_OR_RETURN(auto config, ReadConfig(config_path));
  for (CLI::Option* option : command.get_options()) {
    const std::string& flag = option->get_single_name();
    if (option->count() > 0 || option->get_lnames().empty() || flag == "help") continue;
    const std::string env = EnvironmentName(flag);
    if (const char* value = std::getenv(env.c_str()); value != nullptr && *value != '\0') {
      RETURN_IF_ERROR(Apply(*option, {value}, "environment variable " + env));
    } else if (auto it = config.find(KeyOf(flag)); it != config.end()) {
      RETURN_IF_ERROR(Apply(*option, it->second, "config file " + config_path + " key " + flag));
    }
  }
  return Status::Ok();
}

}  // namespace sobremesa
