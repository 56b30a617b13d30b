#include "api/router.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

TEST(RouterTest, PositiveIdIsDigitsOnlyAndFitsAnId) {
  EXPECT_EQ(ParsePositiveId("1"), Id{1});
  EXPECT_EQ(ParsePositiveId("9223372036854775807"), Id{9223372036854775807});
  for (const char* bad : {"", "0", "-3", "+3", " 3", "3 ", "3a", "0x10", "1.0",
                          "9223372036854775808"}) {
    EXPECT_EQ(ParsePositiveId(bad), std::nullopt) << "'" << bad << "'";
  }
}

// Every answer the router itself gives is JSON with a code: unknown path,
// known path with another method, a tenant the resolver refuses.
TEST(RouterTest, RouterOwnAnswersAreJsonErrors) {
  Router router([](const HttpRequest&) -> StatusOr<Id> { return Status::NotFound("restaurant 9"); });
  router.Add("GET", "/v1/menu", [](const ApiRequest&) -> StatusOr<JsonResponse> {
    return JsonResponse{200, {{"ok", true}}};
  });
  const struct {
    const char* method;
    const char* path;
    int status;
    const char* code;
  } kCases[] = {{"GET", "/v1/nothing", 404, "not_found"},
                {"DELETE", "/v1/menu", 405, "method_not_allowed"},
                {"GET", "/v1/menu", 404, "not_found"}};
  for (const auto& c : kCases) {
    HttpRequest request;
    request.method = c.method;
    request.path = c.path;
    const HttpResponse response = router.Handle(request);
    EXPECT_EQ(response.status, c.status) << c.method << " " << c.path;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << response.body;
    EXPECT_EQ(body["error"]["code"], c.code) << response.body;
  }
}

// A misspelt parameter (`?cours=main`) was ignored, and so was a second
// `ordered=`: the table's second dish could be suggested again.
TEST(RouterTest, AQueryParameterTheRouteDoesNotReadOrOneGivenTwiceIs400) {
  Router router([](const HttpRequest&) -> StatusOr<Id> { return Id{1}; });
  router.Add(
      "GET", "/v1/guests/{id}/recommendations",
      [](const ApiRequest&) -> StatusOr<JsonResponse> { return JsonResponse{200, {}}; },
      {"k", "ordered"});
  router.Add("GET", "/v1/menu",
             [](const ApiRequest&) -> StatusOr<JsonResponse> { return JsonResponse{200, {}}; });
  const struct {
    const char* path;
    std::vector<std::pair<std::string, std::string>> query;
    int status;
    const char* message;
  } kCases[] = {
      {"/v1/guests/1/recommendations", {{"k", "3"}, {"ordered", "12,31"}}, 200, ""},
      {"/v1/guests/1/recommendations", {{"cours", "main"}}, 400,
       "cours: unknown query parameter (GET /v1/guests/1/recommendations reads k, ordered)"},
      {"/v1/guests/1/recommendations", {{"ordered", "12"}, {"k", "3"}, {"ordered", "31"}}, 400,
       "ordered: given 2 times; send it once"},
      {"/v1/menu", {{"lang", "en"}}, 400, "lang: unknown query parameter (GET /v1/menu reads none)"},
  };
  for (const auto& c : kCases) {
    HttpRequest request;
    request.method = "GET";
    request.path = c.path;
    request.query = c.query;
    const HttpResponse response = router.Handle(request);
    EXPECT_EQ(response.status, c.status) << c.path << " " << response.body;
    if (c.status == 200) continue;
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << response.body;
    EXPECT_NE(body["error"]["message"].get<std::string>().find(c.message), std::string::npos)
        << body["error"]["message"];
  }
}

// POST /v1/admin/reload reloads every restaurant's models and lists their
// paths and errors; any tenant's client could call it. Until API keys carry
// roles, operator routes answer only from the server's own machine.
TEST(RouterTest, OperatorRoutesAnswerOnlyFromThisMachine) {
  int tenant_checks = 0;
  Router router([&](const HttpRequest&) -> StatusOr<Id> {
    ++tenant_checks;
    return Id{1};
  });
  router.AddOperator("POST", "/v1/admin/reload", [](const ApiRequest&) -> StatusOr<JsonResponse> {
    return JsonResponse{200, {{"reloaded", nlohmann::json::array()}}};
  });
  HttpRequest request;
  request.method = "POST";
  request.path = "/v1/admin/reload";
  request.headers = {{"x-restaurant-id", "1"}};
  const HttpResponse remote = router.Handle(request);
  EXPECT_EQ(remote.status, 403) << remote.body;
  const auto body = nlohmann::json::parse(remote.body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << remote.body;
  EXPECT_EQ(body["error"]["code"], "permission_denied");
  EXPECT_NE(body["error"]["message"].get<std::string>().find("every restaurant"),
            std::string::npos);
  request.from_loopback = true;
  EXPECT_EQ(router.Handle(request).status, 200);
  EXPECT_EQ(tenant_checks, 0) << "an operator route acts for no one tenant";
}

}  // namespace
}  // namespace sobremesa
