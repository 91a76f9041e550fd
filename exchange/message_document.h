// One business message (X12 transaction set, EDIFACT message) as the mappings read it: its
// segments with their values split into elements and components and release characters
// removed, and the envelope facts a mapping needs. Read one message at a time, so an
// interchange of any size is mapped in bounded memory.
#pragma once

#include "edi/byte_source.h"
#include "edi/delimiters.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace exchange {

struct DocumentSegment {
  std::string tag;
  std::uint32_t position = 0;  // in the message, the header being 1
  std::vector<std::vector<std::string>> elements;  // [element - 1][component - 1]

  // Element `element`, component `component` (both 1-based); empty when absent.
  const std::string& value(std::size_t element, std::size_t component = 1) const;
};

struct MessageDocument {
  edi::Standard standard = edi::Standard::x12;
  std::string type;                // 856, IFTSTA
  std::string version;             // 004010, D96A
  std::string controlNumber;       // ST02, UNH 0062
  std::string interchangeControl;  // ISA13, UNB 0020
  std::string senderId;            // qualifier:id of the interchange sender
  std::uint32_t index = 0;         // of the message in the file, from 1
  std::uint32_t envelope = 0;      // which interchange (ISA, UNB) of the file it is in, from 1
  std::vector<DocumentSegment> segments;  // header to trailer

  // The first segment with `tag` at or after `from`, or nullptr.
  const DocumentSegment* find(std::string_view tag, std::size_t from = 0) const;
};

// Calls `handle` for each message of the input, in order. Meant for input already validated:
// envelopes are followed, not checked.
void readMessages(edi::ByteSource& source, const std::function<void(const MessageDocument&)>& handle);

}  // namespace exchange
