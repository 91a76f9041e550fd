// RAII transaction over one session, on either backend: committed only by commit(), rolled
// back when it goes out of scope otherwise (an exception, an early return, a crash). Work a
// module derives from the transaction's writes can be deferred to just before its commit.
#pragma once

#include <Poco/Data/Session.h>

#include <memory>
#include <typeinfo>
#include <vector>

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

  // Work a module defers to the end of the transaction, to do it once for all the writes that
  // asked for it (logistics refreshes the report rollups of every shipment an interchange
  // touched in one set-based pass). run() does what was asked and forgets it.
  class Deferred {
   public:
    virtual ~Deferred() = default;
    virtual void run(Poco::Data::Session& session) = 0;
  };
  // This transaction's deferred work of type T, made on first use. commit() runs it inside the
  // transaction, before COMMIT, in the order first asked for; a rollback drops it.
  template <class T>
  T& deferred() {
    for (const auto& work : deferred_) {
      if (typeid(*work) == typeid(T)) return static_cast<T&>(*work);
    }
    deferred_.push_back(std::make_unique<T>());
    return static_cast<T&>(*deferred_.back());
  }
  // Runs the deferred work now, for a caller that reads what it derives inside the transaction.
  void runDeferred();

 private:
  void finish(bool commit);

  Poco::Data::Session& session_;
  bool sqlite_;
  bool active_ = false;
  std::vector<std::unique_ptr<Deferred>> deferred_;
};

}  // namespace store
