// Pass 6, rows: the cell rows handed to the recogniser, from the cells the page draws where it
// has them and from text lines elsewhere.
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/labels.hpp"
#include "text/values.hpp"

namespace poa::extractor::layout::detail {

double row_border(const std::vector<LineData>& lines, const std::vector<int>& body, std::size_t a,
                  std::size_t b, const LayoutConfig& config) {
  const double lo = lines[static_cast<std::size_t>(body[a])].box.y1;
  const double hi = lines[static_cast<std::size_t>(body[b])].box.y0;
  const double mid = (cy(lines[static_cast<std::size_t>(body[a])].box) +
                      cy(lines[static_cast<std::size_t>(body[b])].box)) /
                     2;
  double best_gap = -1, best_at = mid, reach = lo;
  for (std::size_t i = a + 1; i <= b; ++i) {
    const Box& bx = lines[static_cast<std::size_t>(body[i])].box;
    const double gap = bx.y0 - reach;
    if (gap > 0) {
      const double at = reach + gap / 2;
      if (gap > best_gap + config.row_gap_tie ||
          (gap > best_gap - config.row_gap_tie && std::abs(at - mid) < std::abs(best_at - mid))) {
        best_gap = std::max(gap, best_gap);
        best_at = at;
      }
    }
    reach = std::max(reach, bx.y1);
  }
  (void)hi;
  return best_gap > 0 ? best_at : mid;
}

CellRow PageLayouter::cells_row(const std::vector<int>& line_ids,
                                const std::vector<double>& borders, bool ordinal_columns) {
  CellRow row;
  row.page = page_.number;
  row.page_is_physical = true;
  row.line = lines_[static_cast<std::size_t>(line_ids.front())].index;
  std::vector<GCell> cells;
  for (int k : line_ids) {
    gutter_cells(page_, lines_[static_cast<std::size_t>(k)], borders, config_, cells);
    int ordinal = 0;
    for (GCell& c : cells) {
      const int col = ordinal_columns ? ordinal++ : c.column;
      add_to_cell(row, col, std::move(c.text), c.box);
    }
  }
  std::stable_sort(row.cells.begin(), row.cells.end(),
                   [](const Cell& a, const Cell& b) { return a.column < b.column; });
  finish_row(row);
  return row;
}

namespace {

// Whether `next`, the first word of a cell's next line, goes on the cell's `text` with no space:
// an amount wider than its cell (money typed as text), which Calc breaks between two characters
// (`$210,000.0` / `0`, sweep seed 591). The text's last word is a formatted amount (a `$` or a
// thousands separator) that reads whole only with `next`: alone it is none, or stops one digit
// after the decimal point.
bool continues_broken_amount(std::string_view text, std::string_view next) {
  if (next.empty() || !text::has_digit(next.substr(0, 1))) return false;
  const std::size_t space = text.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? text : text.substr(space + 1);
  if (last.empty() || last.find_first_of("$,") == std::string_view::npos ||
      std::string_view("0123456789,.").find(last.back()) == std::string_view::npos) {
    return false;
  }
  if (!text::parse_money(std::string(last) + std::string(next))) return false;
  const std::size_t dot = last.rfind('.');
  return (dot != std::string_view::npos && dot + 2 == last.size()) || !text::parse_money(last);
}

}  // namespace

void PageLayouter::add_to_cell(CellRow& row, int column, std::string text, const Box& box) {
  auto it = std::find_if(row.cells.begin(), row.cells.end(),
                         [&](const Cell& x) { return x.column == column; });
  if (it == row.cells.end()) {
    row.cells.push_back(Cell{std::move(text), column, 1, box});
    return;
  }
  const std::size_t word = text.find(' ');
  if (!continues_broken_amount(it->text, std::string_view(text).substr(0, word))) it->text += ' ';
  it->text += text;
  unite(*it->box, box);
}

void PageLayouter::finish_row(CellRow& row) {
  std::erase_if(row.cells, [](const Cell& c) { return c.text.empty(); });
  for (const Cell& c : row.cells) {
    if (!c.box) continue;
    if (!row.box) {
      row.box = c.box;
    } else {
      unite(*row.box, *c.box);
    }
  }
}

void PageLayouter::emit_block_segment(int first, int last) {
  for (int a = first; a <= last;) {
    const int g = line_grid_[static_cast<std::size_t>(a)];
    int b = a;
    while (b < last && line_grid_[static_cast<std::size_t>(b) + 1] == g) ++b;
    if (g < 0 || !emit_grid_block(grids_[static_cast<std::size_t>(g)], a, b)) {
      emit_text_block(a, b);
    }
    a = b + 1;
  }
}

std::vector<PageLayouter::GridText> PageLayouter::grid_text(
    const CellGrid& grid, const std::vector<int>& line_ids) const {
  std::vector<GridText> out(grid.cells.size());
  const std::vector<double> borders(grid.xs.begin() + 1, grid.xs.end() - 1);
  for (int k : line_ids) {
    for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
      const Word& w = page_.words[wi];
      const double y = cy(w.box);
      split_word(page_, w, borders, config_, [&](const Piece& p, int) {
        const GridCell* cell = grid.cell_at((p.box.x0 + p.box.x1) / 2, y);
        if (cell == nullptr) cell = grid.cell_at(p.box.x0 + config_.border_probe, y);
        if (cell == nullptr) return;
        GridText& t = out[static_cast<std::size_t>(cell - grid.cells.data())];
        if (t.first_line < 0) {
          t.first_line = k;
          t.box = p.box;
        } else {
          // Pieces of one line that touch are one word (split by fake bold or a cut).
          if (t.last_line != k || p.box.x0 - t.last_x1 > config_.word_space * p.size) t.text += ' ';
          unite(t.box, p.box);
        }
        t.text.append(p.text);
        t.last_line = k;
        t.last_x1 = p.box.x1;
      });
    }
  }
  return out;
}

bool PageLayouter::grid_separates_text(const CellGrid& grid, int first, int last) const {
  std::vector<GCell> cells;
  for (int k = first; k <= last; ++k) {
    gutter_cells(page_, lines_[static_cast<std::size_t>(k)], {}, config_, cells);
    const GridCell* previous = nullptr;
    for (const GCell& c : cells) {
      const GridCell* cell = grid.cell_at((c.box.x0 + c.box.x1) / 2, cy(c.box));
      if (cell != nullptr && cell == previous) return false;
      previous = cell;
    }
  }
  return true;
}

bool PageLayouter::emit_grid_block(const CellGrid& grid, int first, int last) {
  if (!grid_separates_text(grid, first, last)) return false;
  std::vector<int> line_ids;
  for (int k = first; k <= last; ++k) line_ids.push_back(k);
  std::vector<GridText> texts = grid_text(grid, line_ids);
  std::vector<CellRow> rows(static_cast<std::size_t>(grid.rows()));
  for (std::size_t i = 0; i < texts.size(); ++i) {
    GridText& t = texts[i];
    if (t.first_line < 0 || t.text.empty()) continue;
    const GridCell& cell = grid.cells[i];
    CellRow& row = rows[static_cast<std::size_t>(cell.row)];
    const int line = lines_[static_cast<std::size_t>(t.first_line)].index;
    if (row.cells.empty() || line < row.line) row.line = line;
    row.cells.push_back(Cell{std::move(t.text), cell.col, cell.col_span, t.box});
  }
  for (CellRow& row : rows) {
    if (row.cells.empty()) continue;
    row.page = page_.number;
    row.page_is_physical = true;
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    finish_row(row);
    out_.rows.push_back(std::move(row));
  }
  return true;
}

void PageLayouter::emit_block_line(int k) {
  const bool ordinal = header_borders_.empty() && out_.header_grid.empty();
  CellRow row = cells_row({k}, header_borders_, ordinal);
  if (!row.cells.empty()) out_.rows.push_back(std::move(row));
}

void PageLayouter::emit_whole_line(int k) {
  const LineData& l = lines_[static_cast<std::size_t>(k)];
  CellRow row;
  row.layout = line_look(l);
  row.layout->above_labels = info_[static_cast<std::size_t>(k)].above_labels;
  row.page = page_.number;
  row.page_is_physical = true;
  row.line = l.index;
  row.cells.push_back(Cell{out_.lines[static_cast<std::size_t>(k)].text, 0, 1, l.box});
  row.box = l.box;
  out_.rows.push_back(std::move(row));
}

void PageLayouter::emit_table_header(const TableZone& z) {
  const std::vector<double> borders = table_borders();
  // Row 1: the column labels (each label's wrapped lines joined), spanning labels at the
  // column their left edge falls in; row 2: the month names.
  CellRow top;
  top.page = page_.number;
  top.page_is_physical = true;
  top.line = lines_[static_cast<std::size_t>(z.header_first)].index;
  CellRow month_row = top;
  month_row.line = lines_[static_cast<std::size_t>(z.month_line)].index;
  for (std::size_t c = 0; c < table_grid_.size(); ++c) {
    const GridColumn& g = table_grid_[c];
    const bool is_month = g.month >= 0;
    Box box{g.x0, lines_[static_cast<std::size_t>(z.header_first)].box.y0, g.x1,
            lines_[static_cast<std::size_t>(z.month_line)].box.y1};
    (is_month ? month_row : top).cells.push_back(Cell{g.label, static_cast<int>(c), 1, box});
  }
  for (const GridColumn& s : spanning_) {
    int c0 = column_at(borders, s.x0 + config_.column_probe);
    int c1 = column_at(borders, s.x1 - config_.column_probe);
    // A group label centred over the months (PROGRAMACIÓN MENSUAL) heads all of them.
    int m0 = -1, m1 = -1;
    for (std::size_t c = 0; c < table_grid_.size(); ++c) {
      if (table_grid_[c].month < 0) continue;
      if (m0 < 0) m0 = static_cast<int>(c);
      m1 = static_cast<int>(c);
    }
    if (m0 >= 0 && c0 >= m0 && c1 <= m1) {
      c0 = m0;
      c1 = m1;
    }
    Box box{s.x0, lines_[static_cast<std::size_t>(z.header_first)].box.y0, s.x1,
            lines_[static_cast<std::size_t>(z.header_first)].box.y1};
    top.cells.push_back(Cell{s.label, c0, c1 - c0 + 1, box});
  }
  // Months are read from the month line; everything else in the header zone belongs to a
  // label, so the rows use the label texts found while building the grid.
  std::stable_sort(top.cells.begin(), top.cells.end(),
                   [](const Cell& a, const Cell& b) { return a.column < b.column; });
  // The month cells' boxes: the month line's extent within each column.
  finish_row(top);
  finish_row(month_row);
  if (!top.cells.empty()) out_.rows.push_back(std::move(top));
  if (!month_row.cells.empty()) out_.rows.push_back(std::move(month_row));
}

void PageLayouter::emit_table_body(const TableZone& z, bool under_cut_table) {
  std::vector<int> body;
  for (int k = z.body_first; k <= z.body_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kTableBody) body.push_back(k);
  }
  if (body.empty()) return;
  const std::vector<double> borders = table_borders();
  const int first_numeric =
      anual_column_ >= 0 ? anual_column_ : static_cast<int>(table_grid_.size());
  // Each line is cut into cells once; rows are then put together from these.
  std::vector<std::vector<GCell>> cells(body.size());
  std::vector<std::size_t> anchors;
  for (std::size_t i = 0; i < body.size(); ++i) {
    gutter_cells(page_, lines_[static_cast<std::size_t>(body[i])], borders, config_, cells[i]);
    for (const GCell& c : cells[i]) {
      if (c.column >= first_numeric) {
        anchors.push_back(i);
        break;
      }
    }
  }
  auto emit_group = [&](std::size_t from, const std::vector<std::size_t>& members,
                        bool continues = false) {
    CellRow row;
    row.layout = RowLayout{continues};
    row.page = page_.number;
    row.page_is_physical = true;
    row.line = lines_[static_cast<std::size_t>(body[from])].index;
    for (std::size_t i : members) {
      for (GCell& c : cells[i]) {
        add_to_cell(row, c.column, std::move(c.text), c.box);
      }
    }
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    align_numbers_by_order(row);
    finish_row(row);
    if (!row.cells.empty()) out_.rows.push_back(std::move(row));
  };
  if (anchors.empty()) {
    for (std::size_t i = 0; i < body.size(); ++i) emit_group(i, {i});
    return;
  }
  if (emit_banded_body(body, anchors, borders, cells, under_cut_table)) return;
  // The first row's wrapped lines sit at line pitch around its number line, so they run on
  // without a blank wider than a line; the rest of a cut row is a whole row gap above them.
  std::size_t tail = 0;  // body lines [0, tail): open at the top (a row the break cut, may be)
  if (under_cut_table) {
    double reach = lines_[static_cast<std::size_t>(body[0])].box.y1;
    for (std::size_t i = 1; i <= anchors.front(); ++i) {
      const Box& prev = lines_[static_cast<std::size_t>(body[i - 1])].box;
      const Box& cur = lines_[static_cast<std::size_t>(body[i])].box;
      if (cur.y0 - reach > config_.carried_row_gap * std::max(height(prev), height(cur))) tail = i;
      reach = std::max(reach, cur.y1);
    }
  }
  if (tail > 0) {
    std::vector<std::size_t> members(tail);
    for (std::size_t i = 0; i < tail; ++i) members[i] = i;
    emit_group(0, members, true);
  }
  std::vector<double> row_tops;  // the top border of activity r (r >= 1)
  for (std::size_t r = 0; r + 1 < anchors.size(); ++r) {
    row_tops.push_back(row_border(lines_, body, anchors[r], anchors[r + 1], config_));
  }
  if (config_.char_grid) {
    text_row_borders(lines_, body, cells, anchors, first_numeric, config_, row_tops);
  }
  // Lines after the last anchor stay with it while they run on without a paragraph gap.
  std::size_t end = anchors.back() + 1;
  while (end < body.size()) {
    const Box& prev = lines_[static_cast<std::size_t>(body[end - 1])].box;
    const Box& cur = lines_[static_cast<std::size_t>(body[end])].box;
    if (cur.y0 - prev.y1 > config_.paragraph_gap * height(cur)) break;
    ++end;
  }
  std::vector<std::vector<std::size_t>> groups(anchors.size());
  for (std::size_t i = tail; i < end; ++i) {
    const double y = cy(lines_[static_cast<std::size_t>(body[i])].box);
    const std::size_t r = static_cast<std::size_t>(
        std::upper_bound(row_tops.begin(), row_tops.end(), y) - row_tops.begin());
    groups[r].push_back(i);
  }
  for (const auto& g : groups) {
    if (!g.empty()) emit_group(g.front(), g);
  }
  for (std::size_t i = end; i < body.size(); ++i) emit_group(i, {i});
}

bool PageLayouter::emit_banded_body(const std::vector<int>& body,
                                    const std::vector<std::size_t>& anchors,
                                    const std::vector<double>& borders,
                                    std::vector<std::vector<GCell>>& body_cells,
                                    bool under_cut_table) {
  const int g = line_grid_[static_cast<std::size_t>(body[anchors.front()])];
  if (g < 0) return false;
  const CellGrid& grid = grids_[static_cast<std::size_t>(g)];
  auto band_of = [&](double y) {
    const auto it = std::upper_bound(grid.ys.begin(), grid.ys.end(), y);
    return std::clamp(static_cast<int>(it - grid.ys.begin()) - 1, 0, grid.rows() - 1);
  };
  std::vector<int> anchor_bands;
  for (std::size_t a : anchors) {
    const int k = body[a];
    if (line_grid_[static_cast<std::size_t>(k)] != g) return false;
    const int band = band_of(cy(lines_[static_cast<std::size_t>(k)].box));
    if (!anchor_bands.empty() && anchor_bands.back() == band) return false;
    anchor_bands.push_back(band);
  }
  // Which cells hold a number: those are never copied to the other rows they span.
  std::vector<char> numeric(grid.cells.size(), 0);
  for (int k : body) {
    if (line_grid_[static_cast<std::size_t>(k)] != g) continue;
    for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
      const Word& w = page_.words[wi];
      const GridCell* cell = grid.cell_at((w.box.x0 + w.box.x1) / 2, cy(w.box));
      if (cell != nullptr && text::has_digit(w.text)) numeric[cell - grid.cells.data()] = 1;
    }
  }
  // The words of each band, line by line (a band's line keeps only the band's words).
  std::vector<std::vector<LineData>> bands(static_cast<std::size_t>(grid.rows()));
  std::vector<std::vector<std::size_t>> band_lines(bands.size());  // each band line's body line
  std::vector<int> before, after;  // body lines outside the grid, above and below it
  for (std::size_t i = 0; i < body.size(); ++i) {
    const int k = body[i];
    const LineData& l = lines_[static_cast<std::size_t>(k)];
    if (line_grid_[static_cast<std::size_t>(k)] != g) {
      (cy(l.box) < grid.ys.front() ? before : after).push_back(k);
      continue;
    }
    for (std::uint32_t wi : l.words) {
      const Word& w = page_.words[wi];
      const GridCell* cell = grid.cell_at((w.box.x0 + w.box.x1) / 2, cy(w.box));
      int r0 = band_of(cy(w.box)), r1 = r0;
      if (cell != nullptr) {
        r0 = cell->row;
        r1 = numeric[cell - grid.cells.data()] ? cell->row : cell->row + cell->row_span - 1;
      }
      for (int r = r0; r <= r1; ++r) {
        auto& band = bands[static_cast<std::size_t>(r)];
        if (band.empty() || band.back().index != l.index) {
          band.push_back(LineData{{}, w.box, l.size, l.index});
          band_lines[static_cast<std::size_t>(r)].push_back(i);
        }
        band.back().words.push_back(wi);
        unite(band.back().box, w.box);
      }
    }
  }
  auto emit_line = [&](int k) {
    CellRow row = cells_row({k}, borders, false);
    if (!row.cells.empty()) out_.rows.push_back(std::move(row));
  };
  for (int k : before) emit_line(k);
  std::vector<GCell> cells;
  std::vector<char> taken(body.size(), 0);  // body_cells[i] moved out already
  bool first_band = true;
  for (std::size_t r = 0; r < bands.size(); ++r) {
    if (bands[r].empty()) continue;
    CellRow row;
    row.page = page_.number;
    row.page_is_physical = true;
    row.line = bands[r].front().index;
    const bool numbers = std::find(anchor_bands.begin(), anchor_bands.end(), static_cast<int>(r)) !=
                         anchor_bands.end();
    row.layout = RowLayout{under_cut_table && first_band && !numbers};
    first_band = false;
    for (std::size_t j = 0; j < bands[r].size(); ++j) {
      const LineData& l = bands[r][j];
      const std::size_t i = band_lines[r][j];
      // A band line holding all of its body line's words (the usual case) is that line, cut
      // already by emit_table_body: its cells are taken, once.
      if (!config_.char_grid && !taken[i] &&
          l.words.size() == lines_[static_cast<std::size_t>(body[i])].words.size()) {
        cells = std::move(body_cells[i]);
        taken[i] = 1;
      } else {
        gutter_cells(page_, l, borders, config_, cells);
      }
      for (GCell& c : cells) add_to_cell(row, c.column, std::move(c.text), c.box);
    }
    std::stable_sort(row.cells.begin(), row.cells.end(),
                     [](const Cell& a, const Cell& b) { return a.column < b.column; });
    finish_row(row);
    if (!row.cells.empty()) out_.rows.push_back(std::move(row));
  }
  for (int k : after) emit_line(k);
  return true;
}

void PageLayouter::align_numbers_by_order(CellRow& row) const {
  const int first = anual_column_;
  int last = -1;
  for (std::size_t c = 0; c < table_grid_.size(); ++c) {
    if (table_grid_[c].month >= 0) last = static_cast<int>(c);
  }
  if (first < 0 || last <= first) return;
  const std::size_t n = static_cast<std::size_t>(last) - static_cast<std::size_t>(first) + 1;
  auto each_token = [](std::string_view text, auto&& f) {
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find(' ', start);
      if (end == std::string_view::npos) end = text.size();
      if (end > start) f(text.substr(start, end - start));
      start = end + 1;
    }
  };
  // First look without allocating (every row of every table passes here; nearly all hold one
  // quantity per column and are left alone).
  std::size_t count = 0;
  bool quantities = true;
  bool one_per_column = true;
  int expected = first;
  for (const Cell& c : row.cells) {
    if (c.column < first || c.column > last) continue;
    one_per_column = one_per_column && c.column == expected++;
    std::size_t in_cell = 0;
    each_token(c.text, [&](std::string_view t) {
      quantities = quantities && text::looks_like_quantity(t);
      ++in_cell;
    });
    count += in_cell;
    one_per_column = one_per_column && in_cell == 1;
  }
  if (!quantities || one_per_column || count != n) return;
  std::vector<Cell> values;
  for (const Cell& c : row.cells) {
    if (c.column < first || c.column > last) continue;
    each_token(c.text, [&](std::string_view t) {
      values.push_back(Cell{std::string(t), first + static_cast<int>(values.size()), 1, c.box});
    });
  }
  std::erase_if(row.cells, [&](const Cell& c) { return c.column >= first && c.column <= last; });
  for (Cell& v : values) row.cells.push_back(std::move(v));
  std::stable_sort(row.cells.begin(), row.cells.end(),
                   [](const Cell& a, const Cell& b) { return a.column < b.column; });
}

bool PageLayouter::first_zone_on_top(const TableZone& z) const {
  const int first = z.carried ? z.body_first : z.header_first;
  for (int k = 0; k < first; ++k) {
    const LineInfo& inf = info_[static_cast<std::size_t>(k)];
    if (inf.cut != Cut::kDropped && inf.cut != Cut::kWhole) return false;
  }
  return true;
}

void PageLayouter::emit() {
  if (page_.number > 1) {
    CellRow br;
    br.kind = RowKind::kPageBreak;
    br.page = page_.number;
    br.line = 1;
    br.page_is_physical = true;
    out_.rows.push_back(std::move(br));
  }
  const int n = static_cast<int>(lines_.size());
  // Page furniture is left out of the rows (also inside a table zone), but reported.
  for (int i = 0; i < n; ++i) {
    if (info_[static_cast<std::size_t>(i)].cut == Cut::kDropped) {
      out_.dropped.push_back(out_.lines[static_cast<std::size_t>(i)]);
    }
  }
  // The cut table's columns are read before the page's own tables replace them.
  const std::vector<GridColumn> carried = std::move(state_.cut_table);
  const int carried_anual = state_.cut_table_anual;
  std::vector<GridColumn> last_grid;
  int last_anual = -1;
  for (int i = 0; i < n;) {
    const LineInfo& inf = info_[static_cast<std::size_t>(i)];
    switch (inf.cut) {
      case Cut::kDropped:
        ++i;
        break;
      case Cut::kWhole:
        emit_whole_line(i++);
        break;
      case Cut::kBlock: {
        int j = i;
        while (j + 1 < n && info_[static_cast<std::size_t>(j) + 1].cut == Cut::kBlock) ++j;
        emit_block_segment(i, j);
        i = j + 1;
        break;
      }
      case Cut::kTableHeader:
      case Cut::kTableBody: {
        const TableZone& z = zones_[static_cast<std::size_t>(inf.zone)];
        spanning_.clear();
        if (z.carried) {
          // Same columns as the previous page; the borders between them are placed again
          // on this page's text, which may run wider than the previous page's.
          table_grid_ = carried;
          place_borders(table_grid_, z);
          anual_column_ = carried_anual;
          if (config_.char_grid) char_grid_carried_borders(table_grid_, z);
          out_.table_grid_carried = true;
        } else {
          build_table_grid(z);
          emit_table_header(z);
        }
        emit_table_body(z, !carried.empty() && inf.zone == 0 && first_zone_on_top(z));
        last_grid = table_grid_;
        last_anual = anual_column_;
        if (out_.table_grid.empty() || !z.carried) out_.table_grid = table_grid_;
        i = std::max(z.body_last, z.header_last) + 1;
        break;
      }
    }
  }
  // Only a table the page's foot cuts carries over (geometry: its columns).
  state_.cut_table.clear();
  state_.cut_table_anual = -1;
  if (foot_cuts_table_) {
    state_.cut_table_anual = last_grid.empty() ? carried_anual : last_anual;
    state_.cut_table = last_grid.empty() ? carried : std::move(last_grid);
  }
}

}  // namespace poa::extractor::layout::detail
