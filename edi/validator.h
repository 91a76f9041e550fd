// Validates interchanges as the reader yields their segments: envelope counts and control
// numbers at every level, each message's structure against its definition (order, loops,
// repeats, requirements), and every data element (type, length, code list, date, time, syntax
// notes). It goes on after the first error and reports all of them, with full locations, as
// diagnostics and, shaped for acknowledgments, to a ValidationListener.
#pragma once

#include "edi/diagnostic.h"
#include "edi/reader.h"
#include "edi/segment.h"
#include "edi/segment_program_cache.h"
#include "edi/spec_catalog.h"
#include "edi/structure_walker.h"
#include "edi/validation_report.h"

namespace edi {

struct ValidatorOptions {
  bool strict = false;                        // bytes outside the declared character set are errors
  std::size_t maxSegmentErrorsPerMessage = 99;  // acks carry no more; the rest are counted
  // Clean segments skip the full element check (edi/clean_segment.h). Off only in the tests
  // that prove both paths give the same result.
  // Within it, the segment definitions compiled into tables (edi/segment_program.h) answer first.
  bool cleanSegmentFastPath = true;
};

class Validator : private StructureReport {
 public:
  Validator(SpecCatalog& catalog, Diagnostics& diagnostics, ValidatorOptions options = {});

  void setListener(ValidationListener* listener) { listener_ = listener; }

  // Feed every segment, in order, with the reader that produced it.
  void segment(const Segment& segment, const Reader& reader);
  // End of input: envelopes still open are reported.
  void finish();

  std::uint64_t messages() const { return messagesSeen_; }
  std::uint64_t messagesAccepted() const { return messagesAccepted_; }

 private:
  void x12Envelope(const Segment& segment);
  void edifactEnvelope(const Segment& segment);
  void startInterchange(const Segment& segment);
  void endInterchange(const Segment& segment);
  void startGroup(const Segment& segment);
  void endGroup(const Segment& segment);
  void startMessage(const Segment& segment, std::string_view type, std::string_view control, std::string_view version);
  void endMessage(const Segment& segment);
  void closeOpenEnvelopes(const Segment* at);
  // A trailer's count (element 1) and control number (element 2) against what was counted and
  // what the header said; a mismatch is an error and its code goes to `codes`.
  void checkTrailer(const Segment& trailer, const std::string& level, std::uint64_t counted, const char* what,
                    const std::string& headerControl, std::vector<std::string>& codes);
  void messageBody(const Segment& segment);
  // The full element check of a segment the fast path did not pass; its errors go to the report.
  void checkSegment(const Segment& segment, const SegmentDefinition& definition);
  void checkElements(const Segment& segment, const SegmentDefinition& definition, SegmentError& errors);
  void checkSimple(const Segment& segment, const ElementUse& use, std::string_view value, std::uint32_t position,
                   std::uint32_t repetition, SegmentError& errors);
  void checkNotes(const Segment& segment, const std::vector<SyntaxNote>& notes, const std::vector<ElementUse>& uses,
                  std::uint64_t present, std::uint32_t compositePosition, SegmentError& errors);
  void checkCharacters(const Segment& segment);
  void takeDelimiters(const Reader& reader);
  void checkEnvelopeElements(const Segment& segment, const SpecDirectory* directory);

  void error(const std::string& code, const std::string& message, const Segment* at, std::uint32_t element = 0,
             std::uint32_t component = 0, std::uint32_t repetition = 0);
  // A structural error: `tag` is the segment concerned, which for a missing one is not `segment`.
  void segmentError(const Segment& segment, const std::string& code, const std::string& tag, const std::string& loopId);
  // StructureReport: the walker's findings, about the segment being placed (current_).
  void structureError(const std::string& code, const std::string& tag, const std::string& loopId) override;
  void elementError(const Segment& segment, SegmentError& errors, ElementError error, const std::string& detail);
  Location locate(const Segment* at) const;

  SpecCatalog& catalog_;
  Diagnostics& diagnostics_;
  ValidatorOptions options_;
  ValidationListener* listener_ = nullptr;
  Delimiters delimiters_;

  bool inInterchange_ = false, inGroup_ = false, inMessage_ = false;
  InterchangeReport interchange_;
  GroupReport group_;
  MessageReport message_;
  std::uint32_t segmentsInMessage_ = 0;
  std::uint32_t groupsInInterchange_ = 0, messagesInInterchange_ = 0, messagesInGroup_ = 0;
  const SpecDirectory* envelopeDirectory_ = nullptr;  // ISA/GS/UNB... definitions
  const SpecDirectory* groupDirectory_ = nullptr;     // X12: from GS08
  const SpecDirectory* messageDirectory_ = nullptr;
  const MessageDefinition* messageDefinition_ = nullptr;
  // The EDIFACT message directory last asked for, by version ("D96A").
  bool edifactDirectoryKnown_ = false;
  std::string edifactDirectoryVersion_;
  const SpecDirectory* edifactDirectory_ = nullptr;
  StructureWalker walker_;
  SegmentProgramCache programs_;
  const Segment* current_ = nullptr;  // the segment the walker is placing
  bool charsetReported_ = false;
  std::array<bool, 256> allowedBytes_{};
  std::array<bool, 256> plainBytes_{};  // allowed and no control byte: the common case
  // Most sets allow every byte from 0x20 on (but 0x7F), X12 only up to 0x7E: then 16 bytes are
  // checked at once and the table is consulted only around a suspicious byte.
  enum class CharsetShape { table, ascii, eightBit } charsetShape_ = CharsetShape::table;

  std::uint64_t messagesSeen_ = 0, messagesAccepted_ = 0;

  // Scratch space reused for every segment, so that a valid segment costs no allocation.
  bool segmentHasControlBytes_ = true;  // set by checkCharacters for the segment in hand
  std::vector<std::string_view> repetitions_, components_;
  std::string messageVersion_;
  SegmentError segmentErrors_;
};

}  // namespace edi
