#include "logistics/disposal_book.h"
#include "logistics/return_book.h"
#include "tests/logistics/logistics_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace logistics;
using logistics_test::LogisticsFixture;

namespace {

std::int64_t openedReturn(LogisticsFixture& f) {
  ReturnAuthorization rma;
  rma.rmaNumber = "RMA-1";
  rma.requestedAt = "2026-04-01T09:00:00.000Z";
  rma.lines = {{1, f.washingMachine, {}, {}, 2, "units", {"SN-100", "SN-101"}}};
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  const auto id = ReturnBook(session).open(transaction, rma);
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  transaction.commit();
  return id.value();
}

DisposalRecord weeeRecycling(LogisticsFixture& f, std::int64_t rma) {
  DisposalRecord record;
  record.recyclerId = f.recycler;
  record.rmaId = rma;
  record.ewcCode = "16 02 13*";
  record.hazardous = true;
  record.quantity = 144.5;
  record.unit = DisposalUnit::kg;
  record.basis = QuantityBasis::measured;
  record.operationCode = "R4";
  record.permitNumber = "DE-LEJ-2024-117";
  record.certificateNumber = "CERT-0001";
  record.receivedAt = "2026-04-10T08:00:00.000Z";
  record.treatedAt = "2026-04-12T14:00:00.000Z";
  record.certificateIssuedAt = "2026-04-15T09:00:00.000Z";
  record.serialNumbers = {"SN-100", "SN-101"};
  return record;
}

Result<std::int64_t> recordDisposal(LogisticsFixture& f, const DisposalRecord& record) {
  Poco::Data::Session session = f.database.session();
  store::Transaction transaction(session);
  auto recorded = DisposalBook(session).record(transaction, record);
  transaction.commit();
  return recorded;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(disposal_book)

BOOST_AUTO_TEST_CASE(ewc_codes_are_read_with_or_without_spaces_and_the_asterisk_marks_hazardous) {
  const auto spaced = parseEwcCode("16 02 13*");
  BOOST_REQUIRE(spaced.ok());
  BOOST_TEST(spaced.value().digits == "160213");
  BOOST_TEST(spaced.value().asterisk);
  BOOST_TEST(!parseEwcCode("200136").value().asterisk);
  for (const char* bad : {"16021", "16 0213", "1602133", "16-02-13", "21 01 01", "00 01 01", "16 02 1a", "*"}) {
    BOOST_TEST(parseEwcCode(bad).has(ProblemCode::invalid_ewc_code), bad);
  }
}

BOOST_AUTO_TEST_CASE(only_r1_to_r13_and_d1_to_d15_are_operation_codes) {
  for (const char* good : {"R1", "R4", "R13", "D1", "D10", "D15"}) BOOST_TEST(isRecoveryOrDisposalCode(good), good);
  for (const char* bad : {"R0", "R14", "D16", "D01", "r4", "R", "X1", "R1a", ""}) {
    BOOST_TEST(!isRecoveryOrDisposalCode(bad), bad);
  }
}

BOOST_AUTO_TEST_CASE(a_disposal_record_comes_back_linked_to_its_rma_and_serials) {
  LogisticsFixture f;
  const std::int64_t rma = openedReturn(f);
  const auto id = recordDisposal(f, weeeRecycling(f, rma));
  BOOST_REQUIRE_MESSAGE(id.ok(), id.describe());
  Poco::Data::Session session = f.database.session();
  const auto back = DisposalBook(session).find(id.value());
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(back->ewcCode == "160213");
  BOOST_TEST(back->hazardous);
  BOOST_TEST(back->quantity == 144.5);
  BOOST_TEST((back->unit == DisposalUnit::kg));
  BOOST_TEST((back->basis == QuantityBasis::measured));
  BOOST_TEST(back->operationCode == "R4");
  BOOST_TEST(back->certificateIssuedAt.value_or("") == "2026-04-15T09:00:00.000Z");
  BOOST_TEST(back->serialNumbers == (std::vector<std::string>{"SN-100", "SN-101"}), boost::test_tools::per_element());
  BOOST_TEST(DisposalBook(session).forRma(rma).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_disposal_record_with_wrong_codes_flags_dates_or_links_is_refused_with_each_reason) {
  LogisticsFixture f;
  const std::int64_t rma = openedReturn(f);
  DisposalRecord bad = weeeRecycling(f, rma);
  bad.hazardous = false;         // the asterisk says hazardous
  bad.operationCode = "R14";
  bad.treatedAt = "2026-04-09T08:00:00.000Z";  // before it was received
  bad.serialNumbers = {"SN-100", "SN-999"};
  bad.recyclerId = f.carrier;
  const auto refused = recordDisposal(f, bad);
  for (ProblemCode code : {ProblemCode::hazardous_flag_mismatch, ProblemCode::invalid_operation_code,
                           ProblemCode::invalid_value, ProblemCode::unknown_serial, ProblemCode::role_not_held}) {
    BOOST_TEST(refused.has(code), problemCodeName(code) << " in " << refused.describe());
  }
  DisposalRecord badCode = weeeRecycling(f, rma);
  badCode.ewcCode = "16 02 XX";
  BOOST_TEST(recordDisposal(f, badCode).has(ProblemCode::invalid_ewc_code));
  DisposalRecord noRma = weeeRecycling(f, rma);
  noRma.rmaId = rma + 7;
  BOOST_TEST(recordDisposal(f, noRma).has(ProblemCode::unknown_rma));
  BOOST_TEST(f.count("disposal_record") == 0);

  BOOST_REQUIRE(recordDisposal(f, weeeRecycling(f, rma)).ok());
  BOOST_TEST(recordDisposal(f, weeeRecycling(f, rma)).has(ProblemCode::duplicate_reference));
  // A non-hazardous code may be flagged hazardous: partners drop the asterisk, never add one.
  DisposalRecord plain = weeeRecycling(f, rma);
  plain.ewcCode = "200136";
  plain.certificateNumber = "CERT-0002";
  plain.operationCode = "D10";
  BOOST_TEST(recordDisposal(f, plain).ok());
}

BOOST_AUTO_TEST_SUITE_END()
