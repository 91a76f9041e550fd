#include "demo/interchange_batch.h"

#include "demo/edi_time.h"

#include <cstdio>

namespace demo {

// We are AFTERFLOW in the receiver fields; the intake finds the partner by the sender.
InterchangeBatch::InterchangeBatch(const PartnerSender& sender, std::int64_t controlNumber, const Poco::DateTime& at,
                                   const std::string& groupCode)
    : sender_(sender), writer_(sender.standard) {
  envelope_.senderQualifier = sender.qualifier;
  envelope_.senderId = sender.id;
  envelope_.receiverQualifier = "ZZ";
  envelope_.receiverId = "AFTERFLOW";
  envelope_.groupSender = sender.id;
  envelope_.groupReceiver = "AFTERFLOW";
  envelope_.interchangeControl = controlNumber;
  envelope_.groupControl = controlNumber;
  envelope_.version = sender.version;
  envelope_.timestamp = storedTime(at);
  if (sender.standard == edi::Standard::x12) {
    exchange::openX12(writer_, envelope_, groupCode);
  } else {
    exchange::openEdifact(writer_, envelope_);
  }
}

std::string InterchangeBatch::reference() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", messages_);
  return buffer;
}

exchange::SegmentWriter& InterchangeBatch::beginMessage(const std::string& type) {
  ++messages_;
  if (sender_.standard == edi::Standard::x12) {
    exchange::beginX12Message(writer_, type, reference());
  } else {
    exchange::beginEdifactMessage(writer_, envelope_, type, reference());
  }
  return writer_;
}

void InterchangeBatch::endMessage() {
  if (sender_.standard == edi::Standard::x12) {
    exchange::endX12Message(writer_, reference());
  } else {
    exchange::endEdifactMessage(writer_, reference());
  }
}

std::string InterchangeBatch::finish() {
  if (sender_.standard == edi::Standard::x12) {
    exchange::closeX12(writer_, envelope_, messages_);
  } else {
    exchange::closeEdifact(writer_, envelope_, messages_);
  }
  return writer_.text();
}

}  // namespace demo
