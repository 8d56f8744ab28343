// `poa pnt` checks before upload: date rules, per-cell gaps with rows and reason, catalogue
// values, conversion warnings shown, `--strict`, `-q`; every SIPOT code triggered by a case.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "exporters/pnt/pnt_checks.hpp"
#include "job/pnt.hpp"
#include "model/diagnostic.hpp"

namespace fs = std::filesystem;
namespace pnt = poa::exporters::pnt;
using poa::job::ExitCode;

namespace {

using Settings = std::vector<std::pair<std::string, std::string>>;

// Every setting fracción V's built-in layout reads, so that only what a case changes is missing.
const Settings kFullV = {
    {"fecha_inicio", "01/01/2022"},
    {"fecha_termino", "31/03/2022"},
    {"fecha_actualizacion", "15/04/2022"},
    {"fecha_validacion", "15/04/2022"},
    {"area_responsable", "Planeación"},
    {"nota", "Sin nota"},
    {"dimension", "Eficacia"},
    {"definicion", "Avance de la meta"},
    {"metodo_calculo", "Realizado / programado"},
    {"linea_base", "0"},
    {"sentido", "ascendente"},
    {"fuente", "Registros internos"},
};

poa::Activity activity(const char* indicador, const char* unidad, int anual,
                       const std::vector<int>& months) {
  poa::Activity a;
  if (*indicador) a.indicador = indicador;
  a.unidad_medida = unidad;
  a.programacion_anual = poa::Decimal::from_int(anual);
  for (auto& m : a.programacion_mensual) m = poa::Decimal{};
  for (int m : months)
    a.programacion_mensual[static_cast<std::size_t>(m)] = poa::Decimal::from_int(1);
  return a;
}

// One action, three activities with an indicator (rows 8, 9, 10 in V): the first and third
// quarterly (Frecuencia inferred), the second on three uneven months (Frecuencia left empty).
poa::Document sample(const fs::path& path) {
  poa::Document d;
  d.source.path = path.string();
  d.year = 2022;
  poa::Action a;
  a.secretaria = "Secretaría de Planeación";
  a.proposito = "Informar a la población";
  a.activities = {activity("Solicitudes atendidas", "Solicitud", 4, {0, 3, 6, 9}),
                  activity("Informes", "Informe", 3, {0, 1, 5}),
                  activity("Reuniones", "Reunión", 4, {2, 5, 8, 11})};
  d.actions = {a};
  return d;
}

struct Case {
  const char* name;
  pnt::Fraccion fraccion = pnt::Fraccion::kV;
  Settings settings;                           // over kFullV
  std::function<void(poa::Document&)> change;  // on the sample document
  bool strict = false;
  bool quiet = false;
  ExitCode exit = ExitCode::kOk;
  std::vector<std::string> said;      // each on stderr
  std::vector<std::string> not_said;  // none on stderr
  bool written = true;
  std::optional<std::string> municipio;  // --municipio
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.name;
}

std::vector<Case> cases() {
  return {
      {.name = "gap_in_some_rows_names_rows_and_reason",
       .said = {"poa pnt: Reporte de Formatos: advertencia: «Frecuencia de medición» vacía en 1 de "
                "3 filas: 9; no se infiere de los meses programados",
                "--frecuencia) [SIPOT_EMPTY_CELLS]"}},
      {.name = "gap_in_every_row_names_the_setting",
       .settings = {{"dimension", ""}},
       .said = {"«Dimensión(es) a medir» vacía en todas las filas (3); falta el ajuste "
                "«dimension» (--dimension) [SIPOT_EMPTY_CELLS]"}},
      {.name = "gap_a_poa_never_fills_is_info",
       .said = {"Reporte de Formatos: info: «Metas ajustadas en su caso» vacía en todas las "
                "filas (3); un POA tiene lo programado, no lo realizado [SIPOT_EMPTY_CELLS]"}},
      {.name = "gap_from_the_poa_names_what_it_lacks",
       .change = [](poa::Document& d) { d.actions[0].activities[2].unidad_medida.reset(); },
       .said = {"«Unidad de medida» vacía en 1 de 3 filas: 10; la actividad no tiene unidad de "
                "medida"}},
      {.name = "value_not_in_catalogue",
       .settings = {{"sentido", "lateral"}},
       .said = {"Reporte de Formatos:8: advertencia: «lateral» no está en el catálogo de «Sentido "
                "del indicador (catálogo)» (Ascendente, Descendente); la celda queda vacía "
                "[SIPOT_NOT_IN_CATALOGUE]",
                "no está en el catálogo de la columna [SIPOT_EMPTY_CELLS]"}},
      {.name = "conversion_warnings_are_shown",
       .change =
           [](poa::Document& d) {
             d.actions[0].diagnostics.push_back(poa::diag::make(
                 poa::DiagnosticCode::kMonthlySumMismatch, poa::Severity::kWarning,
                 "la programación anual no es la suma de los meses", poa::Origin{"", 3, 12, {}}));
           },
       .said = {":p3:l12: advertencia: la programación anual no es la suma de los meses "
                "[MONTHLY_SUM_MISMATCH]",
                "avisos; escrito"}},
      {.name = "activity_without_indicator_is_said",
       .change = [](poa::Document& d) { d.actions[0].activities[1].indicador.reset(); },
       .said = {"info: actividad sin indicador; no genera registro [SIPOT_SKIPPED_ACTIVITY]"}},
      {.name = "period_ending_before_it_starts_is_refused",
       .settings = {{"fecha_termino", "31/12/2021"}},
       .exit = ExitCode::kUsage,
       .said = {"poa pnt: ajustes: error: la fecha de término del periodo (31/12/2021) es "
                "anterior a la de inicio (01/01/2022) [SIPOT_DATE_ORDER]"},
       .written = false},
      {.name = "update_before_the_period_ends_is_refused",
       .settings = {{"fecha_actualizacion", "30/03/2022"}, {"fecha_validacion", ""}},
       .exit = ExitCode::kUsage,
       .said = {"la fecha de actualización (30/03/2022) es anterior al término del periodo "
                "(31/03/2022) [SIPOT_DATE_ORDER]"},
       .written = false},
      {.name = "validation_before_update_is_refused",
       .settings = {{"fecha_validacion", "14/04/2022"}},
       .exit = ExitCode::kUsage,
       .said = {"la fecha de validación (14/04/2022) es anterior a la de actualización "
                "(15/04/2022) [SIPOT_DATE_ORDER]"},
       .written = false},
      {.name = "period_outside_the_ejercicio_is_refused",
       .settings = {{"ejercicio", "2023"}},
       .exit = ExitCode::kUsage,
       .said = {"la fecha de inicio del periodo (01/01/2022) no es del ejercicio 2023"},
       .written = false},
      {.name = "period_of_another_year_than_the_poa_is_warned",
       .change = [](poa::Document& d) { d.year = 2021; },
       .said = {"advertencia: el POA es del ejercicio 2021 y el periodo (01/01/2022) de otro "
                "año [SIPOT_DATE_ORDER]"}},
      {.name = "bad_setting_option_is_refused",
       .settings = {{"fecha_inicio", "ayer"}},
       .exit = ExitCode::kUsage,
       .said = {"poa pnt: --fecha-inicio: error: fecha no válida en «fecha_inicio»: «ayer» "
                "(use dd/mm/aaaa) [SIPOT_INVALID_SETTING]"},
       .written = false},
      {.name = "no_record_is_refused",
       .change =
           [](poa::Document& d) {
             for (poa::Activity& a : d.actions[0].activities) a.indicador.reset();
           },
       .exit = ExitCode::kInputFailed,
       .said = {"error: ningún registro para la fracción V; no se escribió", "[SIPOT_NO_RECORD]"},
       .written = false},
      {.name = "strict_refuses_a_gap_and_writes_nothing",
       .strict = true,
       .exit = ExitCode::kStrictWarnings,
       .said = {"[SIPOT_EMPTY_CELLS]",
                "poa pnt: --strict: 1 avisos antes de subir; no se escribió"},
       .written = false},
      {.name = "strict_refuses_a_conversion_warning",
       .settings = {{"frecuencia", "Trimestral"}},
       .change =
           [](poa::Document& d) {
             d.diagnostics.push_back(poa::diag::missing_field("ejercicio", poa::Origin{}));
           },
       .strict = true,
       .exit = ExitCode::kStrictWarnings,
       .said = {"[MISSING_FIELD]", "--strict: 1 avisos"},
       .written = false},
      {.name = "strict_passes_with_nothing_missing",
       .settings = {{"frecuencia", "Trimestral"}},
       .strict = true,
       .said = {"0 avisos; escrito"},
       .not_said = {"advertencia"}},
      {.name = "quiet_prints_errors_and_the_summary_only",
       .quiet = true,
       .said = {"poa pnt: fracción V: 3 registros de 1 de 1 entradas; 2 columnas vacías; 1 avisos"},
       .not_said = {"[SIPOT_EMPTY_CELLS]"}},
      {.name = "iv_activity_with_nothing_is_a_warning",
       .fraccion = pnt::Fraccion::kIV,
       .change =
           [](poa::Document& d) {
             poa::Activity& a = d.actions[0].activities[1];
             a.indicador.reset();
             a.unidad_medida.reset();
             a.programacion_anual.reset();
           },
       .said = {"advertencia: actividad sin indicador, meta ni unidad; no va a la subtabla "
                "[SIPOT_SKIPPED_ACTIVITY]"}},
      {.name = "input_of_another_municipio_is_warned",
       .change = [](poa::Document& d) { d.municipio = "ZACATECAS"; },
       .said = {"advertencia: el POA es del municipio «ZACATECAS» y la carga de «Guadalupe» "
                "(--municipio); una carga de SIPOT es de un solo sujeto obligado "
                "[SIPOT_OTHER_MUNICIPIO]"},
       .municipio = "Guadalupe"},
      {.name = "same_municipio_in_other_case_and_accents_is_not_warned",
       .change = [](poa::Document& d) { d.municipio = "SANTA MARIA DEL ORO"; },
       .not_said = {"[SIPOT_OTHER_MUNICIPIO]"},
       .municipio = "Santa María del Oro"},
  };
}

fs::path temp_root() {
  return fs::temp_directory_path() / ("poa_pnt_checks_" + std::to_string(::getpid()));
}

struct Outcome {
  ExitCode exit;
  std::string err;
  bool written;
};

Outcome run_case(const Case& c, const std::string& folder) {
  const fs::path dir = temp_root() / folder;
  fs::remove_all(dir);
  fs::create_directories(dir);
  poa::job::PntJob job;
  job.fraccion = c.fraccion;
  job.format = pnt::OutputFormat::kCsv;
  job.output = dir / "out.csv";
  job.inputs = {dir / "poa.txt"};
  std::ofstream(job.inputs[0]) << "";
  job.strict = c.strict;
  job.quiet = c.quiet;
  job.municipio = c.municipio;
  for (const auto& [k, v] : kFullV) job.setting_overrides[k] = v;
  for (const auto& [k, v] : c.settings) job.setting_overrides[k] = v;
  const poa::job::DocumentLoader load = [&c](const fs::path& p) {
    poa::Document d = sample(p);
    if (c.change) c.change(d);
    return d;
  };
  std::ostringstream err;
  const ExitCode exit = poa::job::run(job, err, load);
  return {exit, err.str(), fs::exists(job.output)};
}

class PntChecksTest : public testing::TestWithParam<Case> {};

TEST_P(PntChecksTest, SaysWhatIsWrongBeforeUpload) {
  const Case& c = GetParam();
  const Outcome r = run_case(c, c.name);
  EXPECT_EQ(static_cast<int>(r.exit), static_cast<int>(c.exit)) << r.err;
  for (const std::string& s : c.said)
    EXPECT_NE(r.err.find(s), std::string::npos) << s << "\n" << r.err;
  for (const std::string& s : c.not_said)
    EXPECT_EQ(r.err.find(s), std::string::npos) << s << "\n" << r.err;
  EXPECT_EQ(r.written, c.written) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Cases, PntChecksTest, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

// Each SIPOT code is triggered by a case above, or by the template case here.
TEST(PntChecksCoverageTest, EverySipotCodeHasACase) {
  std::set<std::string> seen;
  std::string all;
  for (const Case& c : cases()) all += run_case(c, std::string("cov_") + c.name).err;
  poa::job::PntJob job;
  job.inputs = {"x.txt"};
  job.template_path = temp_root() / "no-existe.xlsx";
  job.output = temp_root() / "t.xlsx";
  std::ostringstream err;
  EXPECT_EQ(poa::job::run(job, err), ExitCode::kUsage);
  all += err.str();
  EXPECT_NE(err.str().find("no-existe.xlsx: error: no existe o no es un archivo "
                           "[SIPOT_TEMPLATE_REFUSED]"),
            std::string::npos)
      << err.str();
  for (poa::DiagnosticCode code : poa::kSipotDiagnosticCodes) {
    const std::string tag = "[" + std::string(poa::code_name(code)) + "]";
    EXPECT_NE(all.find(tag), std::string::npos) << tag << " has no case";
  }
}

TEST(PntChecksMunicipiosTest, TheFirstInputsMunicipioIsTheUploadsWithoutTheOption) {
  std::vector<poa::Document> docs(4);
  const std::vector<std::optional<std::string>> names = {std::nullopt, "Fresnillo", "FRESNILLO",
                                                         "Zacatecas"};
  for (std::size_t i = 0; i < docs.size(); ++i) {
    docs[i].source.path = "poa" + std::to_string(i) + ".pdf";
    docs[i].municipio = names[i];
  }
  const poa::Diagnostics d = pnt::check_municipios(std::nullopt, docs);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(poa::format_diagnostic(d[0]),
            "poa3.pdf: advertencia: el POA es del municipio «Zacatecas» y la carga de «Fresnillo» "
            "(el de la primera entrada); una carga de SIPOT es de un solo sujeto obligado "
            "[SIPOT_OTHER_MUNICIPIO]");
}

TEST(PntChecksRowsTest, RangesOfSheetRows) {
  // A column empty in rows 8–10 and 12 of four rows filled only in row 11.
  pnt::TemplateLayout layout = {};
  layout.main.name = "Hoja";
  layout.main.first_data_row = 8;
  layout.main.columns = {{0, "1", "1", "Nombre del indicador", {}}};
  pnt::BoundTables bound;
  bound.main.assign(5, pnt::OutRow(1));
  bound.main[3][0] = pnt::OutCell::text_cell("x");
  const poa::Diagnostics d = pnt::check_gaps(layout, bound, {});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(poa::format_diagnostic(d[0]),
            "Hoja: advertencia: «Nombre del indicador» vacía en 4 de 5 filas: 8–10, 12; la "
            "actividad no tiene indicador [SIPOT_EMPTY_CELLS]");
}

class TempRootCleanup : public testing::Environment {
 public:
  void TearDown() override { fs::remove_all(temp_root()); }
};
testing::Environment* const kCleanup = testing::AddGlobalTestEnvironment(new TempRootCleanup);

}  // namespace
