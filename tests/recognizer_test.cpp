// The recogniser on hand-built cell rows: header blocks, missing labels, tables, page breaks.
#include "extractor/recognizer.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace poa::extractor {
namespace {

// A reader over rows written as `col:text|col:text`; "#title" is a title, "" a page break.
class VectorReader : public RowReader {
 public:
  explicit VectorReader(const std::vector<std::string>& lines, bool physical_pages = false) {
    info_.path = "t.txt";
    int line = 0;
    int page = 1;
    for (const std::string& spec : lines) {
      ++line;
      CellRow row;
      row.line = line;
      row.page_is_physical = physical_pages;
      if (spec.empty()) {
        row.kind = RowKind::kPageBreak;
        ++page;
      } else if (spec[0] == '+') {  // the rest of the row above, cut by a page break
        row.layout = RowLayout{.open_at_top = true};
        add_cells(row, spec.substr(1), std::nullopt);
      } else if (spec[0] == '~') {  // a row of a page read by OCR: its cells have a confidence
        add_cells(row, spec.substr(1), 0.95);
      } else if (spec[0] == '#') {
        row.kind = RowKind::kTitle;
        row.cells.push_back(Cell{spec.substr(1), 0, 1, {}});
      } else {
        add_cells(row, spec, std::nullopt);
      }
      row.page = page;
      rows_.push_back(row);
    }
  }
  // `col:text` or `col:text@x0,y0,x1,y1` (the cell's box, points).
  static void add_cells(CellRow& row, const std::string& spec, std::optional<double> confidence) {
    std::stringstream ss(spec);
    for (std::string item; std::getline(ss, item, '|');) {
      const auto colon = item.find(':');
      const auto at = item.find('@');
      std::optional<Box> box;
      if (at != std::string::npos) {
        Box b;
        char comma = 0;
        std::stringstream(item.substr(at + 1)) >> b.x0 >> comma >> b.y0 >> comma >> b.x1 >> comma >>
            b.y1;
        box = b;
      }
      row.cells.push_back(
          Cell{item.substr(colon + 1, at == std::string::npos ? at : at - colon - 1),
               std::stoi(item.substr(0, colon)), 1, box, confidence});
    }
  }

  std::optional<CellRow> next() override {
    if (pos_ == rows_.size()) return std::nullopt;
    return rows_[pos_++];
  }
  const SourceInfo& info() const override { return info_; }

 private:
  std::vector<CellRow> rows_;
  std::size_t pos_ = 0;
  SourceInfo info_;
};

RawDocument recognize_lines(const std::vector<std::string>& lines) {
  VectorReader reader(lines);
  return recognize(reader);
}

std::string field_text(const RawAction& a, HeaderField f) {
  return a.field(f) ? a.field(f)->text : "<none>";
}

const std::vector<std::string> kTableHeader = {
    "0:ACTIVIDAD|1:ÁREA RESPONSABLE|2:UNIDAD DE MEDIDA|3:INVERSIÓN APROX. POR ACTIVIDAD|"
    "4:INDICADOR|5:PROGRAMACIÓN ANUAL|6:PROGRAMACIÓN MENSUAL",
    "6:ENE|7:FEB|8:MAR|9:ABR|10:MAY|11:JUN|12:JUL|13:AGO|14:SEP|15:OCT|16:NOV|17:DIC",
};

std::vector<std::string> with_table(std::vector<std::string> block,
                                    const std::vector<std::string>& rows) {
  block.insert(block.end(), kTableHeader.begin(), kTableHeader.end());
  block.insert(block.end(), rows.begin(), rows.end());
  return block;
}

const std::string kActivity =
    "0:Firma de contrato|1:Planeación|2:Contrato|3:$0.00|4:Contrato firmado|5:1|6:-|7:1|8:-";

struct FieldCase {
  const char* name;
  std::vector<std::string> block;
  std::vector<std::pair<HeaderField, std::string>> expected;
  std::vector<HeaderField> inferred;
  std::vector<HeaderField> doubted = {};  // fields whose place the recogniser doubts
};

class HeaderFieldTest : public testing::TestWithParam<FieldCase> {};

TEST_P(HeaderFieldTest, PlacesEveryValue) {
  const FieldCase& c = GetParam();
  const RawDocument doc = recognize_lines(with_table(c.block, {kActivity}));
  ASSERT_EQ(doc.actions.size(), 1u);
  const RawAction& a = doc.actions[0];
  for (const auto& [field, text] : c.expected) {
    EXPECT_EQ(field_text(a, field), text) << header_field_key(field);
  }
  for (int f = 0; f < kHeaderFieldCount; ++f) {
    const auto field = static_cast<HeaderField>(f);
    if (!a.field(field)) continue;
    const bool expect_inferred =
        std::find(c.inferred.begin(), c.inferred.end(), field) != c.inferred.end();
    EXPECT_EQ(a.field(field)->inferred, expect_inferred) << header_field_key(field);
    const bool expect_doubted =
        std::find(c.doubted.begin(), c.doubted.end(), field) != c.doubted.end();
    EXPECT_EQ(!a.field(field)->doubt.empty(), expect_doubted) << header_field_key(field);
  }
  EXPECT_TRUE(doc.unrecognized.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Blocks, HeaderFieldTest,
    testing::Values(
        FieldCase{"full_grid",
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:BENEFICIARIOS",
                   "0:Secretaría de Planeación|6:Acceso|8:M74,535 H 71,612",
                   "0:PRINCIPIO RECTOR|6:NÚMERO DE ACCIÓN|8:META", "0:Capital|6:4|8:Subir tablas",
                   "0:LINEA ESTRATEGICA|6:INVERSIÓN APROXIMADA", "0:3.5 Rendición|6:$10,000.00",
                   "0:ESTRATEGIA|6:PROPÓSITO|8:PARTIDA PRESUPUESTAL",
                   "0:3.5.1 Informar|6:Proveer|8:2111, 2611"},
                  {{HeaderField::kSecretaria, "Secretaría de Planeación"},
                   {HeaderField::kNumero, "4"},
                   {HeaderField::kBeneficiarios, "M74,535 H 71,612"},
                   {HeaderField::kInversion, "$10,000.00"},
                   {HeaderField::kPartidas, "2111, 2611"}},
                  {}},
        FieldCase{
            "missing_numero_and_inversion_labels",
            {"0:SECRETARÍA|5:NOMBRE DE LA ACCIÓN|7:BENEFICIARIOS",
             "0:Secretaría de Planeación|5:Programas|7:M74,535 H 71,612",
             "0:PRINCIPIO RECTOR|7:META", "0:Capital|5:5|7:Contar con 15", "0:LINEA ESTRATEGICA",
             "0:3.1 Planeación|5:$10,000.00", "0:ESTRATEGIA|5:PROPOSITO|7:Establecer",
             "0:3.1.1 Transitar", "5:PARTIDA PRESUPUESTAL|7:2111, 2213"},
            {{HeaderField::kNumero, "5"},
             {HeaderField::kMeta, "Contar con 15"},
             {HeaderField::kInversion, "$10,000.00"},
             {HeaderField::kProposito, "Establecer"},
             {HeaderField::kEstrategia, "3.1.1 Transitar"},
             {HeaderField::kPartidas, "2111, 2213"}},
            {HeaderField::kNumero, HeaderField::kInversion}},
        FieldCase{"missing_meta_label_free_text_by_position",
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N",
                   "0:PRINCIPIO RECTOR|6:NÚMERO DE ACCIÓN", "0:Capital|6:4|8:Subir 9 tablas"},
                  {{HeaderField::kNumero, "4"}, {HeaderField::kMeta, "Subir 9 tablas"}},
                  {HeaderField::kMeta}},
        FieldCase{"labels_one_column_right_of_their_values",
                  {"1:SECRETARÍA|7:NOMBRE DE LA ACCIÓN|9:BENEFICIARIOS", "0:S|6:N|8:M 1 H 2"},
                  {{HeaderField::kSecretaria, "S"},
                   {HeaderField::kNombre, "N"},
                   {HeaderField::kBeneficiarios, "M 1 H 2"}},
                  {}},
        FieldCase{"partidas_label_on_value_row",
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N", "0:ESTRATEGIA|6:PROPÓSITO",
                   "0:3.5.1 Informar|6:Proveer|8:PARTIDA PRESUPUESTAL", "8:2111, 2611"},
                  {{HeaderField::kEstrategia, "3.5.1 Informar"},
                   {HeaderField::kProposito, "Proveer"},
                   {HeaderField::kPartidas, "2111, 2611"}},
                  {}},
        FieldCase{"label_and_value_in_one_cell",
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N",
                   "0:ESTRATEGIA|6:PROPÓSITO|8:PARTIDA PRESUPUESTAL 2151, 2211",
                   "0:3.1.1 Transitar|6:Generar"},
                  {{HeaderField::kPartidas, "2151, 2211"}, {HeaderField::kProposito, "Generar"}},
                  {}},
        FieldCase{"label_cell_on_the_value_row",
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N", "0:ESTRATEGIA|6:PROPÓSITO",
                   "0:3.6.1 Fortalecer|6:Prevenir|8:PARTIDA PRESUPUESTAL 2111, 2441"},
                  {{HeaderField::kEstrategia, "3.6.1 Fortalecer"},
                   {HeaderField::kProposito, "Prevenir"},
                   {HeaderField::kPartidas, "2111, 2441"}},
                  {}},
        FieldCase{"labels_without_accents_lower_case",
                  {"0:secretaria|6:nombre de la accion", "0:S|6:N", "0:numero de accion:", "0:12"},
                  {{HeaderField::kNumero, "12"}, {HeaderField::kNombre, "N"}},
                  {}},
        FieldCase{"merged_value_centred_beside_the_next_label_row",
                  // META merged over three rows with no drawn borders: its text lands on the
                  // LÍNEA | INVERSIÓN label row, right of INVERSIÓN, whose value comes below.
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N",
                   "0:PRINCIPIO RECTOR|6:NÚMERO DE ACCIÓN|8:META", "0:Capital|6:21",
                   "0:LÍNEA ESTRATÉGICA|6:INVERSIÓN APROXIMADA|8:Realizar 24 jornadas",
                   "0:1.2 Salud|6:$60,500.00"},
                  {{HeaderField::kMeta, "Realizar 24 jornadas"},
                   {HeaderField::kInversion, "$60,500.00"},
                   {HeaderField::kLineaEstrategica, "1.2 Salud"}},
                  {}},
        FieldCase{"missing_meta_label_value_on_a_line_of_its_own",
                  // META's label cell left empty, its value vertically centred on a line of
                  // its own (sweep seed 2): not NÚMERO's (not a number), and its two lines
                  // stay one value.
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:BENEFICIARIOS", "0:S|6:N|8:M 1 H 2",
                   "0:PRINCIPIO RECTOR|6:NÚMERO DE ACCIÓN", "8:Llevar a cabo 16", "0:Capital|6:115",
                   "8:presentaciones."},
                  {{HeaderField::kNumero, "115"},
                   {HeaderField::kMeta, "Llevar a cabo 16 presentaciones."}},
                  {HeaderField::kMeta}},
        FieldCase{"missing_beneficiarios_label_in_a_label_value_form",
                  // One field a row, label | value; BENEFICIARIOS' label cell empty (sweep seed
                  // 7): its value is no line of NOMBRE's.
                  {"0:SECRETARÍA|1:S", "0:NOMBRE DE LA ACCIÓN|1:Jornadas de salud",
                   "1:M 6,215 H 5,830", "0:PRINCIPIO RECTOR|1:Capital"},
                  {{HeaderField::kNombre, "Jornadas de salud"},
                   {HeaderField::kBeneficiarios, "M 6,215 H 5,830"},
                   {HeaderField::kPrincipioRector, "Capital"}},
                  {HeaderField::kBeneficiarios}},
        FieldCase{"missing_meta_label_in_a_label_value_form",
                  // One field a row; META's label cell empty (sweep seed 8): the lone line after
                  // LÍNEA's value is the one free-text field without a label.
                  {"0:SECRETARÍA|1:S", "0:NOMBRE DE LA ACCIÓN|1:N", "0:PRINCIPIO RECTOR|1:Capital",
                   "0:LÍNEA ESTRATÉGICA|1:1.4 Grupos vulnerables", "1:Atender a 5,995 personas",
                   "0:PROPÓSITO|1:Mejorar"},
                  {{HeaderField::kLineaEstrategica, "1.4 Grupos vulnerables"},
                   {HeaderField::kMeta, "Atender a 5,995 personas"},
                   {HeaderField::kProposito, "Mejorar"}},
                  {HeaderField::kMeta}},
        FieldCase{"value_beside_its_label_wrapped_over_two_rows",
                  // The same form with every label: the lines after a value are that value.
                  {"0:SECRETARÍA|1:S", "0:META|1:Atender a 5,995", "1:personas mayores",
                   "0:PROPÓSITO|1:Mejorar", "1:su calidad de vida", "1:en el municipio"},
                  {{HeaderField::kMeta, "Atender a 5,995 personas mayores"},
                   {HeaderField::kProposito, "Mejorar su calidad de vida en el municipio"}},
                  {}},
        FieldCase{"merged_value_bottom_aligned_on_a_later_value_row",
                  // META merged over three rows, aligned to their bottom (sweep seed 41): its
                  // lines land on LÍNEA's value row and below, right of INVERSIÓN's value.
                  {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN", "0:S|6:N",
                   "0:PRINCIPIO RECTOR|6:NÚMERO DE ACCIÓN|8:META", "0:Capital|6:21",
                   "0:LÍNEA ESTRATÉGICA|6:INVERSIÓN APROXIMADA",
                   "0:1.2 Salud|6:$60,500.00|8:Realizar 24", "8:jornadas"},
                  {{HeaderField::kMeta, "Realizar 24 jornadas"},
                   {HeaderField::kInversion, "$60,500.00"},
                   {HeaderField::kLineaEstrategica, "1.2 Salud"}},
                  {}},
        FieldCase{
            "missing_label_value_left_of_a_label_on_its_row",
            // Label | value pairs, META's label cell empty (sweep seed 204): its value,
            // left of BENEFICIARIOS on that label's row, is not PROPÓSITO's (above, one
            // column right: one value is no sign of labels shifted off their values).
            {"0:NOMBRE DE LA ACCIÓN|1:N|2:SECRETARÍA|3:S",
             "0:PARTIDA PRESUPUESTAL|1:2211, 3361|2:INVERSIÓN APROXIMADA|3:60,000",
             "0:LÍNEA ESTRATÉGICA|1:1.4 Grupos|2:PRINCIPIO RECTOR|3:Zacatecas",
             "0:ESTRATEGIA|1:1.4.2 Acercar|2:PROPÓSITO|3:Mejorar",
             "1:Atender a 5,995|2:BENEFICIARIOS|3:M 3,120 H 2,875", "0:NÚMERO DE ACCIÓN|1:114"},
            {{HeaderField::kMeta, "Atender a 5,995"},
             {HeaderField::kProposito, "Mejorar"},
             {HeaderField::kBeneficiarios, "M 3,120 H 2,875"}},
            {HeaderField::kMeta}},
        FieldCase{"missing_label_in_a_grid_row_value_under_it",
                  // Grid, fields shuffled, META's label cell empty (sweep seeds 241, 143): its
                  // lines, centred on the value row, are no value of the labels in force (the
                  // nearest on the right, LÍNEA) nor of the one above the column (PARTIDA).
                  {"0:PARTIDA PRESUPUESTAL|1:SECRETARÍA|2:NÚMERO DE ACCIÓN", "0:2461, 2491|1:S|2:1",
                   "1:LÍNEA ESTRATÉGICA|2:BENEFICIARIOS", "0:Sustituir 1,800",
                   "0:secundarias|1:2.4 Servicios|2:M 40,118 H 37,540", "0:energía.",
                   "0:PRINCIPIO RECTOR|1:INVERSIÓN APROXIMADA|2:ESTRATEGIA",
                   "0:Zacatecas|1:$615,500.00|2:2.4.2 Modernizar",
                   "0:NOMBRE DE LA ACCIÓN|1:PROPÓSITO", "0:Modernización|1:Garantizar"},
                  {{HeaderField::kMeta, "Sustituir 1,800 secundarias energía."},
                   {HeaderField::kLineaEstrategica, "2.4 Servicios"},
                   {HeaderField::kPartidas, "2461, 2491"}},
                  {HeaderField::kMeta}},
        FieldCase{
            "missing_label_value_beside_the_next_label_row",
            // META's label cell empty, its value merged over rows and landing on the
            // LÍNEA | INVERSIÓN label row right of INVERSIÓN (sweep seed 99): INVERSIÓN takes
            // only an amount beside it, and the column held a label cell (BENEFICIARIOS).
            {"0:SECRETARÍA|1:NOMBRE DE LA ACCIÓN|2:BENEFICIARIOS", "0:S|1:N|2:M 6,215 H 5,830",
             "0:PRINCIPIO RECTOR|1:NÚMERO DE ACCIÓN", "0:Zacatecas|1:56",
             "0:LÍNEA ESTRATÉGICA|1:INVERSIÓN APROXIMADA|2:Realizar 24 jornadas",
             "0:1.2 Salud|1:$60,500.00", "0:ESTRATEGIA|1:PROPÓSITO|2:PARTIDA PRESUPUESTAL",
             "0:1.2.3 Acercar|1:Mejorar|2:2151, 3361"},
            {{HeaderField::kMeta, "Realizar 24 jornadas"},
             {HeaderField::kInversion, "$60,500.00"},
             {HeaderField::kBeneficiarios, "M 6,215 H 5,830"}},
            {HeaderField::kMeta}},
        FieldCase{"centred_label_in_a_column_of_its_own_left_of_its_value",
                  // META's label centred in its wide cell fell in a narrow column of its own,
                  // left of BENEFICIARIOS' (sweep seed 58): its value, in that column on the
                  // next label row, is under META's label, which awaits it.
                  {"0:SECRETARÍA@40,60,90,70|1:NOMBRE DE LA ACCIÓN@300,60,380,70|"
                   "3:BENEFICIARIOS@610,60,670,70",
                   "0:S@40,72,50,80|1:N@300,72,310,80|3:M 3,120 H 2,875@610,72,670,80",
                   "0:PRINCIPIO RECTOR@40,90,100,100|1:NÚMERO DE ACCIÓN@300,90,370,100|"
                   "2:META@630,90,650,100",
                   "0:Zacatecas@40,102,80,110|1:66@300,102,310,110",
                   "0:LÍNEA ESTRATÉGICA@40,120,100,130|1:INVERSIÓN APROXIMADA@300,120,390,130|"
                   "3:Atender a 5,995@510,120,780,130",
                   "0:1.4 Grupos@40,132,80,140|1:$18,750.00@300,132,340,140"},
                  {{HeaderField::kMeta, "Atender a 5,995"},
                   {HeaderField::kInversion, "$18,750.00"},
                   {HeaderField::kBeneficiarios, "M 3,120 H 2,875"}},
                  {}},
        FieldCase{"typed_values_beside_their_labels_as_the_normalizer_reads_them",
                  // A bare count beside BENEFICIARIOS (its total), `-` beside INVERSIÓN: theirs,
                  // though neither would be placed by type without a label (round-trip 1300).
                  {"0:SECRETARÍA|1:S|2:BENEFICIARIOS|3:910", "0:NOMBRE DE LA ACCIÓN|1:N",
                   "0:INVERSIÓN APROXIMADA|1:-"},
                  {{HeaderField::kBeneficiarios, "910"}, {HeaderField::kInversion, "-"}},
                  {}},
        FieldCase{
            "column_header_cut_from_its_months_by_a_page_break",
            // Label | value rows, META's label cell empty and its line right after
            // NOMBRE's (sweep seed 726); the column labels' lines at the page's foot, their
            // month row on the next page, came as rows of the block: they are the header
            // repeated after the break, and META's line is the block's one lone line.
            {"0:NOMBRE DE LA ACCIÓN|1:Festival cultural", "1:Llevar a cabo 16 presentaciones",
             "0:SECRETARÍA|1:S", "0:PRINCIPIO RECTOR|1:Capital", "0:PROPÓSITO|1:Acercar la cultura",
             "1:ACTIVIDAD ÁREA RESPONSABLE UNIDAD DE INVERSIÓN APROX. INDICADOR "
             "PROGRAMACIÓN PROGRAMACIÓN MENSUAL",
             "1:MEDIDA POR ACTIVIDAD ANUAL", ""},
            {{HeaderField::kNombre, "Festival cultural"},
             {HeaderField::kMeta, "Llevar a cabo 16 presentaciones"},
             {HeaderField::kProposito, "Acercar la cultura"}},
            {HeaderField::kMeta}},
        FieldCase{"column_header_cut_by_a_page_break_into_cells",
                  // The same with the column header's lines cut at the block's columns on both
                  // sides of the break, the line after it above the one recognised (seed 2328).
                  {"0:SECRETARÍA|1:S", "1:Sustituir 1,800 luminarias", "0:NOMBRE DE LA ACCIÓN|1:N",
                   "0:PROPÓSITO|1:P", "0:PRINCIPIO RECTOR|1:Zacatecas",
                   "1:ÁREA|2:UNIDAD DE|3:INVERSIÓN APROX.|5:PROGRAMACIÓN|6:PROGRAMACIÓN MENSUAL",
                   "0:ACTIVIDAD|1:INDICADOR", "", "0:ÁREA|1:UNIDAD DE|2:INVERSIÓN APROX."},
                  {{HeaderField::kSecretaria, "S"},
                   {HeaderField::kMeta, "Sustituir 1,800 luminarias"},
                   {HeaderField::kPrincipioRector, "Zacatecas"}},
                  {HeaderField::kMeta}},
        FieldCase{"lone_lines_that_cannot_be_told_apart_doubt_their_takers",
                  // Label | value rows, META's label cell empty under NOMBRE's value and
                  // PROPÓSITO's value wrapped: two lines after values, neither on a label row;
                  // which one is META's the rows do not say, so both takers are doubted.
                  {"0:SECRETARÍA|1:S", "0:NOMBRE DE LA ACCIÓN|1:Festival cultural",
                   "1:Llevar a cabo 16 presentaciones", "0:PRINCIPIO RECTOR|1:Capital",
                   "0:PROPÓSITO|1:Acercar la cultura", "1:a las personas"},
                  {{HeaderField::kNombre, "Festival cultural Llevar a cabo 16 presentaciones"},
                   {HeaderField::kProposito, "Acercar la cultura a las personas"},
                   {HeaderField::kMeta, "<none>"}},
                  {},
                  {HeaderField::kNombre, HeaderField::kProposito}},
        FieldCase{"value_wrapped_over_two_rows",
                  {"0:SECRETARÍA|6:META|9:NOMBRE DE LA ACCIÓN", "0:S|6:Llevar a cabo|9:N",
                   "6:11 capacitaciones"},
                  {{HeaderField::kMeta, "Llevar a cabo 11 capacitaciones"}},
                  {}}),
    [](const testing::TestParamInfo<FieldCase>& info) { return std::string(info.param.name); });

TEST(RecognizerTest, ActivityCellsByColumnRole) {
  const RawDocument doc = recognize_lines(
      with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"},
                 {"0:Asistir|1:Dpto.|2:Capacitación|3:$10,000.00|4:Número|5:3|6:-|9:1|17:-",
                  "0:Meta|1:Dpto.|2:Secretaría|3:$0.00|4:Estrategia|5:1"}));
  ASSERT_EQ(doc.actions.size(), 1u);  // cells reading like labels do not open an action
  ASSERT_EQ(doc.actions[0].activities.size(), 2u);
  const RawActivity& a = doc.actions[0].activities[0];
  EXPECT_EQ(a.actividad->text, "Asistir");
  EXPECT_EQ(a.inversion->text, "$10,000.00");
  EXPECT_EQ(a.programacion_anual->text, "3");
  EXPECT_EQ(a.meses[0]->text, "-");
  EXPECT_FALSE(a.meses[1].has_value());
  EXPECT_EQ(a.meses[3]->text, "1");
  EXPECT_EQ(a.meses[11]->text, "-");
  EXPECT_EQ(a.origin.line, 5);
  EXPECT_FALSE(a.orphan);
}

TEST(RecognizerTest, RowsAfterAPageBreakWithoutHeadingAreOrphans) {
  std::vector<std::string> lines =
      with_table({"0:SECRETARÍA|6:NÚMERO DE ACCIÓN|8:META", "0:S|6:5|8:M"}, {kActivity, kActivity});
  lines.push_back("");  // page break
  lines.push_back(kActivity);
  lines.push_back(kActivity);
  lines.push_back("");
  lines.push_back(kActivity);
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.actions.size(), 1u);
  const RawAction& a = doc.actions[0];
  ASSERT_EQ(a.activities.size(), 5u);
  EXPECT_FALSE(a.activities[1].orphan);
  EXPECT_TRUE(a.activities[2].orphan);
  EXPECT_TRUE(a.activities[4].orphan);
  ASSERT_EQ(a.diagnostics.size(), 2u);  // one per run of orphan rows
  EXPECT_EQ(a.diagnostics[0].code, DiagnosticCode::kOrphanRows);
  EXPECT_EQ(a.diagnostics[0].origin.line, 8);
  EXPECT_NE(a.diagnostics[0].message.find("acción 5"), std::string::npos);
  EXPECT_EQ(a.diagnostics[1].origin.line, 11);
}

TEST(RecognizerTest, RepeatedColumnHeaderContinuesTheTableSilently) {
  std::vector<std::string> lines =
      with_table({"0:SECRETARÍA|6:NÚMERO DE ACCIÓN|8:META", "0:S|6:5|8:M"}, {kActivity});
  lines.push_back("");
  lines.insert(lines.end(), kTableHeader.begin(), kTableHeader.end());
  lines.push_back(kActivity);
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.actions.size(), 1u);
  EXPECT_EQ(doc.actions[0].activities.size(), 2u);
  EXPECT_FALSE(doc.actions[0].activities[1].orphan);
  EXPECT_TRUE(doc.actions[0].diagnostics.empty());
}

TEST(RecognizerTest, LoneLabelLineAboveTheColumnHeaderBelongsToIt) {
  // A reader split `INVERSIÓN` off a wrapped column label; on the second page it even landed in
  // another column. Neither may open a new action.
  const std::string header =
      "0:ACTIVIDAD|1:ÁREA RESPONSABLE|2:UNIDAD DE MEDIDA|3:APROX. POR ACTIVIDAD|4:INDICADOR|"
      "5:PROGRAMACIÓN ANUAL";
  const std::vector<std::string> lines = {"0:SECRETARÍA|6:INVERSIÓN APROXIMADA|8:META",
                                          "0:S|6:$1.00|8:M",
                                          "3:INVERSIÓN",
                                          header,
                                          kTableHeader[1],
                                          kActivity,
                                          "",
                                          "0:INVERSIÓN",
                                          header,
                                          kTableHeader[1],
                                          kActivity};
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.actions.size(), 1u);
  ASSERT_EQ(doc.actions[0].activities.size(), 2u);
  EXPECT_EQ(doc.actions[0].activities[1].inversion->text, "$0.00");
  EXPECT_EQ(doc.actions[0].activities[1].actividad->text, "Firma de contrato");
  EXPECT_TRUE(doc.actions[0].diagnostics.empty());
  EXPECT_TRUE(doc.unrecognized.empty());
}

TEST(RecognizerTest, NumberingAndUnknownColumnsKeepTheirCells) {
  const std::vector<std::string> lines = {
      "0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M",
      "0:No.|1:ACTIVIDAD|2:ÁREA RESPONSABLE|3:UNIDAD DE MEDIDA|4:INVERSIÓN APROX. POR ACTIVIDAD|"
      "5:INDICADOR|6:PROGRAMACIÓN ANUAL|7:OBSERVACIONES|8:PROGRAMACIÓN MENSUAL",
      "8:ENE|9:FEB|10:MAR|11:ABR|12:MAY|13:JUN|14:JUL|15:AGO|16:SEP|17:OCT|18:NOV|19:DIC",
      "0:1|1:Firma|2:Planeación|3:Contrato|4:$0.00|5:Firmado|6:1|7:Con el síndico|8:1"};
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.actions.size(), 1u);
  ASSERT_EQ(doc.actions[0].activities.size(), 1u);
  const RawActivity& a = doc.actions[0].activities[0];
  EXPECT_EQ(a.actividad->text, "Firma");  // the row number is not glued onto it
  EXPECT_EQ(a.programacion_anual->text, "1");
  EXPECT_EQ(a.meses[0]->text, "1");
  ASSERT_EQ(doc.unrecognized.size(), 1u);  // the unknown column's cell, with its place
  EXPECT_EQ(doc.unrecognized[0].text, "Con el síndico");
  EXPECT_EQ(doc.unrecognized[0].origin.line, 5);
  EXPECT_EQ(doc.unrecognized[0].origin.column, 8);
}

TEST(RecognizerTest, MonthColumnsHeadedByInitials) {
  const RawDocument doc = recognize_lines(
      {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M", kTableHeader[0],
       "6:E|7:F|8:M|9:A|10:M|11:J|12:J|13:A|14:S|15:O|16:N|17:D", kActivity + "|17:4"});
  ASSERT_EQ(doc.actions[0].activities.size(), 1u);
  const RawActivity& a = doc.actions[0].activities[0];
  EXPECT_EQ(a.meses[1]->text, "1");
  EXPECT_EQ(a.meses[11]->text, "4");
}

TEST(RecognizerTest, RowCutByAPageBreakJoinsTheRowAbove) {
  std::vector<std::string> lines =
      with_table({"0:SECRETARÍA|6:NÚMERO DE ACCIÓN|8:META", "0:S|6:5|8:M"}, {kActivity});
  lines.push_back("");  // page break, no repeated header
  lines.push_back("+0:del ejercicio|1:Públicas|4:en tiempo");
  lines.push_back(kActivity);
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.actions[0].activities.size(), 2u);
  const RawActivity& first = doc.actions[0].activities[0];
  EXPECT_EQ(first.actividad->text, "Firma de contrato del ejercicio");
  EXPECT_EQ(first.area_responsable->text, "Planeación Públicas");
  EXPECT_EQ(first.indicador->text, "Contrato firmado en tiempo");
  // The row after it still follows the break.
  EXPECT_TRUE(doc.actions[0].activities[1].orphan);
  ASSERT_EQ(doc.actions[0].diagnostics.size(), 1u);
  EXPECT_EQ(doc.actions[0].diagnostics[0].code, DiagnosticCode::kOrphanRows);
}

// The reader reports only that a row's cells are open at the top of the page; whether that row
// is the rest of the activity above is the recogniser's call, from its own state at the break.
TEST(RecognizerTest, RowOpenAtTheTopJoinsTheActivityAboveOnlyIfTheTableRanToTheBreak) {
  const std::vector<std::string> block = {"0:SECRETARÍA|6:NÚMERO DE ACCIÓN|8:META", "0:S|6:5|8:M"};
  const std::string cut = "+0:del ejercicio|1:Públicas|4:en tiempo";
  struct Case {
    std::string name;
    std::vector<std::string> before_break;  // rows after the block's column header
    std::vector<std::string> after_break;
    std::size_t activities;
    std::string first;  // the first activity's ACTIVIDAD
  };
  std::vector<std::string> header_again = {"#PROGRAMA OPERATIVO ANUAL 2023"};
  header_again.insert(header_again.end(), kTableHeader.begin(), kTableHeader.end());
  header_again.push_back(cut);
  const std::vector<Case> cases = {
      {"table_ran_to_the_break",
       {kActivity},
       {cut, kActivity},
       2,
       "Firma de contrato del ejercicio"},
      {"under_a_title_and_the_repeated_column_header",
       {kActivity},
       header_again,
       1,
       "Firma de contrato del ejercicio"},
      // A title between the table and the break ends the table: the cut row is a row of its own.
      {"table_ended_above_the_break",
       {kActivity, "#Observaciones generales"},
       {cut, kActivity},
       3,
       "Firma de contrato"},
      {"no_activity_above", {}, {cut, kActivity}, 2, "del ejercicio"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> lines = with_table(block, c.before_break);
    lines.push_back("");
    lines.insert(lines.end(), c.after_break.begin(), c.after_break.end());
    const RawDocument doc = recognize_lines(lines);
    ASSERT_EQ(doc.actions.size(), 1u);
    ASSERT_EQ(doc.actions[0].activities.size(), c.activities);
    EXPECT_EQ(doc.actions[0].activities[0].actividad->text, c.first);
  }
}

TEST(RecognizerTest, TotalRowIsNotAnActivity) {
  const RawDocument doc = recognize_lines(
      with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"},
                 {kActivity, "0:Otra|1:P|2:C|3:$5.00|4:I|5:1|6:1", "0:TOTAL|3:$7.00|5:2|6:1|7:1"}));
  ASSERT_EQ(doc.actions[0].activities.size(), 2u);
  ASSERT_EQ(doc.actions[0].diagnostics.size(), 1u);  // $7.00 stated, $5.00 summed
  EXPECT_EQ(doc.actions[0].diagnostics[0].code, DiagnosticCode::kInvestmentSumMismatch);
  EXPECT_EQ(doc.actions[0].diagnostics[0].origin.line, 7);
  EXPECT_TRUE(doc.unrecognized.empty());
}

TEST(RecognizerTest, TitleGivesTheYearAndSeparatesActions) {
  std::vector<std::string> lines = {"#PROGRAMA OPERATIVO ANUAL 2022"};
  for (int i = 0; i < 2; ++i) {
    const auto action = with_table(
        {"0:SECRETARÍA|6:NÚMERO DE ACCIÓN|8:META", "0:S|6:" + std::to_string(i) + "|8:M"},
        {kActivity});
    lines.insert(lines.end(), action.begin(), action.end());
    lines.push_back("#PROGRAMA OPERATIVO ANUAL 2022");
  }
  const RawDocument doc = recognize_lines(lines);
  ASSERT_TRUE(doc.year.has_value());
  EXPECT_EQ(doc.year->text, "PROGRAMA OPERATIVO ANUAL 2022");
  EXPECT_EQ(doc.year->origin.line, 1);
  ASSERT_EQ(doc.actions.size(), 2u);
  EXPECT_EQ(field_text(doc.actions[1], HeaderField::kNumero), "1");
  EXPECT_EQ(doc.actions[1].origin.line, 8);
}

TEST(RecognizerTest, WrappedLinesJoinTheRowAbove) {
  const RawDocument doc =
      recognize_lines(with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"},
                                 {kActivity, "0:del ejercicio 2022|4:en tiempo", kActivity}));
  ASSERT_EQ(doc.actions[0].activities.size(), 2u);
  EXPECT_EQ(doc.actions[0].activities[0].actividad->text, "Firma de contrato del ejercicio 2022");
  EXPECT_EQ(doc.actions[0].activities[0].indicador->text, "Contrato firmado en tiempo");
}

// On a page read by OCR, a row starting a text cell in lower case whose numbers fill only cells
// the row above left empty is the rest of that row; a born-digital page's rows stay as drawn.
TEST(RecognizerTest, OcrRowSplitOffJoinsTheRowAbove) {
  struct Case {
    const char* name;
    std::string second;
    std::size_t activities;
  };
  const std::vector<Case> cases = {
      {"OCR'd, lower case, numbers in empty cells", "~0:del ejercicio|12:-|13:-", 1},
      {"born-digital: a row of its own", "0:del ejercicio|12:-|13:-", 2},
      {"OCR'd, a number where the row above has one", "~0:del ejercicio|7:2", 2},
      {"OCR'd, capitalised", "~0:Del ejercicio|12:-|13:-", 2},
  };
  for (const Case& c : cases) {
    const RawDocument doc = recognize_lines(with_table(
        {"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"}, {"~" + kActivity, c.second}));
    ASSERT_EQ(doc.actions.size(), 1u) << c.name;
    EXPECT_EQ(doc.actions[0].activities.size(), c.activities) << c.name;
  }
}

// On a page read by OCR, a line of a header value cut in two cells a word's space apart (at a
// column border the layout guessed) is one value; a one-word cell read far taller than its line
// is doubted. Born-digital cells, or cells far apart, stay as they are.
TEST(RecognizerTest, OcrHeaderValueCutInTwoCellsIsOneValue) {
  struct Case {
    const char* name;
    std::string values;
    const char* nombre;
    const char* meta;
    bool meta_doubted;
  };
  const std::vector<Case> cases = {
      {"OCR'd, a word's space apart",
       "~0:Salud@36,79,120,88|6:Jornadas en colonias@250,79,405,88|7:y comunidades@408,79,458,88|"
       "8:Vacunar@470,79,500,88",
       "Jornadas en colonias y comunidades", "Vacunar", false},
      {"OCR'd, far apart",
       "~0:Salud@36,79,120,88|6:Jornadas en colonias@250,79,405,88|7:y comunidades@430,79,458,88|"
       "8:Vacunar@470,79,500,88",
       "Jornadas en colonias", "Vacunar", true},  // the leftover doubts its nearest value
      {"born-digital",
       "0:Salud@36,79,120,88|6:Jornadas en colonias@250,79,405,88|7:y comunidades@408,79,458,88|"
       "8:Vacunar@470,79,500,88",
       "Jornadas en colonias", "Vacunar", false},
      {"OCR'd, one word read twice as tall as its line",
       "~0:Salud@36,79,120,88|6:Jornadas@250,79,405,88|8:Vacunar@470,79,500,98", "Jornadas",
       "Vacunar", true},
  };
  for (const Case& c : cases) {
    const RawDocument doc = recognize_lines(
        with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", c.values}, {kActivity}));
    ASSERT_EQ(doc.actions.size(), 1u) << c.name;
    const RawAction& a = doc.actions[0];
    EXPECT_EQ(field_text(a, HeaderField::kNombre), c.nombre) << c.name;
    EXPECT_EQ(field_text(a, HeaderField::kMeta), c.meta) << c.name;
    ASSERT_TRUE(a.field(HeaderField::kMeta)) << c.name;
    EXPECT_EQ(!a.field(HeaderField::kMeta)->doubt.empty(), c.meta_doubted) << c.name;
  }
}

// A line on a label row under a free-text label that has its value is the next line of that
// value (META running down beside LÍNEA | INVERSIÓN), not the value of the label on its left:
// read by OCR, whatever that label; born-digital, because INVERSIÓN takes only an amount beside
// it.
TEST(RecognizerTest, ValueWrappedBesideTheNextLabelsContinuesIt) {
  struct Case {
    const char* name;
    const char* mark;
    const char* meta;
    const char* inversion;
  };
  const Case cases[] = {
      {"OCR'd", "~", "Realizar 24 jornadas en colonias populares del municipio.", "$60,500.00"},
      {"born-digital", "", "Realizar 24 jornadas en colonias populares del municipio.",
       "$60,500.00"},
  };
  for (const Case& c : cases) {
    const std::string m = c.mark;
    const RawDocument doc = recognize_lines(
        with_table({m + "0:SECRETARÍA|1:NOMBRE DE LA ACCIÓN|3:META",
                    m + "0:Salud|1:Jornadas|3:Realizar 24 jornadas",
                    m + "0:LÍNEA ESTRATÉGICA|1:INVERSIÓN APROXIMADA|3:en colonias populares",
                    m + "0:1.2 Salud|1:$60,500.00|3:del municipio."},
                   {kActivity}));
    ASSERT_EQ(doc.actions.size(), 1u) << c.name;
    EXPECT_EQ(field_text(doc.actions[0], HeaderField::kMeta), c.meta) << c.name;
    EXPECT_EQ(field_text(doc.actions[0], HeaderField::kInversion), c.inversion) << c.name;
  }
}

// A cell merged over rows that a page break cuts (META, vertically centred over three rows): Calc
// draws its text again from its start on the next page (sweep seeds 26, 156), in one cell or a
// line at a time above the next labels (seed 156). Text on a later page is not taken twice; a
// value that only goes on there is joined.
TEST(RecognizerTest, MergedValueDrawnAgainAfterAPageBreakIsReadOnce) {
  const std::vector<std::string> before = {"0:SECRETARÍA|1:NOMBRE DE LA ACCIÓN|2:BENEFICIARIOS",
                                           "0:Salud|1:Jornadas|2:M 3,120 H 2,875",
                                           "0:PRINCIPIO RECTOR|1:NÚMERO DE ACCIÓN|2:META",
                                           "0:Zacatecas Incluyente|1:140",
                                           "2:Atender a 5,995 personas",
                                           "2:con visitas.",
                                           ""};
  const std::string labels = "0:LÍNEA ESTRATÉGICA|1:INVERSIÓN APROXIMADA";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{labels + "|2:Atender a 5,995 personas con visitas."},
       "Atender a 5,995 personas con visitas."},
      {{labels + "|2:y apoyos."}, "Atender a 5,995 personas con visitas. y apoyos."},
      {{"2:Atender a 5,995 personas", "2:con visitas.", labels},
       "Atender a 5,995 personas con visitas."},
      {{"2:Atender a 5,995", "2:y apoyos.", labels},
       "Atender a 5,995 personas con visitas. Atender a 5,995 y apoyos."}};
  for (const auto& [rows, meta] : cases) {
    const std::string after = rows.front();
    std::vector<std::string> block = before;
    block.insert(block.end(), rows.begin(), rows.end());
    block.push_back("0:1.4 Grupos|1:$38,750.00");
    VectorReader reader(with_table(block, {kActivity}), /*physical_pages=*/true);
    const RawDocument doc = recognize(reader);
    ASSERT_EQ(doc.actions.size(), 1u) << after;
    EXPECT_EQ(field_text(doc.actions[0], HeaderField::kMeta), meta) << after;
    EXPECT_EQ(field_text(doc.actions[0], HeaderField::kInversion), "$38,750.00") << after;
  }
}

// On a page read by OCR, a column label misread beyond recognition takes its place's meaning:
// a month among eleven named in consecutive columns, a template label between the labels the
// template puts around it. Born-digital headers name only what they say.
TEST(RecognizerTest, OcrColumnLabelMisreadIsPlacedByItsNeighbours) {
  struct Case {
    const char* name;
    const char* mark;
    const char* indicador_label;
    const char* december_label;
    bool indicador;
    bool december;
    // LOW_CONFIDENCE of the action naming a column label read loosely (issue 8: "column header
    // matched only loosely").
    std::vector<std::string> doubted;
  };
  const Case cases[] = {
      {"OCR'd, both misread", "~", "Ieoicanne", "ONIMADE", true, true, {"Ieoicanne", "ONIMADE"}},
      {"OCR'd, a letter misread", "~", "INDICAD0R", "DIC", true, true, {"INDICAD0R"}},
      {"OCR'd, INDICADOR read right", "~", "INDICADOR", "DIC", true, true, {}},
      {"born-digital", "", "Ieoicanne", "DIC", false, true, {}},  // (ONIMADE: MonthsNamedTest)
  };
  for (const Case& c : cases) {
    const std::string m = c.mark;
    const RawDocument doc = recognize_lines(
        {m + "0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", m + "0:S|6:N|8:M",
         m + "0:ACTIVIDAD|1:ÁREA RESPONSABLE|2:UNIDAD DE MEDIDA|3:INVERSIÓN|4:" +
             c.indicador_label + "|5:PROGRAMACIÓN ANUAL",
         m + "6:ENE|7:FEB|8:MAR|9:ABR|10:MAY|11:JUN|12:JUL|13:AGO|14:SEP|15:OCT|16:NOV|17:" +
             c.december_label,
         m + "0:Firma|1:Planeación|2:Contrato|3:$0.00|4:Contratos firmados|5:1|17:1"});
    ASSERT_EQ(doc.actions.size(), 1u) << c.name;
    ASSERT_EQ(doc.actions[0].activities.size(), 1u) << c.name;
    const RawActivity& a = doc.actions[0].activities[0];
    EXPECT_EQ(a.indicador.has_value(), c.indicador) << c.name;
    EXPECT_EQ(a.meses[11].has_value(), c.december) << c.name;
    std::vector<std::string> doubted;
    for (const Diagnostic& d : doc.actions[0].diagnostics) {
      if (d.code != DiagnosticCode::kLowConfidence) continue;
      doubted.push_back(d.text);
      EXPECT_NE(d.message.find("encabezado de columna"), std::string::npos) << d.message;
    }
    EXPECT_EQ(doubted, c.doubted) << c.name;
  }
}

// A cell the OCR reader found ink in but could not read (kUnreadInk) is an empty value that says
// so (the normaliser flags it: «tinta sin leer»), in a month or a text cell, alone or after text.
TEST(RecognizerTest, OcrInkNotReadIsAnEmptyValueWithItsDoubt) {
  const std::string unread(kUnreadInk);
  struct Case {
    const char* name;
    std::string row;
    std::string actividad;  // its text
    bool actividad_doubted;
    bool june_doubted;  // meses[5], column 11
  };
  const Case cases[] = {
      {"a month", "~" + kActivity + "|11:" + unread, "Firma de contrato", false, true},
      {"after a text cell's words", "~0:Firma de contrato|0:" + unread + "|5:1|11:1",
       "Firma de contrato", true, false},
      {"read", "~" + kActivity + "|11:-", "Firma de contrato", false, false},
  };
  for (const Case& c : cases) {
    const RawDocument doc = recognize_lines(
        with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"}, {c.row}));
    ASSERT_EQ(doc.actions.size(), 1u) << c.name;
    ASSERT_EQ(doc.actions[0].activities.size(), 1u) << c.name;
    const RawActivity& a = doc.actions[0].activities[0];
    ASSERT_TRUE(a.actividad && a.meses[5]) << c.name;
    EXPECT_EQ(a.actividad->text, c.actividad) << c.name;
    EXPECT_EQ(!a.actividad->doubt.empty(), c.actividad_doubted) << c.name;
    EXPECT_EQ(!a.meses[5]->doubt.empty(), c.june_doubted) << c.name;
    if (c.june_doubted) {
      EXPECT_EQ(a.meses[5]->text, "") << c.name;
      EXPECT_NE(a.meses[5]->doubt.find("tinta sin leer"), std::string::npos) << c.name;
    }
  }
}

TEST(RecognizerTest, UnrecognizedTextIsKeptWithItsOrigin) {
  std::vector<std::string> lines = {"0:DIRECCIÓN DE PLANEACIÓN Y EVALUACIÓN"};
  const auto action =
      with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"}, {kActivity});
  lines.insert(lines.end(), action.begin(), action.end());
  lines.push_back("");
  lines.push_back("0:Elaboró: Lic. Ana Ruiz|2:Autorizó: Mtro. Luis Gómez");
  lines.push_back("0:Página 3 de 3");
  const RawDocument doc = recognize_lines(lines);
  ASSERT_EQ(doc.unrecognized.size(), 2u);
  EXPECT_EQ(doc.unrecognized[0].text, "DIRECCIÓN DE PLANEACIÓN Y EVALUACIÓN");
  EXPECT_EQ(doc.unrecognized[0].origin.line, 1);
  EXPECT_EQ(doc.unrecognized[1].text, "Elaboró: Lic. Ana Ruiz | Autorizó: Mtro. Luis Gómez");
  EXPECT_EQ(doc.unrecognized[1].origin.line, 8);
  EXPECT_EQ(doc.actions[0].activities.size(), 1u);
}

TEST(RecognizerTest, LetterheadOrTitleAboveTheFirstActionNamesTheMunicipio) {
  const auto action =
      with_table({"0:SECRETARÍA|6:NOMBRE DE LA ACCIÓN|8:META", "0:S|6:N|8:M"}, {kActivity});
  struct Case {
    const char* name;
    std::vector<std::string> before;  // lines above the first action
    std::vector<std::string> after;   // lines below it
    std::optional<std::string> municipio;
    std::optional<int> line;
    std::vector<std::string> unrecognized;
  };
  const std::vector<Case> cases = {
      {"letterhead",
       {"0:H. AYUNTAMIENTO DE SANTA MARÍA DEL ORO", "0:ADMINISTRACIÓN 2021-2024"},
       {},
       "SANTA MARÍA DEL ORO",
       1,
       {"ADMINISTRACIÓN 2021-2024"}},
      {"in the title",
       {"#PROGRAMA OPERATIVO ANUAL 2022 DEL MUNICIPIO DE FRESNILLO, ZAC."},
       {},
       "FRESNILLO",
       1,
       {}},
      {"constitucional",
       {"0:Ayuntamiento Constitucional de Juchitán de Zaragoza 2022-2024"},
       {},
       "Juchitán de Zaragoza",
       1,
       {}},
      // A running letterhead (a page's title) is taken as read; another municipio is text like
      // any other.
      {"repeated",
       {"0:MUNICIPIO DE ZACATECAS"},
       {"", "#Municipio de Zacatecas", "#MUNICIPIO DE GUADALUPE"},
       "ZACATECAS",
       1,
       {"MUNICIPIO DE GUADALUPE"}},
      // Below the first action no letterhead names it: the document's top does.
      {"only below",
       {},
       {"", "#MUNICIPIO DE ZACATECAS"},
       std::nullopt,
       std::nullopt,
       {"MUNICIPIO DE ZACATECAS"}},
      // A sentence that mentions a municipio is no letterhead.
      {"sentence",
       {"0:Plan de trabajo del municipio de Zacatecas"},
       {},
       std::nullopt,
       std::nullopt,
       {"Plan de trabajo del municipio de Zacatecas"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> lines = c.before;
    lines.insert(lines.end(), action.begin(), action.end());
    lines.insert(lines.end(), c.after.begin(), c.after.end());
    const RawDocument doc = recognize_lines(lines);
    ASSERT_EQ(doc.municipio.has_value(), c.municipio.has_value()) << c.name;
    if (c.municipio) {
      EXPECT_EQ(doc.municipio->text, *c.municipio) << c.name;
      EXPECT_EQ(doc.municipio->origin.line, c.line) << c.name;
    }
    std::vector<std::string> unrecognized;
    for (const UnrecognizedText& u : doc.unrecognized) unrecognized.push_back(u.text);
    EXPECT_EQ(unrecognized, c.unrecognized) << c.name;
  }
}

TEST(RecognizerTest, TextWithoutPoaStructureIsRefused) {
  try {
    recognize_lines({"0:Estimado ciudadano:", "0:Le informamos que", "0:Meta"});
    FAIL() << "expected NOT_A_POA";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kNotAPoa);
    EXPECT_EQ(e.diagnostic().origin.file, "t.txt");
  }
}

}  // namespace
}  // namespace poa::extractor
