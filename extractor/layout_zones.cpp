// Pass 4, zones: how each line is cut (Cut, page_layouter.hpp): at an activity table's columns
// (its header and body, also one carried over from the previous page), at a header block's, or
// whole (a heading line).
#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "extractor/labels.hpp"
#include "text/unicode.hpp"
#include "text/values.hpp"

namespace poa::extractor::layout::detail {

bool PageLayouter::stacked_over(const LineData& l, int from, int to) const {
  // A character grid moves words by a few columns (pdftotext's drift).
  const double slack = config_.char_grid ? config_.char_grid_slack * l.size : 0;
  for (std::uint32_t wi : l.words) {
    Box b = page_.words[wi].box;
    b.x0 -= slack;
    b.x1 += slack;
    bool over = false;
    for (int k = from; k <= to && !over; ++k) {
      for (std::uint32_t wj : lines_[static_cast<std::size_t>(k)].words) {
        const Box& c = page_.words[wj].box;
        if (c.x0 < b.x1 && b.x0 < c.x1) {
          over = true;
          break;
        }
      }
    }
    if (!over) return false;
  }
  return true;
}

bool PageLayouter::tight_gap(double gap, double h, double factor) const {
  // The gap between the page's stacked lines wins over the glyphs' height when it is looser:
  // the lines of one cell sit as far apart as the font says (Carlito's 0.44 of their height,
  // round-trip seed 4273's wrapped `INVERSION` / `APROX. POR` / `ACTIVIDAD` column label), and
  // the column header's rows as far as the page's rows (`PROGRAMACIÓN MENSUAL` merged over the
  // months a row above the column labels, sweep seed 416, where the wrapped lines' glyph boxes
  // overlap); a line that close is the header's whatever the glyphs say. The glyph-height
  // threshold stays the floor: on a tight page (or one with no stacked lines to measure) it is
  // what was tuned. (A character grid's lines are all one pitch apart: that tells nothing.)
  const bool measured = line_pitch_.row_gap >= 0 && !config_.char_grid;
  const double pitch = measured ? (line_pitch_.row_gap + config_.pitch_slack) * h : -kInf;
  return gap <= std::max(factor * h, pitch);
}

int PageLayouter::header_end(int m) const {
  const int g = line_grid_[static_cast<std::size_t>(m)];
  if (g < 0) {
    // (A character grid's lines are one pitch apart: a tail may start below the month line.)
    const double limit = config_.char_grid ? kInf : lines_[static_cast<std::size_t>(m)].box.y1;
    return header_tail_end(m, limit);
  }
  const CellGrid& grid = grids_[static_cast<std::size_t>(g)];
  const double y = cy(lines_[static_cast<std::size_t>(m)].box);
  const auto below = std::upper_bound(grid.ys.begin(), grid.ys.end(), y);
  if (below == grid.ys.end()) return m;
  int last = m;
  while (last + 1 < static_cast<int>(lines_.size()) &&
         line_grid_[static_cast<std::size_t>(last) + 1] == g &&
         !info_[static_cast<std::size_t>(last) + 1].months &&
         cy(lines_[static_cast<std::size_t>(last) + 1].box) < *below) {
    ++last;
  }
  return last;
}

int PageLayouter::header_tail_end(int m, double limit) const {
  int first = m;
  while (first > 0 && m - first < config_.header_search_lines &&
         !info_[static_cast<std::size_t>(first)].actividad) {
    --first;
  }
  int last = m;
  while (last + 1 < static_cast<int>(lines_.size())) {
    const auto k = static_cast<std::size_t>(last) + 1;
    const LineData& l = lines_[k];
    if (info_[k].months || l.box.y0 >= limit ||
        l.box.y0 - lines_[k - 1].box.y1 > config_.header_wrap_gap * height(l.box) ||
        !text::is_upper_case(out_.lines[k].text) || text::has_digit(out_.lines[k].text) ||
        !stacked_over(l, first, m)) {
      break;
    }
    ++last;
  }
  return last;
}

bool PageLayouter::stops_body(int i) const {
  const LineInfo& inf = info_[static_cast<std::size_t>(i)];
  return inf.labels >= config_.min_block_labels || inf.upper_label || inf.heading || inf.months;
}

int PageLayouter::body_end(int from) const {
  const int n = static_cast<int>(lines_.size());
  int i = from;
  while (i < n && (info_[static_cast<std::size_t>(i)].cut == Cut::kDropped || !stops_body(i))) {
    ++i;
  }
  return i;
}

bool PageLayouter::find_carried_zone(int first, TableZone& z) const {
  if (state_.cut_table.empty()) return false;
  z.carried = true;
  z.body_first = first;
  z.body_last = body_end(first) - 1;
  // Its columns only go on if some line has a number (or `-`) in the numeric columns, and
  // nothing else there: a header block's value wrapped across the page's width, on top of the
  // page, may hold a number where the months were (`Sustituir 1,800 luminarias…`, sweep seed
  // 381: META's first lines over the next action's labels), or a list of numbers (`2211, 3361,
  // 4411`, seed 682: the next action's PARTIDA), which is no month's quantity.
  const auto anual = static_cast<std::size_t>(std::max(state_.cut_table_anual, 0));
  const double numeric_x0 = anual < state_.cut_table.size() ? state_.cut_table[anual].x0 : kInf;
  for (int k = z.body_first; k <= z.body_last; ++k) {
    if (info_[static_cast<std::size_t>(k)].cut == Cut::kDropped) continue;
    bool number = false, other = false;
    for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
      const Word& w = page_.words[wi];
      if (w.box.x0 < numeric_x0) continue;
      (text::parse_quantity(w.text) ? number : other) = true;
    }
    if (number && !other) return true;
  }
  return false;
}

double PageLayouter::header_cells_top(int k) const {
  const int g = line_grid_[static_cast<std::size_t>(k)];
  if (g < 0 || !info_[static_cast<std::size_t>(k)].actividad) return -kInf;
  const CellGrid& grid = grids_[static_cast<std::size_t>(g)];
  double top = kInf;
  for (std::uint32_t wi : lines_[static_cast<std::size_t>(k)].words) {
    const Box& b = page_.words[wi].box;
    if (const GridCell* cell = grid.cell_at((b.x0 + b.x1) / 2, cy(b))) {
      top = std::min(top, cell->box.y0);
    }
  }
  return top < kInf ? top : -kInf;
}

TableZone PageLayouter::find_table_zone(int m) const {
  TableZone z;
  z.month_line = m;
  z.header_first = m;
  // The header starts at the ACTIVIDAD label (searching up, never past a header label).
  for (int k = m; k >= 0 && k >= m - config_.header_search_lines; --k) {
    const LineInfo& inf = info_[static_cast<std::size_t>(k)];
    // (`INVERSIÓN` beside ACTIVIDAD is a column label, not the header block's.)
    if ((inf.label && !inf.actividad) || inf.heading || inf.cut == Cut::kDropped) break;
    if (k < m && info_[static_cast<std::size_t>(k)].months) break;
    if (inf.actividad) z.header_first = k;
  }
  // Wrapped header labels centred above the ACTIVIDAD line: tight upper-case lines. Where the
  // page draws the column labels' cells, those lines lie inside them: a line above their top
  // is the header block's (its last value row, in capitals and digits, a wrapped label's gap
  // above the column labels, under a ruling of one grid with the table, sweep seed 124, or
  // outside the table's frame, seed 545).
  const double cells_top = header_cells_top(z.header_first);
  while (z.header_first > 0) {
    const int k = z.header_first - 1;
    const LineData& above = lines_[static_cast<std::size_t>(k)];
    const LineData& cur = lines_[static_cast<std::size_t>(z.header_first)];
    const LineInfo& inf = info_[static_cast<std::size_t>(k)];
    if (inf.heading || inf.cut == Cut::kDropped || inf.months) break;
    if (cy(above.box) < cells_top) break;
    // `INVERSIÓN` is also a header-block label: inside the column header it is the first
    // line of a wrapped column label, stacked over the rest of it.
    const double gap = cur.box.y0 - above.box.y1;
    if (!tight_gap(gap, height(cur.box), config_.header_wrap_gap) ||
        !text::is_upper_case(out_.lines[static_cast<std::size_t>(k)].text))
      break;
    if (inf.label && gap > 0 &&
        (!tight_gap(gap, height(cur.box), config_.label_wrap_gap) ||
         text::has_digit(out_.lines[static_cast<std::size_t>(k)].text) ||
         !stacked_over(above, z.header_first, m))) {
      break;
    }
    z.header_first = k;
  }
  z.header_last = header_end(m);
  z.body_first = z.header_last + 1;
  z.body_last = body_end(z.header_last + 1) - 1;
  return z;
}

void PageLayouter::find_zones() {
  const int n = static_cast<int>(lines_.size());
  // A table the previous page's foot cut goes on until the first label or header.
  int first_content = 0;
  while (first_content < n &&
         (info_[static_cast<std::size_t>(first_content)].cut == Cut::kDropped ||
          info_[static_cast<std::size_t>(first_content)].heading)) {
    ++first_content;
  }
  TableZone carried;
  if (find_carried_zone(first_content, carried)) zones_.push_back(carried);
  foot_cuts_table_ = false;
  for (int m = 0; m < n; ++m) {
    if (!info_[static_cast<std::size_t>(m)].months ||
        info_[static_cast<std::size_t>(m)].cut == Cut::kDropped) {
      continue;
    }
    const TableZone z = find_table_zone(m);
    // A repeated column header may start inside what looked like the body of the table
    // carried over from the previous page.
    if (!zones_.empty() && zones_.back().body_last >= z.header_first) {
      zones_.back().body_last = z.header_first - 1;
      if (zones_.back().body_last < zones_.back().body_first && zones_.back().carried) {
        zones_.pop_back();
      }
    }
    zones_.push_back(z);
    if (z.body_last == n - 1) foot_cuts_table_ = true;
    m = std::max(m, z.body_last);
  }
  if (!zones_.empty() && zones_.back().carried && zones_.size() == 1 &&
      zones_.back().body_last == n - 1) {
    foot_cuts_table_ = true;  // the whole page continued the table
  }
  for (std::size_t zi = 0; zi < zones_.size(); ++zi) {
    const TableZone& z = zones_[zi];
    if (!z.carried) {
      for (int k = z.header_first; k <= z.header_last; ++k) {
        if (info_[static_cast<std::size_t>(k)].cut != Cut::kDropped) {
          info_[static_cast<std::size_t>(k)].cut = Cut::kTableHeader;
          info_[static_cast<std::size_t>(k)].zone = static_cast<int>(zi);
        }
      }
    }
    for (int k = z.body_first; k <= z.body_last; ++k) {
      if (info_[static_cast<std::size_t>(k)].cut != Cut::kDropped) {
        info_[static_cast<std::size_t>(k)].cut = Cut::kTableBody;
        info_[static_cast<std::size_t>(k)].zone = static_cast<int>(zi);
      }
    }
  }
  find_whole_lines();
}

// A label wrapped in its cell and centred on its value's line lies partly above that line; when
// the row's other label cells are empty (or on a row of their own), its first line is above every
// line with a label, and reads as none alone (`PARTIDA` / `M 3,120 H 2,875   2211, 3361, 4411` /
// `PRESUPUESTAL`, sweep seed 682). It is no title: together with a piece stacked under it, within
// a label's line gap, it reads as a label.
int PageLayouter::first_label_line() const {
  const int n = static_cast<int>(lines_.size());
  int first = 0;
  while (first < n && !info_[static_cast<std::size_t>(first)].label) ++first;
  std::vector<GCell> upper, lower;
  for (int i = 0; i < first; ++i) {
    const LineData& l = lines_[static_cast<std::size_t>(i)];
    if (info_[static_cast<std::size_t>(i)].heading) continue;
    gutter_cells(page_, l, {}, config_, upper);
    for (int j = i + 1; j < n && j <= first; ++j) {
      const LineData& below = lines_[static_cast<std::size_t>(j)];
      if (below.box.y0 - l.box.y1 > config_.label_line_gap * height(below.box)) break;
      gutter_cells(page_, below, {}, config_, lower);
      for (const GCell& a : upper) {
        for (const GCell& b : lower) {
          if (b.box.x0 >= a.box.x1 || a.box.x0 >= b.box.x1 ||
              a.text.size() + b.text.size() >= config_.max_label_length) {
            continue;
          }
          const std::optional<LabelMatch> m = classify_cell(a.text + ' ' + b.text).header;
          if (m && m->value.empty()) return i;
        }
      }
    }
  }
  return first;
}

void PageLayouter::find_whole_lines() {
  const int n = static_cast<int>(lines_.size());
  const int first_label = first_label_line();
  for (int i = 0; i < n; ++i) {
    LineInfo& inf = info_[static_cast<std::size_t>(i)];
    if (inf.cut != Cut::kBlock) continue;
    const LineData& l = lines_[static_cast<std::size_t>(i)];
    // (A wrapped label's first line may stick out above its row: it is cut with its row.)
    inf.above_labels = i < first_label && first_label < n &&
                       l.box.y1 + config_.title_gap * height(l.box) <=
                           lines_[static_cast<std::size_t>(first_label)].box.y0;
    if (inf.heading || (inf.above_labels && stands_out(l))) inf.cut = Cut::kWhole;
  }
}

}  // namespace poa::extractor::layout::detail
