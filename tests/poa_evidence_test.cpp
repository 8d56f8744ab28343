// The POA evidence on its own: which actions count, which documents are refused and why.
#include "extractor/poa_evidence.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace poa::extractor {
namespace {

// A row from `a|b|c` (cells in columns 0, 1, 2); "# text" is a title, "" a page break.
CellRow row_of(const std::string& spec) {
  CellRow row;
  if (spec.empty()) {
    row.kind = RowKind::kPageBreak;
    return row;
  }
  if (spec.starts_with("# ")) {
    row.kind = RowKind::kTitle;
    row.cells.push_back(Cell{spec.substr(2), 0, 1, {}});
    return row;
  }
  std::stringstream ss(spec);
  int column = 0;
  for (std::string item; std::getline(ss, item, '|'); ++column) {
    if (!item.empty()) row.cells.push_back(Cell{item, column, 1, {}});
  }
  return row;
}

// The recogniser tells the evidence which rows are titles; here, the ones marked `# `.
void observe(PoaEvidence& evidence, const CellRow& row) {
  evidence.observe_row(row, row.kind == RowKind::kTitle);
}

TEST(MonthsNamedTest, WholeYearHalvesAndInitials) {
  struct Case {
    const char* row;
    std::uint16_t mask;
  };
  const Case cases[] = {
      {"ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC", kWholeYear},
      {"ACTIVIDAD|INDICADOR|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|"
       "Noviembre|Diciembre",
       kWholeYear},
      {"E|F|M|A|M|J|J|A|S|O|N|D", kWholeYear},
      {"Planeado|Real|Var|Ene|Feb|Mar|Abr|May|Jun", 0x03F},
      {"Resultado|Var|Jul|Ago|Sep|Oct|Nov|Dic", 0xFC0},
      {"Firma de contrato|Planeación|1", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(months_named(row_of(c.row)), c.mask) << c.row;
  }
}

// A row read by OCR (its cells carry a confidence) whose `spec` is as row_of's.
CellRow ocr_row_of(const std::string& spec, int first_column) {
  CellRow row = row_of(spec);
  for (Cell& c : row.cells) {
    c.column += first_column;
    c.confidence = 0.9;
  }
  return row;
}

// One month name misread beyond recognition among eleven in consecutive columns of an OCR'd row:
// its place names it. Rows not read by OCR, or whose columns skip, name only what they say.
TEST(MonthsNamedTest, OneMonthMisreadByOcrIsPlacedByItsNeighbours) {
  struct Case {
    const char* row;
    bool ocr;
    std::uint16_t mask;
    std::optional<MisreadMonth> misread;
  };
  const Case cases[] = {
      {"ENERO|FEBRERO|MARZO|ABRIL|MAYO|JUNIO|JULIO|AGOSTO|SEPTIEMBRE|OCTUBRE|NOVIEMBRE|ONIMADE",
       true, kWholeYear, MisreadMonth{11, 17}},
      {"ENERO|FEBRERO|MARZO|ABRIL|MAYO|JUNIO|JULIO|AGOSTO|SEPTIEMBRE|OCTUBRE|NOVIEMBRE", true,
       kWholeYear, MisreadMonth{11, 17}},
      {"ENE|FEB|x|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC", true, kWholeYear, MisreadMonth{2, 8}},
      {"|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC", true, kWholeYear, MisreadMonth{0, 6}},
      {"ENERO|FEBRERO|MARZO|ABRIL|MAYO|JUNIO|JULIO|AGOSTO|SEPTIEMBRE|OCTUBRE|NOVIEMBRE|ONIMADE",
       false, 0x7FF, std::nullopt},
      {"ENE|FEB|MAR||MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC", true, kWholeYear, MisreadMonth{3, 9}},
      {"ENE|FEB||MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV", true, 0x7FF, std::nullopt},  // a skip
      {"ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT", true, 0x3FF, std::nullopt},
  };
  for (const Case& c : cases) {
    const CellRow row = c.ocr ? ocr_row_of(c.row, 6) : row_of(c.row);
    EXPECT_EQ(months_named(row), c.mask) << c.row;
    const std::optional<MisreadMonth> m = misread_month(row);
    ASSERT_EQ(m.has_value(), c.misread.has_value()) << c.row;
    if (!m) continue;
    EXPECT_EQ(m->month, c.misread->month) << c.row;
    EXPECT_EQ(m->column, c.misread->column) << c.row;
  }
}

const ActionEvidence kPoaAction{11, 11, true, true, 4, 4};
const ActionEvidence kNoTable{11, 11, false, false, 0, 0};
const ActionEvidence kTwoLabels{2, 2, true, true, 3, 3};
const ActionEvidence kSemesterTable{6, 5, true, false, 12, 0};
const ActionEvidence kBlank{11, 0, true, true, 0, 0};

struct ActionsCase {
  const char* name;
  std::vector<ActionEvidence> actions;
  const char* reason;  // nullptr: accepted; else a part of the reason
};

class ActionsTest : public testing::TestWithParam<ActionsCase> {};

TEST_P(ActionsTest, JudgedPerAction) {
  const ActionsCase& c = GetParam();
  PoaEvidence evidence(SourceType::kPdf);
  observe(evidence, row_of("SECRETARÍA|NOMBRE DE LA ACCIÓN"));
  for (const ActionEvidence& a : c.actions) evidence.observe_action(a);
  const std::optional<std::string> reason = evidence.refusal();
  if (c.reason == nullptr) {
    EXPECT_FALSE(reason.has_value()) << *reason;
  } else {
    ASSERT_TRUE(reason.has_value());
    EXPECT_NE(reason->find(c.reason), std::string::npos) << *reason;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Evidence, ActionsTest,
    testing::Values(
        ActionsCase{"one_poa_action", {kPoaAction}, nullptr},
        ActionsCase{"half_without_table", {kNoTable, kPoaAction}, nullptr},
        ActionsCase{"most_without_table", {kNoTable, kPoaAction, kNoTable}, "solo 1 de 3 acciones"},
        ActionsCase{"too_few_labels", {kTwoLabels, kTwoLabels}, "ninguna acción tiene a la vez"},
        ActionsCase{
            "semester_table", {kSemesterTable}, "no hay tabla de actividades con los meses"},
        ActionsCase{"blank_template", {kBlank, kBlank, kPoaAction}, "2 de 3 acciones están vacías"},
        ActionsCase{"half_blank", {kBlank, kPoaAction}, nullptr},
        ActionsCase{"nothing", {}, "ningún bloque de encabezado de acción"}),
    [](const testing::TestParamInfo<ActionsCase>& info) { return std::string(info.param.name); });

struct KindCase {
  const char* name;
  SourceType type;
  std::vector<std::string> rows;
  const char* reason;
};

class KindTest : public testing::TestWithParam<KindCase> {};

TEST_P(KindTest, SaysWhatTheDocumentIs) {
  const KindCase& c = GetParam();
  PoaEvidence evidence(c.type);
  for (const std::string& r : c.rows) observe(evidence, row_of(r));
  const std::optional<std::string> reason = evidence.refusal();
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find(c.reason), std::string::npos) << *reason;
}

const std::vector<std::string> kMirSheet = {
    "Nivel de Indicador|Componente", "Resumen narrativo|ALUMNOS CAPACITADOS",
    "Dimensión del indicador|Eficacia|Frecuencia|Mensual",
    "2021|Planeado|Real|Ene|Feb|Mar|Abr|May|Jun", "Resultado|95|Var|Jul|Ago|Sep|Oct|Nov|Dic"};

INSTANTIATE_TEST_SUITE_P(
    Documents, KindTest,
    testing::Values(
        KindCase{"cpp",
                 SourceType::kText,
                 {"#include <vector>", "int main() {", "std::vector<int> meses(12);", "return 0;",
                  "}", "Programa operativo"},
                 "es código fuente"},
        KindCase{"python",
                 SourceType::kText,
                 {"import csv", "def total(row):", "return sum(row)", "MESES = [\"ENE\", \"FEB\"]",
                  "if __name__ == \"__main__\":", "main()"},
                 "es código fuente"},
        KindCase{"shell",
                 SourceType::kText,
                 {"#!/bin/sh", "set -eu", "cd \"$(dirname \"$0\")\"", "if [ -x build/poa ]; then",
                  "echo listo", "fi"},
                 "es código fuente"},
        KindCase{"json_output",
                 SourceType::kText,
                 {"{", "\"schema_version\": 1,", "\"ejercicio\": 2022,", "\"acciones\": [", "{",
                  "\"numero\": 4,", "}", "]", "}"},
                 "parece un archivo JSON"},
        KindCase{"markdown",
                 SourceType::kText,
                 {"# Installing", "Turns POAs into data.", "# Using it", "- `INPUT` may be files",
                  "- `--format json,csv`", "```sh", "make demo", "```"},
                 "README o documento markdown"},
        KindCase{"csv_of_numbers",
                 SourceType::kText,
                 {"1,2,3,4,5", "6,7,8,9,10", "11,12,13,14,15"},
                 "parece un CSV"},
        KindCase{"only_a_title",
                 SourceType::kText,
                 {"# PROGRAMA OPERATIVO ANUAL 2024"},
                 "solo hay un título («PROGRAMA OPERATIVO ANUAL 2024»)"},
        KindCase{"columns_aligned_with_spaces",
                 SourceType::kText,
                 {"SECRETARÍA      NOMBRE DE LA ACCIÓN", "Obras      Bacheo",
                  "ACTIVIDAD    ÁREA    PROGRAMACIÓN MENSUAL",
                  "ENE  FEB  MAR  ABR  MAY  JUN  JUL  AGO  SEP  OCT  NOV  DIC",
                  "Bacheo    Obras    1  -  -  -  -  -  -  -  -  -  -  -"},
                 "parece texto alineado con espacios"},
        KindCase{"mir_sheet", SourceType::kPdf, kMirSheet,
                 "parece un reporte de indicadores (MIR)"},
        KindCase{"sipot_sheet",
                 SourceType::kPdf,
                 {"TÍTULO|NOMBRE CORTO|DESCRIPCIÓN", "Tabla Campos",
                  "Ejercicio|Fecha de inicio del periodo que se informa|Método de cálculo"},
                 "parece un formato SIPOT ya llenado"},
        // Code-like lines in a PDF are not source code: a PDF is judged by its structure.
        KindCase{"pdf_with_braces",
                 SourceType::kPdf,
                 {"a {", "b;", "c;", "d;", "}", "e;"},
                 "ningún bloque de encabezado"}),
    [](const testing::TestParamInfo<KindCase>& info) { return std::string(info.param.name); });

TEST(PoaEvidenceTest, IndicatorSheetsPageAfterPageStopTheReading) {
  PoaEvidence evidence(SourceType::kPdf);
  int sheets = 0;
  for (; sheets < 10 && !evidence.early_refusal(); ++sheets) {
    for (const std::string& r : kMirSheet) observe(evidence, row_of(r));
    observe(evidence, row_of(""));
  }
  EXPECT_EQ(sheets, EvidenceConfig{}.mir_sheets_to_stop);
  EXPECT_NE(evidence.early_refusal()->find("MIR"), std::string::npos);
}

TEST(PoaEvidenceTest, APoaWithIndicatorPagesIsNotStopped) {
  // A POA that prints its indicator sheets first: its ENE…DIC header stops the early refusal.
  PoaEvidence evidence(SourceType::kPdf);
  observe(evidence, row_of("ACTIVIDAD|INDICADOR|ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC"));
  for (int page = 0; page < 10; ++page) {
    for (const std::string& r : kMirSheet) observe(evidence, row_of(r));
    observe(evidence, row_of(""));
  }
  EXPECT_FALSE(evidence.early_refusal().has_value());
  evidence.observe_action(kPoaAction);
  EXPECT_FALSE(evidence.refusal().has_value());
}

}  // namespace
}  // namespace poa::extractor
