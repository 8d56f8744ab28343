// Pass 6, rows of a header block read from its text (no drawn grid): each line cut into cells,
// and the wrapped values and labels moved onto the row of their label (emit_text_block's steps).
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/labels.hpp"
#include "extractor/page_layouter.hpp"
#include "text/values.hpp"

namespace poa::extractor::layout::detail {

// The cells of header-block lines [first, last] and, for each, the line it moves to. Steps, in
// order: cut_lines(), join_spanning_values(), find_moves(), emit().
class PageLayouter::TextBlock {
 public:
  TextBlock(const PageLayouter& layouter, int first, int last)
      : l_(layouter), first_(first), n_(last - first + 1), cells_(static_cast<std::size_t>(n_)) {}

  // Cuts each line into cells at the header's borders, marking the cells that are labels.
  void cut_lines();
  // Moves a value's text that spills left into the label column onto its value column.
  void spilled_values(std::vector<GCell>& cells) const;
  // Glues back a value merged across the form's width that the header's borders cut.
  void join_spanning_values();
  // Decides where the lines of each wrapped value or label go.
  void find_moves();
  // One row per line, moved cells on the row they moved to.
  void emit(std::vector<CellRow>& rows);

 private:
  struct BlockCell {
    GCell cell;
    bool label = false;
    int target = -1;             // line it moves to, -1 when it stays
    int starts_label = -1;       // a label or a wrapped label's first line: -1 not known yet
    bool wrapped_label = false;  // a line of a label wrapped in a label column (unjoined lines)
  };
  // A column followed down from a cell (find_wrapped): its lines, and what lies beside them.
  struct Wrapped {
    std::vector<BlockCell*> chain;
    bool label_chain = false;  // the lines read as one label
    int label_line = -1;       // first line with labels of other columns but none in this one
    int beside_line = -1;      // the line where a label sits beside the value
    int labels_line = -1;      // the first of the chain's lines below the head's with labels
    int last = -1;             // the chain's last line
  };

  std::vector<BlockCell>& line(int pos) { return cells_[static_cast<std::size_t>(pos)]; }
  // Index into lines_ and info_ of the block's line `pos`.
  std::size_t page_line(int pos) const {
    return static_cast<std::size_t>(first_) + static_cast<std::size_t>(pos);
  }
  BlockCell* find_col(int pos, int col);
  // Whether `text` reads as a label with no value after it (within the label length limit).
  bool label_alone(const std::string& text) const;
  bool starts_label(int pos, std::size_t i);
  bool beside_label(int pos, std::size_t i);
  bool value_column(int col) const;
  bool nearer_below(int q, const BlockCell& above, const BlockCell& bc);
  bool apart_from_above(int pos, const BlockCell& bc, double gap_below);
  static bool whole_amount(const BlockCell& bc);
  double first_word_width(int pos, const BlockCell& bc) const;
  bool next_word_fits(const BlockCell& above, int q, const BlockCell& next, double widest) const;
  bool beyond_wrap_pitch(const BlockCell& above, const BlockCell& next) const;
  void follow_value(int pos, BlockCell& head);
  Wrapped find_wrapped(int pos, BlockCell& head);
  int wrapped_target(int pos, const BlockCell& head, const Wrapped& w) const;

  const PageLayouter& l_;
  int first_;
  int n_;
  std::vector<std::vector<BlockCell>> cells_;  // per line
};

void PageLayouter::emit_text_block(int first, int last) {
  if (header_borders_.empty() && out_.header_grid.empty()) {
    for (int k = first; k <= last; ++k) emit_block_line(k);
    return;
  }
  TextBlock block(*this, first, last);
  block.cut_lines();
  block.join_spanning_values();
  block.find_moves();
  block.emit(out_.rows);
}

void PageLayouter::TextBlock::cut_lines() {
  std::vector<GCell> cells;
  for (int pos = 0; pos < n_; ++pos) {
    const std::size_t k = page_line(pos);
    gutter_cells(l_.page_, l_.lines_[k], l_.header_borders_, l_.config_, cells);
    const bool has_labels = l_.info_[k].labels > 0;
    spilled_values(cells);
    for (GCell& c : cells) {
      const bool label = has_labels && c.text.size() < l_.config_.max_label_length &&
                         classify_cell(c.text, {.column = false}).header;
      line(pos).push_back(BlockCell{std::move(c), label, -1});
    }
  }
}

// The border of a value column beside a label column is where the leftmost value beside a
// label starts. A value centred in a cell merged across the form, wider than those, starts
// further left (sweep seed 11: META's first line of three, on a line with no label; seed 554:
// BENEFICIARIOS' value under the right-hand labels' amounts, label cell empty, on another
// row's label line): text of a label column that starts a gutter past all of that column's
// labels is the value column's, one cell with the rest of the line there.
void PageLayouter::TextBlock::spilled_values(std::vector<GCell>& cells) const {
  const auto& grid = l_.out_.header_grid;
  bool moved = false;
  for (GCell& c : cells) {
    const auto col = static_cast<std::size_t>(c.column);
    if (col + 1 >= grid.size() || grid[col].label.empty() || !grid[col + 1].label.empty() ||
        c.box.x0 <= grid[col].label_x1 + l_.config_.gutter * c.size || label_alone(c.text)) {
      continue;
    }
    c.column += 1;
    moved = true;
  }
  if (!moved) return;
  for (std::size_t i = 1; i < cells.size();) {
    if (cells[i].column != cells[i - 1].column) {
      ++i;
      continue;
    }
    cells[i - 1].text += ' ';
    cells[i - 1].text += cells[i].text;
    unite(cells[i - 1].box, cells[i].box);
    cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(i));
  }
}

PageLayouter::TextBlock::BlockCell* PageLayouter::TextBlock::find_col(int pos, int col) {
  for (BlockCell& bc : line(pos)) {
    if (bc.cell.column == col) return &bc;
  }
  return nullptr;
}

bool PageLayouter::TextBlock::label_alone(const std::string& text) const {
  if (text.size() > l_.config_.max_label_length) return false;
  const std::optional<LabelMatch> m = classify_cell(text, {.column = false}).header;
  return m && m->value.empty();
}

// A label, or the first line of a label wrapped in its cell (`NOMBRE DE LA` / `ACCIÓN`).
bool PageLayouter::TextBlock::starts_label(int pos, std::size_t i) {
  BlockCell& bc = line(pos)[i];
  if (bc.label) return true;
  if (bc.starts_label < 0) {
    bc.starts_label = 0;
    const BlockCell* next = pos + 1 < n_ ? find_col(pos + 1, bc.cell.column) : nullptr;
    if (next &&
        next->cell.box.y0 - bc.cell.box.y1 <= l_.config_.label_line_gap * height(next->cell.box) &&
        bc.cell.text.size() + next->cell.text.size() < l_.config_.max_label_length) {
      bc.starts_label = label_alone(bc.cell.text + ' ' + next->cell.text);
    }
  }
  return bc.starts_label > 0;
}

// The cell sits right beside a label, in the next column (a form laid out label | value).
bool PageLayouter::TextBlock::beside_label(int pos, std::size_t i) {
  const auto& cells = line(pos);
  return i > 0 && cells[i - 1].cell.column + 1 == cells[i].cell.column && starts_label(pos, i - 1);
}

// A column of the header grid that holds values, not labels.
bool PageLayouter::TextBlock::value_column(int col) const {
  const auto& grid = l_.out_.header_grid;
  return col >= 0 && static_cast<std::size_t>(col) < grid.size() &&
         grid[static_cast<std::size_t>(col)].label.empty();
}

// A value merged across the form's width runs under the labels of a block on its right: the
// block's borders cut its line where the text has no gutter. A piece of a value column's cell
// that follows it with no gutter, and is no label, is the rest of that value (bottom up, so
// that starts_label looks at lines already joined). A label wrapped in a column of labels beside
// such a value (`NÚMERO DE` / `ACCIÓN`, each less than a gutter after one of its lines: sweep
// seed 40) reads as a label only with both its lines, so it is looked for before any join.
void PageLayouter::TextBlock::join_spanning_values() {
  for (int pos = 0; pos + 1 < n_; ++pos) {
    for (std::size_t i = 0; i < line(pos).size(); ++i) {
      BlockCell& bc = line(pos)[i];
      if (bc.label || value_column(bc.cell.column) || !starts_label(pos, i)) continue;
      bc.wrapped_label = true;
      find_col(pos + 1, bc.cell.column)->wrapped_label = true;
    }
  }
  for (int pos = n_ - 1; pos >= 0; --pos) {
    auto& cells = line(pos);
    for (std::size_t i = 1; i < cells.size();) {
      GCell& value = cells[i - 1].cell;
      const GCell& rest = cells[i].cell;
      const double gap = rest.box.x0 - value.box.x1;
      if (cells[i - 1].label || cells[i].label || cells[i].wrapped_label ||
          !value_column(value.column) || gap >= l_.config_.gutter * rest.size ||
          starts_label(pos, i)) {
        ++i;
        continue;
      }
      if (gap > l_.config_.word_space * rest.size) value.text += ' ';
      value.text += rest.text;
      unite(value.box, rest.box);
      cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  // Joined lines read differently: starts_label looks again.
  for (auto& cells : cells_) {
    for (BlockCell& bc : cells) bc.starts_label = -1;
  }
}

// Lines of one cell sit at the font's line pitch; the next row starts further down (its
// padding). A line nearer the next line of its column than the line above starts the cell
// below (aligned to its bottom, or centred on a label whose line comes between), it does not
// continue the one above. Lines that leave the column empty (the label's own line, between two
// lines of a value centred on it) are passed over.
bool PageLayouter::TextBlock::nearer_below(int q, const BlockCell& above, const BlockCell& bc) {
  const BlockCell* below = nullptr;
  for (int r = q + 1; r < n_ && below == nullptr; ++r) below = find_col(r, bc.cell.column);
  if (below == nullptr || below->label) return false;
  const double gap_above = bc.cell.box.y0 - above.cell.box.y1;
  const double gap_below = below->cell.box.y0 - bc.cell.box.y1;
  return gap_above - gap_below > l_.config_.nearer_below * height(bc.cell.box);
}

// nearer_below's rule read upwards: a cell alone on its line (between two label rows), further
// from the line above it in its column than from the line below (`gap_below`) by the same
// margin, starts a value that goes on below, even with a gap wider than wrap_gap (a font whose
// line pitch is well over its glyphs' height). A line with other cells (a wrapped label's last
// line, `ACCIÓN` / `APROXIMADA`) is a row of its own.
bool PageLayouter::TextBlock::apart_from_above(int pos, const BlockCell& bc, double gap_below) {
  if (line(pos).size() != 1) return false;
  const BlockCell* above = nullptr;
  for (int r = pos - 1; r >= 0 && above == nullptr; --r) above = find_col(r, bc.cell.column);
  if (above == nullptr) return false;
  const double gap_above = bc.cell.box.y0 - above->cell.box.y1;
  return gap_above - gap_below > l_.config_.nearer_below * height(bc.cell.box);
}

// An amount is whole on its line: the line below is another field's value, maybe one whose
// label was left empty (`$ 60,000.00` over `M 3,120 H 2,875`, sweep seed 254), or the value of
// the next label when the amount's own label wraps (`INVERSIÓN` / `APROXIMADA $ 615,500.00`
// over ESTRATEGIA's value, seed 381).
bool PageLayouter::TextBlock::whole_amount(const BlockCell& bc) {
  return bc.cell.text.front() == '$' && text::parse_money(bc.cell.text);
}

// The width of the first word of the cell's text (its first piece on the line).
double PageLayouter::TextBlock::first_word_width(int pos, const BlockCell& bc) const {
  for (std::uint32_t wi : l_.lines_[page_line(pos)].words) {
    const Box& b = l_.page_.words[wi].box;
    if (std::abs(b.x0 - bc.cell.box.x0) < 1e-6) return std::min(b.x1, bc.cell.box.x1) - b.x0;
  }
  return kInf;
}

// A spreadsheet (or word processor) wraps a cell's text where the next word does not fit: a
// line whose first word would have fit at the end of the line above, in a cell at least as wide
// as the widest line of the text (`widest`, a space counted generously), is not that line's
// wrap but another cell's text (`19` of NÚMERO DE ACCIÓN over ESTRATEGIA's value, both aligned
// to their cells' bottom: sweep seed 381).
bool PageLayouter::TextBlock::next_word_fits(const BlockCell& above, int q, const BlockCell& next,
                                             double widest) const {
  const double needed = (above.cell.box.x1 - above.cell.box.x0) +
                        l_.config_.space_width * next.cell.size + first_word_width(q, next);
  return needed <= widest;
}

// A cell's wrapped lines lie one line pitch apart, the same for every cell of the font; a row's
// lines further apart (the cells' padding between them). A line further below the one above
// than the page's wrapped lines lie, by nearer_below × its height, is another cell's (META's
// one line, label cell left empty, right over PROPÓSITO's value, both aligned to their cells'
// bottom, rows as tight as the lines of a cell's text are loose: sweep seed 236).
bool PageLayouter::TextBlock::beyond_wrap_pitch(const BlockCell& above,
                                                const BlockCell& next) const {
  const double h = height(above.cell.box);
  return cy(next.cell.box) - cy(above.cell.box) >
         (l_.line_pitch_.wrap + l_.config_.nearer_below) * h;
}

void PageLayouter::TextBlock::find_moves() {
  for (int pos = 0; pos < n_; ++pos) {
    for (std::size_t hi = 0; hi < line(pos).size(); ++hi) {
      BlockCell& head = line(pos)[hi];
      if (head.target >= 0) continue;
      if (!head.label && beside_label(pos, hi) && !starts_label(pos, hi)) {
        follow_value(pos, head);
        continue;
      }
      const Wrapped w = find_wrapped(pos, head);
      const int to = wrapped_target(pos, head, w);
      if (to < 0) continue;
      for (BlockCell* bc : w.chain) bc->target = to;
    }
  }
}

// A value beside its label, wrapped over the lines below it: they join it, up to a line where
// the column holds a value of the next label row (or a label).
void PageLayouter::TextBlock::follow_value(int pos, BlockCell& head) {
  if (whole_amount(head)) return;
  std::vector<BlockCell*> chain{&head};
  double widest = width(head.cell.box);
  for (int q = pos + 1; q < n_; ++q) {
    auto& cells = line(q);
    std::size_t j = 0;
    while (j < cells.size() && cells[j].cell.column != head.cell.column) ++j;
    if (j == cells.size()) break;
    BlockCell& next = cells[j];
    widest = std::max(widest, width(next.cell.box));
    if (next.label || next.target >= 0 ||
        next.cell.box.y0 - chain.back()->cell.box.y1 >
            l_.config_.wrap_gap * height(next.cell.box) ||
        beside_label(q, j) || starts_label(q, j) || nearer_below(q, *chain.back(), next) ||
        next_word_fits(*chain.back(), q, next, widest) || beyond_wrap_pitch(*chain.back(), next)) {
      break;
    }
    chain.push_back(&next);
  }
  if (chain.size() >= 2) {
    for (BlockCell* bc : chain) bc->target = pos;
  }
}

// Follows head's column down while its lines continue one cell: a label may wrap too
// (`INVERSIÓN` / `APROXIMADA`), its lines joining while together they still read as a label.
PageLayouter::TextBlock::Wrapped PageLayouter::TextBlock::find_wrapped(int pos, BlockCell& head) {
  Wrapped w;
  w.label_chain = head.label;
  w.chain.push_back(&head);
  w.last = pos;
  if (whole_amount(head)) return w;
  std::string label_text = head.cell.text;
  double pitch_gap = 0;  // the gap between the chain's first two lines
  double widest = width(head.cell.box);
  for (int q = pos + 1; q < n_; ++q) {
    BlockCell* next = find_col(q, head.cell.column);
    if (!next) {
      if (l_.info_[page_line(q)].labels > 0 && w.label_line < 0) {
        w.label_line = q;
      }
      continue;
    }
    const Box& prev = w.chain.back()->cell.box;
    const double gap = next->cell.box.y0 - prev.y1;
    if (next->label || gap > l_.config_.label_line_gap * height(next->cell.box)) break;
    // (Only a label's lines may lie further apart than a value's: loose line spacing.)
    const bool loose = gap > l_.config_.wrap_gap * height(next->cell.box);
    if (loose && !w.label_chain && w.chain.size() > 1) break;
    // A value's lines keep the pitch of its first two: a wider gap is the padding between two
    // rows, and the line below starts the next row's value (one beside its label).
    if (!w.label_chain && w.chain.size() > 1 &&
        gap - pitch_gap > l_.config_.nearer_below * height(next->cell.box)) {
      break;
    }
    // A label that only reads as one once joined (`NOMBRE DE LA` / `ACCIÓN`) starts a label
    // chain too; in a column of labels, also once three lines are joined (a label Calc broke
    // inside a word, `PARTIDA` / `PRESUPUEST` / `AL`, sweep seed 381).
    const bool label_column = !value_column(head.cell.column);
    if (w.label_chain || w.chain.size() == 1 || label_column) {
      std::string joined = label_text + ' ' + next->cell.text;
      // A label and its value stay apart; an amount never continues a label, though the label
      // matcher reads its `$` as nothing (`INVERSIÓN APROXIMADA` over `$ -`, sweep seed 195).
      const bool joins = next->cell.text.front() != '$' && label_alone(joined);
      // A label's lines read as one only with the line after (`INVERSION` / `APROXIMA` / `DA`,
      // seed 500).
      const BlockCell* after = q + 1 < n_ ? find_col(q + 1, head.cell.column) : nullptr;
      const bool goes_on = joins || (label_column && w.label_chain && after != nullptr &&
                                     label_alone(joined + ' ' + after->cell.text));
      if (!goes_on && (w.label_chain || (loose && !apart_from_above(pos, head, gap)))) break;
      if (joins) {
        w.label_chain = true;
        label_text = std::move(joined);
      } else if (label_column) {
        label_text = std::move(joined);
      }
    }
    if (!w.label_chain) {
      widest = std::max(widest, width(next->cell.box));
      if (next_word_fits(*w.chain.back(), q, *next, widest) ||
          beyond_wrap_pitch(*w.chain.back(), *next)) {
        break;
      }
      const auto j = static_cast<std::size_t>(next - line(q).data());
      if (beside_label(q, j) && !starts_label(q, j)) {
        if (w.beside_line >= 0) break;  // the next label's value
        w.beside_line = q;
      }
    }
    if (w.chain.size() == 1) pitch_gap = gap;
    if (w.labels_line < 0 && l_.info_[page_line(q)].labels > 0) w.labels_line = q;
    w.chain.push_back(next);
    w.last = q;
  }
  return w;
}

// The line a wrapped chain moves to, -1 when it stays where it is.
int PageLayouter::TextBlock::wrapped_target(int pos, const BlockCell& head,
                                            const Wrapped& w) const {
  if (w.chain.size() < 2) return -1;
  if (w.label_chain) {
    // The wrapped label goes onto the line of the other labels of its row (they are centred,
    // so on one of its lines below the first or between them); with none there (their cells
    // left empty), onto a line between its first and last that holds its value, beside it
    // (`PARTIDA` / `2211, 3361, 4411` / `PRESUPUESTAL`, sweep seed 682); else where it starts.
    for (int q = pos + 1; q <= w.last; ++q) {
      for (const BlockCell& bc : cells_[static_cast<std::size_t>(q)]) {
        if (bc.label && bc.cell.column != head.cell.column) return q;
      }
    }
    for (int q = pos + 1; q < w.last; ++q) {
      for (const BlockCell& bc : cells_[static_cast<std::size_t>(q)]) {
        if (bc.cell.column == head.cell.column + 1 && value_column(bc.cell.column)) return q;
      }
    }
    return pos;
  }
  // A value wrapped in its cell and aligned to the bottom (or centred), so that its label's
  // line is its last (or a middle) one: the lines above belong to that label, not to the row
  // above.
  if (w.beside_line >= 0) return w.beside_line;
  // The same with its label cell left empty: lines of a value column alone on theirs down to
  // the row's line, where the other columns' labels sit (META's three lines bottom-aligned, the
  // last on PARTIDA's label line: sweep seed 561). (In a label column they are a label broken
  // inside a word, `APROXIMA` / `DA`, seed 500.)
  if (w.labels_line >= 0 && l_.info_[page_line(pos)].labels == 0 &&
      value_column(head.cell.column)) {
    return w.labels_line;
  }
  // The same value with no label below it either: its lines are one cell, one row (META's two
  // lines bottom-aligned under ESTRATEGIA's row, its label cell left empty: sweep seed 287).
  if (w.label_line < 0 && l_.info_[page_line(pos)].labels == 0 && value_column(head.cell.column)) {
    return pos;
  }
  if (w.label_line < 0) return -1;
  // The label's line must run between the value's first and last lines.
  const double label_cy = cy(l_.lines_[page_line(w.label_line)].box);
  if (label_cy <= cy(w.chain.front()->cell.box) || label_cy >= cy(w.chain.back()->cell.box)) {
    return -1;
  }
  return w.label_line;
}

void PageLayouter::TextBlock::emit(std::vector<CellRow>& rows) {
  std::vector<CellRow> moved(static_cast<std::size_t>(n_));
  std::vector<int> top(static_cast<std::size_t>(n_));  // a row's first line, with moved cells
  for (int pos = 0; pos < n_; ++pos) top[static_cast<std::size_t>(pos)] = pos;
  for (int pos = 0; pos < n_; ++pos) {
    for (BlockCell& bc : line(pos)) {
      if (bc.target < 0) continue;
      auto& t = top[static_cast<std::size_t>(bc.target)];
      t = std::min(t, pos);
      add_to_cell(moved[static_cast<std::size_t>(bc.target)], bc.cell.column,
                  std::move(bc.cell.text), bc.cell.box);
    }
  }
  for (int pos = 0; pos < n_; ++pos) {
    CellRow row;
    row.page = l_.page_.number;
    row.page_is_physical = true;
    row.line = l_.lines_[page_line(top[static_cast<std::size_t>(pos)])].index;
    for (BlockCell& bc : line(pos)) {
      if (bc.target < 0) add_to_cell(row, bc.cell.column, std::move(bc.cell.text), bc.cell.box);
    }
    for (Cell& c : moved[static_cast<std::size_t>(pos)].cells) row.cells.push_back(std::move(c));
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    finish_row(row);
    if (!row.cells.empty()) rows.push_back(std::move(row));
  }
}

}  // namespace poa::extractor::layout::detail
