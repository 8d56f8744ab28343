// CSV exporter: RFC 4180 quoting, nulls, money vs quantities, BOM, batch files, atomic output.
#include <gtest/gtest.h>

#include "test_files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "exporters/csv_exporter.hpp"
#include "exporters/csv_records.hpp"
#include "exporters/exporter.hpp"

namespace poa::exporters {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAccionesHeader =
    "archivo,ejercicio,numero,nombre,secretaria,principio_rector,linea_estrategica_codigo,"
    "linea_estrategica_nombre,estrategia_codigo,estrategia_nombre,meta,proposito,"
    "beneficiarios_mujeres,beneficiarios_hombres,beneficiarios_total,inversion_aproximada,"
    "partidas_presupuestales,num_actividades,num_avisos,accion_clave,municipio\r\n";
constexpr const char* kActividadesHeader =
    "archivo,ejercicio,accion_numero,accion_nombre,actividad,area_responsable,unidad_medida,"
    "inversion,indicador,programacion_anual,ene,feb,mar,abr,may,jun,jul,ago,sep,oct,nov,dic,"
    "pagina,linea,secretaria,accion_clave,municipio\r\n";
constexpr const char* kPartidasHeader =
    "archivo,accion_clave,accion_numero,partida,generica,generica_nombre,concepto,capitulo\r\n";

Document sample() {
  Document doc;
  doc.source =
      SourceInfo{"dir/poa.txt", SourceType::kText, std::string(64, 'a'), std::nullopt, "UTF-8"};
  doc.year = 2022;
  doc.municipio = "Zacatecas";
  Action a;
  a.numero = 4;
  a.nombre = "Acceso a la información";
  a.secretaria = "Secretaría de Planeación.";
  a.principio_rector = "Capital de la Nueva Gobernanza";
  a.linea_estrategica = CodedText{"3.5", "Rendición de cuentas, y acceso"};
  a.estrategia = CodedText{std::nullopt, "Informar"};
  a.meta = "Subir las \"9 tablas\"";
  a.proposito = "Primera línea\nsegunda";
  a.beneficiarios = Beneficiaries{74535, 71612, 146147};
  a.inversion_aproximada = Decimal::from_cents(1000000);
  a.partidas_presupuestales = {"2111", "2611"};
  Activity act;
  act.actividad = "=SUMA(A1)";  // defused ('=SUMA(A1)) unless raw
  act.area_responsable = "Dpto. Seguimiento";
  act.unidad_medida = "Solicitud";
  act.inversion = Decimal{12345, 1};  // 1234.5 -> 1234.50
  act.indicador = "Número de solicitudes";
  act.programacion_anual = Decimal{250, 2};  // 2.50 -> 2.5
  act.programacion_mensual[0] = Decimal::from_int(0);
  act.programacion_mensual[2] = Decimal{25, 1};
  act.origin = Origin{"dir/poa.txt", std::nullopt, 26, std::nullopt};
  a.activities.push_back(act);
  Activity empty;
  empty.origin = Origin{"dir/poa.txt", 3, 9, std::nullopt};
  a.activities.push_back(empty);
  a.diagnostics.push_back(diag::missing_field("META", Origin{}));
  doc.actions.push_back(a);
  doc.actions.emplace_back();  // an action where nothing is known
  return doc;
}

// Written by hand from the column lists in the brief.
const std::string kAccionesRows =
    "dir/poa.txt,2022,4,Acceso a la información,Secretaría de Planeación.,Capital de la Nueva "
    "Gobernanza,3.5,\"Rendición de cuentas, y acceso\",,Informar,\"Subir las \"\"9 tablas\"\"\","
    "\"Primera línea\nsegunda\",74535,71612,146147,10000.00,2111; "
    "2611,2,1,dir/poa.txt#1,Zacatecas\r\n"
    "dir/poa.txt,2022,,,,,,,,,,,,,,,,0,0,dir/poa.txt#2,Zacatecas\r\n";
const std::string kActividadesRows =
    "dir/poa.txt,2022,4,Acceso a la información,'=SUMA(A1),Dpto. Seguimiento,Solicitud,1234.50,"
    "Número de solicitudes,2.5,0,,2.5,,,,,,,,,,,26,Secretaría de Planeación.,dir/poa.txt#1,"
    "Zacatecas\r\n"
    "dir/poa.txt,2022,4,Acceso a la información,,,,,,,,,,,,,,,,,,,3,9,Secretaría de Planeación.,"
    "dir/poa.txt#1,Zacatecas\r\n";
// The CONAC genérica names checked against the Clasificador por Objeto del Gasto.
const std::string kPartidasRows =
    "dir/poa.txt,dir/poa.txt#1,4,2111,211,\"Materiales, útiles y equipos menores de oficina\","
    "2100,2000\r\n"
    "dir/poa.txt,dir/poa.txt#1,4,2611,261,\"Combustibles, lubricantes y aditivos\",2600,2000\r\n";

TEST(CsvExporterTest, TablesMatchTheContract) {
  EXPECT_EQ(acciones_csv(sample()), kAccionesHeader + kAccionesRows);
  EXPECT_EQ(actividades_csv(sample()), kActividadesHeader + kActividadesRows);
  EXPECT_EQ(acciones_csv(sample(), false), kAccionesRows);
  EXPECT_EQ(actividades_csv(sample(), false), kActividadesRows);
  EXPECT_EQ(partidas_csv(sample()), kPartidasHeader + kPartidasRows);
  Document unknown;
  unknown.actions.emplace_back();
  unknown.actions[0].partidas_presupuestales = {"9999"};  // not a CONAC genérica: names empty
  EXPECT_EQ(partidas_csv(unknown, false), ",#1,,9999,,,,\r\n");
}

TEST(CsvExporterTest, QuotesOnlyWhatRfc4180Requires) {
  struct Case {
    std::string value;
    std::string field;
  };
  const std::vector<Case> cases = {
      {"simple", "simple"},
      {"con, coma", "\"con, coma\""},
      {"dice \"hola\"", "\"dice \"\"hola\"\"\""},
      {"\"", "\"\"\"\""},
      {"a\nb", "\"a\nb\""},
      {"a\rb", "\"a\rb\""},
      {"a\r\nb", "\"a\r\nb\""},
      {"punto; y coma", "punto; y coma"},
      {"  espacios  ", "  espacios  "},
      {"ñ «»", "ñ «»"},
      // Text a spreadsheet would run as a formula gets an apostrophe (OWASP); numbers never do.
      {"-5", "'-5"},
      {"@cmd", "'@cmd"},
      {"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
      {"+52 492 000", "'+52 492 000"},
      {"\tx", "'\tx"},
  };
  for (const Case& c : cases) {
    Document doc;
    doc.actions.emplace_back();
    doc.actions[0].nombre = c.value;
    // nombre is the 4th column: archivo and ejercicio are empty, numero is null; municipio last.
    EXPECT_EQ(acciones_csv(doc, false), ",,," + c.field + ",,,,,,,,,,,,,,0,0,#1,\r\n") << c.value;
    // --csv-raw: the text exactly as read (quoted only as RFC 4180 requires).
    const std::string raw = acciones_csv(doc, false, true);
    EXPECT_EQ(raw.find(",,,'"), std::string::npos) << raw;
  }
}

TEST(CsvExporterTest, MoneyHasCentsQuantitiesAreMinimal) {
  struct Case {
    Decimal value;
    const char* money;
    const char* quantity;
  };
  const std::vector<Case> cases = {
      {Decimal::from_cents(1000000), "10000.00", "10000"},
      {Decimal::from_int(0), "0.00", "0"},
      {Decimal{12345, 1}, "1234.50", "1234.5"},
      {Decimal{-5, 2}, "-0.05", "-0.05"},
      {Decimal{1, 0}, "1.00", "1"},
  };
  for (const Case& c : cases) {
    Document doc;
    doc.actions.emplace_back();
    doc.actions[0].activities.emplace_back();
    Activity& act = doc.actions[0].activities[0];
    act.inversion = c.value;
    act.programacion_anual = c.value;
    act.programacion_mensual[11] = c.value;
    EXPECT_EQ(actividades_csv(doc, false), std::string(",,,,,,,") + c.money + ",," + c.quantity +
                                               ",,,,,,,,,,,," + c.quantity + ",,,,#1,\r\n")
        << c.money;
  }
}

fs::path fresh_dir(const std::string& name) {
  return test::fresh_temp_path("poa-csv-test-" + name);
}
using test::listing;
std::string slurp(const fs::path& p) {
  return test::read_file(p);
}

TEST(CsvExporterTest, BatchWritesHeaderOnceAndAppearsOnlyOnFinish) {
  for (bool bom : {false, true}) {
    const fs::path dir = fresh_dir(bom ? "bom" : "plain");
    auto exporter = make_exporter(Format::kCsv, ExportOptions{dir, false, bom});
    exporter->begin();
    Document second = sample();
    second.source.path = "otro.txt";
    exporter->write(sample(), "poa");
    exporter->write(second, "otro");
    // Nothing under the final names until finish(): a reader never sees half a table.
    EXPECT_FALSE(fs::exists(dir / "acciones.csv"));
    EXPECT_FALSE(fs::exists(dir / "actividades.csv"));
    const std::vector<fs::path> written = exporter->finish();
    EXPECT_EQ(written, (std::vector<fs::path>{dir / "acciones.csv", dir / "actividades.csv",
                                              dir / "partidas.csv"}));
    EXPECT_EQ(listing(dir),
              (std::vector<std::string>{"acciones.csv", "actividades.csv", "partidas.csv"}));
    const std::string prefix = bom ? "\xEF\xBB\xBF" : "";
    EXPECT_EQ(slurp(dir / "acciones.csv"),
              prefix + kAccionesHeader + kAccionesRows + acciones_csv(second, false));
    EXPECT_EQ(slurp(dir / "actividades.csv"),
              prefix + kActividadesHeader + kActividadesRows + actividades_csv(second, false));
    fs::remove_all(dir);
  }
}

TEST(CsvExporterTest, EmptyBatchStillHasHeaders) {
  const fs::path dir = fresh_dir("empty");
  auto exporter = make_exporter(Format::kCsv, ExportOptions{dir, false, false});
  exporter->begin();
  exporter->finish();
  EXPECT_EQ(slurp(dir / "acciones.csv"), kAccionesHeader);
  EXPECT_EQ(slurp(dir / "actividades.csv"), kActividadesHeader);
  EXPECT_EQ(slurp(dir / "partidas.csv"), kPartidasHeader);
  fs::remove_all(dir);
}

TEST(CsvExporterTest, AbandonedBatchLeavesNothing) {
  const fs::path dir = fresh_dir("abandoned");
  fs::create_directories(dir);
  std::ofstream(dir / "acciones.csv") << "previous run";
  {
    auto exporter = make_exporter(Format::kCsv, ExportOptions{dir, false, false});
    exporter->begin();
    exporter->write(sample(), "poa");
    // Destroyed without finish(), as when a later input fails the batch.
  }
  EXPECT_EQ(listing(dir), std::vector<std::string>{"acciones.csv"});
  EXPECT_EQ(slurp(dir / "acciones.csv"), "previous run");
  fs::remove_all(dir);
}

TEST(CsvExporterTest, StdoutGetsActividadesOnly) {
  for (bool bom : {false, true}) {
    std::stringstream captured;
    std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
    auto exporter = make_exporter(Format::kCsv, ExportOptions{"/nonexistent/never", true, bom});
    exporter->begin();
    exporter->write(sample(), "poa");
    const auto written = exporter->finish();
    std::cout.rdbuf(old);
    EXPECT_EQ(captured.str(),
              std::string(bom ? "\xEF\xBB\xBF" : "") + kActividadesHeader + kActividadesRows);
    EXPECT_TRUE(written.empty());
  }
  EXPECT_FALSE(fs::exists("/nonexistent/never"));
}

// Reading back what the writer wrote (for --append and the manifest): records may hold quoted
// line breaks, fields are unquoted, the first field stays as written.
TEST(CsvRecordsTest, SplitsRecordsAndFields) {
  struct Case {
    std::string text;
    std::vector<std::vector<std::string>> fields;
    std::vector<std::string> first;
  };
  const std::vector<Case> cases = {
      {"a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}, {"a", "1"}},
      {"\xEF\xBB\xBF"
       "a\r\n",
       {{"a"}},
       {"a"}},
      {"\"x\ny\",2\r\n", {{"x\ny", "2"}}, {"\"x\ny\""}},
      {"\"di \"\"hola\"\"\",\r\n", {{"di \"hola\"", ""}}, {"\"di \"\"hola\"\"\""}},
      {"sin,fin", {{"sin", "fin"}}, {"sin"}},
      {"", {}, {}},
  };
  for (const Case& c : cases) {
    const auto records = csv_records(c.text);
    ASSERT_EQ(records.size(), c.fields.size()) << c.text;
    for (std::size_t i = 0; i < records.size(); ++i) {
      EXPECT_EQ(csv_fields(records[i]), c.fields[i]) << c.text;
      EXPECT_EQ(csv_first_field(records[i]), c.first[i]) << c.text;
    }
  }
}

}  // namespace
}  // namespace poa::exporters
