// Small inline SVG charts of the review page (no script, no external file: presentation
// attributes only, so the page's Content-Security-Policy needs no inline style).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/decimal.hpp"

namespace poa::exporters::html {

// A coordinate or length for an SVG attribute: one decimal, a point whatever the locale.
std::string coordinate(double v);

// One bar: its label, its value (for the length) and the value as printed.
struct Bar {
  std::string label;
  double value = 0;
  std::string printed;
};

// The monthly programme of an activity as twelve tiny bars (ENE…DIC); an empty month draws no
// bar, a 0 a flat mark. Carries an aria-label listing the twelve values.
std::string month_bars(const std::array<std::optional<Decimal>, 12>& months);

// Horizontal bars, one row per bar (label, bar, printed value), titled `title`.
std::string bar_rows(const std::vector<Bar>& bars, const std::string& title);

// Vertical bars over labels (the twelve months), titled `title`.
std::string bar_columns(const std::vector<Bar>& bars, const std::string& title);

}  // namespace poa::exporters::html
