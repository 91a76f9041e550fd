#include "logistics/disposal_record.h"

#include "logistics/enum_names.h"
#include "logistics/record_checks.h"

#include <cctype>
#include <set>

namespace logistics {
namespace {

constexpr std::array<std::pair<DisposalUnit, const char*>, 5> kUnits{{
    {DisposalUnit::kg, "kg"},
    {DisposalUnit::t, "t"},
    {DisposalUnit::units, "units"},
    {DisposalUnit::l, "l"},
    {DisposalUnit::m3, "m3"},
}};
constexpr std::array<std::pair<QuantityBasis, const char*>, 2> kBases{{
    {QuantityBasis::measured, "measured"},
    {QuantityBasis::estimated, "estimated"},
}};

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

const char* disposalUnitName(DisposalUnit unit) { return enumName(kUnits, unit); }
std::optional<DisposalUnit> disposalUnitFromName(const std::string& name) { return enumFromName(kUnits, name); }
const char* quantityBasisName(QuantityBasis basis) { return enumName(kBases, basis); }
std::optional<QuantityBasis> quantityBasisFromName(const std::string& name) { return enumFromName(kBases, name); }

Result<EwcCode> parseEwcCode(const std::string& text) {
  EwcCode code;
  std::string body = text;
  if (!body.empty() && body.back() == '*') {
    code.asterisk = true;
    body.pop_back();
  }
  // "16 02 13": pairs separated by single spaces; "160213": no separators at all.
  if (body.size() == 8 && body[2] == ' ' && body[5] == ' ') body = body.substr(0, 2) + body.substr(3, 2) + body.substr(6);
  bool digits = body.size() == 6;
  for (char c : body) digits = digits && isDigit(c);
  if (!digits) {
    return Problem{ProblemCode::invalid_ewc_code, "ewc_code",
                   "'" + text + "' is not an EWC code: six digits like 16 02 13, an asterisk after hazardous ones"};
  }
  const int chapter = (body[0] - '0') * 10 + (body[1] - '0');
  if (chapter < 1 || chapter > 20) {
    return Problem{ProblemCode::invalid_ewc_code, "ewc_code",
                   "'" + text + "' names chapter " + body.substr(0, 2) + "; the EWC has chapters 01 to 20"};
  }
  code.digits = body;
  return code;
}

bool isRecoveryOrDisposalCode(const std::string& code) {
  if (code.size() < 2 || code.size() > 3 || (code[0] != 'R' && code[0] != 'D')) return false;
  if (code[1] == '0') return false;
  int number = 0;
  for (std::size_t i = 1; i < code.size(); ++i) {
    if (!isDigit(code[i])) return false;
    number = number * 10 + (code[i] - '0');
  }
  return number >= 1 && number <= (code[0] == 'R' ? 13 : 15);
}

std::vector<Problem> checkDisposalRecord(const DisposalRecord& record) {
  std::vector<Problem> problems;
  if (record.recyclerId == 0) problems.push_back({ProblemCode::missing_field, "recycler", "a recycler is required"});
  const Result<EwcCode> ewc = parseEwcCode(record.ewcCode);
  if (!ewc) {
    problems.insert(problems.end(), ewc.problems().begin(), ewc.problems().end());
  } else if (ewc.value().asterisk && !record.hazardous) {
    problems.push_back({ProblemCode::hazardous_flag_mismatch, "hazardous",
                        "EWC " + record.ewcCode + " is marked hazardous (*) but the record says it is not"});
  }
  if (!(record.quantity > 0)) {
    problems.push_back({ProblemCode::invalid_value, "quantity", "a disposal treats a quantity above 0"});
  }
  if (!isRecoveryOrDisposalCode(record.operationCode)) {
    problems.push_back({ProblemCode::invalid_operation_code, "operation_code",
                        "'" + record.operationCode + "' is not a recovery (R1-R13) or disposal (D1-D15) operation"});
  }
  RecordChecks::required(record.permitNumber, "permit_number", problems);
  RecordChecks::timestamp(record.receivedAt, false, "received_at", problems);
  RecordChecks::timestamp(record.treatedAt, false, "treated_at", problems);
  RecordChecks::timestamp(record.certificateIssuedAt, false, "certificate_issued_at", problems);
  if (record.certificateNumber && record.certificateNumber->empty()) {
    problems.push_back({ProblemCode::missing_field, "certificate_number", "a certificate number cannot be empty"});
  }
  // Stored timestamps compare as text; only the given ones are ordered.
  if (record.receivedAt && record.treatedAt && *record.treatedAt < *record.receivedAt) {
    problems.push_back({ProblemCode::invalid_value, "treated_at", "goods are treated after they are received"});
  }
  if (record.treatedAt && record.certificateIssuedAt && *record.certificateIssuedAt < *record.treatedAt) {
    problems.push_back({ProblemCode::invalid_value, "certificate_issued_at",
                        "a certificate is issued after the treatment it certifies"});
  }
  std::set<std::string> serials;
  for (const std::string& serial : record.serialNumbers) {
    if (serial.empty() || !serials.insert(serial).second) {
      problems.push_back({ProblemCode::invalid_value, "serial_numbers", "serial numbers are not empty and appear once"});
      break;
    }
  }
  if (!record.serialNumbers.empty() && !record.rmaId) {
    problems.push_back({ProblemCode::missing_field, "rma", "serial numbers are linked through their RMA"});
  }
  return problems;
}

}  // namespace logistics
