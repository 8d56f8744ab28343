// Text a spreadsheet would run as a formula (OWASP "CSV injection"): one rule for every exporter.
#pragma once

#include <string>
#include <string_view>

namespace poa::exporters {

// True when a spreadsheet opening the text would take it for a formula: it starts with `=`,
// `+`, `-`, `@`, a tab or a carriage return.
inline bool looks_like_formula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

// The text as a CSV cell a spreadsheet shows and never runs: a leading apostrophe when it would
// be a formula, unchanged otherwise.
inline std::string defused(std::string_view text) {
  return looks_like_formula(text) ? "'" + std::string(text) : std::string(text);
}

}  // namespace poa::exporters
