// The names of the months as POAs spell them: one table for every reader and the recogniser.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace poa::text {

struct MonthName {
  std::string_view folded;  // lower case, no accents: as fold_for_match leaves it
  int month = 0;            // 0 = enero … 11 = diciembre
};

// Every spelling: the full names, the three-letter abbreviations, `sept`, `setiembre` and `set`.
// Longest first, so a scan that takes the first name matching at a position prefers
// `septiembre` to `sep`.
std::span<const MonthName> month_names();

// The month (0 = enero) that a folded word names exactly (`sept` -> 8); nullopt otherwise.
std::optional<int> month_from_folded(std::string_view folded);

}  // namespace poa::text
