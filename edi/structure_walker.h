// Follows a message's segments through its definition's loops: finds where each segment belongs,
// counts occurrences, and reports segments out of place, over their maximum, or missing.
// Internal to the validator.
#pragma once

#include "edi/message_spec.h"

#include <string>
#include <string_view>
#include <vector>

namespace edi {

// Told of each structural problem: a stable code, the tag concerned and the loop it belongs to.
class StructureReport {
 public:
  virtual ~StructureReport() = default;
  virtual void structureError(const std::string& code, const std::string& tag, const std::string& loopId) = 0;
};

class StructureWalker {
 public:
  using Report = StructureReport;

  void start(const MessageDefinition& message, const SpecDirectory& directory);
  // Places one segment. Returns its definition, or nullptr when it has no place here (reported).
  const SegmentDefinition* place(std::string_view tag, Report& report);
  // The message ended: mandatory segments and loops not seen are reported.
  void finish(Report& report);

  // The innermost loop the last placed segment is in ("" at the top level), and how deep it is
  // (0 at the top level).
  const std::string& currentLoop() const;
  std::size_t loopDepth() const { return depth_ > 0 ? depth_ - 1 : 0; }
  // Whether the last placed segment started a new iteration of a loop.
  bool startedLoop() const { return startedLoop_; }

 private:
  // One open loop iteration. How often each child occurred: below 64, counts[i] holds only where
  // bit i of `seen` is set (a new iteration clears one word, not the array); from 64 on, counts
  // alone, zeroed when the frame is pushed.
  struct Frame {
    const StructureNode* node;
    std::size_t position = 0;
    std::vector<std::uint32_t> counts;
    std::uint64_t seen = 0;

    void count(std::size_t i) {
      if (i < 64) {
        const std::uint64_t bit = std::uint64_t(1) << i;
        counts[i] = (seen & bit) != 0 ? counts[i] + 1 : 1;
        seen |= bit;
      } else {
        ++counts[i];
      }
    }
    std::uint32_t occurrences(std::size_t i) const {
      if (i < 64) return (seen >> i & 1) != 0 ? counts[i] : 0;
      return counts[i];
    }
  };
  void checkMissing(const Frame& frame, std::size_t from, std::size_t to, Report& report) const;
  void reportMissing(const Frame& frame, std::size_t from, std::size_t to, Report& report) const;
  void reportTooMany(const Frame& owner, const StructureNode& child, std::string_view tag, Report& report) const;
  // A segment with no place here: out of order, unknown, not in the message or unexpected.
  void reportUnplaced(std::string_view tag, std::uint32_t code, Report& report) const;
  void close(std::size_t keep, Report& report);

  Frame& push(const StructureNode& node);

  const MessageDefinition* message_ = nullptr;
  const SpecDirectory* directory_ = nullptr;
  // Frames are reused across loop iterations and messages: depth_ of them are live.
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
  bool startedLoop_ = false;
};

}  // namespace edi
