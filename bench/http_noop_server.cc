// Serves a constant JSON body on every path: the ceiling of the HTTP layer,
// with no routing, store or model work. Driven by bench/http_bench.sh.
//
//   http_noop_server [PORT] [THREADS]     (defaults: 8080, 2)
//
// Runs until SIGINT or SIGTERM.

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "api/http_server.h"

int main(int argc, char** argv) {
  sobremesa::HttpServerOptions options;
  options.port = argc > 1 ? std::atoi(argv[1]) : 8080;
  options.threads = argc > 2 ? std::atoi(argv[2]) : 2;

  // Block the signals before any thread starts so every thread inherits the
  // mask and only the sigwait thread below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = sobremesa::HttpServer::Start(options, [](const sobremesa::HttpRequest&) {
    sobremesa::HttpResponse response;
    response.body = R"({"ok":true})";
    return response;
  });
  if (!server.ok()) {
    std::fprintf(stderr, "http_noop_server: %s\n", server.status().ToString().c_str());
    return 1;
  }
  std::printf("http_noop_server: listening on %s:%d with %d threads\n", options.host.c_str(),
              (*server)->port(), options.threads);
  std::fflush(stdout);

  std::thread signal_waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    (*server)->Stop();
  });
  (*server)->Wait();
  signal_waiter.join();
  return 0;
}
