#include "exchange/segment_refusal.h"

namespace exchange {

std::string x12Element(const DocumentSegment& segment, std::size_t element) {
  return segment.tag + (element < 10 ? "0" : "") + std::to_string(element);
}

logistics::Problem segmentRefusal(logistics::ProblemCode code, const DocumentSegment& segment,
                                  const std::string& element, const std::string& message) {
  logistics::Problem problem{code, element, message};
  problem.where = {segment.position, segment.tag, element};
  return problem;
}

}  // namespace exchange
