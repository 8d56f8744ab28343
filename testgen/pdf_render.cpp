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

// Which edges of a cell its border draws.
constexpr unsigned kLeft = 1, kRight = 2, kTop = 4, kBottom = 8, kAllEdges = 15;

// A cell positioned relative to its row's top-left; `border` draws its edges.
struct DrawCell {
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  std::vector<std::string> lines;
  HAlign halign = HAlign::kLeft;
  Face face = Face::kBody;
  bool border = true;
  bool fill = false;
  unsigned edges = kAllEdges;
  bool centre = false;  // text centred vertically whatever the options say (merged cells)
  bool hidden = false;  // covered by a merged cell of an earlier row: not drawn
};

enum class RowKind { kTitle, kHeader, kSpacer, kTableHeader, kActivity };

// A unit the paginator never splits: a title, a band of the header block, a table header or an
// activity row.
struct DrawRow {
  double height = 0;
  std::vector<DrawCell> cells;
  RowKind kind = RowKind::kTitle;
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
        std::string candidate = line;
        if (!candidate.empty()) candidate += ' ';
        candidate += word;
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
    t[static_cast<std::size_t>(kFirstMonth) + static_cast<std::size_t>(m)] =
        v ? format_quantity(*v, o.thousands) : "";
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

// Every field of the header block, labelled and written as the cell shows it.
struct HeaderFields {
  HeaderEntry secretaria, nombre, beneficiarios, principio, numero, meta, linea, inversion,
      estrategia, proposito, partida;
};

HeaderFields header_fields(const Action& a, const RenderOptions& o) {
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
  HeaderFields f;
  f.secretaria = {label("SECRETARÍA"), a.secretaria.value_or("")};
  f.nombre = {label("NOMBRE DE LA ACCIÓN"), a.nombre.value_or("")};
  f.beneficiarios = {
      label("BENEFICIARIOS"),
      a.beneficiarios ? format_beneficiaries(*a.beneficiarios, o.beneficiaries_style) : ""};
  f.principio = {label("PRINCIPIO RECTOR"), a.principio_rector.value_or("")};
  f.numero = {label("NÚMERO DE ACCIÓN"), numero};
  f.meta = {label("META"), a.meta.value_or("")};
  f.linea = {label("LÍNEA ESTRATÉGICA"), coded(a.linea_estrategica)};
  f.inversion = {label("INVERSIÓN APROXIMADA"),
                 a.inversion_aproximada ? format_money(*a.inversion_aproximada) : ""};
  f.estrategia = {label("ESTRATEGIA"), coded(a.estrategia)};
  f.proposito = {label("PROPÓSITO"), a.proposito.value_or("")};
  f.partida = {label("PARTIDA PRESUPUESTAL"), partidas};
  return f;
}

// The header block's bands: PARTIDA PRESUPUESTAL beside INVERSIÓN (band 3), beside PROPÓSITO
// (band 4) or alone in a fifth band; the other slots of its group stay empty.
std::vector<Band> header_bands(const HeaderFields& f, bool partida_in_band3,
                               bool partida_own_band) {
  const bool beside = partida_in_band3 && !partida_own_band;
  std::vector<Band> bands(4);
  bands[0] = {f.secretaria, f.nombre, f.beneficiarios};
  bands[1] = {f.principio, f.numero, f.meta};
  bands[2] = {f.linea, f.inversion, beside ? f.partida : HeaderEntry{}};
  bands[3] = {f.estrategia, f.proposito, beside || partida_own_band ? HeaderEntry{} : f.partida};
  if (partida_own_band) bands.push_back({f.partida, HeaderEntry{}, HeaderEntry{}});
  return bands;
}

bool is_empty(const HeaderEntry& e) {
  return e.label.empty() && e.value.empty();
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
      for (const auto& action : doc_.actions) {
        for (const auto& a : action.activities) {
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
               (doc_.year ? std::to_string(*doc_.year) : std::string{})};
    c.halign = HAlign::kCenter;
    c.face = Face::kTitle;
    c.border = o_.borders == BorderStyle::kGridlines;
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
      row.kind = RowKind::kHeader;
      rows_.push_back(std::move(row));
      out.push_back(&rows_.back());
    }
    return out;
  }

  // The bands as one unit whose cells may span bands: a value above an empty slot of its group
  // runs down over that slot's label and value rows, as one merged cell with its text centred
  // (so it sits beside another group's label row).
  const DrawRow* merged_header_block(Typesetter& ts, const std::vector<Band>& bands,
                                     const std::array<int, 4>& groups) {
    struct Slot {
      DrawCell cell;
      std::size_t first, last;  // rows covered
    };
    const std::size_t n = bands.size();
    std::vector<Slot> slots;
    std::vector<std::array<bool, 3>> covered(n, {false, false, false});
    for (std::size_t b = 0; b < n; ++b) {
      for (int g = 0; g < 3; ++g) {
        if (covered[b][static_cast<std::size_t>(g)]) continue;
        const HeaderEntry& e = bands[b][static_cast<std::size_t>(g)];
        const double x0 = x_[groups[g]], x1 = x_[groups[g + 1]];
        DrawCell label = text_cell(ts, Face::kLabel, e.label, x0, x1, HAlign::kLeft);
        if (e.label.empty()) label.fill = false;
        slots.push_back({label, 2 * b, 2 * b});
        const HAlign h = e.label.find("INVERSI") == 0 ? HAlign::kRight : HAlign::kLeft;
        Slot value{text_cell(ts, Face::kBody, e.value, x0, x1, h), 2 * b + 1, 2 * b + 1};
        for (std::size_t below = b + 1;
             !e.value.empty() && below < n && is_empty(bands[below][static_cast<std::size_t>(g)]);
             ++below) {
          covered[below][static_cast<std::size_t>(g)] = true;
          value.last += 2;
        }
        value.cell.centre = value.last > value.first;
        slots.push_back(value);
      }
    }
    std::vector<double> heights(2 * n, ts.line_height() + 2 * o_.padding);
    for (const Slot& s : slots) {
      if (s.first == s.last) heights[s.first] = std::max(heights[s.first], cell_height(ts, s.cell));
    }
    // A merged cell taller than the rows it covers makes each of them taller alike.
    for (const Slot& s : slots) {
      double have = 0;
      for (std::size_t r = s.first; r <= s.last; ++r) have += heights[r];
      const double missing = cell_height(ts, s.cell) - have;
      if (missing <= 0) continue;
      for (std::size_t r = s.first; r <= s.last; ++r)
        heights[r] += missing / static_cast<double>(s.last - s.first + 1);
    }
    std::vector<double> tops(2 * n + 1, 0);
    for (std::size_t r = 0; r < 2 * n; ++r) tops[r + 1] = tops[r] + heights[r];
    DrawRow row;
    for (Slot& s : slots) {
      s.cell.y0 = tops[s.first];
      s.cell.y1 = tops[s.last + 1];
      row.cells.push_back(std::move(s.cell));
    }
    row.height = tops.back();
    row.kind = RowKind::kHeader;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  // A label | value form: three rows of two pairs (the right pair over the month columns), then
  // the long values merged across the whole width right of their label.
  const DrawRow* form_header_block(Typesetter& ts, const HeaderFields& f) {
    const std::array<std::array<const HeaderEntry*, 2>, 3> pairs = {
        {{&f.secretaria, &f.numero}, {&f.nombre, &f.inversion}, {&f.principio, &f.beneficiarios}}};
    const std::array<const HeaderEntry*, 5> wide = {&f.linea, &f.estrategia, &f.meta, &f.proposito,
                                                    &f.partida};
    const double tw = table_width();
    double label_w = 0, right_label_w = 0, right_value_w = 0;
    for (const auto& p : pairs) {
      label_w = std::max(label_w, ts.widest_word(Face::kLabel, p[0]->label));
      right_label_w = std::max(right_label_w, ts.widest_word(Face::kLabel, p[1]->label));
      right_value_w = std::max(right_value_w, ts.widest_word(Face::kBody, p[1]->value));
    }
    for (const HeaderEntry* e : wide)
      label_w = std::max(label_w, ts.widest_word(Face::kLabel, e->label));
    // Column edges of the form: [x_[0], x_[a]) labels, [x_[a], x_[b]) values, then the right
    // pair's label [x_[b], x_[c]) and value [x_[c], end).
    int a = 1;
    while (a < kColumns - 3 && x_[a] - x_[0] < std::max(label_w + 2 * o_.padding, 0.12 * tw)) ++a;
    int c = kColumns - 1;
    while (c > a + 2 && x_[kColumns] - x_[c] < std::max(right_value_w + 2 * o_.padding, 0.1 * tw))
      --c;
    int b = c - 1;
    while (b > a + 1 && x_[c] - x_[b] < std::max(right_label_w + 2 * o_.padding, 0.1 * tw)) --b;
    DrawRow row;
    double y = 0;
    auto add_row =
        [&](const std::vector<std::pair<const HeaderEntry*, std::array<int, 3>>>& items) {
          const std::size_t from = row.cells.size();
          double h = 0;
          for (const auto& [e, cols] : items) {
            row.cells.push_back(
                text_cell(ts, Face::kLabel, e->label, x_[cols[0]], x_[cols[1]], HAlign::kLeft));
            h = std::max(h, cell_height(ts, row.cells.back()));
            const HAlign align = e == &f.inversion ? HAlign::kRight : HAlign::kLeft;
            row.cells.push_back(
                text_cell(ts, Face::kBody, e->value, x_[cols[1]], x_[cols[2]], align));
            h = std::max(h, cell_height(ts, row.cells.back()));
          }
          stretch(row.cells, from, y, h);
          y += h;
        };
    for (const auto& p : pairs) add_row({{p[0], {0, a, b}}, {p[1], {b, c, kColumns}}});
    for (const HeaderEntry* e : wide) add_row({{e, {0, a, kColumns}}});
    row.height = y;
    row.kind = RowKind::kHeader;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  // The blank spreadsheet row between block and table, as Excel's gridlines show it.
  const DrawRow* spacer_row(Typesetter& ts) {
    DrawRow row;
    row.height = ts.line_height();
    for (int c = 0; c < kColumns; ++c) {
      DrawCell cell;
      cell.x0 = x_[c];
      cell.x1 = x_[c + 1];
      cell.y1 = row.height;
      row.cells.push_back(cell);
    }
    row.kind = RowKind::kSpacer;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  // One merged ÁREA RESPONSABLE cell over each run of consecutive rows on one page that show the
  // same area; the text is repeated on each page the run is split over.
  static void merge_areas(const std::vector<DrawRow*>& body, const std::vector<int>& pages) {
    constexpr std::size_t kArea = 1;
    for (std::size_t i = 0; i < body.size();) {
      std::size_t j = i;
      double height = body[i]->height;
      while (j + 1 < body.size() && pages[j + 1] == pages[i] &&
             body[j + 1]->cells[kArea].lines == body[i]->cells[kArea].lines) {
        ++j;
        height += body[j]->height;
        body[j]->cells[kArea].hidden = true;
      }
      if (j > i) {
        body[i]->cells[kArea].y1 = body[i]->cells[kArea].y0 + height;
        body[i]->cells[kArea].centre = true;
      }
      i = j + 1;
    }
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
    row.kind = RowKind::kTableHeader;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  DrawRow* activity_row(Typesetter& ts, const Activity& a) {
    DrawRow row;
    const auto texts = activity_texts(a, o_);
    double h = 0;
    for (int c = 0; c < kColumns; ++c) {
      row.cells.push_back(text_cell(ts, Face::kBody, texts[c], x_[c], x_[c + 1], column_align(c)));
      if (!o_.body_row_rulings) row.cells.back().edges = kLeft | kRight;
      h = std::max(h, cell_height(ts, row.cells.back()));
    }
    stretch(row.cells, 0, 0, h);
    row.height = h;
    row.kind = RowKind::kActivity;
    rows_.push_back(std::move(row));
    return &rows_.back();
  }

  void layout(Typesetter& ts, const Page& page) {
    size_columns(ts, page);
    const bool partida_in_band3 = o_.partida_beside_inversion;
    std::vector<HeaderFields> fields;
    std::vector<std::vector<Band>> bands;
    for (const auto& action : doc_.actions) {
      fields.push_back(header_fields(action, o_));
      bands.push_back(header_bands(fields.back(), partida_in_band3, o_.partida_own_band));
    }
    const auto groups = header_groups(ts, bands);
    const bool merge = o_.merge_areas && o_.body_row_rulings && draws_cell_borders(o_.borders);
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
    for (std::size_t i = 0; i < doc_.actions.size(); ++i) {
      const Action& action = doc_.actions[i];
      result_.orphan_pages.emplace_back();
      result_.action_pages.emplace_back();
      auto& seen = result_.action_pages.back();
      auto mark = [&] {
        if (seen.empty() || seen.back() != page_no()) seen.push_back(page_no());
      };
      new_page();
      place(title);
      mark();
      switch (o_.header_layout) {
        case HeaderLayout::kBands:
          for (const DrawRow* band : header_block(ts, bands[i], groups)) place(band);
          break;
        case HeaderLayout::kMergedCentred:
          place(merged_header_block(ts, bands[i], groups));
          break;
        case HeaderLayout::kValueSpans:
          place(form_header_block(ts, fields[i]));
          break;
      }
      // The blank spreadsheet row between block and table.
      if (o_.borders == BorderStyle::kGridlines) {
        place(spacer_row(ts));
      } else {
        y += ts.line_height();
      }
      std::vector<DrawRow*> body;
      std::vector<int> body_pages;
      for (const auto& a : action.activities) body.push_back(activity_row(ts, a));
      if (!body.empty() && y + theader->height + body.front()->height > bottom) {
        new_page();
        if (o_.continuation == Continuation::kTitleAndTableHeader) place(title);
        mark();
      }
      place(theader);
      for (DrawRow* row : body) {
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
        body_pages.push_back(page_no());
        mark();
      }
      if (merge) merge_areas(body, body_pages);
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
    const VAlign valign = c.centre ? VAlign::kCenter : o_.valign;
    if (valign == VAlign::kCenter || c.face == Face::kTitle) block_top = (y0 + y1 - block) / 2;
    if (valign == VAlign::kBottom && c.face != Face::kTitle) block_top = y1 - o_.padding - block;
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

  // The path of some edges of a box (one rectangle when all four).
  static void edge_path(cairo_t* cr, double x0, double y0, double x1, double y1, unsigned edges) {
    if (edges == kAllEdges) {
      cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
      return;
    }
    auto segment = [&](double ax, double ay, double bx, double by) {
      cairo_move_to(cr, ax, ay);
      cairo_line_to(cr, bx, by);
    };
    if (edges & kTop) segment(x0, y0, x1, y0);
    if (edges & kBottom) segment(x0, y1, x1, y1);
    if (edges & kLeft) segment(x0, y0, x0, y1);
    if (edges & kRight) segment(x1, y0, x1, y1);
  }

  // The line width and dashes of the border style, set once per page.
  void set_line_style(cairo_t* cr) const {
    // By BorderStyle. cairo 1.16 skips a stroke of width 0 (no "0 w" hairline; 1.18 has
    // cairo_set_hairline), so the hairline is the thinnest it writes; the layouts fixtures have a
    // true width-0 one. Frames (kOuterFrame) are 0.75; fills (kFilledRects) are 0.5 thick.
    static constexpr std::array<double, 10> kWidth = {0.5, 0.5, 0.75, 0.05, 1.5,
                                                      0.5, 0.5, 0.4,  0.5,  0.25};
    static const double kDash[] = {3, 2};
    cairo_set_line_width(cr, kWidth[static_cast<std::size_t>(o_.borders)]);
    if (o_.borders == BorderStyle::kDashed) cairo_set_dash(cr, kDash, 2, 0);
  }

  // Draws the edges of one cell in the border style (the source is black on entry and exit).
  void draw_border(cairo_t* cr, double x0, double y0, double x1, double y1, unsigned edges) const {
    switch (o_.borders) {
      case BorderStyle::kNone:
      case BorderStyle::kOuterFrame:
        return;
      case BorderStyle::kDouble:
        // Two strokes 1.5 pt apart, 0.75 pt either side of the cell's edge.
        edge_path(cr, x0 - 0.75, y0 - 0.75, x1 + 0.75, y1 + 0.75, edges);
        edge_path(cr, x0 + 0.75, y0 + 0.75, x1 - 0.75, y1 - 0.75, edges);
        cairo_stroke(cr);
        return;
      case BorderStyle::kFilledRects: {
        constexpr double w = 0.5;
        if (edges & kTop) cairo_rectangle(cr, x0 - w / 2, y0 - w / 2, x1 - x0 + w, w);
        if (edges & kBottom) cairo_rectangle(cr, x0 - w / 2, y1 - w / 2, x1 - x0 + w, w);
        if (edges & kLeft) cairo_rectangle(cr, x0 - w / 2, y0 - w / 2, w, y1 - y0 + w);
        if (edges & kRight) cairo_rectangle(cr, x1 - w / 2, y0 - w / 2, w, y1 - y0 + w);
        cairo_fill(cr);
        return;
      }
      case BorderStyle::kGrey:
      case BorderStyle::kGridlines: {
        const double grey = o_.borders == BorderStyle::kGrey ? 0.6 : 0.75;
        cairo_set_source_rgb(cr, grey, grey, grey);
        edge_path(cr, x0, y0, x1, y1, edges);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        return;
      }
      default:
        edge_path(cr, x0, y0, x1, y1, edges);
        cairo_stroke(cr);
        return;
    }
  }

  // Outer frames: one round each run of header-block rows, one round each run of table rows.
  void draw_frames(cairo_t* cr, const std::vector<Placed>& placed) const {
    auto group = [](RowKind k) {
      if (k == RowKind::kHeader) return 1;
      if (k == RowKind::kTableHeader || k == RowKind::kActivity) return 2;
      return 0;
    };
    for (std::size_t i = 0; i < placed.size();) {
      const int g = group(placed[i].row->kind);
      std::size_t j = i + 1;
      while (j < placed.size() && g != 0 && group(placed[j].row->kind) == g) ++j;
      if (g != 0) {
        const double y1 = placed[j - 1].y + placed[j - 1].row->height;
        cairo_rectangle(cr, x_[0], placed[i].y, table_width(), y1 - placed[i].y);
        cairo_stroke(cr);
      }
      i = j;
    }
  }

  void draw(cairo_t* cr, Typesetter& ts, const Page& page) {
    const int total = static_cast<int>(pages_.size());
    for (int p = 0; p < total; ++p) {
      cairo_pdf_surface_set_size(cairo_get_target(cr), page.width, page.height);
      set_line_style(cr);
      const auto& placed_rows = pages_[static_cast<std::size_t>(p)];
      for (std::size_t i = 0; i < placed_rows.size(); ++i) {
        const Placed& placed = placed_rows[i];
        // Without rulings between activity rows, the table's last row on a page closes it.
        const bool closes_table =
            placed.row->kind == RowKind::kActivity &&
            (i + 1 == placed_rows.size() || placed_rows[i + 1].row->kind != RowKind::kActivity);
        for (const DrawCell& c : placed.row->cells) {
          if (c.hidden) continue;
          const double y0 = placed.y + c.y0, y1 = placed.y + c.y1;
          if (c.fill) {
            cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
            cairo_rectangle(cr, c.x0, y0, c.x1 - c.x0, y1 - y0);
            cairo_fill(cr);
          }
          cairo_set_source_rgb(cr, 0, 0, 0);
          if (c.border) draw_border(cr, c.x0, y0, c.x1, y1, c.edges | (closes_table ? kBottom : 0));
          draw_text(cr, ts, c, placed.y);
        }
      }
      if (o_.borders == BorderStyle::kOuterFrame) draw_frames(cr, placed_rows);
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

RenderOptions random_grid_render_options(std::uint64_t seed) {
  RenderOptions o = random_render_options(seed);
  Rng rng(seed ^ 0x3c6ef372fe94f82bULL);  // every draw made whatever the others give
  o.borders = static_cast<BorderStyle>(rng.uniform(0, 9));
  o.body_row_rulings = rng.chance(0.7);
  const double h = rng.unit();
  o.header_layout = h < 0.25  ? HeaderLayout::kBands
                    : h < 0.7 ? HeaderLayout::kMergedCentred
                              : HeaderLayout::kValueSpans;
  o.partida_own_band = rng.chance(0.3);
  o.merge_areas = rng.chance(0.5);
  // A merged cell with no borders round it is text centred on nothing: no reader could tell.
  if (!draws_cell_borders(o.borders)) {
    if (o.header_layout == HeaderLayout::kMergedCentred) o.header_layout = HeaderLayout::kBands;
    o.merge_areas = false;
  }
  if (!o.body_row_rulings) o.merge_areas = false;
  return o;
}

bool draws_cell_borders(BorderStyle style) {
  return style != BorderStyle::kNone && style != BorderStyle::kOuterFrame;
}

RenderResult render_pdf(const Document& doc, const RenderOptions& options,
                        const std::filesystem::path& path) {
  Renderer renderer(doc, options);
  return renderer.run(path);
}

}  // namespace poa::testgen
