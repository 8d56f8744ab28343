// The PDF page geometry on synthetic words (no poppler): lines, grids, glued words, fake bold,
// wrapped cells, tables carried across pages, page furniture.
#include "extractor/pdf_layout.hpp"

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace poa::extractor::layout {
namespace {

constexpr double kSize = 8;  // font size of the synthetic text
constexpr double kChar = 4;  // width of one character
constexpr double kLineHeight = 9.6;

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Places a phrase word by word from (x, y): each character kChar wide, a space kChar/2.
double place(PageWords& page, std::string_view phrase, double x, double y, bool bold = false) {
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    std::size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      const std::string word(phrase.substr(i, j - i));
      const double w = kChar * static_cast<double>(code_points(word));
      page.add_word(word, Box{x, y, x + w, y + kLineHeight}, kSize, bold);
      x += w + kChar / 2;
    }
    i = j;
  }
  return x;
}

// The columns of the synthetic table: ACTIVIDAD [40,190) ÁREA [190,260) UNIDAD [260,310)
// INVERSIÓN [310,360) INDICADOR [360,440) ANUAL [440,500) then ENE..DIC 20 pt each from 500.
constexpr const char* kMonths[] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                   "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};

// (`inversion_x`, `indicador_x`: where those two labels start.)
void table_header(PageWords& page, double y, double inversion_x = 315, double indicador_x = 380) {
  place(page, "PROGRAMACIÓN MENSUAL", 580, y);
  place(page, "ACTIVIDAD", 95, y + 5);
  place(page, "ÁREA", 210, y + 5);
  place(page, "UNIDAD", 265, y + 5);
  place(page, "INVERSIÓN", inversion_x, y + 5);
  place(page, "INDICADOR", indicador_x, y + 5);
  place(page, "ANUAL", 455, y + 5);
  for (int m = 0; m < 12; ++m) place(page, kMonths[m], 504 + 20 * m, y + 10);
}

// One activity's single-line cells at line `y`; months get "-" except month `m` = value.
void activity_values(PageWords& page, double y, const char* area, const char* inv,
                     const char* indicador, int annual, int month) {
  place(page, area, 192, y);
  place(page, "Doc", 262, y);
  if (inv) place(page, inv, 312, y);
  if (indicador) place(page, indicador, 362, y);
  place(page, std::to_string(annual), 470, y);
  for (int m = 0; m < 12; ++m) {
    place(page, m == month ? std::to_string(annual) : std::string("-"), 508 + 20 * m, y);
  }
}

std::string months_row(int line) {
  std::string s = "l" + std::to_string(line);
  for (int m = 0; m < 12; ++m) {
    s += " [c" + std::to_string(6 + m) + " \"" + kMonths[m] + "\"]";
  }
  return s;
}

const std::string kHeaderRow =
    R"( [c0 "ACTIVIDAD"] [c1 "ÁREA"] [c2 "UNIDAD"] [c3 "INVERSIÓN"] [c4 "INDICADOR"])"
    R"( [c5 "ANUAL"] [c6+12 "PROGRAMACIÓN MENSUAL"])";

std::string values(int annual, int month) {
  std::string s = " [c5 \"" + std::to_string(annual) + "\"]";
  for (int m = 0; m < 12; ++m) {
    s += " [c" + std::to_string(6 + m) + " \"" +
         (m == month ? std::to_string(annual) : std::string("-")) + "\"]";
  }
  return s;
}

std::string show(const CellRow& row) {
  if (row.kind == RowKind::kPageBreak) return "BR p" + std::to_string(row.page);
  std::string s = row.layout && row.layout->stands_out() ? "T l" : "l";  // a line set apart
  if (row.layout && row.layout->open_at_top) s = "+" + s;  // cut open by the page break
  s += std::to_string(row.line);
  for (const Cell& c : row.cells) {
    s += " [c" + std::to_string(c.column);
    if (c.span > 1) s += "+" + std::to_string(c.span);
    s += " \"" + c.text + "\"]";
  }
  return s;
}

// Draws a table's cells as four stroked borders each (shared borders drawn twice, as
// spreadsheets do); a merged cell is one box.
void draw_cells(PageWords& page, const std::vector<Box>& cells) {
  for (const Box& b : cells) {
    page.graphics.segments.push_back(StrokedSegment{b.x0, b.y0, b.x1, b.y0, 0.5});
    page.graphics.segments.push_back(StrokedSegment{b.x0, b.y1, b.x1, b.y1, 0.5});
    page.graphics.segments.push_back(StrokedSegment{b.x0, b.y0, b.x0, b.y1, 0.5});
    page.graphics.segments.push_back(StrokedSegment{b.x1, b.y0, b.x1, b.y1, 0.5});
  }
}

// Every cell of a lattice (xs, ys), except those covered by `merged`, plus the merged ones.
std::vector<Box> lattice(const std::vector<double>& xs, const std::vector<double>& ys,
                         const std::vector<Box>& merged = {}) {
  std::vector<Box> out = merged;
  for (std::size_t r = 0; r + 1 < ys.size(); ++r) {
    for (std::size_t c = 0; c + 1 < xs.size(); ++c) {
      const Box b{xs[c], ys[r], xs[c + 1], ys[r + 1]};
      bool covered = false;
      for (const Box& m : merged) {
        covered = covered || (b.x0 >= m.x0 && b.x1 <= m.x1 && b.y0 >= m.y0 && b.y1 <= m.y1);
      }
      if (!covered) out.push_back(b);
    }
  }
  return out;
}

// The synthetic table's columns bordered from y 98: its header (each label's cell merged over
// the label row and the month row, PROGRAMACIÓN MENSUAL's over the months) and one activity row.
// With `block_rows` (y, ascending), the header block drawn as rows of the same grid above it,
// three cells a row: [40, 190) [190, 500) [500, 740).
void draw_table_header_and_one_row(PageWords& page, const std::vector<double>& block_rows = {}) {
  std::vector<double> xs{40, 190, 260, 310, 360, 440, 500};
  for (int m = 1; m <= 12; ++m) xs.push_back(500 + 20 * m);
  std::vector<Box> merged{Box{500, 98, 740, 107}};
  for (std::size_t c = 0; c < 6; ++c) merged.push_back(Box{xs[c], 98, xs[c + 1], 122});
  std::vector<double> ys = block_rows;
  for (std::size_t r = 0; r < ys.size(); ++r) {
    const double y1 = r + 1 < ys.size() ? ys[r + 1] : 98;
    for (const auto& [x0, x1] : {std::pair{40.0, 190.0}, {190.0, 500.0}, {500.0, 740.0}}) {
      merged.push_back(Box{x0, ys[r], x1, y1});
    }
  }
  ys.insert(ys.end(), {98, 107, 122, 152});
  draw_cells(page, lattice(xs, ys, merged));
}

struct Case {
  std::string name;
  std::function<void(std::vector<PageWords>&)> build;
  std::vector<std::string> expected;  // every row of every page, in order
};

PageWords& new_page(std::vector<PageWords>& pages) {
  PageWords& p = pages.emplace_back();
  p.number = static_cast<int>(pages.size());
  p.width = 792;
  p.height = 612;
  return p;
}

// A page with the table's header and one activity, `Primera` (its rows: "l1" + kHeaderRow,
// months_row(3), then the activity on l4).
PageWords& first_activity_page(std::vector<PageWords>& pages) {
  PageWords& p = new_page(pages);
  table_header(p, 100);
  place(p, "Primera", 42, 130);
  activity_values(p, 130, "A", "$1.00", "Hecho", 1, 0);
  return p;
}

// The rows of first_activity_page's page, then those of `next` (the next pages' rows).
std::vector<std::string> after_first_activity_page(std::vector<std::string> next) {
  std::vector<std::string> rows{
      "l1" + kHeaderRow, months_row(3),
      R"(l4 [c0 "Primera"] [c1 "A"] [c2 "Doc"] [c3 "$1.00"] [c4 "Hecho"])" + values(1, 0)};
  rows.insert(rows.end(), next.begin(), next.end());
  return rows;
}

// A label | value form's title and first row: SECRETARÍA | value | NÚMERO DE ACCIÓN | 4 (a block
// of labels on the right, [420, 520), its values from 520).
void form_title_and_first_row(PageWords& p) {
  place(p, "PROGRAMA OPERATIVO ANUAL 2023", 338, 40, true);
  place(p, "SECRETARÍA", 40, 60);
  place(p, "Secretaría de Planeación.", 140, 60);
  place(p, "NÚMERO DE ACCIÓN", 420, 60);
  place(p, "4", 520, 60);
}

// Label | value pairs, BENEFICIARIOS' label cell left empty: its value at `x` on PRINCIPIO
// RECTOR's line, right under INVERSIÓN's amount.
void form_beneficiarios_under_the_amount(PageWords& p, double x) {
  form_title_and_first_row(p);
  place(p, "NOMBRE DE LA ACCIÓN", 40, 72);
  place(p, "Atención integral", 140, 72);
  place(p, "INVERSIÓN APROXIMADA", 420, 72);
  place(p, "$ 60,000.00", 520, 72);
  place(p, "PRINCIPIO RECTOR", 40, 84);
  place(p, "Zacatecas Incluyente", 140, 84);
  place(p, "M 3,120 H 2,875", x, 84);
}

const std::vector<std::string> kFormBeneficiariosUnderTheAmount = {
    R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
    R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"] [c3 "4"])",
    R"(l3 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Atención integral"])"
    R"( [c2 "INVERSIÓN APROXIMADA"] [c3 "$ 60,000.00"])",
    R"(l4 [c0 "PRINCIPIO RECTOR"] [c1 "Zacatecas Incluyente"] [c3 "M 3,120 H 2,875"])"};

// Money typed as text in a column narrower than it (sweep seed 591): Calc breaks `$210,000.00`
// between two characters, its last `0` on a line of its own. A word's wrap, `Visitas 2` over
// `3`, keeps its space.
void amount_broken_over_two_lines(PageWords& p) {
  table_header(p, 100);
  place(p, "Uno", 42, 128);
  activity_values(p, 128, "A", nullptr, "Visitas 2", 1, 0);
  place(p, "$210,000.0", 312, 128);
  place(p, "0", 312, 136);
  place(p, "3", 362, 136);
}

const std::vector<std::string> kAmountBrokenOverTwoLines = {
    "l1" + kHeaderRow, months_row(3),
    R"(l4 [c0 "Uno"] [c1 "A"] [c2 "Doc"] [c3 "$210,000.00"] [c4 "Visitas 2 3"])" + values(1, 0)};

std::vector<Case> cases() {
  std::vector<Case> out;

  out.push_back({"header_block_label_and_value_share_a_column",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   place(p, "PROGRAMA OPERATIVO ANUAL 2022", 338, 40, true);
                   place(p, "SECRETARÍA", 40, 60);
                   place(p, "NOMBRE DE LA ACCIÓN", 300, 60);
                   place(p, "Secretaría de Planeación.", 40, 70);
                   place(p, "Acceso a la información", 300, 70);
                   // A value that starts a little right of its label (cell padding).
                   place(p, "NÚMERO DE ACCIÓN", 300, 80);
                   place(p, "4", 301.5, 90);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2022"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "NOMBRE DE LA ACCIÓN"])",
                  R"(l3 [c0 "Secretaría de Planeación."] [c1 "Acceso a la información"])",
                  R"(l4 [c1 "NÚMERO DE ACCIÓN"])", R"(l5 [c1 "4"])"}});

  out.push_back({"wrapped_label_and_value_centred_beside_their_row",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   place(p, "PROGRAMA OPERATIVO ANUAL 2022", 338, 20, true);
                   // `NOMBRE DE LA` / `ACCIÓN` wrapped and centred on SECRETARÍA's line.
                   place(p, "NOMBRE DE LA", 300, 55);
                   place(p, "SECRETARÍA", 40, 60);
                   place(p, "ACCIÓN", 300, 65);
                   place(p, "Secretaría de Planeación.", 40, 80);
                   place(p, "Acceso a la información", 300, 80);
                   // A two-line value centred beside its label.
                   place(p, "Proveer de la información", 300, 95);
                   place(p, "PROPÓSITO", 40, 100);
                   place(p, "transparente", 300, 105);
                   place(p, "NÚMERO DE ACCIÓN", 300, 120);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2022"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "NOMBRE DE LA ACCIÓN"])",
                  R"(l5 [c0 "Secretaría de Planeación."] [c1 "Acceso a la información"])",
                  R"(l6 [c0 "PROPÓSITO"] [c1 "Proveer de la información transparente"])",
                  R"(l9 [c1 "NÚMERO DE ACCIÓN"])"}});

  out.push_back(
      {"form_with_values_beside_their_labels_wrapped_in_their_cells",
       [](std::vector<PageWords>& pages) {
         // A Writer table of label | value pairs, three pairs a row, labels in bold; a value
         // filling its cell runs within a gutter of the next label (`Servicios NOMBRE`).
         PageWords& p = new_page(pages);
         place(p, "PROGRAMA OPERATIVO ANUAL 2023", 338, 40, true);
         place(p, "SECRETARÍA", 40, 60, true);
         place(p, "Secretaría de Obras y Servicios", 110, 60);
         place(p, "NOMBRE DE LA", 230, 60, true);
         place(p, "Rehabilitación de", 310, 60);
         place(p, "BENEFICIARIOS", 430, 60, true);
         place(p, "M 120 H 110", 500, 60);
         place(p, "Públicos", 110, 68);
         place(p, "ACCIÓN", 230, 68, true);
         place(p, "alumbrado", 310, 68);
         // The next row starts closer below than a paragraph gap.
         place(p, "NÚMERO DE ACCIÓN", 40, 80, true);
         place(p, "3", 160, 80);  // centred in its cell: no column of its own
         place(p, "META", 230, 80, true);
         place(p, "Rehabilitar 450", 310, 80);
         place(p, "PARTIDA", 430, 80, true);
         place(p, "2461, 2471", 500, 80);
         place(p, "luminarias.", 310, 88);
         place(p, "PRESUPUESTAL", 430, 88, true);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Obras y Servicios Públicos"])"
        R"( [c2 "NOMBRE DE LA ACCIÓN"] [c3 "Rehabilitación de alumbrado"] [c4 "BENEFICIARIOS"])"
        R"( [c5 "M 120 H 110"])",
        R"(l4 [c0 "NÚMERO DE ACCIÓN"] [c1 "3"] [c2 "META"] [c3 "Rehabilitar 450 luminarias."])"
        R"( [c4 "PARTIDA PRESUPUESTAL"] [c5 "2461, 2471"])"}});

  out.push_back({"form_value_centred_on_its_label_right_under_a_one_line_value",
                 [](std::vector<PageWords>& pages) {
                   // No inner rulings (round-trip seed 1991): META's value is one line; a row's
                   // padding below it, PROPÓSITO's two lines are centred on their label, whose
                   // line comes between them; PARTIDA's value sits beside its label below.
                   PageWords& p = new_page(pages);
                   form_title_and_first_row(p);
                   place(p, "META", 40, 100);
                   place(p, "Subir tablas", 140, 100);
                   place(p, "Proveer de la información", 140, 112);
                   place(p, "PROPÓSITO", 40, 116.5);
                   place(p, "transparente", 140, 121);
                   place(p, "PARTIDA PRESUPUESTAL", 40, 133);
                   place(p, "2461, 2471", 140, 133);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
                  R"( [c3 "4"])",
                  R"(l3 [c0 "META"] [c1 "Subir tablas"])",
                  R"(l4 [c0 "PROPÓSITO"] [c1 "Proveer de la información transparente"])",
                  R"(l7 [c0 "PARTIDA PRESUPUESTAL"] [c1 "2461, 2471"])"}});

  out.push_back({"form_value_centred_past_the_right_labels_starts_no_column",
                 [](std::vector<PageWords>& pages) {
                   // No rulings, values centred in cells merged across the form (sweep seeds
                   // 27, 122): PARTIDA's short value starts past the block of labels on the
                   // right, inside `NÚMERO DE ACCIÓN`; it is no value column's start.
                   PageWords& p = new_page(pages);
                   form_title_and_first_row(p);
                   place(p, "PARTIDA PRESUPUESTAL", 40, 72);
                   place(p, "2461, 2491", 450, 72);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
                  R"( [c3 "4"])",
                  R"(l3 [c0 "PARTIDA PRESUPUESTAL"] [c2 "2461, 2491"])"}});

  out.push_back(
      {"form_value_on_a_line_of_its_own_with_a_wide_line_pitch",
       [](std::vector<PageWords>& pages) {
         // No rulings, a font whose line pitch is well over its glyphs' height
         // (Carlito; round-trip seeds 3611, 3629): BENEFICIARIOS' value wraps with a
         // gap wider than wrap_gap, its first line on a line with no label, nearer the
         // line below than the row above.
         PageWords& p = new_page(pages);
         form_title_and_first_row(p);
         place(p, "Mujeres: 10", 520, 76.5);
         place(p, "PRINCIPIO RECTOR", 40, 90);
         place(p, "Capital de la Gobernanza", 140, 90);
         place(p, "BENEFICIARIOS", 420, 90);
         place(p, "Hombres: 12", 520, 90);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l3 [c0 "PRINCIPIO RECTOR"] [c1 "Capital de la Gobernanza"] [c2 "BENEFICIARIOS"])"
        R"( [c3 "Mujeres: 10 Hombres: 12"])"}});

  // No rulings; the right-hand block's labels wrap over two lines centred on their values' line,
  // which holds a label of the left-hand block only (round-trip seed 1428): the values still get
  // a column of their own, also when it starts less than a gutter after the block's widest
  // label, BENEFICIARIOS, on another line (seed 3272; values from `value_x`).
  for (const double value_x : {520.0, 478.0}) {
    out.push_back({value_x > 500 ? "form_right_labels_wrapped_and_centred_beside_their_values"
                                 : "form_right_labels_wrapped_values_less_than_a_gutter_after_them",
                   [value_x](std::vector<PageWords>& pages) {
                     PageWords& p = new_page(pages);
                     place(p, "PROGRAMA OPERATIVO ANUAL 2023", 338, 30, true);
                     place(p, "NÚMERO DE", 420, 55);
                     place(p, "SECRETARÍA", 40, 60);
                     place(p, "Secretaría de Planeación.", 140, 60);
                     place(p, "4", value_x, 60);
                     place(p, "ACCIÓN", 420, 65);
                     place(p, "INVERSIÓN", 420, 75);
                     place(p, "PRINCIPIO RECTOR", 40, 80);
                     place(p, "Capital de la Gobernanza", 140, 80);
                     place(p, "$10.00", value_x + 20, 80);
                     place(p, "APROXIMADA", 420, 85);
                     place(p, "Mujeres: 10", value_x, 95);
                     place(p, "META", 40, 100);
                     place(p, "Subir tablas", 140, 100);
                     place(p, "BENEFICIARIOS", 420, 100);
                     place(p, "Hombres: 12", value_x, 105);
                   },
                   {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
                    R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."])"
                    R"( [c2 "NÚMERO DE ACCIÓN"] [c3 "4"])",
                    R"(l5 [c0 "PRINCIPIO RECTOR"] [c1 "Capital de la Gobernanza"])"
                    R"( [c2 "INVERSIÓN APROXIMADA"] [c3 "$10.00"])",
                    R"(l8 [c0 "META"] [c1 "Subir tablas"] [c2 "BENEFICIARIOS"])"
                    R"( [c3 "Mujeres: 10 Hombres: 12"])"}});
  }

  out.push_back(
      {"form_value_column_starts_at_the_values_beside_a_wrapped_label",
       [](std::vector<PageWords>& pages) {
         // No rulings (round-trip seed 4171): the right-aligned `$10.00` beside INVERSIÓN
         // starts the value column of the right-hand block; `4`, beside `NÚMERO DE` (a label
         // wrapped over two lines), starts further left, less than a gutter after
         // BENEFICIARIOS, whose value is glued to it on its line: the column starts at `4`.
         PageWords& p = new_page(pages);
         place(p, "PROGRAMA OPERATIVO ANUAL 2023", 338, 30, true);
         place(p, "SECRETARÍA", 40, 60);
         place(p, "Secretaría de Planeación.", 140, 60);
         place(p, "NÚMERO DE", 420, 60);
         place(p, "4", 478, 60);
         place(p, "ACCIÓN", 420, 70);
         place(p, "NOMBRE DE LA ACCIÓN", 40, 85);
         place(p, "Subir tablas", 140, 85);
         place(p, "INVERSIÓN", 420, 85);
         place(p, "$10.00", 500, 85);
         place(p, "APROXIMADA", 420, 95);
         place(p, "PRINCIPIO RECTOR", 40, 110);
         place(p, "Capital de la Gobernanza", 140, 110);
         place(p, "BENEFICIARIOS", 420, 110);
         place(p, "Mujeres: 10", 478, 110);
         place(p, "Hombres: 12", 478, 120);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l4 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Subir tablas"] [c2 "INVERSIÓN APROXIMADA"])"
        R"( [c3 "$10.00"])",
        R"(l6 [c0 "PRINCIPIO RECTOR"] [c1 "Capital de la Gobernanza"] [c2 "BENEFICIARIOS"])"
        R"( [c3 "Mujeres: 10 Hombres: 12"])"}});

  out.push_back(
      {"form_value_running_under_the_right_label_block_is_one_value",
       [](std::vector<PageWords>& pages) {
         // No rulings: META's value spans the whole width, under the block of labels on the
         // right, with word spaces only where that block's column borders run.
         PageWords& p = new_page(pages);
         form_title_and_first_row(p);
         place(p, "NOMBRE DE LA ACCIÓN", 40, 74);
         place(p, "Alumbrado público", 140, 74);
         place(p, "BENEFICIARIOS", 420, 74);
         place(p, "M 120 H 110", 520, 74);
         place(p, "META", 40, 88);
         place(p,
               "Sustituir 1,800 luminarias de vapor de sodio por luminarias LED en las "
               "vialidades primarias y secundarias",
               140, 88);
         place(p, "PROPÓSITO", 40, 102);
         place(p, "Reducir el consumo de energía.", 140, 102);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l3 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Alumbrado público"] [c2 "BENEFICIARIOS"])"
        R"( [c3 "M 120 H 110"])",
        R"(l4 [c0 "META"] [c1 "Sustituir 1,800 luminarias de vapor de sodio por luminarias LED)"
        R"( en las vialidades primarias y secundarias"])",
        R"(l5 [c0 "PROPÓSITO"] [c1 "Reducir el consumo de energía."])"}});

  out.push_back({"form_values_wrapped_and_aligned_to_the_bottom_go_to_the_label_beside_them",
                 [](std::vector<PageWords>& pages) {
                   // Each value's first lines lie above its label's line, nearer to it than to
                   // the row above.
                   PageWords& p = new_page(pages);
                   form_title_and_first_row(p);
                   place(p, "M 120 H", 520, 74);
                   place(p, "NOMBRE DE LA ACCIÓN", 40, 84);
                   place(p, "Alumbrado público", 140, 84);
                   place(p, "BENEFICIARIOS", 420, 84);
                   place(p, "110", 520, 84);
                   place(p, "Sustituir 1,800 luminarias", 140, 98);
                   place(p, "META", 40, 108);
                   place(p, "de vapor de sodio.", 140, 108);
                   place(p, "PROPÓSITO", 40, 122);
                   place(p, "Reducir el consumo de energía.", 140, 122);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."])"
                  R"( [c2 "NÚMERO DE ACCIÓN"] [c3 "4"])",
                  R"(l3 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Alumbrado público"] [c2 "BENEFICIARIOS"])"
                  R"( [c3 "M 120 H 110"])",
                  R"(l5 [c0 "META"] [c1 "Sustituir 1,800 luminarias de vapor de sodio."])",
                  R"(l7 [c0 "PROPÓSITO"] [c1 "Reducir el consumo de energía."])"}});

  out.push_back({"form_centred_value_wider_than_the_others_starts_left_of_their_column",
                 [](std::vector<PageWords>& pages) {
                   // One field a row, values centred in cells merged across the form and aligned
                   // to their bottom (sweep seed 11): META's first line, on a line of its own,
                   // starts left of where the values beside their labels do, yet well past the
                   // labels' column.
                   PageWords& p = new_page(pages);
                   place(p, "SECRETARÍA", 44, 50);
                   place(p, "Secretaría de Bienestar", 284, 50);
                   place(p, "NÚMERO DE ACCIÓN", 44, 60);
                   place(p, "81", 326, 60);
                   place(p, "Realizar 24 jornadas de salud comunitaria con consultas", 218, 74.2);
                   place(p, "META", 44, 82.6);
                   place(p, "y pláticas.", 306, 82.6);
                   place(p, "LÍNEA ESTRATÉGICA", 44, 96);
                   place(p, "1.2 Salud y bienestar", 288, 96);
                 },
                 {R"(l1 [c0 "SECRETARÍA"] [c1 "Secretaría de Bienestar"])",
                  R"(l2 [c0 "NÚMERO DE ACCIÓN"] [c1 "81"])",
                  R"(l3 [c0 "META"] [c1 "Realizar 24 jornadas de salud comunitaria con consultas)"
                  R"( y pláticas."])",
                  R"(l5 [c0 "LÍNEA ESTRATÉGICA"] [c1 "1.2 Salud y bienestar"])"}});

  out.push_back({"form_amount_beside_its_label_does_not_wrap",
                 [](std::vector<PageWords>& pages) {
                   // Label | value pairs, BENEFICIARIOS' label cell left empty (sweep seed
                   // 254): its value, right under INVERSIÓN's amount, is no line of it.
                   form_beneficiarios_under_the_amount(new_page(pages), 520);
                 },
                 kFormBeneficiariosUnderTheAmount});

  out.push_back({"form_centred_value_wider_than_the_others_on_a_label_line",
                 [](std::vector<PageWords>& pages) {
                   // The same form with every value centred (sweep seed 554): BENEFICIARIOS'
                   // value, wider than the amount above it, starts left of where the values
                   // beside the right-hand labels do, on PRINCIPIO RECTOR's line; its `M` is no
                   // line of INVERSIÓN's label.
                   form_beneficiarios_under_the_amount(new_page(pages), 514);
                 },
                 kFormBeneficiariosUnderTheAmount});

  out.push_back(
      {"pairs_value_bottom_aligned_on_a_label_line_its_label_cell_empty",
       [](std::vector<PageWords>& pages) {
         // Label | value pairs aligned to the bottom, META's label cell left empty (sweep seed
         // 561): its three lines, 8 pt apart as wrapped lines are on this page, end on the line
         // of PARTIDA's label, the row they are in; the lines above are not ESTRATEGIA's.
         PageWords& p = new_page(pages);
         form_title_and_first_row(p);
         place(p, "ESTRATEGIA", 40, 72);
         place(p, "1.2.3 Acercar los servicios", 140, 72);
         place(p, "Realizar 24 jornadas de salud", 140, 86);
         place(p, "comunitaria con las consultas", 140, 94);
         place(p, "de medicina general.", 140, 102);
         place(p, "PARTIDA PRESUPUESTAL", 420, 102);
         place(p, "2151, 3361", 520, 102);
         place(p, "PROPÓSITO", 40, 116);
         place(p, "Mejorar la salud.", 140, 116);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l3 [c0 "ESTRATEGIA"] [c1 "1.2.3 Acercar los servicios"])",
        R"(l4 [c1 "Realizar 24 jornadas de salud comunitaria con las consultas de medicina)"
        R"( general."])"
        R"( [c2 "PARTIDA PRESUPUESTAL"] [c3 "2151, 3361"])",
        R"(l7 [c0 "PROPÓSITO"] [c1 "Mejorar la salud."])"}});

  out.push_back({"pairs_label_broken_inside_a_word_over_three_lines",
                 [](std::vector<PageWords>& pages) {
                   // Label | value pairs aligned to the bottom (sweep seed 381): a cell too narrow
                   // for `PRESUPUESTAL` breaks it inside the word, the label over three lines whose
                   // last is its row's line; only the three together read as a label.
                   PageWords& p = new_page(pages);
                   form_title_and_first_row(p);
                   place(p, "PRINCIPIO RECTOR", 40, 72);
                   place(p, "Zacatecas Incluyente", 140, 72);
                   place(p, "PROPÓSITO", 420, 72);
                   place(p, "Acercar la cultura.", 520, 72);
                   place(p, "PARTIDA", 420, 84);
                   place(p, "PRESUPUEST", 420, 92);
                   place(p, "LÍNEA ESTRATÉGICA", 40, 100);
                   place(p, "1.5 Cultura", 140, 100);
                   place(p, "AL", 420, 100);
                   place(p, "3821, 4411", 520, 100);
                   place(p, "INVERSIÓN APROXIMADA", 40, 112);
                   place(p, "$ 101,000.00", 140, 112);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
                  R"( [c3 "4"])",
                  R"(l3 [c0 "PRINCIPIO RECTOR"] [c1 "Zacatecas Incluyente"] [c2 "PROPÓSITO"])"
                  R"( [c3 "Acercar la cultura."])",
                  R"(l4 [c0 "LÍNEA ESTRATÉGICA"] [c1 "1.5 Cultura"] [c2 "PARTIDA PRESUPUEST AL"])"
                  R"( [c3 "3821, 4411"])",
                  R"(l7 [c0 "INVERSIÓN APROXIMADA"] [c1 "$ 101,000.00"])"}});

  out.push_back(
      {"pairs_label_broken_inside_a_word_its_first_line_a_label",
       [](std::vector<PageWords>& pages) {
         // The same aligned to the top (sweep seeds 500, 166): `INVERSION`, a label of its own,
         // over `APROXIMA` / `DA`; `INVERSION APROXIMA` is none, all three lines are one.
         PageWords& p = new_page(pages);
         form_title_and_first_row(p);
         place(p, "LÍNEA ESTRATÉGICA", 40, 72);
         place(p, "1.4 Grupos", 140, 72);
         place(p, "INVERSION", 420, 72);
         place(p, "38,750", 520, 72);
         place(p, "APROXIMA", 420, 80);
         place(p, "DA", 420, 88);
         place(p, "ESTRATEGIA", 40, 100);
         place(p, "1.4.2 Acercar", 140, 100);
         place(p, "PROPÓSITO", 420, 100);
         place(p, "Mejorar la calidad.", 520, 100);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l3 [c0 "LÍNEA ESTRATÉGICA"] [c1 "1.4 Grupos"] [c2 "INVERSION APROXIMA DA"])"
        R"( [c3 "38,750"])",
        R"(l6 [c0 "ESTRATEGIA"] [c1 "1.4.2 Acercar"] [c2 "PROPÓSITO"] [c3 "Mejorar la calidad."])"}});

  out.push_back({"form_tight_rows_a_line_nearer_the_next_label_starts_its_value",
                 [](std::vector<PageWords>& pages) {
                   // Rows as tight as Calc's: META's first line is within a wrap gap of
                   // ESTRATEGIA's value, but touches META's own line.
                   PageWords& p = new_page(pages);
                   place(p, "ESTRATEGIA", 40, 60);
                   place(p, "Acercar los servicios", 140, 60);
                   place(p, "Sustituir 1,800 luminarias", 140, 72);
                   place(p, "META", 40, 81.6);
                   place(p, "de vapor de sodio.", 140, 81.6);
                   place(p, "PROPÓSITO", 40, 94);
                   place(p, "Reducir el consumo.", 140, 94);
                 },
                 {R"(l1 [c0 "ESTRATEGIA"] [c1 "Acercar los servicios"])",
                  R"(l2 [c0 "META"] [c1 "Sustituir 1,800 luminarias de vapor de sodio."])",
                  R"(l4 [c0 "PROPÓSITO"] [c1 "Reducir el consumo."])"}});

  out.push_back(
      {"pairs_label_wrapped_beside_a_value_running_up_to_it_stays_one_label",
       [](std::vector<PageWords>& pages) {
         // Label | value pairs, no rulings, values centred (sweep seed 40): META's value runs
         // up to the right-hand labels' column, less than a gutter before `NÚMERO DE` on its
         // first line and `ACCIÓN` on its second; together they are a label, no value's rest.
         PageWords& p = new_page(pages);
         form_title_and_first_row(p);
         place(p, "META", 40, 80);
         place(p, "Sustituir las luminarias LED de bajo", 284, 80);
         place(p, "NÚMERO DE", 420, 80);
         place(p, "7", 520, 80);
         place(p, "consumo en las vialidades, con", 303, 88);
         place(p, "ACCIÓN", 420, 88);
         place(p, "retiro del material.", 300, 96);
         place(p, "PROPÓSITO", 40, 110);
         place(p, "Reducir el consumo.", 140, 110);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])",
        R"(l2 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."] [c2 "NÚMERO DE ACCIÓN"])"
        R"( [c3 "4"])",
        R"(l3 [c0 "META"] [c1 "Sustituir las luminarias LED de bajo consumo en las vialidades,)"
        R"( con retiro del material."] [c2 "NÚMERO DE ACCIÓN"] [c3 "7"])",
        R"(l6 [c0 "PROPÓSITO"] [c1 "Reducir el consumo."])"}});

  out.push_back({"form_label_wrapped_with_loose_line_spacing_stays_one_label",
                 [](std::vector<PageWords>& pages) {
                   // `NÚMERO DE` / `ACCIÓN` 4.8 pt apart (half a line: line spacing 1.5),
                   // further than a value's lines may be.
                   PageWords& p = new_page(pages);
                   place(p, "SECRETARÍA", 40, 60);
                   place(p, "Secretaría de Planeación.", 140, 60);
                   place(p, "NÚMERO DE", 420, 60);
                   place(p, "4", 520, 60);
                   place(p, "ACCIÓN", 420, 74.4);
                   place(p, "NOMBRE DE LA ACCIÓN", 40, 90);
                   place(p, "Alumbrado público", 140, 90);
                   place(p, "BENEFICIARIOS", 420, 90);
                   place(p, "M 120 H 110", 520, 90);
                 },
                 {R"(l1 [c0 "SECRETARÍA"] [c1 "Secretaría de Planeación."])"
                  R"( [c2 "NÚMERO DE ACCIÓN"] [c3 "4"])",
                  R"(l3 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Alumbrado público"] [c2 "BENEFICIARIOS"])"
                  R"( [c3 "M 120 H 110"])"}});

  // A value on the last line of a label wrapped over two, aligned to its cell's bottom, right
  // over the next row's value: that value's first word would have fit after `19`, so it is no
  // wrap of it (sweep seed 381); an amount is whole on its line (seed 381's next action).
  for (const auto& [label, last, value, below] :
       {std::array<const char*, 4>{"NÚMERO DE", "ACCIÓN", "19", "1.5.1 Descentralizar la oferta"},
        {"INVERSIÓN", "APROXIMADA", "$ 615,500.00", "2.4.2 Red"}}) {
    out.push_back(
        {std::string("form_value_beside_a_wrapped_label_is_no_wrap_of_the_next_value_") + value,
         [=](std::vector<PageWords>& pages) {
           PageWords& p = new_page(pages);
           place(p, label, 420, 50);
           place(p, "SECRETARÍA", 40, 56);
           place(p, "Instituto de Cultura", 140, 56);
           place(p, last, 420, 56);
           place(p, value, 520, 56);
           place(p, "NOMBRE DE LA ACCIÓN", 40, 66);
           place(p, "Festival cultural", 140, 66);
           place(p, "ESTRATEGIA", 420, 66);
           place(p, below, 520, 66);
         },
         {std::string(R"(l1 [c0 "SECRETARÍA"] [c1 "Instituto de Cultura"] [c2 ")") + label + " " +
              last + R"("] [c3 ")" + value + R"("])",
          std::string(R"(l3 [c0 "NOMBRE DE LA ACCIÓN"] [c1 "Festival cultural"])") +
              R"( [c2 "ESTRATEGIA"] [c3 ")" + below + R"("])"}});
  }

  out.push_back({"form_line_further_below_than_wrapped_lines_starts_another_value",
                 [](std::vector<PageWords>& pages) {
                   // ESTRATEGIA's value shows the page's wrapped lines 8 pt apart; META's one
                   // line (its label cell left empty), 12 pt above PROPÓSITO's, is no line of
                   // that value, though the gap between them is no wider than a wrap's could
                   // be and PROPÓSITO's first word would not have fit after it (sweep seed 236).
                   PageWords& p = new_page(pages);
                   place(p, "ESTRATEGIA", 40, 50);
                   place(p, "Acercar los servicios", 140, 50);
                   place(p, "básicos de salud a la", 140, 58);
                   place(p, "población", 140, 66);
                   place(p, "Realizar 24 jornadas de salud comunitaria con consultas", 140, 80);
                   place(p, "PROPÓSITO", 40, 92);
                   place(p, "Mejorar las condiciones.", 140, 92);
                 },
                 {R"(l1 [c0 "ESTRATEGIA"] [c1 "Acercar los servicios básicos de salud a la)"
                  R"( población"])",
                  R"(l4 [c1 "Realizar 24 jornadas de salud comunitaria con consultas"])",
                  R"(l5 [c0 "PROPÓSITO"] [c1 "Mejorar las condiciones."])"}});

  out.push_back({"form_value_of_two_lines_alone_under_a_row_is_one_row",
                 [](std::vector<PageWords>& pages) {
                   // The same with META's value over two lines, bottom-aligned under
                   // ESTRATEGIA's row (sweep seed 287): its lines are one cell, one row.
                   PageWords& p = new_page(pages);
                   place(p, "ESTRATEGIA", 40, 50);
                   place(p, "Acercar los servicios", 140, 50);
                   place(p, "básicos de salud a la", 140, 58);
                   place(p, "población", 140, 66);
                   place(p, "Realizar 24 jornadas de salud comunitaria con consultas", 140, 80);
                   place(p, "en las colonias populares.", 140, 88);
                   place(p, "PROPÓSITO", 40, 100);
                   place(p, "Mejorar las condiciones.", 140, 100);
                 },
                 {R"(l1 [c0 "ESTRATEGIA"] [c1 "Acercar los servicios básicos de salud a la)"
                  R"( población"])",
                  R"(l4 [c1 "Realizar 24 jornadas de salud comunitaria con consultas en las)"
                  R"( colonias populares."])",
                  R"(l6 [c0 "PROPÓSITO"] [c1 "Mejorar las condiciones."])"}});

  out.push_back(
      {"value_with_a_number_where_the_months_were_does_not_continue_the_table",
       [](std::vector<PageWords>& pages) {
         // The page's foot cut the table; the next page starts with META's first lines,
         // aligned to the bottom of its cell and running across the page: `1,800` where the
         // annual column was is no activity's number (sweep seeds 363, 381).
         first_activity_page(pages);
         PageWords& p2 = new_page(pages);
         place(p2, "Sustituir las luminarias de vapor de sodio por 1,800 luminarias LED", 300, 30);
         place(p2, "PRINCIPIO RECTOR", 40, 40);
         place(p2, "Zacatecas", 140, 40);
         place(p2, "META", 250, 40);
         place(p2, "de bajo consumo.", 300, 40);
       },
       after_first_activity_page(
           {"BR p2",
            R"(l1 [c0 "PRINCIPIO RECTOR"] [c1 "Zacatecas"] [c2 "META"])"
            R"( [c3 "Sustituir las luminarias de vapor de sodio por 1,800 luminarias LED de bajo)"
            R"( consumo."])"})});

  out.push_back(
      {"value_of_numbers_where_the_months_were_does_not_continue_the_table",
       [](std::vector<PageWords>& pages) {
         // The same with label | value pairs, BENEFICIARIOS' label cell left empty (sweep seed
         // 682): the next action's first row, `PARTIDA` / `PRESUPUESTAL` centred on its value
         // `2211, 3361, 4411`, which lies where the months were; a list of numbers is no
         // month's quantity. The label's first line, above every label line, is no title, and
         // the label goes onto its value's line.
         first_activity_page(pages);
         PageWords& p2 = new_page(pages);
         place(p2, "PARTIDA", 420, 26);
         place(p2, "M 3,120 H 2,875", 140, 30);
         place(p2, "2211, 3361, 4411", 520, 30);
         place(p2, "PRESUPUESTAL", 420, 34);
         place(p2, "NÚMERO DE ACCIÓN", 40, 44);
         place(p2, "61", 140, 44);
         place(p2, "META", 420, 44);
         place(p2, "Atender a 5,995 personas.", 520, 44);
       },
       after_first_activity_page(
           {"BR p2",
            R"(l1 [c1 "M 3,120 H 2,875"] [c2 "PARTIDA PRESUPUESTAL"] [c3 "2211, 3361, 4411"])",
            R"(l4 [c0 "NÚMERO DE ACCIÓN"] [c1 "61"] [c2 "META"] [c3 "Atender a 5,995 personas."])"})});

  out.push_back({"one_line_activities",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   place(p, "Firma de contrato", 42, 130);
                   activity_values(p, 130, "Planeación.", "$0.00", "Contrato firmado", 1, 7);
                   place(p, "Informe final", 42, 142);
                   activity_values(p, 142, "Planeación.", "$5.00", "Informe", 2, 8);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Firma de contrato"] [c1 "Planeación."] [c2 "Doc"] [c3 "$0.00"])"
                  R"( [c4 "Contrato firmado"])" +
                      values(1, 7),
                  R"(l5 [c0 "Informe final"] [c1 "Planeación."] [c2 "Doc"] [c3 "$5.00"])"
                  R"( [c4 "Informe"])" +
                      values(2, 8)}});

  out.push_back({"glued_word_split_at_the_column_border",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   place(p, "Firma", 42, 130);
                   activity_values(p, 130, "Planeación.", nullptr, nullptr, 1, 0);
                   // Poppler glues `$0.00` (right-aligned, INVERSIÓN) to `Número` (INDICADOR).
                   p.add_word("$0.00Número", Box{335, 130, 385, 130 + kLineHeight}, kSize);
                   place(p, "Informe", 42, 142);
                   activity_values(p, 142, "Planeación.", "$1.00", "Informe", 2, 1);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Firma"] [c1 "Planeación."] [c2 "Doc"] [c3 "$0.00"] [c4 "Número"])" +
                      values(1, 0),
                  R"(l5 [c0 "Informe"] [c1 "Planeación."] [c2 "Doc"] [c3 "$1.00"] [c4 "Informe"])" +
                      values(2, 1)}});

  out.push_back({"word_overflowing_its_cell_glued_to_the_next_cells_amount",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   place(p, "Firma", 42, 130);
                   activity_values(p, 130, "Planeación.", "$1.00", "Informe", 1, 0);
                   // UNIDAD's `Convenio` runs past its border up to INVERSIÓN's amount.
                   place(p, "Taller", 42, 142);
                   place(p, "Planeación.", 192, 142);
                   p.add_word("Convenio$5.00", Box{262, 142, 327, 142 + kLineHeight}, kSize);
                   place(p, "Informe", 362, 142);
                   place(p, "2", 470, 142);
                   for (int m = 0; m < 12; ++m) place(p, m == 1 ? "2" : "-", 508 + 20 * m, 142);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Firma"] [c1 "Planeación."] [c2 "Doc"] [c3 "$1.00"] [c4 "Informe"])" +
                      values(1, 0),
                  R"(l5 [c0 "Taller"] [c1 "Planeación."] [c2 "Convenio"] [c3 "$5.00"])"
                  R"( [c4 "Informe"])" +
                      values(2, 1)}});

  out.push_back({"word_across_a_border_is_not_split_between_ordinary_letters",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   // ACTIVIDAD text runs up to 186, ÁREA starts at 192: the border is at 189.
                   place(p, "Descentralizaciones", 110, 130);
                   activity_values(p, 130, "Planeación.", "$1.00", "Hecho", 1, 0);
                   place(p, "Desincorporaciones", 114, 142);
                   activity_values(p, 142, "Planeación.", "$2.00", "Hecho", 2, 1);
                   // A bold TOTAL merged over two cells, most of it left of the border.
                   place(p, "TOTAL", 176, 154, true);
                   activity_values(p, 154, "", "$3.00", "", 3, 2);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Descentralizaciones"] [c1 "Planeación."] [c2 "Doc"] [c3 "$1.00"])"
                  R"( [c4 "Hecho"])" +
                      values(1, 0),
                  R"(l5 [c0 "Desincorporaciones"] [c1 "Planeación."] [c2 "Doc"] [c3 "$2.00"])"
                  R"( [c4 "Hecho"])" +
                      values(2, 1),
                  R"(l6 [c0 "TOTAL"] [c2 "Doc"] [c3 "$3.00"])" + values(3, 2)}});

  out.push_back({"labels_and_values_centred_in_bordered_cells",
                 [](std::vector<PageWords>& pages) {
                   // Two cells a row, centred on x = 150 and x = 400: labels of the two rows
                   // start at different x, values are wider or narrower than their labels.
                   PageWords& p = new_page(pages);
                   place(p, "PROGRAMA OPERATIVO ANUAL 2022", 338, 40, true);
                   place(p, "SECRETARÍA", 130, 60, true);
                   place(p, "NOMBRE DE LA ACCIÓN", 365, 60, true);
                   place(p, "Secretaría de Obras", 114, 70);
                   place(p, "Alumbrado", 382, 70);
                   place(p, "LINEA ESTRATEGICA", 117, 80, true);
                   place(p, "INVERSIÓN APROXIMADA", 361, 80, true);
                   place(p, "2.3 Servicios públicos de calidad", 88, 90);
                   place(p, "$251,500.00", 378, 90);
                 },
                 {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2022"])",
                  R"(l2 [c0 "SECRETARÍA"] [c1 "NOMBRE DE LA ACCIÓN"])",
                  R"(l3 [c0 "Secretaría de Obras"] [c1 "Alumbrado"])",
                  R"(l4 [c0 "LINEA ESTRATEGICA"] [c1 "INVERSIÓN APROXIMADA"])",
                  R"(l5 [c0 "2.3 Servicios públicos de calidad"] [c1 "$251,500.00"])"}});

  out.push_back({"months_written_as_twelve_initials",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   place(p, "PROGRAMACIÓN MENSUAL", 580, 100);
                   place(p, "ACTIVIDAD", 95, 105);
                   place(p, "ÁREA", 210, 105);
                   place(p, "UNIDAD", 265, 105);
                   place(p, "INVERSIÓN", 315, 105);
                   place(p, "INDICADOR", 380, 105);
                   place(p, "ANUAL", 455, 105);
                   const std::string initials = "EFMAMJJASOND";
                   for (int m = 0; m < 12; ++m) place(p, initials.substr(m, 1), 508 + 20 * m, 110);
                   place(p, "Firma de contrato", 42, 130);
                   activity_values(p, 130, "Planeación.", "$0.00", "Contrato firmado", 1, 7);
                 },
                 {"l1" + kHeaderRow,
                  R"(l3 [c6 "E"] [c7 "F"] [c8 "M"] [c9 "A"] [c10 "M"] [c11 "J"] [c12 "J"])"
                  R"( [c13 "A"] [c14 "S"] [c15 "O"] [c16 "N"] [c17 "D"])",
                  R"(l4 [c0 "Firma de contrato"] [c1 "Planeación."] [c2 "Doc"] [c3 "$0.00"])"
                  R"( [c4 "Contrato firmado"])" +
                      values(1, 7)}});

  out.push_back({"fake_bold_glyphs_and_words_drawn_twice",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   // "SECRETARÍA" with every glyph drawn twice, 0.3 pt apart, in one word.
                   Word w;
                   const std::string label = "SECRETARÍA";
                   w.box = Box{40, 60, 80.3, 60 + kLineHeight};
                   w.font_size = kSize;
                   w.glyph_begin = static_cast<std::uint32_t>(p.glyphs.size());
                   double x = 40;
                   for (std::size_t i = 0; i < label.size();) {
                     std::size_t j = i + 1;
                     while (j < label.size() && (label[j] & 0xC0) == 0x80) ++j;
                     for (int twice = 0; twice < 2; ++twice) {
                       const auto b = static_cast<std::uint32_t>(w.text.size());
                       w.text += label.substr(i, j - i);
                       p.glyphs.push_back(Glyph{x + 0.3 * twice, x + 4 + 0.3 * twice, b,
                                                static_cast<std::uint32_t>(w.text.size())});
                       ++w.glyph_count;
                     }
                     x += 4;
                     i = j;
                   }
                   p.words.push_back(w);
                   // "META" drawn as two whole words, the second shifted by 0.4 pt.
                   place(p, "META", 300, 60);
                   place(p, "META", 300.4, 60.2);
                 },
                 {R"(l1 [c0 "SECRETARÍA"] [c1 "META"])"}});

  out.push_back({"wrapped_cells_centred_above_and_below_the_number_line",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   // Row 1: 3-line ACTIVIDAD centred on the number line at 142.
                   place(p, "Dar contestación a la", 42, 132);
                   place(p, "información solicitada", 42, 142);
                   place(p, "por la Secretaría", 42, 152);
                   activity_values(p, 142, "Dpto.", "$0.00", nullptr, 5, 2);
                   // INDICADOR in two lines, centred too (between the ACTIVIDAD lines).
                   place(p, "Número de", 362, 137);
                   place(p, "solicitudes", 362, 147);
                   // Row 2, 4 pt of padding below: 3-line ACTIVIDAD, numbers in the middle.
                   place(p, "Recabar información", 42, 166);
                   place(p, "para el llenado", 42, 176);
                   place(p, "de tablas", 42, 186);
                   activity_values(p, 176, "Dpto.", "$0.00", "Documentos", 4, 0);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Dar contestación a la información solicitada por la Secretaría"])"
                  R"( [c1 "Dpto."] [c2 "Doc"] [c3 "$0.00"] [c4 "Número de solicitudes"])" +
                      values(5, 2),
                  R"(l9 [c0 "Recabar información para el llenado de tablas"] [c1 "Dpto."])"
                  R"( [c2 "Doc"] [c3 "$0.00"] [c4 "Documentos"])" +
                      values(4, 0)}});

  out.push_back(
      {"four_line_actividad_beside_one_line_indicador_bottom_aligned",
       [](std::vector<PageWords>& pages) {
         PageWords& p = new_page(pages);
         table_header(p, 100);
         place(p, "Uno", 42, 128);
         activity_values(p, 128, "A", "$1.00", "Hecho", 1, 0);
         // Row 2 is bottom-aligned: the numbers share ACTIVIDAD's last line.
         place(p, "Revisión y autorización", 42, 142);
         place(p, "de la información que", 42, 152);
         place(p, "se generó en cada", 42, 162);
         place(p, "Secretaría", 42, 172);
         activity_values(p, 172, "B", "$2.00", "Revisado", 2, 1);
         place(p, "Tres", 42, 186);
         activity_values(p, 186, "C", "$3.00", "Listo", 3, 2);
       },
       {"l1" + kHeaderRow, months_row(3),
        R"(l4 [c0 "Uno"] [c1 "A"] [c2 "Doc"] [c3 "$1.00"] [c4 "Hecho"])" + values(1, 0),
        R"(l5 [c0 "Revisión y autorización de la información que se generó en cada)"
        R"( Secretaría"] [c1 "B"] [c2 "Doc"] [c3 "$2.00"] [c4 "Revisado"])" +
            values(2, 1),
        R"(l9 [c0 "Tres"] [c1 "C"] [c2 "Doc"] [c3 "$3.00"] [c4 "Listo"])" + values(3, 2)}});

  out.push_back(
      {"table_label_wrapped_at_a_wide_line_pitch_stays_in_the_column_header",
       [](std::vector<PageWords>& pages) {
         // A font whose line pitch is well over its glyphs' height (Carlito; round-trip seed
         // 4273): every line of a cell sits 4.4 pt (0.46 of its height) under the one above,
         // the column header's too. `INVERSIÓN`, the first line of the wrapped INVERSIÓN
         // APROX. column label, also reads as a header-block label: at the page's line pitch it
         // is a line of the column header, not a header-block label making a column there
         // that would cut `plataforma` off ESTRATEGIA's value.
         PageWords& p = new_page(pages);
         place(p, "PROGRAMA OPERATIVO ANUAL 2023", 338, 40, true);
         place(p, "ESTRATEGIA", 40, 60);
         place(p, "PROPÓSITO", 380, 60);
         place(p, "Difusión de la información pública en las colonias del municipio y su", 40, 74);
         place(p, "nueva plataforma", 296, 74);
         place(p, "Mejorar la atención", 380, 74);
         place(p, "de la población", 380, 88);
         place(p, "vulnerable.", 380, 102);
         place(p, "INVERSIÓN", 315, 130);
         place(p, "ACTIVIDAD", 95, 144);
         place(p, "ÁREA", 210, 144);
         place(p, "UNIDAD", 265, 144);
         place(p, "APROX.", 315, 144);
         place(p, "INDICADOR", 380, 144);
         place(p, "ANUAL", 455, 144);
         place(p, "PROGRAMACIÓN MENSUAL", 580, 144);
         for (int m = 0; m < 12; ++m) place(p, kMonths[m], 504 + 20 * m, 158);
         place(p, "Uno", 42, 175);
         activity_values(p, 175, "A", "$1.00", "Hecho", 1, 0);
       },
       {R"(T l1 [c0 "PROGRAMA OPERATIVO ANUAL 2023"])", R"(l2 [c0 "ESTRATEGIA"] [c1 "PROPÓSITO"])",
        R"(l3 [c0 "Difusión de la información pública en las colonias del municipio y su nueva)"
        R"( plataforma"] [c1 "Mejorar la atención"])",
        // (Lines of a value further apart than wrap_gap are rows of their own; the recogniser
        // joins a value's rows.)
        R"(l4 [c1 "de la población"])", R"(l5 [c1 "vulnerable."])",
        R"(l6 [c0 "ACTIVIDAD"] [c1 "ÁREA"] [c2 "UNIDAD"] [c3 "INVERSIÓN APROX."])"
        R"( [c4 "INDICADOR"] [c5 "ANUAL"] [c6+12 "PROGRAMACIÓN MENSUAL"])",
        months_row(8),
        R"(l9 [c0 "Uno"] [c1 "A"] [c2 "Doc"] [c3 "$1.00"] [c4 "Hecho"])" + values(1, 0)}});

  out.push_back(
      {"group_label_a_row_above_the_column_header_where_wrapped_lines_overlap",
       [](std::vector<PageWords>& pages) {
         // Calc's small Liberation and Carlito text (sweep seeds 47, 416, 626): a cell's wrapped
         // lines 8 pt apart, their 9.6 pt glyph boxes overlapping; the rows 14.6 pt apart, 5 pt
         // (0.52 of a line) between them. `PROGRAMACIÓN MENSUAL`, merged over the month
         // columns a row above the column labels, is that far above them: a row of the column
         // header, as far as the page's rows are apart, though further than its wrapped lines
         // (glued onto the header block above, PARTIDA's value would read `2211, 3361
         // PROGRAMACIÓN MENSUAL`).
         PageWords& p = new_page(pages);
         place(p, "ESTRATEGIA", 40, 60);
         place(p, "PROPÓSITO", 380, 60);
         place(p, "Difusión de la información", 40, 74.6);
         place(p, "Mejorar la atención", 380, 74.6);
         place(p, "de la población", 380, 82.6);
         place(p, "vulnerable.", 380, 90.6);
         place(p, "PROGRAMACIÓN MENSUAL", 580, 105.2);
         place(p, "ACTIVIDAD", 95, 119.8);
         place(p, "ÁREA", 210, 119.8);
         place(p, "UNIDAD", 265, 119.8);
         place(p, "INVERSIÓN", 315, 119.8);
         place(p, "INDICADOR", 380, 119.8);
         place(p, "ANUAL", 455, 119.8);
         for (int m = 0; m < 12; ++m) place(p, kMonths[m], 504 + 20 * m, 134.4);
         place(p, "Uno", 42, 149);
         activity_values(p, 149, "A", "$1.00", "Hecho", 1, 0);
       },
       {R"(l1 [c0 "ESTRATEGIA"] [c1 "PROPÓSITO"])",
        R"(l2 [c0 "Difusión de la información"] [c1 "Mejorar la atención"])",
        R"(l3 [c1 "de la población"])", R"(l4 [c1 "vulnerable."])", "l5" + kHeaderRow,
        months_row(7),
        R"(l8 [c0 "Uno"] [c1 "A"] [c2 "Doc"] [c3 "$1.00"] [c4 "Hecho"])" + values(1, 0)}});

  out.push_back(
      {"table_amount_broken_inside_over_two_lines_reads_whole",
       [](std::vector<PageWords>& pages) { amount_broken_over_two_lines(new_page(pages)); },
       kAmountBrokenOverTwoLines});

  out.push_back(
      {"table_continues_on_a_page_without_header_and_page_numbers_dropped",
       [](std::vector<PageWords>& pages) {
         PageWords& p1 = first_activity_page(pages);
         place(p1, "Página 1 de 2", 700, 590);
         PageWords& p2 = new_page(pages);
         place(p2, "Segunda actividad", 42, 40);
         activity_values(p2, 40, "B", "$2.00", "Listo", 2, 3);
         place(p2, "2", 396, 590);
       },
       after_first_activity_page(
           {"BR p2",
            R"(l1 [c0 "Segunda actividad"] [c1 "B"] [c2 "Doc"] [c3 "$2.00"] [c4 "Listo"])" +
                values(2, 3)})});

  // Page 2 repeats the column header; the row cut at the foot of page 1 (all its numbers there)
  // ends in two lines a row's gap above the next row, whose lines are centred on its numbers.
  for (const bool header : {true, false}) {
    out.push_back({std::string("row_cut_by_the_page_break_") +
                       (header ? "below_a_repeated_header" : "at_the_top_of_the_body"),
                   [header](std::vector<PageWords>& pages) {
                     PageWords& p1 = new_page(pages);
                     table_header(p1, 100);
                     place(p1, "Bacheo de la calle 17", 42, 130);
                     activity_values(p1, 130, "Obras", "$1.00", "Metros", 1, 0);
                     PageWords& p2 = new_page(pages);
                     const double top = header ? 60 : 40;
                     if (header) table_header(p2, 20);
                     place(p2, "en la colonia", 42, top);
                     place(p2, "Centro", 42, top + 9);
                     place(p2, "Públicas", 192, top);
                     place(p2, "bacheados", 362, top);
                     // 15 pt of blank, then row 18: two lines centred on its number line.
                     place(p2, "Bacheo de la calle 18", 42, top + 34);
                     place(p2, "en la colonia Sur", 42, top + 43);
                     activity_values(p2, top + 38.5, "Obras", "$2.00", "Metros", 2, 1);
                   },
                   {"l1" + kHeaderRow, months_row(3),
                    R"(l4 [c0 "Bacheo de la calle 17"] [c1 "Obras"] [c2 "Doc"] [c3 "$1.00"])"
                    R"( [c4 "Metros"])" +
                        values(1, 0),
                    "BR p2",
                    std::string(header ? "+l4" : "+l1") +
                        R"( [c0 "en la colonia Centro"] [c1 "Públicas"] [c4 "bacheados"])",
                    std::string(header ? "l6" : "l3") +
                        R"( [c0 "Bacheo de la calle 18 en la colonia Sur"] [c1 "Obras"] [c2 "Doc"])"
                        R"( [c3 "$2.00"] [c4 "Metros"])" +
                        values(2, 1)}});
    if (header) {
      auto& rows = out.back().expected;
      const auto at = rows.begin() + 4;  // after "BR p2"
      rows.insert(at, {"l1" + kHeaderRow, months_row(3)});
    }
  }

  // The same page 2, but the text lines run on at line pitch into the next row: they are that
  // row's wrapped cells, centred on its numbers, not the rest of the row above.
  out.push_back({"centred_wrapped_lines_at_the_top_of_a_continued_page_stay_with_their_row",
                 [](std::vector<PageWords>& pages) {
                   PageWords& p1 = new_page(pages);
                   table_header(p1, 100);
                   place(p1, "Bacheo de la calle 17", 42, 130);
                   activity_values(p1, 130, "Obras", "$1.00", "Metros", 1, 0);
                   PageWords& p2 = new_page(pages);
                   table_header(p2, 20);
                   place(p2, "Bacheo de la", 42, 60);
                   place(p2, "calle 18 en la", 42, 69);
                   place(p2, "Dirección de", 192, 64.5);
                   activity_values(p2, 73.5, "", "$2.00", "Metros", 2, 1);
                   place(p2, "colonia Sur", 42, 78);
                   place(p2, "Obras", 192, 73.5 + 9);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Bacheo de la calle 17"] [c1 "Obras"] [c2 "Doc"] [c3 "$1.00"])"
                  R"( [c4 "Metros"])" +
                      values(1, 0),
                  "BR p2", "l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Bacheo de la calle 18 en la colonia Sur"] [c1 "Dirección de Obras"])"
                  R"( [c2 "Doc"] [c3 "$2.00"] [c4 "Metros"])" +
                      values(2, 1)}});

  out.push_back(
      {"drawn_grid_merged_value_centred_beside_two_label_rows",
       [](std::vector<PageWords>& pages) {
         // META's value is one tall merged cell over three rows, its two lines centred on the
         // row of LÍNEA ESTRATÉGICA and INVERSIÓN: the grid keeps it under META.
         PageWords& p = new_page(pages);
         const std::vector<double> xs{40, 200, 360, 520};
         const std::vector<double> ys{50, 62, 74, 86, 98, 110, 122};
         draw_cells(p, lattice(xs, ys, {Box{360, 86, 520, 122}}));
         place(p, "SECRETARÍA", 90, 51);
         place(p, "NOMBRE DE LA ACCIÓN", 240, 51);
         place(p, "BENEFICIARIOS", 412, 51);
         place(p, "Secretaría de Planeación.", 70, 63);
         place(p, "Acceso a la información", 236, 63);
         place(p, "M 10 H 20", 420, 63);
         place(p, "PRINCIPIO RECTOR", 86, 75);
         place(p, "NÚMERO DE ACCIÓN", 246, 75);
         place(p, "META", 430, 75);
         place(p, "Capital", 106, 87);
         place(p, "4", 278, 87);
         place(p, "Contar con la evaluación", 392, 95);
         place(p, "LÍNEA ESTRATÉGICA", 84, 99);
         place(p, "INVERSIÓN APROXIMADA", 236, 99);
         place(p, "anual del programa", 404, 104.6);
         place(p, "3.5 Rendición de cuentas", 72, 111);
         place(p, "$10,000.00", 260, 111);
       },
       {R"(l1 [c0 "SECRETARÍA"] [c1 "NOMBRE DE LA ACCIÓN"] [c2 "BENEFICIARIOS"])",
        R"(l2 [c0 "Secretaría de Planeación."] [c1 "Acceso a la información"] [c2 "M 10 H 20"])",
        R"(l3 [c0 "PRINCIPIO RECTOR"] [c1 "NÚMERO DE ACCIÓN"] [c2 "META"])",
        R"(l4 [c0 "Capital"] [c1 "4"] [c2 "Contar con la evaluación anual del programa"])",
        R"(l6 [c0 "LÍNEA ESTRATÉGICA"] [c1 "INVERSIÓN APROXIMADA"])",
        R"(l8 [c0 "3.5 Rendición de cuentas"] [c1 "$10,000.00"])"}});

  out.push_back(
      {"drawn_grid_value_spanning_columns_beside_its_label",
       [](std::vector<PageWords>& pages) {
         // A form: ESTRATEGIA's value runs across three columns, under the block of labels
         // on the right; without the grid it would be cut at their borders.
         PageWords& p = new_page(pages);
         const std::vector<double> xs{40, 120, 300, 400, 540};
         const std::vector<double> ys{50, 62, 74};
         draw_cells(p, lattice(xs, ys, {Box{120, 50, 540, 62}}));
         place(p, "ESTRATEGIA", 44, 51);
         place(p, "3.5.1 Informar a la ciudadanía de manera oportuna sobre el avance", 124, 51);
         place(p, "META", 44, 63);
         place(p, "Publicar 12 informes", 124, 63);
         place(p, "PARTIDA PRESUPUESTAL", 304, 63);
         place(p, "2151", 404, 63);
       },
       {R"(l1 [c0 "ESTRATEGIA"])"
        R"( [c1+3 "3.5.1 Informar a la ciudadanía de manera oportuna sobre el avance"])",
        R"(l2 [c0 "META"] [c1 "Publicar 12 informes"] [c2 "PARTIDA PRESUPUESTAL"] [c3 "2151"])"}});

  out.push_back({"drawn_grid_accounting_sign_apart_from_its_amount_is_one_value",
                 [](std::vector<PageWords>& pages) {
                   // One field a row, label | value; INVERSIÓN in an accounting format (`$`
                   // flush left, the amount flush right: a gutter inside one cell) and META's
                   // label cell left empty (calc sweep seed 16). The grid parts the rows; the
                   // text alone glues META's line onto LÍNEA's value.
                   PageWords& p = new_page(pages);
                   draw_cells(p, lattice({40, 120, 540}, {50, 62, 74, 86}));
                   place(p, "LÍNEA ESTRATÉGICA", 44, 51);
                   place(p, "1.5 Cultura y patrimonio", 282, 51);
                   place(p, "Llevar a cabo 16 presentaciones artísticas", 246, 63.5);
                   place(p, "INVERSIÓN APROXIMADA", 44, 76);
                   place(p, "$", 134, 76);
                   place(p, "5,000.00", 500, 76);
                 },
                 {R"(l1 [c0 "LÍNEA ESTRATÉGICA"] [c1 "1.5 Cultura y patrimonio"])",
                  R"(l2 [c1 "Llevar a cabo 16 presentaciones artísticas"])",
                  R"(l3 [c0 "INVERSIÓN APROXIMADA"] [c1 "$ 5,000.00"])"}});

  out.push_back({"form_accounting_sign_apart_from_its_amount_stays_on_its_row",
                 [](std::vector<PageWords>& pages) {
                   // No rulings (sweep seed 177): the amount, flush right in its cell after a
                   // gutter, is no line of the value below.
                   PageWords& p = new_page(pages);
                   place(p, "LÍNEA ESTRATÉGICA", 44, 51);
                   place(p, "1.5 Cultura y patrimonio", 134, 51);
                   place(p, "INVERSIÓN APROXIMADA", 44, 61);
                   place(p, "$", 134, 61);
                   place(p, "101,000.00", 500, 61);
                   place(p, "ESTRATEGIA", 44, 71);
                   place(p, "1.5.1 Descentralizar la oferta", 134, 71);
                 },
                 {R"(l1 [c0 "LÍNEA ESTRATÉGICA"] [c1 "1.5 Cultura y patrimonio"])",
                  R"(l2 [c0 "INVERSIÓN APROXIMADA"] [c1 "$ 101,000.00"])",
                  R"(l3 [c0 "ESTRATEGIA"] [c1 "1.5.1 Descentralizar la oferta"])"}});

  out.push_back({"label_over_an_accounting_zero_keeps_its_value_below",
                 [](std::vector<PageWords>& pages) {
                   // `$ -` (zero in an accounting format) right under its label, no rulings
                   // (sweep seed 195): the label matcher reads `$` and `-` as nothing, but an
                   // amount never continues a wrapped label.
                   PageWords& p = new_page(pages);
                   place(p, "LÍNEA ESTRATÉGICA", 44, 51);
                   place(p, "INVERSIÓN APROXIMADA", 300, 51);
                   place(p, "1.4 Grupos vulnerables", 44, 58);
                   place(p, "$", 301, 58);
                   place(p, "-", 480, 58);
                 },
                 {R"(l1 [c0 "LÍNEA ESTRATÉGICA"] [c1 "INVERSIÓN APROXIMADA"])",
                  R"(l2 [c0 "1.4 Grupos vulnerables"] [c1 "$ -"])"}});

  out.push_back(
      {"column_label_wrapped_below_the_month_names_stays_in_the_header",
       [](std::vector<PageWords>& pages) {
         // No rulings in the table (sweep seeds 28, 163): `INVERSIÓN APROX. POR` /
         // `ACTIVIDAD` centred in the header row, its last line starting within the
         // month names' line, is no line of the first activity.
         PageWords& p = new_page(pages);
         table_header(p, 100);
         place(p, "ACTIVIDAD", 315, 114);
         place(p, "Visitas", 42, 134);
         activity_values(p, 134, "A", "$1.00", "Hechas", 1, 0);
       },
       {R"(l1 [c0 "ACTIVIDAD"] [c1 "ÁREA"] [c2 "UNIDAD"] [c3 "INVERSIÓN ACTIVIDAD"])"
        R"( [c4 "INDICADOR"] [c5 "ANUAL"] [c6+12 "PROGRAMACIÓN MENSUAL"])",
        months_row(3),
        R"(l5 [c0 "Visitas"] [c1 "A"] [c2 "Doc"] [c3 "$1.00"] [c4 "Hechas"])" + values(1, 0)}});

  out.push_back(
      {"accounting_sign_left_of_its_column_label_stays_with_its_amount",
       [](std::vector<PageWords>& pages) {
         // No rulings; `$ -` in an accounting format, the sign flush left in its cell,
         // left of the label `INVERSIÓN` (sweep seed 362): the stretch between the
         // sign and the label is wider than the one between UNIDAD's values and the
         // sign, yet no border runs between a sign and its amount.
         PageWords& p = new_page(pages);
         table_header(p, 100, 318);
         for (const double y : {130, 150}) {
           place(p, "Visitas", 42, y);
           activity_values(p, y, "A", nullptr, "Hechas", 1, 0);
           place(p, "$", 298, y);
           place(p, "-", 350, y);
         }
       },
       {"l1" + kHeaderRow, months_row(3),
        R"(l4 [c0 "Visitas"] [c1 "A"] [c2 "Doc"] [c3 "$ -"] [c4 "Hechas"])" + values(1, 0),
        R"(l5 [c0 "Visitas"] [c1 "A"] [c2 "Doc"] [c3 "$ -"] [c4 "Hechas"])" + values(1, 0)}});

  out.push_back(
      {"gutter_between_columns_measured_whole_where_a_label_fills_its_cell",
       [](std::vector<PageWords>& pages) {
         // `INVERSIÓN` ends right at its cell's border, so only a sliver of the gutter between
         // `$ -` and `Visitas` lies between the labels (sweep seed 195). On page 2 one row
         // leaves a wider gap after `Visitas`: the gutter is measured whole, and the border
         // page 1 placed in it wins.
         for (const char* indicador : {"Visitas realizadas", "Visitas"}) {
           PageWords& p = new_page(pages);
           table_header(p, 100, 324, 400);
           place(p, "Visitas", 42, 130);
           activity_values(p, 130, "A", nullptr, indicador, 1, 0);
           place(p, "$", 312, 130);
           place(p, "-", 350, 130);
         }
       },
       {"l1" + kHeaderRow, months_row(3),
        R"(l4 [c0 "Visitas"] [c1 "A"] [c2 "Doc"] [c3 "$ -"] [c4 "Visitas realizadas"])" +
            values(1, 0),
        "BR p2", "l1" + kHeaderRow, months_row(3),
        R"(l4 [c0 "Visitas"] [c1 "A"] [c2 "Doc"] [c3 "$ -"] [c4 "Visitas"])" + values(1, 0)}});

  out.push_back({"drawn_grid_rows_with_centred_text_and_an_area_merged_over_two_activities",
                 [](std::vector<PageWords>& pages) {
                   // Rulings between the activities decide the rows; the ÁREA cell merged over both
                   // activities gives its text to each; UNIDAD sits on its cell's top line.
                   PageWords& p = new_page(pages);
                   std::vector<double> xs{40, 190, 260, 310, 360, 440, 500};
                   for (int m = 1; m <= 12; ++m) xs.push_back(500 + 20 * m);
                   const std::vector<double> ys{98, 122, 152, 182};
                   draw_cells(p, lattice(xs, ys, {Box{190, 122, 260, 182}}));
                   table_header(p, 100);
                   place(p, "Dar contestación a las", 42, 123);
                   place(p, "solicitudes de", 42, 132.6);
                   activity_values(p, 132.6, "", "$0.00", "Solicitudes", 5, 2);
                   place(p, "información", 42, 142.2);
                   place(p, "Dpto.", 192, 147);
                   place(p, "Publicar el informe", 42, 158);
                   activity_values(p, 158, "", "$1.00", "Informe", 1, 11);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Dar contestación a las solicitudes de información"] [c1 "Dpto."])"
                  R"( [c2 "Doc"] [c3 "$0.00"] [c4 "Solicitudes"])" +
                      values(5, 2),
                  R"(l7 [c0 "Publicar el informe"] [c1 "Dpto."] [c2 "Doc"] [c3 "$1.00"])"
                  R"( [c4 "Informe"])" +
                      values(1, 11)}});

  out.push_back(
      {"drawn_grid_column_label_wrapped_below_the_month_names",
       [](std::vector<PageWords>& pages) {
         // `INVERSIÓN` / `APROX.` wraps lower than the month names, inside the header's band.
         PageWords& p = new_page(pages);
         draw_table_header_and_one_row(p);
         table_header(p, 100);
         place(p, "APROX.", 315, 115);
         place(p, "Publicar el informe", 42, 130);
         activity_values(p, 130, "Dpto.", "$1.00", "Informe", 1, 11);
       },
       {R"(l1 [c0 "ACTIVIDAD"] [c1 "ÁREA"] [c2 "UNIDAD"] [c3 "INVERSIÓN APROX."])"
        R"( [c4 "INDICADOR"] [c5 "ANUAL"] [c6+12 "PROGRAMACIÓN MENSUAL"])",
        months_row(3),
        R"(l5 [c0 "Publicar el informe"] [c1 "Dpto."] [c2 "Doc"] [c3 "$1.00"] [c4 "Informe"])" +
            values(1, 11)}});

  // The header block's last value row, in capitals and digits, a wrapped column label's gap
  // above the column labels, is no line of them: it lies above the top of their drawn cells,
  // outside the table's frame (a header block without borders, sweep seed 545) or under a
  // ruling of the one grid they share (every cell bordered, seed 124).
  for (const bool one_grid : {false, true}) {
    out.push_back(
        {std::string("drawn_grid_header_value_row_right_above_the_table_stays_out_of_it") +
             (one_grid ? "_in_one_grid" : ""),
         [one_grid](std::vector<PageWords>& pages) {
           PageWords& p = new_page(pages);
           place(p, "PARTIDA PRESUPUESTAL", 44, 75);
           place(p, "BENEFICIARIOS", 300, 75);
           place(p, "2211, 3361", 60, 87.5);
           place(p, "M 3,120 H 2,875", 300, 87.5);
           draw_table_header_and_one_row(
               p, one_grid ? std::vector<double>{74, 86} : std::vector<double>{});
           table_header(p, 100);
           place(p, "Publicar el informe", 42, 130);
           activity_values(p, 130, "Dpto.", "$1.00", "Informe", 1, 11);
         },
         // (In one grid the block's cell [190, 500) spans five of the table's columns.)
         {std::string(R"(l1 [c0 "PARTIDA PRESUPUESTAL"] [c1)") + (one_grid ? "+5" : "") +
              R"( "BENEFICIARIOS"])",
          std::string(R"(l2 [c0 "2211, 3361"] [c1)") + (one_grid ? "+5" : "") +
              R"( "M 3,120 H 2,875"])",
          "l3" + kHeaderRow, months_row(5),
          R"(l6 [c0 "Publicar el informe"] [c1 "Dpto."] [c2 "Doc"] [c3 "$1.00"])"
          R"( [c4 "Informe"])" +
              values(1, 11)}});
  }

  out.push_back({"shaded_label_cells_without_borders_fall_back_to_the_text",
                 [](std::vector<PageWords>& pages) {
                   // Grey label cells and an outer frame, no inner borders: the value row
                   // would be one cell across the page, so the text's gutters decide.
                   PageWords& p = new_page(pages);
                   p.graphics.fills.push_back(FilledBox{Box{40, 50, 200, 62}, 0.8});
                   p.graphics.fills.push_back(FilledBox{Box{200, 50, 520, 62}, 0.8});
                   draw_cells(p, {Box{40, 50, 520, 74}});
                   place(p, "SECRETARÍA", 44, 51);
                   place(p, "META", 204, 51);
                   place(p, "Secretaría de Planeación.", 44, 63);
                   place(p, "Contar con la evaluación", 204, 63);
                 },
                 {R"(l1 [c0 "SECRETARÍA"] [c1 "META"])",
                  R"(l2 [c0 "Secretaría de Planeación."] [c1 "Contar con la evaluación"])"}});

  out.push_back({"month_values_shifted_off_their_header_are_taken_in_order",
                 [](std::vector<PageWords>& pages) {
                   // A text dump laid out on a character grid: the values sit one column right
                   // of the month names, so ENE is empty and DIC holds two.
                   PageWords& p = new_page(pages);
                   table_header(p, 100);
                   place(p, "Dar contestación", 42, 130);
                   place(p, "Dpto.", 192, 130);
                   place(p, "Doc", 262, 130);
                   place(p, "$0.00", 312, 130);
                   place(p, "Hecho", 362, 130);
                   place(p, "5", 470, 130);
                   for (int m = 0; m < 12; ++m) place(p, m == 2 ? "5" : "-", 522 + 20 * m, 130);
                 },
                 {"l1" + kHeaderRow, months_row(3),
                  R"(l4 [c0 "Dar contestación"] [c1 "Dpto."] [c2 "Doc"] [c3 "$0.00"])"
                  R"( [c4 "Hecho"])" +
                      values(5, 2)}});

  out.push_back({"running_footer_repeated_on_every_page_is_dropped_after_the_first",
                 [](std::vector<PageWords>& pages) {
                   for (int i = 0; i < 2; ++i) {
                     PageWords& p = new_page(pages);
                     place(p, "SECRETARÍA", 40, 60);
                     place(p, "META", 300, 60);
                     place(p, "Municipio de Zacatecas 2022", 40, 580);
                   }
                 },
                 {R"(l1 [c0 "SECRETARÍA"] [c1 "META"])", R"(l2 [c0 "Municipio de Zacatecas 2022"])",
                  "BR p2", R"(l1 [c0 "SECRETARÍA"] [c1 "META"])"}});

  // What carries to the next page is geometry: the columns of a table the page's foot cuts.
  // A table that a header block ends above the foot carries nothing (page 2's line is cut at
  // its own gutters); a page's own table that runs to its foot carries its columns (page 3).
  out.push_back(
      {"only_a_table_the_page_foot_cuts_carries_its_columns",
       [](std::vector<PageWords>& pages) {
         PageWords& p1 = first_activity_page(pages);
         place(p1, "SECRETARÍA", 40, 160);
         place(p1, "NÚMERO DE ACCIÓN", 300, 160);
         PageWords& p2 = new_page(pages);
         place(p2, "Segunda actividad", 42, 40);
         activity_values(p2, 40, "B", "$2.00", nullptr, 2, 3);
       },
       after_first_activity_page(
           {R"(l5 [c0 "SECRETARÍA"] [c1 "NÚMERO DE ACCIÓN"])", "BR p2",
            // Cells in order (no INDICADOR), not in the table's columns.
            R"(l1 [c0 "Segunda actividad"] [c1 "B"] [c2 "Doc"] [c3 "$2.00"] [c4 "2"])"
            R"( [c5 "-"] [c6 "-"] [c7 "-"] [c8 "2"] [c9 "-"] [c10 "-"] [c11 "-"] [c12 "-"])"
            R"( [c13 "-"] [c14 "-"] [c15 "-"] [c16 "-"])"})});
  out.push_back(
      {"a_page_own_table_cut_by_its_foot_carries_to_the_next_page",
       [](std::vector<PageWords>& pages) {
         first_activity_page(pages);
         PageWords& p2 = new_page(pages);
         place(p2, "SECRETARÍA", 40, 30);
         place(p2, "NÚMERO DE ACCIÓN", 300, 30);
         table_header(p2, 60);
         place(p2, "Segunda", 42, 90);
         activity_values(p2, 90, "B", "$2.00", "Listo", 2, 3);
         PageWords& p3 = new_page(pages);
         place(p3, "Tercera", 42, 40);
         activity_values(p3, 40, "C", "$3.00", "Visto", 3, 5);
       },
       after_first_activity_page(
           {"BR p2", R"(l1 [c0 "SECRETARÍA"] [c1 "NÚMERO DE ACCIÓN"])", "l2" + kHeaderRow,
            months_row(4),
            R"(l5 [c0 "Segunda"] [c1 "B"] [c2 "Doc"] [c3 "$2.00"] [c4 "Listo"])" + values(2, 3),
            "BR p3",
            R"(l1 [c0 "Tercera"] [c1 "C"] [c2 "Doc"] [c3 "$3.00"] [c4 "Visto"])" + values(3, 5)})});
  return out;
}

TEST(PdfLayoutTest, Cases) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    std::vector<PageWords> pages;
    c.build(pages);
    LayoutState state;
    std::vector<std::string> got;
    for (PageWords& p : pages) {
      for (const CellRow& row : layout_page(p, state).rows) {
        got.push_back(show(row));
        EXPECT_TRUE(row.page_is_physical);
        EXPECT_EQ(row.page, p.number);
      }
    }
    EXPECT_EQ(got, c.expected);
  }
}

TEST(PdfLayoutTest, CellBoxesAreTheUnionOfTheirLines) {
  std::vector<PageWords> pages;
  PageWords& p = new_page(pages);
  table_header(p, 100);
  place(p, "Dar contestación", 42, 132);
  place(p, "a la solicitud", 42, 142);
  activity_values(p, 142, "Dpto.", "$0.00", "Hecho", 1, 0);
  LayoutState state;
  const PageLayout layout = layout_page(p, state);
  ASSERT_EQ(layout.rows.size(), 3u);
  const CellRow& row = layout.rows[2];
  ASSERT_TRUE(row.cells[0].box.has_value());
  EXPECT_EQ(row.cells[0].text, "Dar contestación a la solicitud");
  EXPECT_DOUBLE_EQ(row.cells[0].box->y0, 132);
  EXPECT_DOUBLE_EQ(row.cells[0].box->y1, 142 + kLineHeight);
  EXPECT_DOUBLE_EQ(row.cells[0].box->x0, 42);
  ASSERT_TRUE(row.box.has_value());
  EXPECT_DOUBLE_EQ(row.box->y0, 132);
  EXPECT_EQ(layout.table_grid.size(), 18u);
  EXPECT_EQ(layout.table_grid[6].month, 0);
  EXPECT_EQ(layout.table_grid[17].month, 11);
}

}  // namespace
}  // namespace poa::extractor::layout
