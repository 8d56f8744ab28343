// The drawn grid of real PDFs: load_page's graphics (poppler) through the rulings and grid passes
// give the cells the words sit in, on upright and rotated pages of LibreOffice, cairo and
// Chromium; and the inspect SVG of a page.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/cell_grid.hpp"
#include "extractor/inspect_svg.hpp"
#include "extractor/pdf_reader.hpp"
#include "extractor/rulings.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;
using layout::CellGrid;
using layout::GridCell;

const fs::path kRoot = POA_SOURCE_DIR;

// Where a word must fall: grid `grid` of the page, the cell at (row, col) with its spans.
struct Probe {
  std::string word;
  std::size_t grid = 0;
  int row = 0, col = 0, row_span = 1, col_span = 1;
  bool shaded = false;
};

struct PageCase {
  std::string name;
  fs::path file;
  int page = 1;
  std::vector<std::pair<int, int>> grids;  // rows x columns of each grid, top to bottom
  std::vector<Probe> probes;
};

const std::vector<PageCase> kCases = {
    {"calc_sample_page1",
     kRoot / "fixtures/pdf/sample_secretaria_planeacion/input.pdf",
     1,
     {{15, 18}},
     {{"SECRETARÍA", 0, 0, 0, 1, 3, true},
      {"BENEFICIARIOS", 0, 0, 6, 1, 12, true},
      {"ACTIVIDAD", 0, 9, 0, 2, 1, true},  // label beside the two-row PROGRAMACIÓN header
      {"ENE", 0, 10, 6, 1, 1, true},
      {"Solicitud", 0, 11, 2, 1, 1, false}}},
    {"cairo_rotated_270",
     kRoot / "fixtures/pdf/wrapped_cells/rotated_landscape.pdf",
     1,
     {{15, 18}},
     {{"SECRETARÍA", 0, 0, 0, 1, 3, true}, {"Cancha", 0, 11, 2, 1, 1, false}}},
    {"chromium_rowspan_colspan",
     kRoot / "fixtures/pdf/layouts/chromium-no-thead/input.pdf",
     1,
     {{8, 3}, {18, 18}},
     {{"META", 0, 2, 2, 1, 1, true},
      {"ACTIVIDAD", 1, 0, 0, 2, 1, true},
      {"MENSUAL", 1, 0, 6, 1, 12, true}}},
};

const layout::Word* find_word(const layout::PageWords& page, const std::string& text) {
  for (const layout::Word& w : page.words) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

TEST(PdfGraphicsTest, WordsFallInTheDrawnCells) {
  for (const PageCase& c : kCases) {
    SCOPED_TRACE(c.name);
    const layout::PageWords page = read_pdf_page(c.file, c.page, std::nullopt);
    const layout::Rulings rulings = layout::find_rulings(page.graphics);
    const std::vector<CellGrid> grids = layout::build_cell_grids(rulings, page.graphics);
    ASSERT_EQ(grids.size(), c.grids.size());
    for (std::size_t g = 0; g < grids.size(); ++g) {
      EXPECT_EQ(grids[g].rows(), c.grids[g].first) << "grid " << g;
      EXPECT_EQ(grids[g].columns(), c.grids[g].second) << "grid " << g;
    }
    for (const Probe& p : c.probes) {
      SCOPED_TRACE(p.word);
      const layout::Word* w = find_word(page, p.word);
      ASSERT_NE(w, nullptr);
      const GridCell* cell =
          grids[p.grid].cell_at((w->box.x0 + w->box.x1) / 2, (w->box.y0 + w->box.y1) / 2);
      ASSERT_NE(cell, nullptr);
      EXPECT_EQ(cell->row, p.row);
      EXPECT_EQ(cell->col, p.col);
      EXPECT_EQ(cell->row_span, p.row_span);
      EXPECT_EQ(cell->col_span, p.col_span);
      EXPECT_EQ(cell->shaded, p.shaded);
    }
  }
}

TEST(PdfGraphicsTest, PageBeyondTheDocumentIsEmpty) {
  const layout::PageWords page =
      read_pdf_page(kRoot / "fixtures/pdf/sample_secretaria_planeacion/input.pdf", 99, {});
  EXPECT_TRUE(page.words.empty());
  EXPECT_TRUE(page.graphics.empty());
  EXPECT_EQ(page.number, 99);
}

TEST(InspectSvgTest, DrawsWordsRulingsAndCellsEscaped) {
  layout::PageWords page;
  page.width = 612;
  page.height = 792;
  page.add_word("a<b&\"c\"\x01", Box{50, 50, 90, 60}, 8);
  layout::PageGraphics g;
  for (double x : {40.0, 140.0, 240.0}) g.segments.push_back({x, 40, x, 100, 0.5});
  for (double y : {40.0, 70.0, 100.0}) g.segments.push_back({40, y, 240, y, 0.5});
  g.fills.push_back({Box{40, 40, 240, 70}, 0.5});
  const layout::Rulings rulings = layout::find_rulings(g);
  const std::vector<CellGrid> grids = layout::build_cell_grids(rulings, g);
  std::ostringstream out;
  inspect::write_page_svg(page, rulings, grids, out);
  const std::string svg = out.str();
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
    return n;
  };
  EXPECT_NE(svg.find("viewBox=\"0 0 612.00 792.00\""), std::string::npos) << svg;
  EXPECT_NE(svg.find(">a&lt;b&amp;&quot;c&quot;\xEF\xBF\xBD</text>"), std::string::npos) << svg;
  EXPECT_EQ(count("<line"), 6u);
  EXPECT_EQ(count("<title>tabla 1 "), 4u);
  EXPECT_EQ(count("fill=\"#dbe4ff\""), 2u);  // the shaded top row
  EXPECT_EQ(inspect::cell_texts(page, grids[0]),
            (std::vector<std::string>{"a<b&\"c\"\x01", "", "", ""}));
}

}  // namespace
}  // namespace poa::extractor
