#include "pos_import/edi_sales_reader.h"

#include "crm/sales_ledger.h"
#include "edi/byte_source.h"
#include "edi/diagnostic.h"
#include "edi/file_check.h"
#include "edi/reader.h"
#include "edi/segment.h"
#include "edi/text_decoder.h"
#include "pos_import/pos_values.h"

#include <limits>
#include <set>
#include <vector>

namespace pos_import {
namespace {

// Element `element`, component `component` (1-based), release characters removed.
std::string value(const edi::Segment& segment, const edi::Delimiters& delimiters, std::size_t element,
                  std::size_t component = 1) {
  const char release = segment.hasRelease() ? delimiters.release : '\0';
  edi::PartCursor parts(segment.element(element), delimiters.component, release);
  std::string_view part;
  for (std::size_t i = 0; i < component; ++i) {
    if (parts.done() && i > 0) return {};
    part = parts.next();
  }
  std::string out;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (release && part[i] == release && i + 1 < part.size()) ++i;
    out += part[i];
  }
  return std::string(trim(out));
}

std::string where(const edi::Segment& segment) {
  return "segment " + std::to_string(segment.index()) + " " + std::string(segment.tag()) + " (line " +
         std::to_string(segment.line()) + ", interchange " + std::to_string(segment.interchange()) + ")";
}

// Adds a segment as the file holds it (terminator included) to a reject's raw text, a line per
// segment, until the text is past kMaxRawKept (the sink cuts it there and says so).
void appendSegment(std::string& raw, const edi::Segment& segment, const edi::Delimiters& delimiters) {
  if (raw.size() > kMaxRawKept) return;
  if (!raw.empty()) raw += '\n';
  raw.append(segment.text());
  raw.append(delimiters.segment);
}

std::string segmentText(const edi::Segment& segment, const edi::Delimiters& delimiters) {
  std::string raw;
  appendSegment(raw, segment, delimiters);
  return raw;
}

std::string locationOf(const edi::Location& w) {
  std::string out = w.line ? "line " + std::to_string(w.line) : "offset " + std::to_string(w.offset);
  if (w.interchange) out += ", interchange " + std::to_string(w.interchange);
  if (w.message) out += ", message " + std::to_string(w.message);
  if (w.segment) out += ", segment " + std::to_string(w.segment) + (w.tag.empty() ? "" : " " + w.tag);
  if (w.element) out += ", element " + std::to_string(w.element);
  return out;
}

std::optional<std::int64_t> cents(const std::string& text, char decimal) { return parseCents(text, decimal == ','); }

// Shared by both message types: one sale per store and product of a report.
class ReportSales {
 public:
  ReportSales(SaleSink& sink, const edi::TextDecoder& text, const char* prefix, const char* format)
      : sink_(sink), text_(text), prefix_(prefix), format_(format) {}

  // The values are as the message holds them; their text is decoded here, once per sale. `raw`
  // is the segment that gave the quantity, kept if the sale is rejected.
  void emit(const std::string& at, const std::string& raw, const std::string& sender, const std::string& store,
            const std::string& period, const std::string& day, const std::string& sku, double quantity,
            std::optional<std::int64_t> unitPrice, std::optional<std::int64_t> amount, const std::string& currency,
            const std::string& description) {
    if (store.empty()) return reject(at, "no store: the report names no location for this quantity", raw);
    if (sku.empty()) return reject(at, "no item number for this quantity", raw);
    if (day.empty()) return reject(at, "no reporting date or period in the message", raw);
    if (quantity == 0) return sink_.skipped();  // nothing sold: a zero line is no transaction
    crm::Sale sale;
    const std::string storeCode = text_.decode(store), skuText = text_.decode(sku);
    sale.sourceKey = std::string(prefix_) + text_.decode(sender) + "|" + storeCode + "|" + text_.decode(period) + "|" +
                     skuText;
    sale.sourceFormat = format_;
    sale.storeCode = storeCode;
    sale.businessDay = day;
    sale.occurredAt = day + "T00:00:00.000Z";
    sale.currency = currency.empty() ? "EUR" : text_.decode(currency);
    crm::SaleLine line;
    line.sku = skuText;
    if (!description.empty()) line.description = text_.decode(description);
    line.quantity = quantity;
    line.unitPriceCents = unitPrice;
    if (amount) {
      line.amountCents = *amount;
    } else if (unitPrice) {
      const auto computed = amountCents(*unitPrice, quantity);
      if (!computed) return reject(at, "quantity times price is beyond any amount", raw);
      line.amountCents = *computed;
    }
    if (quantity < 0 && line.amountCents > 0) line.amountCents = -line.amountCents;
    sale.kind = quantity < 0 ? "return" : "sale";
    sale.totalCents = line.amountCents;
    sale.lines.push_back(std::move(line));
    if (auto refusal = crm::checkSale(sale)) return reject(at, "refused: " + *refusal, raw);
    sink_.sale(std::move(sale), at);
  }

 private:
  void reject(const std::string& at, const std::string& reason, const std::string& raw) {
    std::string readable = text_.decode(raw);  // an SLSRPT in UNOC is Latin-1
    if (readable == raw) readable.clear();
    sink_.reject({at, reason, raw, std::move(readable)});
  }

  SaleSink& sink_;
  const edi::TextDecoder& text_;
  const char* prefix_;
  const char* format_;
};

// X12 852: XQ gives the period, N1 the reporting location, LIN the item (SK/VN/IN/UP), CTP its
// price, ZA*QS the quantity sold, SDQ the quantities sold per store when the report covers several.
class Reader852 {
 public:
  Reader852(SaleSink& sink, const edi::TextDecoder& text) : sales_(sink, text, "852:", "x12-852") {}

  void segment(const edi::Segment& s, const edi::Delimiters& d) {
    const std::string_view tag = s.tag();
    if (tag != "ZA" && tag != "SDQ") flushTotal();
    if (tag == "ISA") {
      sender_ = std::string(trim(s.element(6)));
    } else if (tag == "ST") {
      start_.clear();
      end_.clear();
      store_.clear();
      storeQualifier_.clear();
      activity_.clear();
    } else if (tag == "XQ") {
      start_ = dayFromCompact(value(s, d, 2)).value_or("");
      end_ = dayFromCompact(value(s, d, 3)).value_or(start_);
    } else if (tag == "N1") {
      // The reporting location (RL) wins over other parties the message names.
      const std::string code = value(s, d, 1);
      const std::string id = value(s, d, 4);
      if (!id.empty() && (store_.empty() || code == "RL") && storeQualifier_ != "RL") {
        store_ = id;
        storeQualifier_ = code;
      }
    } else if (tag == "LIN") {
      sku_.clear();
      price_.reset();
      activity_.clear();
      int best = 99;
      for (std::size_t e = 2; e + 1 <= s.elementCount(); e += 2) {
        static const std::string kPreference[] = {"SK", "VN", "IN", "BP", "VP", "UP", "EN", "UK"};
        const std::string qualifier = value(s, d, e), id = value(s, d, e + 1);
        for (int rank = 0; rank < 8; ++rank) {
          if (qualifier == kPreference[rank] && rank < best && !id.empty()) {
            best = rank;
            sku_ = id;
          }
        }
      }
    } else if (tag == "CTP" && !price_) {
      const std::string price = value(s, d, 3);
      if (!price.empty()) price_ = cents(price, '.');
    } else if (tag == "ZA") {
      flushTotal();
      activity_ = value(s, d, 1);
      const std::string quantity = value(s, d, 2);
      // ZA02 is the total; SDQ segments after it, if any, split it by store and replace it.
      if (activity_ == "QS" && !quantity.empty()) {
        pendingTotal_ = {quantity, s.index(), s.line(), s.interchange(), segmentText(s, d)};
      }
    } else if (tag == "SDQ" && activity_ == "QS") {
      pendingTotal_.reset();
      for (std::size_t e = 3; e + 1 <= s.elementCount(); e += 2) {
        const std::string location = value(s, d, e), quantity = value(s, d, e + 1);
        if (!location.empty() && !quantity.empty()) emit(where(s), segmentText(s, d), location, quantity);
      }
    }
  }

 private:
  struct PendingTotal {
    std::string quantity;
    std::uint64_t index;
    std::uint32_t line, interchange;
    std::string raw;
  };

  void flushTotal() {
    if (!pendingTotal_) return;
    const PendingTotal total = *pendingTotal_;
    pendingTotal_.reset();
    const std::string location = "segment " + std::to_string(total.index) + " ZA (line " + std::to_string(total.line) +
                                 ", interchange " + std::to_string(total.interchange) + ")";
    emit(location, total.raw, store_, total.quantity);
  }

  void emit(const std::string& location, const std::string& raw, const std::string& store,
            const std::string& quantityText) {
    const auto quantity = parseQuantity(quantityText, false);
    if (!quantity) return;  // the validator has checked the numeric type
    sales_.emit(location, raw, sender_, store, start_ + "-" + end_, end_, sku_, *quantity, price_, std::nullopt, "USD",
                "");
  }

  std::optional<PendingTotal> pendingTotal_;

  ReportSales sales_;
  std::string sender_, start_, end_, store_, storeQualifier_, sku_, activity_;
  std::optional<std::int64_t> price_;
};

// EANCOM SLSRPT: DTM the period, CUX the currency, LOC (SG5) the store, LIN/PIA the item, PRI
// and MOA its price and amount, QTY+153 the quantity sold (negative: returned).
class ReaderSlsrpt {
 public:
  ReaderSlsrpt(SaleSink& sink, const edi::TextDecoder& text) : sales_(sink, text, "slsrpt:", "slsrpt") {}

  void segment(const edi::Segment& s, const edi::Delimiters& d) {
    const std::string_view tag = s.tag();
    if (tag == "UNB") {
      sender_ = value(s, d, 2, 1);
    } else if (tag == "UNH") {
      headerDay_.clear();
      headerPeriod_.clear();
      currency_.clear();
      store_.clear();
      inLocation_ = false;
    } else if (tag == "DTM") {
      const std::string qualifier = value(s, d, 1, 1), text = value(s, d, 1, 2), format = value(s, d, 1, 3);
      std::string day, period = text;
      if (format == "718" && text.size() == 17) {
        day = dayFromCompact(text.substr(9)).value_or("");
      } else if (text.size() >= 8) {
        day = dayFromCompact(text.substr(0, 8)).value_or("");
      }
      if (day.empty()) return;
      if (inLocation_) {
        locationDay_ = day;
        locationPeriod_ = period;
      } else if (qualifier != "137" || headerDay_.empty()) {  // a sales period beats the document date
        headerDay_ = day;
        headerPeriod_ = period;
      }
    } else if (tag == "CUX") {
      currency_ = value(s, d, 1, 2);
    } else if (tag == "LOC") {
      store_ = value(s, d, 2, 1);
      inLocation_ = true;
      locationDay_.clear();
      locationPeriod_.clear();
    } else if (tag == "LIN") {
      sku_ = value(s, d, 3, 1);
      itemIsGtin_ = true;
      price_.reset();
      amount_.reset();
      description_.clear();
    } else if (tag == "PIA" && itemIsGtin_) {
      // The supplier's or buyer's article number is the SKU the catalog knows; the GTIN is not.
      for (std::size_t e = 2; e <= s.elementCount(); ++e) {
        const std::string id = value(s, d, e, 1), type = value(s, d, e, 2);
        if (!id.empty() && (type == "SA" || type == "IN")) {
          sku_ = id;
          itemIsGtin_ = false;
          break;
        }
      }
    } else if (tag == "IMD") {
      description_ = value(s, d, 3, 4);
    } else if (tag == "PRI") {
      const std::string price = value(s, d, 1, 2);
      if (!price.empty()) price_ = cents(price, d.decimal);
    } else if (tag == "MOA") {
      const std::string amount = value(s, d, 1, 2);
      if (!amount.empty()) amount_ = cents(amount, d.decimal);
    } else if (tag == "QTY" && value(s, d, 1, 1) == "153") {
      const auto quantity = parseQuantity(value(s, d, 1, 2), d.decimal == ',');
      if (!quantity) return;
      const std::string day = locationDay_.empty() ? headerDay_ : locationDay_;
      const std::string period = locationPeriod_.empty() ? headerPeriod_ : locationPeriod_;
      sales_.emit(where(s), segmentText(s, d), sender_, store_, period, day, sku_, *quantity, price_, amount_,
                  currency_, description_);
    }
  }

 private:
  ReportSales sales_;
  std::string sender_, headerDay_, headerPeriod_, currency_, store_, locationDay_, locationPeriod_, sku_, description_;
  bool inLocation_ = false, itemIsGtin_ = true;
  std::optional<std::int64_t> price_, amount_;
};

// The segments the errors of invalid interchanges point at, read from the file again (only when
// there are such errors): the segment an error names; for an error at a message's trailer (its
// segment count, its control number, a missing segment) the message up to it; for an error that
// names no segment the whole interchange.
class ErrorSegments {
 public:
  void want(std::size_t reject, const edi::Location& at) {
    if (at.interchange == 0) return;  // outside any interchange: no segment to name
    Range range{reject, at.interchange, 1, std::numeric_limits<std::uint64_t>::max()};
    if (at.segment != 0) {
      range.first = range.last = at.segment;
      // A trailer's values (segment count, control number) are about the whole message.
      const bool trailer = at.tag == "SE" || at.tag == "UNT";
      if (trailer && at.segmentInMessage > 0 && at.segment >= at.segmentInMessage) {
        range.first = at.segment - at.segmentInMessage + 1;
      }
    }
    ranges_.push_back(range);
  }

  void fill(const std::string& path, std::vector<Reject>& rejects) const {
    if (ranges_.empty()) return;
    edi::FileByteSource source(path);
    edi::Diagnostics diagnostics(64);
    edi::Reader reader(source, diagnostics);
    edi::Segment segment;
    while (reader.next(segment)) {
      for (const Range& r : ranges_) {
        if (segment.interchange() == r.interchange && segment.index() >= r.first && segment.index() <= r.last) {
          appendSegment(rejects[r.reject].raw, segment, reader.delimiters());
        }
      }
    }
  }

 private:
  struct Range {
    std::size_t reject;
    std::uint32_t interchange;
    std::uint64_t first, last;
  };
  std::vector<Range> ranges_;
};

// Refuses every interchange the validator finds an error in (each error a reject with its
// segments); returns the refused interchanges, 0 among them when nothing of the file can be trusted.
std::set<std::uint32_t> refuseInvalidInterchanges(const std::string& path, edi::SpecCatalog& catalog, SaleSink& sink) {
  std::set<std::uint32_t> invalid;
  edi::FileByteSource source(path);
  edi::Diagnostics diagnostics;
  edi::checkInterchanges(source, catalog, diagnostics);
  for (const edi::Diagnostic& d : catalog.diagnostics().items()) {
    if (d.severity == edi::Severity::error) diagnostics.add(d);
  }
  std::vector<Reject> rejects;
  ErrorSegments segments;
  for (const edi::Diagnostic& d : diagnostics.items()) {
    if (d.severity != edi::Severity::error) continue;
    invalid.insert(d.where.interchange);
    segments.want(rejects.size(), d.where);
    rejects.push_back(
        {locationOf(d.where), "invalid interchange, not imported: [" + d.code + "] " + d.message, "", ""});
  }
  segments.fill(path, rejects);
  for (Reject& reject : rejects) sink.reject(std::move(reject));
  // Beyond the diagnostics kept, errors are only counted: the interchange is still refused.
  if (diagnostics.droppedCount() > 0 && invalid.empty()) invalid.insert(0);
  return invalid;
}

}  // namespace

void readEdiSales(const std::string& path, PosFormat format, edi::SpecCatalog& catalog, SaleSink& sink) {
  const std::set<std::uint32_t> invalid = refuseInvalidInterchanges(path, catalog, sink);
  if (invalid.count(0)) return;  // an error outside any interchange: nothing can be trusted
  edi::FileByteSource source(path);
  edi::Diagnostics diagnostics(64);
  edi::Reader reader(source, diagnostics);
  edi::Segment segment;
  edi::TextDecoder text;
  Reader852 x12(sink, text);
  ReaderSlsrpt edifact(sink, text);
  // A message of another type in the same file is no sales data: one reject per message, with
  // its segments, handed over at its trailer (or whatever ends it).
  std::optional<Reject> wrongType;
  const auto refuseWrongType = [&] {
    if (wrongType) sink.reject(std::move(*wrongType));
    wrongType.reset();
  };
  while (reader.next(segment)) {
    if (segment.isServiceStringAdvice() || invalid.count(segment.interchange())) continue;
    const std::string_view tag = segment.tag();
    if (tag == "ISA" || tag == "UNB") {
      refuseWrongType();
      text.startInterchange(segment, reader.delimiters());
    }
    if (tag == "ST" || tag == "UNH") {
      refuseWrongType();
      const std::string type = tag == "ST" ? std::string(segment.element(1)) : value(segment, reader.delimiters(), 2, 1);
      if (type != (format == PosFormat::x12_852 ? "852" : "SLSRPT")) {
        wrongType = Reject{where(segment), "message type " + type + " carries no sales data", "", ""};
      }
    }
    if (wrongType) {
      appendSegment(wrongType->raw, segment, reader.delimiters());
      if (tag == "SE" || tag == "UNT") refuseWrongType();
      continue;
    }
    if (format == PosFormat::x12_852) {
      x12.segment(segment, reader.delimiters());
    } else {
      edifact.segment(segment, reader.delimiters());
    }
    if (segment.index() % 1024 == 0) sink.progress(segment.offset());
  }
  refuseWrongType();
}

}  // namespace pos_import
