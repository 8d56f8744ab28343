// Round trip: seeded random POAs rendered to PDF with varied geometry, converted by the real
// pipeline (poa::job::convert_file) and compared field by field with what was generated.
// PdfRoundTrip draws every cell with thin borders, labels above values; PdfRoundTripGrid draws the
// layouts the drawn grid decides (border styles, merged and spanning header cells, merged ÁREA
// RESPONSABLE cells) from a stream of their own, over other seeds, so the first suite's documents
// and renderings (also the benchmark's) never change.
//
// Reproduce one failure: `pdf_roundtrip_test --gtest_filter='*/semilla_N'` (the seed is printed
// on failure and names the test). With POA_ROUNDTRIP_KEEP=DIR every PDF is kept in DIR
// (failing ones are always kept, in $TMPDIR/poa-roundtrip, path printed), for `poa inspect`.
// More seeds, to look for reader bugs: POA_ROUNDTRIP_SEEDS=N runs seeds [1, N] of the first
// suite and POA_ROUNDTRIP_GRID_SEEDS=N seeds [1001, 1001 + N) of the grid suite, when the binary
// is run by hand (`ctest` lists the default ranges at build time).
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
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
constexpr int kGridFirstSeed = 1001;  // PdfRoundTripGrid: seeds [1001, 1161)
constexpr int kGridSeeds = 160;
// Grid seeds past that range, run too because each showed a reader bug when the range was
// widened to 640 seeds (1425: a label wrapped with loose line spacing; 1428: right-hand labels
// wrapped over two lines, centred beside their values; 1991: a value centred on its label right
// under a one-line value), and in a sweep of seeds [1001, 5000] (3611, 3629: a value's first
// line alone between two label rows, Carlito's wide line pitch; 1445: but not a value beside a
// wrapped label's last line; 3272, 4171: right-hand values less than a gutter after the widest
// label; 4273: a column label wrapped at Carlito's wide line pitch).
constexpr int kGridFoundSeeds[] = {1425, 1428, 1445, 1685, 1991, 2093,
                                   3272, 3611, 3629, 4171, 4273};
// Seeds past the first suite's range, likewise (a sweep of 1,500 and 2,000 seeds: 896, 1685 and
// 2093, two labels of neighbouring narrow columns a word space apart joined into one).
constexpr int kFoundSeeds[] = {896};

// The number of seeds a suite runs: `variable` from the environment when set, else `fallback`.
int seed_count(const char* variable, int fallback) {
  const char* value = std::getenv(variable);
  if (value == nullptr) return fallback;
  const int n = std::atoi(value);
  return n > 0 ? n : fallback;
}

// One directory for every process (ctest runs each seed in its own), so that the PDFs of failing
// seeds, which are kept, replace those of the previous run instead of piling up.
fs::path output_dir() {
  const char* keep = std::getenv("POA_ROUNDTRIP_KEEP");
  fs::path dir = keep ? fs::path(keep) : fs::temp_directory_path() / "poa-roundtrip";
  fs::create_directories(dir);
  return dir;
}

const char* border_name(testgen::BorderStyle b) {
  static const char* kNames[] = {"bordes finos",       "sin bordes",     "solo marco",
                                 "bordes finísimos",   "bordes gruesos", "bordes grises",
                                 "bordes punteados",   "bordes dobles",  "bordes rellenos",
                                 "cuadrícula de Excel"};
  return kNames[static_cast<int>(b)];
}

const char* header_name(testgen::HeaderLayout h) {
  static const char* kNames[] = {"bandas", "celdas combinadas centradas",
                                 "valores a todo lo ancho"};
  return kNames[static_cast<int>(h)];
}

std::string describe(const testgen::RenderOptions& o, const testgen::RenderResult& r) {
  static const char* kPages[] = {"carta", "oficio", "A4"};
  static const char* kCont[] = {"sin encabezado", "encabezado repetido", "título y encabezado"};
  char size[16];
  std::snprintf(size, sizeof size, "%.1f", r.font_size);
  std::string out = std::string(kPages[static_cast<int>(o.page)]) + ", " + o.font_family + " " +
                    size + " pt, " + std::to_string(r.pages) + " páginas, " +
                    kCont[static_cast<int>(o.continuation)] +
                    (o.label_fake_bold ? ", negrita falsa" : "");
  const testgen::RenderOptions plain;
  if (o.borders != plain.borders || o.header_layout != plain.header_layout ||
      o.body_row_rulings != plain.body_row_rulings || o.merge_areas || o.partida_own_band) {
    out += std::string(", ") + border_name(o.borders) +
           (o.body_row_rulings ? "" : " (cuerpo solo verticales)") + ", encabezado " +
           header_name(o.header_layout) + (o.partida_own_band ? ", partida aparte" : "") +
           (o.merge_areas ? ", áreas combinadas" : "");
  }
  return out;
}

// Renders `expected` with `options`, converts the PDF and checks every field and diagnostic.
// Returns the PDF's path.
fs::path check_round_trip(std::uint64_t seed, const Document& expected,
                          const testgen::RenderOptions& options) {
  fs::path pdf = output_dir() / ("roundtrip-" + std::to_string(seed) + ".pdf");
  const testgen::RenderResult rendered = testgen::render_pdf(expected, options, pdf);
  SCOPED_TRACE("semilla " + std::to_string(seed) + " (" + describe(options, rendered) + "), " +
               pdf.string());

  Document actual;
  try {
    actual = convert_file(pdf);
  } catch (const InputError& e) {
    ADD_FAILURE() << "rechazado: " << format_diagnostic(e.diagnostic());
    return pdf;
  }

  // The data, field by field.
  const auto diffs = testgen::compare_data(expected, actual);
  for (const auto& d : diffs) ADD_FAILURE() << "semilla " << seed << ": " << d;

  // Diagnostics are predicted: the generated data is consistent, so the only warning a
  // correct reader gives is ORPHAN_ROWS on each page where a table continues without its
  // column header, in the action that table belongs to; and with page numbers, the note that
  // footers were left out (the recogniser drops a `Página N de M` the layout kept, unreported).
  for (const Diagnostic& d : actual.diagnostics) {
    if (options.page_numbers && d.code == DiagnosticCode::kPageFurnitureDropped &&
        d.severity == Severity::kInfo && d.text.starts_with("Página ")) {
      continue;
    }
    ADD_FAILURE() << "semilla " << seed
                  << ": aviso inesperado del documento: " << format_diagnostic(d);
  }
  const std::size_t n = std::min(expected.actions.size(), actual.actions.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::set<int> orphan_pages;
    for (const Diagnostic& d : actual.actions[i].diagnostics) {
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

  return pdf;
}

// The PDF of a seed that passed is removed unless POA_ROUNDTRIP_KEEP is set.
void remove_if_passed(const fs::path& pdf) {
  if (!::testing::Test::HasFailure() && !std::getenv("POA_ROUNDTRIP_KEEP")) fs::remove(pdf);
}

std::string seed_name(const ::testing::TestParamInfo<int>& info) {
  return "semilla_" + std::to_string(info.param);
}

class PdfRoundTripTest : public ::testing::TestWithParam<int> {};

TEST_P(PdfRoundTripTest, ConvertsExactly) {
  const auto seed = static_cast<std::uint64_t>(GetParam());
  remove_if_passed(check_round_trip(seed, testgen::generate_document(seed),
                                    testgen::random_render_options(seed)));
}

INSTANTIATE_TEST_SUITE_P(Seeds, PdfRoundTripTest,
                         ::testing::Range(1, seed_count("POA_ROUNDTRIP_SEEDS", kSeeds) + 1),
                         seed_name);
INSTANTIATE_TEST_SUITE_P(Found, PdfRoundTripTest, ::testing::ValuesIn(kFoundSeeds), seed_name);

// The grid suite's document: the same generator, areas shared by consecutive activities when
// the rendering merges them (the expected document keeps the area on each activity).
Document grid_document(std::uint64_t seed, const testgen::RenderOptions& options) {
  Document doc = testgen::generate_document(seed);
  if (options.merge_areas) testgen::share_areas(doc, seed);
  return doc;
}

// Grid seeds the reader gets wrong today, with the reason (reader bugs, not rendering ones: each
// PDF was looked at). They are run and must still fail (a fix shows up as a failure asking to
// remove the seed here); they are reported as skipped. None today. Fixed: 1991, PROPÓSITO's two
// lines centred on its label right under META's one-line value (layout_text_block.cpp: a
// value's lines keep their line pitch, a row's padding parts two values); 3272 and 4171, a label
// | value form without borders whose right-hand values start less than a gutter after
// BENEFICIARIOS (layout_columns.cpp's add_value_columns: a value column starts past the widest
// label by a word space, and at a value beside a wrapped label's first line); 4273, Carlito's
// wide line pitch kept the table's wrapped `INVERSION` label in the header block, where it made
// a column that cut ESTRATEGIA's value (layout_zones.cpp's tight_gap: gaps also measured
// against the page's line pitch).
const std::map<int, const char*> kKnownGridFailures = {};

class PdfRoundTripGridTest : public ::testing::TestWithParam<int> {};

TEST_P(PdfRoundTripGridTest, ConvertsExactly) {
  const auto seed = static_cast<std::uint64_t>(GetParam());
  const testgen::RenderOptions options = testgen::random_grid_render_options(seed);
  const Document expected = grid_document(seed, options);
  const auto known = kKnownGridFailures.find(GetParam());
  if (known == kKnownGridFailures.end()) {
    remove_if_passed(check_round_trip(seed, expected, options));
    return;
  }
  ::testing::TestPartResultArray failures;
  fs::path pdf;
  {
    const ::testing::ScopedFakeTestPartResultReporter intercept(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    pdf = check_round_trip(seed, expected, options);
  }
  if (failures.size() == 0) {
    remove_if_passed(pdf);
    FAIL() << "semilla " << seed << " ya convierte exactamente: quitarla de kKnownGridFailures";
  }
  GTEST_SKIP() << "fallo conocido (" << known->second << "), " << failures.size()
               << " diferencias; la primera: " << failures.GetTestPartResult(0).message();
}

INSTANTIATE_TEST_SUITE_P(Seeds, PdfRoundTripGridTest,
                         ::testing::Range(kGridFirstSeed,
                                          kGridFirstSeed +
                                              seed_count("POA_ROUNDTRIP_GRID_SEEDS", kGridSeeds)),
                         seed_name);
INSTANTIATE_TEST_SUITE_P(Found, PdfRoundTripGridTest, ::testing::ValuesIn(kGridFoundSeeds),
                         seed_name);

// The suite is only worth its time if the seeds exercise the geometry the issue lists.
TEST(PdfRoundTripCoverageTest, SeedsCoverPageBreaksAndContinuations) {
  const fs::path dir = output_dir();
  std::set<int> continuations_across_pages;
  int long_tables = 0;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    const Document doc = testgen::generate_document(static_cast<std::uint64_t>(seed));
    bool is_long = false;
    for (const Action& a : doc.actions) is_long |= a.activities.size() >= 40;
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

// The grid suite draws every border style and header layout, and merges areas, several times.
TEST(PdfRoundTripCoverageTest, GridSeedsCoverEveryStyleAndLayout) {
  std::map<int, int> borders, headers;
  int vertical_only = 0, merged_areas = 0, own_band = 0;
  for (int seed = kGridFirstSeed; seed < kGridFirstSeed + kGridSeeds; ++seed) {
    const auto o = testgen::random_grid_render_options(static_cast<std::uint64_t>(seed));
    ++borders[static_cast<int>(o.borders)];
    ++headers[static_cast<int>(o.header_layout)];
    const bool ruled = testgen::draws_cell_borders(o.borders);
    vertical_only += ruled && !o.body_row_rulings;
    merged_areas += o.merge_areas;
    own_band += o.partida_own_band && o.header_layout != testgen::HeaderLayout::kValueSpans;
  }
  EXPECT_EQ(borders.size(), 10u);
  for (const auto& [style, count] : borders) {
    EXPECT_GE(count, 8) << border_name(static_cast<testgen::BorderStyle>(style));
  }
  EXPECT_EQ(headers.size(), 3u);
  for (const auto& [layout, count] : headers) {
    EXPECT_GE(count, 20) << header_name(static_cast<testgen::HeaderLayout>(layout));
  }
  EXPECT_GE(vertical_only, 20);
  EXPECT_GE(merged_areas, 20);
  EXPECT_GE(own_band, 20);
}

}  // namespace
}  // namespace poa
