// The characters that structure an interchange, as its header declares them (X12 ISA, EDIFACT
// UNA or the syntax defaults).
#pragma once

#include <string>

namespace edi {

enum class Standard { x12, edifact };

struct Delimiters {
  std::string segment = "~";  // usually one byte; some senders use a multi-byte character
  char element = '*';
  char component = ':';
  char repetition = 0;        // 0: the interchange has none
  char release = 0;           // EDIFACT escape character; 0: none (X12)
  char decimal = '.';

  bool operator==(const Delimiters&) const = default;

  static Delimiters x12Defaults() { return {}; }
  // ISO 9735 defaults when an interchange has no UNA: ' + : ? and decimal point.
  static Delimiters edifactDefaults() { return {"'", '+', ':', 0, '?', '.'}; }
};

}  // namespace edi
