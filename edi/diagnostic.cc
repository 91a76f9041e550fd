#include "edi/diagnostic.h"


namespace edi {

std::string formatDiagnostic(const Diagnostic& d, const std::string& fileName) {
  const Location& w = d.where;
  std::string out = fileName;
  out += w.line ? ":" + std::to_string(w.line) : "@" + std::to_string(w.offset);
  out += d.severity == Severity::error ? ": error: [" : ": warning: [";
  out += d.code + "] " + d.message;
  std::string where;
  auto part = [&where](const std::string& text) { where += (where.empty() ? "" : ", ") + text; };
  if (w.interchange) part("interchange " + std::to_string(w.interchange));
  if (w.group) part("group " + std::to_string(w.group));
  if (w.message) part("message " + std::to_string(w.message));
  if (w.segment) {
    std::string segment = "segment " + std::to_string(w.segment);
    if (w.segmentInMessage) segment += " (" + std::to_string(w.segmentInMessage) + " in message)";
    if (!w.tag.empty()) segment += " " + w.tag;
    part(segment);
  }
  if (w.element) part("element " + std::to_string(w.element));
  if (w.component) part("component " + std::to_string(w.component));
  if (w.repetition) part("repetition " + std::to_string(w.repetition));
  if (!where.empty()) out += " (" + where + ")";
  return out;
}

}  // namespace edi
