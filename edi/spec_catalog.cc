#include "edi/spec_catalog.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <xercesc/parsers/SAX2XMLReaderImpl.hpp>
#include <xercesc/sax/ErrorHandler.hpp>
#include <xercesc/sax/SAXParseException.hpp>
#include <xercesc/sax2/Attributes.hpp>
#include <xercesc/sax2/ContentHandler.hpp>
#include <xercesc/sax2/DefaultHandler.hpp>
#include <xercesc/util/PlatformUtils.hpp>
#include <xercesc/util/XMLEntityResolver.hpp>
#include <xercesc/util/XMLString.hpp>
#include <xercesc/util/XMLResourceIdentifier.hpp>
#include <xercesc/validators/common/Grammar.hpp>

#include <algorithm>
#include <charconv>

namespace edi {
namespace {

namespace x = xercesc;

std::string text(const XMLCh* value) {
  if (value == nullptr) return {};
  // Definitions are nearly all ASCII: copied as is, without Xerces' allocating transcoder.
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

// An element of a definition file as the loader needs it: name, attributes, child elements (the
// files hold no text). Built from SAX2 events: Xerces' DOM cost more to build (a dynamic_cast
// per node) than parsing and validating the file did.
struct XmlElement {
  std::string name;  // local name
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
};

std::string attribute(const XmlElement& element, std::string_view name) {
  for (const auto& [key, value] : element.attributes) {
    if (key == name) return value;
  }
  return {};
}

// Builds the XmlElement tree of one document; what is wrong goes to the error handler.
class TreeBuilder : public x::DefaultHandler {
 public:
  void startDocument() override {
    root_ = XmlElement();
    open_.clear();
  }
  void startElement(const XMLCh* const, const XMLCh* const localName, const XMLCh* const,
                    const x::Attributes& attributes) override {
    // A parent's children grow only while it is the innermost open element, so the pointers to
    // the elements still open stay valid.
    XmlElement& element = open_.empty() ? root_ : open_.back()->children.emplace_back();
    element.name = text(localName);
    const XMLSize_t count = attributes.getLength();
    element.attributes.reserve(count);
    for (XMLSize_t i = 0; i < count; ++i) {
      element.attributes.emplace_back(text(attributes.getQName(i)), text(attributes.getValue(i)));
    }
    open_.push_back(&element);
  }
  void endElement(const XMLCh* const, const XMLCh* const, const XMLCh* const) override { open_.pop_back(); }

  const XmlElement& root() const { return root_; }

 private:
  XmlElement root_;
  std::vector<XmlElement*> open_;
};

// Collects Xerces' complaints as diagnostics with file, line and column.
class CollectingErrorHandler : public x::ErrorHandler {
 public:
  CollectingErrorHandler(Diagnostics& diagnostics, std::string file) : diagnostics_(diagnostics), file_(std::move(file)) {}
  void warning(const x::SAXParseException&) override {}
  void error(const x::SAXParseException& e) override { record(e); }
  void fatalError(const x::SAXParseException& e) override { record(e); }
  void resetErrors() override { count_ = 0; }
  int count() const { return count_; }

 private:
  void record(const x::SAXParseException& e) {
    ++count_;
    Location where;
    where.line = static_cast<std::uint32_t>(e.getLineNumber());
    diagnostics_.error("spec.invalid", file_ + ":" + std::to_string(e.getLineNumber()) + ":" +
                                           std::to_string(e.getColumnNumber()) + ": " + text(e.getMessage()),
                       where);
  }
  Diagnostics& diagnostics_;
  std::string file_;
  int count_ = 0;
};

// Definitions never fetch anything from the network: only local files resolve.
class LocalOnlyResolver : public x::XMLEntityResolver {
 public:
  x::InputSource* resolveEntity(x::XMLResourceIdentifier* resource) override {
    const std::string id = text(resource->getSystemId());
    if (id.find("://") != std::string::npos) {
      throw x::SAXParseException(XmlName("network access refused").operator const XMLCh*(), nullptr, nullptr, 0, 0);
    }
    return nullptr;
  }
};

void initializeXerces() {
  static std::once_flag once;
  // Xerces stays initialized for the life of the process; parsers are destroyed before exit.
  std::call_once(once, [] { x::XMLPlatformUtils::Initialize(); });
}

std::uint32_t parseMax(const std::string& value) {
  if (value.empty()) return 1;
  if (value == "unbounded") return kUnbounded;
  std::uint32_t number = 0;
  std::from_chars(value.data(), value.data() + value.size(), number);
  return number;
}

Requirement parseRequirement(const std::string& value) {
  if (value == "M") return Requirement::mandatory;
  if (value == "C") return Requirement::conditional;
  if (value == "X") return Requirement::relational;
  return Requirement::optional;
}

void parseType(const std::string& type, ElementDefinition& element) {
  if (type == "AN" || type == "an") {
    element.type = ElementType::alphanumeric;
  } else if (type == "ID") {
    element.type = ElementType::identifier;
  } else if (type == "a") {
    element.type = ElementType::alphabetic;
  } else if (type == "R") {
    element.type = ElementType::decimal;
  } else if (type == "DT") {
    element.type = ElementType::date;
  } else if (type == "TM") {
    element.type = ElementType::time;
  } else if (type == "B") {
    element.type = ElementType::binary;
  } else if (type == "n") {
    element.type = ElementType::decimal;  // EDIFACT numeric: digits with an optional decimal mark
  } else {
    element.type = ElementType::numeric;  // X12 N, N0..N9
    element.impliedDecimals = type.size() > 1 ? type[1] - '0' : 0;
  }
}

std::set<std::string, std::less<>> codesOf(const XmlElement& parent) {
  std::set<std::string, std::less<>> codes;
  for (const XmlElement& child : parent.children) {
    if (child.name == "code") codes.insert(attribute(child, "value"));
  }
  return codes;
}

std::vector<std::uint32_t> parsePositions(const std::string& list) {
  std::vector<std::uint32_t> positions;
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(' ', start);
    if (end == std::string::npos) end = list.size();
    std::uint32_t value = 0;
    std::from_chars(list.data() + start, list.data() + end, value);
    if (value) positions.push_back(value);
    start = end + 1;
  }
  return positions;
}

}  // namespace

// Loads directories: parses and validates their files, then resolves references.
class DirectoryLoader {
 public:
  DirectoryLoader(const std::string& xsd, Diagnostics& diagnostics) : diagnostics_(diagnostics) {
    // Always validated against the schema, as the DOM parser did with Val_Always.
    parser_.setFeature(x::XMLUni::fgSAX2CoreValidation, true);
    parser_.setFeature(x::XMLUni::fgXercesDynamic, false);
    parser_.setFeature(x::XMLUni::fgSAX2CoreNameSpaces, true);
    parser_.setFeature(x::XMLUni::fgXercesSchema, true);
    parser_.setFeature(x::XMLUni::fgXercesSchemaFullChecking, true);
    parser_.setXMLEntityResolver(&resolver_);
    parser_.setContentHandler(&builder_);
    grammarLoaded_ = parser_.loadGrammar(xsd.c_str(), x::Grammar::SchemaGrammarType, true) != nullptr;
    parser_.setFeature(x::XMLUni::fgXercesUseCachedGrammarInParse, true);
    parser_.setFeature(x::XMLUni::fgXercesLoadSchema, false);
    if (!grammarLoaded_) diagnostics_.error("spec.xsd", "cannot load the definition schema " + xsd, {});
  }

  // `base`: a dictionary loaded first, whose definitions the folder's own may use (EDIFACT
  // messages take UNH, UNT and UNS from the service segments).
  std::unique_ptr<SpecDirectory> load(Standard standard, const std::string& version, const std::string& folder,
                                      const std::string& base) {
    if (!grammarLoaded_) return nullptr;
    auto directory = std::make_unique<SpecDirectory>();
    directory->standard = standard;
    directory->version = version;
    if (!base.empty() && !loadDictionary(base, *directory)) return nullptr;
    const std::string dictionary = folder + "/dictionary.xml";
    if (!loadDictionary(dictionary, *directory)) return nullptr;
    std::vector<std::string> messageFiles;
    for (Poco::DirectoryIterator it(folder), end; it != end; ++it) {
      if (Poco::Path(it->path()).getExtension() == "xml" && it.name() != "dictionary.xml") messageFiles.push_back(it->path());
    }
    std::sort(messageFiles.begin(), messageFiles.end());
    for (const std::string& file : messageFiles) {
      if (!loadMessage(file, *directory)) return nullptr;
    }
    return directory;
  }

 private:
  const XmlElement* parse(const std::string& file, CollectingErrorHandler& handler) {
    parser_.setErrorHandler(&handler);
    parser_.parse(file.c_str());
    parser_.setErrorHandler(nullptr);
    if (handler.count() > 0) return nullptr;
    return &builder_.root();
  }

  void unresolved(const std::string& file, const std::string& what) {
    diagnostics_.error("spec.unresolved", file + ": " + what, {});
    ok_ = false;
  }

  ElementUse elementUse(const std::string& file, const XmlElement& use, const SpecDirectory& directory,
                        const std::string& owner) {
    ElementUse result;
    const std::string ref = attribute(use, "ref");
    if (use.name == "composite") {
      const auto found = directory.composites.find(ref);
      if (found == directory.composites.end()) {
        unresolved(file, owner + " uses composite " + ref + ", which the dictionary does not define");
      } else {
        result.composite = found->second.get();
      }
    } else {
      const auto found = directory.elements.find(ref);
      if (found == directory.elements.end()) {
        unresolved(file, owner + " uses element " + ref + ", which the dictionary does not define");
      } else {
        result.element = found->second.get();
      }
    }
    result.requirement = parseRequirement(attribute(use, "req"));
    result.maxRepeat = parseMax(attribute(use, "repeat"));
    result.name = attribute(use, "name");
    result.codes = codesOf(use);
    result.validCodes = CodeSet(!result.codes.empty() ? result.codes
                                : result.element ? result.element->codes
                                                 : std::set<std::string, std::less<>>());
    return result;
  }

  std::vector<SyntaxNote> notesOf(const XmlElement& parent) {
    std::vector<SyntaxNote> notes;
    for (const XmlElement& child : parent.children) {
      if (child.name == "note") {
        const std::string kind = attribute(child, "kind");
        SyntaxNote note{kind, noteKind(kind), parsePositions(attribute(child, "positions")), 0, true, 0};
        if (!note.positions.empty() && note.positions.front() < 64) note.firstMask = std::uint64_t(1) << note.positions.front();
        for (std::uint32_t p : note.positions) {
          if (p < 64) {
            note.mask |= std::uint64_t(1) << p;
          } else {
            note.maskComplete = false;
          }
        }
        notes.push_back(std::move(note));
      }
    }
    return notes;
  }

  bool loadDictionary(const std::string& file, SpecDirectory& directory) {
    if (!Poco::File(file).exists()) {
      diagnostics_.error("spec.missing", file + " does not exist", {});
      return false;
    }
    CollectingErrorHandler handler(diagnostics_, file);
    const XmlElement* root = parse(file, handler);
    if (root == nullptr) return false;
    ok_ = true;
    for (const XmlElement& child : root->children) {
      const std::string kind = child.name;
      const std::string id = attribute(child, "id");
      if (kind == "element") {
        auto element = std::make_unique<ElementDefinition>();
        element->id = id;
        element->name = attribute(child, "name");
        parseType(attribute(child, "type"), *element);
        element->minLength = parseMax(attribute(child, "min"));
        element->maxLength = parseMax(attribute(child, "max"));
        element->codes = codesOf(child);
        directory.elements[id] = std::move(element);
      } else if (kind == "composite") {
        auto composite = std::make_unique<CompositeDefinition>();
        composite->id = id;
        composite->name = attribute(child, "name");
        for (const XmlElement& part : child.children) {
          if (part.name == "component") composite->components.push_back(elementUse(file, part, directory, id));
        }
        composite->notes = notesOf(child);
        composite->checks = compileChecks(composite->components);
        for (std::uint32_t c = 1; c <= composite->components.size(); ++c) {
          if (composite->components[c - 1].requirement == Requirement::mandatory) composite->lastMandatory = c;
        }
        directory.composites[id] = std::move(composite);
      } else if (kind == "segment") {
        auto segment = std::make_unique<SegmentDefinition>();
        segment->id = id;
        segment->name = attribute(child, "name");
        for (const XmlElement& part : child.children) {
          const std::string partKind = part.name;
          if (partKind == "element" || partKind == "composite") {
            segment->elements.push_back(elementUse(file, part, directory, id));
          }
        }
        segment->notes = notesOf(child);
        for (std::uint32_t p = 1; p <= segment->elements.size(); ++p) {
          if (segment->elements[p - 1].requirement == Requirement::mandatory) segment->lastMandatory = p;
        }
        for (const SyntaxNote& note : segment->notes) {
          segment->notePositions |= note.mask;
          if (note.rule == NoteKind::required || note.rule == NoteKind::oneOrMore || note.rule == NoteKind::oneOnly) {
            segment->noteNeedsPresence = true;
          }
        }
        segment->checks = compileChecks(segment->elements);
        directory.segments[id] = std::move(segment);
      }
    }
    return ok_;
  }

  void structure(const std::string& file, const XmlElement& parent, const SpecDirectory& directory,
                 StructureNode& node) {
    for (const XmlElement& child : parent.children) {
      StructureNode item;
      item.requirement = parseRequirement(attribute(child, "req"));
      item.maxOccurs = parseMax(attribute(child, "max"));
      if (child.name == "loop") {
        item.loopId = attribute(child, "id");
        structure(file, child, directory, item);
      } else {
        const std::string ref = attribute(child, "ref");
        item.segment = directory.segment(ref);
        if (item.segment == nullptr) {
          unresolved(file, "segment " + ref + " is not in the dictionary");
          continue;
        }
      }
      node.children.push_back(std::move(item));
    }
  }

  // Sets the packed tags and collects the message's segment tags.
  static void finishNode(StructureNode& node, std::vector<std::string>& tags) {
    for (std::uint32_t i = 0; i < node.children.size(); ++i) {
      finishNode(node.children[i], tags);
      if (node.children[i].requirement == Requirement::mandatory) {
        node.mandatoryChildren.push_back(i);
        if (i < 64) node.mandatoryMask |= std::uint64_t(1) << i;
      }
    }
    if (!node.isLoop()) tags.push_back(node.segment->id);
    if (!node.isLoop() || !node.children.empty()) node.tagCode = packTag(node.tag());
    for (const StructureNode& child : node.children) node.childTags.push_back(child.tagCode);
  }

  bool loadMessage(const std::string& file, SpecDirectory& directory) {
    CollectingErrorHandler handler(diagnostics_, file);
    const XmlElement* root = parse(file, handler);
    if (root == nullptr) return false;
    ok_ = true;
    auto message = std::make_unique<MessageDefinition>();
    message->standard = directory.standard;
    message->version = attribute(*root, "version");
    message->id = attribute(*root, "id");
    message->name = attribute(*root, "name");
    message->functionalGroup = attribute(*root, "functional-group");
    message->agency = attribute(*root, "agency");
    message->release = attribute(*root, "release");
    // The message body is no loop: segments at its top level carry no loop id in acks.
    message->root.requirement = Requirement::mandatory;
    structure(file, *root, directory, message->root);
    finishNode(message->root, message->tags);
    std::sort(message->tags.begin(), message->tags.end());
    message->tags.erase(std::unique(message->tags.begin(), message->tags.end()), message->tags.end());
    directory.messages[message->id] = std::move(message);
    return ok_;
  }

  Diagnostics& diagnostics_;
  LocalOnlyResolver resolver_;
  TreeBuilder builder_;
  x::SAX2XMLReaderImpl parser_;
  bool grammarLoaded_ = false;
  bool ok_ = true;
};

SpecCatalog::SpecCatalog(std::string schemasRoot) : root_(std::move(schemasRoot)) { initializeXerces(); }

SpecCatalog::~SpecCatalog() = default;

std::string SpecCatalog::defaultSchemasRoot() {
  return Poco::Environment::get("AFTERFLOW_SCHEMAS", AFTERFLOW_SCHEMAS_DIR);
}

const SpecDirectory* SpecCatalog::directory(Standard standard, std::string_view version) {
  const std::string key = std::string(standard == Standard::x12 ? "x12/" : "edifact/") + std::string(version);
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = loaded_.find(key);
  if (found == loaded_.end()) found = loaded_.emplace(key, load(standard, std::string(version))).first;
  return found->second.get();
}

std::unique_ptr<SpecDirectory> SpecCatalog::load(Standard standard, const std::string& version) {
  // Versions name folders: refuse anything that could step outside schemas/edi.
  if (version.empty() || version.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") !=
                             std::string::npos) {
    return nullptr;
  }
  const std::string folder =
      root_ + "/edi/" + (standard == Standard::x12 ? "x12/" : "edifact/") + version;
  if (!Poco::File(folder).exists()) return nullptr;
  // Syntax 4's service segments are a superset of syntax 3's (new elements are conditional).
  const bool needsService = standard == Standard::edifact && version.rfind("syntax", 0) != 0;
  const std::string base = needsService ? root_ + "/edi/edifact/syntax4/dictionary.xml" : "";
  if (loader_ == nullptr) loader_ = std::make_unique<DirectoryLoader>(root_ + "/xsd/edi-spec.xsd", diagnostics_);
  return loader_->load(standard, version, folder, base);
}

}  // namespace edi
