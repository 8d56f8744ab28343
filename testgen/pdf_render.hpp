// Draws a POA Document as a PDF the way a spreadsheet export looks (cairo's PDF surface).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/document.hpp"

namespace poa::testgen {

enum class PageSize { kLetter, kLegal, kA4 };  // always drawn landscape
enum class VAlign { kTop, kCenter, kBottom };
// What a continuation page of an activity table starts with.
enum class Continuation {
  kNothing,              // rows only: the recogniser sees orphan rows (ORPHAN_ROWS)
  kTableHeader,          // the column header rows repeated (Excel's "rows to repeat")
  kTitleAndTableHeader,  // the page title and the column header rows
};
// How cell borders are drawn (what the PDF reader's rulings pass must join).
enum class BorderStyle {
  kThin,         // every cell stroked, 0.5 pt black (the first suite's only style)
  kNone,         // no lines at all: text only (fills, if any, still drawn)
  kOuterFrame,   // one frame around the header block and one around each page's table
  kHairline,     // every cell, line width 0 (one device pixel)
  kThick,        // every cell, 1.5 pt
  kGrey,         // every cell, 0.5 pt at 0.6 luminance
  kDashed,       // every cell, 0.5 pt dashed
  kDouble,       // every cell, two 0.4 pt strokes 1.5 pt apart
  kFilledRects,  // every cell, four thin filled rectangles (no strokes)
  kGridlines,    // Excel's printed gridlines: light grey hairlines round every cell, blank row too
};
// How the header block's labels and values are arranged.
enum class HeaderLayout {
  kBands,          // labels above values, three groups per band, one cell each (first suite)
  kMergedCentred,  // a value above an empty group slot is one tall merged cell, text centred
  kValueSpans,     // label | value rows; the long values merged across the whole width
};

// The geometry and typography of one rendering. random_render_options() draws all of them
// from a seed; tests may then override single fields.
struct RenderOptions {
  PageSize page = PageSize::kLetter;
  std::string font_family = "DejaVu Sans";  // a fontconfig family; cairo falls back if missing
  double font_size = 8;                     // body text, points (6–10)
  double title_size = 11;
  double line_spacing = 1.2;          // baseline-to-baseline distance / font size
  double padding = 2;                 // inside each cell, points
  double margin = 28;                 // page margin, points
  double table_width_fraction = 1.0;  // of the width between the margins
  VAlign valign = VAlign::kCenter;
  bool label_bold = true;        // labels in the bold face
  bool label_fake_bold = false;  // labels drawn twice, 0.2 pt apart (no bold face)
  bool label_fill = false;       // light grey background behind label cells
  bool accented_labels = true;   // "LÍNEA ESTRATÉGICA" vs "LINEA ESTRATEGICA"
  bool thousands = true;         // quantities as 1,200 rather than 1200
  int beneficiaries_style = 0;   // see format_beneficiaries
  std::string partidas_separator = ", ";
  bool numero_leading_zero = false;  // "04" for 4
  Continuation continuation = Continuation::kTableHeader;
  bool page_numbers = false;           // "Página N de M" footer
  std::vector<double> column_weights;  // 6 text/number columns; empty = defaults
  int header_split_a = 5;              // the header block's first group covers table columns [0, a)
  int header_split_b = 7;  // … the second [a, b), the third [b, 18); widened when too narrow
  bool labels_span_two_rows = true;       // ACTIVIDAD … merged over the two column-header rows
  bool partida_beside_inversion = false;  // PARTIDA PRESUPUESTAL in the third band, not the fourth
  // The drawn grid (the defaults are what random_render_options always gives).
  BorderStyle borders = BorderStyle::kThin;
  bool body_row_rulings = true;  // rulings between activity rows; else only verticals in the body
  HeaderLayout header_layout = HeaderLayout::kBands;
  bool partida_own_band = false;  // PARTIDA PRESUPUESTAL alone in a fifth band (bands layouts)
  // Consecutive activities with the same ÁREA RESPONSABLE share one merged cell (per page), its
  // text centred vertically; only drawn when rulings separate the activity rows.
  bool merge_areas = false;

  friend bool operator==(const RenderOptions&, const RenderOptions&) = default;
};

// Every knob drawn from `seed` (independent of the document's seed stream). The grid knobs keep
// their defaults, so the first suite's documents and renderings never change.
RenderOptions random_render_options(std::uint64_t seed);

// random_render_options(seed), plus the grid knobs (border style, header layout, merged areas)
// drawn from a stream of their own.
RenderOptions random_grid_render_options(std::uint64_t seed);

// Whether the style draws every cell's borders (so merged cells show as missing inner borders).
bool draws_cell_borders(BorderStyle style);

// What the rendering did that the expected result depends on.
struct RenderResult {
  int pages = 0;
  double font_size = 0;  // after shrinking to fit the page width
  // Per action: the 1-based pages where its table continues without a column header
  // (the recogniser reports ORPHAN_ROWS there).
  std::vector<std::vector<int>> orphan_pages;
  // Per action: every page its header block or activity rows appear on.
  std::vector<std::vector<int>> action_pages;
};

// Writes `doc` to `path` as a PDF: per action a title `PROGRAMA OPERATIVO ANUAL <ejercicio>`,
// the header block (labels above values, bordered cells), then the activity table with two
// column-header rows, wrapped text, money as `$10,000.00` and zero months as `-`, breaking
// pages where rows no longer fit. The font shrinks (down to 5 pt) when the columns' longest
// words do not fit the page width. Throws std::runtime_error when cairo fails.
RenderResult render_pdf(const Document& doc, const RenderOptions& options,
                        const std::filesystem::path& path);

}  // namespace poa::testgen
