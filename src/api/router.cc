#include "api/router.h"

#include <algorithm>
#include <charconv>

namespace sobremesa {
namespace {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 1;  // paths begin with '/'
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (end > start) out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsCapture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

HttpResponse JsonHttp(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  // Replace rather than throw on invalid UTF-8 from a stored string: a
  // response must always be produced.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace

std::optional<Id> ParsePositiveId(std::string_view text) {
  Id id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

StatusOr<Id> ApiRequest::IdParam(const std::string& name) const {
  const std::string& text = params.at(name);
  const std::optional<Id> id = ParsePositiveId(text);
  if (!id) {
    return Status::InvalidArgument(name + ": expected a positive integer id, got '" +
                                   text.substr(0, 40) + "'");
  }
  return *id;
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kFailedPrecondition: return 412;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

HttpResponse ErrorResponse(const Status& status) {
  return JsonHttp(HttpStatusFor(status.code()),
                  {{"error", {{"code", StatusCodeName(status.code())},
                              {"message", status.message()}}}});
}

void Router::Add(std::string method, std::string pattern, RouteHandler handler,
                 std::vector<std::string> query) {
  routes_.push_back({std::move(method), SplitPath(pattern), std::move(handler), Access::kTenant,
                     std::move(query)});
}

void Router::AddPublic(std::string method, std::string pattern, RouteHandler handler,
                       std::vector<std::string> query) {
  routes_.push_back({std::move(method), SplitPath(pattern), std::move(handler), Access::kPublic,
                     std::move(query)});
}

void Router::AddOperator(std::string method, std::string pattern, RouteHandler handler) {
  routes_.push_back(
      {std::move(method), SplitPath(pattern), std::move(handler), Access::kOperator, {}});
}

Status Router::CheckQuery(const Route& route, const HttpRequest& request) {
  for (const auto& [name, value] : request.query) {
    if (std::find(route.query.begin(), route.query.end(), name) != route.query.end()) continue;
    std::string reads;
    for (const std::string& known : route.query) reads += (reads.empty() ? "" : ", ") + known;
    return Status::InvalidArgument(name.substr(0, 40) + ": unknown query parameter (" +
                                   request.method + " " + request.path + " reads " +
                                   (reads.empty() ? "none" : reads) + ")");
  }
  for (const std::string& known : route.query) {
    const auto given = std::count_if(request.query.begin(), request.query.end(),
                                     [&](const auto& p) { return p.first == known; });
    if (given > 1) {
      return Status::InvalidArgument(known + ": given " + std::to_string(given) +
                                     " times; send it once (a list is comma-separated: "
                                     "ordered=12,31)");
    }
  }
  return Status::Ok();
}

std::vector<std::string> Router::RouteNames() const {
  std::vector<std::string> names;
  for (const Route& route : routes_) {
    std::string name = route.method + " ";
    for (const std::string& segment : route.segments) name += "/" + segment;
    names.push_back(std::move(name));
  }
  return names;
}

const Router::Route* Router::Match(const HttpRequest& request, ApiRequest& api,
                                   bool& path_matched) const {
  const std::vector<std::string> segments = SplitPath(request.path);
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      match = IsCapture(route.segments[i]) || route.segments[i] == segments[i];
    }
    if (!match) continue;
    path_matched = true;
    if (route.method != request.method) continue;
    for (size_t i = 0; i < segments.size(); ++i) {
      if (IsCapture(route.segments[i])) {
        api.params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
      }
    }
    return &route;
  }
  return nullptr;
}

std::optional<HttpResponse> Router::Authorize(const Route& route, ApiRequest& api) const {
  switch (route.access) {
    case Access::kPublic:
      return std::nullopt;
    case Access::kTenant: {
      StatusOr<Id> tenant = tenant_(api.http);
      if (!tenant.ok()) return ErrorResponse(tenant.status());
      api.restaurant_id = *tenant;
      return std::nullopt;
    }
    case Access::kOperator:
      // A tenant's client reloaded every restaurant's models and read their
      // paths and errors; there is no key yet to tell the operator by.
      if (api.http.from_loopback) return std::nullopt;
      return JsonHttp(403, {{"error",
                             {{"code", "permission_denied"},
                              {"message", api.http.method + " " + api.http.path +
                                              " acts on every restaurant of this server: "
                                              "call it from the server's own machine"}}}});
  }
  return std::nullopt;
}

HttpResponse Router::Handle(const HttpRequest& request) const {
  ApiRequest api{request};
  bool path_matched = false;
  const Route* route = Match(request, api, path_matched);
  if (route == nullptr) {
    if (path_matched) {
      return JsonHttp(405, {{"error", {{"code", "method_not_allowed"},
                                       {"message", request.method + " is not allowed on " +
                                                       request.path}}}});
    }
    return ErrorResponse(Status::NotFound("no route for " + request.method + " " + request.path));
  }
  if (std::optional<HttpResponse> refused = Authorize(*route, api)) return *std::move(refused);
  if (Status query = CheckQuery(*route, request); !query.ok()) return ErrorResponse(query);
  StatusOr<JsonResponse> result = route->handler(api);
  if (!result.ok()) return ErrorResponse(result.status());
  if (!result->serialized.empty()) {
    HttpResponse r;
    r.status = result->status;
    r.content_type = std::move(result->content_type);
    r.body = std::move(result->serialized);
    return r;
  }
  return JsonHttp(result->status, result->body);
}

}  // namespace sobremesa
