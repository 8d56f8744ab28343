// Pass "grid": rulings -> tables of cells, as a lattice (Camelot's lattice, pdfplumber's lines
// strategy). A missing inner border between two lattice cells makes one merged cell.
#pragma once

#include <optional>
#include <vector>

#include "extractor/layout_config.hpp"
#include "extractor/rulings.hpp"

namespace poa::extractor::layout {

// One cell of a grid: the lattice rows [row, row + row_span) and columns [col, col + col_span)
// it covers, and its box (the rulings around it).
struct GridCell {
  int row = 0, col = 0;
  int row_span = 1, col_span = 1;
  Box box;
  // The cell is filled dark or grey (a label band), not white or unfilled.
  bool shaded = false;
  friend bool operator==(const GridCell&, const GridCell&) = default;
};

// A table drawn with rulings: the x of its vertical lattice lines (xs, ascending; columns are
// [xs[c], xs[c+1])) and the y of its horizontal ones (ys, ascending), and every cell, each lattice
// position covered by exactly one cell, ordered by (row, col).
struct CellGrid {
  std::vector<double> xs;
  std::vector<double> ys;
  std::vector<GridCell> cells;
  // Per lattice position, row-major (rows() x columns()): the index in `cells` of the cell
  // covering it. Filled by build_cell_grids; a grid made by hand may leave it empty (cell_at
  // then scans the cells).
  std::vector<int> lattice;

  int rows() const { return ys.size() < 2 ? 0 : static_cast<int>(ys.size()) - 1; }
  int columns() const { return xs.size() < 2 ? 0 : static_cast<int>(xs.size()) - 1; }
  Box box() const {
    return xs.empty() || ys.empty() ? Box{} : Box{xs.front(), ys.front(), xs.back(), ys.back()};
  }
  // The cell holding the point, if any (two binary searches and a lookup).
  const GridCell* cell_at(double x, double y) const;
};

// The page's grids, top to bottom. Only tables of at least 2 rows and 2 columns of cells are
// returned; an outer frame alone (one cell) or isolated lines (underlines, separators) give none.
// `fills` give the cells' shading. Never throws.
std::vector<CellGrid> build_cell_grids(const Rulings& rulings, const PageGraphics& graphics,
                                       const GridConfig& config = {});

}  // namespace poa::extractor::layout
