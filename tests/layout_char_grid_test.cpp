// The character-grid rules of the layout (`pdftotext -layout` dumps): runs of words one space
// apart cut into cells at the borders, and rows told apart where no blank line separates them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/layout_text_reader.hpp"
#include "extractor/page_layouter.hpp"

namespace poa::extractor::layout {
namespace {

// The cells of one dump line cut at `borders` (in columns), as `[column] text | …`.
std::string cells_of(const std::string& line, const std::vector<double>& borders) {
  const CharGrid grid;
  PageWords page;
  add_dump_line(line, 0, grid, page);
  detail::LineData l;
  for (std::uint32_t i = 0; i < page.words.size(); ++i) l.words.push_back(i);
  l.size = grid.font_size;
  std::vector<double> xs;
  xs.reserve(borders.size());
  for (const double b : borders) xs.push_back(b * grid.char_width);
  LayoutConfig config;
  config.char_grid = true;
  std::vector<detail::GCell> cells;
  detail::gutter_cells(page, l, xs, config, cells);
  std::string out;
  for (const detail::GCell& c : cells) {
    if (!out.empty()) out += " | ";
    out += "[" + std::to_string(c.column) + "] " + c.text;
  }
  return out;
}

TEST(CharGridCellsTest, RunsOneSpaceApartAreCutAtTheBorders) {
  struct Case {
    const char* name;
    std::string line;
    std::vector<double> borders;
    std::string cells;
  };
  const std::vector<Case> cases = {
      {"cut at the capital nearest the border",
       "de infraestructura deportiva en Deporte",
       {33.7},
       "[0] de infraestructura deportiva en | [1] Deporte"},
      {"no word may start a cell: the run stays on its first word's side",
       "municipal infantil y juvenil de   Instituto Municipal del",
       {29.5},
       "[0] municipal infantil y juvenil de | [1] Instituto Municipal del"},
      {"an amount ends its cell",
       "Departamento de       Luminaria                 $0.00 Número de luminarias",
       {18.5, 38.5, 52.5},
       "[0] Departamento de | [1] Luminaria | [2] $0.00 | [3] Número de luminarias"},
      {"numbers after a comma are one list",
       "Reducir la flotilla eficiente 2611, 3553",
       {33.5},
       "[0] Reducir la flotilla eficiente | [1] 2611, 3553"},
      {"a border just past the run takes its last word when its column is empty",
       "cableado del alumbrado público en Benito Coordinación Operativa Poste",
       {43.5, 69.5},
       "[0] cableado del alumbrado público en Benito | [1] Coordinación Operativa | [2] Poste"},
      {"... but not after a word that needs a complement",
       "usos múltiples (pintura, tableros, Dirección de Obras",
       {33.5, 54.5},
       "[0] usos múltiples (pintura, tableros, | [1] Dirección de Obras"},
      {"an amount drifted right of its empty column goes back",
       "Documento   $0.00 Documento revisado",
       {10.5, 11.5},
       "[0] Documento | [1] $0.00 | [2] Documento revisado"},
      {"a run reaching past a border only by its box's padding ends before it",
       "Participación al foro de Estadística y Geografía para Estados",
       {60.7},
       "[0] Participación al foro de Estadística y Geografía para Estados"},
      {"the line's first run, undrifted, a little left of a border starts the cell right of it",
       std::string(59, ' ') + "Dpto. Seguimiento      Documento",
       {61.7, 80.5},
       "[1] Dpto. Seguimiento | [2] Documento"},
      {"... but not after text that pushed it",
       "Remisión del POA 2022 aprobado a la Auditoría Superior del Dpto. Seguimiento",
       {61.7},
       "[0] Remisión del POA 2022 aprobado a la Auditoría Superior del Dpto. | [1] Seguimiento"},
      {"a capital letter alone names the number after it",
       "                  permanente de M 20,100 H 19,750",
       {33.7},
       "[0] permanente de | [1] M 20,100 H 19,750"},
      {"two spaces are a gutter whatever the borders",
       "Contrato  Firmado",
       {},
       "[0] Contrato | [0] Firmado"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(cells_of(c.line, c.borders), c.cells) << c.name;
  }
}

// The ÁREA cell of each activity row a dump's table gives (rows holding an annual value).
std::vector<std::string> areas_of(const std::string& dump) {
  auto reader = make_layout_text_reader(DecodedText{dump, "UTF-8"}, "", "dump.txt");
  std::vector<std::string> out;
  while (auto row = reader->next()) {
    bool activity = false;
    std::string area;
    for (const Cell& c : row->cells) {
      if (c.column == 1) area = c.text;
      activity =
          activity || (c.column == 3 && !c.text.empty() && c.text[0] >= '0' && c.text[0] <= '9');
    }
    if (activity) out.push_back(area);
  }
  return out;
}

TEST(CharGridRowsTest, AreToldApartWithoutBlankLines) {
  const std::string header =
      "  ACTIVIDAD              ÁREA                UNIDAD      ANUAL   ENE  FEB  MAR  ABR  MAY  "
      "JUN\n";
  struct Case {
    const char* name;
    std::string body;
    std::vector<std::string> areas;
  };
  const std::vector<Case> cases = {
      {"a line after `de` continues the cell above",
       "Levantamiento de datos   Departamento de     Cuenta          3     -    1    -    1    -   "
       " 1\n"
       "                         Catastro\n"
       "Digitalización           Departamento de     Expediente      4     1    -    -    1    -   "
       " 1\n"
       "                         Catastro\n"
       "Entrega de reporte       Tesorería           Informe         2     -    -    1    -    -   "
       " 1\n",
       {"Departamento de Catastro", "Departamento de Catastro", "Tesorería"}},
      {"a line starting in lower case continues the cell above",
       "Gestión de brigadas      Dirección de Salud  Convenio        2     1    1    -    -    -   "
       " -\n"
       "con el sector salud      Municipal\n"
       "Jornadas de consulta     Dirección de Salud  Jornada         4     -    2    2    -    -   "
       " -\n"
       "en colonias populares    Municipal\n",
       {"Dirección de Salud Municipal", "Dirección de Salud Municipal"}},
      {"rows aligned to the top: a line between two rows goes with the upper one",
       "Levantamiento de datos   Departamento de     Cuenta          3     -    1    -    1    -   "
       " 1\n"
       "en campo                 Alumbrado\n"
       "                         Público\n"
       "Digitalización           Departamento de     Expediente      4     1    -    -    1    -   "
       " 1\n"
       "                         Alumbrado\n"
       "                         Público\n",
       {"Departamento de Alumbrado Público", "Departamento de Alumbrado Público"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(areas_of(header + c.body), c.areas) << c.name;
  }
}

// The column labels that header pieces give, as `label | label | …` (each label's pieces line
// by line).
std::string labels_of(std::vector<detail::HeaderPiece> pieces, bool char_grid,
                      const std::vector<Ruling>& vertical = {}) {
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const auto& a, const auto& b) { return a.box.x0 < b.box.x0; });
  LayoutConfig config;
  config.char_grid = char_grid;
  std::vector<std::size_t> group;
  detail::label_groups(pieces, vertical, config, group);
  std::vector<std::vector<const detail::HeaderPiece*>> labels;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (group[i] >= labels.size()) labels.resize(group[i] + 1);
    labels[group[i]].push_back(&pieces[i]);
  }
  std::string out;
  for (auto& members : labels) {
    std::stable_sort(members.begin(), members.end(),
                     [](const auto* a, const auto* b) { return a->line < b->line; });
    if (!out.empty()) out += " | ";
    for (std::size_t k = 0; k < members.size(); ++k) {
      out += (k > 0 ? " " : "") + std::string(members[k]->text);
    }
  }
  return out;
}

// The column labels a table header's dump lines give.
std::string labels_of(const std::vector<std::string>& header) {
  const CharGrid grid;
  PageWords page;
  std::vector<int> row_of_word;
  for (std::size_t row = 0; row < header.size(); ++row) {
    add_dump_line(header[row], static_cast<double>(row), grid, page);
    row_of_word.resize(page.words.size(), static_cast<int>(row));
  }
  // Pieces view the words' text: made once every word is in place (adding a word may move the
  // others, and a short string moves with its object).
  std::vector<detail::HeaderPiece> pieces;
  for (std::size_t i = 0; i < page.words.size(); ++i) {
    pieces.push_back(
        detail::HeaderPiece{page.words[i].box, page.words[i].text, row_of_word[i], grid.font_size});
  }
  return labels_of(pieces, true);
}

// PDF header pieces: the words of two round-trip seeds' narrow tables (x0, x1 in pt; line).
TEST(LabelGroupsTest, PdfHeaderLabels) {
  struct Piece {
    const char* text;
    double x0, x1;
    int line;
  };
  struct Case {
    const char* name;
    double size;
    std::vector<Piece> pieces;
    std::string labels;
    std::vector<Ruling> vertical = {};  // drawn borders (pieces of line k lie at y 10k)
  };
  const std::vector<Case> cases = {
      {"labels of two lines 4.5 pt apart are two (seed 1685)",
       9.5,
       {{"UNIDAD", 174.95, 212.94, 0},
        {"DE", 215.31, 228.50, 0},
        {"MEDIDA", 181.95, 221.50, 1},
        {"INVERSIÓN", 235.38, 289.20, 0},
        {"APROX.", 233.02, 269.14, 1},
        {"POR", 271.52, 291.55, 1}},
       "UNIDAD DE MEDIDA | INVERSIÓN APROX. POR"},
      {"a word space between two wrapped labels is a border (seed 896)",
       9.0,
       {{"UNIDAD", 201.74, 237.23, 1},
        {"DE", 239.48, 251.46, 1},
        {"MEDIDA", 208.61, 244.59, 2},
        {"INVERSION", 257.89, 306.36, 0},
        {"APROX.", 255.88, 288.62, 1},
        {"POR", 290.87, 308.37, 1},
        {"ACTIVIDAD", 257.14, 307.11, 2}},
       "UNIDAD DE MEDIDA | INVERSION APROX. POR ACTIVIDAD"},
      {"a label's words a word space apart are one label",
       9.0,
       {{"PROGRAMACIÓN", 371.65, 444.62, 0}, {"ANUAL", 392.41, 423.89, 1}},
       "PROGRAMACIÓN ANUAL"},
      {"labels filling their cells a word space apart on one line, a border drawn between "
       "them, are two (sweep seed 765)",
       7.3,
       {{"ÁREA", 236.61, 257.36, 0},
        {"RESPONSABLE", 259.38, 315.17, 0},
        {"UNIDAD", 317.20, 345.65, 0},
        {"DE", 347.67, 357.82, 0},
        {"MEDIDA", 359.85, 388.70, 0}},
       "ÁREA RESPONSABLE | UNIDAD DE MEDIDA",
       {{235.74, -1, 30}, {316.19, -1, 30}, {389.89, -1, 30}}},
      {"a label written across borders drawn through its line is one label",
       7.3,
       {{"PROGRAMACIÓN", 600.0, 651.0, 0}, {"MENSUAL", 653.0, 684.0, 0}},
       "PROGRAMACIÓN MENSUAL",
       {{593.99, -1, 30}, {625.45, -1, 30}, {652.0, -1, 30}, {688.80, -1, 30}}},
  };
  for (const Case& c : cases) {
    std::vector<detail::HeaderPiece> pieces;
    for (const Piece& p : c.pieces) {
      const double y = 10.0 * p.line;
      pieces.push_back(detail::HeaderPiece{Box{p.x0, y, p.x1, y + c.size}, p.text, p.line, c.size});
    }
    EXPECT_EQ(labels_of(pieces, false, c.vertical), c.labels) << c.name;
  }
}

TEST(CharGridLabelsTest, TableHeaderLabelsOnTheGrid) {
  struct Case {
    const char* name;
    std::vector<std::string> header;
    std::string labels;
  };
  const std::vector<Case> cases = {
      {"a label's lines share columns",
       {"ACTIVIDAD    UNIDAD DE", "               MEDIDA"},
       "ACTIVIDAD | UNIDAD DE MEDIDA"},
      {"labels of two lines one blank column apart are two labels",
       {"      ÁREA       INVERSIÓN APROX. POR", "ACTIVIDAD                             INDICADOR",
        "     RESPONSABLE  ACTIVIDAD"},
       "ÁREA ACTIVIDAD RESPONSABLE | INVERSIÓN APROX. POR ACTIVIDAD | INDICADOR"},
      {"one space between two labels, each over a line of its own",
       {"   ÁREA    UNIDAD DE INVERSIÓN", "RESPONSABLE  MEDIDA   APROX. POR",
        "                      ACTIVIDAD"},
       "ÁREA RESPONSABLE | UNIDAD DE MEDIDA | INVERSIÓN APROX. POR ACTIVIDAD"},
      {"... but one label when a line under it crosses the space",
       {"UNIDAD DE MEDIDA", "   DE LA META"},
       "UNIDAD DE MEDIDA DE LA META"},
      {"... or when only one side has a line under it",
       {"INVERSIÓN APROX. POR", "ACTIVIDAD"},
       "INVERSIÓN APROX. POR ACTIVIDAD"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(labels_of(c.header), c.labels) << c.name;
  }
}

}  // namespace
}  // namespace poa::extractor::layout
