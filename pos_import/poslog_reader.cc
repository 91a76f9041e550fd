#include "pos_import/poslog_reader.h"

#include "crm/sales_ledger.h"
#include "pos_import/pos_values.h"

#include <Poco/Exception.h>

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <memory>

namespace pos_import {
namespace {

// ARTS changed the URI's spelling between releases; files of both are in the field.
bool artsNamespace(const xmlChar* uri) {
  if (uri == nullptr) return true;
  const auto* text = reinterpret_cast<const char*>(uri);
  return std::strcmp(text, "http://www.nrf-arts.org/IXRetail/namespace/") == 0 ||
         std::strcmp(text, "http://www.nrf-arts.org/IXRetail/namespace") == 0;
}

bool named(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0 &&
         artsNamespace(node->ns ? node->ns->href : nullptr);
}

const xmlNode* child(const xmlNode* node, const char* name) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (named(c, name)) return c;
  }
  return nullptr;
}

const xmlNode* descendant(const xmlNode* node, const char* name) {
  if (node == nullptr) return nullptr;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (named(c, name)) return c;
    if (const xmlNode* found = descendant(c, name)) return found;
  }
  return nullptr;
}

std::string content(const xmlNode* node) {
  if (node == nullptr) return {};
  std::unique_ptr<xmlChar, void (*)(void*)> text(xmlNodeGetContent(node), xmlFree);
  return text ? std::string(trim(reinterpret_cast<const char*>(text.get()))) : std::string();
}

std::string attribute(const xmlNode* node, const char* name) {
  if (node == nullptr) return {};
  std::unique_ptr<xmlChar, void (*)(void*)> value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)), xmlFree);
  return value ? std::string(trim(reinterpret_cast<const char*>(value.get()))) : std::string();
}

std::string firstText(const xmlNode* node, std::initializer_list<const char*> names, bool deep = false) {
  for (const char* name : names) {
    std::string text = content(deep ? descendant(node, name) : child(node, name));
    if (!text.empty()) return text;
  }
  return {};
}

std::optional<std::string> optional(std::string text) {
  if (text.empty()) return std::nullopt;
  return text;
}

class TransactionReader {
 public:
  // `reader` stands on the Transaction element being read while read() runs.
  TransactionReader(SaleSink& sink, xmlTextReaderPtr reader) : sink_(sink), reader_(reader) {}

  void read(const xmlNode* transaction, std::uint64_t index) {
    location_ = "element /POSLog/Transaction[" + std::to_string(index) + "] (line " +
                std::to_string(xmlGetLineNo(transaction)) + ")";
    const xmlNode* retail = child(transaction, "RetailTransaction");
    const std::string status = attribute(retail, "TransactionStatus");
    if (retail == nullptr || attribute(transaction, "CancelFlag") == "true" || attribute(transaction, "VoidFlag") == "true" ||
        status == "Voided" || status == "Canceled" || status == "Cancelled" || status == "Suspended") {
      sink_.skipped();  // control, tender control, voided: no goods changed hands
      return;
    }
    const xmlNode* unit = child(transaction, "BusinessUnit");
    crm::Sale sale;
    sale.sourceFormat = "poslog";
    // V6 names the store in BusinessUnit/UnitID; NCR ACS and older releases in RetailStoreID.
    const std::string store = firstText(transaction, {"RetailStoreID"}).empty() ? firstText(unit, {"UnitID", "RetailStoreID"})
                                                                                : firstText(transaction, {"RetailStoreID"});
    const std::string workstation = firstText(transaction, {"WorkstationID"}).empty()
                                        ? firstText(child(transaction, "Workstation"), {"WorkstationID"})
                                        : firstText(transaction, {"WorkstationID"});
    const std::string sequence = firstText(transaction, {"SequenceNumber", "TransactionID"});
    std::string day = firstText(transaction, {"BusinessDayDate"});
    if (day.empty()) day = firstText(unit, {"BusinessDayDate"});
    if (store.empty()) return reject("no store (RetailStoreID or BusinessUnit/UnitID)");
    if (sequence.empty()) return reject("no SequenceNumber");
    if (day.size() < 10) return reject("no BusinessDayDate");
    sale.businessDay = day.substr(0, 10);
    sale.sourceKey = "poslog:" + store + "|" + workstation + "|" + sale.businessDay + "|" + sequence;
    sale.storeCode = store;
    sale.workstation = optional(workstation);
    sale.operatorId = optional(firstText(transaction, {"OperatorID"}));
    sale.currency = firstText(transaction, {"CurrencyCode"});
    if (sale.currency.empty()) sale.currency = "EUR";
    const std::string end = firstText(transaction, {"EndDateTime", "BeginDateTime"});
    if (!end.empty()) {
      const auto stamp = isoUtcFromXml(end);
      if (!stamp) return reject("EndDateTime '" + end + "' is not an XML date-time");
      sale.occurredAt = *stamp;
    } else {
      sale.occurredAt = sale.businessDay + "T00:00:00.000Z";
    }

    std::int64_t total = 0;
    std::uint32_t lineIndex = 0;
    for (const xmlNode* item = retail->children; item; item = item->next) {
      if (!named(item, "LineItem")) continue;
      ++lineIndex;
      if (attribute(item, "VoidFlag") == "true") continue;
      const xmlNode* goods = child(item, "Sale");
      const bool isReturn = goods == nullptr && child(item, "Return") != nullptr;
      if (isReturn) goods = child(item, "Return");
      if (goods == nullptr) continue;  // tender, tax, discount, loyalty lines
      const std::string where = "LineItem[" + std::to_string(lineIndex) + "]";
      crm::SaleLine line;
      line.sku = optional(firstText(goods, {"ItemID", "POSIdentity"}));
      if (!line.sku) return reject(where + ": no ItemID");
      line.description = optional(firstText(goods, {"Description"}));
      const std::string quantity = firstText(goods, {"Quantity"});
      const auto parsedQuantity = quantity.empty() ? std::optional<double>(1) : parseQuantity(quantity, false);
      if (!parsedQuantity) return reject(where + ": Quantity '" + quantity + "' is not a number");
      const std::string price = firstText(goods, {"ActualSalesUnitPrice", "RegularSalesUnitPrice"});
      if (!price.empty()) {
        line.unitPriceCents = parseCents(price, false);
        if (!line.unitPriceCents) return reject(where + ": unit price '" + price + "' is not an amount");
      }
      const std::string extended = firstText(goods, {"ExtendedAmount"});
      if (!extended.empty()) {
        const auto amount = parseCents(extended, false);
        if (!amount) return reject(where + ": ExtendedAmount '" + extended + "' is not an amount");
        line.amountCents = *amount;
      } else if (line.unitPriceCents) {
        const auto amount = amountCents(*line.unitPriceCents, *parsedQuantity);
        if (!amount) return reject(where + ": Quantity '" + quantity + "' at '" + price + "' is beyond any amount");
        line.amountCents = *amount;
      } else {
        return reject(where + ": neither ExtendedAmount nor a unit price");
      }
      line.quantity = *parsedQuantity;
      line.serialNumber = optional(firstText(goods, {"SerialNumber"}, true));
      if (isReturn) {
        line.quantity = -std::abs(line.quantity);
        line.amountCents = -std::abs(line.amountCents);
        const xmlNode* disposal = descendant(goods, "Disposal");
        line.disposalMethod = optional(attribute(disposal, "Method"));
        if (!line.disposalMethod) line.disposalMethod = optional(content(disposal));
        const xmlNode* reason = descendant(goods, "Reason");
        line.returnReason = optional(content(reason));
        if (!line.returnReason) line.returnReason = optional(firstText(goods, {"ReasonCode"}, true));
      }
      const auto sum = addCents(total, line.amountCents);
      if (!sum) return reject(where + ": the lines' amounts add up beyond any amount");
      total = *sum;
      sale.lines.push_back(std::move(line));
    }
    if (sale.lines.empty()) {
      sink_.skipped();  // a retail transaction without goods: a no-sale, a tender exchange
      return;
    }
    sale.kind = std::all_of(sale.lines.begin(), sale.lines.end(), [](const crm::SaleLine& l) { return l.quantity < 0; })
                    ? "return"
                    : "sale";
    sale.totalCents = total;
    for (const xmlNode* node = retail->children; node; node = node->next) {
      if (named(node, "Total") && attribute(node, "TotalType") == "TransactionGrandAmount") {
        const auto grand = parseCents(content(node), false);
        if (!grand) return reject("Total '" + content(node) + "' is not an amount");
        sale.totalCents = sale.kind == "return" ? -std::abs(*grand) : *grand;
      }
    }

    const xmlNode* customer = descendant(retail, "Customer");
    sale.customer.loyaltyId = optional(firstText(retail, {"LoyaltyAccountID", "LoyaltyID", "LoyaltyCardNumber",
                                                          "LoyaltyAccountNumber"}, true));
    if (customer) {
      sale.customer.email = optional(firstText(customer, {"EMail", "EMailAddress", "Email"}, true));
      const xmlNode* phone = descendant(customer, "Telephone");
      sale.customer.phone = optional(firstText(phone, {"FullTelephoneNumber", "PhoneNumber"}, true));
      if (!sale.customer.phone) sale.customer.phone = optional(content(phone));
      const xmlNode* name = child(customer, "Name");
      std::string fullName = firstText(name, {"FullName"});
      if (fullName.empty()) {
        const std::string first = firstText(name, {"FirstName", "Name"}), last = firstText(name, {"LastName"});
        fullName = first.empty() ? last : last.empty() ? first : first + " " + last;
      }
      if (fullName.empty() && name && name->children && name->children->type == XML_TEXT_NODE) fullName = content(name);
      sale.customer.name = optional(fullName);
      const xmlNode* address = descendant(customer, "Address");
      sale.customer.city = optional(firstText(address, {"City"}));
      sale.customer.postalCode = optional(firstText(address, {"PostalCode"}));
      sale.customer.country = optional(firstText(address, {"CountryCode", "Country"}));
    }
    if (auto refusal = crm::checkSale(sale)) return reject("refused: " + *refusal);
    sink_.sale(std::move(sale), location_);
  }

 private:
  // The element as it stands in the file (serialised again by libxml2, in UTF-8), taken only
  // here: a transaction that imports never pays for it.
  void reject(const std::string& reason) {
    std::unique_ptr<xmlChar, void (*)(void*)> outer(xmlTextReaderReadOuterXml(reader_), xmlFree);
    sink_.reject({location_, reason, outer ? reinterpret_cast<const char*>(outer.get()) : "", {}});
  }

  SaleSink& sink_;
  xmlTextReaderPtr reader_;
  std::string location_;
};

// Line `number` of the file (1-based), for a parse error, where there is no element to keep;
// read a byte at a time, since a POSLog may be one long line (past kMaxRawKept: the sink cuts).
std::string lineOfFile(const std::string& path, int number) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  int at = 1;
  for (char c; at <= number && in.get(c);) {
    if (c == '\n') {
      ++at;
    } else if (at == number && line.size() <= kMaxRawKept) {
      line += c;
    }
  }
  return line;
}

struct ParseError {
  std::string message;
  int line = 0;
};

void collectError(void* context, xmlErrorPtr error) {
  auto* parseError = static_cast<ParseError*>(context);
  if (error == nullptr || error->level < XML_ERR_ERROR || !parseError->message.empty()) return;
  parseError->message = std::string(trim(error->message ? error->message : "malformed XML"));
  parseError->line = error->line;
}

// How far into the file the reader is. libxml2 answers -1 once it could not decode the input (a
// file not in the encoding it declares): progress then stays where it was, not at 2^64 - 1.
std::uint64_t bytesConsumed(xmlTextReaderPtr reader, std::uint64_t before) {
  const long consumed = xmlTextReaderByteConsumed(reader);
  return consumed < 0 ? before : static_cast<std::uint64_t>(consumed);
}

}  // namespace

void readPosLog(const std::string& path, SaleSink& sink) {
  std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> reader(
      xmlReaderForFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE), xmlFreeTextReader);
  if (!reader) throw Poco::OpenFileException(path);
  ParseError parseError;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), collectError, &parseError);

  TransactionReader transactions(sink, reader.get());
  std::uint64_t index = 0, consumed = 0;
  bool rootSeen = false;
  int status = xmlTextReaderRead(reader.get());
  while (status == 1) {
    if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
      status = xmlTextReaderRead(reader.get());
      continue;
    }
    const auto* local = reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader.get()));
    if (!rootSeen) {
      rootSeen = true;
      if (std::strcmp(local, "POSLog") != 0 || !artsNamespace(xmlTextReaderConstNamespaceUri(reader.get()))) {
        const char* uri = reinterpret_cast<const char*>(xmlTextReaderConstNamespaceUri(reader.get()));
        sink.reject({"element /" + std::string(local) + " (line 1)",
                     "not an ARTS POSLog document: root element " + std::string(local) + (uri ? " in " + std::string(uri) : ""),
                     lineOfFile(path, xmlTextReaderGetParserLineNumber(reader.get())), {}});
        return;
      }
    }
    if (std::strcmp(local, "Transaction") == 0 && artsNamespace(xmlTextReaderConstNamespaceUri(reader.get()))) {
      ++index;
      const xmlNode* node = xmlTextReaderExpand(reader.get());
      if (node == nullptr) break;  // the subtree is malformed: reported below
      transactions.read(node, index);
      if (index % 256 == 0) sink.progress(consumed = bytesConsumed(reader.get(), consumed));
      status = xmlTextReaderNext(reader.get());  // frees the expanded subtree as the reader moves on
      continue;
    }
    status = xmlTextReaderRead(reader.get());
  }
  if (status < 0 || !parseError.message.empty()) {
    sink.reject({"line " + std::to_string(parseError.line) + (index ? " (in or after Transaction[" + std::to_string(index) + "])" : ""),
                 "malformed XML, reading stopped here: " + (parseError.message.empty() ? "parse error" : parseError.message),
                 parseError.line > 0 ? lineOfFile(path, parseError.line) : std::string(), {}});
  }
  sink.progress(bytesConsumed(reader.get(), consumed));
}

}  // namespace pos_import
