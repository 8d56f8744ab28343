// Pass "grid": rulings -> lattice tables with merged cells (see cell_grid.hpp).
//
// Rules, in order:
//  1. Rulings that cross or touch (within intersection_tolerance) belong to one table; each
//     connected group is a table candidate.
//  2. A table's lattice lines are its rulings' distinct positions (within same_line_tolerance).
//     An open side (rows drawn as horizontal lines that run past the last vertical, with no
//     border there) gets a lattice line where at least two rulings end together.
//  3. Two neighbouring lattice cells are one cell when rulings cover less than
//     min_edge_coverage of the edge between them (a missing inner border is a merged cell).
//  4. A merged region that is not a rectangle (an L: a border missing on one side only) is cut
//     into rectangles row-major from its top-left: each takes as many columns as are free on its
//     first row, then every row below that has all of them.
//  5. A cell is shaded when the last fill drawn over its centre covering at least half of it is
//     darker than white_luminance.
//  6. Only tables of at least 2 x 2 lattice cells count (an outer frame is one cell).
#include "extractor/cell_grid.hpp"

#include <algorithm>
#include <numeric>

namespace poa::extractor::layout {
namespace {

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int i) {
    while (parent[static_cast<std::size_t>(i)] != i) {
      int& p = parent[static_cast<std::size_t>(i)];
      p = parent[static_cast<std::size_t>(p)];
      i = p;
    }
    return i;
  }
  void unite(int a, int b) { parent[static_cast<std::size_t>(find(a))] = find(b); }
};

// One lattice line of a table: its position and the rulings drawn on it.
struct LatticeLine {
  double pos = 0;
  std::vector<const Ruling*> rulings;
};

// Clusters the rulings' positions (sorted input) into lattice lines: a line takes every ruling
// within same_line_tolerance of its first one; its position is their mean.
std::vector<LatticeLine> lattice_lines(std::vector<const Ruling*> rulings,
                                       const GridConfig& config) {
  std::sort(rulings.begin(), rulings.end(),
            [](const Ruling* a, const Ruling* b) { return a->pos < b->pos; });
  std::vector<LatticeLine> lines;
  double first = 0, sum = 0;
  for (const Ruling* r : rulings) {
    if (lines.empty() || r->pos - first > config.same_line_tolerance) {
      if (!lines.empty()) lines.back().pos = sum / static_cast<double>(lines.back().rulings.size());
      lines.emplace_back();
      first = r->pos;
      sum = 0;
    }
    lines.back().rulings.push_back(r);
    sum += r->pos;
  }
  if (!lines.empty()) lines.back().pos = sum / static_cast<double>(lines.back().rulings.size());
  return lines;
}

// Rule 2's open sides: where at least two of the crossing rulings end together beyond the
// outermost lattice line by more than a tick (min_ruling_length), a virtual line with no ruling
// closes the table there. `ends` are the crossing rulings' ends on that side.
void add_open_side(std::vector<double> ends, bool low_side, std::vector<LatticeLine>& lines,
                   const GridConfig& config) {
  if (lines.empty()) return;
  const double outer = low_side ? lines.front().pos : lines.back().pos;
  std::erase_if(ends, [&](double e) {
    return low_side ? e > outer - config.min_ruling_length : e < outer + config.min_ruling_length;
  });
  std::sort(ends.begin(), ends.end());
  // The biggest group of ends within same_line_tolerance; ties go to the outermost.
  std::size_t best_begin = 0, best_count = 0;
  for (std::size_t i = 0; i < ends.size();) {
    std::size_t j = i;
    while (j < ends.size() && ends[j] - ends[i] <= config.same_line_tolerance) ++j;
    if (j - i > best_count || (j - i == best_count && !low_side)) {
      best_begin = i;
      best_count = j - i;
    }
    i = j;
  }
  if (best_count < 2) return;
  const double pos =
      std::accumulate(ends.begin() + static_cast<std::ptrdiff_t>(best_begin),
                      ends.begin() + static_cast<std::ptrdiff_t>(best_begin + best_count), 0.0) /
      static_cast<double>(best_count);
  LatticeLine line;
  line.pos = pos;
  if (low_side) {
    lines.insert(lines.begin(), std::move(line));
  } else {
    lines.push_back(std::move(line));
  }
}

// Whether the rulings on `line` cover enough of [a, b] to be a border there.
bool has_border(const LatticeLine& line, double a, double b, const GridConfig& config) {
  double covered = 0;
  for (const Ruling* r : line.rulings) {
    covered += std::max(0.0, std::min(b, r->to) - std::max(a, r->from));
  }
  return covered >= config.min_edge_coverage * (b - a);
}

bool is_shaded(const Box& cell, const std::vector<const FilledBox*>& fills,
               const GridConfig& config) {
  const double cx = (cell.x0 + cell.x1) / 2, cy = (cell.y0 + cell.y1) / 2;
  const double area = (cell.x1 - cell.x0) * (cell.y1 - cell.y0);
  // Later fills paint over earlier ones: the last one over the cell decides.
  for (auto it = fills.rbegin(); it != fills.rend(); ++it) {
    const Box& b = (*it)->box;
    if (cx < b.x0 || cx > b.x1 || cy < b.y0 || cy > b.y1) continue;
    const double w = std::min(cell.x1, b.x1) - std::max(cell.x0, b.x0);
    const double h = std::min(cell.y1, b.y1) - std::max(cell.y0, b.y0);
    if (w * h < area / 2) continue;
    return (*it)->luminance < config.white_luminance;
  }
  return false;
}

// Builds the table of one connected group of rulings, or nothing when it has fewer than 2 x 2
// lattice cells.
std::optional<CellGrid> build_grid(const std::vector<const Ruling*>& horizontal,
                                   const std::vector<const Ruling*>& vertical,
                                   const PageGraphics& graphics, const GridConfig& config) {
  std::vector<LatticeLine> xs = lattice_lines(vertical, config);
  std::vector<LatticeLine> ys = lattice_lines(horizontal, config);
  {
    std::vector<double> lows, highs;
    for (const Ruling* h : horizontal) {
      lows.push_back(h->from);
      highs.push_back(h->to);
    }
    add_open_side(lows, true, xs, config);
    add_open_side(highs, false, xs, config);
    lows.clear();
    highs.clear();
    for (const Ruling* v : vertical) {
      lows.push_back(v->from);
      highs.push_back(v->to);
    }
    add_open_side(lows, true, ys, config);
    add_open_side(highs, false, ys, config);
  }
  const int cols = static_cast<int>(xs.size()) - 1, rows = static_cast<int>(ys.size()) - 1;
  if (cols < 2 || rows < 2) return std::nullopt;

  // Rule 3: lattice cells joined across missing borders.
  auto at = [cols](int r, int c) { return r * cols + c; };
  UnionFind regions(static_cast<std::size_t>(rows * cols));
  for (int r = 0; r < rows; ++r) {
    const double y0 = ys[static_cast<std::size_t>(r)].pos;
    const double y1 = ys[static_cast<std::size_t>(r) + 1].pos;
    for (int c = 0; c < cols; ++c) {
      const double x0 = xs[static_cast<std::size_t>(c)].pos;
      const double x1 = xs[static_cast<std::size_t>(c) + 1].pos;
      if (c + 1 < cols && !has_border(xs[static_cast<std::size_t>(c) + 1], y0, y1, config)) {
        regions.unite(at(r, c), at(r, c + 1));
      }
      if (r + 1 < rows && !has_border(ys[static_cast<std::size_t>(r) + 1], x0, x1, config)) {
        regions.unite(at(r, c), at(r + 1, c));
      }
    }
  }

  CellGrid grid;
  for (const LatticeLine& l : xs) grid.xs.push_back(l.pos);
  for (const LatticeLine& l : ys) grid.ys.push_back(l.pos);
  const Box table = grid.box();
  std::vector<const FilledBox*> fills;
  for (const FilledBox& f : graphics.fills) {
    if (f.box.x1 > table.x0 && f.box.x0 < table.x1 && f.box.y1 > table.y0 && f.box.y0 < table.y1) {
      fills.push_back(&f);
    }
  }
  // Rule 4: regions as rectangles, row-major from each region's top-left.
  std::vector<char> taken(static_cast<std::size_t>(rows * cols), 0);
  auto free_in = [&](int r, int c, int region) {
    return !taken[static_cast<std::size_t>(at(r, c))] && regions.find(at(r, c)) == region;
  };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (taken[static_cast<std::size_t>(at(r, c))]) continue;
      const int region = regions.find(at(r, c));
      int span_c = 1;
      while (c + span_c < cols && free_in(r, c + span_c, region)) ++span_c;
      int span_r = 1;
      while (r + span_r < rows) {
        bool all = true;
        for (int k = 0; k < span_c && all; ++k) all = free_in(r + span_r, c + k, region);
        if (!all) break;
        ++span_r;
      }
      for (int i = 0; i < span_r; ++i) {
        for (int k = 0; k < span_c; ++k) taken[static_cast<std::size_t>(at(r + i, c + k))] = 1;
      }
      GridCell cell;
      cell.row = r;
      cell.col = c;
      cell.row_span = span_r;
      cell.col_span = span_c;
      const int end_c = c + span_c, end_r = r + span_r;
      cell.box =
          Box{grid.xs[static_cast<std::size_t>(c)], grid.ys[static_cast<std::size_t>(r)],
              grid.xs[static_cast<std::size_t>(end_c)], grid.ys[static_cast<std::size_t>(end_r)]};
      cell.shaded = is_shaded(cell.box, fills, config);
      grid.cells.push_back(cell);
    }
  }
  grid.lattice.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), -1);
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& cell = grid.cells[i];
    for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
      for (int k = cell.col; k < cell.col + cell.col_span; ++k) {
        grid.lattice[static_cast<std::size_t>(at(r, k))] = static_cast<int>(i);
      }
    }
  }
  return grid;
}

}  // namespace

const GridCell* CellGrid::cell_at(double x, double y) const {
  if (rows() == 0 || columns() == 0) return nullptr;
  if (x < xs.front() || x > xs.back() || y < ys.front() || y > ys.back()) return nullptr;
  // Half-open lattice columns and rows, the last one closed at the table's edge.
  const int c = std::min(
      static_cast<int>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin()) - 1, columns() - 1);
  const int r = std::min(
      static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1, rows() - 1);
  if (lattice.size() == static_cast<std::size_t>(rows()) * static_cast<std::size_t>(columns())) {
    const int i = lattice[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns()) +
                          static_cast<std::size_t>(c)];
    return i < 0 ? nullptr : &cells[static_cast<std::size_t>(i)];
  }
  for (const GridCell& cell : cells) {
    if (r >= cell.row && r < cell.row + cell.row_span && c >= cell.col &&
        c < cell.col + cell.col_span) {
      return &cell;
    }
  }
  return nullptr;
}

std::vector<CellGrid> build_cell_grids(const Rulings& rulings, const PageGraphics& graphics,
                                       const GridConfig& config) {
  const std::vector<Ruling>& hs = rulings.horizontal;
  const std::vector<Ruling>& vs = rulings.vertical;
  if (hs.empty() || vs.empty()) return {};
  // Rule 1: verticals sorted by position, so each horizontal looks only at those in its span.
  std::vector<const Ruling*> by_pos;
  by_pos.reserve(vs.size());
  for (const Ruling& v : vs) by_pos.push_back(&v);
  std::sort(by_pos.begin(), by_pos.end(),
            [](const Ruling* a, const Ruling* b) { return a->pos < b->pos; });
  const double tol = config.intersection_tolerance;
  const int nh = static_cast<int>(hs.size());
  UnionFind tables(hs.size() + vs.size());
  for (int i = 0; i < nh; ++i) {
    const Ruling& h = hs[static_cast<std::size_t>(i)];
    auto it = std::lower_bound(by_pos.begin(), by_pos.end(), h.from - tol,
                               [](const Ruling* v, double x) { return v->pos < x; });
    for (; it != by_pos.end() && (*it)->pos <= h.to + tol; ++it) {
      if (h.pos >= (*it)->from - tol && h.pos <= (*it)->to + tol) {
        tables.unite(i, nh + static_cast<int>(*it - vs.data()));
      }
    }
  }
  // Groups by root, in order of first appearance.
  std::vector<int> group_of(hs.size() + vs.size(), -1);
  std::vector<std::pair<std::vector<const Ruling*>, std::vector<const Ruling*>>> groups;
  for (int i = 0; i < static_cast<int>(group_of.size()); ++i) {
    const int root = tables.find(i);
    int& g = group_of[static_cast<std::size_t>(root)];
    if (g < 0) {
      g = static_cast<int>(groups.size());
      groups.emplace_back();
    }
    auto& [h, v] = groups[static_cast<std::size_t>(g)];
    if (i < nh) {
      h.push_back(&hs[static_cast<std::size_t>(i)]);
    } else {
      v.push_back(&vs[static_cast<std::size_t>(i - nh)]);
    }
  }
  std::vector<CellGrid> out;
  for (const auto& [h, v] : groups) {
    if (h.empty() || v.empty()) continue;  // a lone line, or parallel lines only
    if (auto grid = build_grid(h, v, graphics, config)) out.push_back(std::move(*grid));
  }
  std::sort(out.begin(), out.end(), [](const CellGrid& a, const CellGrid& b) {
    return a.ys.front() != b.ys.front() ? a.ys.front() < b.ys.front() : a.xs.front() < b.xs.front();
  });
  return out;
}

}  // namespace poa::extractor::layout
