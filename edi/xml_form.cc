#include "edi/xml_form.h"

#include "edi/character_set.h"
#include "edi/reader.h"

#include <Poco/Exception.h>

#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include <memory>
#include <ostream>

namespace edi {
namespace {

const char* const kNamespace = "urn:afterflow:edi-xml:1";

const xmlChar* x(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

std::string toHex(std::string_view bytes) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string fromHex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

std::string unescape(std::string_view raw, char release) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (release && raw[i] == release && i + 1 < raw.size()) ++i;
    out += raw[i];
  }
  return out;
}

// XML 1.0 cannot carry most control characters, even escaped.
bool xmlSafe(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// EDI -> XML

int writeToStream(void* context, const char* buffer, int length) {
  static_cast<std::ostream*>(context)->write(buffer, length);
  return length;
}

int closeStream(void*) { return 0; }

class XmlWriter {
 public:
  explicit XmlWriter(std::ostream& out) {
    xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(writeToStream, closeStream, &out, nullptr);
    writer_ = xmlNewTextWriter(buffer);
    if (writer_ == nullptr) throw Poco::IOException("libxml2 cannot create an XML writer");
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, x("  "));
    xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", nullptr);
  }
  ~XmlWriter() { xmlFreeTextWriter(writer_); }
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(const char* name) { xmlTextWriterStartElement(writer_, x(name)); }
  void end() { xmlTextWriterEndElement(writer_); }
  void attribute(const char* name, const std::string& value) {
    xmlTextWriterWriteAttribute(writer_, x(name), x(value.c_str()));
  }
  void text(const std::string& value) { xmlTextWriterWriteString(writer_, x(value.c_str())); }
  void finish() {
    xmlTextWriterEndDocument(writer_);
    xmlTextWriterFlush(writer_);
  }

 private:
  xmlTextWriterPtr writer_;
};

class XmlExporter {
 public:
  XmlExporter(std::ostream& out) : xml_(out) {
    xml_.start("edi");
    xml_.attribute("xmlns", kNamespace);
  }

  // Each segment is written when the next one has been read: what follows the last segment of an
  // interchange is known only then.
  void segment(const Segment& segment, const Reader& reader) {
    if (segment.interchange() != interchange_) {
      closeInterchange(reader);
      interchange_ = segment.interchange();
      una_ = false;
    }
    if (segment.isServiceStringAdvice()) {
      una_ = true;
      return;
    }
    if (!open_ && pending_.empty()) {
      // The interchange's attributes need what only its second segment shows (the suffix).
      delimiters_ = reader.delimiters();
      standard_ = reader.standard();
      charsetId_ = standard_ == Standard::edifact ? std::string(splitValue(segment.element(1), delimiters_.component,
                                                                          delimiters_.release)[0])
                                                  : "";
    } else {
      if (!open_) openInterchange(reader.segmentSuffix());
      writeSegment(pending_, nullptr);
    }
    pending_ = copy(segment);
  }

  void finish(const Reader& reader) {
    closeInterchange(reader);
    xml_.end();
    xml_.finish();
  }

 private:
  using Copy = std::vector<std::string>;  // tag, then raw elements

  static Copy copy(const Segment& segment) {
    Copy out;
    for (std::size_t i = 0; i <= segment.elementCount(); ++i) out.emplace_back(segment.element(i));
    return out;
  }

  void openInterchange(const std::string& suffix) {
    suffix_ = suffix;
    xml_.start("interchange");
    xml_.attribute("standard", standard_ == Standard::x12 ? "x12" : "edifact");
    xml_.attribute("segment-terminator", toHex(delimiters_.segment));
    xml_.attribute("element-separator", toHex(std::string(1, delimiters_.element)));
    xml_.attribute("component-separator", toHex(std::string(1, delimiters_.component)));
    if (delimiters_.repetition) xml_.attribute("repetition-separator", toHex(std::string(1, delimiters_.repetition)));
    if (delimiters_.release) xml_.attribute("release-character", toHex(std::string(1, delimiters_.release)));
    if (standard_ == Standard::edifact) xml_.attribute("decimal-mark", toHex(std::string(1, delimiters_.decimal)));
    if (!suffix_.empty()) xml_.attribute("suffix", toHex(suffix_));
    if (una_) xml_.attribute("service-string-advice", "true");
    if (!charsetId_.empty()) xml_.attribute("charset", charsetId_);
    open_ = true;
    charset_ = std::make_unique<CharacterSet>(charsetId_);
  }

  // Writes the interchange's last segment and closes it. After a trailer, the reader knows what
  // followed it; a file without a final line break ends without one.
  void closeInterchange(const Reader& reader) {
    if (pending_.empty()) return;
    if (!open_) openInterchange("");  // a lone header: no second segment told the suffix
    const bool trailer = pending_[0] == (standard_ == Standard::x12 ? "IEA" : "UNZ");
    const std::string* after = trailer && reader.afterTrailer() != suffix_ ? &reader.afterTrailer() : nullptr;
    writeSegment(pending_, after);
    pending_.clear();
    xml_.end();
    open_ = false;
  }

  void writeValue(const char* element, std::string_view raw) {
    xml_.start(element);
    const std::string bytes = unescape(raw, delimiters_.release);
    std::string text;
    if (charset_->toUtf8(bytes, text) && xmlSafe(text)) {
      xml_.text(text);
    } else {
      xml_.attribute("hex", toHex(bytes));
    }
    xml_.end();
  }

  void writeParts(const char* element, std::string_view raw, char separator, const char* partName, bool nested) {
    const auto parts = splitValue(raw, separator, delimiters_.release);
    if (parts.size() < 2) {
      if (nested) {
        writeParts(element, raw, delimiters_.component, "c", false);
      } else {
        writeValue(element, raw);
      }
      return;
    }
    xml_.start(element);
    for (std::string_view part : parts) {
      if (nested) {
        writeParts(partName, part, delimiters_.component, "c", false);
      } else {
        writeValue(partName, part);
      }
    }
    xml_.end();
  }

  // `suffix`: what follows this segment's terminator, when not the interchange's suffix.
  void writeSegment(const Copy& segment, const std::string* suffix) {
    xml_.start("segment");
    xml_.attribute("tag", segment[0]);
    if (suffix != nullptr) xml_.attribute("suffix", toHex(*suffix));
    const bool isa = standard_ == Standard::x12 && segment[0] == "ISA";
    for (std::size_t i = 1; i < segment.size(); ++i) {
      const std::string& raw = segment[i];
      if (isa || raw.empty()) {
        writeValue("e", raw);  // ISA11 and ISA16 are delimiters themselves: never split
      } else if (delimiters_.repetition) {
        writeParts("e", raw, delimiters_.repetition, "r", true);
      } else {
        writeParts("e", raw, delimiters_.component, "c", false);
      }
    }
    xml_.end();
  }

  XmlWriter xml_;
  std::uint32_t interchange_ = 0;
  bool open_ = false, una_ = false;
  Copy pending_;        // the last segment read, not yet written
  std::string suffix_;  // of the open interchange
  Delimiters delimiters_;
  Standard standard_ = Standard::x12;
  std::string charsetId_;
  std::unique_ptr<CharacterSet> charset_;
};

// ---------------------------------------------------------------------------------------------
// XML -> EDI

std::string attribute(xmlNodePtr node, const char* name) {
  xmlChar* value = xmlGetProp(node, x(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string content(xmlNodePtr node) {
  std::string out;
  for (xmlNodePtr child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(child->content);
    }
  }
  return out;
}

bool named(xmlNodePtr node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, x(name)) == 0;
}

struct ReaderErrors {
  Diagnostics* diagnostics;
  std::string file;
  bool failed = false;
};

void onReaderError(void* context, const char* message, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
  auto* errors = static_cast<ReaderErrors*>(context);
  Location where;
  where.line = static_cast<std::uint32_t>(xmlTextReaderLocatorLineNumber(locator));
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  const bool warning = severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING;
  if (warning) {
    errors->diagnostics->warning("xml.warning", errors->file + ": " + text, where);
  } else {
    errors->failed = true;
    errors->diagnostics->error("xml.invalid", errors->file + ": " + text, where);
  }
}

class EdiImporter {
 public:
  EdiImporter(std::ostream& out, Diagnostics& diagnostics, const FromXmlOptions& options)
      : out_(out), diagnostics_(diagnostics), options_(options) {}

  bool ok() const { return ok_; }

  void startInterchange(xmlNodePtr node) {
    standard_ = attribute(node, "standard") == "x12" ? Standard::x12 : Standard::edifact;
    Delimiters d;
    d.segment = fromHex(attribute(node, "segment-terminator"));
    d.element = fromHex(attribute(node, "element-separator"))[0];
    d.component = fromHex(attribute(node, "component-separator"))[0];
    const std::string repetition = fromHex(attribute(node, "repetition-separator"));
    const std::string release = fromHex(attribute(node, "release-character"));
    const std::string decimal = fromHex(attribute(node, "decimal-mark"));
    d.repetition = repetition.empty() ? 0 : repetition[0];
    d.release = release.empty() ? 0 : release[0];
    d.decimal = decimal.empty() ? '.' : decimal[0];
    delimiters_ = options_.delimiters ? *options_.delimiters : d;
    suffix_ = fromHex(attribute(node, "suffix"));
    charset_ = std::make_unique<CharacterSet>(attribute(node, "charset"));
    line_ = static_cast<std::uint32_t>(xmlGetLineNo(node));
    // Without UNA a reader assumes ' + : ? . and, in syntax 4, '*' for repetitions.
    Delimiters syntax4 = Delimiters::edifactDefaults();
    syntax4.repetition = '*';
    const bool defaults = delimiters_ == Delimiters::edifactDefaults() || delimiters_ == syntax4;
    if (standard_ == Standard::edifact && (attribute(node, "service-string-advice") == "true" || !defaults)) {
      out_ << "UNA" << delimiters_.component << delimiters_.element << delimiters_.decimal
           << (delimiters_.release ? delimiters_.release : ' ') << (delimiters_.repetition ? delimiters_.repetition : ' ')
           << delimiters_.segment << suffix_;
    }
  }

  void segment(xmlNodePtr node) {
    const std::string tag = attribute(node, "tag");
    line_ = static_cast<std::uint32_t>(xmlGetLineNo(node));
    std::string text = tag;
    std::size_t position = 0;
    for (xmlNodePtr e = node->children; e; e = e->next) {
      if (!named(e, "e")) continue;
      ++position;
      text += delimiters_.element;
      if (standard_ == Standard::x12 && tag == "ISA") {
        // Fixed fields; ISA11 (5010 and later) and ISA16 are the delimiters themselves.
        std::string value = valueOf(e);
        if (position == 16) value = std::string(1, delimiters_.component);
        if (position == 11 && options_.delimiters && delimiters_.repetition) value = std::string(1, delimiters_.repetition);
        text += value;
        continue;
      }
      text += element(e, tag, position);
    }
    // A segment's own suffix: the last of an interchange that did not end like its other segments.
    if (xmlHasProp(node, x("suffix")) != nullptr) {
      out_ << text << delimiters_.segment << fromHex(attribute(node, "suffix"));
    } else {
      out_ << text << delimiters_.segment << suffix_;
    }
  }

 private:
  // The bytes of a value node: its hex attribute, or its text encoded in the interchange's set.
  std::string valueOf(xmlNodePtr node) {
    const std::string hex = attribute(node, "hex");
    if (!hex.empty()) return fromHex(hex);
    std::string bytes;
    if (!charset_->fromUtf8(content(node), bytes)) {
      fail("a value has characters the character set " + charset_->encoding() + " cannot hold");
    }
    return bytes;
  }

  std::string escaped(const std::string& bytes, const std::string& tag, std::size_t position) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      const bool special = c == delimiters_.element || c == delimiters_.component ||
                           (delimiters_.repetition && c == delimiters_.repetition) ||
                           bytes.compare(i, delimiters_.segment.size(), delimiters_.segment) == 0 ||
                           (delimiters_.release && c == delimiters_.release);
      if (special) {
        if (!delimiters_.release) {
          fail(tag + (position < 10 ? "0" : "") + std::to_string(position) + " holds '" + std::string(1, c) +
               "', a delimiter, and X12 has no release character; choose other delimiters");
        } else {
          out += delimiters_.release;
        }
      }
      out += c;
    }
    return out;
  }

  std::string parts(xmlNodePtr node, const char* partName, char separator, const std::string& tag, std::size_t position) {
    std::string out;
    bool first = true;
    bool any = false;
    for (xmlNodePtr child = node->children; child; child = child->next) {
      if (!named(child, partName)) continue;
      any = true;
      if (!first) out += separator;
      first = false;
      out += std::string(partName) == "r" ? parts(child, "c", delimiters_.component, tag, position)
                                          : escaped(valueOf(child), tag, position);
    }
    return any ? out : escaped(valueOf(node), tag, position);
  }

  std::string element(xmlNodePtr e, const std::string& tag, std::size_t position) {
    for (xmlNodePtr child = e->children; child; child = child->next) {
      if (named(child, "r")) return parts(e, "r", delimiters_.repetition, tag, position);
      if (named(child, "c")) return parts(e, "c", delimiters_.component, tag, position);
    }
    return escaped(valueOf(e), tag, position);
  }

  void fail(const std::string& message) {
    Location where;
    where.line = line_;
    diagnostics_.error("xml.unwritable", message, where);
    ok_ = false;
  }

  std::ostream& out_;
  Diagnostics& diagnostics_;
  const FromXmlOptions& options_;
  Standard standard_ = Standard::x12;
  Delimiters delimiters_;
  std::string suffix_;
  std::unique_ptr<CharacterSet> charset_;
  std::uint32_t line_ = 0;
  bool ok_ = true;
};

}  // namespace

void writeXml(ByteSource& source, std::ostream& out, Diagnostics& diagnostics) {
  Reader reader(source, diagnostics);
  XmlExporter exporter(out);
  Segment segment;
  while (reader.next(segment)) exporter.segment(segment, reader);
  exporter.finish(reader);
}

bool readXml(const std::string& xmlPath, std::ostream& out, Diagnostics& diagnostics, const FromXmlOptions& options) {
  // No network, no entity expansion: the XML is data from outside.
  xmlTextReaderPtr reader = xmlReaderForFile(xmlPath.c_str(), nullptr, XML_PARSE_NONET);
  if (reader == nullptr) throw Poco::OpenFileException(xmlPath);
  ReaderErrors errors{&diagnostics, xmlPath};
  xmlTextReaderSetErrorHandler(reader, onReaderError, &errors);
  if (!options.xsdPath.empty() && xmlTextReaderSchemaValidate(reader, options.xsdPath.c_str()) != 0) {
    xmlFreeTextReader(reader);
    throw Poco::FileException("cannot load the XML schema " + options.xsdPath);
  }
  EdiImporter importer(out, diagnostics, options);
  int status = xmlTextReaderRead(reader);
  while (status == 1) {
    const int type = xmlTextReaderNodeType(reader);
    const xmlChar* name = xmlTextReaderConstLocalName(reader);
    if (type == XML_READER_TYPE_ELEMENT && xmlStrcmp(name, x("interchange")) == 0) {
      // Attributes only: the interchange's segments are read one at a time below.
      xmlNodePtr node = xmlTextReaderCurrentNode(reader);
      importer.startInterchange(node);
      status = xmlTextReaderRead(reader);
      continue;
    }
    if (type == XML_READER_TYPE_ELEMENT && xmlStrcmp(name, x("segment")) == 0) {
      xmlNodePtr node = xmlTextReaderExpand(reader);
      if (node == nullptr) break;
      importer.segment(node);
      status = xmlTextReaderNext(reader);
      continue;
    }
    status = xmlTextReaderRead(reader);
  }
  if (status < 0 && !errors.failed) {
    diagnostics.error("xml.invalid", xmlPath + ": the XML cannot be read to its end", {});
    errors.failed = true;
  }
  xmlFreeTextReader(reader);
  return !errors.failed && importer.ok();
}

Delimiters parseDelimiters(const std::string& text, Standard standard) {
  const std::size_t expected = standard == Standard::x12 ? 4 : 5;
  if (text.size() != expected) {
    throw Poco::InvalidArgumentException(standard == Standard::x12
                                             ? "X12 delimiters are 4 characters: element, component, repetition, "
                                               "terminator (e.g. \"*>^~\")"
                                             : "EDIFACT delimiters are 5 characters: element, component, repetition, "
                                               "terminator, release (e.g. \"+:*'?\")");
  }
  Delimiters d = standard == Standard::x12 ? Delimiters::x12Defaults() : Delimiters::edifactDefaults();
  d.element = text[0];
  d.component = text[1];
  d.repetition = text[2] == ' ' ? 0 : text[2];
  d.segment = std::string(1, text[3]);
  d.release = standard == Standard::edifact && text[4] != ' ' ? text[4] : 0;
  return d;
}

}  // namespace edi
