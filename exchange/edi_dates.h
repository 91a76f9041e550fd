// Dates and times as EDI documents write them (X12 dates and times, EDIFACT DTM in the formats
// of code list 2379), turned into the stored form "2026-10-01T08:30:00.000Z". Documents carry
// local times without a zone; they are stored as written, as UTC. A value that is given but
// cannot be read is a refusal naming its segment and element, never a date quietly dropped.
#pragma once

#include "exchange/message_document.h"
#include "logistics/problem.h"

#include <optional>
#include <string>

namespace exchange {

// A timestamp a document may give: empty when it gives none.
using DocumentTimestamp = logistics::Result<std::optional<std::string>>;

// X12: the date in element `dateElement` of `dateSegment` (CCYYMMDD, or YYMMDD as 20YY) with the
// time in element `timeElement` of `timeSegment` (HHMM, HHMMSS, HHMMSSD, HHMMSSDD; midnight when
// there is none). Empty when the date element is; refused, naming the element, when the date or
// the time is not one.
DocumentTimestamp x12Timestamp(const DocumentSegment& dateSegment, std::size_t dateElement,
                               const DocumentSegment* timeSegment = nullptr, std::size_t timeElement = 0);

// Which end of a period (2379 formats 7xx) a field wants: a delivery window promises its end.
enum class PeriodEnd { start, end };

// EDIFACT DTM C507: the value (2380) in its format (2379; missing means 102). Read: 2 DDMMYY,
// 3 MMDDYY, 101 YYMMDD, 102 CCYYMMDD, 201 YYMMDDHHMM, 202 YYMMDDHHMMSS, 203 CCYYMMDDHHMM,
// 204 CCYYMMDDHHMMSS, 205 CCYYMMDDHHMMZHHMM (converted to UTC), and the periods 711/718
// CCYYMMDD-CCYYMMDD, 717 YYMMDD-YYMMDD, 713 YYMMDDHHMM-YYMMDDHHMM, 719 CCYYMMDDHHMM-CCYYMMDDHHMM
// (the `end` asked for). YY is 20YY. Empty when the value is; refused, naming 2379 or 2380,
// for any other format (weeks, months, zones as ZZZ...) or a value that does not fit its format.
DocumentTimestamp edifactTimestamp(const DocumentSegment& dtm, PeriodEnd end = PeriodEnd::start);

}  // namespace exchange
