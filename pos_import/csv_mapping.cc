#include "pos_import/csv_mapping.h"

#include "pos_import/pos_values.h"

#include <Poco/String.h>

#include <fstream>
#include <sstream>

namespace pos_import {
namespace {

const std::map<std::string, CsvField>& fieldNames() {
  static const std::map<std::string, CsvField> names{
      {"store", CsvField::store},          {"business_day", CsvField::businessDay},
      {"workstation", CsvField::workstation}, {"operator", CsvField::operatorId},
      {"transaction", CsvField::transaction}, {"timestamp", CsvField::timestamp},
      {"sku", CsvField::sku},              {"description", CsvField::description},
      {"quantity", CsvField::quantity},    {"unit_price", CsvField::unitPrice},
      {"amount", CsvField::amount},        {"cost", CsvField::cost},
      {"currency", CsvField::currency},
      {"loyalty_id", CsvField::loyaltyId}, {"email", CsvField::email},
      {"phone", CsvField::phone},          {"customer_name", CsvField::customerName},
      {"serial", CsvField::serial},        {"kind", CsvField::kind},
      {"return_reason", CsvField::returnReason}, {"disposal", CsvField::disposal}};
  return names;
}

std::vector<std::string> words(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string word;
  while (std::getline(in, word, ',')) {
    word = std::string(trim(word));
    if (!word.empty()) out.push_back(Poco::toLower(word));
  }
  return out;
}

}  // namespace

MappingLoad loadCsvMapping(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, {path + ": cannot read the mapping file"}};
  std::stringstream text;
  text << in.rdbuf();
  return parseCsvMapping(text.str(), path);
}

MappingLoad parseCsvMapping(const std::string& text, const std::string& name) {
  MappingLoad load;
  CsvMapping mapping;
  std::string section;
  std::istringstream in(text);
  std::string raw;
  int lineNo = 0;
  auto problem = [&](const std::string& what) { load.problems.push_back(name + ":" + std::to_string(lineNo) + ": " + what); };
  while (std::getline(in, raw)) {
    ++lineNo;
    const std::string line(trim(raw));
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        problem("section header without ']'");
        continue;
      }
      section = Poco::toLower(std::string(trim(std::string_view(line).substr(1, line.size() - 2))));
      if (section != "format" && section != "columns" && section != "kinds") problem("unknown section [" + section + "]");
      continue;
    }
    const auto equals = line.find('=');
    if (equals == std::string::npos) {
      problem("expected 'name = value'");
      continue;
    }
    const std::string key = Poco::toLower(std::string(trim(std::string_view(line).substr(0, equals))));
    const std::string value(trim(std::string_view(line).substr(equals + 1)));
    if (section == "format") {
      if (key == "delimiter") {
        if (value == "tab" || value == "\\t") {
          mapping.delimiter = '\t';
        } else if (value.size() == 1 && value != "\"") {
          mapping.delimiter = value[0];
        } else {
          problem("delimiter is one character (or 'tab')");
        }
      } else if (key == "encoding") {
        const std::string encoding = Poco::toLower(value);
        if (encoding == "utf-8" || encoding == "utf8") {
          mapping.encoding = CsvMapping::Encoding::utf8;
        } else if (encoding == "latin-1" || encoding == "latin1" || encoding == "iso-8859-1") {
          mapping.encoding = CsvMapping::Encoding::latin1;
        } else if (encoding == "auto") {
          mapping.encoding = CsvMapping::Encoding::automatic;
        } else {
          problem("encoding is utf-8, latin-1 or auto");
        }
      } else if (key == "decimal") {
        if (value != "comma" && value != "point") problem("decimal is comma or point");
        mapping.decimalComma = value == "comma";
      } else if (key == "header") {
        if (value != "yes" && value != "no") problem("header is yes or no");
        mapping.header = value == "yes";
      } else if (key == "date") {
        mapping.dateFormat = value;
      } else if (key == "timestamp") {
        mapping.timestampFormat = value;
      } else if (key == "currency") {
        mapping.currency = value;
      } else {
        problem("unknown format setting '" + key + "'");
      }
    } else if (section == "columns") {
      const auto field = fieldNames().find(key);
      if (field == fieldNames().end()) {
        problem("unknown column field '" + key + "'");
      } else if (!value.empty()) {
        // At most 4 digits: std::stoi cannot overflow, and no export has 10,000 columns.
        if (value[0] == '#' && (value.size() < 2 || value.size() > 5 ||
                                value.find_first_not_of("0123456789", 1) != std::string::npos ||
                                std::stoi(value.substr(1)) < 1)) {
          problem("a column by position is '#N', N from 1 to 9999");
        }
        mapping.columns[field->second] = value;
      }
    } else if (section == "kinds") {
      if (key == "sale") {
        mapping.saleWords = words(value);
      } else if (key == "return") {
        mapping.returnWords = words(value);
      } else {
        problem("kinds are 'sale' and 'return'");
      }
    } else {
      problem("setting outside a section");
    }
  }
  for (CsvField required : {CsvField::transaction, CsvField::sku, CsvField::quantity, CsvField::amount}) {
    if (!mapping.columns.count(required)) {
      for (const auto& [fieldName, field] : fieldNames()) {
        if (field == required) load.problems.push_back(name + ": [columns] must name the '" + fieldName + "' column");
      }
    }
  }
  if (!mapping.columns.count(CsvField::businessDay) && !mapping.columns.count(CsvField::timestamp)) {
    load.problems.push_back(name + ": [columns] must name a 'business_day' or a 'timestamp' column");
  }
  if (!mapping.header) {
    for (const auto& [field, column] : mapping.columns) {
      if (column[0] != '#') {
        load.problems.push_back(name + ": without a header row, columns are named by position ('#N'), not '" + column + "'");
        break;
      }
    }
  }
  if (load.problems.empty()) load.mapping = std::move(mapping);
  return load;
}

}  // namespace pos_import
