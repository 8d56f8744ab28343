// Writes a generated POA PDF of about N pages (dense activity tables) for bench/run.sh.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "testgen/pdf_render.hpp"
#include "testgen/poa_generator.hpp"

namespace {

int usage() {
  std::fprintf(stderr, "uso: poa_bench_gen --pages N [--seed S] -o SALIDA.pdf\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 30;
  std::uint64_t seed = 2022;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--pages" && i + 1 < argc) {
      pages = std::atoi(argv[++i]);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "-o" && i + 1 < argc) {
      out = argv[++i];
    } else {
      return usage();
    }
  }
  if (out.empty() || pages < 1) return usage();

  // Dense, realistic pages: letter landscape at 7 pt, long tables (40–60 activities per action)
  // whose column header repeats on every page, as Excel prints them.
  poa::testgen::RenderOptions options = poa::testgen::random_render_options(seed);
  options.page = poa::testgen::PageSize::kLetter;
  options.font_family = "DejaVu Sans";
  options.font_size = 7;
  options.continuation = poa::testgen::Continuation::kTableHeader;
  poa::testgen::GeneratorOptions g;
  g.min_activities = 40;
  g.max_activities = 60;
  g.long_probability = 1.0;

  // Pages per action are only known once laid out: render, rescale the action count, repeat.
  int actions = std::max(1, pages / 7);
  const int tolerance = std::max(0, pages / 30);
  poa::testgen::RenderResult r;
  for (int attempt = 0; attempt < 8; ++attempt) {
    g.min_actions = g.max_actions = actions;
    r = poa::testgen::render_pdf(poa::testgen::generate_document(seed, g), options, out);
    if (std::abs(r.pages - pages) <= tolerance) break;
    int next = static_cast<int>(static_cast<double>(actions) * pages / r.pages + 0.5);
    if (next == actions) next += r.pages < pages ? 1 : -1;
    actions = std::max(1, next);
  }
  std::printf("%s: %d páginas, %d acciones, letra %.1f pt\n", out.c_str(), r.pages, actions,
              r.font_size);
  return 0;
}
