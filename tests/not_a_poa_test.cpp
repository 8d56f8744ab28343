// Documents that are not POAs, real and made up, each refused with its reason; an indicator
// report is refused without reading it all.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "extractor/poa_evidence.hpp"
#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "model/diagnostic.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;

// Real documents published by municipalities (see its README.md): beside the clone, not in it;
// POA_REAL_DOCS names another place (a worktree elsewhere).
const fs::path kReal = std::getenv("POA_REAL_DOCS") != nullptr
                           ? fs::path(std::getenv("POA_REAL_DOCS"))
                           : fs::path(POA_SOURCE_DIR "/../shared/real");

struct RefusalCase {
  const char* name;
  fs::path file;        // a file that exists, or one written from `content`
  const char* content;  // nullptr: `file` is read as it is
  DiagnosticCode code;
  const char* reason;  // a part of the message
};

// The refusal `file` gets, or a failure when it is converted.
std::optional<Diagnostic> refusal_of(const fs::path& file) {
  try {
    auto reader = extractor::open_source(file);
    extractor::recognize(*reader);
  } catch (const InputError& e) {
    return e.diagnostic();
  }
  return std::nullopt;
}

class RefusedTest : public testing::TestWithParam<RefusalCase> {};

TEST_P(RefusedTest, WithItsReason) {
  const RefusalCase& c = GetParam();
  fs::path file = c.file;
  if (c.content != nullptr) {
    file = fs::temp_directory_path() / (std::string("poa_not_a_poa_") + c.name + ".txt");
    std::ofstream(file, std::ios::binary) << c.content;
  } else if (!fs::exists(file)) {
    GTEST_SKIP() << file << " is not here (../shared/real/ sits beside the clone)";
  }
  const std::optional<Diagnostic> d = refusal_of(file);
  if (c.content != nullptr) fs::remove(file);
  ASSERT_TRUE(d.has_value()) << file << " was converted";
  EXPECT_EQ(d->code, c.code) << d->message;
  EXPECT_NE(d->message.find(c.reason), std::string::npos) << d->message;
  EXPECT_EQ(d->severity, Severity::kError);
  std::cout << "  " << format_diagnostic(*d) << '\n';
}

INSTANTIATE_TEST_SUITE_P(
    Documents, RefusedTest,
    testing::Values(RefusalCase{"real_mir_report", kReal / "jesusmaria_ReporteMIR2021.pdf", nullptr,
                                DiagnosticCode::kNotAPoa, "parece un reporte de indicadores (MIR)"},
                    RefusalCase{"real_gazette",
                                kReal / "jesusmaria_DO_distribucion_FISMDF_FORTAMUN.pdf", nullptr,
                                DiagnosticCode::kNotAPoa, "ningún bloque de encabezado de acción"},
                    RefusalCase{"real_filled_sipot_sheet",
                                kReal / "itsch_06_Indicadores_de_resultados_2T2025.pdf", nullptr,
                                DiagnosticCode::kNotAPoa, "parece un formato SIPOT ya llenado"},
                    // Scans: read by OCR, then refused for what they hold.
                    RefusalCase{"real_scan_copier", kReal / "itsch_eval_fis_fin_resumen_2025.pdf",
                                nullptr, DiagnosticCode::kNotAPoa,
                                "ningún bloque de encabezado de acción"},
                    RefusalCase{"real_scan_conac_table",
                                kReal / "alvaroobregon_2018_4T_gasto_categoria_programatica.pdf",
                                nullptr, DiagnosticCode::kNotAPoa,
                                "ningún bloque de encabezado de acción"},
                    RefusalCase{"repo_readme", POA_SOURCE_DIR "/README.md", nullptr,
                                DiagnosticCode::kNotAPoa, "parece un README o documento markdown"},
                    RefusalCase{"python_script", POA_SOURCE_DIR "/fixtures/pdf/make_fixtures.py",
                                nullptr, DiagnosticCode::kNotAPoa, "es código fuente"},
                    // Read as a CSV (the spreadsheet reader), it holds no POA.
                    RefusalCase{"csv_of_numbers",
                                {},
                                "mes,ene,feb,mar\n2022,1,2,3\n2023,4,5,6\n2024,7,8,9\n",
                                DiagnosticCode::kNotAPoa,
                                "no se encontró ningún bloque de encabezado"},
                    RefusalCase{"only_a_title",
                                {},
                                "## PROGRAMA OPERATIVO ANUAL 2024\n\n",
                                DiagnosticCode::kNotAPoa,
                                "solo hay un título"},
                    RefusalCase{"semester_calendar",
                                {},
                                "SECRETARÍA\tNOMBRE DE LA ACCIÓN\tMETA\n"
                                "Obras Públicas\tBacheo\t100 baches\n"
                                "ACTIVIDAD\tÁREA RESPONSABLE\tUNIDAD DE MEDIDA\tENE-JUN\tJUL-DIC\n"
                                "Bacheo\tObras\tBache\t50\t50\n",
                                DiagnosticCode::kNotAPoa,
                                "no hay tabla de actividades con los meses ENE…DIC"}),
    [](const testing::TestParamInfo<RefusalCase>& info) { return std::string(info.param.name); });

// A reader that counts the pages it was asked for.
class CountingReader : public RowReader {
 public:
  explicit CountingReader(std::unique_ptr<RowReader> inner) : inner_(std::move(inner)) {}
  std::optional<CellRow> next() override {
    std::optional<CellRow> row = inner_->next();
    if (row) pages_ = std::max(pages_, row->page);
    return row;
  }
  const SourceInfo& info() const override { return inner_->info(); }
  int pages() const { return pages_; }

 private:
  std::unique_ptr<RowReader> inner_;
  int pages_ = 0;
};

// Pages read before `file` was refused, or -1 when it was not.
int pages_read_before_refusal(const fs::path& file) {
  CountingReader reader(extractor::open_source(file));
  extractor::ActionStream stream(reader);
  try {
    while (stream.next_action()) {
    }
    stream.finish();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kNotAPoa);
    return reader.pages();
  }
  return -1;
}

TEST(EarlyRefusalTest, RealMirReportStopsAfterItsFirstSheets) {
  const fs::path mir = kReal / "jesusmaria_ReporteMIR2021.pdf";
  if (!fs::exists(mir)) GTEST_SKIP() << mir << " is not here";
  const auto start = std::chrono::steady_clock::now();
  const int pages = pages_read_before_refusal(mir);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_GT(pages, 0);
  EXPECT_LE(pages, 5);  // of 322: one indicator per page, refused after three of them
  std::cout << "  MIR refused after reading " << pages << " of 322 pages in " << ms << " ms\n";
}

TEST(EarlyRefusalTest, MadeUpIndicatorReportStopsAtItsFourthPage) {
  // Four indicator sheets, one per page: the fourth page's first row ends the third sheet.
  const int pages =
      pages_read_before_refusal(POA_SOURCE_DIR "/fixtures/errors/mir_indicator_report/input.txt");
  EXPECT_EQ(pages, extractor::EvidenceConfig{}.mir_sheets_to_stop + 1);
}

}  // namespace
}  // namespace poa
