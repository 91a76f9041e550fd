// The POS file formats afterflow imports, by name and as guessed from a file's first bytes, so
// `import pos` needs --format only for a file whose start says nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pos_import {

enum class PosFormat { csv, poslog, x12_852, slsrpt };

std::string_view formatName(PosFormat format);  // csv, poslog, 852, slsrpt (as --format takes them)
std::string_view sourceFormatName(PosFormat format);  // as sale.source_format stores them
std::optional<PosFormat> formatFromName(std::string_view name);

// XML -> poslog, ISA...852 -> 852, UNA/UNB...SLSRPT -> slsrpt, else csv. Empty when the file is
// EDI of another message type (say an 856), which no POS reader takes.
std::optional<PosFormat> guessFormat(const std::string& path);

}  // namespace pos_import
