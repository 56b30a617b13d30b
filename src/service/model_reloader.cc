#include "service/model_reloader.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

namespace sobremesa {

FileIdentity IdentityOf(const std::string& path) {
  struct stat s {};
  if (::stat(path.c_str(), &s) != 0) return {};
  return {static_cast<unsigned long long>(s.st_ino), static_cast<unsigned long long>(s.st_size),
          static_cast<long long>(s.st_mtim.tv_sec) * 1'000'000'000LL + s.st_mtim.tv_nsec};
}

ModelReloader::~ModelReloader() { Stop(); }

void ModelReloader::Watch(std::string model, std::string path, std::function<Status()> load) {
  std::lock_guard lock(check_mutex_);
  FileIdentity seen = IdentityOf(path);
  watched_.push_back({std::move(model), std::move(path), std::move(load), seen});
}

void ModelReloader::DiscoverWith(std::function<std::vector<DiscoveredFile>()> discover) {
  std::lock_guard lock(check_mutex_);
  discover_ = std::move(discover);
}

std::vector<ReloadOutcome> ModelReloader::ReloadChanged() {
  std::lock_guard lock(check_mutex_);
  if (discover_) {
    for (DiscoveredFile& f : discover_()) {
      watched_.push_back({std::move(f.model), std::move(f.path), std::move(f.load), {}});
    }
  }
  std::vector<ReloadOutcome> outcomes;
  for (Watched& w : watched_) {
    const FileIdentity now = IdentityOf(w.path);
    // Unchanged, or removed: a deleted file leaves the model serving.
    if (now == w.seen || now == FileIdentity{}) continue;
    w.seen = now;
    Status status = w.load();
    if (status.ok()) {
      spdlog::info("{}: reloaded {}", w.model, w.path);
    } else {
      spdlog::error("{}: refused the new {} ({}); the previous model keeps serving", w.model,
                    w.path, status.ToString());
    }
    outcomes.push_back({w.model, w.path, std::move(status)});
  }
  return outcomes;
}

void ModelReloader::Start(std::chrono::milliseconds interval) {
  Stop();
  std::lock_guard lock(thread_mutex_);
  stopping_ = false;
  thread_ = std::thread([this, interval] {
    std::unique_lock wait_lock(thread_mutex_);
    while (!stop_signal_.wait_for(wait_lock, interval, [this] { return stopping_; })) {
      wait_lock.unlock();
      ReloadChanged();
      wait_lock.lock();
    }
  });
}

void ModelReloader::Stop() {
  {
    std::lock_guard lock(thread_mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace sobremesa
