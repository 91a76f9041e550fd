// How one vendor's CSV export is laid out: which column holds which fact, the delimiter, the
// text encoding, decimal comma or point, date layouts, and the words for sale and return. Read
// from a small INI file (docs/POS-IMPORT.md; examples in schemas/pos-mappings/).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pos_import {

// The facts a column can hold. `transaction` (with store, business day, workstation) keys a
// transaction; consecutive rows with the same key are its lines.
enum class CsvField {
  store, businessDay, workstation, operatorId, transaction, timestamp, sku, description, quantity, unitPrice, amount,
  cost, currency, loyaltyId, email, phone, customerName, serial, kind, returnReason, disposal, count
};

struct CsvMapping {
  char delimiter = ',';
  enum class Encoding { utf8, latin1, automatic } encoding = Encoding::automatic;
  bool decimalComma = false;
  bool header = true;
  std::string dateFormat = "%Y-%m-%d";
  std::string timestampFormat = "%Y-%m-%d %H:%M:%S";
  std::string currency = "EUR";  // when no column gives it
  std::vector<std::string> saleWords{"sale"}, returnWords{"return"};
  // A column by its header name, or "#N" for the N-th (from 1).
  std::map<CsvField, std::string> columns;
};

struct MappingLoad {
  std::optional<CsvMapping> mapping;
  std::vector<std::string> problems;  // "mapping.ini:7: unknown column field 'stor'"
};

MappingLoad loadCsvMapping(const std::string& path);
MappingLoad parseCsvMapping(const std::string& text, const std::string& name);

}  // namespace pos_import
