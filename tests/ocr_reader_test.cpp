// The OCR reader's parts that do not need Tesseract's time: rulings found in an image, confidence
// attached to cells, the choice of pages (--ocr never refuses a scan as before), and what a
// scanned page's image is (its resolution, whether it is bilevel: a fax).
#include <gtest/gtest.h>

#include <leptonica/allheaders.h>
#include <poppler/PDFDoc.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/goo/GooString.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "extractor/image_rulings.hpp"
#include "extractor/ocr_page_image.hpp"
#include "extractor/ocr_reader.hpp"
#include "extractor/pdf_reader.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor {
namespace {

namespace fs = std::filesystem;

// A 300 dpi page with a 2 x 2 table (lines 3 px thick) and a stamp's short stroke in the open.
ocr::PixPtr table_image() {
  ocr::PixPtr pix(pixCreate(1200, 900, 1));
  auto line = [&](int x, int y, int w, int h) {
    pixRasterop(pix.get(), x, y, w, h, PIX_SET, nullptr, 0, 0);
  };
  for (int y : {100, 300, 500}) line(100, y, 1001, 3);
  for (int x : {100, 600, 1100}) line(x, 100, 3, 403);
  line(700, 700, 120, 3);  // 29 pt long, ends in the open: no border
  return pix;
}

TEST(ImageRulingsTest, TableBordersBecomeSegmentsInPoints) {
  const ocr::PixPtr pix = table_image();
  const ocr::ImageRulings found = ocr::find_image_rulings(pix.get(), 300);
  int horizontal = 0, vertical = 0;
  for (const layout::StrokedSegment& s : found.segments) {
    if (s.y0 == s.y1) {
      ++horizontal;
      EXPECT_NEAR(s.x0, 24.0, 0.5);  // 100 px at 300 dpi
      EXPECT_NEAR(s.x1, 264.5, 0.5);
      EXPECT_LT(s.y0, 130.0);  // the stroke at y = 700 px (168 pt) is not a border
    } else {
      ++vertical;
      EXPECT_NEAR(s.y1 - s.y0, 96.7, 0.5);
    }
  }
  EXPECT_EQ(horizontal, 3);
  EXPECT_EQ(vertical, 3);
  ASSERT_TRUE(found.mask);
}

// A row of bold capitals touching the ruling above it (a fax): closed along the line, their tops
// make a run long enough to pass for a ruling, just under the real one. The line is where the
// ruling is, not where the capitals' tops are (the fax's top row was cropped through its labels:
// `JELRELARIA` for SECRETARÍA).
TEST(ImageRulingsTest, CapitalsTouchingARulingDoNotMoveIt) {
  ocr::PixPtr pix = table_image();
  pixRasterop(pix.get(), 96, 107, 100, 2, PIX_SET, nullptr, 0, 0);  // the tops, 7 px lower
  const ocr::ImageRulings found = ocr::find_image_rulings(pix.get(), 300);
  int top = 0;
  for (const layout::StrokedSegment& s : found.segments) {
    if (s.y0 != s.y1 || s.y0 > 30) continue;
    ++top;
    EXPECT_NEAR(s.y0, 24.3, 0.3);  // 100-102 px at 300 dpi
    EXPECT_NEAR(s.x1, 264.5, 0.5);
    EXPECT_NEAR(s.width, 0.72, 0.01);  // 3 px: the tops do not thicken it
  }
  EXPECT_EQ(top, 1);
}

TEST(OcrConfidenceTest, CellsTakeTheLeastSureWordInThem) {
  std::vector<CellRow> rows(1);
  rows[0].cells.push_back(Cell{"Bacheo de calles", 0, 1, Box{10, 10, 100, 20}, std::nullopt});
  rows[0].cells.push_back(Cell{"12", 1, 1, Box{120, 10, 140, 20}, std::nullopt});
  const std::vector<ocr::WordConfidence> words = {
      {Box{10, 10, 50, 20}, 0.91},
      {Box{55, 10, 100, 20}, 0.62},
      {Box{121, 10, 139, 20}, 0.97},
      {Box{10, 40, 50, 50}, 0.10}};  // another line: not in the cells
  ocr::attach_confidence(rows, words);
  ASSERT_TRUE(rows[0].cells[0].confidence.has_value());
  EXPECT_DOUBLE_EQ(*rows[0].cells[0].confidence, 0.62);
  EXPECT_DOUBLE_EQ(*rows[0].cells[1].confidence, 0.97);
}

// A bilevel scan (a fax) is read from its enlarged grey image (ocr_reader.cpp, grey_feed): the
// page's image must be told bilevel from its bits, not from its rendered pixels (poppler smooths
// a 1-bit image's edges into grey).
TEST(PageImagesTest, ScannedPageSaysItsResolutionAndWhetherItIsBilevel) {
  struct Case {
    const char* scan;
    double dpi;
    bool bilevel;
  };
  for (const Case& c : {Case{"missing_labels_fax_200dpi", 200, true},
                        Case{"full_month_names_200dpi_noisy", 200, false},
                        Case{"dark_labels_300dpi", 300, false}}) {
    SCOPED_TRACE(c.scan);
    const fs::path path = fs::path(POA_SOURCE_DIR) / "fixtures/pdf/scans" / c.scan / "input.pdf";
    // The poppler-cpp document sets up poppler's global parameters, which PDFDoc needs.
    const std::unique_ptr<poppler::document> keeps_globals(
        poppler::document::load_from_file(path.string()));
    PDFDoc doc(std::make_unique<GooString>(path.string()));
    ASSERT_TRUE(doc.isOk());
    const ocr::PageImages images = ocr::probe_page_images(doc, 0);
    EXPECT_EQ(images.count, 1);
    EXPECT_NEAR(images.page_image_dpi, c.dpi, 1);
    EXPECT_EQ(images.page_image_bilevel, c.bilevel);
  }
}

TEST(PdfReaderOcrTest, NeverRefusesAScanAsBefore) {
  const fs::path scan =
      fs::path(POA_SOURCE_DIR) / "fixtures/pdf/scans/wrapped_cells_300dpi_skewed/input.pdf";
  OcrOptions never;
  never.mode = OcrMode::kNever;
  try {
    make_pdf_reader(scan, std::nullopt, never);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().code, DiagnosticCode::kPdfNoText);
    EXPECT_NE(e.diagnostic().message.find("--ocr never"), std::string::npos);
  }
}

TEST(PdfReaderOcrTest, TextPagesAreNeverReadByOcr) {
  const fs::path pdf = fs::path(POA_SOURCE_DIR) / "fixtures/pdf/wrapped_cells/input.pdf";
  const auto reader = make_pdf_reader(pdf, std::nullopt, OcrOptions{});
  EXPECT_TRUE(reader->info().ocr_pages.empty());
}

// Tesseract swaps `.` and `,` in small print; the number's shape says which it was.
TEST(OcrSeparatorsTest, PutRightByTheNumbersShape) {
  struct Case {
    const char* read;
    const char* kept;
  };
  for (const Case& c :
       {Case{"$52.000.00", "$52,000.00"},                          // groups of three, two decimals
        Case{"$80.000.50", "$80,000.50"}, Case{"1.000", "1,000"},  // no value has three decimals
        Case{"12.500", "12,500"}, Case{"1.000.000", "1,000,000"},
        Case{"4,2.3", "4.2.3"},                      // a code of short groups
        Case{"4,2", "4.2"}, Case{"3.3.1", "3.3.1"},  // right as read
        Case{"$1,250.00", "$1,250.00"}, Case{"1,000", "1,000"}, Case{"12.50", "12.50"},
        Case{"2461,5671", "2461,5671"},  // a list of partidas
        Case{"1,5000", "1,5000"},        // no shape we know
        Case{"$12.5", "$12.5"}, Case{"Tesorería", "Tesorería"}, Case{"-", "-"}}) {
    EXPECT_EQ(ocr::fix_number_separators(c.read), c.kept) << c.read;
  }
}

// An amount read in pieces (its separators lost) is read again however sure each piece.
TEST(OcrSeparatorsTest, AnAmountInPiecesIsSplitNotAList) {
  struct Case {
    std::vector<std::string> words;
    bool split;
  };
  for (const Case& c : {Case{{"$12", "000", "00"}, true}, Case{{"12", "500"}, true},
                        Case{{"2461", "5671"}, false},  // partidas
                        Case{{"$12,000.00"}, false}, Case{{"M", "9,800", "H", "9,450"}, false},
                        Case{{"Plantar", "500"}, false}}) {
    EXPECT_EQ(ocr::is_split_number(c.words), c.split) << ::testing::PrintToString(c.words);
  }
}

// The first page of the 200 ppp scan fixture `scan`, read by OCR as the PDF reader reads it (a
// fax's page told bilevel by its image's bits); nullopt without Tesseract's Spanish data
// (`unavailable` says why).
std::optional<ocr::OcrPage> read_first_page(const char* scan, std::string& unavailable) {
  std::unique_ptr<ocr::OcrEngine> engine;
  try {
    engine = std::make_unique<ocr::OcrEngine>("spa");
  } catch (const ocr::OcrUnavailable& e) {
    unavailable = e.what();
    return std::nullopt;
  }
  const fs::path path = fs::path(POA_SOURCE_DIR) / "fixtures/pdf/scans" / scan / "input.pdf";
  const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
  PDFDoc core(std::make_unique<GooString>(path.string()));
  if (!doc || !core.isOk()) {
    ADD_FAILURE() << "cannot open " << path;
    return std::nullopt;
  }
  ocr::GreyImage image = ocr::render_page(*doc, 0, 200);
  image.bilevel = ocr::probe_page_images(core, 0).page_image_bilevel;
  return engine->read(image, 1);
}

// A cell is read from its border's inset down, unless letters cross that line (an ascender or a
// capital touching the ruling above): then from their tops, never from the ruling.
TEST(OcrCellTopTest, LettersCrossingTheInsetLineAreNotCut) {
  struct Mark {
    int y0, y1;  // rows, past the end; each mark 12 px wide, 18 px after the one before
  };
  struct Case {
    std::vector<Mark> marks;
    int top;
  };
  // The ruling's middle at row 20, the inset line at row 24.
  const std::vector<Case> cases = {
      {{}, 24},
      {{{22, 40}}, 22},            // a capital touching the ruling's edge
      {{{21, 40}}, 21},            // one in the ruling itself
      {{{22, 24}}, 24},            // what is left of the ruling: flat
      {{{22, 26}}, 24},            // ... and crossing the line, not far
      {{{26, 40}}, 24},            // text below the line
      {{{22, 24}, {23, 40}}, 23},  // a speck beside a letter
  };
  for (const Case& c : cases) {
    const ocr::PixPtr pix(pixCreate(200, 100, 1));
    int x = 10;
    for (const Mark& m : c.marks) {
      pixRasterop(pix.get(), x, m.y0, 12, m.y1 - m.y0, PIX_SET, nullptr, 0, 0);
      x += 30;
    }
    EXPECT_EQ(ocr::cell_top(pix.get(), 20, 5, 195, 24), c.top) << c.marks.size() << " marks";
  }
  const ocr::PixPtr letter(pixCreate(200, 100, 1));
  pixRasterop(letter.get(), 10, 21, 12, 20, PIX_SET, nullptr, 0, 0);
  EXPECT_EQ(ocr::cell_top(letter.get(), 20, 5, 195, 21), 21);   // an inset too thin to look into
  EXPECT_EQ(ocr::cell_top(letter.get(), 20, 30, 195, 24), 24);  // the letter is in another cell
}

// The texts of `page`'s words, in the order read.
std::vector<std::string> texts_of(const ocr::OcrPage& page) {
  std::vector<std::string> out;
  for (const layout::Word& w : page.words.words) out.push_back(w.text);
  return out;
}

// Tesseract's letter boxes of a word can run backwards; such a word's letters are spread evenly,
// or the layout drops one of two same letters starting together as a PDF's fake bold.
TEST(OcrGlyphsTest, LettersStartOneAfterTheOther) {
  struct Case {
    std::vector<std::pair<int, int>> glyph_x;
    bool in_order;
  };
  for (const Case& c :
       {// `3,000` on the fax at 300 ppp: the second `0` starts before the first.
        Case{{{1945, 1959}, {1961, 1965}, {1968, 1983}, {1966, 2010}, {1996, 2010}}, false},
        Case{{{1945, 1959}, {1961, 1965}, {1968, 1983}, {1983, 1996}, {1996, 2010}}, true},
        Case{{{10, 20}, {14, 24}}, false},  // starts within the first half of the one before
        Case{{{10, 20}, {15, 24}}, true},   // touching, overlapping letters (`rn`, kerning)
        Case{{{10, 20}}, true}, Case{{}, true}}) {
    EXPECT_EQ(ocr::glyphs_in_order(c.glyph_x), c.in_order) << ::testing::PrintToString(c.glyph_x);
  }
}

// The fax's `3,000` (PROGRAMACIÓN ANUAL) came out of the layout as `3,00`: no word the reader
// gives has two same letters starting together (what the layout drops as a PDF's fake bold).
// Skipped without Tesseract's Spanish data.
TEST(OcrGlyphsTest, NoWordOfTheFaxLooksFakeBold) {
  std::string unavailable;
  const std::optional<ocr::OcrPage> page =
      read_first_page("missing_labels_fax_200dpi", unavailable);
  if (!page) GTEST_SKIP() << unavailable;
  int numbers = 0;
  for (const layout::Word& w : page->words.words) {
    const layout::Glyph* g = page->words.glyphs.data() + w.glyph_begin;
    for (std::uint32_t k = 1; k < w.glyph_count; ++k) {
      EXPECT_GE(g[k].x0 - g[k - 1].x0, 0.3 * (g[k - 1].x1 - g[k - 1].x0)) << w.text << " " << k;
    }
    if (w.text == "3,000") ++numbers;
  }
  EXPECT_EQ(numbers, 2);
}

// Each word of the fax's `Secretaría de Finanzas y Tesorería` was read sure, the first as
// `secretaría`: a drawn cell whose reading starts in lower case is read again from the grey page.
TEST(OcrGreyRereadTest, ACellStartingInLowerCaseIsReadAgain) {
  std::string unavailable;
  const std::optional<ocr::OcrPage> page =
      read_first_page("missing_labels_fax_200dpi", unavailable);
  if (!page) GTEST_SKIP() << unavailable;
  const std::vector<std::string> words = texts_of(*page);
  EXPECT_NE(std::find(words.begin(), words.end(), "Secretaría"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "secretaría"), words.end());
}

// A 200 ppp noisy scan of 8 pt narrow print: Sauvola's binary page loses the separators and
// accents (`$52 200 00`, `Re'prestación`, `4 2`); the doubtful cells read again from the grey
// page give them back, enlarged or at the page's size. Skipped without Tesseract's Spanish data.
TEST(OcrGreyRereadTest, SmallPrintOfANoisyScanIsReadFromTheGreyPage) {
  std::string unavailable;
  const std::optional<ocr::OcrPage> page =
      read_first_page("full_month_names_200dpi_noisy", unavailable);
  if (!page) GTEST_SKIP() << unavailable;
  const std::vector<std::string> words = texts_of(*page);
  // `aire` and `5671` only at the page's size (`arre`, `$671` enlarged again).
  for (const char* expected :
       {"$52,000.00", "$12,000.00", "Reforestación", "4.2", "Vivero", "aire", "5671"}) {
    EXPECT_NE(std::find(words.begin(), words.end(), expected), words.end()) << expected;
  }
}

}  // namespace
}  // namespace poa::extractor
