// docs/api.md against the routes the server really registers: a route added
// without documentation, or documentation of a route that is gone, fails.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "api/routes.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

std::string ReadApiDoc() {
  std::ifstream in(std::string(SOBREMESA_SOURCE_DIR) + "/docs/api.md");
  EXPECT_TRUE(in) << "cannot read docs/api.md";
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every "`METHOD /path...`" in the doc, without its query ("?k=10") or
// optional part ("[?date=...]").
std::set<std::string> DocumentedRoutes(const std::string& doc) {
  static const std::regex kRoute("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\[ ]*)");
  std::set<std::string> routes;
  for (std::sregex_iterator it(doc.begin(), doc.end(), kRoute), end; it != end; ++it) {
    routes.insert((*it)[1].str() + " " + (*it)[2].str());
  }
  return routes;
}

// The backticked names after "Collections:", up to the paragraph's end.
std::vector<std::string> DocumentedCollections(const std::string& doc) {
  const size_t start = doc.find("Collections:");
  EXPECT_NE(start, std::string::npos) << "docs/api.md lists no collections";
  if (start == std::string::npos) return {};
  const std::string paragraph = doc.substr(start, doc.find("\n\n", start) - start);
  static const std::regex kName("`([a-z/]+)`");
  std::vector<std::string> names;
  for (std::sregex_iterator it(paragraph.begin(), paragraph.end(), kName), end; it != end; ++it) {
    names.push_back((*it)[1].str());
  }
  return names;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

class ApiDocsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) / "api_docs_test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenSqliteStore((dir_ / "sobremesa.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    menus_ = std::make_unique<MenuCache>(*store_, std::chrono::seconds(1));
    histories_ = std::make_unique<GuestHistoryCache>(*store_, std::chrono::seconds(1), 10);
    recommendations_ = std::make_unique<RecommendationService>(*store_, *menus_, *histories_);
    behaviour_ = std::make_unique<BehaviourService>(*store_);
    services_ = std::make_unique<ApiServices>(
        ApiServices{*store_, *menus_, *histories_, *recommendations_, *behaviour_});
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::vector<std::string> ServedRoutes() { return BuildRouter(*services_, 1).RouteNames(); }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<MenuCache> menus_;
  std::unique_ptr<GuestHistoryCache> histories_;
  std::unique_ptr<RecommendationService> recommendations_;
  std::unique_ptr<BehaviourService> behaviour_;
  std::unique_ptr<ApiServices> services_;
};

TEST_F(ApiDocsTest, EveryServedRouteIsDocumented) {
  const std::string doc = ReadApiDoc();
  std::set<std::string> documented = DocumentedRoutes(doc);
  // The record routes are documented once, as /v1/{collection}.
  for (const std::string& generic : std::set<std::string>(documented)) {
    if (generic.find("{collection}") == std::string::npos) continue;
    for (const std::string& c : DocumentedCollections(doc)) {
      documented.insert(Replace(generic, "{collection}", c));
    }
  }
  for (const std::string& route : ServedRoutes()) {
    EXPECT_EQ(documented.count(route), 1u) << route << " is served but not in docs/api.md";
  }
}

TEST_F(ApiDocsTest, EveryDocumentedRouteIsServed) {
  const std::string doc = ReadApiDoc();
  const std::vector<std::string> served = ServedRoutes();
  const std::set<std::string> served_set(served.begin(), served.end());
  for (const std::string& route : DocumentedRoutes(doc)) {
    if (route.find("{collection}") != std::string::npos) continue;
    EXPECT_EQ(served_set.count(route), 1u) << route << " is in docs/api.md but not served";
  }
  for (const std::string& c : DocumentedCollections(doc)) {
    EXPECT_EQ(served_set.count("POST /v1/" + c), 1u) << "collection " << c << " is not served";
  }
}

}  // namespace
}  // namespace sobremesa
