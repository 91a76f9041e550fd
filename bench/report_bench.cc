// Times the quarterly service report in one process (no process start, no migration check),
// beside the plain aggregate SQL over the raw tables that computes the same figures, on a
// database bench/report_quarterly.sh built, and checks that both give the same answer.
// Usage: report_bench DATABASE-URL PERIOD RUNS [CLIENT-CODE]
// Prints one line per measurement: name, median wall ms, each run's ms. Exit 1 on disagreement.
#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "reports/shipment_figures.h"
#include "store/database.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <sstream>
#include <vector>

using namespace Poco::Data::Keywords;

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Runs `work` `runs` times and prints the medians of wall and CPU time (this process's: on
// PostgreSQL the server's is not in it) and every run's wall time, in milliseconds.
void timeRuns(const std::string& name, int runs, const std::function<void()>& work) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t startCpu = std::clock();
    work();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - startCpu) / CLOCKS_PER_SEC);
    wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%-44s median wall %8.1f ms, CPU %8.1f ms; runs", name.c_str(), median(wall), median(cpu));
  for (double m : wall) std::printf(" %.1f", m);
  std::printf("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5 || std::atoi(argv[3]) < 1) {
    std::fprintf(stderr, "usage: report_bench DATABASE-URL PERIOD RUNS [CLIENT-CODE]\n");
    return 2;
  }
  try {
    store::Database database(argv[1], {.createIfMissing = false});
    Poco::Data::Session session = database.session();
    const auto period = reports::parsePeriod(argv[2]);
    if (!period) throw Poco::InvalidArgumentException(std::string("no period ") + argv[2]);
    const int runs = std::atoi(argv[3]);
    reports::ReportRequest request;
    request.kind = period->kind == reports::PeriodKind::month     ? reports::ReportKind::monthly
                   : period->kind == reports::PeriodKind::quarter ? reports::ReportKind::quarterly
                                                                  : reports::ReportKind::annual;
    request.period = *period;
    reports::ShipmentScope scope{period->start, period->end, {}, {}, {}, 0};
    if (argc == 5) {
      request.clientCode = argv[4];
      std::int64_t id = 0;
      session << "SELECT party_id FROM party WHERE party_code = ?", bind(std::string(argv[4])), into(id), now;
      scope.clientId = id;
    }

    std::size_t bytes = 0;
    timeRuns("report " + request.period.label() + " (rollups) + JSON", runs, [&] {
      std::string problem;
      const auto report = reports::buildServiceReport(session, request, problem);
      if (!report) throw Poco::RuntimeException(problem);
      std::ostringstream json;
      reports::renderJson(*report, json);
      bytes = json.str().size();
    });
    reports::ShipmentFigures rolled, plain;
    timeRuns("quarter's figures from the rollups", runs, [&] { rolled = reports::rollupShipmentFigures(session, scope); });
    timeRuns("quarter's figures by plain SQL (reference)", runs,
             [&] { plain = reports::plainShipmentFigures(session, scope); });
    bool agree = plain == rolled;
    std::printf("JSON %zu bytes; %lld shipments in the period, %lld delivered, %lld received, %lld accidents\n", bytes,
                static_cast<long long>(plain.shipments), static_cast<long long>(plain.delivered),
                static_cast<long long>(plain.received), static_cast<long long>(plain.withAccident));
    std::printf("totals: rollups and plain SQL %s\n", agree ? "agree" : "DISAGREE");
    const bool byMonth =
        reports::plainShipmentFiguresBy(session, scope, "month") == reports::rollupShipmentFiguresBy(session, scope, "month");
    std::printf("by month: rollups and plain SQL %s\n", byMonth ? "agree" : "DISAGREE");
    return agree && byMonth ? 0 : 1;
  } catch (const Poco::Exception& e) {
    std::fprintf(stderr, "report_bench: %s\n", e.displayText().c_str());
    return 1;
  }
}
