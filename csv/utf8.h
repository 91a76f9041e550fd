// UTF-8 validity, checked before text reaches the database: PostgreSQL refuses invalid UTF-8
// with an error that would abort a whole import, SQLite would keep it and hand it on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace csv {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) and
// holds no NUL byte (which PostgreSQL text cannot store).
bool isValidUtf8Text(std::string_view text);

// How many leading bytes of `text` are well-formed UTF-8 without a NUL, by the rules above.
std::size_t validUtf8TextPrefix(std::string_view text);

// `text` with every byte that is not part of well-formed UTF-8, and every NUL, written as \xNN:
// something a person can read and any database can store as text. It does not round-trip (a
// literal "\xE9" in valid text looks the same), so whoever needs the bytes keeps them apart.
std::string escapeInvalidUtf8(std::string_view text);

}  // namespace csv
