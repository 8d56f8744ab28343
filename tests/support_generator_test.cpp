// Self-checks of the round-trip generator and renderer: determinism, sums, CONAC partidas, and
// PDFs whose text pdftotext can read back.
#include <gtest/gtest.h>

#include "test_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "testgen/pdf_render.hpp"
#include "testgen/poa_generator.hpp"

namespace poa::testgen {
namespace {

namespace fs = std::filesystem;

using test::read_file;

fs::path temp_dir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("poa-support-" + name + "-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(GeneratorTest, SameSeedSameDocumentAndPdf) {
  const fs::path dir = temp_dir("determinism");
  for (std::uint64_t seed : {1ULL, 7ULL, 123456789ULL}) {
    const Document a = generate_document(seed);
    const Document b = generate_document(seed);
    EXPECT_TRUE(compare_data(a, b).empty()) << "seed " << seed;
    const RenderOptions o = random_render_options(seed);
    render_pdf(a, o, dir / "a.pdf");
    render_pdf(b, o, dir / "b.pdf");
    EXPECT_EQ(read_file(dir / "a.pdf"), read_file(dir / "b.pdf")) << "seed " << seed;
  }
  fs::remove_all(dir);
}

TEST(GeneratorTest, DifferentSeedsDiffer) {
  int identical = 0;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    if (compare_data(generate_document(seed), generate_document(seed + 1)).empty()) ++identical;
  }
  EXPECT_EQ(identical, 0);
}

std::set<std::string> conac_genericas() {
  std::ifstream in(std::string(POA_SOURCE_DIR) +
                   "/normalizer/data/cog-clasificador-objeto-gasto.csv");
  std::set<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(",partida_generica") != std::string::npos)
      out.insert(line.substr(0, line.find(',')));
  }
  return out;
}

std::size_t word_count(const std::string& s) {
  std::istringstream in(s);
  std::size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

// Every document is self-consistent, so a correct reader reports no warnings.
TEST(GeneratorTest, SumsRangesAndPartidasHoldForManySeeds) {
  const auto genericas = conac_genericas();
  ASSERT_GT(genericas.size(), 200u) << "CONAC catalogue not found";
  bool saw_accent = false, saw_enie = false, saw_long = false;
  for (std::uint64_t seed = 1; seed <= 320; ++seed) {
    const Document doc = generate_document(seed);
    ASSERT_TRUE(doc.year.has_value());
    ASSERT_GE(doc.actions.size(), 1u);
    ASSERT_LE(doc.actions.size(), 6u);
    for (const Action& action : doc.actions) {
      SCOPED_TRACE("seed " + std::to_string(seed));
      ASSERT_GE(action.activities.size(), 1u);
      ASSERT_LE(action.activities.size(), 60u);
      if (action.activities.size() > 20) saw_long = true;
      Decimal investment = Decimal::from_cents(0);
      for (const Activity& a : action.activities) {
        Decimal months{0, 0};
        for (const auto& m : a.programacion_mensual) {
          ASSERT_TRUE(m.has_value());
          months += *m;
        }
        ASSERT_TRUE(a.programacion_anual.has_value());
        EXPECT_EQ(*a.programacion_anual, months);
        ASSERT_TRUE(a.inversion.has_value());
        investment += *a.inversion;
        const std::size_t words = word_count(*a.actividad);
        EXPECT_GE(words, 2u);
        EXPECT_LE(words, 40u);
        saw_accent |= a.actividad->find("ó") != std::string::npos;
        saw_enie |= a.actividad->find("ñ") != std::string::npos;
      }
      ASSERT_TRUE(action.inversion_aproximada.has_value());
      EXPECT_EQ(*action.inversion_aproximada, investment);
      ASSERT_FALSE(action.partidas_presupuestales.empty());
      for (const auto& p : action.partidas_presupuestales) {
        EXPECT_TRUE(genericas.count(p.substr(0, 3))) << p << " is not a CONAC genérica";
      }
      const auto& b = *action.beneficiarios;
      if (b.mujeres) {
        EXPECT_EQ(*b.total, *b.mujeres + *b.hombres);
      }
    }
  }
  EXPECT_TRUE(saw_accent);
  EXPECT_TRUE(saw_enie);
  EXPECT_TRUE(saw_long) << "no long table among 320 seeds: page breaks go untested";
}

TEST(GeneratorTest, RenderOptionsCoverTheGeometry) {
  std::set<int> sizes, continuations, valigns;
  std::set<std::string> families;
  double min_font = 100, max_font = 0;
  int fake_bold = 0;
  for (std::uint64_t seed = 1; seed <= 320; ++seed) {
    const RenderOptions o = random_render_options(seed);
    sizes.insert(static_cast<int>(o.page));
    continuations.insert(static_cast<int>(o.continuation));
    valigns.insert(static_cast<int>(o.valign));
    families.insert(o.font_family);
    min_font = std::min(min_font, o.font_size);
    max_font = std::max(max_font, o.font_size);
    fake_bold += o.label_fake_bold;
  }
  EXPECT_EQ(sizes.size(), 3u);
  EXPECT_EQ(continuations.size(), 3u);
  EXPECT_EQ(valigns.size(), 3u);
  EXPECT_GE(families.size(), 4u);
  EXPECT_EQ(min_font, 6);
  EXPECT_EQ(max_font, 10);
  EXPECT_GT(fake_bold, 20);
}

// The grid suite's knobs come from a stream of their own: the first suite's options (and so its
// renderings and the benchmark's) are what they were, and only the grid knobs differ.
TEST(GeneratorTest, GridOptionsAddToTheFirstSuitesOptions) {
  const RenderOptions defaults;
  for (std::uint64_t seed : {1ULL, 2ULL, 320ULL, 1001ULL, 1160ULL}) {
    const RenderOptions plain = random_render_options(seed);
    EXPECT_EQ(plain.borders, defaults.borders);
    EXPECT_EQ(plain.header_layout, defaults.header_layout);
    EXPECT_EQ(plain.body_row_rulings, defaults.body_row_rulings);
    EXPECT_EQ(plain.partida_own_band, defaults.partida_own_band);
    EXPECT_EQ(plain.merge_areas, defaults.merge_areas);
    RenderOptions grid = random_grid_render_options(seed);
    grid.borders = defaults.borders;
    grid.header_layout = defaults.header_layout;
    grid.body_row_rulings = defaults.body_row_rulings;
    grid.partida_own_band = defaults.partida_own_band;
    grid.merge_areas = defaults.merge_areas;
    EXPECT_TRUE(grid == plain) << "seed " << seed;
  }
}

// share_areas only copies an activity's area from the one before it, deterministically, and
// leaves runs for the renderer to merge.
TEST(GeneratorTest, ShareAreasCopiesAreasForwardOnly) {
  int runs = 0;
  for (std::uint64_t seed = 1001; seed <= 1040; ++seed) {
    const Document original = generate_document(seed);
    Document shared = original;
    share_areas(shared, seed);
    Document again = original;
    share_areas(again, seed);
    EXPECT_TRUE(compare_data(shared, again).empty()) << "seed " << seed;
    Document restored = shared;  // with the original areas back, nothing else differs
    for (std::size_t i = 0; i < shared.actions.size(); ++i) {
      const auto& acts = shared.actions[i].activities;
      const auto& before = original.actions[i].activities;
      for (std::size_t j = 0; j < acts.size(); ++j) {
        restored.actions[i].activities[j].area_responsable = before[j].area_responsable;
        if (acts[j].area_responsable == before[j].area_responsable) continue;
        ASSERT_GT(j, 0u) << "seed " << seed;
        EXPECT_EQ(acts[j].area_responsable, acts[j - 1].area_responsable) << "seed " << seed;
        ++runs;
      }
    }
    EXPECT_TRUE(compare_data(restored, original).empty()) << "seed " << seed;
  }
  EXPECT_GT(runs, 20);
}

TEST(GeneratorTest, FormatsValuesLikeASpreadsheet) {
  struct Case {
    std::string got, want;
  };
  const Beneficiaries mh{74535, 71612, 146147};
  const std::vector<Case> cases = {
      {format_money(Decimal::from_cents(1000000)), "$10,000.00"},
      {format_money(Decimal::from_cents(0)), "$0.00"},
      {format_money(Decimal::from_cents(123456789)), "$1,234,567.89"},
      {format_money(Decimal::from_cents(5)), "$0.05"},
      {format_quantity(Decimal::from_int(0), true), "-"},
      {format_quantity(Decimal::from_int(1200), true), "1,200"},
      {format_quantity(Decimal::from_int(1200), false), "1200"},
      {format_quantity(Decimal{123450, 2}, true), "1,234.5"},
      {format_quantity(Decimal::from_int(400), true), "400"},
      {format_beneficiaries(mh, 0), "M74,535 H 71,612"},
      {format_beneficiaries(mh, 1), "M 74535 H 71612"},
      {format_beneficiaries(mh, 2), "Mujeres: 74,535 Hombres: 71,612"},
      {format_beneficiaries(mh, 3), "H 71,612 M 74,535"},
      {format_beneficiaries(Beneficiaries{std::nullopt, std::nullopt, 146147}, 0), "146,147"},
  };
  for (const auto& c : cases) EXPECT_EQ(c.got, c.want);
}

TEST(GeneratorTest, CompareDataNamesActionActivityAndField) {
  const Document expected = generate_document(42);
  struct Case {
    const char* what;
    void (*mutate)(Document&);
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {"ejercicio", [](Document& d) { d.year = *d.year + 1; }, "documento ejercicio"},
      {"nombre", [](Document& d) { d.actions[0].nombre = "otra"; }, "acción 1 nombre"},
      {"month",
       [](Document& d) { d.actions[0].activities[0].programacion_mensual[3] = std::nullopt; },
       "acción 1, actividad 1 programacion_mensual.ABR"},
      {"inversion",
       [](Document& d) { d.actions[0].activities[0].inversion = Decimal::from_cents(1); },
       "acción 1, actividad 1 inversion"},
      {"partidas", [](Document& d) { d.actions[0].partidas_presupuestales.push_back("9999"); },
       "acción 1 partidas_presupuestales"},
      {"activity count", [](Document& d) { d.actions[0].activities.pop_back(); }, "actividades"},
      {"beneficiaries", [](Document& d) { d.actions[0].beneficiarios->total = -1; },
       "beneficiarios.total"},
  };
  for (const auto& c : cases) {
    Document actual = expected;
    c.mutate(actual);
    const auto diffs = compare_data(expected, actual);
    ASSERT_EQ(diffs.size(), 1u) << c.what;
    EXPECT_NE(diffs[0].find(c.message_part), std::string::npos) << c.what << ": " << diffs[0];
  }
  Document with_noise = expected;  // avisos and origen are not data
  with_noise.actions[0].diagnostics.push_back(Diagnostic{});
  with_noise.actions[0].origin.page = 3;
  EXPECT_TRUE(compare_data(expected, with_noise).empty());
}

bool have_pdftotext() {
  return std::system("pdftotext -v >/dev/null 2>&1") == 0;
}

std::set<std::string> tokens(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

// The texts drawn come back out of the PDF: every word of every value, on the right page count.
TEST(RendererTest, PdftotextReadsWhatWasDrawn) {
  if (!have_pdftotext()) GTEST_SKIP() << "pdftotext not installed (poppler-utils): not checked";
  const fs::path dir = temp_dir("pdftotext");
  int multi_page_tables = 0;
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    GeneratorOptions go;
    go.long_probability = seed % 4 == 0 ? 1.0 : 0.0;  // some long tables for page breaks
    const Document doc = generate_document(seed, go);
    const RenderOptions o = random_render_options(seed);
    const fs::path pdf = dir / ("seed" + std::to_string(seed) + ".pdf");
    const RenderResult r = render_pdf(doc, o, pdf);
    ASSERT_TRUE(fs::exists(pdf));
    ASSERT_GE(r.pages, static_cast<int>(doc.actions.size()));
    const fs::path txt = dir / "out.txt";
    const std::string cmd = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const std::string text = read_file(txt);
    EXPECT_EQ(static_cast<int>(std::count(text.begin(), text.end(), '\f')), r.pages);
    const auto seen = tokens(text);
    auto expect_words = [&](const std::string& value, const std::string& field) {
      for (const auto& w : tokens(value)) {
        // Fake-bold labels may come out doubled; values are never drawn that way.
        EXPECT_TRUE(seen.count(w)) << field << ": «" << w << "» not in pdftotext output";
      }
    };
    expect_words("PROGRAMA OPERATIVO ANUAL " + std::to_string(*doc.year), "title");
    for (const Action& a : doc.actions) {
      expect_words(*a.secretaria, "secretaria");
      expect_words(*a.nombre, "nombre");
      expect_words(*a.meta, "meta");
      expect_words(*a.proposito, "proposito");
      expect_words(format_money(*a.inversion_aproximada), "inversion_aproximada");
      for (const auto& p : a.partidas_presupuestales) {
        EXPECT_NE(text.find(p), std::string::npos) << "partida " << p;
      }
      for (const Activity& act : a.activities) {
        expect_words(*act.actividad, "actividad");
        expect_words(*act.indicador, "indicador");
        expect_words(format_money(*act.inversion), "inversion");
      }
      if (r.action_pages[&a - doc.actions.data()].size() > 1) ++multi_page_tables;
    }
    for (const auto& pages : r.orphan_pages) {
      if (!pages.empty()) {
        EXPECT_EQ(o.continuation, Continuation::kNothing);
      }
    }
  }
  EXPECT_GT(multi_page_tables, 0) << "no table crossed a page break";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace poa::testgen
