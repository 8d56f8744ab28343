// `poa inspect`'s views of the drawn grid: cell texts and the page as SVG (see inspect_svg.hpp),
// and write_pdf_page_svg (pdf_reader.hpp), which writes that SVG atomically.
#include "extractor/inspect_svg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "extractor/pdf_reader.hpp"

namespace poa::extractor {
namespace inspect {
namespace {

// Text for XML character data and attribute values: markup escaped, and the control characters
// XML 1.0 forbids (a broken font's glyph codes) replaced by U+FFFD.
void put_xml_text(std::ostream& out, std::string_view text) {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out << "&amp;";
        break;
      case '<':
        out << "&lt;";
        break;
      case '>':
        out << "&gt;";
        break;
      case '"':
        out << "&quot;";
        break;
      case '\'':
        out << "&apos;";
        break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out << "\xEF\xBF\xBD";
        } else {
          out << ch;
        }
    }
  }
}

void put_attr(std::ostream& out, const char* name, double v) {
  out << ' ' << name << "=\"";
  put_number(out, v);
  out << '"';
}

void put_rect(std::ostream& out, const Box& b) {
  put_attr(out, "x", b.x0);
  put_attr(out, "y", b.y0);
  put_attr(out, "width", std::max(0.0, b.x1 - b.x0));
  put_attr(out, "height", std::max(0.0, b.y1 - b.y0));
}

}  // namespace

void put_number(std::ostream& out, double v) {
  std::array<char, 32> buf{};
  if (v > -0.005 && v < 0.005) v = 0;  // no "-0.00"
  auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 2);
  out.write(buf.data(), res.ptr - buf.data());
}

std::vector<std::string> cell_texts(const layout::PageWords& page, const layout::CellGrid& grid) {
  std::vector<std::vector<const layout::Word*>> in_cell(grid.cells.size());
  for (const layout::Word& w : page.words) {
    const layout::GridCell* cell =
        grid.cell_at((w.box.x0 + w.box.x1) / 2, (w.box.y0 + w.box.y1) / 2);
    if (cell) in_cell[static_cast<std::size_t>(cell - grid.cells.data())].push_back(&w);
  }
  std::vector<std::string> out(grid.cells.size());
  auto mid_y = [](const layout::Word* w) { return (w->box.y0 + w->box.y1) / 2; };
  for (std::size_t i = 0; i < in_cell.size(); ++i) {
    auto& words = in_cell[i];
    std::sort(words.begin(), words.end(),
              [&](const layout::Word* a, const layout::Word* b) { return mid_y(a) < mid_y(b); });
    // Lines: words whose middles are within half a line height of the line's first word.
    std::size_t begin = 0;
    while (begin < words.size()) {
      std::size_t end = begin + 1;
      const double tolerance = (words[begin]->box.y1 - words[begin]->box.y0) / 2;
      while (end < words.size() && mid_y(words[end]) - mid_y(words[begin]) <= tolerance) ++end;
      std::sort(words.begin() + static_cast<std::ptrdiff_t>(begin),
                words.begin() + static_cast<std::ptrdiff_t>(end),
                [](const layout::Word* a, const layout::Word* b) { return a->box.x0 < b->box.x0; });
      begin = end;
    }
    for (const layout::Word* w : words) {
      if (!out[i].empty()) out[i] += ' ';
      out[i] += w->text;
    }
  }
  return out;
}

void write_page_svg(const layout::PageWords& page, const layout::Rulings& rulings,
                    const std::vector<layout::CellGrid>& grids, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
  put_number(out, page.width);
  out << ' ';
  put_number(out, page.height);
  out << '"';
  put_attr(out, "width", page.width);
  put_attr(out, "height", page.height);
  out << ">\n<title>página " << page.number << "</title>\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  // Cells inset a little, so their blue outline shows beside the red ruling it follows.
  constexpr double kInset = 1.0;
  out << "<g id=\"celdas\" stroke=\"blue\" stroke-width=\"0.6\">\n";
  for (std::size_t g = 0; g < grids.size(); ++g) {
    for (const layout::GridCell& c : grids[g].cells) {
      out << "<rect";
      put_rect(out,
               Box{c.box.x0 + kInset, c.box.y0 + kInset, c.box.x1 - kInset, c.box.y1 - kInset});
      out << " fill=\"" << (c.shaded ? "#dbe4ff" : "none") << "\"><title>tabla " << g + 1 << " r"
          << c.row << " c" << c.col << ' ' << c.row_span << 'x' << c.col_span
          << "</title></rect>\n";
    }
  }
  out << "</g>\n<g id=\"palabras\" font-family=\"sans-serif\">\n";
  for (const layout::Word& w : page.words) {
    const double h = w.box.y1 - w.box.y0;
    out << "<rect";
    put_rect(out, w.box);
    out << " fill=\"none\" stroke=\"#999\" stroke-width=\"0.2\"/><text";
    put_attr(out, "x", w.box.x0);
    put_attr(out, "y", w.box.y1 - 0.22 * h);  // about the baseline
    put_attr(out, "font-size", w.font_size > 0 ? w.font_size : h);
    put_attr(out, "textLength", std::max(0.1, w.box.x1 - w.box.x0));
    out << " lengthAdjust=\"spacingAndGlyphs\">";
    put_xml_text(out, w.text);
    out << "</text>\n";
  }
  out << "</g>\n<g id=\"rayas\" stroke=\"red\" stroke-width=\"0.5\">\n";
  auto line = [&](double x0, double y0, double x1, double y1) {
    out << "<line";
    put_attr(out, "x1", x0);
    put_attr(out, "y1", y0);
    put_attr(out, "x2", x1);
    put_attr(out, "y2", y1);
    out << "/>\n";
  };
  for (const layout::Ruling& r : rulings.horizontal) line(r.from, r.pos, r.to, r.pos);
  for (const layout::Ruling& r : rulings.vertical) line(r.pos, r.from, r.pos, r.to);
  out << "</g>\n</svg>\n";
}

}  // namespace inspect

void write_pdf_page_svg(const std::filesystem::path& path,
                        const std::optional<std::string>& password, int page,
                        const std::filesystem::path& svg) {
  const layout::PageWords words = read_pdf_page(path, page, password);
  if (words.width <= 0 || words.height <= 0) {
    throw std::runtime_error("la página " + std::to_string(page) + " no existe en " +
                             path.string());
  }
  const layout::Rulings rulings = layout::find_rulings(words.graphics);
  const std::vector<layout::CellGrid> grids = layout::build_cell_grids(rulings, words.graphics);
  std::ostringstream text;
  inspect::write_page_svg(words, rulings, grids, text);
  // Atomic: a hidden temporary file in the target's folder, renamed over it when complete.
  const std::filesystem::path temp =
      svg.parent_path() / std::string(".").append(svg.filename().string()).append(".poa-tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    const std::string bytes = text.str();
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw std::runtime_error("no se pudo escribir " + svg.string());
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, svg, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    throw std::runtime_error("no se pudo escribir " + svg.string());
  }
}

}  // namespace poa::extractor
