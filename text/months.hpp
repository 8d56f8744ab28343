// The names of the months as POAs spell them: one table for every reader and the recogniser.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "text/unicode.hpp"

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

// A month name found inside a run of text: bytes [begin, end) of the raw text.
struct MonthSpan {
  std::size_t begin = 0, end = 0;
  int month = 0;
};

// Month names in `raw` (any case, accents optional), also glued to their neighbours as a PDF
// may give two cells in one word (`anualEne`, `EneFeb`): a name starts at the start, after a
// character other than a letter, or at a lower -> upper case change, and ends likewise; the
// longest spelling wins. Appends to `out`; `key` is scratch space, reused between calls.
void find_month_names(std::string_view raw, MappedKey& key, std::vector<MonthSpan>& out);

}  // namespace poa::text
