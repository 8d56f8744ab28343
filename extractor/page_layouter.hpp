// The page layouter's passes share this class (one file per pass, as qpdf spreads QPDF over
// QPDF_*.cc): internal to the PDF layout, not part of the extractor's interface.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/cell_grid.hpp"
#include "extractor/layout_config.hpp"
#include "extractor/pdf_layout.hpp"
#include "extractor/rulings.hpp"
#include "text/months.hpp"

namespace poa::extractor::layout::detail {

inline constexpr double kInf = 1e12;

inline double cy(const Box& b) {
  return (b.y0 + b.y1) / 2;
}
inline double height(const Box& b) {
  return b.y1 - b.y0;
}
inline double width(const Box& b) {
  return b.x1 - b.x0;
}
inline void unite(Box& a, const Box& b) {
  a.x0 = std::min(a.x0, b.x0);
  a.y0 = std::min(a.y0, b.y0);
  a.x1 = std::max(a.x1, b.x1);
  a.y1 = std::max(a.y1, b.y1);
}
inline double size_of(const Word& w) {
  return w.font_size > 0 ? w.font_size : height(w.box);
}

// Fake bold draws each glyph twice at (almost) the same place; keep the first.
void drop_doubled_glyphs(PageWords& page, Word& w, const LayoutConfig& config);

// Glyphs of a word looked at for month names: a longer word is no month name, nor glued ones.
inline constexpr std::size_t kMonthWordGlyphs = 48;

// A month name inside a word: glyphs [g0, g1).
struct Token {
  std::uint32_t g0 = 0, g1 = 0;
  int month = 0;
};

// Scratch space for find_months, reused from word to word.
struct MonthScratch {
  text::MappedKey key;
  std::vector<text::MonthSpan> spans;
};

// Month names inside a word (text::find_month_names), also when glued to a neighbour cell
// (`anualEne`), as ranges of the word's glyphs. Appends to `out`.
void find_months(const PageWords& page, const Word& w, MonthScratch& scratch,
                 std::vector<Token>& out);

// A run of a word's glyphs: a whole word, or the part of a glued word on one side of a border.
struct Piece {
  std::string_view text;
  Box box;
  double size = 0;
  bool bold = false;
};

Piece make_piece(const PageWords& page, const Word& w, std::uint32_t g0, std::uint32_t g1);

// Index of the column whose range holds `x` given the inner borders (sorted).
int column_at(const std::vector<double>& borders, double x);

// Whether a word may be cut before glyph i: only where poppler may have glued two cells into
// one word (`anualEne`, `$0.00Número`): a gap between glyphs, a change of font, a space, a
// letter/number boundary, a lower->upper case change or punctuation before a capital. Never
// between ordinary letters (`TOTA|L`).
bool may_cut(const PageWords& page, const Word& w, std::uint32_t i, const LayoutConfig& config);

// The column holding most of [x0, x1] given the inner borders (sorted).
int majority_column(const std::vector<double>& borders, double x0, double x1);

// Splits a word at the borders it crosses. A word is cut only where two cells may have been
// glued into it (may_cut); each part goes to the column holding most of its width, and
// neighbouring parts in one column stay together.
template <typename Emit>
void split_word(const PageWords& page, const Word& w, const std::vector<double>& borders,
                const LayoutConfig& config, Emit&& emit) {
  const int c0 = column_at(borders, w.box.x0 + config.border_probe);
  const int c1 = column_at(borders, w.box.x1 - config.border_probe);
  if (c0 == c1 || w.glyph_count < 2) {
    emit(make_piece(page, w, 0, w.glyph_count), column_at(borders, w.box.x0 + config.column_probe));
    return;
  }
  const Glyph* g = page.glyphs.data() + w.glyph_begin;
  std::uint32_t start = 0;
  int col = -1;
  auto flush = [&](std::uint32_t end) {
    Piece p = make_piece(page, w, start, end);
    // A glued neighbour's space may sit at the cut; it is not part of either cell.
    while (!p.text.empty() && p.text.back() == ' ') p.text.remove_suffix(1);
    while (!p.text.empty() && p.text.front() == ' ') p.text.remove_prefix(1);
    if (!p.text.empty()) emit(p, col);
  };
  std::uint32_t atom = 0;
  for (std::uint32_t i = 1; i <= w.glyph_count; ++i) {
    if (i < w.glyph_count && !may_cut(page, w, i, config)) continue;
    const int c = majority_column(borders, g[atom].x0, g[i - 1].x1);
    if (col >= 0 && c != col) {
      flush(atom);
      start = atom;
    }
    col = c;
    atom = i;
  }
  flush(w.glyph_count);
}

// `sign` is a lone currency sign and `next` starts an amount (a digit, `-` for zero, `(` for a
// negative): an accounting format's sign flush left and its amount flush right, one cell.
inline bool accounting_sign_before(std::string_view sign, std::string_view next) {
  return sign == "$" && !next.empty() &&
         std::string_view("0123456789-(").find(next.front()) != std::string_view::npos;
}

struct LineData {
  std::vector<std::uint32_t> words;
  Box box;
  double size = 0;
  int index = 0;
};

// How a line is cut into cells: the one thing the layout decides about what a line is, because
// cells cannot be cut without it. A table body's lines are cut at the borders placed between its
// column labels and grouped into rows at the lines holding numbers; a header block's at the
// borders between its labels and their values (or its drawn grid); a heading line not at all. The
// borders of the one are wrong for the other (a table's columns would split a label | value
// form's values), so the zones stay here, found from what the text says (labels.hpp's one
// classifier: labels, column labels, month names, the plan's name) and where it sits.
// What the rows mean (a title, a header block, a table, its rows, the rest of a row a page
// break cut) is the recogniser's call, from the rows' text and the facts they carry
// (RowLayout: how a line cut whole stands out, a row open at the top); it may read a row
// otherwise (a row cut as a table row whose cells are labels opens a header block there; a
// one-cell row naming the plan is a title wherever it comes).
enum class Cut {
  kDropped,      // page furniture: left out of the rows, counted (SourceInfo::furniture)
  kWhole,        // one cell: stands out above the labels, or names the plan (RowLayout's facts)
  kBlock,        // at the header block's label | value columns, or its drawn grid's cells
  kTableHeader,  // at the table's column labels (one row, plus the month row)
  kTableBody,    // at the table's columns; rows start at lines with numbers in them
};

// What the text of a line says (labels.hpp) and how it was cut.
struct LineInfo {
  Cut cut = Cut::kBlock;
  bool label = false;         // holds a header-block label cell
  bool heading = false;       // names the plan and stands out: cut whole, ends a table body
  bool above_labels = false;  // above the first label line, a gap apart (RowLayout::above_labels)
  bool months = false;        // holds six or more month names
  int letter_months = -1;     // position in the line's words of `E F M A M J J A S O N D`
  bool actividad = false;     // holds the ACTIVIDAD column label
  int zone = -1;              // table zone, for table lines
  int labels = 0;             // how many header-block label cells
  bool upper_label = false;   // one of them is written in capitals, as labels are
};

// The line's words, a space between them unless they touch (a word split by fake bold).
std::string line_text(const PageWords& page, const LineData& l, const LayoutConfig& config);

// Cells of a line split at gaps wider than a gutter and at `borders`.
struct GCell {
  std::string text;
  Box box;
  int column = 0;
  double size = 0;
  bool bold = false;
};

void gutter_cells(const PageWords& page, const LineData& l, const std::vector<double>& borders,
                  const LayoutConfig& config, std::vector<GCell>& out);

std::string margin_signature(const Box& b, std::string_view text, const LayoutConfig& config);

// The vertical gap between anchors k and k+1 where one activity ends and the next begins: the
// widest band free of text (wrapped lines within a cell sit closer than lines of two rows).
double row_border(const std::vector<LineData>& lines, const std::vector<int>& body, std::size_t a,
                  std::size_t b, const LayoutConfig& config);

// gutter_cells for a character grid: words one space apart (a run pdftotext writes in order,
// drifting from their x) are cut into cells at the word gap nearest each border they cross,
// where a cell may start (a capital, a digit, after an amount), within a drift window that
// grows along the run; a border just past the run's end, whose column the line leaves empty,
// may take the run's last words (layout_char_grid.cpp).
void char_grid_cells(const PageWords& page, const LineData& l, const std::vector<double>& borders,
                     const LayoutConfig& config, std::vector<GCell>& out);

// On a character grid (LayoutConfig::char_grid) the row gaps are gone: every line is one pitch
// from the next. Moves each border between activities r and r+1 (row_tops[r]) to the line gap
// that cuts the fewest cells in two (a line starting in lower case, or after `… de`, continues
// the line above in its column), then the widest, then the one nearest the middle
// (layout_char_grid.cpp). `cells` are the body lines' cells; columns below `text_columns` hold
// text.
void text_row_borders(const std::vector<LineData>& lines, const std::vector<int>& body,
                      const std::vector<std::vector<GCell>>& cells,
                      const std::vector<std::size_t>& anchors, int text_columns,
                      const LayoutConfig& config, std::vector<double>& row_tops);

// A piece of a table header's line: a word, or the part of one beside a month name.
struct HeaderPiece {
  Box box;
  std::string_view text;
  int line;
  double size;
};

// The column label each header piece (sorted by x0) belongs to, labels numbered from left to
// right: pieces of one line join across a word space (label_piece_gap), pieces of different
// lines when they share a column (a label's lines are stacked; round-trip seed 1685 has two
// labels of neighbouring narrow columns 4.5 pt apart on two lines); a word space between two
// pieces of a line is a border between two labels when each side has a line of its own under
// (or over) it and no other line's piece crosses it (`UNIDAD DE INVERSIÓN` over `MEDIDA   APROX.
// POR`, in a dump; `UNIDAD DE APROX. POR` between `MEDIDA` and `INVERSIÓN` / `ACTIVIDAD`, seed
// 896) (layout_columns.cpp).
// A vertical ruling drawn between two pieces of different lines parts their labels.
void label_groups(const std::vector<HeaderPiece>& pieces, const std::vector<Ruling>& vertical,
                  const LayoutConfig& config, std::vector<std::size_t>& group);

struct TableZone {
  int header_first = -1, month_line = -1;  // line positions (into `order`)
  int header_last = -1;  // the header's last line: the month line, or a label wrapped below it
  int body_first = -1, body_last = -1;  // inclusive; body_first > body_last when empty
  bool carried = false;
};

// Lays out one page: run() calls the passes in order (pdf_layout.cpp); each pass is one file.
// Pass 1 (glyphs, layout_glyphs.cpp) is the free functions above; the rulings and grid passes
// are rulings.hpp and cell_grid.hpp.
class PageLayouter {
 public:
  PageLayouter(PageWords& page, LayoutState& state, const LayoutConfig& config)
      : page_(page), state_(state), config_(config) {}
  PageLayout run();

 private:
  // The text of a drawn grid's cells over some lines: each word (or each part of a word glued
  // across a ruling, split where may_cut allows) goes to the cell holding its centre, whatever
  // its alignment in that cell; a merged cell's text is one value.
  struct GridText {
    std::string text;
    Box box;
    int first_line = -1;  // position in lines_ of its first line
    double last_x1 = 0;
    int last_line = -1;
  };

  // ---- Pass 2, lines (layout_lines.cpp)
  // The tables the page draws with rulings (none for text dumps and borderless pages).
  void find_grids();

  // The grid each line lies in: every word's centre inside the grid's frame; -1 for none.
  void place_lines_in_grids();

  void build_lines();
  // How far apart this page stacks its lines, in line heights: one sample, the distances between
  // the centres of two words of one size stacked one over the other (sharing some x), within two
  // line heights (lines of neighbouring cells may come between, interleaved), measured once a
  // page (build_lines). Two statistics of it, because two rules ask two things: whether a line
  // goes on a cell's text (TextBlock::beyond_wrap_pitch: no further than its wrapped lines), and
  // whether a line above a column header is the header's (tight_gap: a wrapped column label, or
  // a row of the header's own, as far as the page's rows).
  struct LinePitch {
    // The pitch of a cell's wrapped lines, the font's own (Carlito's 1.44 its glyphs' height,
    // Liberation Serif's in Calc 0.85, glyph boxes overlapping): the least pitch seen twice;
    // the other stacked lines are of two rows, further apart by the cells' padding. kInf when
    // none.
    double wrap = kInf;
    // The gap of the page's stacked lines whose glyph boxes do not overlap, in line heights:
    // the median of their pitches less one line. Mostly rows (a table's, a label over its
    // value): a column header's rows, a group label over the month names a row above them
    // (`PROGRAMACIÓN MENSUAL`), lie that far apart, further than wrapped lines where glyph
    // boxes overlap. -1 when none.
    double row_gap = -1;
  };
  LinePitch line_pitch() const;
  // ---- Pass 3, line kinds (layout_kinds.cpp)
  // How the line stands out (RowLayout's centred, bold, larger, indented; not above_labels).
  RowLayout line_look(const LineData& l) const;
  bool stands_out(const LineData& l) const { return line_look(l).stands_out(); }
  // On a character grid: one cell (no gutter inside), starting past a tenth of the page's width
  // (layout_char_grid.cpp).
  bool char_grid_indented(const LineData& l) const;
  // What each line's text says (labels.hpp's classify_cell), how it stands out, and page
  // furniture. A header-block label cell is looked for only in cells of at most
  // LayoutConfig::max_label_length bytes that start with a letter: a pre-filter the recogniser
  // does not apply (it asks classify_cell of every cell). Chosen not to move into
  // classify_cell: there it would change how a dump's `- META` or `(1) Estrategia` cells read;
  // here it only keeps such cells from placing the header block's columns.
  void classify_lines();
  // Months written as their initials, `E F M A M J J A S O N D`: twelve one-letter words in
  // this order on one line (a wrapped column label may come before them; labels.hpp's
  // month_initials_at tells). Returns the position of `E` in the line's words, -1 for none.
  int letter_month_run(const LineData& l) const;

  // ---- Pass 4, zones (layout_zones.cpp)
  // Every word of `l` sits over a word of lines [from, to] (the lines of a wrapped label).
  bool stacked_over(const LineData& l, int from, int to) const;
  // Whether two lines `gap` apart, the lower `h` high, are as tight as `factor` × h allows, or
  // as the page's stacked lines (line_pitch_.row_gap, LayoutConfig::pitch_slack).
  bool tight_gap(double gap, double h, double factor) const;

  // The last line of a table header whose month names are on line m: a column label wrapped
  // further down than the months (a narrow `INVERSIÓN APROX. POR` / `ACTIVIDAD`) still lies in
  // the band the page draws around the month names.
  int header_end(int m) const;
  // With no band drawn: the lines right under the month names that are a label's last words
  // (capitals, no digits, each word under a word of the header) and start above `limit` (on a
  // PDF page, the month line's foot: the label's tail shares the header row with the month
  // names centred in it; sweep seeds 28, 163).
  int header_tail_end(int m, double limit) const;

  // The top of the drawn cells holding line k's words, when k is a column header's ACTIVIDAD
  // line inside a drawn grid; -kInf otherwise.
  double header_cells_top(int k) const;

  void find_zones();
  // The lines from `first` on that continue the table the previous page's foot cut (none when
  // it cut none): they run until a line that ends a table body, and some line holds values in its
  // numeric columns and nothing else there (words that read as quantities: `12`, `1,200`, `-`).
  // Returns false when there is no such zone. (char_grid_border's "an amount starts here" also
  // counts `$`; the two are left
  // apart, since one test for both would change which pages carry a table or where a
  // character grid's border runs.)
  bool find_carried_zone(int first, TableZone& z) const;
  // The table zone whose month names are on line m: its header up to the ACTIVIDAD label and
  // the wrapped labels above it, its body down to the line that ends it.
  TableZone find_table_zone(int m) const;
  // A line that ends a table body's cutting at its columns: one that looks like a header block
  // (capitals, or several labels), a heading naming the plan or a new column header. Stricter than
  // the recogniser's label row (any header label in a row with no numbers): a body line is cut at
  // the table's columns first, and a wrapped cell that reads `Secretaría` or `Meta` must not
  // stop that; the recogniser then sees the whole row and tells a label row from an activity.
  bool stops_body(int i) const;
  // The first line from `from` on that ends a table body (dropped lines never do).
  int body_end(int from) const;
  // Lines that name the plan and stand out, and lines standing out above the first label, are
  // cut whole (Cut::kWhole, one cell with RowLayout's facts): at the header block's columns they
  // would be torn apart, and they would pull those columns out of place. Whether such a row is a
  // title is the recogniser's call (it reads these facts, and a one-cell row naming the plan
  // from any reader).
  void find_whole_lines();
  // The first line holding a label, or starting one wrapped over two lines (`PARTIDA` over
  // `PRESUPUESTAL`: neither is a label alone); lines_.size() when none.
  int first_label_line() const;
  // ---- Pass 5, columns (layout_columns.cpp)
  void find_header_grid();
  // A column of labels on whose label lines text starts right of all its labels (past a word
  // space): those are its values, beside labels wrapped over two lines and centred on them
  // (`NÚMERO DE` / `ACCIÓN` with `54` between), so on no label's line of their own. With no
  // value column after the labels they get the column they start; a value column found beside
  // the labels starts at the leftmost of those that follow text of the labels' column on their
  // line (a wrapped label's first line) when they start left of it.
  void add_value_columns(const std::vector<GCell>& cells, const std::vector<int>& lines,
                         std::size_t labels);
  // Labels of two rows sharing a column overlap but do not start together: they are centred
  // (or right-aligned) in their cells, so their left edges do not make the columns.
  bool labels_misaligned(const std::vector<GCell>& cells, const std::vector<int>& lines,
                         std::size_t labels) const;

  // Header columns from cells that overlap horizontally (a label, the labels of the other rows
  // and the values beside them in the same column); the border between two columns runs in
  // the stretch least covered by the header block's words, so a word is never cut and a
  // centred value falls in its label's column.
  void overlap_grid(const std::vector<GCell>& cells, const std::vector<int>& lines,
                    std::size_t labels);

  // The table's columns from its header lines, borders placed in the widest text-free band
  // between neighbouring labels (measured on the body lines).
  void build_table_grid(const TableZone& z);

  // Where in [a, b] (the gap between two column labels) the cell border runs: in a stretch
  // covered by the fewest body words; among several, one wider than a space, then one holding
  // a border seen before, then the one whose ends line up with the most word edges
  // (left-aligned text starts at its cell's left edge, numbers end at the right one), then
  // the longest.
  // `extents`: the words' [x0, x1], indexed once per page (free_band runs once per border).
  struct Extents {
    explicit Extents(std::vector<std::pair<double, double>> extents);
    std::vector<std::pair<double, double>> by_x0;  // sorted by x0
    std::vector<double> x1s;                       // every x1, sorted
    double widest = 0;                             // the largest x1 - x0
  };
  double free_band(const Extents& extents, double a, double b, const std::vector<double>& known,
                   double space) const;

  std::vector<std::pair<double, double>> body_extents(const TableZone& z) const;
  // Vertical rulings running down at least half the zone's height: its drawn column borders
  // (a header block's rulings above the table do not reach that far).
  std::vector<double> drawn_borders(const TableZone& z) const;

  // Borders between neighbouring columns, from their labels' extents and this page's body. A
  // border the page draws between two labels wins over the text's gutter: a narrow column's
  // wrapped text may run up to the next column's numbers with no gap the text could show.
  void place_borders(std::vector<GridColumn>& grid, const TableZone& z);
  // On a character grid a column's text overflows into the next one (pdftotext writes
  // proportional text one character per column), so the least covered band may lie inside a
  // column; where the right column's cells start after a gutter, on at least two lines, is
  // surer: the border runs just before the leftmost such start in (a, b] (`fallback` when
  // there is none); starts of amounts (a digit, `$` or `-`: right-aligned) say nothing of it
  // (layout_char_grid.cpp).
  double char_grid_border(const TableZone& z, double a, double b, double fallback) const;
  // A table carried onto a character-grid page: pdftotext picks each page's pitch, so the
  // previous page's borders miss this one's columns. Re-placed from this page's row lines
  // that hold one cell per text column and the annual and month values: each border just
  // before the leftmost cell of its column (layout_char_grid.cpp).
  void char_grid_carried_borders(std::vector<GridColumn>& grid, const TableZone& z) const;

  std::vector<double> table_borders() const;
  // ---- Pass 6, rows (layout_rows.cpp)
  // One cell per column from the pieces of `line_ids` (in reading order).
  CellRow cells_row(const std::vector<int>& line_ids, const std::vector<double>& borders,
                    bool ordinal_columns);

  // A piece of text joins the row's cell of its column (lines of a wrapped cell in reading
  // order), or starts that cell.
  static void add_to_cell(CellRow& row, int column, std::string text, const Box& box);

  static void finish_row(CellRow& row);
  // Header-block lines: those inside a drawn grid are laid out by its cells, the others by
  // their text.
  void emit_block_segment(int first, int last);

  std::vector<GridText> grid_text(const CellGrid& grid, const std::vector<int>& line_ids) const;
  // Whether the grid separates the text of lines [first, last]: no cell holds two pieces of one
  // line apart by a gutter. A page that shades its label cells but draws no borders gives a
  // "grid" whose value rows are single cells across the page; the text's own gutters do better.
  bool grid_separates_text(const CellGrid& grid, int first, int last) const;

  // Header-block lines [first, last] inside `grid`, one row per grid row: a cell's text goes
  // on the row where the cell starts, so a tall merged value, centred beside two label rows,
  // stays under its own label. Returns false (nothing emitted) when the grid is too coarse.
  bool emit_grid_block(const CellGrid& grid, int first, int last);

  // Header-block lines, one row each; except that a value wrapped over several lines and
  // centred beside its label (the label's line runs through the middle of the value) is put
  // together on the label's row, as the spreadsheet had it. A row's line is the first line of
  // its text, moved cells included (as emit_grid_block's).
  void emit_text_block(int first, int last);
  // emit_text_block's steps over the block's cells (layout_text_block.cpp).
  class TextBlock;

  void emit_block_line(int k);
  // A line cut whole: one cell, with the facts of how it stands out (RowLayout).
  void emit_whole_line(int k);
  void emit_table_header(const TableZone& z);
  // Activity rows: a new activity starts at each line with a value in the numeric columns;
  // the other lines go to the activity whose vertical band holds them.
  //
  // `under_cut_table`: the zone is the page's first content after page furniture (under a
  // repeated column header or without one) and the previous page's foot cut a table. Text lines
  // at the top of its body, a row's gap above the first row of numbers, are then set apart as a
  // row open at the top (RowLayout): the rest of a row the page break cut, may be.
  void emit_table_body(const TableZone& z, bool under_cut_table);

  // Activity rows of a table whose rows the page separates with rulings (each band between
  // two horizontal rulings holds at most one line with numbers): one row per band, whatever
  // the alignment of the text in its cells. A merged text cell spanning several rows (one
  // ÁREA RESPONSABLE for three activities) gives its text to each of them; a merged number
  // goes to its first row only, so that no amount is counted twice. Under a cut table
  // (emit_table_body), a first band with no numbers is open at the top.
  // Returns false (nothing emitted) when the rulings do not separate the rows.
  // `body_cells` are the body lines' cells at `borders` (emit_table_body's); a band line that is
  // a whole body line takes its cells from there.
  bool emit_banded_body(const std::vector<int>& body, const std::vector<std::size_t>& anchors,
                        const std::vector<double>& borders,
                        std::vector<std::vector<GCell>>& body_cells, bool under_cut_table);

  // A row of a table read from text alone whose annual and month values are as many as those
  // columns but not one per column (a dump that shifts the month header off its values, two
  // values glued into one cell): the values go to the columns in order. Rows with a missing
  // value, or with anything but quantities there, are left as they are.
  void align_numbers_by_order(CellRow& row) const;

  // Whether nothing but page furniture (dropped margins) and lines cut whole come before the zone.
  bool first_zone_on_top(const TableZone& z) const;

  void emit();

  PageWords& page_;
  LayoutState& state_;
  const LayoutConfig& config_;
  PageLayout out_;
  std::vector<LineData> lines_;
  std::vector<LineInfo> info_;
  std::vector<GCell> label_cells_;
  std::vector<int> label_lines_;    // the line of each label cell
  std::vector<GCell> value_cells_;  // cells right beside a label on its line
  std::vector<int> value_lines_;    // the line of each of those
  std::vector<double> header_borders_;
  std::vector<TableZone> zones_;
  std::vector<GridColumn> spanning_;
  Rulings rulings_;
  std::vector<CellGrid> grids_;  // the tables the page draws
  std::vector<int> line_grid_;   // per line: the grid it lies in, -1 for none
  double median_size_ = 0;
  LinePitch line_pitch_;  // line_pitch(), measured with the lines
  MonthScratch month_scratch_;
  // The columns of the table being laid out, and its first numeric column (annual, then months).
  std::vector<GridColumn> table_grid_;
  int anual_column_ = -1;
  // This page's last table body runs down to its last line: the page's foot cuts it.
  bool foot_cuts_table_ = false;
};

}  // namespace poa::extractor::layout::detail
