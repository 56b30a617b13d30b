#include "store/connection_pool.h"

namespace sobremesa::sqlite {

ConnectionPool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->Release(std::move(connection_));
}

StatusOr<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                   Connection::Open(path_, OpenMode::kQueryOnly));
  return Lease(this, std::move(connection));
}

void ConnectionPool::Release(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(connection));
  // Otherwise it closes here: a burst of readers leaves no crowd of
  // idle connections behind.
}

}  // namespace sobremesa::sqlite
