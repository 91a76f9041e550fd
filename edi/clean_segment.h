// The validator's fast path: whether a segment passes every element check of its definition
// (presence, repeats, components, type, length, code list, syntax notes), decided without
// building a single diagnostic. Nearly every segment of a real file is clean; only those that
// are not go through the full check, which says what is wrong. The two must agree exactly:
// tests/edi compares them over every fixture and the fuzz corpus.
#pragma once

#include "edi/delimiters.h"
#include "edi/message_spec.h"
#include "edi/segment.h"
#include "edi/value_check.h"

namespace edi {

// Only for a segment with no release character and no control byte (the caller knows both);
// for others the answer is false, so that they take the full check.
bool isCleanSegment(const Segment& segment, const SegmentDefinition& definition, const Delimiters& delimiters);

// The same question for one non-empty value (a simple element or a component) of such a segment.
bool isCleanValue(std::string_view value, const ValueCheck& check, const ValueRules& rules);

}  // namespace edi
