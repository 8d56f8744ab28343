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
};

// Every knob drawn from `seed` (independent of the document's seed stream).
RenderOptions random_render_options(std::uint64_t seed);

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
