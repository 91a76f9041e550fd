#include "crm/sample_directory.h"

#include "crm/party_directory.h"
#include "crm/product_catalog.h"

#include <algorithm>
#include <set>

namespace crm {
namespace {

Party organisation(std::string code, std::string name, std::vector<PartyRole> roles, std::string city,
                   std::string region, std::string country, std::vector<PartyIdentifier> identifiers = {}) {
  Party party;
  party.code = std::move(code);
  party.name = std::move(name);
  party.roles = std::move(roles);
  party.city = std::move(city);
  party.region = std::move(region);
  party.country = std::move(country);
  party.identifiers = std::move(identifiers);
  return party;
}

Party person(std::string code, std::string name, std::string email, std::string city, std::string region) {
  Party party = organisation(std::move(code), std::move(name), {PartyRole::customer}, std::move(city),
                             std::move(region), "DE");
  party.person = true;
  party.email = std::move(email);
  return party;
}

std::vector<Party> sampleParties() {
  using R = PartyRole;
  return {
      organisation("NORDWIND", "Nordwind Haushaltsgeraete AG", {R::manufacturer, R::client}, "Hamburg", "North", "DE",
                   {{"x12:ZZ", "NORDWIND"}, {"gln", "4012345000009"}}),
      organisation("DEALER-MUC", "Elektro Huber Muenchen", {R::dealer}, "Munich", "South", "DE",
                   {{"gln", "4012345100013"}}),
      organisation("DEALER-BER", "Kaufhaus Spree Berlin", {R::dealer}, "Berlin", "East", "DE"),
      organisation("DEALER-CGN", "Rheinmarkt Koeln", {R::dealer}, "Cologne", "West", "DE"),
      organisation("CARRIER-FAST", "Fastfreight Logistik GmbH", {R::carrier}, "Kassel", "Central", "DE",
                   {{"x12:02", "FSTF"}, {"edifact:ZZZ", "FASTFREIGHT"}, {"scac", "FSTF"}}),
      organisation("CARRIER-RAIL", "Baltic Rail Cargo", {R::carrier}, "Rostock", "North", "DE",
                   {{"edifact:ZZZ", "BALTICRAIL"}, {"scac", "BLTR"}}),
      organisation("RECYCLER-ECO", "EcoCycle Recycling GmbH", {R::recycler}, "Leipzig", "East", "DE",
                   {{"edifact:ZZZ", "ECOCYCLE"}}),
      person("CUST-0001", "Anna Schmidt", "anna.schmidt@example.org", "Munich", "South"),
      person("CUST-0002", "Jonas Weber", "jonas.weber@example.org", "Berlin", "East"),
      person("CUST-0003", "Leonie Fischer", "leonie.fischer@example.org", "Cologne", "West"),
  };
}

std::vector<Product> sampleProducts() {
  return {
      {0, "WM-800", "4012345000108", "Washing machine WM 800", "large appliances", 72.0, 0.35, 64900, true, 24},
      {0, "DW-450", "4012345000115", "Dishwasher DW 450", "large appliances", 48.5, 0.28, 52900, true, 24},
      {0, "FR-300", "4012345000122", "Fridge-freezer FR 300", "cooling", 65.0, 0.62, 79900, true, 36},
      {0, "VC-20", "4012345000139", "Vacuum cleaner VC 20", "small appliances", 6.2, 0.05, 14900, true, 12},
      {0, "FLT-01", "4012345000146", "Water filter cartridge", "spare parts", 0.3, 0.001, 1990, false, std::nullopt},
  };
}

}  // namespace

SampleLoadOutcome loadSampleDirectory(store::Database& database) {
  SampleLoadOutcome outcome;
  PartyDirectory parties(database);
  std::set<std::string> knownCodes;
  for (const Party& party : parties.list()) knownCodes.insert(party.code);
  for (const Party& party : sampleParties()) {
    if (knownCodes.count(party.code)) continue;
    parties.add(party);
    ++outcome.partiesAdded;
  }

  // The sample products are Nordwind's: its service reports count their returns and sales.
  std::optional<std::int64_t> manufacturer;
  for (const Party& party : parties.list()) {
    if (party.code == "NORDWIND") manufacturer = party.id;
  }
  ProductCatalog products(database);
  std::set<std::string> knownSkus;
  for (const Product& product : products.list()) knownSkus.insert(product.sku);
  for (Product product : sampleProducts()) {
    if (knownSkus.count(product.sku)) continue;
    product.manufacturerId = manufacturer;
    products.add(product);
    ++outcome.productsAdded;
  }
  return outcome;
}

}  // namespace crm
