// How definitions are loaded: checked against the schema by the Xerces-C plugin unless a stamp in
// the cache vouches for their exact bytes, and read with libxml2 either way. Every test uses a
// cache of its own, never the user's.
#include "edi/definition_stamps.h"
#include "edi/spec_catalog.h"

#include "tests/edi/edi_fixtures.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <string>

#include <unistd.h>

using namespace edi;
using edi_fixtures::catalog;
using edi_fixtures::readFile;

namespace {

// A folder under the system's temporary folder, removed with everything in it.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    static std::atomic<int> count{0};
    path_ = Poco::Path::temp() + "afterflow-definitions-" + std::to_string(::getpid()) + "-" + std::to_string(++count);
    Poco::File(path_).createDirectories();
  }
  ~TemporaryFolder() { Poco::File(path_).remove(true); }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::size_t filesIn(const std::string& folder) {
  if (!Poco::File(folder).exists()) return 0;
  std::size_t count = 0;
  for (Poco::DirectoryIterator it(folder), end; it != end; ++it) ++count;
  return count;
}

// A schemas root with the shipped schema and one dictionary of ours (x12 009990), no messages.
struct OwnDefinitions {
  TemporaryFolder root;
  TemporaryFolder cache;
  std::string stamps = cache.path() + "/edi-definitions";
  std::string dictionary = root.path() + "/edi/x12/009990/dictionary.xml";

  OwnDefinitions() {
    Poco::File(root.path() + "/edi/x12/009990").createDirectories();
    Poco::File(root.path() + "/xsd").createDirectories();
    Poco::File(catalog().schemasRoot() + "/xsd/edi-spec.xsd").copyTo(root.path() + "/xsd/edi-spec.xsd");
    writeDictionary("AN");
  }
  // The dictionary with one element of the given type; "QQ" breaks the schema on line 2.
  void writeDictionary(const std::string& type) const {
    Poco::FileOutputStream(dictionary)
        << "<dictionary xmlns=\"urn:afterflow:edi-spec:1\" standard=\"x12\" version=\"009990\">\n"
           "  <element id=\"1\" name=\"One\" type=\"" << type << "\" min=\"1\" max=\"2\"/>\n</dictionary>\n";
  }
  const SpecDirectory* load(SpecCatalog& specs) const { return specs.directory(Standard::x12, "009990"); }
};

std::string firstMessage(const SpecCatalog& specs) {
  return specs.diagnostics().items().empty() ? std::string() : specs.diagnostics().items().front().message;
}

struct ProbeRun {
  int exitCode = -1;
  std::string out;
};

// Runs tests/edi/definition_probe.cc on the shipped definitions with this environment.
ProbeRun probe(const std::string& standard, const std::string& version, const Poco::Process::Env& env) {
  Poco::Pipe out;
  Poco::ProcessHandle handle =
      Poco::Process::launch(AFTERFLOW_EDI_DEFINITION_PROBE, {standard, version}, nullptr, &out, nullptr, env);
  Poco::PipeInputStream stream(out);
  ProbeRun run;
  Poco::StreamCopier::copyToString(stream, run.out);
  run.exitCode = handle.wait();
  return run;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(definition_loading)

BOOST_AUTO_TEST_CASE(a_cold_cache_checks_every_definition_file_and_stamps_it) {
  TemporaryFolder cache;
  SpecCatalog specs(catalog().schemasRoot(), cache.path());
  BOOST_REQUIRE(specs.directory(Standard::x12, "004010") != nullptr);
  // The folder's dictionary and each message file: one stamp apiece.
  const std::size_t files = filesIn(catalog().schemasRoot() + "/edi/x12/004010");
  BOOST_TEST(files > 5u);
  BOOST_TEST(filesIn(cache.path() + "/edi-definitions") == files);
}

BOOST_AUTO_TEST_CASE(a_warm_cache_loads_the_definitions_without_xerces_in_the_process) {
  TemporaryFolder cache;
  const Poco::Process::Env env{{"AFTERFLOW_CACHE_DIR", cache.path()}};
  const ProbeRun cold = probe("edifact", "D96A", env);
  BOOST_TEST(cold.exitCode == 0, cold.out);
  // The first run needed the check, so the probe can see Xerces-C when it is there.
  BOOST_TEST(cold.out.find("xerces mapped") != std::string::npos, cold.out);
  const ProbeRun warm = probe("edifact", "D96A", env);
  BOOST_TEST(warm.exitCode == 0, warm.out);
  BOOST_TEST(warm.out.find("loaded ") == 0u, warm.out);
  BOOST_TEST(warm.out.find("xerces not mapped") != std::string::npos, warm.out);
  BOOST_TEST(warm.out.substr(0, warm.out.find('\n')) == cold.out.substr(0, cold.out.find('\n')));
}

BOOST_AUTO_TEST_CASE(stamped_definitions_load_even_where_the_check_plugin_cannot) {
  TemporaryFolder cache;
  BOOST_TEST(probe("x12", "005010", {{"AFTERFLOW_CACHE_DIR", cache.path()}}).exitCode == 0);
  const ProbeRun warm =
      probe("x12", "005010", {{"AFTERFLOW_CACHE_DIR", cache.path()}, {"AFTERFLOW_EDI_DEFINITION_CHECK", "/nonexistent/plugin.so"}});
  BOOST_TEST(warm.exitCode == 0, warm.out);
  BOOST_TEST(warm.out.find("loaded ") == 0u, warm.out);
}

BOOST_AUTO_TEST_CASE(a_definition_that_needs_the_check_without_the_plugin_is_an_infrastructure_error) {
  TemporaryFolder cache;
  const ProbeRun run =
      probe("x12", "005010", {{"AFTERFLOW_CACHE_DIR", cache.path()}, {"AFTERFLOW_EDI_DEFINITION_CHECK", "/nonexistent/plugin.so"}});
  BOOST_TEST(run.exitCode == 3, run.out);
  BOOST_TEST(run.out.find("definition check plugin") != std::string::npos, run.out);
  BOOST_TEST(run.out.find("/nonexistent/plugin.so") != std::string::npos, run.out);
  BOOST_TEST(filesIn(cache.path() + "/edi-definitions") == 0u);
}

BOOST_AUTO_TEST_CASE(a_changed_definition_is_checked_again_and_refused_with_its_location_when_broken) {
  OwnDefinitions own;
  {
    SpecCatalog specs(own.root.path(), own.cache.path());
    BOOST_REQUIRE(own.load(specs) != nullptr);
  }
  BOOST_TEST(filesIn(own.stamps) == 1u);
  own.writeDictionary("ID");  // still valid: checked again and stamped as well
  {
    SpecCatalog specs(own.root.path(), own.cache.path());
    BOOST_REQUIRE(own.load(specs) != nullptr);
    BOOST_TEST((own.load(specs)->elements.at("1")->type == ElementType::identifier));
  }
  BOOST_TEST(filesIn(own.stamps) == 2u);
  own.writeDictionary("QQ");
  SpecCatalog specs(own.root.path(), own.cache.path());
  BOOST_TEST(own.load(specs) == nullptr);
  const std::string message = firstMessage(specs);
  BOOST_TEST(message.find(own.dictionary + ":2:") == 0u, message);
  BOOST_TEST(message.find("QQ") != std::string::npos, message);
  BOOST_TEST(filesIn(own.stamps) == 2u);
}

BOOST_AUTO_TEST_CASE(a_stamp_file_that_does_not_vouch_for_its_own_name_is_not_trusted) {
  OwnDefinitions own;
  own.writeDictionary("QQ");
  const DefinitionStamps stamps(own.cache.path(), readFile(own.root.path() + "/xsd/edi-spec.xsd"));
  const std::string broken = readFile(own.dictionary);
  Poco::File(own.stamps).createDirectories();
  Poco::FileOutputStream(stamps.stampPath(broken)) << "valid\n";
  BOOST_TEST(!stamps.holds(broken));
  SpecCatalog specs(own.root.path(), own.cache.path());
  BOOST_TEST(own.load(specs) == nullptr);
  BOOST_TEST(firstMessage(specs).find(own.dictionary + ":2:") == 0u, firstMessage(specs));
}

BOOST_AUTO_TEST_CASE(an_unwritable_cache_only_means_checking_every_time) {
  OwnDefinitions own;
  // A cache folder below a plain file cannot be created, whoever runs the test (root included).
  Poco::FileOutputStream(own.cache.path() + "/plain") << "not a folder";
  const std::string cache = own.cache.path() + "/plain/cache";
  {
    SpecCatalog specs(own.root.path(), cache);
    BOOST_TEST(own.load(specs) != nullptr);
    BOOST_TEST(specs.diagnostics().items().empty());
  }
  own.writeDictionary("QQ");
  SpecCatalog specs(own.root.path(), cache);
  BOOST_TEST(own.load(specs) == nullptr);
  BOOST_TEST(firstMessage(specs).find(own.dictionary + ":2:") == 0u, firstMessage(specs));
}

BOOST_AUTO_TEST_CASE(attribute_values_read_as_schema_validation_normalizes_them) {
  OwnDefinitions own;
  Poco::FileOutputStream(own.dictionary)
      << "<dictionary xmlns=\"urn:afterflow:edi-spec:1\" standard=\"x12\" version=\"009990\">\n"
         "  <element id=\" 1 \" name=\" One &amp;\n two \" type=\"  ID\" min=\"1 \" max=\" 2\"/>\n"
         "  <segment id=\"AB\" name=\"Ab\"><element ref=\"1  \" req=\" M\" repeat=\" unbounded \"/>"
         "<note kind=\"P\" positions=\" 1\n  1 \"/></segment>\n</dictionary>\n";
  for (int run = 0; run < 2; ++run) {  // checked, then stamped
    SpecCatalog specs(own.root.path(), own.cache.path());
    const SpecDirectory* directory = own.load(specs);
    BOOST_REQUIRE_MESSAGE(directory != nullptr, firstMessage(specs));
    // Tokens, lists and numbers lose their outer and repeated whitespace; free text keeps it,
    // with the line break an attribute value always turns into a space.
    const ElementDefinition& element = *directory->elements.at("1");
    BOOST_TEST((element.type == ElementType::identifier));
    BOOST_TEST(element.name == " One &  two ");
    BOOST_TEST(element.maxLength == 2u);
    const SegmentDefinition& segment = *directory->segments.at("AB");
    BOOST_TEST(segment.elements.at(0).element == &element);
    BOOST_TEST((segment.elements.at(0).requirement == Requirement::mandatory));
    BOOST_TEST(segment.elements.at(0).maxRepeat == kUnbounded);
    BOOST_TEST(segment.notes.at(0).positions == (std::vector<std::uint32_t>{1, 1}));
  }
  BOOST_TEST(filesIn(own.stamps) == 1u);
}

BOOST_AUTO_TEST_CASE(an_entity_in_a_shipped_definition_reads_as_its_character) {
  TemporaryFolder cache;
  SpecCatalog specs(catalog().schemasRoot(), cache.path());
  const SpecDirectory* directory = specs.directory(Standard::edifact, "D96A");
  BOOST_REQUIRE(directory != nullptr);
  BOOST_TEST(directory->composites.at("C210")->name == "Marks & labels");
}

BOOST_AUTO_TEST_SUITE_END()
