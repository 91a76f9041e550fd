// afterflow edi validate | show
#include "cli/command.h"
#include "cli/output_option.h"
#include "edi/ack_writer.h"
#include "edi/byte_source.h"
#include "edi/file_check.h"
#include "edi/spec_catalog.h"
#include "edi/xml_form.h"

#include <Poco/JSON/Array.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>


#include <ostream>

namespace cli {
namespace {

const char* severityName(edi::Severity severity) { return severity == edi::Severity::error ? "error" : "warning"; }

Poco::JSON::Object::Ptr diagnosticJson(const edi::Diagnostic& d) {
  Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
  item->set("severity", severityName(d.severity));
  item->set("code", d.code);
  item->set("message", d.message);
  Poco::JSON::Object::Ptr where = new Poco::JSON::Object;
  const edi::Location& w = d.where;
  where->set("offset", w.offset);
  if (w.line) where->set("line", w.line);
  if (w.interchange) where->set("interchange", w.interchange);
  if (w.group) where->set("group", w.group);
  if (w.message) where->set("message", w.message);
  if (w.segment) where->set("segment", w.segment);
  if (w.segmentInMessage) where->set("segment_in_message", w.segmentInMessage);
  if (!w.tag.empty()) where->set("tag", w.tag);
  if (w.element) where->set("element", w.element);
  if (w.component) where->set("component", w.component);
  if (w.repetition) where->set("repetition", w.repetition);
  item->set("location", where);
  return item;
}

// Options every edi command takes.
class EdiCommand : public Command {
 public:
  void defineOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("schemas", "", "folder with edi/ and xsd/ definitions (default: the build's "
                                                        "schemas/, or $AFTERFLOW_SCHEMAS)")
                          .argument("DIR"));
    defineMoreOptions(options);
  }
  void handleOption(const std::string& name, const std::string& value) override {
    if (name == "schemas") {
      schemas_ = value;
    } else {
      handleMoreOption(name, value);
    }
  }

 protected:
  virtual void defineMoreOptions(Poco::Util::OptionSet&) {}
  virtual void handleMoreOption(const std::string&, const std::string&) {}
  std::string schemas() const { return schemas_.empty() ? edi::SpecCatalog::defaultSchemasRoot() : schemas_; }

 private:
  std::string schemas_;
};

class EdiValidate : public EdiCommand {
 public:
  std::string name() const override { return "edi validate"; }
  std::string summary() const override { return "validate X12 / EDIFACT files: exit 0 valid, 1 invalid, 2 unreadable"; }
  std::string arguments() const override { return "FILE..."; }
  void defineMoreOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("strict", "", "refuse what lenient mode tolerates (BOM, wrapping, ...)"));
    options.addOption(Poco::Util::Option("json", "", "print the results as JSON"));
  }
  void handleMoreOption(const std::string& name, const std::string&) override {
    if (name == "strict") options_.strict = true;
    if (name == "json") json_ = true;
  }
  int run(const CommandContext& context, const std::vector<std::string>& files) override {
    if (files.empty()) throw UsageError("names no file");
    edi::SpecCatalog catalog(schemas());
    bool unreadable = false, invalid = false;
    Poco::JSON::Array::Ptr results = new Poco::JSON::Array;
    for (const std::string& file : files) {
      edi::Diagnostics diagnostics;
      edi::CheckSummary summary;
      try {
        edi::FileByteSource source(file);
        summary = edi::checkInterchanges(source, catalog, diagnostics, options_);
      } catch (const Poco::Exception& e) {
        // This file cannot be read; the others still are.
        context.err << "afterflow: " << file << ": cannot read: " << e.displayText() << "\n";
        unreadable = true;
        continue;
      }
      for (const edi::Diagnostic& d : catalog.diagnostics().items()) diagnostics.add(d);
      const bool valid = !diagnostics.hasErrors();
      invalid = invalid || !valid;
      if (json_) {
        Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
        result->set("file", file);
        result->set("valid", valid);
        result->set("interchanges", summary.interchanges);
        result->set("messages", summary.messages);
        result->set("messages_accepted", summary.messagesAccepted);
        result->set("errors", diagnostics.errorCount());
        result->set("warnings", diagnostics.warningCount());
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const edi::Diagnostic& d : diagnostics.items()) list->add(diagnosticJson(d));
        result->set("diagnostics", list);
        results->add(result);
        continue;
      }
      for (const edi::Diagnostic& d : diagnostics.items()) context.out << edi::formatDiagnostic(d, file) << "\n";
      if (diagnostics.droppedCount() > 0) {
        context.out << file << ": " << diagnostics.droppedCount() << " more diagnostics counted but not shown\n";
      }
      context.out << file << ": " << (valid ? "valid" : "invalid") << " (" << summary.interchanges
                  << " interchanges, " << summary.messages << " messages, " << summary.messagesAccepted
                  << " accepted, " << diagnostics.errorCount() << " errors, " << diagnostics.warningCount()
                  << " warnings)\n";
    }
    if (json_) {
      results->stringify(context.out, 2);
      context.out << "\n";
    }
    return unreadable ? 2 : invalid ? 1 : 0;
  }

 private:
  edi::CheckOptions options_;
  bool json_ = false;
};

class EdiShow : public EdiCommand {
 public:
  std::string name() const override { return "edi show"; }
  std::string summary() const override { return "show an interchange as a tree with loops and element names"; }
  std::string arguments() const override { return "FILE"; }
  int run(const CommandContext& context, const std::vector<std::string>& files) override {
    if (files.size() != 1) throw UsageError("takes one file");
    edi::SpecCatalog catalog(schemas());
    edi::Diagnostics diagnostics;
    edi::FileByteSource source(files.front());
    edi::showInterchanges(source, catalog, context.out, diagnostics);
    for (const edi::Diagnostic& d : diagnostics.items()) context.err << edi::formatDiagnostic(d, files.front()) << "\n";
    return diagnostics.hasErrors() ? 1 : 0;
  }
};

// Writes to -o FILE, or to stdout, as the output is produced (an input of any size stays in
// bounded memory). A file is written as FILE.part and renamed by finish(true), so a failure or an
// exception never leaves half a file under the name asked for.

class EdiAck : public EdiCommand {
 public:
  std::string name() const override { return "edi ack"; }
  std::string summary() const override {
    return "write the acknowledgment of a file: 997 (004010), 999 (005010), TA1, CONTRL";
  }
  std::string arguments() const override { return "FILE"; }
  void defineMoreOptions(Poco::Util::OptionSet& options) override {
    options.addOption(Poco::Util::Option("ta1", "", "add a TA1 even when the sender did not ask for one"));
    output_.define(options);
    options.addOption(Poco::Util::Option("control", "", "first control number of the ack's envelopes (default 1)").argument("N"));
  }
  void handleMoreOption(const std::string& name, const std::string& value) override {
    if (name == "ta1") options_.alwaysTa1 = true;
    output_.handle(name, value);
    if (name == "control") {
      Poco::UInt64 number = 0;
      if (!Poco::NumberParser::tryParseUnsigned64(value, number) || number == 0 || number > 999999999) {
        throw UsageError("--control takes a number from 1 to 999999999");
      }
      options_.interchangeControl = options_.groupControl = number;
    }
  }
  int run(const CommandContext& context, const std::vector<std::string>& files) override {
    if (files.size() != 1) throw UsageError("takes one file");
    edi::SpecCatalog catalog(schemas());
    edi::Diagnostics diagnostics;
    edi::FileByteSource source(files.front());
    edi::AckWriter writer(output_.stream(context), options_);
    edi::checkInterchanges(source, catalog, diagnostics, {}, &writer);
    // The input's errors are what the acknowledgment reports: it is kept either way.
    output_.finish(true);
    for (const edi::Diagnostic& d : diagnostics.items()) context.err << edi::formatDiagnostic(d, files.front()) << "\n";
    return diagnostics.hasErrors() ? 1 : 0;
  }

 private:
  edi::AckOptions options_;
  OutputOption output_;
};

class EdiToXml : public EdiCommand {
 public:
  std::string name() const override { return "edi to-xml"; }
  std::string summary() const override { return "write an X12 / EDIFACT file as XML (schemas/xsd/edi-xml.xsd)"; }
  std::string arguments() const override { return "FILE"; }
  void defineMoreOptions(Poco::Util::OptionSet& options) override { output_.define(options); }
  void handleMoreOption(const std::string& name, const std::string& value) override { output_.handle(name, value); }
  int run(const CommandContext& context, const std::vector<std::string>& files) override {
    if (files.size() != 1) throw UsageError("takes one file");
    edi::Diagnostics diagnostics;
    edi::FileByteSource source(files.front());
    edi::writeXml(source, output_.stream(context), diagnostics);
    output_.finish(true);
    for (const edi::Diagnostic& d : diagnostics.items()) context.err << edi::formatDiagnostic(d, files.front()) << "\n";
    return diagnostics.hasErrors() ? 1 : 0;
  }

 private:
  OutputOption output_;
};

class EdiFromXml : public EdiCommand {
 public:
  std::string name() const override { return "edi from-xml"; }
  std::string summary() const override { return "write the X12 / EDIFACT interchanges of an XML file (to-xml's form)"; }
  std::string arguments() const override { return "FILE"; }
  void defineMoreOptions(Poco::Util::OptionSet& options) override {
    output_.define(options);
    options.addOption(Poco::Util::Option("delimiters", "", "write with these delimiters: X12 \"*>^~\", EDIFACT "
                                                            "\"+:*'?\" (element, component, repetition, terminator[, release])")
                          .argument("CHARS"));
  }
  void handleMoreOption(const std::string& name, const std::string& value) override {
    if (!output_.handle(name, value) && name == "delimiters") delimiters_ = value;
  }
  int run(const CommandContext& context, const std::vector<std::string>& files) override {
    if (files.size() != 1) throw UsageError("takes one file");
    edi::FromXmlOptions options;
    options.xsdPath = schemas() + "/xsd/edi-xml.xsd";
    if (!delimiters_.empty()) {
      // The standard decides the delimiters' count; read it from the XML's first interchange.
      const bool x12 = delimiters_.size() == 4;
      try {
        options.delimiters = edi::parseDelimiters(delimiters_, x12 ? edi::Standard::x12 : edi::Standard::edifact);
      } catch (const Poco::InvalidArgumentException& e) {
        throw UsageError(e.message());
      }
    }
    edi::Diagnostics diagnostics;
    const bool ok = edi::readXml(files.front(), output_.stream(context), diagnostics, options);
    output_.finish(ok);  // an invalid XML leaves no half-written interchange behind
    for (const edi::Diagnostic& d : diagnostics.items()) context.err << edi::formatDiagnostic(d, files.front()) << "\n";
    return ok ? 0 : 1;
  }

 private:
  OutputOption output_;
  std::string delimiters_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> ediCommands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<EdiValidate>());
  commands.push_back(std::make_unique<EdiShow>());
  commands.push_back(std::make_unique<EdiAck>());
  commands.push_back(std::make_unique<EdiToXml>());
  commands.push_back(std::make_unique<EdiFromXml>());
  return commands;
}

}  // namespace cli
