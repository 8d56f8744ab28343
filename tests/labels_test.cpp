// Label vocabularies: header labels, column labels and month names, and what must not match.
#include "extractor/labels.hpp"

#include <gtest/gtest.h>

namespace poa::extractor {
namespace {

struct HeaderCase {
  const char* text;
  std::optional<HeaderField> field;
  const char* value;
};

TEST(LabelsTest, HeaderLabels) {
  const HeaderCase cases[] = {
      {"SECRETARÍA", HeaderField::kSecretaria, ""},
      {"Secretaría:", HeaderField::kSecretaria, ""},
      {"NUMERO DE ACCION", HeaderField::kNumero, ""},
      {"Número de\nAcción", HeaderField::kNumero, ""},
      {"PARTIDA PRESUPUESTAL 2151, 2211", HeaderField::kPartidas, "2151, 2211"},
      {"META: Llevar a cabo 11 capacitaciones", HeaderField::kMeta,
       "Llevar a cabo 11 capacitaciones"},
      {"BENEFICIARIO S", HeaderField::kBeneficiarios, ""},  // broken mid-word by a narrow cell
      {"PARTIDA PRESUPUESTA L", HeaderField::kPartidas, ""},
      {"No. DE ACCIÓN:", HeaderField::kNumero, ""},
      {"EJE RECTOR", HeaderField::kPrincipioRector, ""},
      {"OBJETIVO", HeaderField::kProposito, ""},
      {"PARTIDA(S)", HeaderField::kPartidas, ""},
      {"MONTO: $5,000.00", HeaderField::kInversion, "$5,000.00"},
      // Values that start like labels are not labels.
      {"Objetivos cumplidos al 100%", std::nullopt, ""},
      {"Monto ejercido en 2021", std::nullopt, ""},
      {"Meta anual de 5 reuniones", std::nullopt, ""},
      {"Estrategias de difusión", std::nullopt, ""},
      {"Inversión pública", std::nullopt, ""},
      {"Beneficiar a 300 familias", std::nullopt, ""},
      {"$10,000.00", std::nullopt, ""},
  };
  for (const HeaderCase& c : cases) {
    const std::optional<LabelMatch> m = classify_cell(c.text).header;
    ASSERT_EQ(m.has_value(), c.field.has_value()) << c.text;
    if (!m) continue;
    EXPECT_EQ(m->field, *c.field) << c.text;
    EXPECT_EQ(m->value, c.value) << c.text;
  }
}

struct ColumnCase {
  const char* text;
  std::optional<ColumnRole> role;
};

TEST(LabelsTest, ColumnLabelsAndMonths) {
  const ColumnCase cases[] = {
      {"ACTIVIDAD", ColumnRole::kActividad},
      {"ÁREA RESPONSABLE", ColumnRole::kArea},
      {"INVERSIÓN APROX. POR ACTIVIDAD", ColumnRole::kInversion},
      {"APROX. POR ACTIVIDAD", ColumnRole::kInversion},
      {"PROGRAMACIÓN ANUAL", ColumnRole::kAnual},
      {"PROGRAMAC IÓN ANUAL", ColumnRole::kAnual},  // broken mid-word by a narrow column
      {"PROGRAM ACIÓN MENSUAL", ColumnRole::kMensual},
      {"ENE", month_role(0)},
      {"Enero", month_role(0)},
      {"SEPT", month_role(8)},
      {"setiembre", month_role(8)},
      {"DICIEMBRE", month_role(11)},
      {"ACCIONES", ColumnRole::kActividad},
      {"UNIDAD RESPONSABLE", ColumnRole::kArea},
      {"U. DE MEDIDA", ColumnRole::kUnidad},
      {"COSTO", ColumnRole::kInversion},
      {"TOTAL ANUAL", ColumnRole::kAnual},
      {"ENE.", month_role(0)},
      {"Programación de eventos culturales", std::nullopt},
      {"Enero a marzo", std::nullopt},
      {"Actividades deportivas en colonias", std::nullopt},
  };
  for (const ColumnCase& c : cases) {
    EXPECT_EQ(classify_cell(c.text).column, c.role) << c.text;
  }
}

// On a page read by OCR a label may come with a letter or two misread; a born-digital label is
// spelt right, so the same text there is no label.
struct MisreadCase {
  const char* text;
  std::optional<HeaderField> field;
  std::optional<ColumnRole> role;
};

TEST(LabelsTest, MisreadLabelsMatchOnlyOnOcrPages) {
  const MisreadCase cases[] = {
      {"PROrUSITO", HeaderField::kProposito, std::nullopt},  // fax at 200 ppp
      {"INVERAON APROXIMADA", HeaderField::kInversion, std::nullopt},
      {"SECRETAKIA", HeaderField::kSecretaria, std::nullopt},
      {"PRINCIPIO RECT0R", HeaderField::kPrincipioRector, std::nullopt},
      {"UNIDAD DE MEDINA", std::nullopt, ColumnRole::kUnidad},
      {"FRUGKAMACIÓN ANUAL", std::nullopt, ColumnRole::kAnual},
      {"INDICADUR", std::nullopt, ColumnRole::kIndicador},
      {"Jullo", std::nullopt, month_role(6)},
      {"NOVIEMERE", std::nullopt, month_role(10)},
      // Too far from any label, too short to tell, or as near to two months.
      {"JESMNETARA", std::nullopt, std::nullopt},
      {"MEIA", std::nullopt, std::nullopt},
      {"Juiio", std::nullopt, std::nullopt},
      {"ONIMADE", std::nullopt, std::nullopt},
      // Values stay values.
      {"Tesoreria Municipal", std::nullopt, std::nullopt},
      {"Jornadas realizadas", std::nullopt, std::nullopt},
      {"Planta", std::nullopt, std::nullopt},
      {"Informe", std::nullopt, std::nullopt},
      {"Finanzas Sanas", std::nullopt, std::nullopt},
  };
  for (const MisreadCase& c : cases) {
    const CellClass ocr = classify_cell(c.text, {.ocr = true});
    EXPECT_EQ(ocr.header ? std::optional(ocr.header->field) : std::nullopt, c.field) << c.text;
    EXPECT_EQ(ocr.column, c.role) << c.text;
    const CellClass born = classify_cell(c.text);
    EXPECT_FALSE(born.header) << c.text;
    EXPECT_FALSE(born.column) << c.text;
  }
}

TEST(LabelsTest, MonthInitials) {
  auto row_of = [](const std::vector<std::string>& texts) {
    CellRow row;
    int column = 6;
    for (const std::string& t : texts) row.cells.push_back(Cell{t, column++, 1, {}});
    return row;
  };
  const CellRow months = row_of({"E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"});
  const std::vector<const Cell*> found = month_initials(months);
  ASSERT_EQ(found.size(), 12u);
  EXPECT_EQ(found[0]->column, 6);
  EXPECT_EQ(found[11]->column, 17);
  EXPECT_TRUE(month_initials(row_of({"E", "F", "M", "A", "M", "J"})).empty());
  EXPECT_TRUE(
      month_initials(row_of({"E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "D", "N"})).empty());
}

// The whole-text parts are looked for only when asked.
TEST(LabelsTest, PageFurnitureAndTitles) {
  const CellLook whole{.header = false, .column = false, .title = true, .page_number = true};
  struct Case {
    const char* text;
    bool title, page_number;
  };
  const Case cases[] = {
      {"Página 3 de 10", false, true},
      {"Pág. 3", false, true},
      {"HOJA 2 DE 5", false, true},
      {"3", false, false},  // a bare number may be a value
      {"Página web del municipio", false, false},
      {"PROGRAMA OPERATIVO ANUAL 2022", true, false},
      {"POA 2023", true, false},
      {"Programa de obra anual", false, false},
      // A sentence that names the plan is no title (the layout and the recogniser agree).
      {"Las actividades de esta acción forman parte del Programa Operativo Anual 2023, conforme "
       "a lo que establece la ley municipal",
       false, false},
  };
  for (const Case& c : cases) {
    const CellClass cls = classify_cell(c.text, whole);
    EXPECT_EQ(cls.title, c.title) << c.text;
    EXPECT_EQ(cls.page_number, c.page_number) << c.text;
    EXPECT_FALSE(classify_cell(c.text).title) << c.text;
    EXPECT_FALSE(classify_cell(c.text).page_number) << c.text;
  }
  // One call gives every part: `INVERSIÓN` is a header label and a column label.
  const CellClass both = classify_cell("INVERSIÓN");
  EXPECT_EQ(both.header->field, HeaderField::kInversion);
  EXPECT_EQ(both.column, ColumnRole::kInversion);
  EXPECT_FALSE(classify_cell("INVERSIÓN", {.column = false}).column);
}

// Six distinct months head the table's months, however often each is named.
TEST(LabelsTest, MonthHeader) {
  struct Case {
    std::uint16_t months;
    bool header;
  };
  const Case cases[] = {
      {0xFFF, true},                    // the whole year
      {0x03F, true},                    // ENE…JUN, a semester
      {0xFC0, true},                    // JUL…DIC
      {0x01F, false},                   // five months
      {0x0A5, false},                   // four scattered months
      {0x000, false},  {0xF03F, true},  // bits past DIC are no months
      {0xF01F, false},
  };
  for (const Case& c : cases) EXPECT_EQ(is_month_header(c.months), c.header) << c.months;
}

TEST(LabelsTest, BarePageNumbers) {
  struct Case {
    const char* text;
    bool page_number;
  };
  const Case cases[] = {
      {"3", true},      {"3/10", true},      {"- 3 -", true},    {"3 de 10", true},
      {"3 | 10", true}, {"Página 3", false}, {"1 2 3", false},   {"123456789", false},
      {"", false},      {"$3", false},       {"12345678", true},
  };
  for (const Case& c : cases) EXPECT_EQ(is_bare_page_number(c.text, 8, 2), c.page_number) << c.text;
}

TEST(LabelsTest, MonthInitialsAmongTexts) {
  struct Case {
    std::vector<std::string_view> texts;
    std::optional<std::size_t> at;
  };
  const Case cases[] = {
      {{"E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"}, 0},
      {{"PROGRAMACIÓN", "E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"}, 1},
      {{"E", "E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"}, 1},
      {{"e", "f", "m", "a", "m", "j", "j", "a", "s", "o", "n", "d"}, 0},
      {{"E.", "F.", "M.", "A.", "M.", "J.", "J.", "A.", "S.", "O.", "N.", "D."}, 0},
      {{"E", "F", "M", "A", "M", "J", "J", "A", "S", "O", "D", "N"}, std::nullopt},
      {{"ENE", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"}, std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(month_initials_at(c.texts), c.at);
}

TEST(LabelsTest, MunicipioOfALetterheadOrTitle) {
  struct Case {
    const char* line;
    bool in_title;
    std::optional<std::string> municipio;
  };
  const Case cases[] = {
      {"H. AYUNTAMIENTO DE SANTA MARÍA DEL ORO", false, "SANTA MARÍA DEL ORO"},
      {"Honorable Ayuntamiento Constitucional de Oaxaca de Juárez", false, "Oaxaca de Juárez"},
      {"H. Ayuntamiento del Municipio de Guadalupe, Zacatecas", false, "Guadalupe"},
      {"MUNICIPIO LIBRE DE TLAQUEPAQUE | 2022", false, "TLAQUEPAQUE"},
      {"MUNICIPIO DE ZACATECAS 2021 - 2024", false, "ZACATECAS"},
      {"Gobierno Municipal de León - Dirección de Planeación", false, "León"},
      {"PRESIDENCIA MUNICIPAL DE JEREZ (ADMINISTRACIÓN 2021-2024)", false, "JEREZ"},
      {"POA 2022 H. AYUNTAMIENTO DE FRESNILLO", true, "FRESNILLO"},
      // Not at the start of a line that is no title: a sentence, not a letterhead.
      {"POA 2022 H. AYUNTAMIENTO DE FRESNILLO", false, std::nullopt},
      {"Fortalecer el sistema anticorrupción del municipio de Zacatecas", false, std::nullopt},
      {"Municipio de 2022", false, std::nullopt},
      {"MUNICIPIO", false, std::nullopt},
      {"Ayuntamientos de la región", false, std::nullopt},
      {"Municipio de uno dos tres cuatro cinco seis siete ocho nueve", false, std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(municipio_of(c.line, c.in_title), c.municipio) << c.line;
}

}  // namespace
}  // namespace poa::extractor
