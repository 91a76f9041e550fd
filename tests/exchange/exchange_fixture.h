// What the exchange tests share: a migrated database with the partners of the fixture files
// (a client, a carrier and a dealer on X12; a client, a carrier and a recycler on EDIFACT), each
// with an outbox, a customer the returns name, and helpers to read and vary fixture files.
#pragma once

#include "crm/party_directory.h"
#include "edi/spec_catalog.h"
#include "exchange/intake.h"
#include "logistics/partner_directory.h"
#include "logistics/shipment_book.h"
#include "tests/support/test_database.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>

#include <functional>

#include <string>

#include "exchange/interchange_record.h"
#include "logistics/return_authorization.h"
#include "logistics/shipment.h"
#include "logistics/tender_response.h"

#include <ostream>

// Boost.Test prints values of these in failure messages.
namespace exchange {
inline std::ostream& operator<<(std::ostream& out, InterchangeStatus status) { return out << interchangeStatusName(status); }
inline std::ostream& operator<<(std::ostream& out, Direction direction) { return out << directionName(direction); }
}  // namespace exchange
namespace logistics {
inline std::ostream& operator<<(std::ostream& out, ShipmentStatus status) { return out << shipmentStatusName(status); }
inline std::ostream& operator<<(std::ostream& out, RmaStatus status) { return out << rmaStatusName(status); }
inline std::ostream& operator<<(std::ostream& out, TenderAction action) { return out << tenderActionName(action); }
}  // namespace logistics

namespace exchange_test {

inline const std::string kFixtures = AFTERFLOW_EXCHANGE_FIXTURES;

inline std::string fixture(const std::string& name) { return kFixtures + "/" + name; }

inline edi::SpecCatalog& catalog() {
  static edi::SpecCatalog instance(edi::SpecCatalog::defaultSchemasRoot());
  return instance;
}

struct Partners {
  test_support::TestDatabase test;
  std::string outbox = Poco::TemporaryFile::tempName() + "-outbox";
  std::int64_t acme = 0, acmeEu = 0, fastFreight = 0, dhl = 0, dealerLyon = 0, recycler = 0, customer = 0;

  Partners() {
    store::Database& database = test.migrated();
    crm::PartyDirectory parties(database);
    const auto party = [&parties](const std::string& code, crm::PartyRole role, std::vector<crm::PartyIdentifier> ids) {
      crm::Party p;
      p.code = code;
      p.name = code + " Ltd";
      p.roles = {role};
      p.identifiers = std::move(ids);
      return parties.add(p);
    };
    acme = party("ACME", crm::PartyRole::client, {});
    acmeEu = party("ACMEEU", crm::PartyRole::client, {});
    fastFreight = party("FSTF", crm::PartyRole::carrier, {{"scac", "FSTF"}});
    dhl = party("DHLX", crm::PartyRole::carrier, {{"scac", "DHLX"}});
    dealerLyon = party("DL9", crm::PartyRole::dealer, {});
    recycler = party("RCYC", crm::PartyRole::recycler, {});
    customer = party("CUST42", crm::PartyRole::customer, {});

    Poco::Data::Session session = database.session();
    store::Transaction transaction(session);
    logistics::PartnerDirectory partners(session);
    const auto profile = [&](std::int64_t id, logistics::PartnerRole role, logistics::EdiStandard standard,
                             const std::string& version, logistics::FunctionalAck ack) {
      logistics::PartnerProfile p;
      p.partyId = id;
      p.role = role;
      p.standard = standard;
      p.version = version;
      p.functionalAck = ack;
      p.outboxDirectory = outbox + "/" + std::to_string(id);
      return p;
    };
    auto acmeProfile = profile(acme, logistics::PartnerRole::client, logistics::EdiStandard::x12, "004010",
                               logistics::FunctionalAck::x997);
    acmeProfile.x12IsaQualifier = "ZZ";
    acmeProfile.x12IsaId = "ACMEPARTS";
    auto fstfProfile = profile(fastFreight, logistics::PartnerRole::carrier, logistics::EdiStandard::x12, "004010",
                               logistics::FunctionalAck::x997);
    fstfProfile.x12IsaQualifier = "02";
    fstfProfile.x12IsaId = "FSTF";
    auto euProfile = profile(acmeEu, logistics::PartnerRole::client, logistics::EdiStandard::edifact, "D96A",
                             logistics::FunctionalAck::contrl);
    euProfile.edifactUnbId = "4000000000001";
    euProfile.edifactUnbQualifier = "14";
    auto dhlProfile = profile(dhl, logistics::PartnerRole::carrier, logistics::EdiStandard::edifact, "D96A",
                              logistics::FunctionalAck::none);
    dhlProfile.edifactUnbId = "DHLX";
    dhlProfile.edifactUnbQualifier = "ZZ";
    auto dealerProfile = profile(dealerLyon, logistics::PartnerRole::dealer, logistics::EdiStandard::x12, "004010",
                                 logistics::FunctionalAck::x997);
    dealerProfile.x12IsaQualifier = "ZZ";
    dealerProfile.x12IsaId = "DEALERLYON";
    auto recyclerProfile = profile(recycler, logistics::PartnerRole::recycler, logistics::EdiStandard::edifact,
                                   "D01B", logistics::FunctionalAck::contrl);
    recyclerProfile.edifactUnbId = "RECYCLE1";
    recyclerProfile.edifactUnbQualifier = "ZZ";
    for (const auto& p : {acmeProfile, fstfProfile, euProfile, dhlProfile, dealerProfile, recyclerProfile}) {
      const auto added = partners.add(transaction, p);
      BOOST_REQUIRE_MESSAGE(added.ok(), added.describe());
    }
    transaction.commit();
  }

  ~Partners() {
    Poco::File directory(outbox);
    if (directory.exists()) directory.remove(true);
  }

  store::Database& database() { return test.database(); }

  std::int64_t count(const std::string& sql) {
    Poco::Data::Session session = database().session();
    std::int64_t n = 0;
    session << sql, Poco::Data::Keywords::into(n), Poco::Data::Keywords::now;
    return n;
  }
};

inline std::string readFile(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string content;
  Poco::StreamCopier::copyToString(in, content);
  return content;
}

// A variant of a fixture file with each `from` replaced by its `to`, written next to the test's
// outbox so it goes away with it.
inline std::string variant(Partners& partners, const std::string& name,
                           const std::vector<std::pair<std::string, std::string>>& replacements) {
  std::string content = readFile(fixture(name));
  std::string key = name;
  for (const auto& [from, to] : replacements) {
    BOOST_REQUIRE_MESSAGE(content.find(from) != std::string::npos, name + " has no '" + from + "' to replace");
    Poco::replaceInPlace(content, from, to);
    key += from + to;
  }
  Poco::File(partners.outbox).createDirectories();
  const std::string path = partners.outbox + "/variant-" + std::to_string(std::hash<std::string>{}(key)) + ".edi";
  Poco::FileOutputStream(path) << content;
  return path;
}

// Receives `path` and requires it applied.
inline exchange::IntakeReport applied(exchange::Intake& intake, const std::string& path) {
  const exchange::IntakeReport report = intake.receive(path);
  BOOST_TEST_MESSAGE(report.summary);
  BOOST_REQUIRE_MESSAGE(report.status == exchange::InterchangeStatus::applied, report.summary);
  return report;
}

// The one shipment a bill of lading names.
inline logistics::Shipment shipmentByBillOfLading(Partners& partners, const std::string& billOfLading) {
  Poco::Data::Session session = partners.database().session();
  logistics::ShipmentBook book(session);
  const auto ids = book.idsByReference(logistics::ReferenceKind::bill_of_lading, billOfLading);
  BOOST_REQUIRE_EQUAL(ids.size(), 1u);
  return *book.find(ids.front());
}

}  // namespace exchange_test
