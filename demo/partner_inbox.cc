#include "demo/partner_inbox.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>

namespace demo {

std::string PartnerInbox::inboxOf(const std::string& partnerCode) const {
  return Poco::Path(partnersDirectory_).append(partnerCode).append("inbox").toString();
}

std::string PartnerInbox::outboxOf(const std::string& partnerCode) const {
  return Poco::Path(partnersDirectory_).append(partnerCode).append("outbox").toString();
}

void PartnerInbox::deliver(const std::string& partnerCode, const std::string& fileName, const std::string& content) {
  const std::string inbox = inboxOf(partnerCode);
  Poco::File(inbox).createDirectories();
  const std::string path = Poco::Path(inbox).append(fileName).toString();
  {
    Poco::FileOutputStream out(path);
    out << content;
  }
  const exchange::IntakeReport report = intake_.receive(path);
  ++tally_.received;
  tally_.messages += report.messages;
  if (report.acknowledgmentPath) ++tally_.acknowledged;
  if (report.status == exchange::InterchangeStatus::applied && !report.duplicate) {
    ++tally_.applied;
  } else {
    ++tally_.notApplied;
    tally_.problems.push_back(partnerCode + "/inbox/" + fileName + ": " + report.summary);
  }
}

}  // namespace demo
