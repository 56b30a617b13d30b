#pragma once
// Hot reload of trained model files. `sobremesa train ...` writes each file
// to a temporary and renames it over the old one; a running server notices
// the new file (its identity: inode, size, modification time) on the next
// check, loads it, and swaps it in whole (a shared_ptr swap in the owning
// service), so requests already running finish on the old model. A file
// that does not load (corrupt, other format, other menu) is refused with a
// log line and the old model keeps serving until a good file replaces it.
//
// Checks run on a background thread every few seconds (Start) and on
// demand (POST /v1/admin/reload). Thread safety: every method may be called
// concurrently; checks run one at a time.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"

namespace sobremesa {

// What distinguishes one version of a file from the next; all zero when
// the file does not exist.
struct FileIdentity {
  unsigned long long inode = 0, size = 0;
  long long modified_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};
FileIdentity IdentityOf(const std::string& path);

// A file a check found to watch (ModelReloader::DiscoverWith).
struct DiscoveredFile {
  std::string model, path;
  std::function<Status()> load;
};

struct ReloadOutcome {
  std::string model;  // e.g. "behaviour restaurant 1"
  std::string path;
  Status status;      // Ok: the new file serves; else why it was refused
};

class ModelReloader {
 public:
  ModelReloader() = default;
  ~ModelReloader();  // stops the thread
  ModelReloader(const ModelReloader&) = delete;
  ModelReloader& operator=(const ModelReloader&) = delete;

  // Watches `path`, whose current version counts as loaded (register it
  // before the start-up load, so a file replaced during that load is still
  // picked up). `load` reads the file and, only on success, swaps the model
  // in; its error means nothing was swapped.
  void Watch(std::string model, std::string path, std::function<Status()> load);

  // Calls `discover` at the start of every check, under the check lock (so
  // it needs no lock of its own), for files to watch from then on: those of
  // a restaurant created while the server runs. Unlike Watch, a discovered
  // file's current version counts as not loaded, so a file already written
  // is loaded by that same check.
  void DiscoverWith(std::function<std::vector<DiscoveredFile>()> discover);

  // Loads every watched file whose identity changed since it was last seen
  // (a refused version is not retried until it changes again) and returns
  // what happened to each, logging every swap and refusal.
  std::vector<ReloadOutcome> ReloadChanged();

  // A thread calling ReloadChanged every `interval`, until Stop.
  void Start(std::chrono::milliseconds interval);
  void Stop();

 private:
  struct Watched {
    std::string model, path;
    std::function<Status()> load;
    FileIdentity seen;
  };

  std::mutex check_mutex_;        // one check at a time
  std::vector<Watched> watched_;  // guarded by check_mutex_
  std::function<std::vector<DiscoveredFile>()> discover_;  // guarded by check_mutex_

  std::mutex thread_mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;  // guarded by thread_mutex_
  std::thread thread_;
};

}  // namespace sobremesa
