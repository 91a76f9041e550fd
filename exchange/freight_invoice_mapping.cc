#include "exchange/freight_invoice_mapping.h"

#include "exchange/edi_dates.h"
#include "exchange/edi_numbers.h"
#include "exchange/segment_refusal.h"
#include "logistics/shipment_book.h"

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;
using logistics::ReferenceKind;

std::string inCurrency(std::int64_t cents) {
  const std::string units = std::to_string(cents / 100), hundredths = std::to_string(cents % 100);
  return units + "." + (hundredths.size() == 1 ? "0" : "") + hundredths;
}

void addReference(ShipmentLookup& lookup, const std::string& qualifier, const std::string& value,
                  const std::string& source) {
  if (qualifier == "BM") lookup.references.push_back({ReferenceKind::bill_of_lading, value, source + "*BM"});
  if (qualifier == "CN") lookup.references.push_back({ReferenceKind::pro_number, value, source + "*CN"});
  if (qualifier == "PO" && !lookup.purchaseOrder) lookup.purchaseOrder = value;
}

}  // namespace

logistics::Result<InvoicedFreight> freightInvoiceFromDocument(const MessageDocument& document,
                                                              const MappingContext& context) {
  if (context.partnerRole != logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::role_not_held, "partner", "210 freight invoices come from carriers; this partner is not one"};
  }
  InvoicedFreight freight;
  logistics::FreightInvoice& invoice = freight.invoice;
  invoice.carrierId = context.partnerId;
  invoice.sourceInterchangeId = context.interchangeId;
  freight.lookup.carrierId = context.partnerId;
  // X12 amounts are US dollars unless a C3 segment names the currency.
  invoice.currency = "USD";
  const DocumentSegment* b3 = document.find("B3");
  if (b3 == nullptr) return Problem{ProblemCode::missing_field, "B3", "210 without its B3 segment"};
  invoice.invoiceNumber = b3->value(2);
  const std::string& scac = b3->value(11);
  if (!scac.empty() && context.parties != nullptr) {
    const auto named = context.parties->idByIdentifier("scac", scac);
    if (named && *named != context.partnerId) {
      return segmentRefusal(ProblemCode::invalid_value, *b3, "B311",
                            "SCAC '" + scac + "' is another carrier than the one that sent the invoice");
    }
  }
  const auto amount = impliedCents(b3->value(7));
  if (!amount || *amount < 0) {
    return segmentRefusal(ProblemCode::invalid_value, *b3, "B307",
                          "invoice '" + invoice.invoiceNumber + "': net amount due '" + b3->value(7) +
                              "' is not an amount of zero or more");
  }
  invoice.amountCents = *amount;
  const auto invoiceDate = x12Timestamp(*b3, 6);
  if (!invoiceDate) return invoiceDate.problems();
  invoice.invoiceDate = invoiceDate.value();

  for (const DocumentSegment& segment : document.segments) {
    if (segment.tag == "C3") invoice.currency = segment.value(1);
    // Only references of the whole invoice: N9 before the first stop (S5) or line (LX).
    if (segment.tag == "S5" || segment.tag == "LX") break;
    if (segment.tag == "N9") addReference(freight.lookup, segment.value(1), segment.value(2), "N9");
    if (segment.tag == "L11") addReference(freight.lookup, segment.value(2), segment.value(1), "L11");
  }
  // B303 is the shipment as the tender named it: its bill of lading, else its ship notice id.
  freight.lookup.references.push_back({ReferenceKind::bill_of_lading, b3->value(3), "B303"});
  freight.lookup.references.push_back({ReferenceKind::ship_notice_id, b3->value(3), "B303"});

  // One freight cost per shipment: totals that disagree with what is due leave no honest one.
  if (const DocumentSegment* l3 = document.find("L3"); l3 != nullptr && !l3->value(5).empty()) {
    const auto charges = impliedCents(l3->value(5));
    if (!charges || *charges != invoice.amountCents) {
      return segmentRefusal(ProblemCode::invalid_value, *l3, "L305",
                            "invoice '" + invoice.invoiceNumber + "': total charges '" + l3->value(5) +
                                "' differ from B307 net amount due " + inCurrency(invoice.amountCents));
    }
  }
  return freight;
}

logistics::Result<logistics::Done> applyFreightInvoice(store::Transaction& transaction,
                                                       const MessageDocument& document,
                                                       const MappingContext& context) {
  const auto freight = freightInvoiceFromDocument(document, context);
  if (!freight) return freight.problems();
  const auto shipmentId = findShipment(transaction.session(), freight.value().lookup);
  if (!shipmentId) return shipmentId.problems();
  logistics::FreightInvoice invoice = freight.value().invoice;
  invoice.shipmentId = shipmentId.value();
  return logistics::ShipmentBook(transaction.session()).setFreightCost(transaction, invoice);
}

}  // namespace exchange
