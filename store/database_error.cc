#include "store/database_error.h"

#include <sstream>
#include <typeinfo>

namespace store {

POCO_IMPLEMENT_EXCEPTION(DatabaseError, Poco::Data::DataException, "Database error")

namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string summarizeDriverMessage(const std::string& text) {
  // An ODBC diagnostic dump: "...SQLSTATE = 08001\nNative Error Code = 101\n<message lines>\n\n".
  const auto state = text.find("SQLSTATE = ");
  if (state != std::string::npos) {
    const std::string sqlstate = trim(text.substr(state + 11, 5));
    auto body = text.find("Native Error Code", state);
    body = body == std::string::npos ? std::string::npos : text.find('\n', body);
    std::string message;
    if (body != std::string::npos) {
      std::istringstream lines(text.substr(body + 1));
      std::string line;
      while (std::getline(lines, line)) {
        line = trim(line);
        if (line.empty() || line.rfind("=====", 0) == 0) break;
        if (!message.empty()) message += ' ';
        message += line;
      }
    }
    return message + " (SQLSTATE " + sqlstate + ")";
  }
  std::string flat;
  for (char c : trim(text)) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return flat;
}

}  // namespace store
