// `poa pnt` end to end through the library: fill real SIPOT templates and read them back with
// openpyxl (tests/pnt/inspect_xlsx.py) and LibreOffice.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exporters/pnt/pnt_export.hpp"
#include "job/pnt.hpp"
#include "model/diagnostic.hpp"

namespace fs = std::filesystem;
namespace pnt = poa::exporters::pnt;
using poa::job::ExitCode;
using poa::job::PntJob;

namespace {

const fs::path kSource = POA_SOURCE_DIR;
const fs::path kTemplates = kSource / "tests/pnt/templates";

std::string run(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;)
    out.append(buf.data(), n);
  const int rc = ::pclose(p);
  if (status) *status = rc;
  return out;
}

// Debian's python3 has python3-openpyxl; a pyenv python3 on PATH may not.
const std::string& python() {
  static const std::string found = [] {
    for (const char* py : {"/usr/bin/python3", "python3"}) {
      int rc = -1;
      run(std::string(py) + " -c 'import openpyxl' 2>/dev/null", &rc);
      if (rc == 0) return std::string(py);
    }
    return std::string();
  }();
  return found;
}

#define REQUIRE_OPENPYXL()                                    \
  if (python().empty())                                       \
  GTEST_SKIP() << "python3 con openpyxl no está instalado; " \
                  "se omite la lectura independiente del .xlsx"

// All temp folders of this run live under one folder named by the pid, so two suites running at
// once (two build folders) stay out of each other's way; it is removed when the run ends.
class TempRoot : public testing::Environment {
 public:
  static fs::path path() {
    return fs::temp_directory_path() / ("poa_pnt_" + std::to_string(::getpid()));
  }
  void TearDown() override { fs::remove_all(path()); }
};
testing::Environment* const kTempRoot = testing::AddGlobalTestEnvironment(new TempRoot);

fs::path temp_dir(const std::string& name) {
  const fs::path d = TempRoot::path() / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

rapidjson::Document inspect(const fs::path& out, const fs::path& tmpl = {}) {
  const std::string cmd = python() + " " + (kSource / "tests/pnt/inspect_xlsx.py").string() + " '" +
                          out.string() + "'" + (tmpl.empty() ? "" : " '" + tmpl.string() + "'");
  const std::string json = run(cmd);
  rapidjson::Document d;
  d.Parse(json.c_str());
  EXPECT_FALSE(d.HasParseError()) << cmd << "\n" << json;
  return d;
}

// A small POA: 2 actions; the first has 3 activities (one without an indicator, one whose
// indicator looks like a formula), the second 2.
poa::Document sample_doc(const std::string& path, int extra_activities = 0) {
  poa::Document d;
  d.source.path = path;
  d.year = 2022;
  auto activity = [](std::string ind, std::string unidad, int anual, std::vector<int> months) {
    poa::Activity a;
    if (!ind.empty()) a.indicador = ind;
    a.unidad_medida = unidad;
    a.programacion_anual = poa::Decimal::from_int(anual);
    for (auto& m : a.programacion_mensual) m = poa::Decimal{};
    for (int m : months) a.programacion_mensual[m] = poa::Decimal::from_int(1);
    return a;
  };
  poa::Action a;
  a.secretaria = "Secretaría de Planeación.";
  a.nombre = "Acceso a la información";
  a.proposito = "Proveer de la información necesaria para una administración transparente.";
  a.activities = {activity("Número de solicitudes atendidas", "Solicitud", 5, {0, 3, 6, 9}),
                  activity("", "Documento", 4, {0}),
                  activity("=HYPERLINK(\"http://x\")", "Registro", 36, {0, 3, 6, 9})};
  poa::Action b;
  b.secretaria = "Secretaría de Planeación.";
  b.nombre = "Programas Operativos Anuales";
  b.meta = "Contar con 15 POA";  // no propósito: the objective falls back to the meta
  b.activities = {activity("Programa autorizado", "Punto de acuerdo", 1, {0}),
                  activity("Formato requisitado", "Formato", 15, {8})};
  for (int i = 0; i < extra_activities; ++i)
    b.activities.push_back(activity("Indicador " + std::to_string(i), "Pieza", i + 1, {1}));
  d.actions = {a, b};
  return d;
}

// Empty input files: the test loader makes their documents, but they must exist.
std::vector<fs::path> inputs_in(const fs::path& dir, const std::vector<std::string>& names) {
  std::vector<fs::path> out;
  for (const std::string& n : names) {
    out.push_back(dir / n);
    std::ofstream(out.back()) << "";
  }
  return out;
}

PntJob job_for(pnt::Fraccion f, const fs::path& out) {
  PntJob job;
  job.inputs = inputs_in(out.parent_path(), {"a.txt"});
  job.fraccion = f;
  job.output = out;
  for (auto [k, v] : std::vector<std::pair<const char*, const char*>>{
           {"fecha_inicio", "01/01/2022"},
           {"fecha_termino", "31/03/2022"},
           {"fecha_actualizacion", "15/04/2022"},
           {"area_responsable", "Secretaría de Planeación"},
           {"sentido", "ascendente"},
           {"hipervinculo", "https://example.org/poa-2022.pdf"}}) {
    EXPECT_FALSE(pnt::apply_setting(job.settings, k, v));
  }
  return job;
}

// Loader for tests: a file named "bad*" is refused like an unreadable POA.
poa::job::DocumentLoader loader(int extra = 0) {
  return [extra](const fs::path& p) {
    if (p.filename().string().rfind("bad", 0) == 0)
      throw poa::InputError(poa::diag::input_error(poa::DiagnosticCode::kNotAPoa, "no es un POA",
                                                   poa::Origin{p.string()}));
    return sample_doc(p.string(), extra);
  };
}

// The column whose header starts with `header_start` (ASCII letters compared without case).
int column_of(const rapidjson::Value& sheet, const std::string& header_start) {
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  const auto& h = sheet["header"].GetArray();
  for (rapidjson::SizeType i = 0; i < h.Size(); ++i)
    if (h[i].IsString() && lower(h[i].GetString()).rfind(lower(header_start), 0) == 0)
      return static_cast<int>(i);
  ADD_FAILURE() << "no column " << header_start;
  return 0;
}

struct TemplateCase {
  const char* file;
  pnt::Fraccion fraccion;
  std::size_t records;  // from sample_doc
  bool has_validacion;
};

const std::vector<TemplateCase> kCases = {
    {"fraccion-iv-objetivos-y-metas-2022.xlsx", pnt::Fraccion::kIV, 2, true},
    {"fraccion-v-indicadores-interes-publico-2022.xlsx", pnt::Fraccion::kV, 4, true},
    {"fraccion-v-indicadores-interes-publico-2023-hidalgo.xlsx", pnt::Fraccion::kV, 4, false},
    {"fraccion-vi-indicadores-resultados-2022.xlsx", pnt::Fraccion::kVI, 4, true},
    {"fraccion-vi-indicadores-resultados-2023-hidalgo.xlsx", pnt::Fraccion::kVI, 4, false},
};

// Checks a filled workbook against its template and the sample's content.
void check_filled(const fs::path& out, const fs::path& tmpl, const TemplateCase& c,
                  std::size_t inputs) {
  const rapidjson::Document r = inspect(out, tmpl);
  ASSERT_TRUE(r.IsObject());
  EXPECT_TRUE(r["same_as_template"].GetBool()) << "rows 1-7, other sheets, merges, hidden rows";
  EXPECT_TRUE(r["same_defined_names"].GetBool());
  const auto& main = r["main"];
  const auto& hidden = main["hidden_rows"].GetArray();
  ASSERT_GE(hidden.Size(), 3u);
  EXPECT_EQ(hidden[0].GetInt(), 1);
  EXPECT_EQ(hidden[1].GetInt(), 4);
  EXPECT_EQ(hidden[2].GetInt(), 5);
  const auto& data = main["data"].GetArray();
  ASSERT_EQ(data.Size(), c.records * inputs);

  const auto& row0 = data[0].GetArray();
  // Ejercicio is type 1 (text) in these templates: written as text, not 2022.0.
  ASSERT_TRUE(row0[column_of(main, "Ejercicio")].IsObject());
  EXPECT_STREQ(row0[column_of(main, "Ejercicio")]["v"].GetString(), "2022");
  const auto& inicio = row0[column_of(main, "Fecha de inicio")];
  ASSERT_TRUE(inicio.IsObject());
  EXPECT_STREQ(inicio["t"].GetString(), "d");
  EXPECT_STREQ(inicio["v"].GetString(), "2022-01-01");
  EXPECT_STREQ(inicio["fmt"].GetString(), "dd/mm/yyyy");
  const auto& actualizacion = row0[column_of(main, "Fecha de actualizaci")];
  ASSERT_TRUE(actualizacion.IsObject());
  EXPECT_STREQ(actualizacion["v"].GetString(), "2022-04-15");
  if (c.has_validacion) {
    EXPECT_TRUE(row0[column_of(main, "Fecha de validaci")].IsNull());
  }

  if (c.fraccion == pnt::Fraccion::kIV) {
    EXPECT_STREQ(row0[column_of(main, "Denominación")]["v"].GetString(),
                 "Secretaría de Planeación.");
    EXPECT_STREQ(data[1][column_of(main, "Descripción")]["v"].GetString(), "Contar con 15 POA");
    EXPECT_STREQ(row0[column_of(main, "Hipervínculo")]["v"].GetString(),
                 "https://example.org/poa-2022.pdf");
    // Sub-table ids: numbers 1..n in the main sheet, and every sub-row carries one of them.
    const int link = column_of(main, "Indicadores y metas");
    std::set<double> ids;
    for (const auto& row : data) {
      ASSERT_STREQ(row[link]["t"].GetString(), "n");
      ids.insert(row[link]["v"].GetDouble());
    }
    EXPECT_EQ(ids.size(), data.Size());
    const auto& subs = r["subtables"];
    ASSERT_EQ(subs.MemberCount(), 1u);
    const auto& sub = subs.MemberBegin()->value;
    EXPECT_EQ(sub["hidden_rows"].GetArray().Size(), 2u);
    const auto& sub_rows = sub["data"].GetArray();
    ASSERT_EQ(sub_rows.Size(), 5u * inputs);  // every activity: 3 + 2
    for (const auto& row : sub_rows) EXPECT_TRUE(ids.count(row[0]["v"].GetDouble()));
    EXPECT_EQ(sub_rows[0][0]["v"].GetDouble(), 1);
    EXPECT_STREQ(sub_rows[0][1]["v"].GetString(), "Número de solicitudes atendidas");
    EXPECT_STREQ(sub_rows[0][2]["v"].GetString(), "5");  // type 2: text
    EXPECT_STREQ(sub_rows[0][3]["v"].GetString(), "Solicitud");
    EXPECT_TRUE(sub_rows[1][1].IsNull());  // the activity without an indicator
    // The formula-looking indicator is text with Excel's quote prefix, not a formula.
    EXPECT_STREQ(sub_rows[2][1]["v"].GetString(), "=HYPERLINK(\"http://x\")");
    EXPECT_TRUE(sub_rows[2][1]["quote"].GetBool());
    return;
  }
  EXPECT_STREQ(row0[column_of(main, "Nombre")  // "Nombre del(os)…" in V; programa first in VI
                    + (c.fraccion == pnt::Fraccion::kVI ? 2 : 0)]["v"]
                   .GetString(),
               "Número de solicitudes atendidas");
  EXPECT_STREQ(row0[column_of(main, "Metas programadas")]["v"].GetString(), "5");
  EXPECT_STREQ(row0[column_of(main, "Frecuencia")]["v"].GetString(), "Trimestral");
  EXPECT_STREQ(row0[column_of(main, "Unidad de medida")]["v"].GetString(), "Solicitud");
  // Catalogue value spelled exactly as in Hidden_1, and the validation kept.
  EXPECT_STREQ(row0[column_of(main, "Sentido")]["v"].GetString(), "Ascendente");
  EXPECT_EQ(r["catalogues"]["Hidden_1"].GetArray().Size(), 2u);
  ASSERT_EQ(main["validations"].GetArray().Size(), 1u);
  const std::string formula = main["validations"][0]["formula1"].GetString();
  EXPECT_TRUE(formula == "Hidden_114" || formula == "Hidden_115") << formula;
  EXPECT_TRUE(row0[column_of(main, "Avance")].IsNull());      // no progress in a POA
  EXPECT_TRUE(row0[column_of(main, "Línea base")].IsNull());  // not set: never invented
  const auto& row1 = data[1].GetArray();
  EXPECT_TRUE(row1[column_of(main, "Nombre") + (c.fraccion == pnt::Fraccion::kVI ? 2 : 0)]["quote"]
                  .GetBool());
}

TEST(PntTemplateTest, FillsEachSharedTemplateKeepingEverythingButData) {
  REQUIRE_OPENPYXL();
  for (const TemplateCase& c : kCases) {
    SCOPED_TRACE(c.file);
    const fs::path dir = temp_dir(std::string("fill_") + c.file);
    PntJob job = job_for(c.fraccion, dir / "out.xlsx");
    job.template_path = kTemplates / c.file;
    job.inputs = inputs_in(dir, {"secretaria-a.txt", "secretaria-b.txt"});
    std::ostringstream err;
    ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
    check_filled(job.output, *job.template_path, c, 2);
    // The run lists what it could not fill.
    EXPECT_NE(err.str().find("vacía en todas las filas"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("Nota"), std::string::npos) << err.str();
  }
}

TEST(PntTemplateTest, FillsATemplateWithOtherIdsAndWording) {
  REQUIRE_OPENPYXL();
  for (const TemplateCase& c : {kCases[0], kCases[3]}) {
    SCOPED_TRACE(c.file);
    const fs::path dir = temp_dir("derived");
    const fs::path derived = dir / "derived.xlsx";
    int rc = -1;
    run(python() + " " + (kSource / "tests/pnt/derive_template.py").string() + " '" +
            (kTemplates / c.file).string() + "' '" + derived.string() + "' >/dev/null",
        &rc);
    ASSERT_EQ(rc, 0);
    PntJob job = job_for(c.fraccion, dir / "out.xlsx");
    job.template_path = derived;
    std::ostringstream err;
    ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
    const rapidjson::Document r = inspect(job.output, derived);
    EXPECT_TRUE(r["same_as_template"].GetBool());
    const auto& data = r["main"]["data"].GetArray();
    ASSERT_EQ(data.Size(), c.records);
    // Same content as the original template gets, column by column.
    const fs::path plain = dir / "plain.xlsx";
    job.template_path = kTemplates / c.file;
    job.output = plain;
    ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
    const rapidjson::Document p = inspect(plain);
    EXPECT_TRUE(p["main"]["data"] == r["main"]["data"]);
    if (c.fraccion == pnt::Fraccion::kIV) {
      ASSERT_TRUE(r["subtables"].HasMember("Tabla_9512813"));
      EXPECT_TRUE(r["subtables"]["Tabla_9512813"]["data"] ==
                  p["subtables"]["Tabla_512813"]["data"]);
    }
  }
}

TEST(PntTemplateTest, ValidationGrowsWithManyRows) {
  REQUIRE_OPENPYXL();
  const fs::path dir = temp_dir("many");
  PntJob job = job_for(pnt::Fraccion::kV, dir / "out.xlsx");
  job.template_path = kTemplates / kCases[1].file;
  std::ostringstream err;
  ASSERT_EQ(poa::job::run(job, err, loader(/*extra=*/250)), ExitCode::kOk) << err.str();
  const rapidjson::Document r = inspect(job.output);
  EXPECT_EQ(r["main"]["data"].GetArray().Size(), 254u);
  EXPECT_STREQ(r["main"]["validations"][0]["sqref"].GetString(), "O8:O261");
}

TEST(PntTemplateTest, BuiltinLayoutLooksLikeSipot) {
  REQUIRE_OPENPYXL();
  for (const TemplateCase& c : {kCases[0], kCases[1], kCases[3]}) {
    SCOPED_TRACE(c.file);
    const fs::path dir = temp_dir("builtin");
    PntJob job = job_for(c.fraccion, dir / "out.xlsx");
    std::ostringstream err;
    ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
    // The built-in layout must read back exactly like the national template of 2022.
    const rapidjson::Document r = inspect(job.output);
    const rapidjson::Document t = inspect(kTemplates / c.file);
    EXPECT_TRUE(r["main"]["header"] == t["main"]["header"]);
    EXPECT_TRUE(r["main"]["ids"] == t["main"]["ids"]);
    EXPECT_TRUE(r["main"]["types"] == t["main"]["types"]);
    EXPECT_TRUE(r["main"]["hidden_rows"] == t["main"]["hidden_rows"]);
    EXPECT_TRUE(r["defined_names"] == t["defined_names"]);
    EXPECT_TRUE(r["catalogues"] == t["catalogues"]);
    EXPECT_EQ(r["main"]["data"].GetArray().Size(), c.records);
    if (c.fraccion != pnt::Fraccion::kIV) {
      EXPECT_STREQ(r["main"]["validations"][0]["sqref"].GetString(),
                   t["main"]["validations"][0]["sqref"].GetString());
    } else {
      EXPECT_TRUE(r["subtables"]["Tabla_512813"]["header"] ==
                  t["subtables"]["Tabla_512813"]["header"]);
      EXPECT_EQ(r["subtables"]["Tabla_512813"]["data"].GetArray().Size(), 5u);
    }
    // Same rows as the filled national template.
    PntJob with = job;
    with.template_path = kTemplates / c.file;
    with.output = dir / "with.xlsx";
    ASSERT_EQ(poa::job::run(with, err, loader()), ExitCode::kOk) << err.str();
    EXPECT_TRUE(inspect(with.output)["main"]["data"] == r["main"]["data"]);
  }
}

TEST(PntTemplateTest, LibreOfficeOpensTheOutput) {
  int rc = -1;
  run("command -v soffice >/dev/null 2>&1", &rc);
  if (rc != 0) GTEST_SKIP() << "LibreOffice (soffice) no está instalado: prueba omitida";
  const fs::path dir = temp_dir("soffice");
  for (const TemplateCase& c : {kCases[0], kCases[2]}) {
    PntJob job = job_for(c.fraccion, dir / (std::string(pnt::fraccion_name(c.fraccion)) + ".xlsx"));
    job.template_path = kTemplates / c.file;
    std::ostringstream err;
    ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
    const std::string log =
        run("cd '" + dir.string() + "' && HOME='" + dir.string() +
                "' timeout 120 soffice --headless --norestore --convert-to csv:\"Text - txt - "
                "csv (StarCalc)\":44,34,76 --outdir '" +
                dir.string() + "' '" + job.output.string() + "' 2>&1",
            &rc);
    ASSERT_EQ(rc, 0) << log;
    const fs::path csv = fs::path(job.output).replace_extension(".csv");
    ASSERT_TRUE(fs::exists(csv)) << log;
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("Secretaría de Planeación"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("Tabla Campos"), std::string::npos);
  }
}

TEST(PntTemplateTest, RefusedTemplateLeavesNoOutputAndExitsTwo) {
  const fs::path dir = temp_dir("refused");
  const fs::path not_xlsx = dir / "plantilla.xlsx";
  std::ofstream(not_xlsx) << "no soy un zip";
  struct Case {
    fs::path tmpl;
    pnt::Fraccion f;
    const char* message;
  };
  const std::vector<Case> cases = {
      {not_xlsx, pnt::Fraccion::kV, "no es un archivo .xlsx"},
      {dir / "no-existe.xlsx", pnt::Fraccion::kV, "no existe"},
      {kTemplates / kCases[1].file, pnt::Fraccion::kIV, "no parece de la fracción IV"},
      {kTemplates / kCases[0].file, pnt::Fraccion::kVI, "no parece de la fracción VI"},
      {kTemplates / kCases[1].file, pnt::Fraccion::kVI, "Nombre del programa"},
  };
  for (const Case& c : cases) {
    PntJob job = job_for(c.f, dir / "out.xlsx");
    job.template_path = c.tmpl;
    std::ostringstream err;
    EXPECT_EQ(poa::job::run(job, err, loader()), ExitCode::kUsage);
    EXPECT_NE(err.str().find(c.message), std::string::npos) << err.str();
    EXPECT_FALSE(fs::exists(job.output));
  }
}

TEST(PntTemplateTest, FilledTemplateIsRefusedAsTemplate) {
  REQUIRE_OPENPYXL();
  const fs::path dir = temp_dir("filled");
  PntJob job = job_for(pnt::Fraccion::kV, dir / "out.xlsx");
  job.template_path = kTemplates / kCases[1].file;
  std::ostringstream err;
  ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk);
  job.template_path = job.output;
  job.output = dir / "again.xlsx";
  EXPECT_EQ(poa::job::run(job, err, loader()), ExitCode::kUsage);
  EXPECT_NE(err.str().find("ya tiene datos en A8"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(job.output));
}

TEST(PntTemplateTest, RefusedInputIsReportedAndTheOthersGoIn) {
  REQUIRE_OPENPYXL();
  const fs::path dir = temp_dir("inputs");
  PntJob job = job_for(pnt::Fraccion::kV, dir / "out.xlsx");
  job.template_path = kTemplates / kCases[1].file;
  job.inputs = inputs_in(dir, {"uno.txt", "bad.txt", "dos.txt"});
  std::ostringstream err;
  EXPECT_EQ(poa::job::run(job, err, loader()), ExitCode::kInputFailed);
  EXPECT_NE(err.str().find("bad.txt: error: no es un POA [NOT_A_POA]"), std::string::npos)
      << err.str();
  EXPECT_EQ(inspect(job.output)["main"]["data"].GetArray().Size(), 8u);
}

TEST(PntTemplateTest, FolderRunReadsEachPoaOnceNotItsJsonBeside) {
  REQUIRE_OPENPYXL();
  // `poa convert` leaves poa.json beside poa.txt; read both and every record comes twice.
  const fs::path dir = temp_dir("folder");
  const fs::path in = dir / "in";
  fs::create_directories(in);
  const fs::path sample =
      fs::path(POA_SOURCE_DIR) / "fixtures/text/sample/sample_secretaria_planeacion";
  fs::copy_file(sample / "input.txt", in / "poa.txt");
  fs::copy_file(sample / "expected.json", in / "poa.json");
  std::ofstream(in / "notas.md") << "# Notas\n\nNada que ver.\n";
  PntJob job = job_for(pnt::Fraccion::kIV, dir / "out.xlsx");
  job.inputs = {in};
  std::ostringstream err;
  ASSERT_EQ(poa::job::run(job, err), ExitCode::kOk) << err.str();
  EXPECT_EQ(inspect(job.output)["main"]["data"].GetArray().Size(), 8u) << err.str();
  EXPECT_NE(err.str().find("omitidos 1 archivo"), std::string::npos) << err.str();
  // Named on the command line, the JSON is read (alone here).
  job.inputs = {in / "poa.json"};
  std::ostringstream err2;
  ASSERT_EQ(poa::job::run(job, err2), ExitCode::kOk) << err2.str();
  EXPECT_EQ(inspect(job.output)["main"]["data"].GetArray().Size(), 8u) << err2.str();
}

TEST(PntTemplateTest, NoRecordWritesNothingAndFails) {
  // Fracción V takes activities with an indicator; a POA without any gives no record.
  const fs::path dir = temp_dir("norecord");
  PntJob job = job_for(pnt::Fraccion::kV, dir / "out.xlsx");
  std::ostringstream err;
  const poa::job::DocumentLoader no_indicators = [](const fs::path& p) {
    poa::Document d = sample_doc(p.string(), 0);
    for (poa::Action& a : d.actions) {
      for (poa::Activity& act : a.activities) act.indicador.reset();
    }
    return d;
  };
  EXPECT_EQ(poa::job::run(job, err, no_indicators), ExitCode::kInputFailed);
  EXPECT_NE(err.str().find("ningún registro para la fracción"), std::string::npos) << err.str();
  EXPECT_FALSE(fs::exists(job.output));
}

TEST(PntTemplateTest, CsvHasBomHeaderAndDefusedFormulas) {
  const fs::path dir = temp_dir("csv");
  PntJob job = job_for(pnt::Fraccion::kIV, dir / "iv.csv");
  job.format = pnt::OutputFormat::kCsv;
  std::ostringstream err;
  ASSERT_EQ(poa::job::run(job, err, loader()), ExitCode::kOk) << err.str();
  std::ifstream main(job.output, std::ios::binary),
      sub(dir / "iv_Tabla_512813.csv", std::ios::binary);
  std::stringstream m, s;
  m << main.rdbuf();
  s << sub.rdbuf();
  EXPECT_EQ(m.str().rfind("\xEF\xBB\xBF"
                          "Ejercicio,Fecha de inicio",
                          0),
            0u)
      << m.str();
  EXPECT_NE(m.str().find("\r\n2022,01/01/2022,31/03/2022,Secretaría de Planeación.,"),
            std::string::npos)
      << m.str();
  EXPECT_NE(s.str().find("\r\n1,\"'=HYPERLINK(\"\"http://x\"\")\",36,Registro"), std::string::npos)
      << s.str();
}

}  // namespace
