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
    const std::optional<LabelMatch> m = match_header_label(c.text);
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
    EXPECT_EQ(match_column_label(c.text), c.role) << c.text;
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

TEST(LabelsTest, PageFurnitureAndTitles) {
  EXPECT_TRUE(is_page_number("Página 3 de 10"));
  EXPECT_TRUE(is_page_number("Pág. 3"));
  EXPECT_TRUE(is_page_number("HOJA 2 DE 5"));
  EXPECT_FALSE(is_page_number("3"));  // a bare number may be a value
  EXPECT_FALSE(is_page_number("Página web del municipio"));
  EXPECT_TRUE(is_poa_title("PROGRAMA OPERATIVO ANUAL 2022"));
  EXPECT_TRUE(is_poa_title("POA 2023"));
  EXPECT_FALSE(is_poa_title("Programa de obra anual"));
}

}  // namespace
}  // namespace poa::extractor
