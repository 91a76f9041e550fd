// A mapping's refusal of what one segment of a message says: the Problem names the segment
// (its position in the message and its tag) and the element, so the interchange's failure
// reason tells the partner exactly where to look.
#pragma once

#include "exchange/message_document.h"
#include "logistics/problem.h"

#include <string>

namespace exchange {

// The X12 element id of element `element` (1-based) of `segment`: "TD108".
std::string x12Element(const DocumentSegment& segment, std::size_t element);

// `element` is an X12 element id ("TD108") or an EDIFACT data element ("2379", "6411").
logistics::Problem segmentRefusal(logistics::ProblemCode code, const DocumentSegment& segment,
                                  const std::string& element, const std::string& message);

}  // namespace exchange
