#include "tests/logistics/logistics_fixture.h"

#include "crm/party_directory.h"
#include "crm/product_catalog.h"

using namespace Poco::Data::Keywords;

namespace logistics_test {
namespace {

std::int64_t addParty(crm::PartyDirectory& directory, const std::string& code, std::vector<crm::PartyRole> roles) {
  crm::Party party;
  party.code = code;
  party.name = code + " Ltd";
  party.roles = std::move(roles);
  return directory.add(party);
}

std::int64_t addProduct(store::Database& database, const std::string& sku) {
  crm::Product product;
  product.sku = sku;
  product.name = sku;
  product.serialized = true;
  return crm::ProductCatalog(database).add(product);
}

}  // namespace

LogisticsFixture::LogisticsFixture() : database(test.migrated()) {
  crm::PartyDirectory parties(database);
  using R = crm::PartyRole;
  client = addParty(parties, "CLIENT", {R::client, R::manufacturer});
  carrier = addParty(parties, "CARRIER", {R::carrier});
  otherCarrier = addParty(parties, "CARRIER-2", {R::carrier});
  shipper = addParty(parties, "SHIPPER", {R::manufacturer});
  consignee = addParty(parties, "CONSIGNEE", {R::dealer});
  dealer = addParty(parties, "DEALER", {R::dealer});
  customer = addParty(parties, "CUSTOMER", {R::customer});
  recycler = addParty(parties, "RECYCLER", {R::recycler});
  washingMachine = addProduct(database, "WM-800");
  dishwasher = addProduct(database, "DW-450");
}

logistics::Shipment LogisticsFixture::shipment(const std::string& proNumber) const {
  logistics::Shipment s;
  s.clientId = client;
  s.shipperId = shipper;
  s.consigneeId = consignee;
  s.carrierId = carrier;
  s.proNumber = proNumber;
  s.billOfLading = "BOL-" + proNumber;
  s.origin = {"Hamburg", "20095", "DE", "North"};
  s.destination = {"Munich", "80331", "DE", "South"};
  s.mode = logistics::TransportMode::road;
  s.distanceKm = 776.5;
  s.goodsDescription = "household appliances";
  s.pieces = 12;
  s.weightKg = 820.25;
  s.volumeM3 = 4.2;
  s.freightCostCents = 123456;
  s.currency = "EUR";
  s.plannedShipDate = "2026-03-02T08:00:00.000Z";
  s.promisedDelivery = "2026-03-04T17:00:00.000Z";
  s.lines = {{1, washingMachine, std::string("WM-800"), std::string("Washing machine"), 8, {}, {}, "units"},
             {2, dishwasher, std::string("DW-450"), std::nullopt, 4, {}, {}, "units"}};
  return s;
}

void LogisticsFixture::inTransaction(const std::function<bool(store::Transaction&)>& work) {
  Poco::Data::Session session = database.session();
  store::Transaction transaction(session);
  if (work(transaction)) transaction.commit();
}

int LogisticsFixture::count(const std::string& table) {
  Poco::Data::Session session = database.session();
  int rows = 0;
  session << "SELECT count(*) FROM " + table, into(rows), now;
  return rows;
}

}  // namespace logistics_test
