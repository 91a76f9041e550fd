// Deterministic generator of large, valid EDI interchanges for the benchmarks (edi_bench, edi_compare.sh).
// Usage: edi_generate x12-856|edifact-iftsta [--mb N] [--out FILE] [--seed S]
//   x12-856:        one ISA/IEA; GS/GE groups of 500 ST 856 (004010) ship notices with HL S/O/P/I loops.
//   edifact-iftsta: UNA, then UNB (UNOC:3), IFTSTA D:96A:UN messages, UNZ: one interchange per 999,999 messages.
// Sizes are decimal megabytes (N * 1,000,000 bytes; the file ends at the first message boundary past it).
// Every segment terminator is followed by '\n'. Envelope counts and control numbers are exact.
// The output depends only on the arguments: the random stream is splitmix64 with a fixed default seed,
// and every number is formatted by hand (no std:: distributions, no floating point, no locale).
// Validity is defined by schemas/edi/x12/004010/856.xml and schemas/edi/edifact/D96A/IFTSTA.xml with
// their dictionaries; check with `afterflow edi validate FILE`.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64 (Steele, Lea, Flood 2014); same sequence on every platform.

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform-enough integer in [lo, hi] (modulo bias is irrelevant here and the result is reproducible).
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + next() % (hi - lo + 1); }
  // An index into a table of n entries.
  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // True with probability percent/100.
  bool chance(unsigned percent) { return next() % 100 < percent; }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Output: text appended to a buffer, written out in large blocks.

class Output {
 public:
  explicit Output(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) fail();
    buffer_.reserve(kBlock + (1u << 16));
  }
  ~Output() {
    if (file_ != nullptr) std::fclose(file_);
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view text) {
    buffer_.append(text);
    if (buffer_.size() >= kBlock) flush();
  }
  std::uint64_t bytes() const { return written_ + buffer_.size(); }
  void close() {
    flush();
    if (std::fclose(file_) != 0) {
      file_ = nullptr;
      fail();
    }
    file_ = nullptr;
  }

 private:
  static constexpr std::size_t kBlock = std::size_t(4) << 20;
  void flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) fail();
    written_ += buffer_.size();
    buffer_.clear();
  }
  [[noreturn]] void fail() const {
    std::fprintf(stderr, "edi_generate: %s: %s\n", path_.c_str(), std::strerror(errno));
    std::exit(1);
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  std::uint64_t written_ = 0;
};

// One message (ST..SE or UNH..UNT) being built: segments are counted as they are closed.
class Message {
 public:
  Message(char element, char terminator) : element_(element), terminator_(terminator) { text_.reserve(1u << 16); }

  void clear() {
    text_.clear();
    segments_ = 0;
  }
  // Starts a segment with its tag.
  Message& seg(std::string_view tag) {
    text_.append(tag);
    return *this;
  }
  // Element separator, then an optional value.
  Message& e() {
    text_ += element_;
    return *this;
  }
  Message& e(std::string_view value) {
    text_ += element_;
    text_.append(value);
    return *this;
  }
  Message& e(std::uint64_t value) { return e().n(value); }
  // Raw text, without a separator (components, prefixes).
  Message& t(std::string_view text) {
    text_.append(text);
    return *this;
  }
  Message& c(char ch) {
    text_ += ch;
    return *this;
  }
  // A number, zero-padded to at least `width` digits.
  Message& n(std::uint64_t value, int width = 1) {
    char digits[24];
    int count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    for (int i = count; i < width; ++i) text_ += '0';
    while (count > 0) text_ += digits[--count];
    return *this;
  }
  // Ends the segment: terminator and line break.
  void end() {
    text_ += terminator_;
    text_ += '\n';
    ++segments_;
  }
  std::uint64_t segments() const { return segments_; }
  const std::string& text() const { return text_; }

 private:
  char element_;
  char terminator_;
  std::string text_;
  std::uint64_t segments_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Dates: days counted from 2023-01-01, turned into a civil date without any library.

struct Date {
  unsigned year, month, day;
};

Date dateOf(std::uint64_t daysFrom2023) {
  // H. Hinnant's civil_from_days, on days since 1970-01-01 (2023-01-01 is day 19358).
  const std::int64_t z = static_cast<std::int64_t>(daysFrom2023) + 19358 + 719468;
  const std::int64_t era = z / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<unsigned>(y), static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

// CCYYMMDD
Message& ccyymmdd(Message& m, std::uint64_t day) {
  const Date d = dateOf(day);
  return m.n(d.year, 4).n(d.month, 2).n(d.day, 2);
}
// HHMM
Message& hhmm(Message& m, Random& r) { return m.n(r.between(0, 23), 2).n(r.between(0, 59), 2); }

// ---------------------------------------------------------------------------------------------
// Reference data

struct City {
  const char* name;
  const char* state;
  const char* postal;
  const char* locode;  // UN/LOCODE
};
constexpr City kCities[] = {
    {"CHICAGO", "IL", "60601", "USCHI"}, {"DALLAS", "TX", "75201", "USDAL"},  {"ATLANTA", "GA", "30301", "USATL"},
    {"DENVER", "CO", "80202", "USDEN"},  {"SEATTLE", "WA", "98101", "USSEA"}, {"BOSTON", "MA", "02108", "USBOS"},
    {"PHOENIX", "AZ", "85001", "USPHX"}, {"MIAMI", "FL", "33101", "USMIA"},   {"DETROIT", "MI", "48201", "USDET"},
    {"MEMPHIS", "TN", "38103", "USMEM"}, {"COLUMBUS", "OH", "43215", "USCMH"}, {"RENO", "NV", "89501", "USRNO"},
};
constexpr const char* kStreets[] = {"MAIN ST", "OAK AVE", "INDUSTRIAL PKWY", "COMMERCE DR", "LOGISTICS BLVD",
                                    "HARBOR RD"};
constexpr const char* kScacs[] = {"UPSN", "FDEG", "ODFL", "SAIA", "XPOL", "ABFS", "RLCA", "YFSY"};
constexpr const char* kCarriers[] = {"UPS", "FEDEX", "DHL", "DPD", "GLS", "TNT", "SCHENKER", "KUEHNE"};
// IFTSTA status events (9011) and the status type (9015) "1" = transport status.
constexpr const char* kEvents[] = {"1", "5", "8", "11", "21", "22", "24", "25"};
constexpr std::uint64_t kSkus = 20000;
constexpr std::uint64_t kDays = 1090;  // 2023-01-01 .. end of 2025

template <typename T, std::size_t N>
constexpr std::size_t countOf(const T (&)[N]) {
  return N;
}

// ---------------------------------------------------------------------------------------------
// X12 004010 856

constexpr const char* kSender = "ACMEPARTS";
constexpr const char* kReceiver = "AFTERSALESHUB";

// The transaction set body, ST and SE included.
void ship_notice(Message& m, Random& r, std::uint64_t number, std::string_view control) {
  m.clear();
  m.seg("ST").e("856").e(control).end();
  const std::uint64_t day = r.between(30, kDays);
  m.seg("BSN").e("00").e("SHP").n(number, 9).e();
  ccyymmdd(m, day).e();
  hhmm(m, r).e("0001").end();
  m.seg("DTM").e("011").e();
  ccyymmdd(m, day).e();
  hhmm(m, r).end();

  // Shipment level
  std::uint64_t hl = 1;
  m.seg("HL").e(1).e().e("S").e("1").end();
  m.seg("TD1").e("CTN25").e(r.between(1, 40)).e().e().e().e("G").e(r.between(5, 900)).c('.').n(r.between(0, 9)).e("LB").end();
  const char* scac = kScacs[r.pick(countOf(kScacs))];
  m.seg("TD5").e("B").e("2").e(scac).e("M").e(scac).t(" GROUND").end();
  m.seg("REF").e("BM").e("BOL").n(r.between(0, 9999999999ull), 10).end();
  m.seg("REF").e("CN").e("PRO").n(r.between(0, 999999999ull), 9).end();
  m.seg("DTM").e("017").e();
  ccyymmdd(m, day + r.between(1, 8)).end();
  const City& to = kCities[r.pick(countOf(kCities))];
  m.seg("N1").e("ST").e("SERVICE CENTER ").n(r.between(1, 3000), 4).e("92").e("SC").n(r.between(1, 3000), 4).end();
  m.seg("N3").e().n(r.between(1, 9999)).c(' ').t(kStreets[r.pick(countOf(kStreets))]).end();
  m.seg("N4").e(to.name).e(to.state).e(to.postal).e("US").end();
  const City& from = kCities[r.pick(countOf(kCities))];
  m.seg("N1").e("SF").e("ACME PARTS WAREHOUSE").e("92").e("WH").n(r.between(1, 30), 2).end();
  m.seg("N3").e().n(r.between(1, 9999)).c(' ').t(kStreets[r.pick(countOf(kStreets))]).end();
  m.seg("N4").e(from.name).e(from.state).e(from.postal).e("US").end();

  const std::uint64_t orders = r.between(1, 3);
  std::uint64_t items = 0;
  for (std::uint64_t o = 0; o < orders; ++o) {
    const std::uint64_t order = ++hl;
    m.seg("HL").e(order).e(1).e("O").e("1").end();
    m.seg("PRF").e("PO").n(r.between(0, 99999999), 8).e().e().e();
    ccyymmdd(m, day - r.between(1, 20)).end();
    m.seg("REF").e("IA").e("VND").n(r.between(0, 99999), 5).end();
    const std::uint64_t packs = r.between(1, 4);
    for (std::uint64_t p = 0; p < packs; ++p) {
      const std::uint64_t pack = ++hl;
      m.seg("HL").e(pack).e(order).e("P").e("1").end();
      m.seg("PO4").e(1).e(r.between(1, 50)).e("EA").end();
      m.seg("MAN").e("GM").e("00").n(r.next() % 1000000000000000000ull, 18).end();
      const std::uint64_t count = r.between(1, 5);
      for (std::uint64_t i = 0; i < count; ++i) {
        ++items;
        const std::uint64_t sku = r.pick(kSkus);
        m.seg("HL").e(++hl).e(pack).e("I").e("0").end();
        m.seg("LIN").e().e("BP").e("SKU").n(sku, 6).e("VP").e("VP").n(sku * 7 + 13, 7).e("UP").e().n(400000000000ull + sku, 12).end();
        m.seg("SN1").e().e(r.between(1, 100)).e("EA").end();
        m.seg("PID").e("F").e().e().e().e("SPARE PART ").n(sku, 6).end();
        if (r.chance(30)) m.seg("REF").e("SE").e("SN").n(r.between(0, 999999999999ull), 12).end();
      }
    }
  }
  m.seg("CTT").e(items).end();
  m.seg("SE").e(m.segments() + 1).e(control).end();
}

std::uint64_t x12_856(Output& out, Random& r, std::uint64_t target) {
  constexpr std::uint64_t kPerGroup = 500;
  Message m('*', '~');
  // Interchange date 230101 (YYMMDD), time 1200; ISA13 control number 000000001.
  std::string isa = "ISA*00*          *00*          *ZZ*";
  isa += std::string(kSender) + std::string(15 - std::strlen(kSender), ' ') + "*ZZ*";
  isa += std::string(kReceiver) + std::string(15 - std::strlen(kReceiver), ' ');
  isa += "*230101*1200*U*00401*000000001*0*P*>~\n";
  out.write(isa);
  std::uint64_t sets = 0, groups = 0;
  std::string control;
  while (out.bytes() < target) {
    ++groups;
    std::string gs = "GS*SH*" + std::string(kSender) + "*" + std::string(kReceiver) + "*";
    Message date('*', '~');
    ccyymmdd(date, groups % 365);
    gs += date.text() + "*1200*" + std::to_string(groups) + "*X*004010~\n";
    out.write(gs);
    std::uint64_t inGroup = 0;
    while (inGroup < kPerGroup && out.bytes() < target) {
      ++sets;
      ++inGroup;
      // ST02/SE02: 4 to 9 characters, unique in the interchange.
      control = std::to_string(sets);
      if (control.size() < 4) control.insert(0, 4 - control.size(), '0');
      ship_notice(m, r, sets, control);
      out.write(m.text());
    }
    out.write("GE*" + std::to_string(inGroup) + "*" + std::to_string(groups) + "~\n");
  }
  out.write("IEA*" + std::to_string(groups) + "*000000001~\n");
  return sets;
}

// ---------------------------------------------------------------------------------------------
// EDIFACT D.96A IFTSTA

// The message, UNH and UNT included. Follows IFTSTA.xml: UNH BGM DTM SG1(NAD SG2(CTA COM)) SG3(RFF DTM)
// CNT SG4(CNI SG5(STS RFF DTM FTX LOC SG6(TDT LOC) SG9(GID SG12(PCI GIN)))) UNT.
void status_report(Message& m, Random& r, std::uint64_t number) {
  m.clear();
  m.seg("UNH").e(number).e("IFTSTA:D:96A:UN").end();
  const std::uint64_t day = r.between(0, kDays);
  m.seg("BGM").e("23").e("STA").n(number, 9).e("9").end();
  m.seg("DTM").e("137:");
  ccyymmdd(m, day);
  hhmm(m, r).t(":203").end();
  // SG1: the party the report is for (with a contact), then the consignee.
  m.seg("NAD").e("CZ").e("4000000").n(r.between(0, 999999), 6).t("::9").e().e("ACME PARTS WAREHOUSE").end();
  if (r.chance(50)) {
    m.seg("CTA").e("IC").e(":LOGISTICS DESK").end();
    m.seg("COM").e("1312").n(r.between(0, 9999999), 7).t(":TE").end();
  }
  m.seg("NAD").e("CN").e("4000001").n(r.between(0, 999999), 6).t("::9").end();
  // SG3: the transport contract the report refers to.
  m.seg("RFF").e("CT:CTR").n(r.between(0, 999999), 6).end();
  m.seg("DTM").e("171:");
  ccyymmdd(m, day > 30 ? day - 30 : 0).t(":102").end();
  const std::uint64_t consignments = r.between(1, 3);
  m.seg("CNT").e("16:").n(consignments).end();
  for (std::uint64_t cni = 1; cni <= consignments; ++cni) {
    m.seg("CNI").e(cni).e("SHP").n(r.between(0, 999999999), 9).end();
    const std::uint64_t events = r.between(1, 3);
    for (std::uint64_t k = 0; k < events; ++k) {
      const City& city = kCities[r.pick(countOf(kCities))];
      m.seg("STS").e("1").e(kEvents[r.pick(countOf(kEvents))]).end();
      m.seg("RFF").e("BM:BOL").n(r.between(0, 9999999999ull), 10).end();
      m.seg("DTM").e("334:");
      ccyymmdd(m, day + k);
      hhmm(m, r).t(":203").end();
      if (r.chance(20)) m.seg("FTX").e("AAI").e().e().e("STATUS REPORTED BY CARRIER").end();
      m.seg("LOC").e("175").e(city.locode).t(":139:6:").t(city.name).end();
      m.seg("TDT").e("20").e().e("3").e("31").e(kCarriers[r.pick(countOf(kCarriers))]).t(":172:ZZZ").end();
      m.seg("GID").e(1).e(r.between(1, 40)).t(":CT").end();
      if (r.chance(30)) {
        m.seg("PCI").e("17").end();
        m.seg("GIN").e("BN").e("SN").n(r.between(0, 999999999999ull), 12).end();
      }
    }
  }
  m.seg("UNT").e(m.segments() + 1).e(number).end();
}

std::uint64_t edifact_iftsta(Output& out, Random& r, std::uint64_t target) {
  // UNZ01 counts at most 999,999 messages (n..6): a larger file (about 850 MB and up) holds
  // several interchanges, each with its own control reference.
  constexpr std::uint64_t kPerInterchange = 999999;
  out.write("UNA:+.? '\n");
  Message m('+', '\'');
  std::uint64_t messages = 0;
  for (std::uint64_t interchange = 1; out.bytes() < target; ++interchange) {
    std::string reference = std::to_string(interchange);
    reference.insert(0, 7 - std::min<std::size_t>(7, reference.size()), '0');
    reference.insert(0, "IC");
    out.write(std::string("UNB+UNOC:3+") + kSender + ":14+" + kReceiver + ":14+230101:1200+" + reference + "'\n");
    std::uint64_t inInterchange = 0;
    while (inInterchange < kPerInterchange && out.bytes() < target) {
      status_report(m, r, ++messages);
      ++inInterchange;
      out.write(m.text());
    }
    out.write("UNZ+" + std::to_string(inInterchange) + "+" + reference + "'\n");
  }
  return messages;
}

int usage() {
  std::fprintf(stderr,
               "usage: edi_generate x12-856|edifact-iftsta [--mb N] [--out FILE] [--seed S]\n"
               "  N decimal megabytes (default 100), FILE default x12_856.edi / edifact_iftsta.edi\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string kind = argv[1];
  if (kind != "x12-856" && kind != "edifact-iftsta") return usage();
  double mb = 100;
  std::string path = kind == "x12-856" ? "x12_856.edi" : "edifact_iftsta.edi";
  std::uint64_t seed = 20240101;
  for (int i = 2; i < argc; i += 2) {
    const std::string option = argv[i];
    if (i + 1 >= argc) return usage();
    char* endp = nullptr;
    if (option == "--mb") {
      mb = std::strtod(argv[i + 1], &endp);
      if (*endp != '\0' || !(mb > 0)) return usage();
    } else if (option == "--out") {
      path = argv[i + 1];
    } else if (option == "--seed") {
      seed = std::strtoull(argv[i + 1], &endp, 10);
      if (*endp != '\0') return usage();
    } else {
      return usage();
    }
  }
  const auto target = static_cast<std::uint64_t>(mb * 1e6);
  // Separate streams per kind, so each file is reproducible on its own.
  Random random(seed ^ (kind == "x12-856" ? 0x856ull : 0x1F75A7Aull));
  Output out(path);
  const std::uint64_t messages = kind == "x12-856" ? x12_856(out, random, target) : edifact_iftsta(out, random, target);
  const std::uint64_t bytes = out.bytes();
  out.close();
  std::printf("%s: %llu bytes, %llu %s\n", path.c_str(), static_cast<unsigned long long>(bytes),
              static_cast<unsigned long long>(messages), kind == "x12-856" ? "ST 856" : "UNH IFTSTA");
  return 0;
}
