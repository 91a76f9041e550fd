#include "csv/reader.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace csv {
namespace {

constexpr std::size_t kChunkBytes = 1u << 20;

// Bytes that end an unquoted value: the separator and the line breaks.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> table{};
  table[static_cast<unsigned char>(',')] = true;
  table[static_cast<unsigned char>('\n')] = true;
  table[static_cast<unsigned char>('\r')] = true;
  return table;
}();

std::uint64_t countNewlines(const char* begin, const char* end) {
  return static_cast<std::uint64_t>(std::count(begin, end, '\n'));
}

}  // namespace

Reader::Reader(std::istream& in, std::size_t maxRecordBytes)
    : in_(in), maxRecordBytes_(std::max<std::size_t>(maxRecordBytes, 16)), buffer_(kChunkBytes) {}

bool Reader::fill() {
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  if (got == 0 || in_.eof()) eof_ = true;
  return got > 0;
}

bool Reader::next(Record& record) {
  if (fatal_) return false;
  if (!started_) {
    started_ = true;
    while (!eof_ && end_ < 3) fill();
    if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) position_ = 3;
  }
  for (;;) {
    if (position_ >= end_ && eof_) return false;
    if (parse(record, eof_) == Parse::complete) {
      const bool blank = record.raw.empty() && !record.error;
      if (!blank) return true;
      continue;
    }
    if (end_ - position_ >= maxRecordBytes_) {
      fatal_ = "line " + std::to_string(line_) + ": a record longer than " + std::to_string(maxRecordBytes_ >> 20) +
               " MiB (is a quote left open?)";
      return false;
    }
    // Keep the unfinished record, drop what was consumed, and read on.
    std::memmove(buffer_.data(), buffer_.data() + position_, end_ - position_);
    consumedBase_ += position_;
    end_ -= position_;
    position_ = 0;
    fill();
  }
}

Reader::Parse Reader::parse(Record& record, bool atEnd) {
  const char* const buf = buffer_.data();
  std::size_t i = position_;
  std::uint64_t newlines = 0;
  std::optional<std::string> error;
  spans_.clear();
  unescaped_.clear();
  std::size_t recordEnd = 0, nextStart = 0;
  bool endsWithBreak = false;

  // Ends the record at `at`; the next one starts after a line break of `breakBytes`.
  auto finish = [&](std::size_t at, std::size_t breakBytes) {
    recordEnd = at;
    nextStart = at + breakBytes;
    endsWithBreak = breakBytes > 0;
  };

  for (;;) {
    if (i < end_ && buf[i] == '"') {
      const std::size_t start = ++i;
      bool copied = false;
      std::size_t copyStart = 0;
      bool closed = false;
      while (!closed) {
        const void* found = std::memchr(buf + i, '"', end_ - i);
        if (found == nullptr) {
          if (!atEnd) return Parse::needMore;
          newlines += countNewlines(buf + i, buf + end_);
          if (copied) unescaped_.append(buf + i, end_ - i);
          spans_.push_back(copied ? Span{true, copyStart, unescaped_.size() - copyStart} : Span{false, start, end_ - start});
          error = "value " + std::to_string(spans_.size()) + " opens a quote that is never closed";
          i = end_;
          break;
        }
        const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - buf);
        newlines += countNewlines(buf + i, buf + quote);
        if (quote + 1 >= end_ && !atEnd) return Parse::needMore;  // a doubled quote may follow
        if (quote + 1 < end_ && buf[quote + 1] == '"') {
          if (!copied) {
            copied = true;
            copyStart = unescaped_.size();
            unescaped_.append(buf + start, quote + 1 - start);
          } else {
            unescaped_.append(buf + i, quote + 1 - i);
          }
          i = quote + 2;
          continue;
        }
        if (copied) {
          unescaped_.append(buf + i, quote - i);
          spans_.push_back({true, copyStart, unescaped_.size() - copyStart});
        } else {
          spans_.push_back({false, start, quote - start});
        }
        i = quote + 1;
        closed = true;
      }
      if (!closed) {
        finish(end_, 0);
        break;
      }
      if (i >= end_) {
        if (!atEnd) return Parse::needMore;
        finish(i, 0);
        break;
      }
      const char c = buf[i];
      if (c == ',') {
        ++i;
        continue;
      }
      if (c == '\n') {
        finish(i, 1);
        break;
      }
      if (c == '\r' && i + 1 >= end_ && !atEnd) return Parse::needMore;
      if (c == '\r' && (i + 1 >= end_ || buf[i + 1] == '\n')) {
        finish(i, i + 1 < end_ ? 2 : 1);
        break;
      }
      // Text after a closing quote: the record is broken. Skip to the end of its line.
      error = "value " + std::to_string(spans_.size()) + " has text after its closing quote";
      const void* lineEnd = std::memchr(buf + i, '\n', end_ - i);
      if (lineEnd == nullptr) {
        if (!atEnd) return Parse::needMore;
        finish(end_, 0);
      } else {
        const auto at = static_cast<std::size_t>(static_cast<const char*>(lineEnd) - buf);
        const bool crlf = at > i && buf[at - 1] == '\r';
        finish(crlf ? at - 1 : at, crlf ? 2 : 1);
      }
      break;
    }

    // An unquoted value runs to the separator or the line break. A quote inside it is kept as
    // it stands (12" pipe): unambiguous, since the value did not open with one.
    const std::size_t start = i;
    for (;;) {
      while (i < end_ && !kSpecial[static_cast<unsigned char>(buf[i])]) ++i;
      if (i < end_ && buf[i] == '\r' && i + 1 < end_ && buf[i + 1] != '\n') {
        ++i;  // a lone CR is data
        continue;
      }
      break;
    }
    if (i >= end_) {
      if (!atEnd) return Parse::needMore;
      spans_.push_back({false, start, i - start});
      finish(i, 0);
      break;
    }
    const char c = buf[i];
    if (c == '\r' && i + 1 >= end_) {
      if (!atEnd) return Parse::needMore;
      spans_.push_back({false, start, i - start});
      finish(i, 1);
      break;
    }
    spans_.push_back({false, start, i - start});
    if (c == ',') {
      ++i;
      continue;
    }
    finish(i, c == '\r' ? 2 : 1);
    break;
  }

  record.line = line_;
  record.offset = consumedBase_ + position_;
  record.raw = std::string_view(buf + position_, recordEnd - position_);
  record.error = std::move(error);
  record.fields.clear();
  for (const Span& span : spans_) {
    record.fields.emplace_back((span.copied ? unescaped_.data() : buf) + span.start, span.size);
  }
  line_ += newlines + (endsWithBreak ? 1 : 0);
  position_ = nextStart;
  return Parse::complete;
}

}  // namespace csv
