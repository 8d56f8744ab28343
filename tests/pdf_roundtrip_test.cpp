// Round trip: seeded random POAs rendered to PDF with varied geometry, converted by the real
// pipeline (poa::job::convert_file) and compared field by field with what was generated.
//
// Reproduce one failure: `pdf_roundtrip_test --gtest_filter='*/semilla_N'` (the seed is printed
// on failure and names the test). With POA_ROUNDTRIP_KEEP=DIR every PDF is kept in DIR
// (failing ones are always kept, in $TMPDIR/poa-roundtrip, path printed), for `poa inspect`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>

#include "job/convert.hpp"
#include "testgen/pdf_render.hpp"
#include "testgen/poa_generator.hpp"

namespace poa {
namespace {

namespace fs = std::filesystem;
using job::convert_file;
using testgen::Continuation;

constexpr int kSeeds = 320;

// One directory for every process (ctest runs each seed in its own), so that the PDFs of failing
// seeds, which are kept, replace those of the previous run instead of piling up.
fs::path output_dir() {
  const char* keep = std::getenv("POA_ROUNDTRIP_KEEP");
  const fs::path dir = keep ? fs::path(keep) : fs::temp_directory_path() / "poa-roundtrip";
  fs::create_directories(dir);
  return dir;
}

std::string describe(const testgen::RenderOptions& o, const testgen::RenderResult& r) {
  static const char* kPages[] = {"carta", "oficio", "A4"};
  static const char* kCont[] = {"sin encabezado", "encabezado repetido", "título y encabezado"};
  char size[16];
  std::snprintf(size, sizeof size, "%.1f", r.font_size);
  return std::string(kPages[static_cast<int>(o.page)]) + ", " + o.font_family + " " + size +
         " pt, " + std::to_string(r.pages) + " páginas, " +
         kCont[static_cast<int>(o.continuation)] + (o.label_fake_bold ? ", negrita falsa" : "");
}

class PdfRoundTrip : public ::testing::TestWithParam<int> {};

TEST_P(PdfRoundTrip, ConvertsExactly) {
  const auto seed = static_cast<std::uint64_t>(GetParam());
  const Document expected = testgen::generate_document(seed);
  const testgen::RenderOptions options = testgen::random_render_options(seed);
  const fs::path pdf = output_dir() / ("roundtrip-" + std::to_string(seed) + ".pdf");
  const testgen::RenderResult rendered = testgen::render_pdf(expected, options, pdf);
  SCOPED_TRACE("semilla " + std::to_string(seed) + " (" + describe(options, rendered) + "), " +
               pdf.string());

  Document actual;
  try {
    actual = convert_file(pdf);
  } catch (const InputError& e) {
    FAIL() << "rechazado: " << format_diagnostic(e.diagnostic());
  }

  // The data, field by field.
  const auto diffs = testgen::compare_data(expected, actual);
  for (const auto& d : diffs) ADD_FAILURE() << "semilla " << seed << ": " << d;

  // Diagnostics are predicted: the generated data is consistent, so the only warning a
  // correct reader gives is ORPHAN_ROWS on each page where a table continues without its
  // column header, in the action that table belongs to.
  for (const Diagnostic& d : actual.avisos) {
    ADD_FAILURE() << "semilla " << seed
                  << ": aviso inesperado del documento: " << format_diagnostic(d);
  }
  const std::size_t n = std::min(expected.acciones.size(), actual.acciones.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::set<int> orphan_pages;
    for (const Diagnostic& d : actual.acciones[i].avisos) {
      if (d.code == DiagnosticCode::kOrphanRows && d.origin.page) {
        orphan_pages.insert(*d.origin.page);
      } else {
        ADD_FAILURE() << "semilla " << seed << ", acción " << i + 1
                      << ": aviso inesperado: " << format_diagnostic(d);
      }
    }
    const auto& want = rendered.orphan_pages[i];
    EXPECT_EQ(orphan_pages, std::set<int>(want.begin(), want.end()))
        << "semilla " << seed << ", acción " << i + 1
        << ": páginas con ORPHAN_ROWS (continuaciones sin encabezado de columnas)";
  }

  if (!HasFailure() && !std::getenv("POA_ROUNDTRIP_KEEP")) {
    fs::remove(pdf);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, PdfRoundTrip, ::testing::Range(1, kSeeds + 1),
                         [](const ::testing::TestParamInfo<int>& info) {
                           return "semilla_" + std::to_string(info.param);
                         });

// The suite is only worth its time if the seeds exercise the geometry the issue lists.
TEST(PdfRoundTripCoverage, SeedsCoverPageBreaksAndContinuations) {
  const fs::path dir = output_dir();
  std::set<int> continuations_across_pages;
  int long_tables = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const Document doc = testgen::generate_document(static_cast<std::uint64_t>(seed));
    bool is_long = false;
    for (const Action& a : doc.acciones) is_long |= a.actividades.size() >= 40;
    if (!is_long) continue;
    ++long_tables;
    const auto options = testgen::random_render_options(static_cast<std::uint64_t>(seed));
    const fs::path pdf = dir / ("coverage-" + std::to_string(seed) + ".pdf");
    const auto r = testgen::render_pdf(doc, options, pdf);
    for (const auto& pages : r.action_pages) {
      if (pages.size() >= 3)
        continuations_across_pages.insert(static_cast<int>(options.continuation));
    }
    fs::remove(pdf);
  }
  EXPECT_GE(long_tables, 5);
  // Tables over 3+ pages with the header repeated, with title and header, and with neither.
  EXPECT_EQ(continuations_across_pages.size(), 3u);
}

}  // namespace
}  // namespace poa
