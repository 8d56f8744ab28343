// Text a spreadsheet would run as a formula (OWASP "CSV injection"): one rule for every exporter.
#pragma once

#include <string_view>

namespace poa::exporters {

// True when a spreadsheet opening the text would take it for a formula: it starts with `=`,
// `+`, `-`, `@`, a tab or a carriage return.
inline bool looks_like_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

}  // namespace poa::exporters
