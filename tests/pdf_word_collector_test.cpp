// The PDF reader's own word collector against poppler's TextOutputDev, which it reproduces: on
// every page of every PDF of fixtures/ and of tests/data/pdf_words/word_grouping.pdf (spacing,
// kerning, fake bold, rotations, mirrored and vertical text, ActualText, Type 3, spacing
// accents), the same words, boxes, fonts, glyph edges and drawn graphics, to the last bit.
#include <gtest/gtest.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/pdf_reader.hpp"
#include "extractor/pdf_word_collector.hpp"
#include "model/diagnostic.hpp"
#include "pdf_of_objects.hpp"
#include "test_files.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;
using layout::PageWords;

const fs::path kRoot = POA_SOURCE_DIR;

std::vector<fs::path> pdfs() {
  std::vector<fs::path> files{kRoot / "tests/data/pdf_words/word_grouping.pdf"};
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "fixtures")) {
    if (e.is_regular_file() && e.path().extension() == ".pdf") files.push_back(e.path());
  }
  std::sort(files.begin() + 1, files.end());
  return files;
}

bool same_box(const Box& a, const Box& b) {
  return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

// Every field of the page the layout reads, compared exactly; the first difference, or "".
std::string difference(const PageWords& a, const PageWords& b) {
  std::ostringstream out;
  if (a.width != b.width || a.height != b.height || a.rotation != b.rotation) return "page size";
  if (a.fonts != b.fonts) return "font list";
  if (a.words.size() != b.words.size()) {
    out << "word count " << a.words.size() << " vs " << b.words.size();
    return out.str();
  }
  for (std::size_t i = 0; i < a.words.size(); ++i) {
    const layout::Word& x = a.words[i];
    const layout::Word& y = b.words[i];
    if (x.text != y.text || !same_box(x.box, y.box) || x.font_size != y.font_size ||
        x.bold != y.bold || x.font != y.font || x.glyph_count != y.glyph_count) {
      out << "word " << i << " «" << x.text << "» vs «" << y.text << "»";
      return out.str();
    }
    for (std::uint32_t k = 0; k < x.glyph_count; ++k) {
      const layout::Glyph& g = a.glyphs[x.glyph_begin + k];
      const layout::Glyph& h = b.glyphs[y.glyph_begin + k];
      if (g.x0 != h.x0 || g.x1 != h.x1 || g.begin != h.begin || g.end != h.end ||
          g.font_change != h.font_change) {
        out << "glyph " << k << " of word " << i << " «" << x.text << "»";
        return out.str();
      }
    }
  }
  const auto& s = a.graphics.segments;
  const auto& t = b.graphics.segments;
  if (s.size() != t.size() || !std::equal(s.begin(), s.end(), t.begin(), [](auto& p, auto& q) {
        return p.x0 == q.x0 && p.y0 == q.y0 && p.x1 == q.x1 && p.y1 == q.y1 && p.width == q.width;
      })) {
    return "stroked segments";
  }
  const auto& f = a.graphics.fills;
  const auto& g = b.graphics.fills;
  if (f.size() != g.size() || !std::equal(f.begin(), f.end(), g.begin(), [](auto& p, auto& q) {
        return same_box(p.box, q.box) && p.luminance == q.luminance;
      })) {
    return "filled boxes";
  }
  return "";
}

TEST(PdfWordCollectorTest, SameWordsAsPopplerOnEveryPage) {
  int pages_compared = 0;
  for (const fs::path& file : pdfs()) {
    std::ostringstream ignored;
    int pages = 0;
    try {
      pages = inspect_pdf(file, std::nullopt, 0, ignored);  // page 0: only the count
    } catch (const InputError&) {
      continue;  // damaged or encrypted: no words to compare
    }
    for (int page = 1; page <= pages; ++page) {
      const PageWords own = read_pdf_page(file, page, std::nullopt, WordEngine::kCollector);
      const PageWords poppler = read_pdf_page(file, page, std::nullopt, WordEngine::kPoppler);
      EXPECT_EQ(difference(own, poppler), "") << file << " page " << page;
      ++pages_compared;
    }
  }
  EXPECT_GT(pages_compared, 40);
}

// The test file holds what it is meant to: words in all four directions and vertical writing
// on page 1, spacing accents (the collector's hand-over to TextOutputDev) on page 2, words
// before and after what the content parser leaves to poppler's Parser on page 3, a form's words
// on page 4, cells filled in colours set again, changed and restored on page 5.
TEST(PdfWordCollectorTest, TestFileCoversItsCases) {
  const fs::path file = kRoot / "tests/data/pdf_words/word_grouping.pdf";
  const PageWords page1 = read_pdf_page(file, 1, std::nullopt);
  const auto has = [](const PageWords& p, const std::string& text) {
    return std::any_of(p.words.begin(), p.words.end(),
                       [&](const layout::Word& w) { return w.text == text; });
  };
  for (const char* word : {"Plain", "Up", "Down", "Side", "M", "Mixed", "Big", "ger", "fi", "preAB",
                           "abba", "Hidden", "Scaled", "Secretaría", "A"}) {
    EXPECT_TRUE(has(page1, word)) << word;
  }
  EXPECT_FALSE(has(page1, "Gone"));  // off the page
  const PageWords page2 = read_pdf_page(file, 2, std::nullopt);
  EXPECT_TRUE(has(page2, "caf´"));
  const PageWords page3 = read_pdf_page(file, 3, std::nullopt);
  for (const char* word : {"Before", "Split", "string", "image", "Unshifted", "Marked", "Last"}) {
    EXPECT_TRUE(has(page3, word)) << word;
  }
  const PageWords page4 = read_pdf_page(file, 4, std::nullopt);
  for (const char* word : {"Before", "In", "After"}) EXPECT_TRUE(has(page4, word)) << word;
  const PageWords page5 = read_pdf_page(file, 5, std::nullopt);
  std::vector<double> shades;
  for (const layout::FilledBox& f : page5.graphics.fills) shades.push_back(f.luminance);
  // blue, blue, red, green, red (after Q), red, grey, grey
  ASSERT_EQ(shades.size(), 8U);
  EXPECT_EQ(shades[0], shades[1]);
  EXPECT_NE(shades[1], shades[2]);
  EXPECT_NE(shades[2], shades[3]);
  EXPECT_EQ(shades[2], shades[4]);
  EXPECT_EQ(shades[4], shades[5]);
  EXPECT_EQ(shades[6], shades[7]);
}

// A form drawn again and again: poppler reads the form's fonts anew at each Do, a new GfxFont
// each time. The collector keeps one font per font object, not one per Do: a page drawing a form
// 10,000 times kept 10,000 fonts and compared each new one with all of them (fuzz_page_content:
// a minute for 60 KB of content).
TEST(PdfWordCollectorTest, OneFontPerFontObjectHoweverOftenAFormIsDrawn) {
  if (!globalParams) globalParams = std::make_unique<GlobalParams>();
  std::string content = "BT /F1 10 Tf 10 500 Td (Page) Tj ET ";
  for (int i = 0; i < 200; ++i) content += "1 0 0 1 0 2 cm /X Do ";
  const std::string form = "BT /F1 10 Tf 10 10 Td (Form) Tj ET";
  const std::string pdf = test::one_page_pdf(
      content, "/Font << /F1 6 0 R >> /XObject << /X 5 0 R >>",
      {"<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F1 6 0 R "
       ">> >> /Length " +
           std::to_string(form.size()) + " >>\nstream\n" + form + "\nendstream",
       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
  const fs::path file = test::fresh_test_dir("word_collector") / "form.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  PDFDoc doc(std::make_unique<GooString>(file.string()));
  ASSERT_TRUE(doc.isOk());
  pdf::WordCollector collector;
  doc.displayPage(&collector, 1, 72, 72, 0, false, false, false);
  EXPECT_EQ(collector.words().size(), 201U);
  // Helvetica once, and the entry of no font (the state restored before any Tf).
  std::vector<std::optional<std::string>> names;
  for (const pdf::CollectedFont& f : collector.fonts()) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::optional<std::string>>{std::nullopt, "Helvetica"}));
}

// A matrix overflowing puts a glyph at an infinite place, or at none (NaN: infinity times 0).
// Such glyphs are dropped; poppler keeps one that starts at -inf and is infinitely wide (its end
// is NaN, not < 0), and the word after it on its line joined its word, a box of NaN: on a
// ReportLab table page, an activity's last word went to a row of its own.
TEST(PdfWordCollectorTest, GlyphsAtNoFinitePlaceAreDropped) {
  const std::string huge(301, '0');
  const std::string content =
      "BT /F1 12 Tf 100 400 Td (Before) Tj ET q 10000000000 0 0 1 0 0 cm "
      "BT /F1 12 Tf 1" +
      huge + " 0 0 1 -1" + huge + " 300 Tm (A) Tj ET Q BT /F1 12 Tf 200 300 Td (After) Tj ET";
  const std::string pdf = test::one_page_pdf(
      content, "/Font << /F1 5 0 R >>", {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"});
  const fs::path file = test::fresh_test_dir("word_collector") / "overflow.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  const PageWords page = read_pdf_page(file, 1, std::nullopt);
  std::vector<std::string> words;
  for (const layout::Word& w : page.words) {
    words.push_back(w.text);
    EXPECT_TRUE(std::isfinite(w.box.x0) && std::isfinite(w.box.x1)) << w.text;
  }
  EXPECT_EQ(words, (std::vector<std::string>{"Before", "After"}));
}

}  // namespace
}  // namespace poa::extractor
