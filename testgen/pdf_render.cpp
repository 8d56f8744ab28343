// Lays a POA out like a spreadsheet print (grid, wrapped cells, page breaks) and draws it with
// cairo's PDF surface, one measured layout pass and one drawing pass.
#include "testgen/pdf_render.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <stdexcept>

#include "testgen/poa_generator.hpp"

namespace poa::testgen {
namespace {

constexpr int kColumns = 18;  // ACTIVIDAD … PROGRAMACIÓN ANUAL, then ENE … DIC
constexpr int kFirstMonth = 6;
constexpr double kMinFontSize = 5;

enum class HAlign { kLeft, kCenter, kRight };
enum class Face { kBody, kLabel, kTitle };

struct Page {
  double width, height;
};

Page page_points(PageSize size) {
  switch (size) {
    case PageSize::kLetter:
      return {792, 612};
    case PageSize::kLegal:
      return {1008, 612};
    case PageSize::kA4:
      return {841.89, 595.28};
  }
  return {792, 612};
}

// A cell positioned relative to its row's top-left; `border` draws its rectangle.
struct DrawCell {
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  std::vector<std::string> lines;
  HAlign halign = HAlign::kLeft;
  Face face = Face::kBody;
  bool border = true;
  bool fill = false;
};

// A unit the paginator never splits: a title, a band of the header block, a table header or an
// activity row.
struct DrawRow {
  double height = 0;
  std::vector<DrawCell> cells;
};

class Typesetter {
 public:
  Typesetter(cairo_t* cr, const RenderOptions& o) : cr_(cr), o_(o) {}

  void set_size(double body) { body_ = body; }
  double body_size() const { return body_; }
  double line_height() const { return body_ * o_.line_spacing; }

  void select(Face face) {
    const bool bold = face == Face::kTitle || (face == Face::kLabel && o_.label_bold);
    cairo_select_font_face(cr_, o_.font_family.c_str(), CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr_, face == Face::kTitle ? o_.title_size : body_);
  }

  double width(Face face, const std::string& text) {
    select(face);
    cairo_text_extents_t e;
    cairo_text_extents(cr_, text.c_str(), &e);
    return e.x_advance;
  }

  double widest_word(Face face, const std::string& text) {
    double w = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(' ', start), text.size());
      if (end > start) w = std::max(w, width(face, text.substr(start, end - start)));
      start = end + 1;
    }
    return w;
  }

  // Greedy word wrap; a word wider than the cell gets a line of its own (we size columns so
  // that this does not happen).
  std::vector<std::string> wrap(Face face, const std::string& text, double max_width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(' ', start), text.size());
      if (end > start) {
        const std::string word = text.substr(start, end - start);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (line.empty() || width(face, candidate) <= max_width) {
          line = candidate;
        } else {
          lines.push_back(line);
          line = word;
        }
      }
      start = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
  }

 private:
  cairo_t* cr_;
  const RenderOptions& o_;
  double body_ = 8;
};

std::string strip_accents(std::string s) {
  static const std::array<std::pair<const char*, const char*>, 5> kMap = {
      {{"Á", "A"}, {"É", "E"}, {"Í", "I"}, {"Ó", "O"}, {"Ú", "U"}}};
  for (const auto& [from, to] : kMap) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p)) {
      s.replace(p, std::string(from).size(), to);
    }
  }
  return s;
}

const char* const kTableLabels[6] = {"ACTIVIDAD",        "ÁREA RESPONSABLE",
                                     "UNIDAD DE MEDIDA", "INVERSIÓN APROX. POR ACTIVIDAD",
                                     "INDICADOR",        "PROGRAMACIÓN ANUAL"};
const char* const kMonthLabels[12] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                      "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};

// The texts of one activity row as the spreadsheet shows them, by table column.
std::array<std::string, kColumns> activity_texts(const Activity& a, const RenderOptions& o) {
  std::array<std::string, kColumns> t;
  t[0] = a.actividad.value_or("");
  t[1] = a.area_responsable.value_or("");
  t[2] = a.unidad_medida.value_or("");
  t[3] = a.inversion ? format_money(*a.inversion) : "";
  t[4] = a.indicador.value_or("");
  t[5] = a.programacion_anual ? format_quantity(*a.programacion_anual, o.thousands) : "";
  for (int m = 0; m < 12; ++m) {
    const auto& v = a.programacion_mensual[static_cast<std::size_t>(m)];
    t[static_cast<std::size_t>(kFirstMonth + m)] = v ? format_quantity(*v, o.thousands) : "";
  }
  return t;
}

HAlign column_align(int c) {
  if (c == 3) return HAlign::kRight;
  if (c >= 5) return HAlign::kCenter;
  return HAlign::kLeft;
}

// The header block's cells: label and value for each of the three groups of each band.
struct HeaderEntry {
  std::string label;
  std::string value;
};
using Band = std::array<HeaderEntry, 3>;

std::vector<Band> header_bands(const Action& a, const RenderOptions& o, bool partida_in_band3) {
  auto label = [&](const char* s) { return o.accented_labels ? std::string(s) : strip_accents(s); };
  auto coded = [](const std::optional<CodedText>& c) {
    if (!c) return std::string{};
    std::string s = c->codigo.value_or("");
    if (c->nombre) s += (s.empty() ? "" : " ") + *c->nombre;
    return s;
  };
  std::string numero;
  if (a.numero) {
    numero = std::to_string(*a.numero);
    if (o.numero_leading_zero && numero.size() == 1) numero = "0" + numero;
  }
  std::string partidas;
  for (const auto& p : a.partidas_presupuestales) {
    partidas += (partidas.empty() ? "" : o.partidas_separator) + p;
  }
  const HeaderEntry partida{label("PARTIDA PRESUPUESTAL"), partidas};
  std::vector<Band> bands(4);
  bands[0] = {
      HeaderEntry{label("SECRETARÍA"), a.secretaria.value_or("")},
      HeaderEntry{label("NOMBRE DE LA ACCIÓN"), a.nombre.value_or("")},
      HeaderEntry{
          label("BENEFICIARIOS"),
          a.beneficiarios ? format_beneficiaries(*a.beneficiarios, o.beneficiaries_style) : ""}};
  bands[1] = {HeaderEntry{label("PRINCIPIO RECTOR"), a.principio_rector.value_or("")},
              HeaderEntry{label("NÚMERO DE ACCIÓN"), numero},
              HeaderEntry{label("META"), a.meta.value_or("")}};
  bands[2] = {HeaderEntry{label("LÍNEA ESTRATÉGICA"), coded(a.linea_estrategica)},
              HeaderEntry{label("INVERSIÓN APROXIMADA"),
                          a.inversion_aproximada ? format_money(*a.inversion_aproximada) : ""},
              partida_in_band3 ? partida : HeaderEntry{}};
  bands[3] = {HeaderEntry{label("ESTRATEGIA"), coded(a.estrategia)},
              HeaderEntry{label("PROPÓSITO"), a.proposito.value_or("")},
              partida_in_band3 ? HeaderEntry{} : partida};
  return bands;
}

class Renderer {
 public:
  Renderer(const Document& doc, const RenderOptions& o) : doc_(doc), o_(o) {}

  RenderResult run(const std::filesystem::path& path) {
    const Page page = page_points(o_.page);
    cairo_surface_t* surface =
        cairo_pdf_surface_create(path.string().c_str(), page.width, page.height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(surface);
      throw std::runtime_error("cairo: cannot create " + path.string());
    }
    // A fixed date keeps the file byte-identical for a seed.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2022-01-31T12:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "poa testgen");
    cairo_t* cr = cairo_create(surface);
    Typesetter ts(cr, o_);
    layout(ts, page);
    draw(cr, ts, page);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
    }
    result_.pages = static_cast<int>(pages_.size());
    result_.font_size = ts.body_size();
    return result_;
  }

 private:
  struct Placed {
    const DrawRow* row;
    double y;
  };

  const Document& doc_;
  const RenderOptions& o_;
  std::array<double, kColumns + 1> x_{};  // column edges
  std::deque<DrawRow> rows_;              // stable addresses for the page lists
  std::vector<std::vector<Placed>> pages_;
  RenderResult result_;

  double table_width() const { return x_[kColumns] - x_[0]; }

  // Column widths: every column at least as wide as its longest word, the font shrunk until
  // that fits the page, the rest shared out by weight.
  void size_columns(Typesetter& ts, const Page& page) {
    const double avail = (page.width - 2 * o_.margin) * o_.table_width_fraction;
    std::array<double, kColumns> min_w{};
    for (double size = o_.font_size;; size -= 0.5) {
      ts.set_size(std::max(size, kMinFontSize));
      min_w.fill(0);
      for (int c = 0; c < kColumns; ++c) {
        const std::string label = c < kFirstMonth ? kTableLabels[c] : kMonthLabels[c - kFirstMonth];
        min_w[c] = ts.widest_word(Face::kLabel, label);
      }
      for (const auto& action : doc_.acciones) {
        for (const auto& a : action.actividades) {
          const auto texts = activity_texts(a, o_);
          for (int c = 0; c < kColumns; ++c) {
            // Numbers never wrap, so the whole text must fit.
            const double w = c >= 3 && c != 4 ? ts.width(Face::kBody, texts[c])
                                              : ts.widest_word(Face::kBody, texts[c]);
            min_w[c] = std::max(min_w[c], w);
          }
        }
      }
      double total = 0;
      for (auto& w : min_w) total += (w += 2 * o_.padding + 2);
      if (total <= avail || size <= kMinFontSize) break;
    }
    std::array<double, 7> weights = {6, 2.5, 2, 1.5, 3, 1, 0.4};
    if (o_.column_weights.size() == weights.size()) {
      std::copy(o_.column_weights.begin(), o_.column_weights.end(), weights.begin());
    }
    double total_min = 0, total_weight = 0;
    for (int c = 0; c < kColumns; ++c) {
      total_min += min_w[c];
      total_weight += weights[std::min(c, 6)];
    }
    const double extra = std::max(0.0, avail - total_min);
    x_[0] = o_.margin + (page.width - 2 * o_.margin - std::max(avail, total_min)) / 2;
    for (int c = 0; c < kColumns; ++c) {
      x_[c + 1] = x_[c] + min_w[c] + extra * weights[std::min(c, 6)] / total_weight;
    }
  }

  DrawCell text_cell(Typesetter& ts, Face face, const std::string& text, double x0, double x1,
                     HAlign h) {
    DrawCell cell;
    cell.x0 = x0;
    cell.x1 = x1;
    cell.lines = ts.wrap(face, text, x1 - x0 - 2 * o_.padding);
    cell.halign = h;
    cell.face = face;
    cell.fill = face == Face::kLabel && o_.label_fill;
    return cell;
  }

  double cell_height(Typesetter& ts, const DrawCell& c) const {
    return std::max<std::size_t>(c.lines.size(), 1) * ts.line_height() + 2 * o_.padding;
  }

  // Makes every cell as tall as the row: cells in [y0, y0 + height).
  static void stretch(std::vector<DrawCell>& cells, std::size_t from, double y0, double height) {
    for (std::size_t i = from; i < cells.size(); ++i) {
      cells[i].y0 = y0;
      cells[i].y1 = y0 + height;
    }
  }

  const DrawRow* title_row(Typesetter& ts) {
    DrawRow row;
    DrawCell c;
    c.x0 = x_[0];
    c.x1 = x_[kColumns];
    c.lines = {"PROGRAMA OPERATIVO ANUAL " +
               (doc_.ejercicio ? std::to_string(*doc_.ejercicio) : std::string{})};
    c.halign = HAlign::kCenter;
    c.face = Face::kTitle;
    c.border = false;
    row.height = o_.title_size * 1.6 + ts.line_height() * 0.5;
    c.y1 = row.height;
    row.cells.push_back(c);
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  // The header block's group edges, widened until the longest word of each group fits.
  std::array<int, 4> header_groups(Typesetter& ts, const std::vector<std::vector<Band>>& all) {
    std::array<double, 3> need{};
    for (const auto& bands : all) {
      for (const auto& band : bands) {
        for (int g = 0; g < 3; ++g) {
          need[g] = std::max({need[g], ts.widest_word(Face::kLabel, band[g].label),
                              ts.widest_word(Face::kBody, band[g].value)});
        }
      }
    }
    // Long values in a very narrow group would make the block taller than a page.
    const double tw = table_width();
    need[0] = std::max(need[0] + 2 * o_.padding, 0.2 * tw);
    need[1] = std::max(need[1] + 2 * o_.padding, 0.15 * tw);
    need[2] = std::max(need[2] + 2 * o_.padding, 0.3 * tw);
    int a = std::clamp(o_.header_split_a, 1, kColumns - 2);
    while (a < kColumns - 2 && x_[a] - x_[0] < need[0]) ++a;
    int b = std::clamp(o_.header_split_b, a + 1, kColumns - 1);
    while (b < kColumns - 1 && x_[b] - x_[a] < need[1]) ++b;
    while (b > a + 1 && x_[kColumns] - x_[b] < need[2] && x_[b - 1] - x_[a] >= need[1]) --b;
    return {0, a, b, kColumns};
  }

  std::vector<const DrawRow*> header_block(Typesetter& ts, const std::vector<Band>& bands,
                                           const std::array<int, 4>& groups) {
    std::vector<const DrawRow*> out;
    for (const auto& band : bands) {
      DrawRow row;
      double label_h = 0, value_h = 0;
      for (int g = 0; g < 3; ++g) {
        const double x0 = x_[groups[g]], x1 = x_[groups[g + 1]];
        row.cells.push_back(text_cell(ts, Face::kLabel, band[g].label, x0, x1, HAlign::kLeft));
        if (band[g].label.empty()) row.cells.back().fill = false;
        label_h = std::max(label_h, cell_height(ts, row.cells.back()));
      }
      stretch(row.cells, 0, 0, label_h);
      for (int g = 0; g < 3; ++g) {
        const double x0 = x_[groups[g]], x1 = x_[groups[g + 1]];
        const HAlign h =
            g == 1 && band[g].label.find("INVERSI") == 0 ? HAlign::kRight : HAlign::kLeft;
        row.cells.push_back(text_cell(ts, Face::kBody, band[g].value, x0, x1, h));
        value_h = std::max(value_h, cell_height(ts, row.cells.back()));
      }
      stretch(row.cells, 3, label_h, value_h);
      row.height = label_h + value_h;
      rows_.push_back(std::move(row));
      out.push_back(&rows_.back());
    }
    return out;
  }

  const DrawRow* table_header(Typesetter& ts) {
    DrawRow row;
    auto label = [&](const char* s) {
      return o_.accented_labels ? std::string(s) : strip_accents(s);
    };
    double h1 = 0;
    for (int c = 0; c < kFirstMonth; ++c) {
      row.cells.push_back(
          text_cell(ts, Face::kLabel, label(kTableLabels[c]), x_[c], x_[c + 1], HAlign::kCenter));
      h1 = std::max(h1, cell_height(ts, row.cells.back()));
    }
    row.cells.push_back(text_cell(ts, Face::kLabel, label("PROGRAMACIÓN MENSUAL"), x_[kFirstMonth],
                                  x_[kColumns], HAlign::kCenter));
    // The first header row holds the multi-line labels; the month row is one line.
    const double h2 = ts.line_height() + 2 * o_.padding;
    if (o_.labels_span_two_rows) {
      h1 = std::max(h1 - h2, ts.line_height() + 2 * o_.padding);
      stretch(row.cells, 0, 0, h1 + h2);
      row.cells.back().y1 = h1;
    } else {
      stretch(row.cells, 0, 0, h1);
      for (int c = 0; c < kFirstMonth; ++c) {  // empty bordered cells under the labels
        DrawCell empty;
        empty.x0 = x_[c];
        empty.x1 = x_[c + 1];
        empty.y0 = h1;
        empty.y1 = h1 + h2;
        empty.fill = o_.label_fill;
        row.cells.push_back(empty);
      }
    }
    for (int m = 0; m < 12; ++m) {
      DrawCell c = text_cell(ts, Face::kLabel, kMonthLabels[m], x_[kFirstMonth + m],
                             x_[kFirstMonth + m + 1], HAlign::kCenter);
      c.y0 = h1;
      c.y1 = h1 + h2;
      row.cells.push_back(c);
    }
    row.height = h1 + h2;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  const DrawRow* activity_row(Typesetter& ts, const Activity& a) {
    DrawRow row;
    const auto texts = activity_texts(a, o_);
    double h = 0;
    for (int c = 0; c < kColumns; ++c) {
      row.cells.push_back(text_cell(ts, Face::kBody, texts[c], x_[c], x_[c + 1], column_align(c)));
      h = std::max(h, cell_height(ts, row.cells.back()));
    }
    stretch(row.cells, 0, 0, h);
    row.height = h;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  void layout(Typesetter& ts, const Page& page) {
    size_columns(ts, page);
    const bool partida_in_band3 = o_.partida_beside_inversion;
    std::vector<std::vector<Band>> bands;
    for (const auto& action : doc_.acciones)
      bands.push_back(header_bands(action, o_, partida_in_band3));
    const auto groups = header_groups(ts, bands);
    const double footer = o_.page_numbers ? ts.line_height() * 2 : 0;
    const double bottom = page.height - o_.margin - footer;
    const DrawRow* title = title_row(ts);
    const DrawRow* theader = table_header(ts);
    double y = 0;
    auto new_page = [&] {
      pages_.emplace_back();
      y = o_.margin;
    };
    auto place = [&](const DrawRow* row) {
      pages_.back().push_back(Placed{row, y});
      y += row->height;
    };
    auto page_no = [&] { return static_cast<int>(pages_.size()); };
    for (std::size_t i = 0; i < doc_.acciones.size(); ++i) {
      const Action& action = doc_.acciones[i];
      result_.orphan_pages.emplace_back();
      result_.action_pages.emplace_back();
      auto& seen = result_.action_pages.back();
      auto mark = [&] {
        if (seen.empty() || seen.back() != page_no()) seen.push_back(page_no());
      };
      new_page();
      place(title);
      mark();
      for (const DrawRow* band : header_block(ts, bands[i], groups)) place(band);
      y += ts.line_height();  // the blank spreadsheet row between block and table
      std::vector<const DrawRow*> body;
      for (const auto& a : action.actividades) body.push_back(activity_row(ts, a));
      if (!body.empty() && y + theader->height + body.front()->height > bottom) {
        new_page();
        if (o_.continuation == Continuation::kTitleAndTableHeader) place(title);
        mark();
      }
      place(theader);
      for (const DrawRow* row : body) {
        if (y + row->height > bottom) {
          new_page();
          if (o_.continuation == Continuation::kTitleAndTableHeader) place(title);
          if (o_.continuation == Continuation::kNothing) {
            result_.orphan_pages.back().push_back(page_no());
          } else {
            place(theader);
          }
        }
        place(row);
        mark();
      }
    }
  }

  void draw_text(cairo_t* cr, Typesetter& ts, const DrawCell& c, double top) {
    if (c.lines.empty()) return;
    ts.select(c.face);
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    const double lh = c.face == Face::kTitle ? o_.title_size * 1.2 : ts.line_height();
    const double block = lh * static_cast<double>(c.lines.size());
    const double y0 = top + c.y0, y1 = top + c.y1;
    double block_top = y0 + o_.padding;
    if (o_.valign == VAlign::kCenter || c.face == Face::kTitle) block_top = (y0 + y1 - block) / 2;
    if (o_.valign == VAlign::kBottom && c.face != Face::kTitle) block_top = y1 - o_.padding - block;
    const bool fake_bold = c.face == Face::kLabel && o_.label_fake_bold;
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
      const std::string& line = c.lines[k];
      cairo_text_extents_t te;
      cairo_text_extents(cr, line.c_str(), &te);
      double x = c.x0 + o_.padding;
      if (c.halign == HAlign::kRight) x = c.x1 - o_.padding - te.x_advance;
      if (c.halign == HAlign::kCenter) x = (c.x0 + c.x1 - te.x_advance) / 2;
      const double baseline =
          block_top + static_cast<double>(k) * lh + (lh - (fe.ascent + fe.descent)) / 2 + fe.ascent;
      cairo_move_to(cr, x, baseline);
      cairo_show_text(cr, line.c_str());
      if (fake_bold) {  // what some producers do instead of using a bold face
        cairo_move_to(cr, x + 0.2, baseline);
        cairo_show_text(cr, line.c_str());
      }
    }
  }

  void draw(cairo_t* cr, Typesetter& ts, const Page& page) {
    const int total = static_cast<int>(pages_.size());
    for (int p = 0; p < total; ++p) {
      cairo_pdf_surface_set_size(cairo_get_target(cr), page.width, page.height);
      cairo_set_line_width(cr, 0.5);
      for (const Placed& placed : pages_[static_cast<std::size_t>(p)]) {
        for (const DrawCell& c : placed.row->cells) {
          const double y0 = placed.y + c.y0, y1 = placed.y + c.y1;
          if (c.fill) {
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_rectangle(cr, c.x0, y0, c.x1 - c.x0, y1 - y0);
            cairo_fill(cr);
          }
          cairo_set_source_rgb(cr, 0, 0, 0);
          if (c.border) {
            cairo_rectangle(cr, c.x0, y0, c.x1 - c.x0, y1 - y0);
            cairo_stroke(cr);
          }
          draw_text(cr, ts, c, placed.y);
        }
      }
      if (o_.page_numbers) {
        DrawCell footer;
        footer.x0 = x_[0];
        footer.x1 = x_[kColumns];
        footer.y0 = page.height - o_.margin - ts.line_height();
        footer.y1 = page.height - o_.margin;
        footer.lines = {"Página " + std::to_string(p + 1) + " de " + std::to_string(total)};
        footer.halign = HAlign::kRight;
        footer.border = false;
        draw_text(cr, ts, footer, 0);
      }
      cairo_show_page(cr);
    }
  }
};

}  // namespace

RenderOptions random_render_options(std::uint64_t seed) {
  Rng rng(seed ^ 0x9e3779b97f4a7c15ULL);
  RenderOptions o;
  o.page = static_cast<PageSize>(rng.uniform(0, 2));
  static const std::vector<std::string> kFamilies = {
      "DejaVu Sans",          "DejaVu Serif",           "Liberation Sans",
      "Liberation Serif",     "Liberation Sans Narrow", "Carlito",
      "DejaVu Sans Condensed"};
  o.font_family = rng.pick(kFamilies);
  o.font_size = static_cast<double>(rng.uniform(12, 20)) / 2;  // 6 … 10 pt in halves
  o.title_size = o.font_size + static_cast<double>(rng.uniform(1, 5));
  o.line_spacing = rng.uniform_real(1.1, 1.45);
  o.padding = rng.uniform_real(1.5, 4);
  o.margin = rng.uniform_real(18, 45);
  o.table_width_fraction = rng.chance(0.6) ? 1.0 : rng.uniform_real(0.85, 1.0);
  o.valign = static_cast<VAlign>(rng.uniform(0, 2));
  o.label_fake_bold = rng.chance(0.25);
  o.label_bold = !o.label_fake_bold && rng.chance(0.6);
  o.label_fill = rng.chance(0.4);
  o.accented_labels = rng.chance(0.7);
  o.thousands = rng.chance(0.7);
  o.beneficiaries_style = static_cast<int>(rng.uniform(0, 4));
  static const std::vector<std::string> kSeparators = {", ", ", ", ",", " y ", "; "};
  o.partidas_separator = rng.pick(kSeparators);
  o.numero_leading_zero = rng.chance(0.15);
  const double c = rng.unit();
  o.continuation = c < 0.3   ? Continuation::kNothing
                   : c < 0.7 ? Continuation::kTableHeader
                             : Continuation::kTitleAndTableHeader;
  o.page_numbers = rng.chance(0.3);
  // Weights of the spare width: ACTIVIDAD … PROGRAMACIÓN ANUAL, then each month column.
  o.column_weights = {rng.uniform_real(4, 9),   rng.uniform_real(1, 3),
                      rng.uniform_real(1, 3),   rng.uniform_real(0.5, 2),
                      rng.uniform_real(1.5, 4), rng.uniform_real(0.3, 1.5),
                      rng.uniform_real(0, 0.25)};
  o.header_split_a = static_cast<int>(rng.uniform(4, 6));
  o.header_split_b = o.header_split_a + static_cast<int>(rng.uniform(1, 3));
  o.labels_span_two_rows = rng.chance(0.6);
  o.partida_beside_inversion = rng.chance(0.3);
  return o;
}

RenderResult render_pdf(const Document& doc, const RenderOptions& options,
                        const std::filesystem::path& path) {
  Renderer renderer(doc, options);
  return renderer.run(path);
}

}  // namespace poa::testgen
