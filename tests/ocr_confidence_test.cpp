// Values read by OCR: confidence carried to the typed action, LOW_CONFIDENCE under the threshold,
// the document's arithmetic as a second opinion (a sum that adds up confirms its numbers, one that
// does not points at the least sure). Also the JSON round trip of origen.confianza and
// fuente.paginas_ocr.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "exporters/json_exporter.hpp"
#include "normalizer/normalize.hpp"

namespace poa::normalizer {
namespace {

RawField cell(std::string text, std::optional<double> confidence, int column = 1) {
  return RawField{std::move(text), Origin{"scan.pdf", 1, 3, column, std::nullopt, confidence},
                  false};
}

// One action with one activity, every field filled: annual and the first months as given, each
// with its confidence; the other months `-`.
RawAction action(std::optional<double> unit_conf, const std::string& annual, double annual_conf,
                 const std::vector<std::pair<std::string, double>>& months) {
  RawAction a;
  a.origin = Origin{"scan.pdf", 1, 1, std::nullopt, std::nullopt};
  const std::pair<HeaderField, const char*> header[] = {
      {HeaderField::kSecretaria, "Secretaría de Obras"},
      {HeaderField::kNombre, "Bacheo de calles"},
      {HeaderField::kBeneficiarios, "M 10 H 12"},
      {HeaderField::kPrincipioRector, "Municipio ordenado"},
      {HeaderField::kNumero, "4"},
      {HeaderField::kMeta, "Bachear 3 calles"},
      {HeaderField::kLineaEstrategica, "1.2 Calles"},
      {HeaderField::kInversion, "$1,000.00"},
      {HeaderField::kEstrategia, "1.2.3 Bachear"},
      {HeaderField::kProposito, "Calles sin baches"},
      {HeaderField::kPartidas, "2111"}};
  for (const auto& [field, text] : header) a.field(field) = cell(text, 0.97);
  RawActivity act;
  act.origin = Origin{"scan.pdf", 1, 3, std::nullopt, std::nullopt};
  act.actividad = cell("Bacheo", 0.95);
  act.area_responsable = cell("Obras", 0.95, 2);
  act.unidad_medida = cell("Bache", unit_conf, 3);
  act.inversion = cell("$1,000.00", 0.95, 4);
  act.indicador = cell("Baches", 0.95, 5);
  act.programacion_anual = cell(annual, annual_conf, 6);
  for (std::size_t m = 0; m < 12; ++m) {
    act.meses[m] = m < months.size() ? cell(months[m].first, months[m].second, int(7 + m))
                                     : cell("-", 0.95, static_cast<int>(7 + m));
  }
  a.activities.push_back(act);
  return a;
}

// Lays the header fields out as the usual template does, three to a row band in HeaderField's
// order (columns at 0, 200, 400 pt, each value 180 pt wide).
void lay_out_header(RawAction& a) {
  for (int f = 0; f < kHeaderFieldCount; ++f) {
    if (auto& rf = a.fields[static_cast<std::size_t>(f)]) {
      const double x = 200.0 * (f % 3), y = 20.0 * (f / 3);
      rf->box = Box{x, y + 10, x + 180, y + 18};
    }
  }
}

std::vector<std::string> low_confidence_texts(const Action& a) {
  std::vector<std::string> out;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.code == DiagnosticCode::kLowConfidence) out.push_back(d.text);
  }
  return out;
}

TEST(OcrConfidenceTest, FlagsWhatTheThresholdAndTheArithmeticPointAt) {
  struct Case {
    const char* name;
    RawAction raw;
    std::vector<std::string> flagged;  // texts of the LOW_CONFIDENCE avisos, in order
  };
  const std::vector<Case> cases = {
      {"all sure", action(0.96, "3", 0.95, {{"1", 0.95}, {"2", 0.94}}), {}},
      {"unsure text cell", action(0.41, "3", 0.95, {{"1", 0.95}, {"2", 0.94}}), {"Bache"}},
      {"unsure number confirmed by its row's sum",
       action(0.96, "3", 0.95, {{"1", 0.30}, {"2", 0.94}}),
       {}},
      {"sum off: the least sure number, though over the threshold",
       action(0.96, "3", 0.95, {{"1", 0.93}, {"5", 0.90}}),
       {"5"}},
      {"sum off and an unsure number: reported once",
       action(0.96, "3", 0.95, {{"1", 0.93}, {"5", 0.50}}),
       {"5"}},
      {"not read by OCR", action(std::nullopt, "3", 0.95, {{"1", 0.95}, {"2", 0.95}}), {}},
  };
  for (const Case& c : cases) {
    const Action a = normalize_action(c.raw, 0.85);
    EXPECT_EQ(low_confidence_texts(a), c.flagged) << c.name;
  }
}

// What the layout lost on a page read by OCR: an empty cell every row fills, a field whose text
// does not fit it. Born-digital actions (no confidence anywhere) are left as they are.
TEST(OcrConfidenceTest, FlagsWhatTheLayoutLost) {
  struct Case {
    const char* name;
    void (*change)(RawAction&);
    std::vector<std::string> flagged;  // texts of the LOW_CONFIDENCE avisos, in order
  };
  const std::vector<Case> cases = {
      {"nothing lost", [](RawAction&) {}, {}},
      {"empty unit cell", [](RawAction& a) { a.activities[0].unidad_medida.reset(); }, {""}},
      {"annual with letters",
       [](RawAction& a) { a.activities[0].programacion_anual = cell("3a", 0.95, 6); },
       {"3a"}},
      {"empty month, the months short of the annual",
       [](RawAction& a) {
         a.activities[0].meses[5].reset();
         a.activities[0].programacion_anual = cell("4", 0.95, 6);
       },
       {"2", ""}},
      {"empty month in a table that writes its zeros (`-`)",
       [](RawAction& a) { a.activities[0].meses[5].reset(); },
       {""}},
      {"empty months in a table that leaves its zeros empty, the months add up",
       [](RawAction& a) {
         for (std::size_t m = 2; m < 12; ++m) a.activities[0].meses[m].reset();
       },
       {}},
      {"ink the OCR could not read in a month, the months add up without it",
       [](RawAction& a) {
         for (std::size_t m = 2; m < 12; ++m) a.activities[0].meses[m].reset();
         a.activities[0].meses[7] = cell("", 0, 14);
         a.activities[0].meses[7]->doubt = "tinta sin leer";
       },
       {""}},
      {"ink the OCR could not read in a unit cell",
       [](RawAction& a) {
         a.activities[0].unidad_medida = cell("", 0, 3);
         a.activities[0].unidad_medida->doubt = "tinta sin leer";
       },
       {""}},
      {"header money that does not parse",
       [](RawAction& a) { a.field(HeaderField::kInversion) = cell("$1,0OO.OO META", 0.97); },
       {"$1,0OO.OO META"}},
      {"header field lost", [](RawAction& a) { a.field(HeaderField::kNumero).reset(); }, {""}},
      {"header field lost, its value at the end of the field beside it",
       [](RawAction& a) {
         a.field(HeaderField::kBeneficiarios).reset();
         a.field(HeaderField::kNombre) = cell("Bacheo de calles M 10 H 12", 0.97);
       },
       {"", "Bacheo de calles M 10 H 12"}},
      {"money lost, a free text ending with an amount",
       [](RawAction& a) {
         a.field(HeaderField::kInversion).reset();
         a.field(HeaderField::kProposito) = cell("Calles sin baches $1,000.00", 0.97);
       },
       {"", "Calles sin baches $1,000.00"}},
      {"partidas lost, a free text ending with codes; the number in another text is its own",
       [](RawAction& a) {
         a.field(HeaderField::kPartidas).reset();
         a.field(HeaderField::kProposito) = cell("Calles sin baches 2111, 2611", 0.97);
         a.field(HeaderField::kMeta) = cell("Bachear 300 calles", 0.97);
       },
       {"", "Calles sin baches 2111, 2611"}},
      {"header field lost, the field beside it runs over its column",
       [](RawAction& a) {
         lay_out_header(a);
         a.field(HeaderField::kBeneficiarios).reset();
         a.field(HeaderField::kNombre)->box->x1 = 580;
       },
       {"", "Bacheo de calles"}},
      {"header field lost, every other field within its column: nothing more",
       [](RawAction& a) {
         lay_out_header(a);
         a.field(HeaderField::kNumero).reset();
       },
       {""}},
      {"header field lost, a number centred in the column of a field above: nothing more",
       [](RawAction& a) {
         lay_out_header(a);
         a.field(HeaderField::kNumero)->box = Box{280, 30, 300, 38};
         a.field(HeaderField::kPartidas).reset();
       },
       {""}},
      {"no field lost, a field running over a column: as written (a wide cell)",
       [](RawAction& a) {
         lay_out_header(a);
         a.field(HeaderField::kNombre)->box->x1 = 580;
       },
       {}},
      {"strategy without its code",
       [](RawAction& a) { a.field(HeaderField::kEstrategia) = cell("Bachear", 0.97); },
       {"Bachear"}},
      {"a line of the cell left over below a header value",
       [](RawAction& a) { a.field(HeaderField::kMeta)->doubt = "quedó suelta una línea"; },
       {"Bachear 3 calles"}},
      {"a row split off the one above",
       [](RawAction& a) {
         RawActivity split = a.activities[0];
         split.actividad = cell("de calles", 0.95);
         split.inversion = cell("$0.00", 0.95, 4);
         a.activities.push_back(split);
       },
       // Each text cell of the split row, then the same cell of the row above.
       {"de calles", "Bacheo", "Obras", "Obras", "Bache", "Bache", "Baches", "Baches"}},
      {"a label glued onto a value",
       [](RawAction& a) {
         a.field(HeaderField::kPrincipioRector) = cell("NUMERO DE ACCION Municipio ordenado", 0.97);
       },
       {"NUMERO DE ACCION Municipio ordenado"}},
      {"a word spelt two ways: both, as common",
       [](RawAction& a) {
         a.activities[0].area_responsable = cell("Secretaria de Obras", 0.95, 2);
       },
       {"Secretaría de Obras", "Secretaria de Obras"}},
      {"an accent the OCR dropped from a word the forms write with one",
       [](RawAction& a) {
         a.activities[0].area_responsable = cell("Tesoreria Municipal", 0.95, 2);
         a.activities[0].unidad_medida = cell("Modulo", 0.95, 3);
       },
       {"Tesoreria Municipal", "Modulo"}},
      {"a singular -ción noun without its accent, once per value",
       [](RawAction& a) { a.activities[0].actividad = cell("Instalacion de modulos", 0.95); },
       {"Instalacion de modulos"}},
      {"accents read, plurals in -ciones, words without one",
       [](RawAction& a) {
         a.activities[0].actividad = cell("Instalación de módulos", 0.95);
         a.activities[0].indicador = cell("Capacitaciones y reuniones", 0.95, 5);
         a.activities[0].area_responsable = cell("Dirección de Catastro", 0.95, 2);
       },
       {}},
      {"born-digital: nothing said",
       [](RawAction& a) {
         a = RawAction{};
         RawActivity row;
         row.actividad = RawField{"Bacheo", Origin{"a.pdf", 1, 3}, false};
         a.activities.push_back(row);
       },
       {}},
  };
  for (const Case& c : cases) {
    RawAction raw = action(0.96, "3", 0.95, {{"1", 0.95}, {"2", 0.94}});
    c.change(raw);
    const Action a = normalize_action(raw, 0.85);
    EXPECT_EQ(low_confidence_texts(a), c.flagged) << c.name;
  }
}

// A cell with ink the OCR could not read is flagged saying so, never a silent null; a truly blank
// cell of a row that adds up (no ink) stays unflagged (FlagsWhatTheLayoutLost).
TEST(OcrConfidenceTest, InkNotReadIsFlaggedSayingSo) {
  RawAction raw = action(0.96, "3", 0.95, {{"1", 0.95}, {"2", 0.94}});
  for (std::size_t m = 2; m < 12; ++m) raw.activities[0].meses[m].reset();
  raw.activities[0].meses[7] = cell("", 0, 14);
  raw.activities[0].meses[7]->doubt =
      "la celda tiene tinta que el OCR no pudo leer (tinta sin leer)";
  const Action a = normalize_action(raw, 0.85);
  int flagged = 0;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.code != DiagnosticCode::kLowConfidence) continue;
    ++flagged;
    EXPECT_NE(d.message.find("«AGO» de «Bacheo»"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("tinta sin leer"), std::string::npos) << d.message;
    EXPECT_EQ(d.origin.page, 1);
  }
  EXPECT_EQ(flagged, 1);
  EXPECT_FALSE(a.activities[0].programacion_mensual[7].has_value());
}

// A born-digital page's text is sure, but the recogniser may doubt where it put it (a field that
// took lines that may be a lost field's value): LOW_CONFIDENCE names the field and says why, not
// as an OCR reading; a born-digital field without a doubt gets nothing.
TEST(OcrConfidenceTest, BornDigitalFieldDoubtedByTheRecogniserIsFlagged) {
  RawAction raw = action(0.96, "3", 0.95, {{"1", 0.95}, {"2", 0.94}});
  auto born_digital = [](std::optional<RawField>& f) {
    if (f) f->origin.confidence.reset();
  };
  for (std::optional<RawField>& f : raw.fields) born_digital(f);
  RawActivity& act = raw.activities[0];
  for (auto* f : {&act.actividad, &act.area_responsable, &act.unidad_medida, &act.inversion,
                  &act.indicador, &act.programacion_anual}) {
    born_digital(*f);
  }
  for (std::optional<RawField>& f : act.meses) born_digital(f);
  raw.field(HeaderField::kMeta).reset();
  raw.field(HeaderField::kNombre)->text = "Bacheo de calles Bachear 3 calles";
  raw.field(HeaderField::kNombre)->doubt = "puede tener el valor de «META»";
  const Action a = normalize_action(raw, 0.85);
  int flagged = 0;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.code != DiagnosticCode::kLowConfidence) continue;
    ++flagged;
    EXPECT_EQ(d.message,
              "valor dudoso en «NOMBRE DE LA ACCIÓN»: «Bacheo de calles Bachear 3 calles»; puede "
              "tener el valor de «META»; revíselo en el documento");
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.origin.page, 1);
  }
  EXPECT_EQ(flagged, 1);
}

TEST(OcrConfidenceTest, OriginsCarryTheLeastSureValue) {
  const Action a = normalize_action(action(0.41, "3", 0.95, {{"1", 0.95}, {"2", 0.94}}), 0.85);
  ASSERT_TRUE(a.origin.confidence.has_value());
  EXPECT_DOUBLE_EQ(*a.origin.confidence, 0.97);
  ASSERT_EQ(a.activities.size(), 1U);
  ASSERT_TRUE(a.activities[0].origin.confidence.has_value());
  EXPECT_DOUBLE_EQ(*a.activities[0].origin.confidence, 0.41);
  for (const Diagnostic& d : a.diagnostics) {
    if (d.code != DiagnosticCode::kLowConfidence) continue;
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.origin.page, 1);
    EXPECT_NE(d.message.find("«UNIDAD DE MEDIDA» de «Bacheo»"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("confianza 0.41, mínimo 0.85"), std::string::npos) << d.message;
  }
}

TEST(OcrConfidenceTest, JsonKeepsConfidenceAndOcrPages) {
  SourceInfo source;
  source.path = "scan.pdf";
  source.type = SourceType::kPdf;
  source.sha256 = std::string(64, 'a');
  source.pages = 2;
  source.ocr_pages = {2};
  RawDocument raw;
  raw.actions.push_back(action(0.41, "3", 0.95, {{"1", 0.95}, {"2", 0.94}}));
  const Document doc = normalize(raw, source, 0.85);
  const std::string json = exporters::to_json(doc);
  EXPECT_NE(json.find("\"paginas_ocr\": [\n      2\n    ]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"confianza\": 0.41"), std::string::npos) << json;
  // Written, read back, written again: the same bytes.
  EXPECT_EQ(exporters::to_json(exporters::document_from_json(json, "scan.json")), json);
}

}  // namespace
}  // namespace poa::normalizer
