// The inbound side of the partner exchange (DESIGN.md "Data flow", steps 1-5): a file is kept
// first, then validated, acknowledged to the partner's outbox when the partner expects it, and
// mapped onto shipments, events, receipts and returns in one transaction (a recycler's XML
// disposal report or e-Manifest JSON onto disposal records, without an ack), or marked failed with
// its reason and nothing applied. A file seen before is not applied twice; one that was cut
// short (a crash) is taken up where it stopped; one that failed can be replayed after a fix.
#pragma once

#include "edi/spec_catalog.h"
#include "exchange/interchange_store.h"
#include "store/database.h"

#include <optional>
#include <string>

namespace exchange {

struct ReceiveOptions {
  std::optional<std::int64_t> partnerId;  // else the partner is found from the envelope's sender
  bool strict = false;                    // layout deviations are errors (see edi::ReaderOptions)
};

struct IntakeReport {
  std::int64_t interchangeId = 0;
  InterchangeStatus status = InterchangeStatus::received;
  bool duplicate = false;         // refused: kept and handled before
  std::string summary;            // one line for people: what happened and what to do
  std::size_t errors = 0, warnings = 0;
  std::size_t messages = 0;       // business messages in the file
  std::size_t repeatedEvents = 0;  // status events recorded before (a resend), not applied again
  std::size_t skippedMessages = 0;  // messages of an envelope another file applied, not applied again
  std::optional<std::string> acknowledgmentPath;  // where the ack was written
};

class Intake {
 public:
  Intake(store::Database& database, edi::SpecCatalog& catalog) : database_(database), catalog_(catalog) {}

  // Receives one file. Throws only for infrastructure (file unreadable, database down).
  IntakeReport receive(const std::string& path, const ReceiveOptions& options = {});
  // Processes a kept interchange again (after the partner profile or definitions were fixed).
  // One already applied is left alone and says so.
  IntakeReport replay(std::int64_t interchangeId, const ReceiveOptions& options = {});

 private:
  IntakeReport process(const InterchangeRecord& record, const ReceiveOptions& options);
  // What a process that found the interchange applied by another one answers.
  static IntakeReport appliedMeanwhile(std::int64_t interchangeId);
  // Disposal documents (XML disposal report, e-Manifest JSON): validated and applied, no ack.
  IntakeReport processDisposal(const InterchangeRecord& record, std::int64_t recyclerId);

  store::Database& database_;
  edi::SpecCatalog& catalog_;
};

}  // namespace exchange
