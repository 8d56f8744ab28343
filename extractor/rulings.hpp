// Pass "rulings": a page's stroked segments and thin filled rectangles -> horizontal and vertical
// rulings (table borders), joined across dashes, double lines and borders drawn cell by cell.
#pragma once

#include <vector>

#include "extractor/layout_config.hpp"
#include "extractor/page_graphics.hpp"

namespace poa::extractor::layout {

// One horizontal ruling (y = pos, from x0 = from to x1 = to) or vertical ruling (x = pos, from
// y0 = from to y1 = to), in page coordinates.
struct Ruling {
  double pos = 0;
  double from = 0, to = 0;
  friend bool operator==(const Ruling&, const Ruling&) = default;
};

// Sorted by pos, then from; collinear pieces closer than the join tolerance are one ruling,
// lines drawn twice (double borders, a stroke over a fill) are one ruling.
struct Rulings {
  std::vector<Ruling> horizontal;
  std::vector<Ruling> vertical;
  bool empty() const { return horizontal.empty() && vertical.empty(); }
};

// Never throws; an empty result when the page draws no borders.
Rulings find_rulings(const PageGraphics& graphics, const GridConfig& config = {});

}  // namespace poa::extractor::layout
