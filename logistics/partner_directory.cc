#include "logistics/partner_directory.h"

#include "logistics/column_values.h"
#include "logistics/record_checks.h"
#include "store/timestamp.h"

#include <Poco/Data/Statement.h>

#include <cctype>

using namespace Poco::Data::Keywords;

namespace logistics {
namespace {

const char* const kSelectProfile =
    "SELECT p.party_id, y.party_code, y.name, p.role, p.standard, p.version, p.x12_isa_qualifier, p.x12_isa_id, "
    "p.x12_gs_code, p.edifact_unb_id, p.edifact_unb_qualifier, p.functional_ack, p.wants_ta1, p.inbox_directory, "
    "p.outbox_directory FROM partner_profile p JOIN party y ON y.party_id = p.party_id";

bool allDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void checkLength(const std::optional<std::string>& value, std::size_t low, std::size_t high, const std::string& field,
                 const std::string& what, std::vector<Problem>& problems) {
  if (!value) return;
  if (value->size() < low || value->size() > high) {
    problems.push_back({ProblemCode::invalid_value, field,
                        what + " takes " + std::to_string(low) + " to " + std::to_string(high) + " characters, not '" +
                            *value + "'"});
  }
}

}  // namespace

std::vector<Problem> checkPartnerProfile(const PartnerProfile& profile) {
  std::vector<Problem> problems;
  const bool x12 = profile.standard == EdiStandard::x12;
  if (profile.version.empty()) {
    problems.push_back({ProblemCode::missing_field, "version", "the standard's version is required"});
  } else if (x12 && !(profile.version.size() == 6 && allDigits(profile.version))) {
    problems.push_back({ProblemCode::invalid_value, "version",
                        "an X12 version is six digits like 004010 or 005010, not '" + profile.version + "'"});
  } else if (!x12 && !(profile.version.size() == 4 && (profile.version[0] == 'D' || profile.version[0] == 'S') &&
                       allDigits(profile.version.substr(1, 2)) && std::isupper(static_cast<unsigned char>(profile.version[3])))) {
    problems.push_back({ProblemCode::invalid_value, "version",
                        "an EDIFACT directory is written like D96A or D01B, not '" + profile.version + "'"});
  }
  if (x12) {
    if (!profile.x12IsaQualifier || !profile.x12IsaId) {
      problems.push_back({ProblemCode::missing_field, "x12_isa_id",
                          "an X12 partner needs its ISA qualifier and id (ISA05/ISA06 or ISA07/ISA08)"});
    }
    checkLength(profile.x12IsaQualifier, 2, 2, "x12_isa_qualifier", "the ISA qualifier", problems);
    checkLength(profile.x12IsaId, 1, 15, "x12_isa_id", "the ISA id", problems);
    checkLength(profile.x12GsCode, 2, 15, "x12_gs_code", "the GS application code", problems);
    if (profile.edifactUnbId || profile.edifactUnbQualifier) {
      problems.push_back({ProblemCode::invalid_value, "edifact_unb_id", "an X12 partner has no EDIFACT UNB identity"});
    }
    if (profile.functionalAck == FunctionalAck::contrl) {
      problems.push_back({ProblemCode::invalid_value, "functional_ack",
                          "CONTRL is EDIFACT's acknowledgment; an X12 partner expects 997, 999 or none"});
    }
  } else {
    if (!profile.edifactUnbId) {
      problems.push_back({ProblemCode::missing_field, "edifact_unb_id", "an EDIFACT partner needs its UNB sender id"});
    }
    checkLength(profile.edifactUnbId, 1, 35, "edifact_unb_id", "the UNB id", problems);
    checkLength(profile.edifactUnbQualifier, 1, 4, "edifact_unb_qualifier", "the UNB qualifier", problems);
    if (profile.x12IsaQualifier || profile.x12IsaId || profile.x12GsCode) {
      problems.push_back({ProblemCode::invalid_value, "x12_isa_id", "an EDIFACT partner has no X12 ISA/GS identity"});
    }
    if (profile.functionalAck == FunctionalAck::x997 || profile.functionalAck == FunctionalAck::x999) {
      problems.push_back({ProblemCode::invalid_value, "functional_ack",
                          "997 and 999 are X12 acknowledgments; an EDIFACT partner expects CONTRL or none"});
    }
    if (profile.wantsTa1) {
      problems.push_back({ProblemCode::invalid_value, "wants_ta1", "TA1 exists only in X12"});
    }
  }
  return problems;
}

Result<std::int64_t> PartnerDirectory::add(store::Transaction& transaction, const PartnerProfile& profile) {
  Poco::Data::Session& session = writeSession(transaction);
  std::vector<Problem> problems = checkPartnerProfile(profile);

  std::int64_t partyId = profile.partyId;
  if (partyId == 0) {
    std::vector<std::int64_t> ids;
    session << "SELECT party_id FROM party WHERE party_code = ?", bind(profile.partyCode), into(ids), now;
    if (ids.empty()) {
      problems.push_back({ProblemCode::unknown_party, "party",
                          "no party has code '" + profile.partyCode + "'; add the party first"});
      return problems;
    }
    partyId = ids.front();
  }
  RecordChecks(session).partyWithRole(partyId, partnerRoleName(profile.role), "party", problems);
  if (!problems.empty()) return problems;

  int taken = 0;
  session << "SELECT count(*) FROM partner_profile WHERE party_id = ?", bind(partyId), into(taken), now;
  if (taken > 0) {
    return Problem{ProblemCode::duplicate_partner, "party", "party " + std::to_string(partyId) + " has a profile already"};
  }
  if (profile.x12IsaId) {
    session << "SELECT count(*) FROM partner_profile WHERE x12_isa_id = ? AND x12_isa_qualifier = ?",
        bind(*profile.x12IsaId), bind(profile.x12IsaQualifier.value_or("")), into(taken), now;
    if (taken > 0) {
      return Problem{ProblemCode::duplicate_partner, "x12_isa_id",
                     "another partner is ISA " + profile.x12IsaQualifier.value_or("") + "/" + *profile.x12IsaId};
    }
  }
  if (profile.edifactUnbId) {
    // A profile without a qualifier claims the id under every qualifier.
    if (profile.edifactUnbQualifier) {
      session << "SELECT count(*) FROM partner_profile WHERE edifact_unb_id = ? AND "
                 "(edifact_unb_qualifier = ? OR edifact_unb_qualifier IS NULL)",
          bind(*profile.edifactUnbId), bind(*profile.edifactUnbQualifier), into(taken), now;
    } else {
      session << "SELECT count(*) FROM partner_profile WHERE edifact_unb_id = ?", bind(*profile.edifactUnbId),
          into(taken), now;
    }
    if (taken > 0) {
      return Problem{ProblemCode::duplicate_partner, "edifact_unb_id",
                     "another partner is UNB sender " + *profile.edifactUnbId};
    }
  }

  const std::string stamp = store::currentTimestamp();
  // ON CONFLICT DO NOTHING: a concurrent add of the same party or sender id becomes a refusal,
  // not a failed statement that would abort the caller's transaction on PostgreSQL.
  std::vector<std::int64_t> inserted;
  session << "INSERT INTO partner_profile (party_id, role, standard, version, x12_isa_qualifier, x12_isa_id, "
             "x12_gs_code, edifact_unb_id, edifact_unb_qualifier, functional_ack, wants_ta1, inbox_directory, "
             "outbox_directory, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT DO NOTHING RETURNING party_id",
      bind(partyId), bind(std::string(partnerRoleName(profile.role))),
      bind(std::string(ediStandardName(profile.standard))), bind(profile.version), bind(nullable(profile.x12IsaQualifier)),
      bind(nullable(profile.x12IsaId)), bind(nullable(profile.x12GsCode)), bind(nullable(profile.edifactUnbId)),
      bind(nullable(profile.edifactUnbQualifier)), bind(std::string(functionalAckName(profile.functionalAck))),
      bind(profile.wantsTa1 ? 1 : 0), bind(nullable(profile.inboxDirectory)), bind(nullable(profile.outboxDirectory)),
      bind(stamp), bind(stamp), into(inserted), now;
  if (inserted.empty()) {
    return Problem{ProblemCode::duplicate_partner, "party",
                   "party " + std::to_string(partyId) + " or its sender id got a profile at the same time"};
  }
  return partyId;
}

std::vector<PartnerProfile> PartnerDirectory::select(const std::string& where,
                                                     const std::vector<std::string>& textParameters,
                                                     std::optional<std::int64_t> idParameter) {
  std::vector<std::int64_t> partyId;
  std::vector<std::string> code, name, role, standard, version, ack;
  std::vector<Poco::Nullable<std::string>> isaQualifier, isaId, gsCode, unbId, unbQualifier, inbox, outbox;
  std::vector<int> ta1;
  Poco::Data::Statement statement(session_);
  statement << std::string(kSelectProfile) + " " + where + " ORDER BY y.party_code";
  if (idParameter) statement, bind(*idParameter);
  for (const std::string& parameter : textParameters) statement, bind(parameter);
  statement, into(partyId), into(code), into(name), into(role), into(standard), into(version), into(isaQualifier),
      into(isaId), into(gsCode), into(unbId), into(unbQualifier), into(ack), into(ta1), into(inbox), into(outbox);
  statement.execute();

  std::vector<PartnerProfile> profiles(partyId.size());
  for (std::size_t i = 0; i < partyId.size(); ++i) {
    PartnerProfile& p = profiles[i];
    p.partyId = partyId[i];
    p.partyCode = code[i];
    p.partyName = name[i];
    p.role = partnerRoleFromName(role[i]).value_or(PartnerRole::carrier);
    p.standard = ediStandardFromName(standard[i]).value_or(EdiStandard::x12);
    p.version = version[i];
    p.x12IsaQualifier = optional(isaQualifier[i]);
    p.x12IsaId = optional(isaId[i]);
    p.x12GsCode = optional(gsCode[i]);
    p.edifactUnbId = optional(unbId[i]);
    p.edifactUnbQualifier = optional(unbQualifier[i]);
    p.functionalAck = functionalAckFromName(ack[i]).value_or(FunctionalAck::none);
    p.wantsTa1 = ta1[i] != 0;
    p.inboxDirectory = optional(inbox[i]);
    p.outboxDirectory = optional(outbox[i]);
  }
  return profiles;
}

std::optional<PartnerProfile> PartnerDirectory::find(std::int64_t partyId) {
  auto found = select("WHERE p.party_id = ?", {}, partyId);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<PartnerProfile> PartnerDirectory::findByCode(const std::string& partyCode) {
  auto found = select("WHERE y.party_code = ?", {partyCode});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<PartnerProfile> PartnerDirectory::findByX12Sender(const std::string& qualifier, const std::string& id) {
  auto found = select("WHERE p.x12_isa_id = ? AND p.x12_isa_qualifier = ?", {id, qualifier});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<PartnerProfile> PartnerDirectory::findByEdifactSender(const std::string& id,
                                                                    const std::string& qualifier) {
  auto found = select("WHERE p.edifact_unb_id = ? AND (p.edifact_unb_qualifier = ? OR p.edifact_unb_qualifier IS NULL)",
                      {id, qualifier});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<PartnerProfile> PartnerDirectory::list(std::optional<PartnerRole> role) {
  if (role) return select("WHERE p.role = ?", {partnerRoleName(*role)});
  return select("", {});
}

}  // namespace logistics
