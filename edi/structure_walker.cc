#include "edi/structure_walker.h"

#include <algorithm>

namespace edi {

StructureWalker::Frame& StructureWalker::push(const StructureNode& node) {
  if (frames_.size() == depth_) frames_.emplace_back();
  Frame& frame = frames_[depth_++];
  frame.node = &node;
  frame.position = 0;
  const std::size_t children = node.childTags.size();
  if (frame.counts.size() < children) frame.counts.resize(children);
  if (children > 64) std::fill(frame.counts.begin() + 64, frame.counts.begin() + static_cast<std::ptrdiff_t>(children), 0);
  frame.seen = 0;
  return frame;
}

void StructureWalker::start(const MessageDefinition& message, const SpecDirectory& directory) {
  message_ = &message;
  directory_ = &directory;
  depth_ = 0;
  push(message.root);
}

const std::string& StructureWalker::currentLoop() const {
  static const std::string kNone;
  return depth_ > 1 ? frames_[depth_ - 1].node->loopId : kNone;
}

namespace {

std::uint64_t below(std::size_t n) { return n >= 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << n) - 1; }

}  // namespace

// Only the mandatory children can be missing. Below 64 (all of them in any real message) as
// bits: mandatory, in [from, to), not seen; nearly always none, and then decided here without
// the call.
inline void StructureWalker::checkMissing(const Frame& frame, std::size_t from, std::size_t to, Report& report) const {
  if (to <= 64 && (frame.node->mandatoryMask & below(to) & ~below(from) & ~frame.seen) == 0) return;
  reportMissing(frame, from, to, report);
}

void StructureWalker::reportMissing(const Frame& frame, std::size_t from, std::size_t to, Report& report) const {
  if (from < 64) {
    std::uint64_t missing = frame.node->mandatoryMask & below(to) & ~below(from) & ~frame.seen;
    for (; missing != 0; missing &= missing - 1) {
      const StructureNode& child = frame.node->children[static_cast<std::size_t>(__builtin_ctzll(missing))];
      report.structureError("segment.missing", child.tag(), child.isLoop() ? child.loopId : frame.node->loopId);
    }
    if (to <= 64) return;
    from = 64;
  }
  // The rest from the list of their indices made when loaded.
  const std::vector<std::uint32_t>& mandatory = frame.node->mandatoryChildren;
  for (auto it = std::lower_bound(mandatory.begin(), mandatory.end(), from); it != mandatory.end(); ++it) {
    const std::uint32_t k = *it;
    if (k >= to) break;
    if (frame.occurrences(k) == 0) {
      const StructureNode& child = frame.node->children[k];
      report.structureError("segment.missing", child.tag(), child.isLoop() ? child.loopId : frame.node->loopId);
    }
  }
}

// Ends the loop iterations above depth `keep`, reporting what each left out.
void StructureWalker::close(std::size_t keep, Report& report) {
  while (depth_ > keep + 1) {
    const Frame& frame = frames_[depth_ - 1];
    checkMissing(frame, frame.position, frame.node->childTags.size(), report);
    --depth_;
  }
}

const SegmentDefinition* StructureWalker::place(std::string_view tag, Report& report) {
  const std::uint32_t code = packTag(tag);
  startedLoop_ = false;
  for (std::size_t depth = depth_; depth-- > 0;) {
    Frame& frame = frames_[depth];
    const auto& children = frame.node->children;
    // A loop's trigger never repeats inside one iteration: seen again, it starts the next one,
    // which the parent frame finds.
    const std::size_t first = std::max<std::size_t>(frame.position, depth > 0 ? 1 : 0);
    // The packed tags side by side, not the nodes: the scan touches one or two cache lines. Their
    // count is the children's, without dividing by the size of a node.
    const std::uint32_t* const tags = frame.node->childTags.data();
    const std::size_t count = frame.node->childTags.size();
    for (std::size_t i = first; i < count; ++i) {
      if (tags[i] != code) continue;  // tags of 2-3 characters: equal codes, equal tags
      const StructureNode& child = children[i];
      if (depth_ > depth + 1) close(depth, report);
      Frame& owner = frames_[depth];
      const std::size_t from = owner.position + (owner.occurrences(owner.position) > 0 ? 1 : 0);
      if (from < i) checkMissing(owner, from, i, report);  // the next segment in order skips nothing
      owner.position = i;
      owner.count(i);
      if (owner.occurrences(i) > child.maxOccurs) reportTooMany(owner, child, tag, report);
      if (!child.isLoop()) return child.segment;
      push(child).count(0);
      startedLoop_ = true;
      return child.children.front().segment;
    }
  }
  reportUnplaced(tag, code, report);
  return nullptr;
}

// Out of line: the strings it builds would otherwise give place() a large stack frame.
__attribute__((noinline)) void StructureWalker::reportUnplaced(std::string_view tag, std::uint32_t code,
                                                               Report& report) const {
  const std::string loop = currentLoop();
  // Defined earlier in a loop that is open: it came after segments that follow it.
  for (std::size_t depth = depth_; depth-- > 0;) {
    const Frame& frame = frames_[depth];
    for (std::size_t i = 0; i < frame.position && i < frame.node->children.size(); ++i) {
      if (frame.node->children[i].tagCode == code) {
        report.structureError("segment.out-of-order", std::string(tag), loop);
        return;
      }
    }
  }
  if (directory_->segment(tag) == nullptr) {
    report.structureError("segment.unknown", std::string(tag), loop);
  } else if (!std::binary_search(message_->tags.begin(), message_->tags.end(), tag)) {
    report.structureError("segment.not-in-message", std::string(tag), loop);
  } else {
    report.structureError("segment.unexpected", std::string(tag), loop);
  }
}

__attribute__((noinline)) void StructureWalker::reportTooMany(const Frame& owner, const StructureNode& child,
                                                              std::string_view tag, Report& report) const {
  report.structureError(child.isLoop() ? "loop.too-many" : "segment.too-many", std::string(tag),
                        child.isLoop() ? child.loopId : owner.node->loopId);
}

void StructureWalker::finish(Report& report) {
  if (depth_ == 0) return;
  close(0, report);
  const Frame& root = frames_.front();
  reportMissing(root, root.position + (root.occurrences(root.position) > 0 ? 1 : 0), root.node->children.size(), report);
  depth_ = 0;
}

}  // namespace edi
