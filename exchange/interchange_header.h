// Reads what the first envelope of a file says (standard, version, sender, receiver, control
// number) without validating anything: the interchange store records it before the file is
// checked, and a file repeating it is refused. Later envelopes of the file are checked for
// repeats when it is applied (exchange/applied_envelopes.h).
#pragma once

#include "edi/byte_source.h"
#include "edi/delimiters.h"
#include "edi/segment.h"
#include "exchange/interchange_record.h"

namespace exchange {

// Reads only as far as the first ISA or UNB. XML and JSON documents (disposal reports,
// e-Manifests) get their header from document_header.h; anything else gives a header with
// standard "unknown" and empty fields.
InterchangeHeader readInterchangeHeader(edi::ByteSource& source);

// The sender (`receiver` false) or receiver of an ISA or UNB segment as "qualifier:id", the one
// form the store and the partner lookup use for both standards.
std::string envelopeParty(const edi::Segment& header, const edi::Delimiters& delimiters, bool receiver = false);

}  // namespace exchange
