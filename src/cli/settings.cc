#include "cli/settings.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace sobremesa {
namespace {

std::string KeyOf(std::string name) {
  for (char& c : name) c = c == '_' ? '-' : c;
  return name;
}

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// The 1-based line of `text` that sets `key` (as KeyOf spells it), or 0.
// CLI11's parser keeps no line numbers, so an error about a key finds its
// line again here.
int LineOfKey(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    std::string_view name = Trim(std::string_view(line).substr(0, line.find('=')));
    if (name.size() >= 2 && (name.front() == '"' || name.front() == '\'')) {
      name = name.substr(1, name.size() - 2);
    }
    if (KeyOf(std::string(name)) == key) return number;
  }
  return 0;
}

// Every long flag of every command, from the root of `command`'s tree.
void CollectFlags(const CLI::App& app, std::set<std::string>* flags) {
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) flags->insert(name);
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CollectFlags(*sub, flags);
  }
}

const CLI::App& RootOf(const CLI::App& app) {
  const CLI::App* root = &app;
  while (root->get_parent() != nullptr) root = root->get_parent();
  return *root;
}

// The file's values by key. A key that no command knows is an error naming
// its line: CLI11 reads a line without '=' (or a misspelt key) as a flag of
// that name, which would otherwise be dropped without a word.
StatusOr<std::map<std::string, std::vector<std::string>>> ReadConfig(const std::string& path,
                                                                     const CLI::App& command) {
  std::map<std::string, std::vector<std::string>> values;
  if (path.empty()) return values;
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument("config file " + path + " cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream stream(text);
  try {
    for (const CLI::ConfigItem& item : CLI::ConfigTOML().from_config(stream)) {
      if (item.name == "++" || item.name == "--") continue;  // section markers
      values[KeyOf(item.name)] = item.inputs;
    }
  } catch (const CLI::Error& e) {
    return Status::InvalidArgument("config file " + path + ": " + e.what());
  }
  std::set<std::string> flags;
  CollectFlags(RootOf(command), &flags);
  for (const auto& [key, inputs] : values) {
    if (flags.count(key) > 0) continue;
    const int line = LineOfKey(text, key);
    return Status::InvalidArgument(path + (line > 0 ? ":" + std::to_string(line) : "") +
                                   ": '" + key + "' is not a flag of any sobremesa command");
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
  ASSIGN_OR_RETURN(auto config, ReadConfig(config_path, command));
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
