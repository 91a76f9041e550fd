#include "pos_import/pos_format.h"

#include <fstream>

namespace pos_import {

std::string_view formatName(PosFormat format) {
  switch (format) {
    case PosFormat::csv: return "csv";
    case PosFormat::poslog: return "poslog";
    case PosFormat::x12_852: return "852";
    case PosFormat::slsrpt: return "slsrpt";
  }
  return "csv";
}

std::string_view sourceFormatName(PosFormat format) {
  return format == PosFormat::x12_852 ? "x12-852" : formatName(format);
}

std::optional<PosFormat> formatFromName(std::string_view name) {
  if (name == "csv") return PosFormat::csv;
  if (name == "poslog") return PosFormat::poslog;
  if (name == "852" || name == "x12-852") return PosFormat::x12_852;
  if (name == "slsrpt") return PosFormat::slsrpt;
  return std::nullopt;
}

std::optional<PosFormat> guessFormat(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  // Enough to see past an XML prolog and comments, or an ISA and GS to the ST of the first message.
  std::string head(8192, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  std::size_t start = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  start = head.find_first_not_of(" \t\r\n", start);
  if (start == std::string::npos) return PosFormat::csv;
  const std::string_view body = std::string_view(head).substr(start);
  if (body.front() == '<') return PosFormat::poslog;
  if (body.rfind("ISA", 0) == 0) {
    // ST*852 with whatever element separator the ISA chose (its 4th byte).
    const char separator = body.size() > 3 ? body[3] : '*';
    if (body.find(std::string("ST") + separator + "852") != std::string_view::npos) return PosFormat::x12_852;
    return std::nullopt;
  }
  if (body.rfind("UNA", 0) == 0 || body.rfind("UNB", 0) == 0) {
    if (body.find("SLSRPT") != std::string_view::npos) return PosFormat::slsrpt;
    return std::nullopt;
  }
  return PosFormat::csv;
}

}  // namespace pos_import
