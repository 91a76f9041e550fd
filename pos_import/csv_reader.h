// Reads a POS CSV export (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes;
// UTF-8 or Latin-1; decimal comma) through a column mapping into sales, streaming: consecutive
// rows with the same transaction key are one sale. A bad row rejects its whole transaction, so a
// fixed file can be imported again without half a transaction already in.
#pragma once

#include "pos_import/csv_mapping.h"
#include "pos_import/sale_sink.h"

#include <string>

namespace pos_import {

// Throws Poco::FileException when the file cannot be read; everything about its content goes
// to the sink.
void readCsv(const std::string& path, const CsvMapping& mapping, SaleSink& sink);

}  // namespace pos_import
