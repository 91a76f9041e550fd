// Escaping of text for the markup the report renderers write by hand (HTML and SVG): every
// piece of text that reaches a page, whether a client name or a carrier label, goes through here.
#pragma once

#include <string>
#include <string_view>

namespace reports {

// Text safe inside an element or a double-quoted attribute: & < > " ' become references, and
// control characters that XML 1.0 cannot carry become U+FFFD, so the SVG parts stay parseable.
std::string escapeMarkup(std::string_view text);

}  // namespace reports
