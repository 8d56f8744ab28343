// Pass 5, columns: the header block's and the activity table's column borders, from the labels,
// the text's gutters and the rulings the page draws.
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/labels.hpp"

namespace poa::extractor::layout::detail {

void PageLayouter::find_header_grid() {
  if (label_cells_.empty()) return;
  std::vector<GCell> cells;
  auto outside_tables = [&](int line) {
    const Cut r = info_[static_cast<std::size_t>(line)].cut;
    return r != Cut::kTableHeader && r != Cut::kTableBody;
  };
  for (std::size_t i = 0; i < label_cells_.size(); ++i) {
    if (outside_tables(label_lines_[i])) cells.push_back(label_cells_[i]);
  }
  if (cells.empty()) return;
  const std::size_t labels = cells.size();
  std::vector<int> cell_lines;
  for (std::size_t i = 0; i < label_cells_.size(); ++i) {
    if (outside_tables(label_lines_[i])) cell_lines.push_back(label_lines_[i]);
  }
  // The start of the label each value sits beside, on its line.
  std::vector<double> own_label_x0(labels, 0);
  for (std::size_t i = 0; i < value_cells_.size(); ++i) {
    if (!outside_tables(value_lines_[i])) continue;
    const GCell& v = value_cells_[i];
    double x0 = 0, x1 = -kInf;
    for (std::size_t j = 0; j < labels; ++j) {
      if (cell_lines[j] == value_lines_[i] && cells[j].box.x1 <= v.box.x0 && cells[j].box.x1 > x1) {
        x0 = cells[j].box.x0;
        x1 = cells[j].box.x1;
      }
    }
    cells.push_back(v);
    own_label_x0.push_back(x0);
  }
  if (labels_misaligned(cells, cell_lines, labels)) {
    overlap_grid(cells, cell_lines, labels);
    return;
  }
  // Labels first at equal x: a column that labels and values both start is named after the
  // label.
  std::vector<std::size_t> order(cells.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cells[a].box.x0 < cells[b].box.x0; });
  for (std::size_t i : order) {
    const GCell& c = cells[i];
    auto& grid = out_.header_grid;
    if (!grid.empty() && c.box.x0 - grid.back().x0 < config_.same_start * c.size) {
      if (grid.back().label.empty() && i < labels) grid.back().label = c.text;
      continue;
    }
    // Values beside one label column make one column: the leftmost value starts it (the
    // others are centred or right-aligned in their cells, and must not cut its text).
    if (i >= labels && !grid.empty() && grid.back().label.empty()) continue;
    // A value that starts past another column of labels than its own label's is centred in a
    // cell merged across the form, under that block of labels: it starts no column (sweep
    // seeds 27, 122: PARTIDA's `2461, 2491` cut `NUMERO | DE ACCION` off their values).
    if (i >= labels && !grid.empty() &&
        grid.back().x0 > own_label_x0[i] + config_.same_start * c.size)
      continue;
    // A column of values beside their labels has no label of its own.
    grid.push_back(GridColumn{c.box.x0, page_.width, i < labels ? c.text : std::string()});
  }
  add_value_columns(cells, cell_lines, labels);
  for (std::size_t i = 0; i + 1 < out_.header_grid.size(); ++i) {
    out_.header_grid[i].x1 = out_.header_grid[i + 1].x0;
  }
  for (GridColumn& column : out_.header_grid) {
    column.label_x0 = kInf;
    column.label_x1 = -kInf;
    for (std::size_t i = 0; i < labels; ++i) {
      if (cells[i].box.x0 < column.x0 || cells[i].box.x0 >= column.x1) continue;
      column.label_x0 = std::min(column.label_x0, cells[i].box.x0);
      column.label_x1 = std::max(column.label_x1, cells[i].box.x1);
    }
    if (column.label_x0 == kInf) column.label_x0 = column.label_x1 = 0;
  }
  // A value left-aligned under its label starts at the same x; allow a little slack.
  for (std::size_t i = 1; i < out_.header_grid.size(); ++i) {
    header_borders_.push_back(out_.header_grid[i].x0 - config_.value_slack);
  }
}

void PageLayouter::add_value_columns(const std::vector<GCell>& cells, const std::vector<int>& lines,
                                     std::size_t labels) {
  auto& grid = out_.header_grid;
  if (grid.empty()) return;
  std::vector<char> label_line(lines_.size(), 0);
  for (std::size_t i = 0; i < labels; ++i) label_line[static_cast<std::size_t>(lines[i])] = 1;
  std::vector<GCell> line_cells;
  for (std::size_t c = grid.size(); c-- > 0;) {
    if (grid[c].label.empty()) continue;
    const bool has_values = c + 1 < grid.size() && grid[c + 1].label.empty();
    const double x1 = c + 1 < grid.size() ? grid[c + 1].x0 : kInf;
    double labels_end = -kInf;
    for (std::size_t i = 0; i < labels; ++i) {
      if (cells[i].box.x0 >= grid[c].x0 && cells[i].box.x0 < x1) {
        labels_end = std::max(labels_end, cells[i].box.x1);
      }
    }
    double start = kInf;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      if (!label_line[k]) continue;
      gutter_cells(page_, lines_[k], {}, config_, line_cells);
      bool beside_column = false;  // a cell of the labels' column comes first on the line
      for (const GCell& v : line_cells) {
        // Past the column's widest label by more than a word space, not a gutter: a gutter is
        // how one line parts its cells, and gutter_cells parted v from its own line's labels
        // already; the widest label may be on another line, and the values of a column barely
        // wider than its labels start less than a gutter after it (round-trip seed 3272: `58`
        // 0.8 em after BENEFICIARIOS).
        const bool past_labels = v.box.x0 > labels_end + config_.space_width * v.size;
        // A value column found beside the labels starts where its leftmost value beside a
        // label starts; a value beside the first line of a label wrapped over two (not a label
        // alone) may start further left, and then it does (round-trip seed 4171: the
        // right-aligned `$26,209.37` beside INVERSIÓN made it, `8` beside `NÚMERO DE` starts
        // 35 pt left of it; the column's border then parts `BENEFICIARIOS Mujeres:`, whose line
        // has no gutter there: where another line's cell starts wins over one line's missing
        // gutter). Text starting there on a line with nothing in the labels' column is a value
        // centred across the form under that block of labels (sweep seeds 27, 122; see
        // find_header_grid): it moves no column.
        if (past_labels && v.box.x0 < x1 && (!has_values || beside_column)) {
          start = std::min(start, v.box.x0);
        }
        beside_column = beside_column || (v.box.x0 >= grid[c].x0 && v.box.x0 < labels_end);
      }
    }
    if (start == kInf) continue;
    if (has_values) {
      grid[c + 1].x0 = start;
    } else {
      grid.insert(grid.begin() + static_cast<std::ptrdiff_t>(c) + 1,
                  GridColumn{start, page_.width, std::string()});
    }
  }
}

bool PageLayouter::labels_misaligned(const std::vector<GCell>& cells, const std::vector<int>& lines,
                                     std::size_t labels) const {
  for (std::size_t i = 0; i < labels; ++i) {
    for (std::size_t j = i + 1; j < labels; ++j) {
      if (lines[i] == lines[j]) continue;
      const Box& a = cells[i].box;
      const Box& b = cells[j].box;
      const double overlap = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      // (Each covers the other by half: a cell glued from two labels of a row spans two.)
      const double wider = std::max(a.x1 - a.x0, b.x1 - b.x0);
      if (overlap > config_.label_overlap * wider &&
          std::abs(a.x0 - b.x0) >= config_.same_start * cells[i].size)
        return true;
    }
  }
  return false;
}

void PageLayouter::overlap_grid(const std::vector<GCell>& cells, const std::vector<int>& lines,
                                std::size_t labels) {
  std::vector<std::size_t> order(cells.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return cells[a].box.x0 < cells[b].box.x0; });
  auto& grid = out_.header_grid;
  int named_line = -1;  // a column is named after its topmost label
  for (std::size_t i : order) {
    const GCell& c = cells[i];
    const bool label = i < labels;
    const bool joins = !grid.empty() && c.box.x0 < grid.back().label_x1;
    if (!joins) {
      grid.push_back(GridColumn{c.box.x0, page_.width, {}, -1, c.box.x0, c.box.x1});
      named_line = -1;
    }
    grid.back().label_x1 = std::max(grid.back().label_x1, c.box.x1);
    if (label && (named_line < 0 || lines[i] < named_line)) {
      grid.back().label = c.text;
      named_line = lines[i];
    }
  }
  std::vector<std::pair<double, double>> extents;
  for (std::size_t k = 0; k < lines_.size(); ++k) {
    const Cut r = info_[k].cut;
    if (r != Cut::kBlock) continue;
    for (std::uint32_t wi : lines_[k].words) {
      extents.emplace_back(page_.words[wi].box.x0, page_.words[wi].box.x1);
    }
  }
  grid.front().x0 = 0;
  const Extents indexed(std::move(extents));
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    const double border = free_band(indexed, grid[i].label_x1, grid[i + 1].label_x0, {},
                                    config_.space_width * median_size_);
    grid[i].x1 = border;
    grid[i + 1].x0 = border;
    header_borders_.push_back(border);
  }
}

void label_groups(const std::vector<HeaderPiece>& pieces, const std::vector<Ruling>& vertical,
                  const LayoutConfig& config, std::vector<std::size_t>& group) {
  const std::size_t n = pieces.size();
  std::vector<std::size_t> parent(n);
  std::vector<std::vector<std::size_t>> members(n);  // of each root
  for (std::size_t i = 0; i < n; ++i) {
    parent[i] = i;
    members[i] = {i};
  }
  auto find = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // A border the page draws between two pieces of the header on different lines, running past
  // both, parts two column labels however close their words sit, even overlapping: a narrow
  // column's wrapped label (`RESPONSABLE`) may run past its border into the next one's lines
  // (`UNIDAD DE` / `MEDIDA`). Each piece goes by its centre, as a word does in a drawn grid's
  // cells. Two pieces of one line are parted by a border only when neither crosses one drawn
  // through it: two labels filling their cells a word space apart (`ÁREA RESPONSABLE` |
  // `UNIDAD DE MEDIDA`, sweep seed 765); a group label over the months may be written across
  // the month columns' rulings.
  auto ruling_through = [&](double x0, double x1, double ya, double yb) {
    return std::any_of(vertical.begin(), vertical.end(), [&](const Ruling& r) {
      return r.pos > x0 && r.pos < x1 && r.from <= std::min(ya, yb) && r.to >= std::max(ya, yb);
    });
  };
  auto ruled_apart = [&](const HeaderPiece& a, const HeaderPiece& b) {
    const double xa = (a.box.x0 + a.box.x1) / 2, xb = (b.box.x0 + b.box.x1) / 2;
    const double ya = cy(a.box), yb = cy(b.box);
    if (a.line == b.line && (ruling_through(a.box.x0, a.box.x1, ya, ya) ||
                             ruling_through(b.box.x0, b.box.x1, yb, yb))) {
      return false;
    }
    return ruling_through(std::min(xa, xb), std::max(xa, xb), ya, yb);
  };
  auto apart = [&](std::size_t ra, std::size_t rb) {
    for (std::size_t a : members[ra]) {
      for (std::size_t b : members[rb]) {
        if (ruled_apart(pieces[a], pieces[b])) return true;
      }
    }
    return false;
  };
  auto join = [&](std::size_t a, std::size_t b) {
    const std::size_t ra = find(a), rb = find(b);
    if (ra == rb || apart(ra, rb)) return;
    parent[ra] = rb;
    members[rb].insert(members[rb].end(), members[ra].begin(), members[ra].end());
    members[ra].clear();
  };
  auto gap = [&](const HeaderPiece& p) { return config.label_piece_gap * p.size; };
  // How far two pieces must overlap to share a column: on a character grid the boxes of
  // neighbouring columns' characters overlap by their padding.
  auto share = [&](const HeaderPiece& p) { return config.char_grid ? gap(p) : 0.0; };
  // Pieces of two lines are one label's lines when they share a column (a label's lines are
  // stacked over each other); two labels a small gap apart are two.
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const Box& a = pieces[i].box;
      const Box& b = pieces[j].box;
      if (pieces[i].line != pieces[j].line &&
          std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > share(pieces[j])) {
        join(i, j);
      }
    }
  }
  // Pieces of one line a single space apart (the next piece of that line to the right) are
  // one label, unless the space is a border: each side has another line's piece over or under
  // it and no other line's piece crosses it. pdftotext writes two labels of neighbouring
  // narrow columns one space apart when their text reaches the next column's.
  auto other_line_over = [&](int line, double x0, double x1) {
    return std::any_of(pieces.begin(), pieces.end(), [&](const HeaderPiece& p) {
      return p.line != line && p.box.x0 < x1 && p.box.x1 > x0;
    });
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t next = n;
    for (std::size_t j = i + 1; j < n && next == n; ++j) {
      if (pieces[j].line == pieces[i].line) next = j;
    }
    if (next == n || pieces[next].box.x0 - pieces[i].box.x1 > gap(pieces[next])) continue;
    const HeaderPiece& left = pieces[i];
    const HeaderPiece& right = pieces[next];
    // The run of the line's pieces through this space, to its first and last pieces.
    double run_x0 = left.box.x0, run_x1 = right.box.x1;
    for (std::size_t k = i; k-- > 0;) {
      if (pieces[k].line != left.line) continue;
      if (run_x0 - pieces[k].box.x1 > gap(left)) break;
      run_x0 = pieces[k].box.x0;
    }
    for (std::size_t k = next + 1; k < n; ++k) {
      if (pieces[k].line != left.line) continue;
      if (pieces[k].box.x0 - run_x1 > gap(pieces[k])) break;
      run_x1 = pieces[k].box.x1;
    }
    const bool border = !other_line_over(left.line, left.box.x1, right.box.x0) &&
                        other_line_over(left.line, run_x0, left.box.x1) &&
                        other_line_over(left.line, right.box.x0, run_x1);
    if (!border) join(i, next);
  }
  // Labels are intervals: groups whose extents share a column are one label (unless a drawn
  // border parts them).
  std::vector<std::pair<double, double>> extent(n, {kInf, -kInf});
  for (std::size_t i = 0; i < n; ++i) {
    auto& e = extent[find(i)];
    e.first = std::min(e.first, pieces[i].box.x0);
    e.second = std::max(e.second, pieces[i].box.x1);
  }
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < n; ++i) {
    if (find(i) == i) roots.push_back(i);
  }
  std::sort(roots.begin(), roots.end(),
            [&](std::size_t a, std::size_t b) { return extent[a].first < extent[b].first; });
  std::vector<std::size_t> label_of(n, 0);
  std::size_t label = 0;
  double reach = -kInf;
  std::vector<std::size_t> in_label;  // the roots of the current label
  for (std::size_t k = 0; k < roots.size(); ++k) {
    const auto& e = extent[roots[k]];
    const bool parted = std::any_of(in_label.begin(), in_label.end(),
                                    [&](std::size_t r) { return apart(r, roots[k]); });
    if (k > 0 && (reach - e.first <= share(pieces[roots[k]]) || parted)) {
      ++label;
      in_label.clear();
      reach = -kInf;
    }
    label_of[roots[k]] = label;
    in_label.push_back(roots[k]);
    reach = std::max(reach, e.second);
  }
  group.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) group[i] = label_of[find(i)];
}

void PageLayouter::build_table_grid(const TableZone& z) {
  struct Label {
    double x0, x1;
    std::string text;
    int month = -1;
    bool spanning = false;
  };
  std::vector<Label> months;
  using HPiece = HeaderPiece;
  std::vector<HPiece> pieces;
  std::vector<Token> tokens;
  for (int k = z.header_first; k <= z.header_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kDropped) continue;
    const int letters = info_[static_cast<std::size_t>(k)].letter_months;
    const auto& words = lines_[static_cast<std::size_t>(k)].words;
    for (std::size_t wp = 0; wp < words.size(); ++wp) {
      const Word& w = page_.words[words[wp]];
      tokens.clear();
      if (k == z.month_line && letters >= 0) {
        const int m = static_cast<int>(wp) - letters;
        if (m >= 0 && m < 12) tokens.push_back(Token{0, w.glyph_count, m});
      } else if (k == z.month_line) {
        find_months(page_, w, month_scratch_, tokens);
      }
      std::uint32_t at = 0;
      for (const Token& t : tokens) {
        if (t.g0 > at) {
          Piece p = make_piece(page_, w, at, t.g0);
          pieces.push_back(HPiece{p.box, p.text, k, p.size});
        }
        Piece p = make_piece(page_, w, t.g0, t.g1);
        months.push_back(Label{p.box.x0, p.box.x1, std::string(p.text), t.month, false});
        at = t.g1;
      }
      if (at < w.glyph_count || w.glyph_count == 0) {
        Piece p = make_piece(page_, w, at, w.glyph_count);
        pieces.push_back(HPiece{p.box, p.text, k, p.size});
      }
    }
  }
  std::sort(pieces.begin(), pieces.end(),
            [](const HPiece& a, const HPiece& b) { return a.box.x0 < b.box.x0; });
  // The label each piece belongs to, labels numbered from left to right.
  std::vector<std::size_t> group(pieces.size());
  label_groups(pieces, rulings_.vertical, config_, group);
  std::vector<Label> labels;
  std::vector<std::vector<const HPiece*>> members;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const HPiece& p = pieces[i];
    if (group[i] >= labels.size()) {
      labels.resize(group[i] + 1, Label{kInf, -kInf, {}, -1, false});
      members.resize(group[i] + 1);
    }
    Label& l = labels[group[i]];
    l.x0 = std::min(l.x0, p.box.x0);
    l.x1 = std::max(l.x1, p.box.x1);
    members[group[i]].push_back(&p);
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto& ms = members[i];
    std::stable_sort(ms.begin(), ms.end(), [](const HPiece* a, const HPiece* b) {
      return a->line != b->line ? a->line < b->line : a->box.x0 < b->box.x0;
    });
    for (const HPiece* p : ms) {
      if (!labels[i].text.empty()) labels[i].text += ' ';
      labels[i].text.append(p->text);
    }
    int covered = 0;
    for (const Label& m : months) {
      const double c = (m.x0 + m.x1) / 2;
      if (c > labels[i].x0 && c < labels[i].x1) ++covered;
    }
    labels[i].spanning = covered >= config_.spanning_months;
    // On a character grid the month names may be spread unevenly, leaving the group label
    // over the gap between two of them: its name and place say what it is.
    if (config_.char_grid && !months.empty() && !labels[i].spanning) {
      const double c = (labels[i].x0 + labels[i].x1) / 2;
      const std::optional<ColumnRole> role =
          classify_cell(labels[i].text, {.header = false}).column;
      labels[i].spanning =
          c > months.front().x0 && c < months.back().x1 && role == ColumnRole::kMensual;
    }
  }
  std::vector<Label> cols;
  for (const Label& l : labels) {
    if (l.spanning) {
      spanning_.push_back(GridColumn{l.x0, l.x1, l.text});
    } else {
      cols.push_back(l);
    }
  }
  cols.insert(cols.end(), months.begin(), months.end());
  std::sort(cols.begin(), cols.end(),
            [](const Label& a, const Label& b) { return a.x0 + a.x1 < b.x0 + b.x1; });

  std::vector<GridColumn> grid;
  int anual = -1;
  int first_month = -1;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    grid.push_back(
        GridColumn{0.0, page_.width, cols[i].text, cols[i].month, cols[i].x0, cols[i].x1});
    if (cols[i].month >= 0 && first_month < 0) first_month = static_cast<int>(i);
  }
  place_borders(grid, z);
  if (first_month > 0) {
    anual = first_month - 1;
    if (cols[static_cast<std::size_t>(anual)].month >= 0) anual = first_month;
  } else {
    anual = first_month;
  }
  table_grid_ = grid;
  anual_column_ = anual;
}

PageLayouter::Extents::Extents(std::vector<std::pair<double, double>> extents)
    : by_x0(std::move(extents)) {
  std::sort(by_x0.begin(), by_x0.end());
  x1s.reserve(by_x0.size());
  for (const auto& [x0, x1] : by_x0) {
    x1s.push_back(x1);
    widest = std::max(widest, x1 - x0);
  }
  std::sort(x1s.begin(), x1s.end());
}

double PageLayouter::free_band(const Extents& extents, double a, double b,
                               const std::vector<double>& known, double space) const {
  // The extents are looked up, not scanned: free_band runs for every border of every page.
  const auto& by_x0 = extents.by_x0;
  const auto& x1s = extents.x1s;
  const auto x0_from = [&](double x) {
    return std::lower_bound(by_x0.begin(), by_x0.end(), x,
                            [](const auto& e, double v) { return e.first < v; });
  };
  const auto x1_from = [&](double x) { return std::lower_bound(x1s.begin(), x1s.end(), x); };
  std::vector<std::pair<double, int>> events;
  int base = 0;
  // Those overlapping (a, b) start before b and, ending past a, start past a - widest (a point
  // of slack against rounding).
  for (auto it = x0_from(a - extents.widest - 1), end = x0_from(b); it != end; ++it) {
    const auto [x0, x1] = *it;
    if (x1 <= a || x0 >= b) continue;
    if (x0 <= a) {
      ++base;
    } else {
      events.emplace_back(x0, +1);
    }
    if (x1 < b) events.emplace_back(x1, -1);
  }
  std::sort(events.begin(), events.end());
  struct Stretch {
    double from, to;
    int count;
  };
  std::vector<Stretch> stretches;
  int count = base;
  double at = a;
  for (const auto& [x, d] : events) {
    if (x > at) stretches.push_back({at, x, count});
    count += d;
    at = std::max(at, x);
  }
  if (b > at) stretches.push_back({at, b, count});
  if (stretches.empty()) return (a + b) / 2;
  int least = stretches.front().count;
  for (const Stretch& st : stretches) least = std::min(least, st.count);
  const double aligned = config_.aligned_edge;
  // Scores rank the stretches by each criterion in turn: a gutter outweighs any number of known
  // borders, a known border any number (below a thousand) of aligned word edges.
  constexpr int kGutterScore = 100000;
  constexpr int kKnownScore = 1000;
  double best_mid = (a + b) / 2, best_len = -1;
  int best_score = -1;
  for (std::size_t i = 0; i < stretches.size();) {
    if (stretches[i].count != least) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < stretches.size() && stretches[j + 1].count == least) ++j;
    const double from = stretches[i].from, to = stretches[j].to;
    // A text-free stretch at an end of [a, b] is the part of the body's gutter that lies
    // between the labels: whether it is a gutter is measured on the whole of it (a label
    // filling its cell ends right before the next column's text, leaving a sliver of the
    // gutter between the labels: `$ -` | `Visitas realizadas` under `… APROX. POR` |
    // `INDICADOR`, sweep seed 195). Word edges are counted at the stretch's own ends.
    double left = from, right = to;
    if (least == 0 && from == a) {  // the last x1 <= a
      const auto it = std::upper_bound(x1s.begin(), x1s.end(), a);
      left = it == x1s.begin() ? -kInf : *(it - 1);
    }
    if (least == 0 && to == b) {  // the first x0 >= b
      const auto it = x0_from(b);
      right = it == by_x0.end() ? kInf : it->first;
    }
    // A stretch no wider than a space may be a coincidence of word gaps in a few lines;
    // a gutter is wider. Then a border used before, then aligned word edges.
    int score = right - left > space ? kGutterScore : 0;
    for (double k : known) score += (k > from - aligned && k < to + aligned) ? kKnownScore : 0;
    // Only edges within twice the tolerance of the stretch (it lies in [a, b]) can line up.
    for (auto it = x1_from(a - 2 * aligned), end = x1_from(b + 2 * aligned); it != end; ++it) {
      score += std::abs(*it - from) < aligned;
    }
    for (auto it = x0_from(a - 2 * aligned), end = x0_from(b + 2 * aligned); it != end; ++it) {
      score += std::abs(it->first - to) < aligned;
    }
    if (score > best_score || (score == best_score && to - from > best_len)) {
      best_score = score;
      best_len = to - from;
      best_mid = (from + to) / 2;
    }
    i = j + 1;
  }
  return best_mid;
}

std::vector<std::pair<double, double>> PageLayouter::body_extents(const TableZone& z) const {
  std::vector<std::pair<double, double>> extents;
  for (int k = z.body_first; k <= z.body_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kDropped) continue;
    const auto& words = lines_[static_cast<std::size_t>(k)].words;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& w = page_.words[words[i]];
      double x1 = w.box.x1;
      // An accounting sign flush left in its cell, its amount flush right (`$   -`): one
      // cell's text, so no border runs in the gutter between them (sweep seed 362: `$` right
      // of UNIDAD's values, a wider stretch between it and INVERSIÓN's label).
      if (i + 1 < words.size() && accounting_sign_before(w.text, page_.words[words[i + 1]].text)) {
        x1 = page_.words[words[i + 1]].box.x0;
      }
      extents.emplace_back(w.box.x0, x1);
    }
  }
  return extents;
}

std::vector<double> PageLayouter::drawn_borders(const TableZone& z) const {
  std::vector<double> xs;
  const int first = z.carried ? z.body_first : z.header_first;
  const int last = std::max(z.body_last, z.header_last);
  if (rulings_.vertical.empty() || first < 0 || last < first) return xs;
  const double y0 = lines_[static_cast<std::size_t>(first)].box.y0;
  const double y1 = lines_[static_cast<std::size_t>(last)].box.y1;
  for (const Ruling& r : rulings_.vertical) {
    if (std::min(r.to, y1) - std::max(r.from, y0) >= config_.drawn_border_reach * (y1 - y0))
      xs.push_back(r.pos);
  }
  return xs;
}

void PageLayouter::place_borders(std::vector<GridColumn>& grid, const TableZone& z) {
  const Extents extents(body_extents(z));
  const std::vector<double> drawn = drawn_borders(z);
  auto& known = state_.known_borders;
  for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
    const double a = grid[i].label_x1, b = grid[i + 1].label_x0;
    double border =
        b > a ? free_band(extents, a, b, known, config_.space_width * median_size_) : (a + b) / 2;
    if (config_.char_grid && grid[i].month < 0 && grid[i + 1].month < 0) {
      // (Cells of a left-aligned column start left of its label's middle; starts further
      // right are the next column's, drifted: `Contratos` under `… APROX. POR`'s end.)
      border = char_grid_border(z, a, (grid[i + 1].label_x0 + grid[i + 1].label_x1) / 2, border);
    }
    // A drawn border in the gap between the labels wins; failing that, one between their
    // centres: a label wider than its narrow cell (`PROGRAMACIÓN` over ANUAL) runs past the
    // border into the next column's, leaving no gap (the cell, not the text, is the column).
    auto nearest_drawn = [&](double lo, double hi) {
      double nearest = kInf;
      for (double x : drawn)
        if (x > lo && x < hi && std::abs(x - border) < std::abs(nearest - border)) nearest = x;
      return nearest;
    };
    double nearest = nearest_drawn(a - config_.drawn_border_slack, b + config_.drawn_border_slack);
    if (nearest == kInf)
      nearest = nearest_drawn((grid[i].label_x0 + a) / 2, (b + grid[i + 1].label_x1) / 2);
    if (nearest < kInf) border = nearest;
    grid[i].x1 = border;
    grid[i + 1].x0 = border;
    const bool seen = std::any_of(known.begin(), known.end(), [&](double k) {
      return std::abs(k - border) < config_.same_border;
    });
    if (!seen && known.size() < config_.max_known_borders) known.push_back(border);
  }
}

std::vector<double> PageLayouter::table_borders() const {
  std::vector<double> borders;
  for (std::size_t i = 1; i < table_grid_.size(); ++i) {
    borders.push_back(table_grid_[i].x0);
  }
  return borders;
}

}  // namespace poa::extractor::layout::detail
