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

}  // namespace
}  // namespace sobremesa
