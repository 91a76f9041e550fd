// UTF-8 validity, checked before text reaches the database: PostgreSQL refuses invalid UTF-8
// with an error that would abort a whole import, SQLite would keep it and hand it on.
#pragma once

#include <string_view>

namespace csv {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) and
// holds no NUL byte (which PostgreSQL text cannot store).
bool isValidUtf8Text(std::string_view text);

}  // namespace csv
