// Reads sales out of X12 852 (product activity data: quantities sold per store and product for a
// period) and EANCOM SLSRPT (sales data report) through the EDI engine. Each interchange is
// validated first; an invalid one is rejected with its diagnostics and none of its messages is
// imported. One sale per store, product and period, keyed so a report sent twice counts once.
#pragma once

#include "edi/spec_catalog.h"
#include "pos_import/pos_format.h"
#include "pos_import/sale_sink.h"

#include <string>

namespace pos_import {

// `format` is x12_852 or slsrpt. Throws Poco::FileException when the file cannot be read.
void readEdiSales(const std::string& path, PosFormat format, edi::SpecCatalog& catalog, SaleSink& sink);

}  // namespace pos_import
