// The month-name table.
#include "text/months.hpp"

#include <algorithm>
#include <array>

namespace poa::text {
namespace {

constexpr std::array<MonthName, 27> kMonthNames = {{
    {"septiembre", 8}, {"setiembre", 8}, {"noviembre", 10}, {"diciembre", 11}, {"octubre", 9},
    {"febrero", 1},    {"agosto", 7},    {"enero", 0},      {"marzo", 2},      {"abril", 3},
    {"junio", 5},      {"julio", 6},     {"sept", 8},       {"mayo", 4},       {"ene", 0},
    {"feb", 1},        {"mar", 2},       {"abr", 3},        {"may", 4},        {"jun", 5},
    {"jul", 6},        {"ago", 7},       {"sep", 8},        {"set", 8},        {"oct", 9},
    {"nov", 10},       {"dic", 11},
}};

}  // namespace

std::span<const MonthName> month_names() {
  return kMonthNames;
}

std::optional<int> month_from_folded(std::string_view folded) {
  for (const MonthName& name : kMonthNames) {
    if (name.folded == folded) return name.month;
  }
  return std::nullopt;
}

void find_month_names(std::string_view raw, MappedKey& key, std::vector<MonthSpan>& out) {
  // Most words of a page (amounts, dates, codes) hold no letter: nothing to fold.
  if (std::none_of(raw.begin(), raw.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      })) {
    return;
  }
  fold_for_match(raw, key);
  const std::string_view s = key.key;
  const std::size_t n = s.size();
  auto letter = [&](std::size_t p) { return s[p] >= 'a' && s[p] <= 'z'; };
  auto upper = [&](std::size_t offset) {  // ASCII inline: this runs for most letters of a page
    const auto c = static_cast<unsigned char>(raw[offset]);
    return c < 0x80 ? c >= 'A' && c <= 'Z' : is_upper_at(raw, offset);
  };
  // A case change counts only between two characters of the raw text (not inside `æ` -> ae).
  auto upper_after_lower = [&](std::size_t p) {
    return key.source[p] != key.source[p - 1] && upper(key.source[p]) && !upper(key.source[p - 1]);
  };
  auto starts = [&](std::size_t p) {
    if (p == 0) return true;
    if (!letter(p - 1)) return letter(p);
    return upper_after_lower(p);
  };
  auto ends = [&](std::size_t p) { return p == n || !letter(p) || upper_after_lower(p); };
  // The letters a month name can start with (a, d, e, f, j, m, n, o, s).
  auto may_start = [](char c) {
    switch (c) {
      case 'a':
      case 'd':
      case 'e':
      case 'f':
      case 'j':
      case 'm':
      case 'n':
      case 'o':
      case 's':
        return true;
      default:
        return false;
    }
  };
  for (std::size_t p = 0; p + 3 <= n; ++p) {
    if (!may_start(s[p]) || !starts(p)) continue;
    for (const MonthName& month : kMonthNames) {  // longest spelling first
      const std::string_view name = month.folded;
      // The first letter first: a memcmp call per name and position cost more than the rest.
      if (name[0] != s[p]) continue;
      if (s.substr(p, name.size()) == name && ends(p + name.size())) {
        const std::size_t last = key.source[p + name.size() - 1];
        out.push_back(MonthSpan{key.source[p], next_char(raw, last), month.month});
        p += name.size() - 1;
        break;
      }
    }
  }
}

}  // namespace poa::text
