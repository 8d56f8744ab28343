// The POA -> SIPOT mapping: header matching, dates, frequency inference, settings, records.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "exporters/pnt/pnt_model.hpp"

namespace pnt = poa::exporters::pnt;
using pnt::Field;

namespace {

TEST(PntModelTest, MatchesHeadersOfEveryKnownWording) {
  struct Case {
    const char* header;
    const char* type;
    std::optional<Field> want;
  };
  const std::vector<Case> cases = {
      {"Ejercicio", "1", Field::kEjercicio},
      {"Fecha de inicio del periodo que se informa", "4", Field::kFechaInicio},
      {"Fecha de término del periodo que se informa", "4", Field::kFechaTermino},
      {"FECHA DE TERMINO DEL PERIODO QUE SE INFORMA", "4", Field::kFechaTermino},
      {"Denominación del área", "2", Field::kDenominacionArea},
      {"Descripción breve y clara de cada objetivo institucional", "2", Field::kObjetivo},
      {"Indicadores y metas asociados a cada objetivo \nTabla_512813", "10", Field::kSubtabla},
      {"Indicadores y metas asociados a cada objetivo Tabla_512813", "2", Field::kSubtabla},
      {"Hipervínculo al documento del o los programas operativos", "7", Field::kHipervinculo},
      {"Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información",
       "2", Field::kAreaResponsable},
      {"Fecha de validación", "4", Field::kFechaValidacion},
      {"Fecha de Actualización", "13", Field::kFechaActualizacion},
      {"Nota", "14", Field::kNota},
      {"Objetivo institucional (Redactados con perspectiva de género)", "2", Field::kObjetivo},
      {"Nombre del(os) indicador(es)", "2", Field::kIndicador},
      {"Nombre(s) del(os) indicador(es)", "1", Field::kIndicador},
      {"Dimensión(es) a medir", "1", Field::kDimension},
      {"Definición del indicador", "2", Field::kDefinicion},
      {"Método de cálculo con variables de la fórmula", "2", Field::kMetodoCalculo},
      {"Unidad de medida", "1", Field::kUnidadMedida},
      {"Frecuencia de medición", "1", Field::kFrecuencia},
      {"Línea base", "1", Field::kLineaBase},
      {"Metas programadas", "2", Field::kMetasProgramadas},
      {"Metas ajustadas que existan, en su caso", "2", Field::kMetasAjustadas},
      {"Avance de las metas al periodo que se informa", "2", Field::kAvance},
      {"Sentido del indicador (catálogo)", "9", Field::kSentido},
      {"Fuente de información que alimenta al indicador", "2", Field::kFuente},
      {"Nombre del programa o concepto al que corresponde el indicador", "2", Field::kPrograma},
      {"Columna inventada", "2", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(pnt::match_main_header(c.header, c.type), c.want) << c.header;
  }
  EXPECT_EQ(pnt::match_sub_header("ID"), Field::kSubId);
  EXPECT_EQ(pnt::match_sub_header("Indicadores asociados"), Field::kSubIndicador);
  EXPECT_EQ(pnt::match_sub_header("Meta del indicador"), Field::kSubMeta);
  EXPECT_EQ(pnt::match_sub_header("Unidad de Medida"), Field::kSubUnidad);
}

TEST(PntModelTest, FoldsAccentsCaseSpacingAndDecorations) {
  EXPECT_EQ(pnt::fold_header("  Área(s)  RESPONSABLE\n"), "area(s) responsable");
  EXPECT_EQ(pnt::fold_header("Objetivo (Redactados con perspectiva de género)"), "objetivo");
  EXPECT_EQ(pnt::fold_header("Indicadores \nTabla_512813"), "indicadores");
  EXPECT_EQ(pnt::fold_header("Sentido del indicador (catálogo)"), "sentido del indicador");
}

TEST(PntModelTest, ParsesDatesAndComputesExcelSerials) {
  EXPECT_EQ(pnt::parse_date("31/03/2022"), (pnt::Date{2022, 3, 31}));
  EXPECT_EQ(pnt::parse_date("2022-12-31"), (pnt::Date{2022, 12, 31}));
  EXPECT_FALSE(pnt::parse_date("31/02/2022"));
  EXPECT_FALSE(pnt::parse_date("2022/01/01"));
  EXPECT_FALSE(pnt::parse_date("1/1/2022"));
  EXPECT_EQ(pnt::excel_serial({2022, 1, 1}), 44562);
  EXPECT_EQ(pnt::excel_serial({1900, 3, 1}), 61);
  EXPECT_EQ(pnt::format_date({2022, 1, 5}), "05/01/2022");
}

TEST(PntModelTest, InfersFrequencyOnlyFromEvenlySpacedMonths) {
  struct Case {
    std::vector<int> months;  // 0-based months with a non-zero programme
    std::optional<std::string> want;
  };
  const std::vector<Case> cases = {
      {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, "Mensual"},
      {{0, 3, 6, 9}, "Trimestral"},
      {{2, 5, 8, 11}, "Trimestral"},
      {{1, 3, 5, 7, 9, 11}, "Bimestral"},
      {{0, 6}, "Semestral"},
      {{3, 7, 11}, "Cuatrimestral"},
      {{8}, "Anual"},
      {{2, 4, 6, 8, 10}, std::nullopt},  // every other month but not all year: no guess
      {{0, 1}, std::nullopt},
      {{}, std::nullopt},
  };
  for (const Case& c : cases) {
    poa::Activity a;
    for (auto& m : a.programacion_mensual) m = poa::Decimal{};
    for (int m : c.months) a.programacion_mensual[m] = poa::Decimal::from_int(1);
    EXPECT_EQ(pnt::infer_frecuencia(a), c.want) << c.months.size();
  }
}

TEST(PntModelTest, SettingsFileAndErrorsNameTheLine) {
  const auto dir = std::filesystem::temp_directory_path() / "poa_pnt_model_test";
  std::filesystem::create_directories(dir);
  const auto good = dir / "ok.ini";
  std::ofstream(good) << "# ajustes\n\nfecha_inicio = 01/01/2022\nfecha-termino=2022-03-31\n"
                         "area_responsable = Secretaría de Planeación\nsentido = Ascendente\n"
                         "hipervinculo = https://example.org/poa.pdf\nnota = \" con espacios \"\n"
                         "objetivo = meta\n";
  pnt::Settings s;
  pnt::load_settings_file(good, s);
  EXPECT_EQ(s.fecha_inicio, (pnt::Date{2022, 1, 1}));
  EXPECT_EQ(s.fecha_termino, (pnt::Date{2022, 3, 31}));
  EXPECT_EQ(s.area_responsable, "Secretaría de Planeación");
  EXPECT_EQ(s.nota, "con espacios");
  EXPECT_EQ(s.objetivo, pnt::ObjetivoSource::kMeta);

  struct Bad {
    const char* text;
    int line;
    const char* expect;  // in the message
  };
  const std::vector<Bad> bad = {
      {"fecha_inicio = 2022\n", 1, "fecha no válida"},
      {"# x\nhipervinculo = www.example.org\n", 2, "el hipervínculo"},
      {"color = azul\n", 1, "clave desconocida"},
      {"solo texto\n", 1, "se esperaba"},
  };
  for (const Bad& b : bad) {
    const auto path = dir / "ajustes.ini";
    std::ofstream(path) << b.text;
    pnt::Settings t;
    try {
      pnt::load_settings_file(path, t);
      ADD_FAILURE() << "accepted: " << b.text;
    } catch (const poa::InputError& e) {
      const poa::Diagnostic& d = e.diagnostic();
      EXPECT_EQ(d.code, poa::DiagnosticCode::kSipotInvalidSetting) << e.what();
      EXPECT_EQ(d.origin.file, path.string());
      EXPECT_EQ(d.origin.line, b.line) << e.what();
      EXPECT_NE(d.message.find(b.expect), std::string::npos) << e.what();
    }
  }
}

poa::Document sample_doc() {
  poa::Document d;
  d.source.path = "poa.txt";
  d.year = 2022;
  poa::Action a;
  a.secretaria = "Secretaría de Planeación.";
  a.nombre = "Acceso a la información";
  a.meta = "Subir las 9 tablas";
  a.proposito = "Proveer de la información necesaria";
  poa::Activity x;
  x.indicador = "Número de solicitudes atendidas";
  x.unidad_medida = "Solicitud";
  x.programacion_anual = poa::Decimal::from_int(5);
  poa::Activity y;  // no indicator: a sub-table row in IV, no record in V/VI
  y.unidad_medida = "Documento";
  y.programacion_anual = poa::Decimal::from_int(4);
  a.activities = {x, y};
  d.actions = {a, a};
  return d;
}

TEST(PntModelTest, BuildsOneRecordPerActionForIVAndPerIndicatorForVAndVI) {
  pnt::Settings s;
  s.sentido = "Ascendente";
  const auto iv = pnt::build_table(pnt::Fraccion::kIV, {sample_doc()}, s);
  ASSERT_EQ(iv.records.size(), 2u);
  EXPECT_EQ(iv.records[0].sub_rows.size(), 2u);
  EXPECT_EQ(iv.records[1].sub_id, 2);
  EXPECT_EQ(std::get<std::string>(iv.records[0].values.at(Field::kObjetivo)),
            "Proveer de la información necesaria");
  EXPECT_EQ(std::get<poa::Decimal>(iv.records[0].sub_rows[1].at(Field::kSubMeta)),
            poa::Decimal::from_int(4));
  EXPECT_FALSE(iv.records[0].values.count(Field::kSentido));

  const auto v = pnt::build_table(pnt::Fraccion::kVI, {sample_doc(), sample_doc()}, s);
  ASSERT_EQ(v.records.size(), 4u);  // 2 docs × 2 actions × 1 activity with an indicator
  EXPECT_EQ(v.notes.size(), 4u);
  EXPECT_EQ(std::get<std::string>(v.records[0].values.at(Field::kPrograma)),
            "Programa Operativo Anual 2022");
  EXPECT_EQ(std::get<std::string>(v.records[0].values.at(Field::kSentido)), "Ascendente");
  EXPECT_FALSE(v.records[0].values.count(Field::kFechaInicio));  // never invented
  EXPECT_FALSE(v.records[0].values.count(Field::kAvance));
}

}  // namespace
