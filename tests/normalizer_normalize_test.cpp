// Tests for normalize(): typing of every field, the null rules and each diagnostic it emits.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "normalizer/normalize.hpp"

namespace poa::normalizer {
namespace {

constexpr const char* kFile = "poa.txt";

Origin at(int line) {
  return Origin{kFile, std::nullopt, line, std::nullopt};
}

RawField raw(std::string text, int line, bool inferred = false) {
  return RawField{std::move(text), at(line), inferred};
}

SourceInfo text_source(std::string encoding = "UTF-8") {
  SourceInfo s;
  s.path = kFile;
  s.type = SourceType::kText;
  s.sha256 = "abc";
  s.encoding = std::move(encoding);
  return s;
}

// An activity row at `line` with annual `anual` and the given month cells ("" = empty cell).
RawActivity activity(int line, std::string name, std::string inversion, std::string anual,
                     std::vector<std::string> months = {}) {
  RawActivity a;
  a.origin = at(line);
  if (!name.empty()) a.actividad = raw(std::move(name), line);
  a.area_responsable = raw("Dpto. Seguimiento", line);
  a.unidad_medida = raw("Documento", line);
  if (!inversion.empty()) a.inversion = raw(std::move(inversion), line);
  a.indicador = raw("Número de documentos", line);
  if (!anual.empty()) a.programacion_anual = raw(std::move(anual), line);
  for (std::size_t m = 0; m < months.size() && m < 12; ++m) {
    if (!months[m].empty()) a.meses[m] = raw(months[m], line);
  }
  return a;
}

// A complete, consistent action (like action 4 of the real sample) starting at `line`.
RawAction full_action(int line = 15) {
  RawAction a;
  a.origin = at(line);
  a.field(HeaderField::kSecretaria) = raw("Secretaría de Planeación.", line + 1);
  a.field(HeaderField::kNombre) = raw("Acceso a la información", line + 1);
  a.field(HeaderField::kBeneficiarios) = raw("M74,535 H 71,612", line + 1);
  a.field(HeaderField::kPrincipioRector) = raw("Capital de la Nueva Gobernanza", line + 3);
  a.field(HeaderField::kNumero) = raw("4", line + 3);
  a.field(HeaderField::kMeta) = raw("Subir 9 tablas.", line + 3);
  a.field(HeaderField::kLineaEstrategica) =
      raw("3.5 Rendición de cuentas y acceso a la información", line + 5);
  a.field(HeaderField::kInversion) = raw("\\$10,000.00", line + 5);
  a.field(HeaderField::kEstrategia) = raw("3.5.1 Informar", line + 7);
  a.field(HeaderField::kProposito) = raw("Proveer de la información necesaria.", line + 7);
  a.field(HeaderField::kPartidas) = raw("2111, 2611", line + 8);
  a.activities.push_back(activity(line + 11, "Dar contestación", "\\$0.00", "5",
                                  {"-", "-", "1", "-", "1", "-", "1", "-", "1", "-", "1", "-"}));
  a.activities.push_back(activity(line + 12, "Asistir a capacitaciones", "\\$10,000.00", "3",
                                  {"-", "-", "-", "1", "-", "-", "1", "-", "-", "1", "-", "-"}));
  return a;
}

RawDocument document_with(RawAction action) {
  RawDocument d;
  d.year = raw("2022", 13);
  d.actions.push_back(std::move(action));
  return d;
}

std::vector<DiagnosticCode> codes(const Diagnostics& ds) {
  std::vector<DiagnosticCode> out;
  for (const Diagnostic& d : ds) out.push_back(d.code);
  return out;
}

std::string dump(const Diagnostics& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += format_diagnostic(d) + "\n";
  return out;
}

TEST(NormalizeTest, CleanActionIsFullyTyped) {
  const Document doc = normalize(document_with(full_action()), text_source());
  EXPECT_EQ(doc.source.path, kFile);
  EXPECT_EQ(doc.year, 2022);
  EXPECT_TRUE(doc.diagnostics.empty()) << dump(doc.diagnostics);
  ASSERT_EQ(doc.actions.size(), 1u);
  const Action& a = doc.actions[0];
  EXPECT_TRUE(a.diagnostics.empty()) << dump(a.diagnostics);
  EXPECT_EQ(a.origin, at(15));
  EXPECT_EQ(a.numero, 4);
  EXPECT_EQ(a.secretaria, "Secretaría de Planeación.");
  EXPECT_EQ(a.nombre, "Acceso a la información");
  EXPECT_EQ(a.principio_rector, "Capital de la Nueva Gobernanza");
  EXPECT_EQ(a.beneficiarios, (Beneficiaries{74535, 71612, 146147}));
  EXPECT_EQ(a.linea_estrategica,
            (CodedText{"3.5", "Rendición de cuentas y acceso a la información"}));
  EXPECT_EQ(a.estrategia, (CodedText{"3.5.1", "Informar"}));
  EXPECT_EQ(a.meta, "Subir 9 tablas.");
  EXPECT_EQ(a.proposito, "Proveer de la información necesaria.");
  EXPECT_EQ(a.inversion_aproximada, Decimal::from_cents(1000000));
  EXPECT_EQ(a.partidas_presupuestales, (std::vector<std::string>{"2111", "2611"}));
  ASSERT_EQ(a.activities.size(), 2u);
  const Activity& act = a.activities[0];
  EXPECT_EQ(act.actividad, "Dar contestación");
  EXPECT_EQ(act.area_responsable, "Dpto. Seguimiento");
  EXPECT_EQ(act.unidad_medida, "Documento");
  EXPECT_EQ(act.indicador, "Número de documentos");
  EXPECT_EQ(act.inversion, Decimal::from_cents(0));
  EXPECT_EQ(act.programacion_anual, Decimal::from_int(5));
  EXPECT_EQ(act.programacion_mensual[0], Decimal::from_int(0));  // "-" -> 0
  EXPECT_EQ(act.programacion_mensual[2], Decimal::from_int(1));
  EXPECT_EQ(act.origin, at(26));
}

TEST(NormalizeTest, StringFieldsAreCleanedAndBlankIsNull) {
  RawAction a = full_action();
  a.field(HeaderField::kNombre) =
      raw("  Acceso\xC2\xA0"
          "a la\ninformaci\xEF\xAC\x81n  ",
          16);
  a.field(HeaderField::kPrincipioRector) = raw("“Capital de la Nueva Gobernanza”", 18);
  a.field(HeaderField::kMeta) = raw(" \xE2\x80\x8B ", 18);  // invisible only: blank
  a.activities[0].unidad_medida = raw("\xC2\xAD", 26);
  const Document doc = normalize(document_with(a), text_source());
  const Action& out = doc.actions[0];
  EXPECT_EQ(out.nombre, "Acceso a la informacifin");
  EXPECT_EQ(out.principio_rector, "Capital de la Nueva Gobernanza");
  EXPECT_EQ(out.meta, std::nullopt);
  EXPECT_EQ(out.activities[0].unidad_medida, std::nullopt);
  // A blank header field counts as missing; a blank activity cell is just null.
  ASSERT_EQ(codes(out.diagnostics), std::vector<DiagnosticCode>{DiagnosticCode::kMissingField})
      << dump(out.diagnostics);
  EXPECT_NE(out.diagnostics[0].message.find("META"), std::string::npos)
      << out.diagnostics[0].message;
}

TEST(NormalizeTest, CodedTextWithoutCodeKeepsName) {
  RawAction a = full_action();
  a.field(HeaderField::kEstrategia) = raw("Informar a la ciudadanía", 22);
  const Document doc = normalize(document_with(a), text_source());
  EXPECT_EQ(doc.actions[0].estrategia, (CodedText{std::nullopt, "Informar a la ciudadanía"}));
  EXPECT_TRUE(doc.actions[0].diagnostics.empty()) << dump(doc.actions[0].diagnostics);
}

// Each typed header field: unparseable text -> null (partidas: empty) + INVALID_VALUE at the
// field's origin, keeping the raw text.
TEST(NormalizeTest, InvalidHeaderValues) {
  struct Case {
    HeaderField field;
    std::string text;
    std::string key;
  };
  const std::vector<Case> cases = {
      {HeaderField::kNumero, "cuatro", "NÚMERO DE ACCIÓN"},
      {HeaderField::kBeneficiarios, "Población en general", "BENEFICIARIOS"},
      {HeaderField::kInversion, "diez mil", "INVERSIÓN APROXIMADA"},
      {HeaderField::kPartidas, "2111, papelería", "PARTIDA PRESUPUESTAL"},
  };
  for (const Case& c : cases) {
    RawAction a = full_action();
    a.field(c.field) = raw(c.text, 40);
    const Document doc = normalize(document_with(a), text_source());
    const Action& out = doc.actions[0];
    ASSERT_EQ(codes(out.diagnostics), std::vector<DiagnosticCode>{DiagnosticCode::kInvalidValue})
        << c.key << "\n"
        << dump(out.diagnostics);
    const Diagnostic& d = out.diagnostics[0];
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.origin, at(40));
    EXPECT_EQ(d.text, c.text);
    EXPECT_NE(d.message.find("«" + c.key + "»"), std::string::npos) << d.message;
    switch (c.field) {
      case HeaderField::kNumero:
        EXPECT_EQ(out.numero, std::nullopt);
        break;
      case HeaderField::kBeneficiarios:
        EXPECT_EQ(out.beneficiarios, std::nullopt);
        break;
      case HeaderField::kInversion:
        EXPECT_EQ(out.inversion_aproximada, std::nullopt);
        break;
      case HeaderField::kPartidas:
        EXPECT_TRUE(out.partidas_presupuestales.empty());
        break;
      default:
        FAIL();
    }
  }
}

TEST(NormalizeTest, MissingHeaderFieldsInHeaderOrder) {
  RawAction a = full_action(15);
  a.field(HeaderField::kProposito).reset();
  a.field(HeaderField::kSecretaria).reset();
  a.field(HeaderField::kNumero).reset();
  const Document doc = normalize(document_with(a), text_source());
  const Action& out = doc.actions[0];
  ASSERT_EQ(out.diagnostics.size(), 3u) << dump(out.diagnostics);
  const std::vector<std::string> labels = {"SECRETARÍA", "NÚMERO DE ACCIÓN", "PROPÓSITO"};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(out.diagnostics[i].code, DiagnosticCode::kMissingField);
    EXPECT_EQ(out.diagnostics[i].origin, at(15)) << "origin is the action's";
    EXPECT_NE(out.diagnostics[i].message.find(labels[i]), std::string::npos)
        << out.diagnostics[i].message;
  }
  EXPECT_EQ(out.secretaria, std::nullopt);
  EXPECT_EQ(out.numero, std::nullopt);
  EXPECT_EQ(out.proposito, std::nullopt);
}

TEST(NormalizeTest, EmptyRawActionReportsEveryHeaderField) {
  RawAction a;
  a.origin = at(3);
  const Document doc = normalize(document_with(a), text_source());
  const Action& out = doc.actions[0];
  ASSERT_EQ(out.diagnostics.size(), static_cast<std::size_t>(kHeaderFieldCount))
      << dump(out.diagnostics);
  for (int f = 0; f < kHeaderFieldCount; ++f) {
    EXPECT_EQ(out.diagnostics[f].code, DiagnosticCode::kMissingField);
    EXPECT_NE(out.diagnostics[f].message.find(header_field_label(static_cast<HeaderField>(f))),
              std::string::npos)
        << out.diagnostics[f].message;
  }
  EXPECT_TRUE(out.activities.empty());
  EXPECT_TRUE(out.partidas_presupuestales.empty());
}

TEST(NormalizeTest, InferredFieldIsReportedAndStillTyped) {
  RawAction a = full_action();
  a.field(HeaderField::kNumero) = raw("5", 36, /*inferred=*/true);
  a.field(HeaderField::kInversion) = raw("\\$10,000.00", 38, /*inferred=*/true);
  const Document doc = normalize(document_with(a), text_source());
  const Action& out = doc.actions[0];
  EXPECT_EQ(out.numero, 5);
  EXPECT_EQ(out.inversion_aproximada, Decimal::from_cents(1000000));
  ASSERT_EQ(codes(out.diagnostics), (std::vector<DiagnosticCode>{DiagnosticCode::kInferredField,
                                                                 DiagnosticCode::kInferredField}))
      << dump(out.diagnostics);
  EXPECT_EQ(out.diagnostics[0].severity, Severity::kInfo);
  EXPECT_EQ(out.diagnostics[0].origin, at(36));
  EXPECT_EQ(out.diagnostics[0].message,
            "no hay etiqueta «NÚMERO DE ACCIÓN»; se tomó «5» por su posición y su tipo");
  EXPECT_EQ(out.diagnostics[1].origin, at(38));
  EXPECT_NE(out.diagnostics[1].message.find("«INVERSIÓN APROXIMADA»"), std::string::npos);
}

TEST(NormalizeTest, UnknownBudgetItem) {
  RawAction a = full_action();
  a.field(HeaderField::kPartidas) = raw("2111, 9999, 0001", 23);
  const Document doc = normalize(document_with(a), text_source());
  const Action& out = doc.actions[0];
  // Kept as written even when unknown.
  EXPECT_EQ(out.partidas_presupuestales, (std::vector<std::string>{"2111", "9999", "0001"}));
  ASSERT_EQ(codes(out.diagnostics),
            (std::vector<DiagnosticCode>{DiagnosticCode::kUnknownBudgetItem,
                                         DiagnosticCode::kUnknownBudgetItem}))
      << dump(out.diagnostics);
  EXPECT_EQ(out.diagnostics[0].text, "9999");
  EXPECT_EQ(out.diagnostics[0].origin, at(23));
  EXPECT_EQ(out.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(out.diagnostics[1].text, "0001");
}

// Activity cells: each typed, absent -> null silently, unparseable -> null + INVALID_VALUE at
// the cell's origin.
TEST(NormalizeTest, ActivityCells) {
  RawAction a = full_action();
  RawActivity& act = a.activities[0];
  act.inversion = raw("gratis", 27);
  act.meses[4] = raw("50%", 28);  // MAY
  act.meses[2].reset();           // MAR: absent, was 1
  act.area_responsable.reset();
  act.programacion_anual = raw("3", 26);           // 5 - MAR(1) - MAY(1) = 3 in the non-null months
  a.activities[1].inversion = raw("\\$0.00", 27);  // keep the investment sum out of this test
  a.field(HeaderField::kInversion) = raw("\\$0.00", 20);
  const Document doc = normalize(document_with(a), text_source());
  const Activity& out = doc.actions[0].activities[0];
  EXPECT_EQ(out.inversion, std::nullopt);
  EXPECT_EQ(out.programacion_mensual[4], std::nullopt);
  EXPECT_EQ(out.programacion_mensual[2], std::nullopt);
  EXPECT_EQ(out.area_responsable, std::nullopt);
  const Diagnostics& diagnostics = doc.actions[0].diagnostics;
  ASSERT_EQ(codes(diagnostics), (std::vector<DiagnosticCode>{DiagnosticCode::kInvalidValue,
                                                             DiagnosticCode::kInvalidValue}))
      << dump(diagnostics);
  EXPECT_EQ(diagnostics[0].origin, at(27));
  EXPECT_EQ(diagnostics[0].text, "gratis");
  EXPECT_EQ(diagnostics[1].origin, at(28));
  EXPECT_EQ(diagnostics[1].text, "50%");
  EXPECT_NE(diagnostics[1].message.find("«MAY»"), std::string::npos) << diagnostics[1].message;
}

TEST(NormalizeTest, ActivityWithoutName) {
  RawAction a = full_action();
  a.activities[1].actividad.reset();
  const Document doc = normalize(document_with(a), text_source());
  const Diagnostics& diagnostics = doc.actions[0].diagnostics;
  ASSERT_EQ(codes(diagnostics), std::vector<DiagnosticCode>{DiagnosticCode::kMissingField})
      << dump(diagnostics);
  EXPECT_EQ(diagnostics[0].origin, at(27));
  EXPECT_NE(diagnostics[0].message.find("actividad"), std::string::npos);
  EXPECT_EQ(doc.actions[0].activities[1].actividad, std::nullopt);
}

TEST(NormalizeTest, MonthlySum) {
  struct Case {
    std::string name;
    std::string anual;
    std::vector<std::string> months;
    std::optional<std::string> message;  // nullopt: no warning
  };
  const std::vector<Case> cases = {
      {"equal", "5", {"-", "-", "1", "-", "1", "-", "1", "-", "1", "-", "1", "-"}, std::nullopt},
      {"differs",
       "5",
       {"1", "1", "1", "1", "1", "1"},
       "programación anual 5 ≠ suma de los meses 6"},
      {"decimals", "1", {"0.5", "0.25"}, "programación anual 1 ≠ suma de los meses 0.75"},
      {"decimals_equal", "1", {"0.5", "0.50"}, std::nullopt},
      {"grouped", "1,200", {"600", "600"}, std::nullopt},
      {"annual_missing",
       "",
       {"", "", "", "", "", "", "1"},
       "falta la programación anual; la suma de los meses es 1"},
      {"annual_no_months", "3", {}, "programación anual 3 ≠ suma de los meses 0"},
      {"all_null", "", {}, std::nullopt},
      {"annual_missing_dashes",
       "",
       {"-", "-"},
       "falta la programación anual; la suma de los meses es 0"},
  };
  for (const Case& c : cases) {
    RawAction a = full_action();
    a.activities = {activity(30, "Una actividad", "", c.anual, c.months)};
    const Document doc = normalize(document_with(a), text_source());
    const Diagnostics& diagnostics = doc.actions[0].diagnostics;
    if (!c.message) {
      EXPECT_TRUE(diagnostics.empty()) << c.name << "\n" << dump(diagnostics);
      continue;
    }
    ASSERT_EQ(codes(diagnostics), std::vector<DiagnosticCode>{DiagnosticCode::kMonthlySumMismatch})
        << c.name << "\n"
        << dump(diagnostics);
    EXPECT_EQ(diagnostics[0].message, *c.message) << c.name;
    EXPECT_EQ(diagnostics[0].origin, at(30)) << c.name;
    EXPECT_EQ(diagnostics[0].severity, Severity::kWarning);
  }
}

// An annual cell that is present but unreadable is reported once, as INVALID_VALUE.
TEST(NormalizeTest, InvalidAnnualIsNotAlsoMissing) {
  RawAction a = full_action();
  a.activities = {activity(30, "Una actividad", "", "cinco", {"1"})};
  const Document doc = normalize(document_with(a), text_source());
  EXPECT_EQ(codes(doc.actions[0].diagnostics),
            std::vector<DiagnosticCode>{DiagnosticCode::kInvalidValue})
      << dump(doc.actions[0].diagnostics);
}

TEST(NormalizeTest, InvestmentSum) {
  struct Case {
    std::string name;
    std::string action_inversion;                  // "" = absent
    std::vector<std::string> activity_inversions;  // "" = empty cell
    std::optional<std::string> message;
  };
  const std::vector<Case> cases = {
      {"equal", "\\$10,000.00", {"\\$0.00", "\\$10,000.00"}, std::nullopt},
      {"differs",
       "\\$60,000.00",
       {"\\$15,000.00", "\\$60,000.00"},
       "inversión aproximada $60,000.00 ≠ suma de las inversiones por actividad $75,000.00"},
      {"all_zero",
       "\\$150,000.00",
       {"\\$0.00", "\\$0.00"},
       "inversión aproximada $150,000.00 ≠ suma de las inversiones por actividad $0.00"},
      {"cents",
       "$1,000,000.5",
       {"$999,999.99"},
       "inversión aproximada $1,000,000.50 ≠ suma de las inversiones por actividad $999,999.99"},
      {"no_activity_inversion", "\\$10,000.00", {"", ""}, std::nullopt},
      {"some_activity_inversion", "\\$10,000.00", {"", "\\$10,000.00"}, std::nullopt},
      {"action_inversion_absent", "", {"\\$5.00"}, std::nullopt},
  };
  for (const Case& c : cases) {
    RawAction a = full_action();
    if (c.action_inversion.empty()) {
      a.field(HeaderField::kInversion).reset();
    } else {
      a.field(HeaderField::kInversion) = raw(c.action_inversion, 20);
    }
    a.activities.clear();
    int line = 30;
    for (const std::string& inv : c.activity_inversions) {
      a.activities.push_back(activity(line++, "Actividad", inv, "1", {"1"}));
    }
    const Document doc = normalize(document_with(a), text_source());
    Diagnostics diagnostics = doc.actions[0].diagnostics;
    std::erase_if(diagnostics,
                  [](const Diagnostic& d) { return d.code == DiagnosticCode::kMissingField; });
    if (!c.message) {
      EXPECT_TRUE(diagnostics.empty()) << c.name << "\n" << dump(diagnostics);
      continue;
    }
    ASSERT_EQ(codes(diagnostics),
              std::vector<DiagnosticCode>{DiagnosticCode::kInvestmentSumMismatch})
        << c.name << "\n"
        << dump(diagnostics);
    EXPECT_EQ(diagnostics[0].message, *c.message) << c.name;
    EXPECT_EQ(diagnostics[0].origin, at(20)) << "origin is the inversion field's";
  }
}

TEST(NormalizeTest, DiagnosticOrderInAction) {
  RawAction a = full_action();
  a.diagnostics.push_back(
      diag::make(DiagnosticCode::kOrphanRows, Severity::kWarning, "filas huérfanas", at(58)));
  a.field(HeaderField::kNumero) = raw("5", 18, /*inferred=*/true);
  a.field(HeaderField::kMeta).reset();
  a.field(HeaderField::kPartidas) = raw("9999", 23);
  a.activities[0].programacion_anual = raw("6", 26);    // monthly mismatch
  a.activities[1].inversion = raw("\\$20,000.00", 27);  // investment mismatch
  const Document doc = normalize(document_with(a), text_source());
  EXPECT_EQ(codes(doc.actions[0].diagnostics),
            (std::vector<DiagnosticCode>{
                DiagnosticCode::kOrphanRows,             // carried over first
                DiagnosticCode::kInferredField,          // numero (header order)
                DiagnosticCode::kMissingField,           // meta
                DiagnosticCode::kUnknownBudgetItem,      // partidas
                DiagnosticCode::kMonthlySumMismatch,     // activities
                DiagnosticCode::kInvestmentSumMismatch,  // sums last
            }))
      << dump(doc.actions[0].diagnostics);
}

TEST(NormalizeTest, Ejercicio) {
  struct Case {
    std::string name;
    std::optional<RawField> year;
    std::optional<int> expected;
    bool missing_warning;
  };
  const std::vector<Case> cases = {
      {"plain", raw("2022", 13), 2022, false},
      {"title", raw("PROGRAMA OPERATIVO ANUAL 2023", 13), 2023, false},
      {"no_year_in_text", raw("PROGRAMA OPERATIVO ANUAL", 13), std::nullopt, true},
      {"absent", std::nullopt, std::nullopt, true},
  };
  for (const Case& c : cases) {
    RawDocument d;
    d.year = c.year;
    const Document doc = normalize(d, text_source());
    EXPECT_EQ(doc.year, c.expected) << c.name;
    if (!c.missing_warning) {
      EXPECT_TRUE(doc.diagnostics.empty()) << c.name << "\n" << dump(doc.diagnostics);
      continue;
    }
    ASSERT_EQ(codes(doc.diagnostics), std::vector<DiagnosticCode>{DiagnosticCode::kMissingField})
        << c.name;
    EXPECT_NE(doc.diagnostics[0].message.find("ejercicio"), std::string::npos);
    EXPECT_EQ(doc.diagnostics[0].origin.file, kFile);
    if (c.year) {
      EXPECT_EQ(doc.diagnostics[0].origin, c.year->origin);
    }
  }
}

TEST(NormalizeTest, EncodingDetected) {
  struct Case {
    std::string encoding;
    bool reported;
  };
  const std::vector<Case> cases = {{"UTF-8", false},
                                   {"UTF-8 (BOM)", false},
                                   {"", false},
                                   {"windows-1252", true},
                                   {"ISO-8859-1", true}};
  for (const Case& c : cases) {
    RawDocument d;
    d.year = raw("2022", 1);
    const Document doc = normalize(d, text_source(c.encoding));
    EXPECT_EQ(doc.source.encoding, c.encoding);
    if (!c.reported) {
      EXPECT_TRUE(doc.diagnostics.empty()) << c.encoding << "\n" << dump(doc.diagnostics);
      continue;
    }
    ASSERT_EQ(codes(doc.diagnostics),
              std::vector<DiagnosticCode>{DiagnosticCode::kEncodingDetected})
        << c.encoding;
    EXPECT_EQ(doc.diagnostics[0].severity, Severity::kInfo);
    EXPECT_EQ(doc.diagnostics[0].message,
              "el archivo no estaba en UTF-8: se leyó como " + c.encoding + " y se convirtió");
    EXPECT_EQ(doc.diagnostics[0].origin.file, kFile);
  }
}

TEST(NormalizeTest, UnrecognizedTextAndDocumentOrder) {
  RawDocument d;
  d.diagnostics.push_back(
      diag::make(DiagnosticCode::kOrphanRows, Severity::kWarning, "nivel documento", at(2)));
  d.unrecognized.push_back(UnrecognizedText{"  Elaboró:\tIng.\xC2\xA0Pérez ", at(190)});
  d.unrecognized.push_back(UnrecognizedText{"\xE2\x80\x8B", at(191)});  // invisible: dropped
  d.unrecognized.push_back(UnrecognizedText{"Vo. Bo.", at(192)});
  const Document doc = normalize(d, text_source("windows-1252"));
  ASSERT_EQ(doc.unrecognized.size(), 2u);
  EXPECT_EQ(doc.unrecognized[0], (UnrecognizedText{"Elaboró: Ing. Pérez", at(190)}));
  EXPECT_EQ(doc.unrecognized[1], (UnrecognizedText{"Vo. Bo.", at(192)}));
  EXPECT_EQ(codes(doc.diagnostics),
            (std::vector<DiagnosticCode>{
                DiagnosticCode::kOrphanRows,  // carried over first
                DiagnosticCode::kEncodingDetected, DiagnosticCode::kMissingField,  // ejercicio
                DiagnosticCode::kUnrecognizedText, DiagnosticCode::kUnrecognizedText}))
      << dump(doc.diagnostics);
  EXPECT_EQ(doc.diagnostics[3].origin, at(190));
  EXPECT_EQ(doc.diagnostics[3].text, "Elaboró: Ing. Pérez");
  EXPECT_EQ(doc.diagnostics[3].severity, Severity::kWarning);
}

TEST(NormalizeTest, ActionsKeepOrderAndDiagnosticsStayWithTheirAction) {
  RawDocument d;
  d.year = raw("2022", 1);
  RawAction first = full_action(10);
  RawAction second = full_action(40);
  second.field(HeaderField::kNumero) = raw("5", 43);
  second.field(HeaderField::kMeta).reset();
  d.actions = {first, second};
  const Document doc = normalize(d, text_source());
  ASSERT_EQ(doc.actions.size(), 2u);
  EXPECT_EQ(doc.actions[0].numero, 4);
  EXPECT_EQ(doc.actions[1].numero, 5);
  EXPECT_TRUE(doc.actions[0].diagnostics.empty());
  EXPECT_EQ(codes(doc.actions[1].diagnostics),
            std::vector<DiagnosticCode>{DiagnosticCode::kMissingField});
  EXPECT_EQ(doc.all_diagnostics().size(), 1u);
}

}  // namespace
}  // namespace poa::normalizer
