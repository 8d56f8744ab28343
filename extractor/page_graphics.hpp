// What a page draws besides its text: stroked segments and filled rectangles, the raw material of
// the ruling and grid passes (rulings.hpp, cell_grid.hpp). Plain structs, no poppler type.
#pragma once

#include <vector>

#include "model/cell_row.hpp"

namespace poa::extractor::layout {

// A straight stroked segment in page coordinates (upright page, top-left origin, y down), with
// the transformation matrix and the clip applied. `width` is the stroke's line width in points
// (0 for a hairline).
struct StrokedSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0;
};

// A filled axis-aligned rectangle in page coordinates (clip applied). A thin one is how most
// producers draw a border; a wide one is a cell background. `luminance` of the fill colour:
// 0 black .. 1 white.
struct FilledBox {
  Box box;
  double luminance = 0;
};

// Everything a page draws that the grid passes need, in drawing order. Curves and paths that
// are neither straight segments nor rectangles are not recorded.
struct PageGraphics {
  std::vector<StrokedSegment> segments;
  std::vector<FilledBox> fills;

  void clear() {
    segments.clear();
    fills.clear();
  }
  bool empty() const { return segments.empty() && fills.empty(); }
};

}  // namespace poa::extractor::layout
