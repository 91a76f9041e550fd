// What the outbound and disposal tests add to the exchange fixture: ourselves (a party with our
// EDI ids), a recycler on EDIFACT D01B known by its US EPA site id, and an RMA it recycles.
#pragma once

#include "exchange/own_identity.h"
#include "exchange/pickup_request.h"
#include "logistics/disposal_record.h"
#include "logistics/return_book.h"
#include "tests/exchange/exchange_fixture.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>

// Boost.Test prints values of these in failure messages.
namespace logistics {
inline std::ostream& operator<<(std::ostream& out, DisposalUnit unit) { return out << disposalUnitName(unit); }
inline std::ostream& operator<<(std::ostream& out, QuantityBasis basis) { return out << quantityBasisName(basis); }
}  // namespace logistics

namespace exchange_test {

struct OutboundPartners : Partners {
  std::int64_t us = 0, greencycle = 0, rma = 0;
  exchange::OwnIdentity identity;

  OutboundPartners() {
    crm::PartyDirectory parties(database());
    crm::Party self;
    self.code = "AFTERFLOW";
    self.name = "Afterflow Service GmbH";
    self.roles = {crm::PartyRole::manufacturer};
    self.identifiers = {{"x12:ZZ", "AFTERFLOW"}, {"edifact:ZZ", "AFTERFLOW"}};
    us = parties.add(self);
    crm::Party recycler;
    recycler.code = "GREENCYCLE";
    recycler.name = "Greencycle Recovery";
    recycler.roles = {crm::PartyRole::recycler};
    recycler.identifiers = {{"epa", "VAR000987654"}};
    greencycle = parties.add(recycler);
    const auto own = exchange::findOwnIdentity(parties, "AFTERFLOW");
    BOOST_REQUIRE_MESSAGE(own.ok(), own.describe());
    identity = own.value();

    Poco::Data::Session session = database().session();
    store::Transaction transaction(session);
    logistics::PartnerProfile profile;
    profile.partyId = greencycle;
    profile.role = logistics::PartnerRole::recycler;
    profile.standard = logistics::EdiStandard::edifact;
    profile.version = "D01B";
    profile.edifactUnbId = "GREENCYCLE";
    profile.edifactUnbQualifier = "ZZ";
    profile.functionalAck = logistics::FunctionalAck::contrl;
    profile.outboxDirectory = outbox + "/" + std::to_string(greencycle);
    const auto added = logistics::PartnerDirectory(session).add(transaction, profile);
    BOOST_REQUIRE_MESSAGE(added.ok(), added.describe());

    // An RMA of two lines, decided to be recycled.
    logistics::ReturnAuthorization authorization;
    authorization.rmaNumber = "RMA-7001";
    authorization.reason = "dead on arrival";
    authorization.requestedAt = "2026-11-01T08:00:00.000Z";
    logistics::RmaLine battery;
    battery.lineNo = 1;
    battery.sku = "BAT-48V";
    battery.description = "Battery pack 48 V";
    battery.quantity = 2;
    battery.serialNumbers = {"SN-A1", "SN-A2"};
    logistics::RmaLine charger;
    charger.lineNo = 2;
    charger.sku = "CHG-10";
    charger.quantity = 1;
    authorization.lines = {battery, charger};
    logistics::ReturnBook book(session);
    const auto opened = book.open(transaction, authorization);
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.describe());
    rma = opened.value();
    const std::vector<std::pair<logistics::RmaStatus, std::string>> steps{
        {logistics::RmaStatus::authorized, "2026-11-02T08:00:00.000Z"},
        {logistics::RmaStatus::in_transit, "2026-11-03T08:00:00.000Z"},
        {logistics::RmaStatus::received, "2026-11-05T08:00:00.000Z"},
        {logistics::RmaStatus::inspected, "2026-11-06T08:00:00.000Z"}};
    for (const auto& [step, at] : steps) {
      const auto moved = book.advance(transaction, rma, step, at);
      BOOST_REQUIRE_MESSAGE(moved.ok(), moved.describe());
    }
    const auto decided = book.advance(transaction, rma, logistics::RmaStatus::disposition_decided,
                                      "2026-11-07T08:00:00.000Z", logistics::Disposition::recycle);
    BOOST_REQUIRE_MESSAGE(decided.ok(), decided.describe());
    transaction.commit();
  }

  // A pickup request the carrier fixtures can take.
  static exchange::PickupRequest pickup(const std::string& carrier) {
    exchange::PickupRequest request;
    request.clientCode = "ACME";
    request.carrierCode = carrier;
    request.shipmentReference = "SHIP-5001";
    request.billOfLading = "BOL-5001";
    request.origin = {"ACME Columbus DC", std::string("100 Harbor Rd"), std::string("COLUMBUS"), std::string("43215"),
                      std::string("OH"), std::string("US")};
    request.destination = {"Service Center Munich", std::nullopt, std::string("MUNICH"), std::string("80331"),
                           std::string("BY"), std::string("DE")};
    request.pickupFrom = "2026-11-02T08:00:00.000Z";
    request.pickupUntil = "2026-11-02T16:00:00.000Z";
    request.deliverBy = "2026-11-06T17:00:00.000Z";
    request.pieces = 3;
    request.weightKg = 120.5;
    exchange::PickupLine line;
    line.sku = "BAT-48V";
    line.description = "Battery pack 48 V";
    line.quantity = 2;
    request.lines = {line};
    return request;
  }
};

inline std::string fileText(const std::string& path) {
  Poco::FileInputStream in(path);
  std::string content;
  Poco::StreamCopier::copyToString(in, content);
  return content;
}

}  // namespace exchange_test
