// Receipts to logistics receipts: X12 944 (warehouse stock transfer receipt advice), X12 861
// (receiving advice) and EDIFACT RECADV. The sender is the party that received the goods (a
// dealer, a client's warehouse, a recycler); the receipt is set against the shipment its
// references name, line by line by item, and the library works out what is short and over.
#pragma once

#include "exchange/document_mapping.h"
#include "exchange/shipment_lookup.h"
#include "logistics/receipt.h"

namespace exchange {

// What a receiving message says, before its shipment is looked up: the receipt has no
// shipment id and its lines no announced line numbers yet.
struct ReceivedGoods {
  ShipmentLookup lookup;
  logistics::Receipt receipt;
};

logistics::Result<ReceivedGoods> receiptFromDocument(const MessageDocument& document, const MappingContext& context);

logistics::Result<logistics::Done> applyReceipt(store::Transaction& transaction, const MessageDocument& document,
                                                const MappingContext& context);

}  // namespace exchange
