#include "exchange/intake.h"

#include "edi/ack_writer.h"
#include "edi/file_check.h"
#include "exchange/acknowledgment_recorder.h"
#include "exchange/applied_envelopes.h"
#include "exchange/disposal_report_xml.h"
#include "exchange/document_header.h"
#include "exchange/emanifest_json.h"
#include "exchange/document_mapping.h"
#include "exchange/message_document.h"
#include "exchange/outbox_delivery.h"
#include "logistics/control_numbers.h"
#include "logistics/partner_directory.h"
#include "store/transaction.h"

#include <Poco/FileStream.h>
#include <Poco/Path.h>

#include <sstream>

namespace exchange {
namespace {

// Counts what an acknowledgment will need control numbers for, and whether there is anything
// to acknowledge: acknowledgments themselves are not acknowledged.
class EnvelopeCounter : public edi::ValidationListener {
 public:
  int interchanges = 0, groups = 0, acknowledgments = 0, others = 0;
  void interchangeStarted(const edi::InterchangeReport&) override { ++interchanges; }
  void groupStarted(const edi::InterchangeReport&, const edi::GroupReport&) override { ++groups; }
  void messageEnded(const edi::InterchangeReport&, const edi::GroupReport*, const edi::MessageReport& m) override {
    ++(m.type == "997" || m.type == "999" || m.type == "CONTRL" ? acknowledgments : others);
  }
};

std::optional<logistics::PartnerProfile> partnerOf(store::Database& database, logistics::PartnerDirectory& partners,
                                                   const InterchangeRecord& record,
                                                   const ReceiveOptions& options) {
  if (options.partnerId) return partners.find(*options.partnerId);
  if (record.partnerId) return partners.find(*record.partnerId);
  const std::string& sender = record.header.senderId;
  const auto split = sender.find(':');
  if (split == std::string::npos) return std::nullopt;
  const std::string qualifier = sender.substr(0, split), id = sender.substr(split + 1);
  // Disposal documents name the recycler by our party code or its US EPA site id.
  if (record.header.standard == "xml" && qualifier == "party") return partners.findByCode(id);
  if (record.header.standard == "json" && qualifier == "epa") {
    crm::PartyDirectory parties(database);
    const auto party = parties.idByIdentifier("epa", id);
    return party ? partners.find(*party) : std::nullopt;
  }
  if (record.header.standard == "x12") return partners.findByX12Sender(qualifier, id);
  if (record.header.standard == "edifact") return partners.findByEdifactSender(id, qualifier);
  return std::nullopt;
}

std::string firstError(const edi::Diagnostics& diagnostics) {
  for (const edi::Diagnostic& d : diagnostics.items()) {
    if (d.severity == edi::Severity::error) return edi::formatDiagnostic(d, "interchange");
  }
  return "";
}

}  // namespace

IntakeReport Intake::appliedMeanwhile(std::int64_t interchangeId) {
  IntakeReport report;
  report.interchangeId = interchangeId;
  report.status = InterchangeStatus::applied;
  report.duplicate = true;
  report.summary = "applied meanwhile by another process; nothing applied twice";
  return report;
}

IntakeReport Intake::receive(const std::string& path, const ReceiveOptions& options) {
  InterchangeStore store(database_);
  const KeepOutcome kept = store.keepFile(Direction::inbound, options.partnerId, path, Poco::Path(path).getFileName());
  const std::optional<InterchangeRecord> record = store.find(kept.id);
  if (!record) throw Poco::IllegalStateException("interchange " + std::to_string(kept.id) + " vanished after keeping");
  if (kept.duplicate) {
    // Cut short before (a crash between keeping and applying): take it up again.
    if (record->status == InterchangeStatus::received || record->status == InterchangeStatus::valid) {
      return process(*record, options);
    }
    IntakeReport report;
    report.interchangeId = record->id;
    report.status = record->status;
    report.duplicate = true;
    report.summary = "refused: a duplicate of interchange " + std::to_string(record->id) + " (" +
                     kept.duplicateReason + "), which is " + interchangeStatusName(record->status) +
                     (record->status == InterchangeStatus::applied
                          ? "; nothing applied twice"
                          : "; fix the cause and run afterflow inbox replay " + std::to_string(record->id));
    return report;
  }
  return process(*record, options);
}

IntakeReport Intake::replay(std::int64_t interchangeId, const ReceiveOptions& options) {
  InterchangeStore store(database_);
  const std::optional<InterchangeRecord> record = store.find(interchangeId);
  IntakeReport report;
  report.interchangeId = interchangeId;
  if (!record || record->direction != Direction::inbound) {
    report.status = InterchangeStatus::failed;
    report.summary = "no inbound interchange " + std::to_string(interchangeId);
    return report;
  }
  if (record->status == InterchangeStatus::applied) {
    report.status = record->status;
    report.duplicate = true;
    report.summary = "interchange " + std::to_string(interchangeId) + " is applied already; nothing applied twice";
    return report;
  }
  return process(*record, options);
}

IntakeReport Intake::process(const InterchangeRecord& record, const ReceiveOptions& options) {
  InterchangeStore store(database_);
  IntakeReport report;
  report.interchangeId = record.id;
  const std::string id = std::to_string(record.id);

  Poco::Data::Session session = database_.session();
  logistics::PartnerDirectory partners(session);
  const std::optional<logistics::PartnerProfile> partner = partnerOf(database_, partners, record, options);
  if (!partner) {
    report.status = InterchangeStatus::failed;
    report.summary = "no partner profile for sender '" + record.header.senderId + "' (" + record.header.standard +
                     "); add one with afterflow partner add, then run afterflow inbox replay " + id;
    store.setStatus(record.id, report.status, report.summary, true);
    return report;
  }
  if (record.partnerId != partner->partyId) store.setPartner(record.id, partner->partyId);
  if (record.header.standard == "xml" || record.header.standard == "json") {
    return processDisposal(record, partner->partyId);
  }

  // Validate the kept bytes, not the file: a replay sees exactly what was received.
  edi::Diagnostics diagnostics;
  edi::CheckOptions check;
  check.strict = options.strict;
  EnvelopeCounter envelopes;
  {
    const auto source = store.open(record.id);
    report.messages = edi::checkInterchanges(*source, catalog_, diagnostics, check, &envelopes).messages;
  }
  report.errors = diagnostics.errorCount();
  report.warnings = diagnostics.warningCount();
  store.recordDiagnostics(record.id, diagnostics);
  const bool valid = !diagnostics.hasErrors() && envelopes.interchanges > 0;
  const std::string problem =
      envelopes.interchanges == 0 ? "no X12 or EDIFACT interchange in the file"
                                  : std::to_string(report.errors) + " error(s), the first: " + firstError(diagnostics);
  store.setStatus(record.id, valid ? InterchangeStatus::valid : InterchangeStatus::invalid,
                  valid ? std::nullopt : std::optional<std::string>(problem), true);

  // Acknowledge, once per interchange however often it is processed.
  const bool wantsAck = partner->functionalAck != logistics::FunctionalAck::none || partner->wantsTa1;
  const bool onlyAcknowledgments = envelopes.others == 0;
  if (wantsAck && envelopes.interchanges > 0 && !onlyAcknowledgments) {
    std::optional<InterchangeRecord> answer = store.answerTo(record.id);
    if (!answer) {
      edi::AckOptions ackOptions;
      ackOptions.alwaysTa1 = partner->wantsTa1;
      {
        Poco::Data::Session numbering = database_.session();
        store::Transaction transaction(numbering);
        for (int i = 0; i < envelopes.interchanges; ++i) {
          const int groups = i == 0 ? std::max(1, envelopes.groups) : 1;
          const auto numbers = logistics::allocateControlNumbers(transaction, partner->partyId, groups, groups);
          if (!numbers) throw Poco::IllegalStateException("no control numbers for the acknowledgment: " + numbers.describe());
          if (i == 0) {
            ackOptions.interchangeControl = static_cast<std::uint64_t>(numbers.value().interchange);
            ackOptions.groupControl = static_cast<std::uint64_t>(numbers.value().firstGroup);
          }
        }
        transaction.commit();
      }
      std::ostringstream ack;
      {
        edi::AckWriter writer(ack, ackOptions);
        edi::Diagnostics again;
        const auto source = store.open(record.id);
        edi::checkInterchanges(*source, catalog_, again, check, &writer);
      }
      const std::string name = "ack-" + id + "-" + record.header.controlNumber + ".edi";
      store.keepBytes(Direction::outbound, partner->partyId, ack.str(), name, record.id);
      answer = store.answerTo(record.id);
    }
    if (answer && partner->outboxDirectory) {
      report.acknowledgmentPath = deliverKept(store, *answer, *partner->outboxDirectory);
    }
  }
  if (!valid) {
    report.status = InterchangeStatus::invalid;
    report.summary = "invalid, nothing applied: " + problem + "; afterflow inbox show " + id + " lists every error";
    return report;
  }

  // Apply every message in one transaction, or nothing.
  crm::PartyDirectory parties(database_);
  AcknowledgmentRecorder acknowledgments(store, record.id, partner->partyId);
  MappingContext context{record.id, partner->partyId, partner->role, &parties, &acknowledgments,
                         &report.repeatedEvents};
  store::Transaction transaction(session);
  if (!store.claimForApply(session, record.id)) return appliedMeanwhile(record.id);
  std::optional<std::string> failure;
  std::size_t applied = 0;
  AppliedEnvelopes envelopesApplied(session, record.id);
  {
    const auto source = store.open(record.id);
    readMessages(*source, [&](const MessageDocument& document) {
      if (failure || envelopesApplied.appliedBefore(document)) return;
      const auto result = applyMessage(transaction, document, context);
      if (!result) {
        failure = "message " + std::to_string(document.index) + " (" + document.type + " " + document.controlNumber +
                  "): " + result.describe();
      } else {
        ++applied;
      }
    });
  }
  // An interchange of no messages may be a TA1: it acknowledges as well.
  if (!failure && report.messages == 0) {
    if (const auto result = acknowledgments.record(transaction); !result) failure = result.describe();
  }
  if (failure) {
    transaction.rollback();
    report.repeatedEvents = 0;
    report.status = InterchangeStatus::failed;
    report.summary = "failed, nothing applied: " + *failure + "; fix the cause and run afterflow inbox replay " + id;
    store.setStatus(record.id, report.status, *failure);
    return report;
  }
  envelopesApplied.recordApplied();
  store.setStatus(session, record.id, InterchangeStatus::applied);
  // Also refreshes, once and set-based, the report rollups of every shipment the messages
  // touched (logistics/shipment_rollup.h): per message, that cost three times the apply itself.
  transaction.commit();
  report.status = InterchangeStatus::applied;
  report.skippedMessages = envelopesApplied.skippedMessages();
  report.summary = "applied: " + std::to_string(applied) + " message(s)" +
                   (report.skippedMessages > 0 ? ", " + std::to_string(report.skippedMessages) +
                                                     " not applied again (" + envelopesApplied.describeSkipped() + ")"
                                               : "") +
                   (report.repeatedEvents > 0 ? ", " + std::to_string(report.repeatedEvents) +
                                                    " status event(s) recorded before, not applied again"
                                              : "") +
                   (acknowledgments.recorded() ? " (" + acknowledgments.summary().describe() + ")" : "") +
                   (report.acknowledgmentPath ? ", acknowledged in " + *report.acknowledgmentPath : "");
  return report;
}

IntakeReport Intake::processDisposal(const InterchangeRecord& record, std::int64_t recyclerId) {
  InterchangeStore store(database_);
  IntakeReport report;
  report.interchangeId = record.id;
  const std::string id = std::to_string(record.id);
  const std::string bytes = store.readAll(record.id);
  edi::Diagnostics diagnostics;
  DisposalDocument document;
  if (record.header.version == kDisposalReportFormat) {
    document = readDisposalReport(bytes, catalog_.schemasRoot(), diagnostics);
  } else if (record.header.version == kEmanifestFormat) {
    document = readEmanifest(bytes, diagnostics);
  } else {
    diagnostics.error("document.unknown",
                      "neither a disposal report (urn:afterflow:disposal-report:1) nor an e-Manifest", {});
  }
  report.messages = document.entries.size();
  report.errors = diagnostics.errorCount();
  report.warnings = diagnostics.warningCount();
  store.recordDiagnostics(record.id, diagnostics);
  if (diagnostics.hasErrors()) {
    const std::string problem = std::to_string(report.errors) + " error(s), the first: " + firstError(diagnostics);
    store.setStatus(record.id, InterchangeStatus::invalid, problem, true);
    report.status = InterchangeStatus::invalid;
    report.summary = "invalid, nothing applied: " + problem + "; afterflow inbox show " + id + " lists every error";
    return report;
  }
  store.setStatus(record.id, InterchangeStatus::valid, std::nullopt, true);

  Poco::Data::Session session = database_.session();
  store::Transaction transaction(session);
  if (!store.claimForApply(session, record.id)) return appliedMeanwhile(record.id);
  const auto applied = applyDisposalDocument(transaction, document, recyclerId, record.id);
  if (!applied) {
    transaction.rollback();
    report.status = InterchangeStatus::failed;
    report.summary = "failed, nothing applied: " + applied.describe() + "; fix the cause and run afterflow inbox replay " + id;
    store.setStatus(record.id, report.status, applied.describe());
    return report;
  }
  store.setStatus(session, record.id, InterchangeStatus::applied);
  transaction.commit();
  report.status = InterchangeStatus::applied;
  report.summary = "applied: " + std::to_string(applied.value()) + " disposal record(s)";
  return report;
}

}  // namespace exchange
