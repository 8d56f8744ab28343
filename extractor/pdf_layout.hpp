// Page geometry for the PDF reader: positioned words -> lines -> cells -> cell rows, on plain
// structs so it can be tested without poppler.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extractor/cell_grid.hpp"
#include "extractor/layout_config.hpp"
#include "extractor/page_graphics.hpp"
#include "extractor/rulings.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor::layout {

// One glyph of a word: its horizontal extent and its bytes in Word::text.
struct Glyph {
  double x0 = 0, x1 = 0;
  std::uint32_t begin = 0, end = 0;
  // Its font differs from the previous glyph's of the word: two cells glued into one word
  // may be cut here.
  bool font_change = false;
};

// A word as the PDF text engine gives it (upright page coordinates, top-left origin, y down).
// Its glyphs are PageWords::glyphs[glyph_begin, glyph_begin + glyph_count).
struct Word {
  std::string text;  // UTF-8
  Box box;
  double font_size = 0;
  bool bold = false;
  int font = -1;  // index into PageWords::fonts, -1 when unknown
  std::uint32_t glyph_begin = 0, glyph_count = 0;
};

// One page of words. Kept flat (glyphs of all words in one vector) so a page costs a handful
// of allocations, and reused from page to page.
struct PageWords {
  int number = 1;  // 1-based physical page
  double width = 0, height = 0;
  int rotation = 0;  // degrees, as the page is shown
  std::vector<Word> words;
  std::vector<Glyph> glyphs;
  std::vector<std::string> fonts;
  // The page's drawn borders and fills (empty for text dumps and pages that draw none).
  PageGraphics graphics;

  void clear();
  // Appends a word whose glyphs are spread evenly over its box, one per UTF-8 code point
  // (for tests and for words the engine gives without glyph boxes).
  void add_word(std::string text, Box box, double font_size = 10, bool bold = false);
};

// A column of a detected grid: its horizontal range and the label that defined it.
struct GridColumn {
  double x0 = 0, x1 = 0;
  std::string label;                  // empty for a column of values beside their labels
  int month = -1;                     // 0 (ENE) .. 11 (DIC) for the table's month columns
  double label_x0 = 0, label_x1 = 0;  // the label's own extent (borders fall between labels)
};

// A text line of the page (words sharing a baseline), for `poa inspect`.
struct Line {
  int index = 0;  // 1-based within the page
  Box box;
  std::string text;
};

// What the reader learned from one page.
struct PageLayout {
  std::vector<Line> lines;
  // From the label cells of the header block, and the values beside them on their lines.
  std::vector<GridColumn> header_grid;
  std::vector<GridColumn> table_grid;  // from the activity table's header (or carried over)
  bool table_grid_carried = false;     // the table continued from the previous page
  std::vector<CellRow> rows;           // in reading order; a kPageBreak first after page 1
  std::vector<Line> dropped;           // page furniture left out of the rows
  // What the page draws, as the layout read it (for `poa inspect`).
  Rulings rulings;
  std::vector<CellGrid> grids;
};

// What carries from one page to the next: geometry only. What a page's first rows mean (the rest
// of the previous page's last activity, more rows of its table) is the recogniser's call, from
// the facts the rows carry (RowLayout, a repeated column header, the columns of their values).
struct LayoutState {
  // The columns of the table whose body ran down to the last page's last line (the page's foot
  // cut it); empty when the last page had no table there. The next page's first lines are cut
  // into these columns when they hold values in its numeric ones (a body with no column header
  // of its own), and the opening lines of that page's first table body, a row's gap above its
  // first numbers, are set apart as a row open at the top (RowLayout).
  std::vector<GridColumn> cut_table;
  int cut_table_anual = -1;  // its first numeric column (annual, then months)
  // The page's margin lines, so that running headers and footers repeated on every page drop.
  std::vector<std::string> previous_margin_lines;  // "<rounded y>|<text with digits as #>"
  // Column borders of the tables seen so far (one template per document, usually): where a
  // page alone leaves two places open, the one used before wins. Bounded in size.
  std::vector<double> known_borders;
};

// Adds the page's dropped lines to what the reader reports (SourceInfo::furniture).
void count_dropped(const PageLayout& page, int page_number, DroppedLines& into);

// Lays out one page. Words are cleaned in place (fake-bold duplicates removed). `config` holds
// the passes' thresholds; the defaults are the tuned ones.
PageLayout layout_page(PageWords& page, LayoutState& state, const LayoutConfig& config = {});

}  // namespace poa::extractor::layout
