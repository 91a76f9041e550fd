#include "demo/report_files.h"

#include "reports/csv_renderer.h"
#include "reports/html_renderer.h"
#include "reports/json_renderer.h"
#include "reports/service_report.h"
#include "reports/xml_renderer.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>

namespace demo {

ReportFiles writeQuarterlyReport(store::Database& database, int year, const std::string& directory) {
  ReportFiles files;
  files.period = std::to_string(year) + "Q4";
  reports::ReportRequest request;
  request.kind = reports::ReportKind::quarterly;
  request.period = reports::quarterPeriod(year, 4);
  Poco::Data::Session session = database.session();
  const auto report = reports::buildServiceReport(session, request, files.problem);
  if (!report) return files;

  Poco::File(directory).createDirectories();
  Poco::Path folder(directory);
  folder.makeDirectory();
  folder.makeAbsolute();
  const auto write = [&](const std::string& extension, void (*render)(const reports::ServiceReport&, std::ostream&)) {
    const std::string path = Poco::Path(folder).setFileName("quarterly-" + files.period + "." + extension).toString();
    Poco::FileOutputStream out(path);
    render(*report, out);
    return path;
  };
  files.html = write("html", reports::renderHtml);
  files.json = write("json", reports::renderJson);
  files.csv = write("csv", reports::renderCsv);
  files.xml = write("xml", reports::renderXml);
  return files;
}

}  // namespace demo
