// The grid pass on synthetic lattices (no poppler): plain grids, merged cells across a missing
// border, frames and underlines that are no table, two tables on a page, open sides, shading.
#include "extractor/cell_grid.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace poa::extractor::layout {
namespace {

// A lattice edge left undrawn: the vertical line `line` (index into xs) beside row `index`, or
// the horizontal line `line` (index into ys) above column `index`.
struct Missing {
  bool vertical = false;
  int line = 0, index = 0;
  bool operator==(const Missing&) const = default;
};

// Draws a lattice edge by edge (a segment per cell side, as spreadsheets export it), leaving
// out the `missing` edges.
void lattice(PageGraphics& g, const std::vector<double>& xs, const std::vector<double>& ys,
             const std::vector<Missing>& missing = {}) {
  auto skip = [&](Missing m) {
    for (const Missing& k : missing) {
      if (k == m) return true;
    }
    return false;
  };
  for (int k = 0; k < static_cast<int>(xs.size()); ++k) {
    for (int r = 0; r + 1 < static_cast<int>(ys.size()); ++r) {
      if (skip({true, k, r})) continue;
      const double x = xs[static_cast<std::size_t>(k)];
      g.segments.push_back(
          {x, ys[static_cast<std::size_t>(r)], x, ys[static_cast<std::size_t>(r) + 1], 0.5});
    }
  }
  for (int k = 0; k < static_cast<int>(ys.size()); ++k) {
    for (int c = 0; c + 1 < static_cast<int>(xs.size()); ++c) {
      if (skip({false, k, c})) continue;
      const double y = ys[static_cast<std::size_t>(k)];
      g.segments.push_back(
          {xs[static_cast<std::size_t>(c)], y, xs[static_cast<std::size_t>(c) + 1], y, 0.5});
    }
  }
}

PageGraphics grid_of(const std::vector<double>& xs, const std::vector<double>& ys,
                     const std::vector<Missing>& missing = {}) {
  PageGraphics g;
  lattice(g, xs, ys, missing);
  return g;
}

const std::vector<double> kXs3 = {40, 140, 240, 340};
const std::vector<double> kYs3 = {100, 120, 140, 160};

PageGraphics two_tables() {
  PageGraphics g;
  lattice(g, {40, 200, 400}, {300, 320, 340});  // drawn first, lower on the page
  lattice(g, {40, 140, 240}, {60, 80, 100});
  return g;
}

PageGraphics open_sides() {
  PageGraphics g;  // rows as full-width lines, only the inner column borders drawn
  for (double y : kYs3) g.segments.push_back({40, y, 340, y, 0.5});
  for (double x : {140.0, 240.0}) g.segments.push_back({x, 100, x, 160, 0.5});
  return g;
}

PageGraphics stops_short() {
  PageGraphics g;  // verticals stop 2 pt short of the outer horizontals
  for (double y : {100.0, 130.0, 160.0}) g.segments.push_back({40, y, 240, y, 0.5});
  for (double x : {40.0, 140.0, 240.0}) g.segments.push_back({x, 102, x, 158, 0.5});
  return g;
}

PageGraphics underline_and_frame() {
  PageGraphics g;
  g.segments.push_back({40, 50, 200, 50, 0.5});  // an underline
  lattice(g, {40, 540}, {100, 700});             // a page frame
  return g;
}

// (row, col, row_span, col_span) of every cell of each grid.
using Cells = std::vector<std::tuple<int, int, int, int>>;

Cells plain(int rows, int cols) {
  Cells out;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) out.emplace_back(r, c, 1, 1);
  }
  return out;
}

struct GridCase {
  std::string name;
  PageGraphics graphics;
  std::vector<Cells> expected;  // one entry per grid, top to bottom
};

const std::vector<GridCase> kCases = {
    {"plain_3x3", grid_of(kXs3, kYs3), {plain(3, 3)}},
    {"merged_horizontal_span",
     grid_of(kXs3, kYs3, {{true, 1, 0}}),
     {{{0, 0, 1, 2},
       {0, 2, 1, 1},
       {1, 0, 1, 1},
       {1, 1, 1, 1},
       {1, 2, 1, 1},
       {2, 0, 1, 1},
       {2, 1, 1, 1},
       {2, 2, 1, 1}}}},
    {"tall_centred_cell_beside_three_rows",
     grid_of({40, 140, 340}, kYs3, {{false, 1, 0}, {false, 2, 0}}),
     {{{0, 0, 3, 1}, {0, 1, 1, 1}, {1, 1, 1, 1}, {2, 1, 1, 1}}}},
    {"merged_block_2x2",
     grid_of(kXs3, kYs3, {{true, 1, 0}, {true, 1, 1}, {false, 1, 0}, {false, 1, 1}}),
     {{{0, 0, 2, 2}, {0, 2, 1, 1}, {1, 2, 1, 1}, {2, 0, 1, 1}, {2, 1, 1, 1}, {2, 2, 1, 1}}}},
    {"l_shaped_region_cut_row_major",
     grid_of(kXs3, kYs3, {{true, 1, 0}, {false, 1, 0}}),
     {{{0, 0, 1, 2},
       {0, 2, 1, 1},
       {1, 0, 1, 1},
       {1, 1, 1, 1},
       {1, 2, 1, 1},
       {2, 0, 1, 1},
       {2, 1, 1, 1},
       {2, 2, 1, 1}}}},
    {"missing_outer_edge_segment",
     grid_of(kXs3, kYs3, {{true, 3, 1}, {false, 0, 2}}),
     {plain(3, 3)}},
    {"outer_frame_only", grid_of({40, 540}, {100, 700}), {}},
    {"underline_and_frame_are_no_table", underline_and_frame(), {}},
    {"lone_underline", {{{40, 50, 200, 50, 0.5}}, {}}, {}},
    {"two_tables_top_to_bottom", two_tables(), {plain(2, 2), plain(2, 2)}},
    {"open_sides_closed_where_rows_end", open_sides(), {plain(3, 3)}},
    {"rulings_stopping_short_still_meet", stops_short(), {plain(2, 2)}},
    {"no_inner_borders_is_no_table",
     grid_of(kXs3, kYs3,
             {{true, 1, 0},
              {true, 1, 1},
              {true, 1, 2},
              {true, 2, 0},
              {true, 2, 1},
              {true, 2, 2},
              {false, 1, 0},
              {false, 1, 1},
              {false, 1, 2},
              {false, 2, 0},
              {false, 2, 1},
              {false, 2, 2}}),
     {}},
};

TEST(CellGridTest, Cases) {
  for (const GridCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const std::vector<CellGrid> grids = build_cell_grids(find_rulings(c.graphics), c.graphics);
    ASSERT_EQ(grids.size(), c.expected.size());
    for (std::size_t g = 0; g < grids.size(); ++g) {
      Cells actual;
      for (const GridCell& cell : grids[g].cells) {
        actual.emplace_back(cell.row, cell.col, cell.row_span, cell.col_span);
        const int end_c = cell.col + cell.col_span, end_r = cell.row + cell.row_span;
        const Box want{grids[g].xs[static_cast<std::size_t>(cell.col)],
                       grids[g].ys[static_cast<std::size_t>(cell.row)],
                       grids[g].xs[static_cast<std::size_t>(end_c)],
                       grids[g].ys[static_cast<std::size_t>(end_r)]};
        EXPECT_EQ(cell.box, want);
      }
      EXPECT_EQ(actual, c.expected[g]) << "grid " << g;
    }
  }
}

TEST(CellGridTest, LatticePositionsAndCellAt) {
  const PageGraphics g = grid_of({40, 140, 340}, kYs3, {{false, 1, 0}, {false, 2, 0}});
  const std::vector<CellGrid> grids = build_cell_grids(find_rulings(g), g);
  ASSERT_EQ(grids.size(), 1u);
  const CellGrid& grid = grids[0];
  EXPECT_EQ(grid.xs, (std::vector<double>{40, 140, 340}));
  EXPECT_EQ(grid.ys, kYs3);
  EXPECT_EQ(grid.rows(), 3);
  EXPECT_EQ(grid.columns(), 2);
  struct Probe {
    double x, y;
    int row, col;  // -1: outside
  };
  for (const Probe& p : std::vector<Probe>{{90, 130, 0, 0},  // middle of the tall cell
                                           {200, 130, 1, 1},
                                           {340, 160, 2, 1},  // bottom-right corner
                                           {39, 130, -1, -1},
                                           {200, 161, -1, -1}}) {
    const GridCell* cell = grid.cell_at(p.x, p.y);
    if (p.row < 0) {
      EXPECT_EQ(cell, nullptr) << p.x << "," << p.y;
      continue;
    }
    ASSERT_NE(cell, nullptr) << p.x << "," << p.y;
    EXPECT_EQ(cell->row, p.row);
    EXPECT_EQ(cell->col, p.col);
  }
}

TEST(CellGridTest, ShadingFromTheLastFillOverTheCell) {
  PageGraphics g = grid_of(kXs3, kYs3);
  g.fills.push_back({Box{40, 100, 340, 120}, 0.3});   // dark header band
  g.fills.push_back({Box{40, 120, 340, 160}, 1.0});   // white body
  g.fills.push_back({Box{140, 140, 240, 160}, 0.9});  // one grey cell
  g.fills.push_back({Box{240, 100, 340, 120}, 1.0});  // header cell painted white again
  const std::vector<CellGrid> grids = build_cell_grids(find_rulings(g), g);
  ASSERT_EQ(grids.size(), 1u);
  std::vector<std::pair<int, int>> shaded;
  for (const GridCell& c : grids[0].cells) {
    if (c.shaded) shaded.emplace_back(c.row, c.col);
  }
  EXPECT_EQ(shaded, (std::vector<std::pair<int, int>>{{0, 0}, {0, 1}, {2, 1}}));
}

}  // namespace
}  // namespace poa::extractor::layout
