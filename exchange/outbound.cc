#include "exchange/outbound.h"

#include "crm/party_directory.h"
#include "edi/file_check.h"
#include "exchange/interchange_store.h"
#include "exchange/load_tender_edifact.h"
#include "exchange/load_tender_x12.h"
#include "exchange/outbound_envelope.h"
#include "exchange/outbox_delivery.h"
#include "exchange/return_instruction.h"
#include "logistics/control_numbers.h"
#include "logistics/partner_directory.h"
#include "logistics/return_book.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace exchange {
namespace {

using logistics::Problem;
using logistics::ProblemCode;

std::string firstError(const edi::Diagnostics& diagnostics) {
  for (const edi::Diagnostic& d : diagnostics.items()) {
    if (d.severity == edi::Severity::error) return edi::formatDiagnostic(d, "outbound");
  }
  return "";
}

}  // namespace

logistics::Result<SentDocument> Outbound::sendLoadTender(const PickupRequest& request) {
  if (auto problems = checkPickupRequest(request); !problems.empty()) return problems;
  crm::PartyDirectory parties(database_);
  const auto client = parties.findByCode(request.clientCode);
  if (!client) return Problem{ProblemCode::unknown_party, "client", "no party '" + request.clientCode + "'"};
  const auto carrier = parties.findByCode(request.carrierCode);
  if (!carrier) return Problem{ProblemCode::unknown_party, "carrier", "no party '" + request.carrierCode + "'"};
  Poco::Data::Session session = database_.session();
  const auto profile = logistics::PartnerDirectory(session).find(carrier->id);
  if (!profile || profile->role != logistics::PartnerRole::carrier) {
    return Problem{ProblemCode::unknown_partner, "carrier",
                   "'" + request.carrierCode + "' has no carrier partner profile (afterflow partner add)"};
  }
  TenderParties names{client->code, client->name, carrier->code, carrier->name, carrier->code.substr(0, 4)};
  for (const crm::PartyIdentifier& id : carrier->identifiers) {
    if (id.scheme == "scac") names.carrierScac = id.value;
  }
  if (profile->standard == logistics::EdiStandard::x12) {
    return send(*profile, "204", profile->version,
                [&](const Envelope& envelope) { return writeLoadTender204(request, names, envelope); });
  }
  return send(*profile, "IFTMIN", profile->version,
              [&](const Envelope& envelope) { return writeIftmin(request, names, envelope); });
}

logistics::Result<SentDocument> Outbound::sendReturnInstruction(const std::string& rmaNumber,
                                                                const std::string& recyclerCode) {
  Poco::Data::Session session = database_.session();
  const auto rma = logistics::ReturnBook(session).findByNumber(rmaNumber);
  if (!rma) return Problem{ProblemCode::unknown_rma, "rma", "no RMA '" + rmaNumber + "'"};
  if (rma->disposition && *rma->disposition != logistics::Disposition::recycle &&
      *rma->disposition != logistics::Disposition::dispose) {
    return Problem{ProblemCode::invalid_value, "disposition",
                   "RMA " + rmaNumber + " is to " + logistics::dispositionName(*rma->disposition) +
                       ", not to recycle or dispose: no instruction for a recycler"};
  }
  const auto profile = logistics::PartnerDirectory(session).findByCode(recyclerCode);
  if (!profile || profile->role != logistics::PartnerRole::recycler) {
    return Problem{ProblemCode::unknown_partner, "recycler", "no recycler partner profile '" + recyclerCode + "'"};
  }
  if (profile->standard != logistics::EdiStandard::edifact) {
    return Problem{ProblemCode::invalid_value, "recycler",
                   "recycler '" + recyclerCode + "' speaks X12; a return instruction is written as EDIFACT RETINS only"};
  }
  const ReturnInstructionParties names{us_.partyCode, us_.name, profile->partyCode, profile->partyName};
  // RETINS exists from directory D01B on; partners on an older directory get D01B for it.
  return send(*profile, "RETINS", "D01B",
              [&](const Envelope& envelope) { return writeReturnInstruction(*rma, names, envelope); });
}

logistics::Result<SentDocument> Outbound::send(const logistics::PartnerProfile& partner, const std::string& type,
                                               const std::string& version,
                                               const std::function<std::string(const Envelope&)>& write) {
  Envelope envelope;
  envelope.version = version;
  if (partner.standard == logistics::EdiStandard::x12) {
    if (!us_.x12Id) {
      return Problem{ProblemCode::missing_field, "own party",
                     "party '" + us_.partyCode + "' has no X12 id (identifier scheme x12:QUALIFIER)"};
    }
    envelope.senderQualifier = *us_.x12Qualifier;
    envelope.senderId = *us_.x12Id;
    envelope.groupSender = us_.x12GsCode.value_or(*us_.x12Id);
    envelope.receiverQualifier = partner.x12IsaQualifier.value_or("ZZ");
    envelope.receiverId = partner.x12IsaId.value_or("");
    envelope.groupReceiver = partner.x12GsCode.value_or(envelope.receiverId);
  } else {
    if (!us_.edifactId) {
      return Problem{ProblemCode::missing_field, "own party",
                     "party '" + us_.partyCode + "' has no EDIFACT id (identifier scheme edifact:QUALIFIER)"};
    }
    envelope.senderQualifier = us_.edifactQualifier.value_or("");
    envelope.senderId = *us_.edifactId;
    envelope.receiverQualifier = partner.edifactUnbQualifier.value_or("");
    envelope.receiverId = partner.edifactUnbId.value_or("");
  }

  // Numbers and validation in one transaction: a document we cannot stand behind gives its
  // numbers back, since nothing was sent with them.
  std::string bytes;
  {
    Poco::Data::Session session = database_.session();
    store::Transaction transaction(session);
    const auto numbers = logistics::allocateControlNumbers(transaction, partner.partyId, 1, 1);
    if (!numbers) return numbers.problems();
    envelope.interchangeControl = numbers.value().interchange;
    envelope.groupControl = numbers.value().firstGroup;
    envelope.messageControl = numbers.value().firstMessage;
    envelope.timestamp = store::currentTimestamp();
    bytes = write(envelope);
    edi::MemoryByteSource source(bytes);
    edi::Diagnostics diagnostics;
    edi::checkInterchanges(source, catalog_, diagnostics);
    if (diagnostics.hasErrors()) {
      transaction.rollback();
      return Problem{ProblemCode::invalid_value, "document",
                     "the " + type + " we wrote fails our own definitions, so nothing was sent (a bug in afterflow): " +
                         firstError(diagnostics)};
    }
    transaction.commit();
  }

  SentDocument sent;
  sent.type = type;
  sent.controlNumber = envelope.interchangeReference();
  sent.fileName = type + "-" + partner.partyCode + "-" + sent.controlNumber + ".edi";
  InterchangeStore store(database_);
  const KeepOutcome kept = store.keepBytes(Direction::outbound, partner.partyId, bytes, sent.fileName);
  if (kept.duplicate) {
    // Numbers are never handed out twice, so this is a database restored behind the partner's back.
    return Problem{ProblemCode::duplicate_reference, "control number",
                   "interchange " + sent.controlNumber + " to " + partner.partyCode + " was sent before (interchange " +
                       std::to_string(kept.id) + ", " + kept.duplicateReason + "); nothing sent"};
  }
  sent.interchangeId = kept.id;
  if (partner.outboxDirectory) {
    const auto record = store.find(kept.id);
    if (record) sent.deliveredPath = deliverKept(store, *record, *partner.outboxDirectory);
  }
  return sent;
}

}  // namespace exchange
