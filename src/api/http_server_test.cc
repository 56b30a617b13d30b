#include "api/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sobremesa {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Response = http::response<http::string_body>;

http::request<http::string_body> MakeRequest(http::verb method, const std::string& target,
                                             std::string body = "") {
  http::request<http::string_body> request(method, target, 11);
  request.body() = std::move(body);
  return request;
}

// A blocking client on one TCP connection, so tests can see exactly what
// travels on the wire and whether the connection is reused or closed.
class Connection {
 public:
  explicit Connection(int port) : socket_(context_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  Response Send(http::request<http::string_body> request) {
    request.set(http::field::host, "127.0.0.1");
    request.prepare_payload();
    http::write(socket_, request);
    return Read();
  }

  Response Get(const std::string& target) { return Send(MakeRequest(http::verb::get, target)); }

  void SendRaw(std::string_view bytes) { net::write(socket_, net::buffer(bytes)); }

  Response Read() {
    Response response;
    http::read(socket_, buffer_, response);
    return response;
  }

  // What the server sends within `wait`, up to the end of a head ("\r\n\r\n"),
  // without blocking past it.
  std::string ReadHeadFor(std::chrono::milliseconds wait) {
    socket_.non_blocking(true);
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (got.find("\r\n\r\n") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline) {
      char chunk[256];
      beast::error_code ec;
      const size_t n = socket_.read_some(net::buffer(chunk), ec);
      if (!ec) {
        got.append(chunk, n);
      } else if (ec == net::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      } else {
        break;
      }
    }
    socket_.non_blocking(false);
    return got;
  }

  // True when the server has closed its side: the next read sees EOF.
  bool ClosedByServer() {
    char byte;
    beast::error_code ec;
    socket_.read_some(net::buffer(&byte, 1), ec);
    return ec == net::error::eof;
  }

 private:
  net::io_context context_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

HttpResponse Text(std::string body) {
  HttpResponse response;
  response.content_type = "text/plain; charset=utf-8";
  response.body = std::move(body);
  return response;
}

std::unique_ptr<HttpServer> StartServer(HttpHandler handler, HttpServerOptions options = {}) {
  options.port = 0;
  auto server = HttpServer::Start(options, std::move(handler));
  if (!server.ok()) throw std::runtime_error(server.status().ToString());
  return std::move(server).value();
}

// Records the last request so tests can assert on what the handler saw.
class RecordingHandler {
 public:
  HttpHandler AsHandler() {
    return [this](const HttpRequest& request) {
      std::lock_guard<std::mutex> lock(mu_);
      last_ = request;
      ++calls_;
      return Text(request.body);
    };
  }
  HttpRequest last() {
    std::lock_guard<std::mutex> lock(mu_);
    return last_;
  }
  int calls() {
    std::lock_guard<std::mutex> lock(mu_);
    return calls_;
  }

 private:
  std::mutex mu_;
  HttpRequest last_;
  int calls_ = 0;
};

TEST(HttpRequestTest, QueryAndHeaderReturnFirstValueOrNull) {
  HttpRequest request;
  request.query = {{"plato", "ceviche"}, {"plato", "causa"}, {"vacio", ""}};
  request.headers = {{"x-mesa", "7"}};
  ASSERT_NE(request.Query("plato"), nullptr);
  EXPECT_EQ(*request.Query("plato"), "ceviche");
  ASSERT_NE(request.Query("vacio"), nullptr);
  EXPECT_EQ(*request.Query("vacio"), "");
  EXPECT_EQ(request.Query("falta"), nullptr);
  ASSERT_NE(request.Header("x-mesa"), nullptr);
  EXPECT_EQ(*request.Header("x-mesa"), "7");
  EXPECT_EQ(request.Header("x-falta"), nullptr);
}

TEST(HttpServerTest, EchoRoundTripsMethodPathQueryHeadersAndUtf8Body) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());

  http::request<http::string_body> request(
      http::verb::post, "/v1/platos/aj%C3%AD?nombre=aj%C3%AD+amarillo&vacio=&a%26b=c%3Dd&solo", 11);
  request.set("X-Guest-Note", "sin ají, por favor");
  request.body() = R"({"nota":"ceviche con ají"})";
  const Response response = connection.Send(std::move(request));

  const HttpRequest seen = recorder.last();
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.path, "/v1/platos/ají");
  const std::vector<std::pair<std::string, std::string>> expected_query = {
      {"nombre", "ají amarillo"}, {"vacio", ""}, {"a&b", "c=d"}, {"solo", ""}};
  EXPECT_EQ(seen.query, expected_query);
  ASSERT_NE(seen.Header("x-guest-note"), nullptr) << "header names must be lower-cased";
  EXPECT_EQ(*seen.Header("x-guest-note"), "sin ají, por favor");
  EXPECT_EQ(seen.body, R"({"nota":"ceviche con ají"})");

  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), R"({"nota":"ceviche con ají"})");
  EXPECT_EQ(response[http::field::content_type], "text/plain; charset=utf-8");
  EXPECT_EQ(response[http::field::server], "sobremesa");
  EXPECT_EQ(response[http::field::content_length],
            std::to_string(std::string(R"({"nota":"ceviche con ají"})").size()));
  EXPECT_TRUE(response.keep_alive());
}

TEST(HttpServerTest, HandlerStatusContentTypeAndExtraHeadersAreSent) {
  auto server = StartServer([](const HttpRequest&) {
    HttpResponse response;
    response.status = 201;
    response.body = R"({"id":12})";
    response.headers = {{"Location", "/v1/guests/12"}};
    return response;
  });
  Connection connection(server->port());
  const Response response = connection.Get("/v1/guests");
  EXPECT_EQ(response.result_int(), 201);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_EQ(response[http::field::location], "/v1/guests/12");
  EXPECT_EQ(response.body(), R"({"id":12})");
}

TEST(HttpServerTest, NoContentResponseHasNoBodyAndKeepsTheConnection) {
  auto server = StartServer([](const HttpRequest& request) {
    HttpResponse response;
    response.status = request.path == "/borrar" ? 204 : 200;
    response.body = "{}";
    return response;
  });
  Connection connection(server->port());
  connection.SendRaw(
      "DELETE /borrar HTTP/1.1\r\nHost: x\r\n\r\nGET /otro HTTP/1.1\r\nHost: x\r\n\r\n");
  // Were a body sent after the 204, it would be read as the next response.
  const Response deleted = connection.Read();
  EXPECT_EQ(deleted.result_int(), 204);
  EXPECT_EQ(deleted.count(http::field::content_length), 0u);
  EXPECT_EQ(deleted.body(), "");
  const Response next = connection.Read();
  EXPECT_EQ(next.result_int(), 200);
  EXPECT_EQ(next.body(), "{}");
}

TEST(HttpServerTest, ExtraHeaderThatWouldSplitTheResponseBecomes500) {
  auto server = StartServer([](const HttpRequest& request) {
    HttpResponse response;
    if (request.path == "/crlf") response.headers = {{"X-Nota", "a\r\nSet-Cookie: robado=1"}};
    if (request.path == "/length") response.headers = {{"content-length", "0"}};
    return response;
  });
  Connection connection(server->port());
  for (const char* target : {"/crlf", "/length"}) {
    const Response response = connection.Get(target);
    EXPECT_EQ(response.result_int(), 500) << target;
    EXPECT_EQ(response.count(http::field::set_cookie), 0u) << target;
  }
}

TEST(HttpServerTest, Http10KeepAliveIsHonoured) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  for (int i = 0; i < 3; ++i) {
    connection.SendRaw("GET /salud HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    const Response response = connection.Read();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_TRUE(response.keep_alive()) << "request " << i;
  }
  EXPECT_EQ(recorder.calls(), 3);
}

TEST(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  for (int i = 0; i < 100; ++i) {
    const Response response =
        connection.Send(MakeRequest(http::verb::post, "/echo", "pedido " + std::to_string(i)));
    ASSERT_EQ(response.result_int(), 200) << "request " << i;
    ASSERT_EQ(response.body(), "pedido " + std::to_string(i));
    ASSERT_TRUE(response.keep_alive()) << "request " << i;
  }
  EXPECT_EQ(recorder.calls(), 100);
}

TEST(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  connection.SendRaw(
      "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nuno"
      "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ndos");
  EXPECT_EQ(connection.Read().body(), "uno");
  EXPECT_EQ(connection.Read().body(), "dos");
}

TEST(HttpServerTest, Http10WithoutKeepAliveIsClosedAfterTheResponse) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  connection.SendRaw("GET /salud HTTP/1.0\r\n\r\n");
  const Response response = connection.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.version(), 10u);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(connection.ClosedByServer());
}

TEST(HttpServerTest, ConnectionCloseIsHonoured) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  connection.SendRaw("GET /salud HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const Response response = connection.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(connection.ClosedByServer());
}

TEST(HttpServerTest, OversizeBodyGets413WithJsonAndClose) {
  RecordingHandler recorder;
  HttpServerOptions options;
  options.max_body_bytes = 1024;
  auto server = StartServer(recorder.AsHandler(), options);
  Connection connection(server->port());
  // Far more than the socket buffers hold: the server must keep reading (and
  // discarding) or this write would fail with a reset before we see the 413.
  const Response response =
      connection.Send(MakeRequest(http::verb::post, "/v1/visits", std::string(4 << 20, 'x')));
  EXPECT_EQ(response.result_int(), 413);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_EQ(
      response.body(),
      R"({"error":{"code":"payload_too_large","message":"request body exceeds 1024 bytes"}})");
  EXPECT_FALSE(response.keep_alive());
  EXPECT_TRUE(connection.ClosedByServer());
  EXPECT_EQ(recorder.calls(), 0);
}

// A client that asks "Expect: 100-continue" sends its body only after the
// go-ahead; without one curl waited a second per request, and clients that
// do not give up waited for good.
TEST(HttpServerTest, ExpectContinueGetsTheGoAheadAndThenTheAnswer) {
  RecordingHandler recorder;
  HttpServerOptions options;
  options.max_body_bytes = 1024;
  auto server = StartServer(recorder.AsHandler(), options);
  Connection connection(server->port());
  connection.SendRaw(
      "POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(connection.ReadHeadFor(std::chrono::seconds(3)), "HTTP/1.1 100 Continue\r\n\r\n");
  connection.SendRaw("hola!");
  const Response response = connection.Read();
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body(), "hola!");
  EXPECT_TRUE(response.keep_alive());

  // A body the limit refuses is refused before it is sent.
  Connection big(server->port());
  big.SendRaw(
      "POST /v1/visits HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(big.ReadHeadFor(std::chrono::seconds(3)).substr(0, 12), "HTTP/1.1 413");
  EXPECT_EQ(recorder.calls(), 1);
}

TEST(HttpServerTest, BodyAtTheLimitIsAccepted) {
  RecordingHandler recorder;
  HttpServerOptions options;
  options.max_body_bytes = 1024;
  auto server = StartServer(recorder.AsHandler(), options);
  Connection connection(server->port());
  const Response response =
      connection.Send(MakeRequest(http::verb::post, "/v1/visits", std::string(1024, 'x')));
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_EQ(response.body().size(), 1024u);
}

TEST(HttpServerTest, GarbageBytesGet400WithJsonAndClose) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  Connection connection(server->port());
  connection.SendRaw("\x01\x02 no es http \xff\r\n\r\n");
  const Response response = connection.Read();
  EXPECT_EQ(response.result_int(), 400);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_NE(response.body().find(R"({"error":{"code":"bad_request","message":)"), std::string::npos)
      << response.body();
  EXPECT_TRUE(connection.ClosedByServer());
  EXPECT_EQ(recorder.calls(), 0);
}

TEST(HttpServerTest, BadPercentEscapeGets400) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  for (const char* target : {"/platos/%zz", "/platos?nombre=%C3%A", "/platos%"}) {
    Connection connection(server->port());
    const Response response = connection.Get(target);
    EXPECT_EQ(response.result_int(), 400) << target;
    EXPECT_NE(response.body().find("percent-encoding"), std::string::npos) << response.body();
  }
  EXPECT_EQ(recorder.calls(), 0);
}

TEST(HttpServerTest, ThrowingHandlerGets500JsonAndServerKeepsServing) {
  auto server = StartServer([](const HttpRequest& request) -> HttpResponse {
    if (request.path == "/boom") throw std::runtime_error("secret internals");
    return Text("ok");
  });
  Connection connection(server->port());
  const Response failed = connection.Get("/boom");
  EXPECT_EQ(failed.result_int(), 500);
  EXPECT_EQ(failed[http::field::content_type], "application/json");
  EXPECT_EQ(failed.body(), R"({"error":{"code":"internal","message":"internal error"}})");
  // Same connection, then a fresh one.
  EXPECT_EQ(connection.Get("/ok").body(), "ok");
  Connection another(server->port());
  EXPECT_EQ(another.Get("/ok").body(), "ok");
}

TEST(HttpServerTest, IdleConnectionIsClosedAfterTheTimeout) {
  RecordingHandler recorder;
  HttpServerOptions options;
  options.idle_timeout_seconds = 1;
  auto server = StartServer(recorder.AsHandler(), options);
  Connection connection(server->port());
  EXPECT_EQ(connection.Get("/a").result_int(), 200);
  EXPECT_TRUE(connection.ClosedByServer());
}

TEST(HttpServerTest, PortZeroBindsARealPort) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  EXPECT_GT(server->port(), 0);
  Connection connection(server->port());
  EXPECT_EQ(connection.Get("/").result_int(), 200);
}

TEST(HttpServerTest, PortInUseReturnsErrorStatus) {
  RecordingHandler recorder;
  auto first = StartServer(recorder.AsHandler());
  HttpServerOptions options;
  options.port = first->port();
  const auto second = HttpServer::Start(options, recorder.AsHandler());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kInternal);
  EXPECT_NE(second.status().message().find(std::to_string(first->port())), std::string::npos)
      << second.status().ToString();
}

TEST(HttpServerTest, InvalidOptionsReturnInvalidArgument) {
  RecordingHandler recorder;
  HttpServerOptions no_threads;
  no_threads.threads = 0;
  EXPECT_EQ(HttpServer::Start(no_threads, recorder.AsHandler()).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(HttpServer::Start(HttpServerOptions{}, HttpHandler()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(HttpServerTest, StopFromAnotherThreadReleasesWaitAndIsIdempotent) {
  RecordingHandler recorder;
  auto server = StartServer(recorder.AsHandler());
  const int port = server->port();
  Connection open_connection(port);
  EXPECT_EQ(open_connection.Get("/").result_int(), 200);

  std::thread stopper([&] { server->Stop(); });
  server->Wait();
  stopper.join();
  server->Stop();

  EXPECT_TRUE(open_connection.ClosedByServer()) << "Stop() must close open connections";
  EXPECT_THROW(Connection{port}, boost::system::system_error) << "Stop() must stop listening";
}

TEST(HttpServerTest, FiftyConcurrentKeepAliveClientsAllSucceed) {
  constexpr int kClients = 50;
  constexpr int kRequestsPerClient = 20;
  RecordingHandler recorder;
  HttpServerOptions options;
  options.threads = 4;
  auto server = StartServer(recorder.AsHandler(), options);

  std::atomic<int> successes{0};
  std::vector<std::string> failures(kClients);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      try {
        Connection connection(server->port());
        for (int r = 0; r < kRequestsPerClient; ++r) {
          const std::string body = "mesa " + std::to_string(c) + " pedido " + std::to_string(r);
          const Response response = connection.Send(MakeRequest(http::verb::post, "/", body));
          if (response.result_int() == 200 && response.body() == body) ++successes;
        }
      } catch (const std::exception& e) {
        failures[c] = e.what();
      }
    });
  }
  for (std::thread& client : clients) client.join();
  for (int c = 0; c < kClients; ++c) EXPECT_EQ(failures[c], "") << "client " << c;
  EXPECT_EQ(successes.load(), kClients * kRequestsPerClient);
  EXPECT_EQ(recorder.calls(), kClients * kRequestsPerClient);
}

}  // namespace
}  // namespace sobremesa
