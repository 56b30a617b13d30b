#pragma once
// Maps "METHOD /v1/guests/{id}/recommendations" patterns to handlers. Every
// request passes through Router::Handle, the one place that resolves the
// tenant (and, next, checks the API key's role), turns a Status into an HTTP
// code with a JSON error body, and answers 404/405 for unknown routes.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/http_server.h"
#include "common/status.h"
#include "domain/entities.h"

namespace sobremesa {

// `text` as a store id: a positive integer and nothing else; nullopt otherwise.
std::optional<Id> ParsePositiveId(std::string_view text);

struct ApiRequest {
  const HttpRequest& http;
  Id restaurant_id = 0;  // the tenant every read and write is scoped to
  std::unordered_map<std::string, std::string> params;  // from {name} segments

  // Integer path parameter; InvalidArgument naming it when not a positive id.
  StatusOr<Id> IdParam(const std::string& name) const;
};

struct JsonResponse {
  int status = 200;
  nlohmann::json body;
  // When non-empty, sent as the body instead of `body`: hot routes write
  // their JSON directly rather than building a tree first.
  std::string serialized;
  // The type of `serialized` (a CSV export sends text/csv).
  std::string content_type = "application/json";
};

using RouteHandler = std::function<StatusOr<JsonResponse>(const ApiRequest&)>;

// Resolves the restaurant a request acts for from its headers; an error
// Status becomes the response.
using TenantResolver = std::function<StatusOr<Id>(const HttpRequest&)>;

class Router {
 public:
  explicit Router(TenantResolver tenant) : tenant_(std::move(tenant)) {}

  // Pattern segments in braces capture: "/v1/guests/{id}". Routes added
  // without a tenant (health, metrics) skip tenant resolution. Operator
  // routes act on every restaurant the server holds (reloading models),
  // so no tenant's client may call them: until API keys with roles land
  // (checked in Handle, with the tenant), they answer only requests from
  // this machine, and 403 to others.
  // `query` names the query parameters the handler reads: any other, or one
  // given twice, is a 400 naming it before the handler runs (a misspelt
  // `?cours=main` or a second `ordered=` was silently ignored).
  void Add(std::string method, std::string pattern, RouteHandler handler,
           std::vector<std::string> query = {});
  void AddPublic(std::string method, std::string pattern, RouteHandler handler,
                 std::vector<std::string> query = {});
  void AddOperator(std::string method, std::string pattern, RouteHandler handler);

  HttpResponse Handle(const HttpRequest& request) const;

  // "GET /v1/guests/{id}" for every route, in the order they are tried
  // (compared with docs/api.md by a test).
  std::vector<std::string> RouteNames() const;

 private:
  enum class Access { kPublic, kTenant, kOperator };
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    RouteHandler handler;
    Access access;
    std::vector<std::string> query;  // the query parameters it reads
  };
  static Status CheckQuery(const Route& route, const HttpRequest& request);
  // Who may call the route, and for which restaurant: the one check every
  // request passes (API keys' roles go here). Fills api.restaurant_id.
  std::optional<HttpResponse> Authorize(const Route& route, ApiRequest& api) const;
  const Route* Match(const HttpRequest& request, ApiRequest& api, bool& path_matched) const;

  TenantResolver tenant_;
  std::vector<Route> routes_;
};

// {"error": {"code": "not_found", "message": "..."}} with the HTTP status
// for the code: 400, 404, 409, 412, 413, 500.
HttpResponse ErrorResponse(const Status& status);
int HttpStatusFor(StatusCode code);

}  // namespace sobremesa
