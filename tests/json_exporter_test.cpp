// JSON exporter and reader: exact output shape, nulls, exact numbers, round trip, reader errors,
// schema conformance and atomic file output.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include "test_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/atomic_file.hpp"
#include "exporters/exporter.hpp"
#include "exporters/json_exporter.hpp"

namespace poa::exporters {
namespace {

namespace fs = std::filesystem;

Decimal money(std::int64_t cents) {
  return Decimal::from_cents(cents);
}
Decimal qty(std::int64_t v) {
  return Decimal::from_int(v);
}

// A small document with one of everything, in the shape the sample's first action has. Every
// origin names `file`, as the normaliser's do.
Document small_document(const std::string& file = "poa.txt") {
  Document doc;
  doc.source = SourceInfo{file, SourceType::kText, std::string(64, 'a'), std::nullopt, "UTF-8"};
  doc.year = 2022;
  Action a;
  a.numero = 4;
  a.nombre = "Acceso a la información";
  a.linea_estrategica = CodedText{"3.5", "Rendición de cuentas"};
  a.beneficiarios = Beneficiaries{74535, 71612, 146147};
  a.inversion_aproximada = money(1000000);
  a.partidas_presupuestales = {"2111", "2611"};
  Activity act;
  act.actividad = "Asistir a \"capacitaciones\"";
  act.inversion = money(123450);
  act.programacion_anual = qty(3);
  act.programacion_mensual[0] = qty(0);
  act.programacion_mensual[3] = Decimal{25, 1};
  act.origin = Origin{file, std::nullopt, 26, std::nullopt};
  a.activities.push_back(act);
  a.origin = Origin{file, std::nullopt, 15, std::nullopt};
  a.diagnostics.push_back(diag::make(DiagnosticCode::kMonthlySumMismatch, Severity::kWarning,
                                     "programación anual 3 ≠ suma de los meses 2.5",
                                     Origin{file, std::nullopt, 26, std::nullopt}));
  doc.actions.push_back(a);
  doc.unrecognized.push_back(
      UnrecognizedText{"MUNICIPIO DE ZACATECAS", Origin{file, std::nullopt, 3, std::nullopt}});
  return doc;
}

// Written by hand from the contract: key order, 2-space indent, nulls, UTF-8 as is, final newline.
constexpr const char* kSmallJson = R"({
  "schema_version": 1,
  "fuente": {
    "archivo": "poa.txt",
    "tipo": "texto",
    "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "paginas": null,
    "codificacion": "UTF-8"
  },
  "ejercicio": 2022,
  "acciones": [
    {
      "numero": 4,
      "nombre": "Acceso a la información",
      "secretaria": null,
      "principio_rector": null,
      "linea_estrategica": {
        "codigo": "3.5",
        "nombre": "Rendición de cuentas"
      },
      "estrategia": null,
      "meta": null,
      "proposito": null,
      "beneficiarios": {
        "mujeres": 74535,
        "hombres": 71612,
        "total": 146147
      },
      "inversion_aproximada": 10000,
      "partidas_presupuestales": [
        "2111",
        "2611"
      ],
      "actividades": [
        {
          "actividad": "Asistir a \"capacitaciones\"",
          "area_responsable": null,
          "unidad_medida": null,
          "inversion": 1234.5,
          "indicador": null,
          "programacion_anual": 3,
          "programacion_mensual": [
            0,
            null,
            null,
            2.5,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null
          ],
          "origen": {
            "pagina": null,
            "linea": 26
          }
        }
      ],
      "origen": {
        "pagina": null,
        "linea": 15
      },
      "avisos": [
        {
          "codigo": "MONTHLY_SUM_MISMATCH",
          "severidad": "advertencia",
          "mensaje": "programación anual 3 ≠ suma de los meses 2.5",
          "origen": {
            "pagina": null,
            "linea": 26
          }
        }
      ]
    }
  ],
  "avisos": [],
  "no_reconocido": [
    {
      "texto": "MUNICIPIO DE ZACATECAS",
      "origen": {
        "pagina": null,
        "linea": 3
      }
    }
  ]
}
)";

TEST(JsonExporterTest, WritesTheContractExactly) {
  EXPECT_EQ(to_json(small_document()), kSmallJson);
}

TEST(JsonExporterTest, UnknownValuesAreNullNeverEmptyOrZero) {
  Document doc;
  doc.source = SourceInfo{"x.pdf", SourceType::kPdf, std::string(64, 'b'), 3, ""};
  doc.actions.emplace_back();
  doc.actions[0].activities.emplace_back();
  const std::string json = to_json(doc);
  rapidjson::Document dom;
  ASSERT_FALSE(dom.Parse(json.c_str()).HasParseError());
  EXPECT_STREQ(dom["fuente"]["tipo"].GetString(), "pdf");
  EXPECT_EQ(dom["fuente"]["paginas"].GetInt(), 3);
  EXPECT_TRUE(dom["fuente"]["codificacion"].IsNull());
  EXPECT_TRUE(dom["ejercicio"].IsNull());
  const auto& action = dom["acciones"][0];
  for (const char* k :
       {"numero", "nombre", "secretaria", "principio_rector", "linea_estrategica", "estrategia",
        "meta", "proposito", "beneficiarios", "inversion_aproximada"}) {
    EXPECT_TRUE(action[k].IsNull()) << k;
  }
  EXPECT_TRUE(action["partidas_presupuestales"].IsArray());
  EXPECT_EQ(action["partidas_presupuestales"].Size(), 0u);
  const auto& activity = action["actividades"][0];
  for (const char* k : {"actividad", "area_responsable", "unidad_medida", "inversion", "indicador",
                        "programacion_anual"}) {
    EXPECT_TRUE(activity[k].IsNull()) << k;
  }
  ASSERT_EQ(activity["programacion_mensual"].Size(), 12u);
  for (const auto& m : activity["programacion_mensual"].GetArray()) EXPECT_TRUE(m.IsNull());
  EXPECT_TRUE(activity["origen"]["pagina"].IsNull());
  EXPECT_TRUE(activity["origen"]["linea"].IsNull());
}

TEST(JsonExporterTest, NumbersAreExactDecimalText) {
  struct Case {
    Decimal value;
    const char* text;
  };
  const std::vector<Case> cases = {
      {money(1000000), "10000"},
      {money(123450), "1234.5"},
      {money(0), "0"},
      {Decimal{-25, 2}, "-0.25"},
      {Decimal{5, 3}, "0.005"},
      // Beyond a double's 15–17 significant digits: must not go through a double.
      {Decimal{123456789012345678, 2}, "1234567890123456.78"},
  };
  for (const Case& c : cases) {
    Document doc = small_document();
    doc.actions[0].inversion_aproximada = c.value;
    const std::string json = to_json(doc);
    EXPECT_NE(json.find(std::string("\"inversion_aproximada\": ") + c.text + ",\n"),
              std::string::npos)
        << c.text;
    const Document back = document_from_json(json, "x.json");
    EXPECT_EQ(back.actions[0].inversion_aproximada, c.value) << c.text;
    EXPECT_GE(back.actions[0].inversion_aproximada->scale, 2) << "money is read back in cents";
  }
}

TEST(JsonExporterTest, EscapesOnlyWhatJsonRequires) {
  Document doc = small_document();
  doc.actions[0].meta = "línea 1\nlínea 2\t\"comillas\" \\ ñ €";
  const std::string json = to_json(doc);
  EXPECT_NE(json.find(R"("meta": "línea 1\nlínea 2\t\"comillas\" \\ ñ €")"), std::string::npos)
      << json;
  EXPECT_EQ(json.find("\\u"), std::string::npos);
}

// Document -> JSON -> Document -> JSON must be byte-identical, and the typed values equal.
TEST(JsonReaderTest, RoundTripIsIdentical) {
  std::vector<Document> docs = {small_document(), Document{}};
  Document rich = small_document("dir/poa 2022.pdf");
  rich.source = SourceInfo{"dir/poa 2022.pdf", SourceType::kPdf, std::string(64, 'c'), 12, ""};
  rich.year = std::nullopt;
  rich.actions[0].estrategia = CodedText{std::nullopt, "Sin código"};
  rich.actions[0].beneficiarios = Beneficiaries{std::nullopt, 10, std::nullopt};
  rich.actions[0].activities[0].origin = Origin{"dir/poa 2022.pdf", 7, 31, std::nullopt};
  rich.actions.push_back(rich.actions[0]);
  rich.actions[1].numero = std::nullopt;
  rich.actions[1].activities.clear();
  rich.diagnostics.push_back(diag::make(DiagnosticCode::kEncodingDetected, Severity::kInfo,
                                        "codificación windows-1252", Origin{"dir/poa 2022.pdf"}));
  docs.push_back(rich);
  for (const Document& doc : docs) {
    const std::string first = to_json(doc);
    const Document back = document_from_json(first, "poa.json");
    EXPECT_EQ(to_json(back), first);
    EXPECT_EQ(back.source.path, doc.source.path);
    EXPECT_EQ(back.source.type, doc.source.type);
    EXPECT_EQ(back.source.pages, doc.source.pages);
    EXPECT_EQ(back.source.encoding, doc.source.encoding);
    ASSERT_EQ(back.actions.size(), doc.actions.size());
    for (std::size_t i = 0; i < doc.actions.size(); ++i) {
      const Action& a = doc.actions[i];
      const Action& b = back.actions[i];
      EXPECT_EQ(b.numero, a.numero);
      EXPECT_EQ(b.estrategia, a.estrategia);
      EXPECT_EQ(b.beneficiarios, a.beneficiarios);
      EXPECT_EQ(b.inversion_aproximada, a.inversion_aproximada);
      // Activities compare whole, origin included (the file comes back from fuente.archivo).
      EXPECT_EQ(b.activities, a.activities);
      EXPECT_EQ(b.diagnostics.size(), a.diagnostics.size());
      for (std::size_t d = 0; d < a.diagnostics.size(); ++d) {
        EXPECT_EQ(b.diagnostics[d].code, a.diagnostics[d].code);
        EXPECT_EQ(b.diagnostics[d].severity, a.diagnostics[d].severity);
        EXPECT_EQ(b.diagnostics[d].message, a.diagnostics[d].message);
        EXPECT_EQ(b.diagnostics[d].origin, a.diagnostics[d].origin);
      }
    }
    EXPECT_EQ(back.diagnostics.size(), doc.diagnostics.size());
    EXPECT_EQ(back.unrecognized, doc.unrecognized);
  }
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) ADD_FAILURE() << "fixture text not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(JsonReaderTest, RefusesWhatIsNotTheContractNamingThePath) {
  struct Case {
    const char* name;
    std::string from, to;  // an edit of kSmallJson
    const char* path;      // must appear in the message and be the diagnostic's text
  };
  const std::vector<Case> cases = {
      {"version", "\"schema_version\": 1", "\"schema_version\": 2", "schema_version"},
      {"version as text", "\"schema_version\": 1", "\"schema_version\": \"1\"", "schema_version"},
      {"missing version", "\"schema_version\": 1,", "", "schema_version"},
      {"missing fuente key", "\"tipo\": \"texto\",", "", "fuente.tipo"},
      {"bad tipo", "\"tipo\": \"texto\"", "\"tipo\": \"docx\"", "fuente.tipo"},
      {"number as text", "\"numero\": 4", "\"numero\": \"4\"", "acciones[0].numero"},
      {"fractional integer", "\"numero\": 4", "\"numero\": 4.5", "acciones[0].numero"},
      {"missing action key", "\"meta\": null,", "", "acciones[0].meta"},
      {"text as number", "\"nombre\": \"Acceso a la información\"", "\"nombre\": 7",
       "acciones[0].nombre"},
      {"exponent", "\"inversion\": 1234.5", "\"inversion\": 1.2345e3",
       "acciones[0].actividades[0].inversion"},
      {"eleven months", "0,\n            null,", "0,",
       "acciones[0].actividades[0].programacion_mensual"},
      {"month as text", "2.5,", "\"2.5\",", "acciones[0].actividades[0].programacion_mensual[3]"},
      {"partida as number", "\"2611\"", "2611", "acciones[0].partidas_presupuestales[1]"},
      {"unknown code", "MONTHLY_SUM_MISMATCH", "NO_SUCH_CODE", "acciones[0].avisos[0].codigo"},
      {"unknown severity", "\"advertencia\"", "\"warning\"", "acciones[0].avisos[0].severidad"},
      {"missing origin line", "\"linea\": 3", "\"line\": 3", "no_reconocido[0].origen.linea"},
      {"beneficiarios not object", "\"beneficiarios\": {", "\"beneficiarios\": [{",
       "acciones[0].beneficiarios"},
  };
  for (const Case& c : cases) {
    std::string json = replaced(kSmallJson, c.from, c.to);
    if (std::string(c.name) == "beneficiarios not object") {
      json = replaced(json, "\"total\": 146147\n      },", "\"total\": 146147\n      }],");
    }
    try {
      document_from_json(json, "in.json");
      ADD_FAILURE() << c.name << ": no exception";
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kInvalidValue) << c.name;
      EXPECT_EQ(e.diagnostic().severity, Severity::kError) << c.name;
      EXPECT_EQ(e.diagnostic().origin.file, "in.json") << c.name;
      EXPECT_EQ(e.diagnostic().text, c.path) << c.name << ": " << e.what();
      EXPECT_NE(std::string(e.what()).find(std::string("«") + c.path + "»"), std::string::npos)
          << c.name << ": " << e.what();
    }
  }
}

TEST(JsonReaderTest, MalformedJsonPointsAtTheLine) {
  const std::string json = replaced(kSmallJson, "\"ejercicio\": 2022,", "\"ejercicio\": 2022");
  try {
    document_from_json(json, "in.json");
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kInvalidValue);
    // The missing comma is noticed at the next key, on line 11.
    EXPECT_EQ(e.diagnostic().origin.line, 11) << e.what();
  }
  EXPECT_THROW(document_from_json("", "in.json"), InputError);
  EXPECT_THROW(document_from_json("[]", "in.json"), InputError);
  EXPECT_THROW(document_from_json(std::string(kSmallJson) + "{}", "in.json"), InputError);
}

TEST(JsonReaderTest, AcceptsAddedKeysAndOtherNumberSpellings) {
  // Forward compatibility: keys we do not know are ignored; 10000.00 reads as 10000.
  std::string json =
      replaced(kSmallJson, "\"ejercicio\": 2022,", "\"ejercicio\": 2022, \"x\": [1],");
  json = replaced(json, "\"inversion_aproximada\": 10000", "\"inversion_aproximada\": 10000.00");
  const Document doc = document_from_json(json, "in.json");
  EXPECT_EQ(doc.actions[0].inversion_aproximada, money(1000000));
  EXPECT_EQ(to_json(doc), kSmallJson);
}

// The schema accepts what to_json writes and refuses what breaks the contract.
class SchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::ifstream in(fs::path(POA_SOURCE_DIR) / "schema/poa.schema.json");
    std::stringstream text;
    text << in.rdbuf();
    rapidjson::Document schema_dom;
    ASSERT_FALSE(schema_dom.Parse(text.str().c_str()).HasParseError());
    schema_ = new rapidjson::SchemaDocument(schema_dom);
  }
  static void TearDownTestSuite() { delete schema_; }

  static std::string violation(const std::string& json) {
    rapidjson::Document dom;
    if (dom.Parse(json.c_str()).HasParseError()) return "parse error";
    rapidjson::SchemaValidator validator(*schema_);
    if (dom.Accept(validator)) return "";
    rapidjson::StringBuffer where;
    validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
    return std::string(validator.GetInvalidSchemaKeyword()) + " at " + where.GetString();
  }

  static rapidjson::SchemaDocument* schema_;
};
rapidjson::SchemaDocument* SchemaTest::schema_ = nullptr;

TEST_F(SchemaTest, AcceptsExporterOutput) {
  EXPECT_EQ(violation(kSmallJson), "");
  Document empty;
  empty.source.sha256 = std::string(64, '0');
  empty.source.path = "a.txt";
  empty.actions.emplace_back();
  empty.actions[0].activities.emplace_back();
  EXPECT_EQ(violation(to_json(empty)), "");
}

TEST_F(SchemaTest, RefusesContractViolations) {
  struct Case {
    const char* from;
    const char* to;
  };
  const std::vector<Case> cases = {
      {"\"schema_version\": 1", "\"schema_version\": 2"},
      {"\"tipo\": \"texto\"", "\"tipo\": \"txt\""},
      {"\"sha256\": \"aaaa", "\"sha256\": \"AAAA"},
      {"\"numero\": 4", "\"numero\": \"4\""},
      {"\"numero\": 4", "\"numero\": 4.5"},
      {"\"meta\": null,", ""},
      {"\"inversion\": 1234.5", "\"inversion\": \"1234.5\""},
      {"0,\n            null,", "0,"},
      {"\"2611\"", "2611"},
      {"MONTHLY_SUM_MISMATCH", "NO_SUCH_CODE"},
      {"\"advertencia\"", "\"warning\""},
      {"\"linea\": 3", "\"line\": 3"},
      {"\"linea\": 3", "\"linea\": 0"},
      {"\"nombre\": \"Rendición de cuentas\"", "\"nombre\": 5"},
  };
  for (const Case& c : cases) {
    EXPECT_NE(violation(replaced(kSmallJson, c.from, c.to)), "") << c.from << " -> " << c.to;
  }
  EXPECT_EQ(
      violation(replaced(kSmallJson, "\"ejercicio\": 2022,", "\"ejercicio\": 2022, \"x\": 1,")), "")
      << "added keys are allowed";
}

fs::path fresh_dir(const std::string& name) {
  return test::fresh_temp_path("poa-json-test-" + name);
}
using test::listing;
std::string slurp(const fs::path& p) {
  return test::read_file(p);
}

TEST(JsonExporterTest, WritesOneFilePerStemAndNothingElse) {
  const fs::path dir = fresh_dir("files") / "sub";  // created by begin()
  auto exporter = make_exporter(Format::kJson, ExportOptions{dir, false, false});
  exporter->begin();
  Document second = small_document();
  second.year = 2023;
  exporter->write(small_document(), "poa-2022");
  exporter->write(second, "poa-2023");
  const std::vector<fs::path> written = exporter->finish();
  EXPECT_EQ(written, (std::vector<fs::path>{dir / "poa-2022.json", dir / "poa-2023.json"}));
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"poa-2022.json", "poa-2023.json"}));
  EXPECT_EQ(slurp(dir / "poa-2022.json"), kSmallJson);
  EXPECT_EQ(slurp(dir / "poa-2023.json"), to_json(second));
  fs::remove_all(dir.parent_path());
}

TEST(JsonExporterTest, StdoutGetsTheDocument) {
  std::stringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  auto exporter = make_exporter(Format::kJson, ExportOptions{"/nonexistent/never", true, false});
  exporter->begin();
  exporter->write(small_document(), "poa");
  const auto written = exporter->finish();
  std::cout.rdbuf(old);
  EXPECT_EQ(captured.str(), kSmallJson);
  EXPECT_TRUE(written.empty());
  EXPECT_FALSE(fs::exists("/nonexistent/never"));
}

TEST(AtomicFileTest, AppearsOnlyOnCommitAndReplaces) {
  const fs::path dir = fresh_dir("atomic");
  fs::create_directories(dir);
  const fs::path target = dir / "out.txt";
  { std::ofstream(target) << "old"; }
  {
    AtomicFile f(target);
    EXPECT_EQ(f.temp_path().parent_path(), dir);
    EXPECT_EQ(f.temp_path().filename().string()[0], '.') << "hidden from directory scans";
    f.write("new ");
    f.write("content");
    EXPECT_EQ(slurp(target), "old") << "target untouched before commit";
    EXPECT_TRUE(fs::exists(f.temp_path()));
    EXPECT_EQ(f.commit(), target);
  }
  EXPECT_EQ(slurp(target), "new content");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"out.txt"});
  fs::remove_all(dir);
}

TEST(AtomicFileTest, AbandonedFileLeavesNoTrace) {
  const fs::path dir = fresh_dir("abandoned");
  fs::create_directories(dir);
  fs::path temp;
  try {
    AtomicFile f(dir / "out.json");
    temp = f.temp_path();
    f.write("half");
    throw std::runtime_error("conversion failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(temp.empty());
  EXPECT_TRUE(listing(dir).empty());
  // Two at once get different temporary names.
  AtomicFile a(dir / "x"), b(dir / "x");
  EXPECT_NE(a.temp_path(), b.temp_path());
  fs::remove_all(dir);
}

TEST(AtomicFileTest, UnwritableFolderThrowsInSpanish) {
  try {
    AtomicFile f("/nonexistent-poa-dir/out.json");
    FAIL() << "no exception";
  } catch (const OutputError& e) {
    // One line: the file, what failed, the system's reason in Spanish.
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent-poa-dir/out.json: no se pudo crear: no existe el archivo o la carpeta");
  }
}

}  // namespace
}  // namespace poa::exporters
