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

// One action with one activity: annual and months as given, each with its confidence.
RawAction action(std::optional<double> unit_conf, const std::string& annual, double annual_conf,
                 const std::vector<std::pair<std::string, double>>& months) {
  RawAction a;
  a.origin = Origin{"scan.pdf", 1, 1, std::nullopt, std::nullopt};
  a.field(HeaderField::kSecretaria) = cell("Secretaría de Obras", 0.97);
  RawActivity act;
  act.origin = Origin{"scan.pdf", 1, 3, std::nullopt, std::nullopt};
  act.actividad = cell("Bacheo", 0.95);
  act.unidad_medida = cell("Bache", unit_conf, 3);
  act.programacion_anual = cell(annual, annual_conf, 6);
  for (std::size_t m = 0; m < months.size(); ++m) {
    act.meses[m] = cell(months[m].first, months[m].second, static_cast<int>(7 + m));
  }
  a.activities.push_back(act);
  return a;
}

std::vector<std::string> low_confidence_texts(const Action& a) {
  std::vector<std::string> out;
  for (const Diagnostic& d : a.diagnostics) {
    if (d.code == DiagnosticCode::kLowConfidence) out.push_back(d.text);
  }
  return out;
}

TEST(OcrConfidence, FlagsWhatTheThresholdAndTheArithmeticPointAt) {
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

TEST(OcrConfidence, OriginsCarryTheLeastSureValue) {
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

TEST(OcrConfidence, JsonKeepsConfidenceAndOcrPages) {
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
