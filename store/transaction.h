// RAII transaction over one session, on either backend: committed only by commit(), rolled
// back when it goes out of scope otherwise (an exception, an early return, a crash).
#pragma once

#include <Poco/Data/Session.h>

namespace store {

class Transaction {
 public:
  // On SQLite takes the write lock at once (BEGIN IMMEDIATE), so two writers wait for each
  // other instead of failing on lock upgrade; on ODBC turns autocommit off for its duration.
  explicit Transaction(Poco::Data::Session& session);
  ~Transaction();

  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Throws when the transaction cannot be committed, including on PostgreSQL when an earlier
  // statement failed inside it (even if the caller caught that error): nothing is then kept.
  void commit();
  void rollback();
  bool active() const { return active_; }
  // The session this transaction runs on: libraries that write inside a caller's transaction
  // take the Transaction itself, so a write can never run outside one by mistake.
  Poco::Data::Session& session() const { return session_; }

 private:
  void finish(bool commit);

  Poco::Data::Session& session_;
  bool sqlite_;
  bool active_ = false;
};

}  // namespace store
