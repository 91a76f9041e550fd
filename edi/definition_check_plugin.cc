// The definition check plugin: validates message definition files against their XSD with
// Xerces-C. A module of its own, loaded by edi/definition_schema_check.cc only when a definition
// has no stamp from an earlier check, so that a process that reads stamped definitions never
// maps Xerces-C and the ~30 libraries it brings (their relocation was two thirds of start-up).
#include "edi/definition_check_abi.h"

#include <xercesc/framework/MemBufInputSource.hpp>
#include <xercesc/parsers/SAX2XMLReaderImpl.hpp>
#include <xercesc/sax/ErrorHandler.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/XMLEntityResolver.hpp>
#include <xercesc/util/XMLResourceIdentifier.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include <exception>
#include <mutex>
#include <string>

namespace {

namespace x = xercesc;

std::string text(const XMLCh* value) {
  if (value == nullptr) return {};
  // Messages are nearly all ASCII: copied as is, without Xerces' allocating transcoder.
  std::string out;
  for (const XMLCh* c = value; *c != 0; ++c) {
    if (*c >= 0x80) {
      char* transcoded = x::XMLString::transcode(value);
      out = transcoded;
      x::XMLString::release(&transcoded);
      return out;
    }
    out += static_cast<char>(*c);
  }
  return out;
}

class XmlName {
 public:
  explicit XmlName(const char* name) : value_(x::XMLString::transcode(name)) {}
  ~XmlName() { x::XMLString::release(&value_); }
  XmlName(const XmlName&) = delete;
  XmlName& operator=(const XmlName&) = delete;
  operator const XMLCh*() const { return value_; }

 private:
  XMLCh* value_;
};

// Passes Xerces' complaints to the library's callback.
class ForwardingErrorHandler : public x::ErrorHandler {
 public:
  ForwardingErrorHandler(afterflow_definition_problem problem, void* context) : problem_(problem), context_(context) {}
  void warning(const x::SAXParseException&) override {}
  void error(const x::SAXParseException& e) override { record(e); }
  void fatalError(const x::SAXParseException& e) override { record(e); }
  void resetErrors() override {}
  void report(unsigned long long line, unsigned long long column, const std::string& reason) {
    ++count_;
    problem_(context_, line, column, reason.c_str());
  }
  unsigned count() const { return count_; }

 private:
  void record(const x::SAXParseException& e) { report(e.getLineNumber(), e.getColumnNumber(), text(e.getMessage())); }
  afterflow_definition_problem problem_;
  void* context_;
  unsigned count_ = 0;
};

// Definitions never fetch anything from the network: only local files resolve.
class LocalOnlyResolver : public x::XMLEntityResolver {
 public:
  x::InputSource* resolveEntity(x::XMLResourceIdentifier* resource) override {
    const std::string id = text(resource->getSystemId());
    if (id.find("://") != std::string::npos) {
      throw x::SAXParseException(XmlName("network access refused"), nullptr, nullptr, 0, 0);
    }
    return nullptr;
  }
};

// Runs one Xerces call; what it throws (a refused network entity, an unreadable include) is
// reported as a problem, since nothing may cross the plugin's C interface.
template <typename Call>
void guarded(ForwardingErrorHandler& handler, Call call) {
  try {
    call();
  } catch (const x::SAXParseException& e) {
    handler.report(e.getLineNumber(), e.getColumnNumber(), text(e.getMessage()));
  } catch (const x::SAXException& e) {
    handler.report(0, 0, text(e.getMessage()));
  } catch (const x::XMLException& e) {
    handler.report(0, 0, text(e.getMessage()));
  } catch (const std::exception& e) {
    handler.report(0, 0, e.what());
  }
}

// One parser holding the definition schema's grammar: building the grammar again cost ~4.5M
// instructions per directory.
class Checker {
 public:
  Checker() {
    // Always validated against the schema, as the DOM parser did with Val_Always.
    parser_.setFeature(x::XMLUni::fgSAX2CoreValidation, true);
    parser_.setFeature(x::XMLUni::fgXercesDynamic, false);
    parser_.setFeature(x::XMLUni::fgSAX2CoreNameSpaces, true);
    parser_.setFeature(x::XMLUni::fgXercesSchema, true);
    parser_.setFeature(x::XMLUni::fgXercesSchemaFullChecking, true);
    parser_.setXMLEntityResolver(&resolver_);
  }

  bool loadGrammar(const char* xsdPath, const char* xsd, std::size_t size, ForwardingErrorHandler& handler) {
    x::MemBufInputSource source(reinterpret_cast<const XMLByte*>(xsd), size, xsdPath, false);
    bool loaded = false;
    parser_.setErrorHandler(&handler);
    guarded(handler, [&] { loaded = parser_.loadGrammar(source, x::Grammar::SchemaGrammarType, true) != nullptr; });
    parser_.setErrorHandler(nullptr);
    if (!loaded || handler.count() > 0) return false;
    parser_.setFeature(x::XMLUni::fgXercesUseCachedGrammarInParse, true);
    parser_.setFeature(x::XMLUni::fgXercesLoadSchema, false);
    return true;
  }

  unsigned check(const char* path, const char* bytes, std::size_t size, ForwardingErrorHandler& handler) {
    x::MemBufInputSource source(reinterpret_cast<const XMLByte*>(bytes), size, path, false);
    parser_.setErrorHandler(&handler);
    guarded(handler, [&] { parser_.parse(source); });
    parser_.setErrorHandler(nullptr);
    return handler.count();
  }

 private:
  LocalOnlyResolver resolver_;
  x::SAX2XMLReaderImpl parser_;
};

void* openChecker(const char* xsdPath, const char* xsd, std::size_t xsdSize, afterflow_definition_problem problem,
                  void* context) {
  ForwardingErrorHandler handler(problem, context);
  Checker* checker = nullptr;
  guarded(handler, [&] {
    static std::once_flag once;
    // Xerces stays initialized for the life of the process: the plugin is never unloaded.
    std::call_once(once, [] { x::XMLPlatformUtils::Initialize(); });
    checker = new Checker();
    if (!checker->loadGrammar(xsdPath, xsd, xsdSize, handler)) {
      delete checker;
      checker = nullptr;
    }
  });
  if (checker == nullptr && handler.count() == 0) handler.report(0, 0, "the schema could not be loaded");
  return checker;
}

unsigned checkDefinition(void* checker, const char* path, const char* bytes, std::size_t size,
                         afterflow_definition_problem problem, void* context) {
  ForwardingErrorHandler handler(problem, context);
  return static_cast<Checker*>(checker)->check(path, bytes, size, handler);
}

void closeChecker(void* checker) { delete static_cast<Checker*>(checker); }

}  // namespace

extern "C" __attribute__((visibility("default"))) const afterflow_definition_check_api* afterflow_definition_check() {
  static const afterflow_definition_check_api api{kAfterflowDefinitionCheckVersion, &openChecker, &checkDefinition,
                                                  &closeChecker};
  return &api;
}
