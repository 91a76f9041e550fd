// One interchange a partner sends us, holding many messages (a month's ship notices, status
// reports or receipts), written with the exchange's SegmentWriter and envelope functions, so
// the demo's files have exactly the syntax afterflow writes to partners.
#pragma once

#include "exchange/outbound_envelope.h"
#include "exchange/segment_writer.h"

#include <Poco/DateTime.h>

#include <string>

namespace demo {

// Who a partner is in its envelopes, as its partner profile knows it.
struct PartnerSender {
  std::string code;  // the party code: the folder its files go to
  edi::Standard standard = edi::Standard::x12;
  std::string qualifier, id, version;
};

class InterchangeBatch {
 public:
  // `groupCode` is the X12 functional identifier (SH for 856, QM for 214 ...); unused in EDIFACT.
  InterchangeBatch(const PartnerSender& sender, std::int64_t controlNumber, const Poco::DateTime& at,
                   const std::string& groupCode);

  // Starts a message of `type` (ST / UNH) and returns the writer for its segments.
  exchange::SegmentWriter& beginMessage(const std::string& type);
  void endMessage();  // SE / UNT
  int messages() const { return messages_; }
  // Closes the envelope; the batch is done.
  std::string finish();

 private:
  std::string reference() const;

  PartnerSender sender_;
  exchange::Envelope envelope_;
  exchange::SegmentWriter writer_;
  int messages_ = 0;
};

}  // namespace demo
