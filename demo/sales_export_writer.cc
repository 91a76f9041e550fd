#include "demo/sales_export_writer.h"

#include "demo/decimal_text.h"

#include <Poco/DateTimeFormatter.h>

#include <sstream>

namespace demo {

// Values are generated codes and numbers without commas, quotes or markup: no quoting needed.
std::string salesCsv(const std::vector<const PlannedSale*>& sales) {
  std::ostringstream out;
  out << "store,business_day,register,receipt,time,sku,description,qty,amount,currency,loyalty,email,phone,serial,"
         "type,reason,disposal,cost\n";
  for (const PlannedSale* sale : sales) {
    const Store& store = demoStores()[sale->store];
    const std::string day = Poco::DateTimeFormatter::format(sale->at, "%Y-%m-%d");
    const std::string time = Poco::DateTimeFormatter::format(sale->at, "%Y-%m-%d %H:%M:%S");
    for (const PlannedSaleLine& line : sale->lines) {
      out << store.code << ',' << day << ",1,R-" << sale->sequence << ',' << time << ',' << line.sku << ','
          << line.sku << ',' << line.quantity << ',' << amountText(line.amountCents) << ",EUR,"
          << sale->loyaltyId.value_or("") << ",,," << line.serial.value_or("") << ",SALE,,,"
          << amountText(line.costCents) << '\n';
    }
  }
  return out.str();
}

std::string salesPoslog(const std::vector<const PlannedSale*>& sales) {
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<POSLog xmlns=\"http://www.nrf-arts.org/IXRetail/namespace/\" MajorVersion=\"6\" MinorVersion=\"0\">\n";
  for (const PlannedSale* sale : sales) {
    const Store& store = demoStores()[sale->store];
    std::int64_t total = 0;
    out << "  <Transaction>\n"
        << "    <BusinessUnit><UnitID>" << store.code << "</UnitID></BusinessUnit>\n"
        << "    <WorkstationID>1</WorkstationID>\n"
        << "    <SequenceNumber>" << sale->sequence << "</SequenceNumber>\n"
        << "    <BusinessDayDate>" << Poco::DateTimeFormatter::format(sale->at, "%Y-%m-%d") << "</BusinessDayDate>\n"
        << "    <EndDateTime>" << Poco::DateTimeFormatter::format(sale->at, "%Y-%m-%dT%H:%M:%SZ") << "</EndDateTime>\n"
        << "    <CurrencyCode>EUR</CurrencyCode>\n"
        << "    <RetailTransaction TransactionStatus=\"Finished\">\n";
    int n = 0;
    for (const PlannedSaleLine& line : sale->lines) {
      total += line.amountCents;
      out << "      <LineItem><Sale ItemType=\"Stock\"><ItemID>" << line.sku << "</ItemID>"
          << "<ExtendedAmount>" << amountText(line.amountCents) << "</ExtendedAmount>"
          << "<Quantity>" << line.quantity << "</Quantity>";
      if (line.serial) out << "<SerialNumber>" << *line.serial << "</SerialNumber>";
      out << "</Sale><SequenceNumber>" << ++n << "</SequenceNumber></LineItem>\n";
    }
    out << "      <Total TotalType=\"TransactionGrandAmount\">" << amountText(total) << "</Total>\n";
    if (sale->loyaltyId) {
      out << "      <LoyaltyAccount><LoyaltyAccountID>" << *sale->loyaltyId << "</LoyaltyAccountID></LoyaltyAccount>\n";
    }
    out << "    </RetailTransaction>\n  </Transaction>\n";
  }
  out << "</POSLog>\n";
  return out.str();
}

}  // namespace demo
