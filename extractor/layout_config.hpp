// The layout's tuning knobs in one place (as libosmium's AssemblerConfig): each threshold is
// named and says what it is measured in, so a number in a pass is never a bare guess.
#pragma once

#include <cstddef>

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
  // Whether a wide shaded fill's edges count as rulings. Off: a page that shades its label cells
  // but draws no inner borders would give a lattice whose unshaded value column reads as one
  // cell merged down the whole block (round-trip seeds 1008, 1030, 1034, 1042, 1144); a fill
  // says a cell is shaded, not where its neighbours end. Shading is still read (GridCell::shaded).
  bool fill_edges_are_rulings = false;
  // A lattice edge is a border when rulings cover at least this fraction of its length; less is
  // a missing border (a merged cell), e.g. a ruling that only pokes into the cell past a corner.
  double min_edge_coverage = 0.5;
  // A fill at least this fraction of the page's width and height is the paper's colour, not a
  // cell background; the PDF reader drops it (only it knows the page size).
  double page_background_fraction = 0.9;
};

// Thresholds of the page layout's passes (page_layouter.hpp lists them). Lengths are relative
// to the font size, line height or page size they are compared with, so one set fits any scale;
// the few absolute ones are in PDF points (pt); text lengths are in bytes of UTF-8.
struct LayoutConfig {
  // ---- Pass 1, glyphs
  // Fake bold: a glyph drawn again within this × the previous glyph's width is dropped.
  double doubled_glyph = 0.3;
  // pt: floor of a glyph's width in that test (a zero-width glyph still has a tolerance).
  double min_glyph_width = 0.5;
  // A gap wider than this × font size between two glyphs may cut a word glued across cells.
  double glyph_gap_cut = 0.15;
  // pt inside a piece's edges where its columns or grid cell are looked up (side of a border).
  double border_probe = 0.5;
  // pt inside a whole word's or a spanning label's edges where its column is looked up.
  double column_probe = 1.0;

  // ---- Pass 2, lines
  // Words share a line when their centres differ by at most this × the smaller height.
  double same_line = 0.3;
  // pt: floor of a word's height in that test.
  double min_word_height = 0.5;
  // Fake bold: a word repeated on its line within this × font size of its x is dropped.
  double doubled_word = 0.3;
  // A gap between words wider than this × font size is a space (narrower: they touch).
  double word_space = 0.12;
  // A gap of at least this × font size between words of a line starts a new cell.
  double gutter = 1.0;

  // ---- Pass 3, line kinds
  // Page furniture lies within this × page height of the top or bottom edge.
  double margin_band = 0.12;
  // A margin line stands apart when its gaps to both neighbours are at least this × its height.
  double furniture_gap = 0.8;
  // pt: a margin line's top is rounded to this step to match the previous page's lines.
  double margin_line_step = 3.0;
  // A page number (`3 de 10`) has at most this many digits...
  int page_number_max_digits = 8;
  // ... in at most this many runs of digits.
  int page_number_max_groups = 2;
  // A line is centred when its middle is within this × page width of the page's middle.
  double centred = 0.1;
  // A line stands out when its font size is over this × the page's median line size.
  double larger_font = 1.15;
  // Bytes: a longer cell (or wrapped label once joined) is not a header-block label.
  std::size_t max_label_length = 90;

  // ---- Pass 4, zones
  // Lines above the month line searched for the ACTIVIDAD label.
  int header_search_lines = 8;
  // An upper-case line at most this × line height above the column header is part of it.
  double header_wrap_gap = 0.5;
  // ... at most this × line height (when not touching) if it holds a header-block label.
  double label_wrap_gap = 0.4;
  // Either gap may also be as wide as the page's own gap between the lines of one cell (its
  // line pitch less its glyphs' height; PageLayouter::line_pitch) plus this × line height.
  double pitch_slack = 0.1;
  // A line standing out is cut whole when at least this × its height above the first label.
  double title_gap = 0.5;
  // Labels on a line that make it a header block: it ends a table body.
  int min_block_labels = 2;

  // ---- Pass 5, columns
  // Cells start together when their left edges differ by less than this × font size.
  double same_start = 0.8;
  // pt: a header-block border runs this far left of its column's first x (values may start so).
  double value_slack = 2.0;
  // Labels of two rows share a column when they overlap by more than this × the wider one.
  double label_overlap = 0.5;
  // A text-free stretch wider than this × median font size is a gutter, not a word space.
  double space_width = 0.45;
  // pt: a word edge or a known border this close to a stretch's end lines up with it.
  double aligned_edge = 0.75;
  // Column-header pieces at most this × font size apart are one label.
  double label_piece_gap = 0.5;
  // A column label over at least this many month names is a group label (PROGRAMACIÓN MENSUAL).
  int spanning_months = 2;
  // A vertical ruling along at least this × the table's height is a drawn column border.
  double drawn_border_reach = 0.5;
  // pt: a drawn border may lie this far outside the gap between two column labels.
  double drawn_border_slack = 1.0;
  // pt: borders closer than this are one border when remembered for later pages.
  double same_border = 1.0;
  // Borders remembered per document (LayoutState::known_borders; one template, usually).
  std::size_t max_known_borders = 256;

  // ---- Pass 6, rows
  // A header-block cell's next line at most this × its height below continues the cell.
  double wrap_gap = 0.35;
  // ... unless it sits nearer the line below it (in its column) by more than this × its height:
  // then it is the first line of a value aligned to the bottom of the next row's cell (or
  // centred on its label). Likewise a line further below a wrapped value than the value's own
  // line pitch by more than this × its height starts the next row's value.
  double nearer_below = 0.2;
  // A label's lines (`NÚMERO DE` / `ACCIÓN`) may lie up to this × line height apart (loose line
  // spacing, less than a blank line): the joined text must read as a label, so no value is
  // taken for one.
  double label_line_gap = 0.9;
  // Two stacked words' font sizes, and two line pitches in line heights, within this fraction
  // are the same (the pitch of a page's wrapped lines: one seen twice).
  double same_pitch = 0.05;
  // pt: row gaps within this of the widest are a tie; the one nearer the middle wins.
  double row_gap_tie = 0.5;
  // A blank over this × line height cuts the previous page's row rest from the first row.
  double carried_row_gap = 1.0;
  // Lines after the last activity stay with it up to a gap over this × line height.
  double paragraph_gap = 0.8;

  // ---- Words on a character grid (`pdftotext -layout` dumps; set by the text reader)
  // The page is text laid on a grid of fixed columns and lines: lines sit one pitch apart with
  // no row gaps, and a word's column only approximates its x. Rules for that grid apply
  // (layout_char_grid.cpp).
  bool char_grid = false;
  // A line alone on its text row stands out (indented) when it starts past this × page width.
  double char_grid_indent = 0.1;
  // A run of words one space apart drifts from its x by up to this × its length so far (the
  // proportional text is written one character per column)...
  double char_grid_drift = 0.12;
  // ... plus this × font size: how far from a border a run may be cut for it.
  double char_grid_slack = 2.0;
  // A run crosses a border when it reaches past it by more than this × font size: less is the
  // padding of its last character's box, the text ending in the column just before the border
  // (`… para Estados` over `Secretaria` on the next line).
  double char_grid_reach = 0.4;

  // The ruling and grid passes.
  GridConfig grid;
};

}  // namespace poa::extractor::layout
