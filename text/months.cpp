// The month-name table.
#include "text/months.hpp"

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

}  // namespace poa::text
