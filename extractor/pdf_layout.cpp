// Page geometry for the PDF reader (and for text laid out like a page): positioned words -> cell
// rows, in passes over plain structs, one file each (page_layouter.hpp lists them).
#include "extractor/pdf_layout.hpp"

#include "extractor/page_layouter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace poa::extractor::layout {

void PageWords::clear() {
  words.clear();
  glyphs.clear();
  fonts.clear();
  graphics.clear();
  width = height = 0;
  rotation = 0;
}

void PageWords::add_word(std::string text, Box box, double font_size, bool bold) {
  Word w;
  w.box = box;
  w.font_size = font_size;
  w.bold = bold;
  w.glyph_begin = static_cast<std::uint32_t>(glyphs.size());
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  const double step = n ? (box.x1 - box.x0) / n : 0;
  std::uint32_t k = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t j = i + 1;
    while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
    glyphs.push_back(Glyph{box.x0 + step * k, box.x0 + step * (k + 1),
                           static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    ++k;
    i = j;
  }
  w.glyph_count = n;
  w.text = std::move(text);
  words.push_back(std::move(w));
}

namespace detail {

PageLayout PageLayouter::run() {
  for (Word& w : page_.words) drop_doubled_glyphs(page_, w, config_);  // 1. glyphs
  find_grids();            // rulings -> cells (rulings.cpp, cell_grid.cpp)
  build_lines();           // 2. lines
  place_lines_in_grids();  //    ... and the grid each lies in
  classify_lines();        // 3. line kinds: headings, labels, months, furniture
  find_zones();            // 4. zones: header blocks, table headers and bodies
  find_header_grid();      // 5. columns of the header block (the table's: in emit)
  emit();                  // 6. rows
  out_.rulings = std::move(rulings_);
  out_.grids = std::move(grids_);
  return std::move(out_);
}

}  // namespace detail

void count_dropped(const PageLayout& page, int page_number, DroppedLines& into) {
  for (const Line& line : page.dropped) into.add(line.text, page_number);
}

PageLayout layout_page(PageWords& page, LayoutState& state, const LayoutConfig& config) {
  return detail::PageLayouter(page, state, config).run();
}

}  // namespace poa::extractor::layout
