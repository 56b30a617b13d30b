#pragma once
// A small HTTP/1.1 server over Boost.Beast (Asio): connections are
// multiplexed on a few threads, so many keep-alive clients do not hold a
// thread each. This header exposes plain C++ types only; Beast stays in
// http_server.cc.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-decoded path without the query: "/v1/guests/12"
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  // The peer connected over loopback (127.0.0.0/8 or ::1): from this machine.
  bool from_loopback = false;

  // First value of a query parameter or header, or nullptr.
  const std::string* Query(std::string_view name) const;
  const std::string* Header(std::string_view lower_name) const;
};

struct HttpResponse {
  int status = 200;  // 200..599; anything else is sent as a 500
  std::string content_type = "application/json";
  std::string body;  // not sent for 204 and 304
  // Extra headers. The server owns the framing: one naming Content-Length,
  // Transfer-Encoding or Connection, or holding a CR, LF or NUL, turns the
  // response into a 500.
  std::vector<std::pair<std::string, std::string>> headers;
};

// Called on a server thread for every request; must be thread-safe and must
// not throw (an escaping exception becomes a 500 with a JSON body).
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string host = "127.0.0.1";   // an IP address or a resolvable name
  int port = 8080;                  // 0 picks a free port; see HttpServer::port()
  int threads = 2;                  // threads, each running its own event loop
  size_t max_body_bytes = 1 << 20;  // larger bodies get 413 with a JSON body
  int idle_timeout_seconds = 30;    // keep-alive connections idle longer are closed
};

class HttpServer {
 public:
  // Binds and starts serving on background threads. InvalidArgument for bad
  // options or an unresolvable host; Internal when the address cannot be
  // bound (e.g. the port is taken). Never throws.
  static StatusOr<std::unique_ptr<HttpServer>> Start(const HttpServerOptions& options,
                                                     HttpHandler handler);
  virtual ~HttpServer() = default;

  // The bound port (useful when options.port was 0).
  virtual int port() const = 0;
  // Stops accepting, closes connections and joins the threads. Idempotent and
  // callable from any thread except the server's own (i.e. not from a
  // handler); a concurrent second call returns once the first has finished.
  // Not async-signal-safe: call it from a thread that waits for signals
  // (sigwait), not from inside a signal handler. The destructor calls it.
  virtual void Stop() = 0;
  // Blocks until Stop() has finished (called from another thread).
  virtual void Wait() = 0;
};

}  // namespace sobremesa
