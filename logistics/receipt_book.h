// The receipt and receipt_line tables: the one place that writes and reads receipts. Recording
// a receipt also keeps the received and damaged sums on the shipment's lines current, which is
// what shipment accuracy (received complete and correct) is measured on.
#pragma once

#include "logistics/problem.h"
#include "logistics/receipt.h"
#include "store/transaction.h"

#include <Poco/Data/Session.h>

#include <optional>
#include <vector>

namespace logistics {

class ReceiptBook {
 public:
  // Reads run on `session`; writes on the session of the transaction they are given.
  explicit ReceiptBook(Poco::Data::Session& session) : session_(session) {}

  // The one entry point that writes receipts, in the caller's transaction. Works out short and
  // over quantities left empty, and updates the shipment lines' received and damaged sums.
  // Refused without writing when a field is invalid, the shipment, an announced line, a party,
  // product or interchange is unknown, or the warehouse has the receipt number already.
  Result<std::int64_t> record(store::Transaction& transaction, const Receipt& receipt);

  std::optional<Receipt> find(std::int64_t id);
  std::vector<Receipt> forShipment(std::int64_t shipmentId);

 private:
  std::vector<Receipt> select(const std::string& where, std::int64_t parameter);

  Poco::Data::Session& session_;
};

}  // namespace logistics
