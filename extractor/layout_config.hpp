// The layout's tuning knobs in one place (as libosmium's AssemblerConfig): each threshold is
// named and says what it is measured in, so a number in a pass is never a bare guess.
#pragma once

namespace poa::extractor::layout {

// Thresholds of the ruling and grid passes, in PDF points unless said otherwise.
struct GridConfig {
  // A filled rectangle thinner than this in one direction is a ruling, not a background.
  double max_ruling_thickness = 3.0;
  // Segments whose positions differ by less than this are on one line (double lines, a stroke
  // drawn over a fill, rounding between producers).
  double same_line_tolerance = 2.0;
  // Collinear pieces with a gap up to this are joined (dashed and dotted borders, borders drawn
  // cell by cell with a hairline gap at the corners).
  double join_gap = 3.0;
  // A ruling shorter than this is ignored (tick marks, underlined words' serifs).
  double min_ruling_length = 4.0;
  // How far a ruling may stop short of another and still meet it at the lattice.
  double intersection_tolerance = 2.5;
  // A fill lighter than this luminance (0..1) is white paper, not a shaded cell.
  double white_luminance = 0.97;
  // A lattice edge is a border when rulings cover at least this fraction of its length; less is
  // a missing border (a merged cell), e.g. a ruling that only pokes into the cell past a corner.
  double min_edge_coverage = 0.5;
  // A fill at least this fraction of the page's width and height is the paper's colour, not a
  // cell background; the PDF reader drops it (only it knows the page size).
  double page_background_fraction = 0.9;
};

}  // namespace poa::extractor::layout
