// Table rulings found in a scanned page's image (Leptonica morphology), as the stroked segments a
// born-digital PDF would draw, so the same ruling and grid passes read them.
#pragma once

#include <vector>

#include "extractor/image_cleanup.hpp"
#include "extractor/page_graphics.hpp"

namespace poa::extractor::ocr {

// Lengths in points: a run of ink at least this long (and thin) is a ruling, not a letter.
struct ImageRulingConfig {
  double min_horizontal = 20;  // a month column is wider; a dash in a cell is shorter
  double min_vertical = 12;    // a one-line row is taller than a capital's stem of body text
  double max_thickness = 3;    // thicker runs are bars or fills, not borders
  double same_line = 2;        // pieces this close across are one broken line ...
  double join_gap = 6;         // ... when the gap between them is no longer than this
  double meet_slack = 4;       // a border's end is this close to a border across
  double long_line = 0.25;     // of the page's width (height): kept even when it ends in the open
};

struct ImageRulings {
  std::vector<layout::StrokedSegment> segments;  // page points, upright, top-left origin
  PixPtr mask;  // 1 bpp: the rulings' ink, slightly grown (to be erased before OCR)
};

// `binary` is 1 bpp, 1 = ink, at `dpi`. Never throws; nothing found gives no segments.
ImageRulings find_image_rulings(Pix* binary, double dpi, const ImageRulingConfig& config = {});

}  // namespace poa::extractor::ocr
