// What `poa inspect` shows of the drawn grid: the text of each cell and an SVG of a page (words,
// rulings, cells over each other), from plain layout structs (no poppler), for bug reports.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "extractor/cell_grid.hpp"
#include "extractor/pdf_layout.hpp"
#include "extractor/rulings.hpp"

namespace poa::extractor::inspect {

// A number with two decimals, locale-independent, never "-0.00".
void put_number(std::ostream& out, double v);

// The text of each cell of `grid` (same order as grid.cells): the words whose centre falls in
// the cell, in reading order (lines top to bottom, words left to right), joined by spaces.
std::vector<std::string> cell_texts(const layout::PageWords& page, const layout::CellGrid& grid);

// An SVG of the page (viewBox = the page in points): grid cells as blue outlines (shaded ones
// filled light blue), word boxes in grey with their text, rulings in red.
void write_page_svg(const layout::PageWords& page, const layout::Rulings& rulings,
                    const std::vector<layout::CellGrid>& grids, std::ostream& out);

}  // namespace poa::extractor::inspect
