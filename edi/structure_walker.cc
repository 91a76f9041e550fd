#include "edi/structure_walker.h"

#include <algorithm>

namespace edi {
namespace {

}  // namespace

StructureWalker::Frame& StructureWalker::push(const StructureNode& node) {
  if (frames_.size() == depth_) frames_.emplace_back();
  Frame& frame = frames_[depth_++];
  frame.node = &node;
  frame.position = 0;
  frame.counts.assign(node.children.size(), 0);
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

void StructureWalker::reportMissing(const Frame& frame, std::size_t from, std::size_t to, Report& report) const {
  // Only the mandatory children can be missing: their indices were listed when loaded.
  const std::vector<std::uint32_t>& mandatory = frame.node->mandatoryChildren;
  for (auto it = std::lower_bound(mandatory.begin(), mandatory.end(), from); it != mandatory.end(); ++it) {
    const std::uint32_t k = *it;
    if (k >= to) break;
    if (frame.counts[k] == 0) {
      const StructureNode& child = frame.node->children[k];
      report.structureError("segment.missing", child.tag(), child.isLoop() ? child.loopId : frame.node->loopId);
    }
  }
}

// Ends the loop iterations above depth `keep`, reporting what each left out.
void StructureWalker::close(std::size_t keep, Report& report) {
  while (depth_ > keep + 1) {
    const Frame& frame = frames_[depth_ - 1];
    reportMissing(frame, frame.position, frame.counts.size(), report);
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
    for (std::size_t i = first; i < children.size(); ++i) {
      const StructureNode& child = children[i];
      if (child.tagCode != code) continue;  // tags of 2-3 characters: equal codes, equal tags
      close(depth, report);
      Frame& owner = frames_[depth];
      const std::size_t from = owner.position + (owner.counts[owner.position] > 0 ? 1 : 0);
      if (from < i) reportMissing(owner, from, i, report);  // the next segment in order skips nothing
      owner.position = i;
      ++owner.counts[i];
      if (owner.counts[i] > child.maxOccurs) {
        report.structureError(child.isLoop() ? "loop.too-many" : "segment.too-many", std::string(tag),
                              child.isLoop() ? child.loopId : owner.node->loopId);
      }
      if (!child.isLoop()) return child.segment;
      push(child).counts[0] = 1;
      startedLoop_ = true;
      return child.children.front().segment;
    }
  }
  const std::string loop = currentLoop();
  // Defined earlier in a loop that is open: it came after segments that follow it.
  for (std::size_t depth = depth_; depth-- > 0;) {
    const Frame& frame = frames_[depth];
    for (std::size_t i = 0; i < frame.position && i < frame.node->children.size(); ++i) {
      if (frame.node->children[i].tagCode == code) {
        report.structureError("segment.out-of-order", std::string(tag), loop);
        return nullptr;
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
  return nullptr;
}

void StructureWalker::finish(Report& report) {
  if (depth_ == 0) return;
  close(0, report);
  const Frame& root = frames_.front();
  reportMissing(root, root.position + (root.counts[root.position] > 0 ? 1 : 0), root.counts.size(), report);
  depth_ = 0;
}

}  // namespace edi
