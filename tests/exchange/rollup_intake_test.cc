// The report rollups after the intake: an interchange's shipments, events and receipts are
// refreshed once at the end of its apply transaction, and the figures must still be exactly
// those of plain SQL over the raw tables.
#include "exchange/intake.h"
#include "reports/shipment_figures.h"
#include "tests/exchange/exchange_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>

using namespace exchange;
using exchange_test::catalog;
using exchange_test::fixture;
using exchange_test::Partners;

namespace {

std::string padded(const std::string& text, std::size_t width) { return text + std::string(width - text.size(), ' '); }

// One X12 004010 interchange from a sender to us holding the messages (each its segments
// between ST and SE, which are added here with their counts).
std::string interchange(const std::string& isaQualifier, const std::string& sender, const std::string& function,
                        const std::string& type, int control, const std::vector<std::vector<std::string>>& messages) {
  char number[16];
  std::snprintf(number, sizeof number, "%09d", control);
  const std::string gs = std::to_string(control);
  std::string text = "ISA*00*          *00*          *" + isaQualifier + "*" + padded(sender, 15) +
                     "*ZZ*AFTERFLOW      *261201*1200*U*00401*" + number + "*0*P*>~\n" + "GS*" + function + "*" +
                     sender + "*AFTERFLOW*20261201*1200*" + gs + "*X*004010~\n";
  int st = 0;
  for (const auto& segments : messages) {
    char id[16];
    std::snprintf(id, sizeof id, "%04d", ++st);
    text += "ST*" + type + "*" + id + "~\n";
    for (const std::string& segment : segments) text += segment + "~\n";
    text += "SE*" + std::to_string(segments.size() + 2) + "*" + id + "~\n";
  }
  return text + "GE*" + std::to_string(messages.size()) + "*" + gs + "~\nIEA*1*" + number + "~\n";
}

struct Notice {
  int n;
  std::string shipDay, promisedDay, region;  // days as YYYYMMDD
  bool withCarrier;
};

// A ship notice of one shipment with one line, referenced ASN-n, BOL-n and PRO-n.
std::vector<std::string> shipNotice(const Notice& notice) {
  const std::string n = std::to_string(notice.n);
  std::vector<std::string> segments = {"BSN*00*ASN-" + n + "*" + notice.shipDay + "*1200",
                                       "DTM*011*" + notice.shipDay + "*0930",
                                       "DTM*017*" + notice.promisedDay,
                                       "HL*1**S",
                                       "TD1*CTN25*" + std::to_string(1 + notice.n % 4) + "****G*" +
                                           std::to_string(10 + notice.n) + "*KG"};
  if (notice.withCarrier) segments.push_back("TD5*B*2*FSTF*M");
  for (const std::string& segment :
       {"REF*BM*BOL-" + n, "REF*CN*PRO-" + n, std::string("N1*SF*ACME PARTS WAREHOUSE*92*WH1"),
        std::string("N4*COLUMBUS*OH*43004*US"), std::string("N1*ST*SERVICE CENTER*92*SC1"),
        "N4*MUNICH*" + notice.region + "*80331*DE", std::string("HL*2*1*I"), std::string("LIN**BP*WM-800"),
        std::string("SN1**2*EA")}) {
    segments.push_back(segment);
  }
  return segments;
}

// A carrier status report on shipment n: X12 1650 status code at a day and time.
std::vector<std::string> statusReport(int n, const std::string& code, const std::string& day, const std::string& time) {
  const std::string id = std::to_string(n);
  return {"B10*PRO-" + id + "*ASN-" + id + "*FSTF", "L11*BOL-" + id + "*BM", "LX*1",
          "AT7*" + code + "*NS***" + day + "*" + time, "MS1*MUNICH*BY*DE"};
}

struct Exchange : Partners {
  Intake intake{database(), catalog()};
  int control = 7000;

  void receive(const std::string& text) {
    Poco::File(outbox).createDirectories();
    const std::string path = outbox + "/in-" + std::to_string(++control) + ".edi";
    Poco::FileOutputStream(path) << text;
    receiveFile(path);
  }
  void receiveFile(const std::string& path) {
    const IntakeReport report = intake.receive(path);
    BOOST_TEST_MESSAGE(report.summary);
    BOOST_REQUIRE(report.status == InterchangeStatus::applied);
  }
  void shipNotices(const std::vector<Notice>& notices) {
    std::vector<std::vector<std::string>> messages;
    for (const Notice& notice : notices) messages.push_back(shipNotice(notice));
    receive(interchange("ZZ", "ACMEPARTS", "SH", "856", ++control, messages));
  }
  void statusReports(const std::vector<std::vector<std::string>>& messages) {
    receive(interchange("02", "FSTF", "QM", "214", ++control, messages));
  }

  void expectAgreement(const reports::ShipmentScope& scope, const std::string& label) {
    Poco::Data::Session session = database().session();
    const reports::ShipmentFigures plain = reports::plainShipmentFigures(session, scope);
    BOOST_TEST((plain == reports::rollupShipmentFigures(session, scope)), label);
    for (const char* grouping : {"region", "carrier", "month"}) {
      BOOST_TEST((reports::plainShipmentFiguresBy(session, scope, grouping) ==
                  reports::rollupShipmentFiguresBy(session, scope, grouping)),
                 label << " by " << grouping);
    }
  }
  reports::ShipmentFigures rollup(const reports::ShipmentScope& scope) {
    Poco::Data::Session session = database().session();
    return reports::rollupShipmentFigures(session, scope);
  }
};

const reports::ShipmentScope kYear{"2026-01-01", "2027-01-01", {}, {}, {}, 0};
const reports::ShipmentScope kSeptember{"2026-09-01", "2026-10-01", {}, {}, {}, 0};

}  // namespace

BOOST_AUTO_TEST_SUITE(rollup_intake)

BOOST_AUTO_TEST_CASE(received_ship_notices_events_and_receipts_give_the_figures_of_plain_sql) {
  Exchange exchange;
  // Events that arrive before their shipments wait, and are counted once the notices link them.
  exchange.statusReports({statusReport(5, "AF", "20260915", "1000"), statusReport(6, "A9", "20260916", "1100")});
  exchange.shipNotices({{1, "20260903", "20260906", "BY", true},
                        {2, "20260910", "20260912", "BY", true},
                        {3, "20260921", "20260924", "HE", false},
                        {4, "20260929", "20261002", "HE", true},
                        {5, "20260915", "20260917", "NW", true},
                        {6, "20260916", "20260919", "NW", false}});
  exchange.shipNotices({{7, "20261005", "20261008", "BY", true},
                        {8, "20261012", "20261013", "HE", true},
                        {9, "20261020", "20261023", "NW", false}});
  // Deliveries, on time and late, in one interchange with events of both months.
  exchange.statusReports({statusReport(1, "D1", "20260905", "1400"), statusReport(2, "D1", "20260914", "0900"),
                          statusReport(4, "D1", "20261001", "1600"), statusReport(5, "D1", "20260917", "0800"),
                          statusReport(7, "D1", "20261007", "1200"), statusReport(8, "D1", "20261016", "1000")});
  // The fixture notices (November) and a receipt that finds one short and one unannounced line.
  exchange.receiveFile(fixture("client_856.edi"));
  exchange.receiveFile(fixture("dealer_944.edi"));
  exchange.expectAgreement(kYear, "2026");

  const reports::ShipmentFigures september = exchange.rollup(kSeptember);
  BOOST_TEST(september.shipments == 6);
  BOOST_TEST(september.delivered == 4);
  BOOST_TEST(september.withAccident == 1);  // the damage reported before shipment 6 existed
  const reports::ShipmentFigures year = exchange.rollup(kYear);
  BOOST_TEST(year.shipments == 11);
  BOOST_TEST(year.received == 1);
  BOOST_TEST(year.receivedAccurate == 0);
}

BOOST_AUTO_TEST_CASE(a_late_status_report_moves_a_past_month_in_the_rollups_as_in_the_raw_tables) {
  Exchange exchange;
  exchange.shipNotices({{1, "20260903", "20260906", "BY", true},
                        {2, "20260910", "20260912", "HE", true},
                        {3, "20261005", "20261008", "HE", true}});
  exchange.statusReports({statusReport(1, "D1", "20260905", "1400"), statusReport(3, "D1", "20261007", "1200")});
  exchange.expectAgreement(kYear, "before");
  BOOST_TEST(exchange.rollup(kSeptember).withAccident == 0);
  BOOST_TEST(exchange.rollup(kSeptember).delivered == 1);

  // December: the carrier reports September's second shipment damaged, then delivered.
  exchange.statusReports({statusReport(2, "A9", "20261201", "0800"), statusReport(2, "D1", "20261202", "0900")});
  exchange.expectAgreement(kYear, "after");
  BOOST_TEST(exchange.rollup(kSeptember).withAccident == 1);
  BOOST_TEST(exchange.rollup(kSeptember).delivered == 2);
  BOOST_TEST(exchange.rollup(kSeptember).deliveredOnTime == 1);
}

BOOST_AUTO_TEST_CASE(an_interchange_that_fails_leaves_the_rollups_as_they_were) {
  Exchange exchange;
  exchange.shipNotices({{1, "20260903", "20260906", "BY", true}});
  const reports::ShipmentFigures before = exchange.rollup(kYear);
  // The second notice repeats the first's references: the interchange fails as a whole.
  std::vector<std::vector<std::string>> messages = {shipNotice({2, "20260904", "20260907", "BY", true}),
                                                    shipNotice({1, "20260903", "20260906", "BY", true})};
  Poco::File(exchange.outbox).createDirectories();
  const std::string path = exchange.outbox + "/failing.edi";
  Poco::FileOutputStream(path) << interchange("ZZ", "ACMEPARTS", "SH", "856", 8100, messages);
  BOOST_TEST(exchange.intake.receive(path).status == InterchangeStatus::failed);
  BOOST_TEST((exchange.rollup(kYear) == before));
  BOOST_TEST(exchange.count("SELECT count(*) FROM shipment_fact") == 1);
  exchange.expectAgreement(kYear, "after the failure");
}

BOOST_AUTO_TEST_SUITE_END()
