// A disposal record: what a recycler did with returned goods, as its disposal report states it:
// the EU waste code (EWC) with its hazardous flag, how much (measured or estimated), the R/D
// operation performed, the recycler's permit and certificate, and the link back to the RMA and
// serial numbers.
#pragma once

#include "logistics/problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace logistics {

enum class DisposalUnit { kg, t, units, l, m3 };
enum class QuantityBasis { measured, estimated };

const char* disposalUnitName(DisposalUnit unit);
std::optional<DisposalUnit> disposalUnitFromName(const std::string& name);
const char* quantityBasisName(QuantityBasis basis);
std::optional<QuantityBasis> quantityBasisFromName(const std::string& name);

// An entry of the European Waste Catalogue (Commission Decision 2000/532/EC): six digits,
// chapter (01-20), sub-chapter and entry. The list marks hazardous entries with an asterisk.
struct EwcCode {
  std::string digits;  // "160213"
  bool asterisk = false;
};

// Reads "160213", "16 02 13", "16 02 13*" or "160213*" (spaces between pairs only).
// Refused (invalid_ewc_code) for anything else, or a chapter outside 01-20.
Result<EwcCode> parseEwcCode(const std::string& text);

// True for the operations of Directive 2008/98/EC: recovery R1-R13 (Annex II) and disposal
// D1-D15 (Annex I), written without spaces or leading zeros ("R4", "D10").
bool isRecoveryOrDisposalCode(const std::string& code);

struct DisposalRecord {
  std::int64_t id = 0;  // assigned by the database
  std::int64_t recyclerId = 0;
  std::optional<std::int64_t> rmaId;
  // As written in the report; read back as the six digits. An asterisk requires hazardous.
  std::string ewcCode;
  bool hazardous = false;
  double quantity = 0;
  DisposalUnit unit = DisposalUnit::kg;
  QuantityBasis basis = QuantityBasis::measured;
  std::string operationCode;  // "R4", "D10"
  std::string permitNumber;
  std::optional<std::string> certificateNumber;  // unique per recycler
  // ISO-8601 UTC; received <= treated <= certificate issued where given.
  std::optional<std::string> receivedAt, treatedAt, certificateIssuedAt;
  std::vector<std::string> serialNumbers;  // each must be on the linked RMA
  std::optional<std::int64_t> sourceInterchangeId;
};

// The checks that need no database.
std::vector<Problem> checkDisposalRecord(const DisposalRecord& record);

}  // namespace logistics
