#include "exchange/document_mapping.h"

#include "exchange/acknowledgment_recorder.h"
#include "exchange/freight_invoice_mapping.h"
#include "exchange/receipt_mapping.h"
#include "exchange/return_mapping.h"
#include "exchange/ship_notice_mapping.h"
#include "exchange/status_report_mapping.h"
#include "exchange/tender_response_mapping.h"

namespace exchange {

logistics::Result<logistics::Done> applyMessage(store::Transaction& transaction, const MessageDocument& document,
                                                const MappingContext& context) {
  const std::string& type = document.type;
  if (type == "856" || type == "DESADV") return applyShipNotice(transaction, document, context);
  if (type == "214" || type == "IFTSTA") return applyStatusReport(transaction, document, context);
  if (type == "944" || type == "861" || type == "RECADV") return applyReceipt(transaction, document, context);
  if (type == "990") return applyTenderResponse(transaction, document, context);
  if (type == "210") return applyFreightInvoice(transaction, document, context);
  if (type == "180" || type == "RETANN") return applyReturn(transaction, document, context);
  // A partner's acknowledgment of what we sent: recorded on our outbound interchanges.
  if ((type == "997" || type == "999" || type == "CONTRL") && context.acknowledgments) {
    return context.acknowledgments->record(transaction);
  }
  // No acknowledgment reader takes APERAK yet: accepted, matched to nothing (docs/EXCHANGE.md).
  if (type == "APERAK") return logistics::Done{};
  return logistics::Problem{logistics::ProblemCode::invalid_value, "message type",
                            "afterflow does not take " + type + " messages in (see docs/EXCHANGE.md)"};
}

}  // namespace exchange
