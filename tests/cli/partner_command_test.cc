#include "tests/support/program_run.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using test_support::ProgramResult;
using test_support::runAfterflow;
using test_support::TestDatabase;

BOOST_AUTO_TEST_SUITE(partner_command)

BOOST_AUTO_TEST_CASE(partner_add_then_list_and_show_the_profile) {
  TestDatabase test;
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const ProgramResult add =
      runAfterflow({"--db", test.url(), "partner", "add", "CARRIER-FAST", "--role", "carrier", "--standard", "x12",
                    "--version", "004010", "--isa-qualifier", "02", "--isa-id", "FSTF", "--gs-code", "FSTFGS", "--ack",
                    "997", "--ta1", "--inbox", "/srv/edi/fast/in", "--outbox", "/srv/edi/fast/out"});
  BOOST_TEST(add.exitCode == 0, add.err);
  BOOST_TEST(add.out == "added carrier partner CARRIER-FAST (x12 004010)\n");
  const ProgramResult edifact =
      runAfterflow({"--db", test.url(), "partner", "add", "RECYCLER-ECO", "--role", "recycler", "--standard",
                    "edifact", "--version", "D01B", "--unb-id", "ECOCYCLE", "--unb-qualifier", "ZZZ", "--ack", "CONTRL"});
  BOOST_TEST(edifact.exitCode == 0, edifact.err);

  const ProgramResult list = runAfterflow({"--db", test.url(), "partner", "list"});
  BOOST_TEST(list.exitCode == 0, list.err);
  BOOST_TEST(list.out.find("CARRIER-FAST    carrier   x12 004010      02:FSTF                 997+TA1\n") !=
                 std::string::npos,
             list.out);
  BOOST_TEST(list.out.find("ECOCYCLE:ZZZ") != std::string::npos, list.out);
  const ProgramResult recyclers = runAfterflow({"--db", test.url(), "partner", "list", "--role", "recycler"});
  BOOST_TEST(recyclers.out.find("CARRIER-FAST") == std::string::npos, recyclers.out);

  const ProgramResult show = runAfterflow({"--db", test.url(), "partner", "show", "CARRIER-FAST"});
  BOOST_TEST(show.exitCode == 0, show.err);
  BOOST_TEST(show.out.find("party       CARRIER-FAST (Fastfreight Logistik GmbH)\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("outbox      /srv/edi/fast/out\n") != std::string::npos, show.out);
}

BOOST_AUTO_TEST_CASE(a_party_added_on_the_command_line_can_be_shown_and_given_a_partner_profile) {
  TestDatabase test;
  const ProgramResult add =
      runAfterflow({"--db", test.url(), "party", "add", "NORDFRACHT", "--name", "Nordfracht Spedition GmbH", "--role",
                    "carrier", "--role", "recycler", "--id", "scac=NRDF", "--id", "x12:ZZ=NORDFRACHT", "--city",
                    "Bremen", "--country", "DE"});
  BOOST_TEST(add.exitCode == 0, add.err);
  BOOST_TEST(add.out == "added party NORDFRACHT (carrier,recycler)\n");

  const ProgramResult show = runAfterflow({"--db", test.url(), "party", "show", "NORDFRACHT"});
  BOOST_TEST(show.exitCode == 0, show.err);
  BOOST_TEST(show.out.find("party       NORDFRACHT (Nordfracht Spedition GmbH)\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("roles       carrier,recycler\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("id          scac=NRDF\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("city        Bremen\n") != std::string::npos, show.out);
  BOOST_TEST(show.out.find("email") == std::string::npos, show.out);

  const ProgramResult profile =
      runAfterflow({"--db", test.url(), "partner", "add", "NORDFRACHT", "--role", "carrier", "--standard", "x12",
                    "--version", "004010", "--isa-qualifier", "ZZ", "--isa-id", "NORDFRACHT"});
  BOOST_TEST(profile.exitCode == 0, profile.err);

  const ProgramResult again = runAfterflow({"--db", test.url(), "party", "add", "NORDFRACHT", "--name", "Another",
                                            "--role", "client", "--id", "scac=NRDF"});
  BOOST_TEST(again.exitCode == 1);
  BOOST_TEST(again.err.find("afterflow party add: code_taken (code): party code 'NORDFRACHT' is taken by "
                            "Nordfracht Spedition GmbH\n") == 0u,
             again.err);
  BOOST_TEST(again.err.find("identifier_taken (identifier scac): scac 'NRDF' names party NORDFRACHT") !=
                 std::string::npos,
             again.err);
  BOOST_TEST(runAfterflow({"--db", test.url(), "party", "add", "X", "--name", "X", "--role", "pilot"}).exitCode == 2);
  BOOST_TEST(runAfterflow({"--db", test.url(), "party", "show", "NOBODY"}).exitCode == 1);
}

BOOST_AUTO_TEST_CASE(a_refused_profile_prints_each_problem_and_exits_one) {
  TestDatabase test;
  BOOST_REQUIRE(runAfterflow({"--db", test.url(), "db", "seed"}).exitCode == 0);
  const ProgramResult result =
      runAfterflow({"--db", test.url(), "partner", "add", "DEALER-MUC", "--role", "carrier", "--standard", "x12",
                    "--version", "004010", "--isa-qualifier", "ZZ", "--isa-id", "HUBER"});
  BOOST_TEST(result.exitCode == 1);
  BOOST_TEST(result.err.find("afterflow partner add: role_not_held (party): ") == 0u, result.err);
  const ProgramResult contrl =
      runAfterflow({"--db", test.url(), "partner", "add", "CARRIER-FAST", "--role", "carrier", "--standard", "x12",
                    "--version", "004010", "--isa-qualifier", "02", "--isa-id", "FSTF", "--ack", "CONTRL"});
  BOOST_TEST(contrl.exitCode == 1);
  BOOST_TEST(contrl.err.find("invalid_value (functional_ack)") != std::string::npos, contrl.err);
  BOOST_TEST(runAfterflow({"--db", test.url(), "partner", "list"}).out == "");
}

BOOST_AUTO_TEST_CASE(partner_usage_errors_exit_two_and_an_unknown_partner_exits_one) {
  TestDatabase test;
  const ProgramResult missing = runAfterflow({"--db", test.url(), "partner", "add", "X", "--role", "carrier"});
  BOOST_TEST(missing.exitCode == 2);
  BOOST_TEST(missing.err.find("--standard is required") != std::string::npos, missing.err);
  const ProgramResult badRole = runAfterflow({"--db", test.url(), "partner", "list", "--role", "pirate"});
  BOOST_TEST(badRole.exitCode == 2);
  const ProgramResult unknown = runAfterflow({"--db", test.url(), "partner", "show", "NOBODY"});
  BOOST_TEST(unknown.exitCode == 1);
  BOOST_TEST(unknown.err == "afterflow partner show: no partner profile for 'NOBODY'; see afterflow partner list\n");
}

BOOST_AUTO_TEST_SUITE_END()
