#include "edi/spec_catalog.h"

#include "edi/definition_reader.h"
#include "edi/definition_schema_check.h"
#include "edi/definition_stamps.h"

#include <Poco/DirectoryIterator.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <optional>

namespace edi {
namespace {

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

std::set<std::string, std::less<>> codesOf(const DefinitionElement& parent) {
  std::set<std::string, std::less<>> codes;
  for (const DefinitionElement& child : parent.children) {
    if (child.name == "code") codes.insert(child.attribute("value"));
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

// Loads directories: reads their files (checked against the schema unless stamped), then
// resolves references.
class DirectoryLoader {
 public:
  DirectoryLoader(std::string xsdPath, const std::string& cacheDir, Diagnostics& diagnostics)
      : diagnostics_(diagnostics), xsdPath_(std::move(xsdPath)) {
    schemaRead_ = readBytes(xsdPath_, xsd_);
    if (!schemaRead_) diagnostics_.error("spec.xsd", "cannot load the definition schema " + xsdPath_, {});
    stamps_.emplace(cacheDir, xsd_);
  }

  // `base`: a dictionary loaded first, whose definitions the folder's own may use (EDIFACT
  // messages take UNH, UNT and UNS from the service segments).
  std::unique_ptr<SpecDirectory> load(Standard standard, const std::string& version, const std::string& folder,
                                      const std::string& base) {
    if (!schemaRead_ || schemaFailed_) return nullptr;
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
  static bool readBytes(const std::string& file, std::string& bytes) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return false;
    // In one read of the file's size, rather than a character at a time.
    const std::streamoff size = in.tellg();
    if (size < 0) return false;
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<std::size_t>(in.gcount()) == bytes.size();
  }

  // The root element of a definition file, once its bytes are known to follow the schema: by a
  // stamp, or else by the schema check (whose pass is then stamped).
  std::optional<DefinitionElement> read(const std::string& file) {
    std::string bytes;
    if (!readBytes(file, bytes)) {
      diagnostics_.error("spec.invalid", file + ": cannot be read", {});
      return std::nullopt;
    }
    if (!stamps_->holds(bytes)) {
      if (check_ == nullptr) {
        check_ = DefinitionSchemaCheck::open(xsdPath_, xsd_, diagnostics_);
        if (check_ == nullptr) {
          schemaFailed_ = true;
          return std::nullopt;
        }
      }
      if (!check_->check(file, bytes, diagnostics_)) return std::nullopt;
      stamps_->add(bytes);
    }
    return readDefinition(file, bytes, diagnostics_);
  }

  void unresolved(const std::string& file, const std::string& what) {
    diagnostics_.error("spec.unresolved", file + ": " + what, {});
    ok_ = false;
  }

  ElementUse elementUse(const std::string& file, const DefinitionElement& use, const SpecDirectory& directory,
                        const std::string& owner) {
    ElementUse result;
    const std::string ref = use.attribute("ref");
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
    result.requirement = parseRequirement(use.attribute("req"));
    result.maxRepeat = parseMax(use.attribute("repeat"));
    result.name = use.attribute("name");
    result.codes = codesOf(use);
    result.validCodes = CodeSet(!result.codes.empty() ? result.codes
                                : result.element ? result.element->codes
                                                 : std::set<std::string, std::less<>>());
    return result;
  }

  std::vector<SyntaxNote> notesOf(const DefinitionElement& parent) {
    std::vector<SyntaxNote> notes;
    for (const DefinitionElement& child : parent.children) {
      if (child.name == "note") {
        const std::string kind = child.attribute("kind");
        SyntaxNote note{kind, noteKind(kind), parsePositions(child.attribute("positions")), 0, true, 0};
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
    const std::optional<DefinitionElement> root = read(file);
    if (!root) return false;
    ok_ = true;
    for (const DefinitionElement& child : root->children) {
      const std::string kind = child.name;
      const std::string id = child.attribute("id");
      if (kind == "element") {
        auto element = std::make_unique<ElementDefinition>();
        element->id = id;
        element->name = child.attribute("name");
        parseType(child.attribute("type"), *element);
        element->minLength = parseMax(child.attribute("min"));
        element->maxLength = parseMax(child.attribute("max"));
        element->codes = codesOf(child);
        directory.elements[id] = std::move(element);
      } else if (kind == "composite") {
        auto composite = std::make_unique<CompositeDefinition>();
        composite->id = id;
        composite->name = child.attribute("name");
        for (const DefinitionElement& part : child.children) {
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
        segment->name = child.attribute("name");
        for (const DefinitionElement& part : child.children) {
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

  void structure(const std::string& file, const DefinitionElement& parent, const SpecDirectory& directory,
                 StructureNode& node) {
    for (const DefinitionElement& child : parent.children) {
      StructureNode item;
      item.requirement = parseRequirement(child.attribute("req"));
      item.maxOccurs = parseMax(child.attribute("max"));
      if (child.name == "loop") {
        item.loopId = child.attribute("id");
        structure(file, child, directory, item);
      } else {
        const std::string ref = child.attribute("ref");
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
    const std::optional<DefinitionElement> root = read(file);
    if (!root) return false;
    ok_ = true;
    auto message = std::make_unique<MessageDefinition>();
    message->standard = directory.standard;
    message->version = root->attribute("version");
    message->id = root->attribute("id");
    message->name = root->attribute("name");
    message->functionalGroup = root->attribute("functional-group");
    message->agency = root->attribute("agency");
    message->release = root->attribute("release");
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
  std::string xsdPath_;
  std::string xsd_;
  bool schemaRead_ = false;
  bool schemaFailed_ = false;  // the plugin could not build the schema's grammar
  std::optional<DefinitionStamps> stamps_;
  // Opened on the first definition without a stamp: until then Xerces-C is not even loaded.
  std::unique_ptr<DefinitionSchemaCheck> check_;
  bool ok_ = true;
};

SpecCatalog::SpecCatalog(std::string schemasRoot) : SpecCatalog(std::move(schemasRoot), DefinitionStamps::defaultCacheDir()) {}

SpecCatalog::SpecCatalog(std::string schemasRoot, std::string cacheDir)
    : root_(std::move(schemasRoot)), cacheDir_(std::move(cacheDir)) {}

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
  if (loader_ == nullptr) loader_ = std::make_unique<DirectoryLoader>(root_ + "/xsd/edi-spec.xsd", cacheDir_, diagnostics_);
  return loader_->load(standard, version, folder, base);
}

}  // namespace edi
