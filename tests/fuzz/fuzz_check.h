// What every fuzz target uses, whatever it fuzzes: a place to keep checksums, a way to fail an
// invariant that libFuzzer records as a crash, and code that reads every byte of a result.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace afterflow_fuzz {

// Where the targets store their checksums, so that nothing they read is optimized away.
inline volatile std::uint64_t sink = 0;

// Aborts with a message: an engine invariant did not hold (libFuzzer records it as a crash).
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "afterflow fuzz invariant failed: %s\n", what);
  std::abort();
}

// Reads every byte of a view, so that the sanitizers see a bad one.
inline std::uint64_t touch(std::string_view text) {
  std::uint64_t sum = 0;
  for (const char c : text) sum = sum * 31 + static_cast<unsigned char>(c);
  return sum;
}

inline std::uint64_t touchOptional(const std::optional<std::string>& text) { return text ? 1 + touch(*text) : 0; }

}  // namespace afterflow_fuzz
