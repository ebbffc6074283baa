#pragma once

// Text for XML and HTML documents written by hand (Atom feeds, SVG charts, HTML reports). Pure
// and thread-safe.

#include <string>
#include <string_view>

namespace ecosol {

// `text` with &, <, >, " and ' escaped, and the control characters XML 1.0 does not allow (all
// below 0x20 but tab and line breaks) left out.
std::string EscapeXml(std::string_view text);

}  // namespace ecosol
