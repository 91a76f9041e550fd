#include "demo/demo_partners.h"

#include "crm/party_directory.h"
#include "crm/sample_directory.h"
#include "logistics/partner_directory.h"
#include "store/transaction.h"

namespace demo {
namespace {

struct ProfileSpec {
  const char* code;
  logistics::PartnerRole role;
  edi::Standard standard;
  const char* version;
  const char* qualifier;
  const char* id;
  logistics::FunctionalAck ack;
};

const ProfileSpec kProfiles[] = {
    {kClient, logistics::PartnerRole::client, edi::Standard::x12, "004010", "ZZ", "NORDWIND", logistics::FunctionalAck::x997},
    {kEuropeanClient, logistics::PartnerRole::client, edi::Standard::edifact, "D96A", "14", "4012345000016",
     logistics::FunctionalAck::contrl},
    {kRoadCarrier, logistics::PartnerRole::carrier, edi::Standard::x12, "004010", "02", "FSTF", logistics::FunctionalAck::x997},
    {kRailCarrier, logistics::PartnerRole::carrier, edi::Standard::edifact, "D96A", "ZZZ", "BALTICRAIL",
     logistics::FunctionalAck::contrl},
    {"DEALER-MUC", logistics::PartnerRole::dealer, edi::Standard::x12, "004010", "ZZ", "DEALERMUC", logistics::FunctionalAck::x997},
    {"DEALER-CGN", logistics::PartnerRole::dealer, edi::Standard::x12, "004010", "ZZ", "DEALERCGN", logistics::FunctionalAck::x997},
    {"DEALER-BER", logistics::PartnerRole::dealer, edi::Standard::x12, "004010", "ZZ", "DEALERBER", logistics::FunctionalAck::x997},
    {kRecycler, logistics::PartnerRole::recycler, edi::Standard::edifact, "D01B", "ZZZ", "ECOCYCLE",
     logistics::FunctionalAck::contrl},
};

}  // namespace

logistics::Result<DemoPartners> DemoPartners::setUp(store::Database& database, const PartnerInbox& inbox) {
  crm::loadSampleDirectory(database);
  crm::PartyDirectory parties(database);
  if (!parties.findByCode(kEuropeanClient)) {
    crm::Party europe;
    europe.code = kEuropeanClient;
    europe.name = "Nordwind Europe Distribution B.V.";
    europe.roles = {crm::PartyRole::client};
    europe.city = "Venlo";
    europe.country = "NL";
    europe.identifiers = {{"gln", "4012345000016"}};
    parties.add(europe);
  }

  DemoPartners partners;
  Poco::Data::Session session = database.session();
  store::Transaction transaction(session);
  logistics::PartnerDirectory directory(session);
  for (const ProfileSpec& spec : kProfiles) {
    logistics::PartnerProfile profile;
    profile.partyCode = spec.code;
    profile.role = spec.role;
    profile.standard = spec.standard == edi::Standard::x12 ? logistics::EdiStandard::x12 : logistics::EdiStandard::edifact;
    profile.version = spec.version;
    if (spec.standard == edi::Standard::x12) {
      profile.x12IsaQualifier = spec.qualifier;
      profile.x12IsaId = spec.id;
    } else {
      profile.edifactUnbQualifier = spec.qualifier;
      profile.edifactUnbId = spec.id;
    }
    profile.functionalAck = spec.ack;
    profile.inboxDirectory = inbox.inboxOf(spec.code);
    profile.outboxDirectory = inbox.outboxOf(spec.code);
    const auto added = directory.add(transaction, profile);
    if (!added) return added.problems();
    partners.senders_[spec.code] = {spec.code, spec.standard, spec.qualifier, spec.id, spec.version};
  }
  transaction.commit();
  return partners;
}

}  // namespace demo
