#pragma once
// Reader connections for one database file, so reads run concurrently with
// each other and (under WAL) with the single writer. A connection is leased
// to one thread at a time and keeps its prepared statements between leases.

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/sqlite_statement.h"

namespace sobremesa::sqlite {

class ConnectionPool {
 public:
  // Returns its connection to the pool on destruction.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Opens query-only connections to `path` on demand and keeps up to
  // `max_idle` of them open between uses.
  ConnectionPool(std::string path, size_t max_idle) : path_(std::move(path)), max_idle_(max_idle) {}

  // An idle connection, or a new one when all are leased (never blocks, so a
  // reader nested in another's callback cannot deadlock). Internal when a
  // new connection cannot be opened.
  [[nodiscard]] StatusOr<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> connection);

  // Fixed after construction.
  const std::string path_;
  const size_t max_idle_;

  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
};

}  // namespace sobremesa::sqlite
