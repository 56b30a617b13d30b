#include "cli/settings.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace sobremesa {
namespace {

struct Parsed {
  std::string data_dir = "./data";
  int port = 8080;
};

// Parses `args` for a "serve"-like command with --data-dir and --port.
Parsed ParseWith(std::vector<std::string> args, const std::string& config) {
  CLI::App app;
  Parsed p;
  app.add_option("--data-dir", p.data_dir);
  app.add_option("--port", p.port);
  std::vector<const char*> argv{"sobremesa"};
  for (const auto& a : args) argv.push_back(a.c_str());
  app.parse(int(argv.size()), const_cast<char**>(argv.data()));
  const Status s = ApplyEnvironmentAndConfig(app, config);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return p;
}

std::string WriteConfig(const std::string& text) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "sobremesa_test.toml";
  std::ofstream(path) << text;
  return path.string();
}

class SettingsTest : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("SOBREMESA_DATA_DIR");
    unsetenv("SOBREMESA_PORT");
  }
};

TEST_F(SettingsTest, EnvironmentNameIsUpperSnakeWithPrefix) {
  EXPECT_EQ(EnvironmentName("data-dir"), "SOBREMESA_DATA_DIR");
  EXPECT_EQ(EnvironmentName("port"), "SOBREMESA_PORT");
}

TEST_F(SettingsTest, PrecedenceIsFlagThenEnvironmentThenConfigThenDefault) {
  const std::string config = WriteConfig("data-dir = \"/from/config\"\nport = 9000\n");
  EXPECT_EQ(ParseWith({}, "").port, 8080);
  EXPECT_EQ(ParseWith({}, config).data_dir, "/from/config");
  EXPECT_EQ(ParseWith({}, config).port, 9000);
  setenv("SOBREMESA_DATA_DIR", "/from/env", 1);
  EXPECT_EQ(ParseWith({}, config).data_dir, "/from/env");
  EXPECT_EQ(ParseWith({}, config).port, 9000) << "only the variable that is set overrides";
  EXPECT_EQ(ParseWith({"--data-dir", "/from/flag"}, config).data_dir, "/from/flag");
}

TEST_F(SettingsTest, BadValuesNameTheirSource) {
  setenv("SOBREMESA_PORT", "eighty", 1);
  CLI::App app;
  int port = 0;
  app.add_option("--port", port);
  std::vector<const char*> argv{"sobremesa"};
  app.parse(1, const_cast<char**>(argv.data()));
  const Status s = ApplyEnvironmentAndConfig(app, "");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("SOBREMESA_PORT"), std::string::npos) << s.message();
}

TEST_F(SettingsTest, MissingConfigFileIsAnError) {
  CLI::App app;
  const Status s = ApplyEnvironmentAndConfig(app, "/nonexistent/sobremesa.toml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/sobremesa.toml"), std::string::npos);
}

// One file serves every command: `serve` reads its port and ignores the
// `guests` of `demo`, but a key no command has is a mistake to report.
TEST_F(SettingsTest, ConfigKeyOfNoCommandNamesFileAndLine) {
  CLI::App root;
  int port = 0, guests = 0;
  CLI::App* serve = root.add_subcommand("serve");
  serve->add_option("--port", port);
  root.add_subcommand("demo")->add_option("--guests", guests);
  std::vector<const char*> argv{"sobremesa", "serve"};
  root.parse(2, const_cast<char**>(argv.data()));

  const std::string shared = WriteConfig("# both commands\nport = 9000\nguests = 50\n");
  const Status ok = ApplyEnvironmentAndConfig(*serve, shared);
  EXPECT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(port, 9000);

  for (const auto& [text, message] :
       {std::pair{"port = 9000\nprot = 9001\n", ":2: 'prot' is not a flag of any sobremesa command"},
        std::pair{"\n\nport 9000\n", ":3: 'port 9000' is not a flag of any sobremesa command"}}) {
    const std::string path = WriteConfig(text);
    const Status s = ApplyEnvironmentAndConfig(*serve, path);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << text;
    EXPECT_EQ(s.message(), path + message) << text;
  }
}

}  // namespace
}  // namespace sobremesa
