// The disposal_record and disposal_serial tables: the one place that writes and reads what
// recyclers did with returned goods.
#pragma once

#include "logistics/disposal_record.h"
#include "logistics/problem.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <vector>

namespace logistics {

class DisposalBook {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit DisposalBook(Poco::Data::Session& session) : session_(session) {}

  // The one entry point that writes disposal records, in the caller's transaction. Refused
  // without writing when the EWC code, hazardous flag, R/D code, quantity or dates are invalid,
  // the recycler is unknown or not a recycler, the RMA is unknown, a serial number is not on
  // that RMA, or the recycler has the certificate number already.
  Result<std::int64_t> record(store::Transaction& transaction, const DisposalRecord& record);

  std::optional<DisposalRecord> find(std::int64_t id);
  std::vector<DisposalRecord> forRma(std::int64_t rmaId);

 private:
  std::vector<DisposalRecord> select(const std::string& where, std::int64_t parameter);

  Poco::Data::Session& session_;
};

}  // namespace logistics
