// Reads ARTS POSLog XML (V6, and the older vendor dialects: NCR ACS puts RetailStoreID and
// BusinessDayDate straight under Transaction; both ARTS namespace URIs, with and without the
// trailing slash, and no namespace) into sales. Streamed with libxml2's xmlTextReader: one
// Transaction element is expanded at a time, so a file of any size takes bounded memory.
#pragma once

#include "pos_import/sale_sink.h"

#include <string>

namespace pos_import {

// Throws Poco::FileException when the file cannot be opened; malformed XML and transactions
// that cannot be imported go to the sink as rejects.
void readPosLog(const std::string& path, SaleSink& sink);

}  // namespace pos_import
