#include "exchange/interchange_header.h"

#include "csv/utf8.h"
#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/segment.h"
#include "exchange/document_header.h"

namespace exchange {
namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(' ');
  return std::string(text.substr(first, last + 1 - first));
}

// The bytes already looked at, then the rest of the source.
class PrefixedSource : public edi::ByteSource {
 public:
  PrefixedSource(std::string prefix, edi::ByteSource& rest) : prefix_(std::move(prefix)), rest_(rest) {}
  std::size_t read(char* buffer, std::size_t capacity) override {
    if (position_ < prefix_.size()) {
      const std::size_t n = std::min(capacity, prefix_.size() - position_);
      prefix_.copy(buffer, n, position_);
      position_ += n;
      return n;
    }
    return rest_.read(buffer, capacity);
  }

 private:
  std::string prefix_;
  edi::ByteSource& rest_;
  std::size_t position_ = 0;
};

// Partner documents in JSON are small (an e-Manifest is kilobytes); past this the header is
// left unread rather than holding a huge file in memory.
constexpr std::size_t kLargestJsonHeader = 16 << 20;

std::string readUpTo(edi::ByteSource& source, std::size_t limit) {
  std::string bytes, buffer(64 * 1024, '\0');
  while (bytes.size() < limit) {
    const std::size_t n = source.read(buffer.data(), std::min(buffer.size(), limit - bytes.size()));
    if (n == 0) break;
    bytes.append(buffer, 0, n);
  }
  return bytes;
}

// A document's own header fields as text the database takes (a JSON string may hold any byte).
InterchangeHeader storable(InterchangeHeader header) {
  for (std::string* field : {&header.version, &header.senderId, &header.receiverId, &header.controlNumber}) {
    *field = csv::escapeInvalidUtf8(*field);
  }
  return header;
}

}  // namespace

std::string envelopeParty(const edi::Segment& header, const edi::Delimiters& delimiters, bool receiver) {
  // Kept as text: an envelope with bytes that are not UTF-8 names its party with \xNN in their place.
  if (header.tag() == "ISA") {
    const std::size_t at = receiver ? 7 : 5;
    return csv::escapeInvalidUtf8(trimmed(header.element(at)) + ":" + trimmed(header.element(at + 1)));
  }
  // UNB S002 / S003: id, then qualifier.
  const std::string_view composite = header.element(receiver ? 3 : 2);
  const auto split = composite.find(delimiters.component);
  if (split == std::string_view::npos) return csv::escapeInvalidUtf8(":" + std::string(composite));
  std::string_view qualifier = composite.substr(split + 1);
  qualifier = qualifier.substr(0, qualifier.find(delimiters.component));
  return csv::escapeInvalidUtf8(std::string(qualifier) + ":" + std::string(composite.substr(0, split)));
}

InterchangeHeader readInterchangeHeader(edi::ByteSource& source) {
  std::string head = readUpTo(source, 64 * 1024);
  if (looksLikeXml(head)) return storable(readXmlHeader(head));
  if (looksLikeJson(head)) {
    head += readUpTo(source, kLargestJsonHeader);
    return storable(readJsonHeader(head));
  }
  InterchangeHeader header;
  PrefixedSource whole(std::move(head), source);
  edi::Diagnostics diagnostics(64);
  edi::ReaderOptions options;
  options.bufferBytes = 64 * 1024;
  edi::Reader reader(whole, diagnostics, options);
  edi::Segment segment;
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice()) continue;
    if (segment.tag() == "ISA") {
      header.standard = "x12";
      header.senderId = envelopeParty(segment, reader.delimiters());
      header.receiverId = envelopeParty(segment, reader.delimiters(), true);
      header.version = csv::escapeInvalidUtf8(trimmed(segment.element(12)));
      header.controlNumber = csv::escapeInvalidUtf8(trimmed(segment.element(13)));
    } else if (segment.tag() == "UNB") {
      header.standard = "edifact";
      header.version = csv::escapeInvalidUtf8(segment.element(1));
      header.senderId = envelopeParty(segment, reader.delimiters());
      header.receiverId = envelopeParty(segment, reader.delimiters(), true);
      header.controlNumber = csv::escapeInvalidUtf8(segment.element(5));
    }
    break;  // the first segment of an interchange decides
  }
  return header;
}

}  // namespace exchange
