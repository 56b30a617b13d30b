#include "api/http_server.h"

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

namespace sobremesa {

const std::string* HttpRequest::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return &value;
  }
  return nullptr;
}

const std::string* HttpRequest::Header(std::string_view lower_name) const {
  for (const auto& [key, value] : headers) {
    if (key == lower_name) return &value;
  }
  return nullptr;
}

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using ErrorCode = beast::error_code;
using BeastRequest = http::request<http::string_body>;
// The concrete executor rather than Asio's type-erased default: copying and
// destroying any_io_executor on every operation cost ~7% of a no-op request.
using Executor = net::io_context::executor_type;
using Socket = tcp::socket::rebind_executor<Executor>::other;
using Stream = beast::basic_stream<tcp, Executor>;

// After an error response the peer may still be sending the rest of its body;
// closing with unread bytes makes the kernel send RST, which can destroy our
// response before the client reads it. So we read and discard for this long.
constexpr auto kLingerTimeout = std::chrono::seconds(5);
constexpr size_t kDrainChunkBytes = 64 * 1024;
// When accept() fails (e.g. out of file descriptors), retrying at once would
// spin a thread at 100% CPU.
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);

// ---------------------------------------------------------------------------
// Request decoding

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes; `plus_is_space` applies the form-encoding rule used in
// query strings. nullopt when an escape is truncated or not hexadecimal.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      const int high = HexDigitValue(in[i + 1]);
      const int low = HexDigitValue(in[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(plus_is_space && in[i] == '+' ? ' ' : in[i]);
    }
  }
  return out;
}

// Splits "a=1&b=x+y" into decoded pairs in order; empty pieces ("a=1&&b=2")
// are skipped and a key without '=' gets an empty value.
Status ParseQuery(std::string_view raw, std::vector<std::pair<std::string, std::string>>* out) {
  while (!raw.empty()) {
    const size_t amp = raw.find('&');
    const std::string_view piece = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view() : raw.substr(amp + 1);
    if (piece.empty()) continue;
    const size_t eq = piece.find('=');
    auto key = PercentDecode(piece.substr(0, eq), /*plus_is_space=*/true);
    auto value = PercentDecode(
        eq == std::string_view::npos ? std::string_view() : piece.substr(eq + 1), true);
    if (!key || !value) return Status::InvalidArgument("invalid percent-encoding in query");
    out->emplace_back(std::move(*key), std::move(*value));
  }
  return Status::Ok();
}

// Beast in Boost 1.74 uses boost::string_view.
std::string_view StdView(beast::string_view view) { return {view.data(), view.size()}; }

std::string LowerAscii(std::string_view in) {
  std::string out(in);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Fills `out` from a parsed Beast request, moving (not copying) its body.
// InvalidArgument when the target is not an origin-form path ("/...") or has
// a bad percent-escape.
Status ToHttpRequest(BeastRequest&& in, HttpRequest* out) {
  const std::string_view target = StdView(in.target());
  if (target.empty() || target.front() != '/') {
    return Status::InvalidArgument("request target must start with '/'");
  }
  const size_t question = target.find('?');
  auto path = PercentDecode(target.substr(0, question), /*plus_is_space=*/false);
  if (!path) return Status::InvalidArgument("invalid percent-encoding in path");
  out->path = std::move(*path);
  if (question != std::string_view::npos) {
    RETURN_IF_ERROR(ParseQuery(target.substr(question + 1), &out->query));
  }
  out->method = std::string(StdView(in.method_string()));
  out->headers.reserve(std::distance(in.begin(), in.end()));
  for (const auto& field : in) {
    out->headers.emplace_back(LowerAscii(StdView(field.name_string())),
                              std::string(StdView(field.value())));
  }
  out->body = std::move(in.body());
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Responses

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out->append("\\u00");
      out->push_back(kHex[(c >> 4) & 0xf]);
      out->push_back(kHex[c & 0xf]);
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

// The error shape every endpoint uses: {"error":{"code":..,"message":..}}.
HttpResponse ErrorResponse(int status, std::string_view code, std::string_view message) {
  HttpResponse response;
  response.status = status;
  response.body = R"({"error":{"code":)";
  AppendJsonString(code, &response.body);
  response.body += R"(,"message":)";
  AppendJsonString(message, &response.body);
  response.body += "}}";
  return response;
}

HttpResponse InternalError() { return ErrorResponse(500, "internal", "internal error"); }

// Runs the handler; nothing it throws reaches Asio. The exception text is not
// echoed because it may describe internals to an outside caller.
HttpResponse CallHandler(const HttpHandler& handler, const HttpRequest& request) {
  try {
    HttpResponse response = handler(request);
    // Interim (1xx) or made-up codes cannot be a handler's final answer.
    if (response.status >= 200 && response.status <= 599) return response;
  } catch (...) {
  }
  return InternalError();
}

// Headers that decide the message framing are the server's to write, and no
// header may carry a line break, or a handler could split the response.
bool IsSafeExtraHeader(const std::pair<std::string, std::string>& header) {
  static constexpr std::string_view kBreaks("\r\n\0", 3);
  const auto& [name, value] = header;
  return !name.empty() && name.find_first_of(kBreaks) == std::string::npos &&
         name.find(':') == std::string::npos && value.find_first_of(kBreaks) == std::string::npos &&
         !beast::iequals(name, "content-length") && !beast::iequals(name, "transfer-encoding") &&
         !beast::iequals(name, "connection");
}

void AppendNumber(size_t value, std::string* out) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
  out->append(digits, result.ptr);
}

// Writes the status line and headers into `head`, reusing its capacity. We
// serialize by hand because Beast's generic serializer cost ~10% of a no-op
// request's CPU. 204 and 304 carry no body, so no Content-Length either.
void SerializeHead(const HttpResponse& response, unsigned version, bool keep_alive,
                   std::string* head) {
  head->assign(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  AppendNumber(static_cast<size_t>(response.status), head);
  head->push_back(' ');
  const http::status status = http::int_to_status(static_cast<unsigned>(response.status));
  if (status != http::status::unknown) head->append(StdView(http::obsolete_reason(status)));
  head->append("\r\nServer: sobremesa\r\nContent-Type: ");
  head->append(response.content_type);
  if (response.status != 204 && response.status != 304) {
    head->append("\r\nContent-Length: ");
    AppendNumber(response.body.size(), head);
  }
  head->append("\r\n");
  for (const auto& [name, value] : response.headers) {
    head->append(name).append(": ").append(value).append("\r\n");
  }
  // The defaults (1.1 keeps alive, 1.0 closes) need no header.
  if (version == 10 && keep_alive) head->append("Connection: keep-alive\r\n");
  if (version != 10 && !keep_alive) head->append("Connection: close\r\n");
  head->append("\r\n");
}

// Parse errors of the peer's bytes, as opposed to the peer going away.
bool IsMalformedRequest(const ErrorCode& ec) {
  static const auto& kHttpCategory = http::make_error_code(http::error::bad_target).category();
  return ec.category() == kHttpCategory && ec != http::error::end_of_stream &&
         ec != http::error::partial_message;
}

// ---------------------------------------------------------------------------
// One connection: read a request, call the handler, write the response, repeat
// while keep-alive holds. All operations of a session run on the one thread of
// its io_context, so the session needs no locking.

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `handler` and `options` are owned by the server, which destroys every
  // session (by destroying the io_context) before they go away.
  Session(Socket socket, const HttpHandler& handler, const HttpServerOptions& options)
      : stream_(std::move(socket)), handler_(handler), options_(options) {}

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::ReadRequest, shared_from_this()));
  }

 private:
  void ReadRequest() {
    // A parser handles one message, so each request gets a fresh one; the
    // buffer is kept because it may already hold the next pipelined request.
    parser_.emplace();
    parser_->body_limit(static_cast<std::uint64_t>(options_.max_body_bytes));
    stream_.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  // A client that sent "Expect: 100-continue" waits for a go-ahead before
  // its body (curl a second, then it sends anyway; others wait for good):
  // give it, unless the header already failed (a body over the limit is a
  // 413 here, before a byte of it is sent).
  void OnHeader(ErrorCode ec, size_t /*bytes*/) {
    if (ec || parser_->is_done()) return OnRead(ec, 0);
    const auto& header = parser_->get();
    if (header.version() == 11 && beast::iequals(header[http::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      return net::async_write(
          stream_, net::buffer(kContinue.data(), kContinue.size()),
          beast::bind_front_handler(&Session::OnContinueSent, shared_from_this()));
    }
    ReadBody();
  }

  void OnContinueSent(ErrorCode ec, size_t /*bytes*/) {
    if (!ec) ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(ErrorCode ec, size_t /*bytes*/) {
    if (ec == http::error::body_limit) {
      return Send(11, /*keep_alive=*/false,
                  ErrorResponse(413, "payload_too_large",
                                "request body exceeds " + std::to_string(options_.max_body_bytes) +
                                    " bytes"));
    }
    if (IsMalformedRequest(ec)) {
      return Send(11, false,
                  ErrorResponse(400, "bad_request", "malformed request: " + ec.message()));
    }
    // Otherwise the peer closed, reset, or stayed idle past the timeout.
    if (ec) return;
    HandleRequest(parser_->release());
  }

  void HandleRequest(BeastRequest&& beast_request) {
    const unsigned version = beast_request.version();
    const bool keep_alive = beast_request.keep_alive();
    HttpRequest request;
    const Status status = ToHttpRequest(std::move(beast_request), &request);
    if (!status.ok())
      return Send(version, false, ErrorResponse(400, "bad_request", status.message()));
    ErrorCode ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    request.from_loopback = !ec && peer.address().is_loopback();
    Send(version, keep_alive, CallHandler(handler_, request));
  }

  void Send(unsigned version, bool keep_alive, HttpResponse&& response) {
    if (!std::all_of(response.headers.begin(), response.headers.end(), IsSafeExtraHeader)) {
      response = InternalError();
    }
    SerializeHead(response, version, keep_alive, &head_);
    body_ = std::move(response.body);
    if (response.status == 204 || response.status == 304) body_.clear();
    stream_.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
    const std::array<net::const_buffer, 2> buffers = {net::buffer(head_), net::buffer(body_)};
    net::async_write(stream_, buffers,
                     beast::bind_front_handler(&Session::OnWrite, shared_from_this(), !keep_alive));
  }

  void OnWrite(bool close, ErrorCode ec, size_t /*bytes*/) {
    if (ec) return;
    if (close) return LingeringClose();
    ReadRequest();
  }

  void LingeringClose() {
    ErrorCode ignored;
    stream_.socket().shutdown(Socket::shutdown_send, ignored);
    stream_.expires_after(kLingerTimeout);
    Drain();
  }

  // Reads and discards until the peer closes or the linger timeout fires;
  // the session (and its socket) is released when the chain stops.
  void Drain() {
    stream_.async_read_some(buffer_.prepare(kDrainChunkBytes),
                            [self = shared_from_this()](ErrorCode ec, size_t) {
                              if (!ec) self->Drain();
                            });
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string head_;  // the response being written: status line and headers
  std::string body_;
  const HttpHandler& handler_;
  const HttpServerOptions& options_;
};

// ---------------------------------------------------------------------------
// The server: one single-threaded io_context per thread. The first one also
// accepts, and hands connections to the contexts in turn (balanced by count,
// unlike SO_REUSEPORT's hashing, which can put 5 of 8 connections on one
// thread). Compared with one io_context shared by all threads this needs no
// strands or cross-thread wake-ups; on our 2 cores it gave ~1.6x the
// throughput at 64 connections and less CPU per request (docs/benchmarks.md).

// The Asio objects, destroyed together by Stop(); members in dependency order.
struct IoState {
  explicit IoState(int threads) {
    for (int i = 0; i < threads; ++i) {
      // Hint 1: each context is run by exactly one thread.
      contexts.push_back(std::make_unique<net::io_context>(1));
      // Keeps run() going on contexts that have no connection yet.
      work.push_back(net::make_work_guard(*contexts.back()));
    }
    acceptor.emplace(*contexts.front());
    accept_retry.emplace(*contexts.front());
  }

  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> work;
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> accept_retry;
  size_t next_context = 0;  // used only by the accepting thread
};

class BeastHttpServer final : public HttpServer {
 public:
  BeastHttpServer(const HttpServerOptions& options, HttpHandler handler)
      : options_(options),
        handler_(std::move(handler)),
        io_(std::make_unique<IoState>(options.threads)) {}
  ~BeastHttpServer() override { Stop(); }

  // Resolves, binds and listens; on failure the server must just be destroyed.
  Status Listen() {
    ErrorCode ec;
    tcp::resolver resolver(*io_->contexts.front());
    const auto endpoints =
        resolver.resolve(options_.host, std::to_string(options_.port), tcp::resolver::passive, ec);
    if (ec || endpoints.empty()) {
      return Status::InvalidArgument("cannot resolve host '" + options_.host +
                                     "': " + ec.message());
    }
    const tcp::endpoint endpoint = endpoints.begin()->endpoint();
    tcp::acceptor& acceptor = *io_->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (!ec) port_ = acceptor.local_endpoint(ec).port();
    if (ec) {
      return Status::Internal("cannot listen on " + options_.host + ":" +
                              std::to_string(options_.port) + ": " + ec.message());
    }
    return Status::Ok();
  }

  // Arms the first accept (so run() has work) and starts the threads.
  void Run() {
    Accept();
    threads_.reserve(options_.threads);
    for (auto& context : io_->contexts) {
      threads_.emplace_back([this, &context = *context] { RunLoop(context); });
    }
  }

  int port() const override { return port_; }

  void Stop() override {
    std::call_once(stop_once_, [this] {
      for (auto& context : io_->contexts) context->stop();
      for (std::thread& thread : threads_) thread.join();
      // Destroying the io_context destroys the pending handlers, which hold
      // the last references to the sessions, so every connection closes here.
      io_.reset();
      {
        std::lock_guard<std::mutex> lock(mu_);
        stopped_ = true;
      }
      stopped_cv_.notify_all();
    });
  }

  void Wait() override {
    std::unique_lock<std::mutex> lock(mu_);
    stopped_cv_.wait(lock, [this] { return stopped_; });
  }

 private:
  void Accept() {
    // The connection's socket lives on the next context in turn; all its
    // operations then run on that context's single thread.
    const Executor executor =
        io_->contexts[io_->next_context++ % io_->contexts.size()]->get_executor();
    io_->acceptor->async_accept(executor,
                                beast::bind_front_handler(&BeastHttpServer::OnAccept, this));
  }

  void OnAccept(ErrorCode ec, Socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (ec) {
      io_->accept_retry->expires_after(kAcceptRetryDelay);
      io_->accept_retry->async_wait([this](ErrorCode wait_ec) {
        if (!wait_ec) Accept();
      });
      return;
    }
    // Responses are written whole; Nagle would only delay them.
    ErrorCode ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    std::make_shared<Session>(std::move(socket), handler_, options_)->Start();
    Accept();
  }

  static void RunLoop(net::io_context& context) {
    // Asio lets run() resume after a completion handler throws (only
    // std::bad_alloc can, since handler exceptions are caught); without this a
    // single throw would end the thread, or the process.
    for (;;) {
      try {
        context.run();
        return;
      } catch (...) {
      }
    }
  }

  // Fixed after Start().
  const HttpServerOptions options_;
  const HttpHandler handler_;
  std::unique_ptr<IoState> io_;  // reset only by Stop(), after the threads are joined
  int port_ = 0;
  std::vector<std::thread> threads_;
  std::once_flag stop_once_;

  std::mutex mu_;
  std::condition_variable stopped_cv_;
  bool stopped_ = false;  // guarded by mu_
};

}  // namespace

StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpServerOptions& options,
                                                        HttpHandler handler) {
  if (options.threads < 1) return Status::InvalidArgument("threads must be >= 1");
  if (options.idle_timeout_seconds < 1) {
    return Status::InvalidArgument("idle_timeout_seconds must be >= 1");
  }
  if (!handler) return Status::InvalidArgument("handler is empty");
  // Creating the event loops or threads can throw (e.g. out of descriptors).
  try {
    auto server = std::make_unique<BeastHttpServer>(options, std::move(handler));
    RETURN_IF_ERROR(server->Listen());
    server->Run();
    return std::unique_ptr<HttpServer>(std::move(server));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("cannot start the HTTP server: ") + e.what());
  }
}

}  // namespace sobremesa
