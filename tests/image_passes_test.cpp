// The image passes run on a scanned page before Tesseract (image_cleanup.cpp, image_rulings.cpp),
// on pages drawn here with Leptonica: deskew finds a known angle, rulings are found where they
// were drawn (and a dash, a letter's stem or a thick bar is not one), a dark band's white text is
// turned dark on white, specks go and a decimal point stays. No Tesseract: Leptonica only.
#include <gtest/gtest.h>

#include <leptonica/allheaders.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "extractor/image_cleanup.hpp"
#include "extractor/image_rulings.hpp"

namespace poa::extractor::ocr {
namespace {

constexpr double kDpi = 300;

struct BmfDeleter {
  void operator()(L_Bmf* bmf) const { bmfDestroy(&bmf); }
};

// Leptonica's own bitmap font (compiled in: no font files) at 8 pt, 300 dpi: capitals ~24 px
// high, lines 34 px apart.
L_Bmf* font() {
  static const std::unique_ptr<L_Bmf, BmfDeleter> bmf(bmfCreate(nullptr, 8));
  return bmf.get();
}

PixPtr white_page(int width, int height, int depth = 8) {
  PixPtr pix(pixCreate(width, height, depth));
  if (depth == 8) pixSetAllGray(pix.get(), 255);  // 1 bpp starts white (0 = paper)
  pixSetResolution(pix.get(), static_cast<l_int32>(kDpi), static_cast<l_int32>(kDpi));
  return pix;
}

// A rectangle of grey level `grey` (8 bpp) or of ink (1 bpp).
void fill(Pix* pix, int x, int y, int w, int h, l_uint32 grey = 0) {
  if (pixGetDepth(pix) == 1) {
    pixRasterop(pix, x, y, w, h, PIX_SET, nullptr, 0, 0);
    return;
  }
  BOX* box = boxCreate(x, y, w, h);
  pixSetInRectArbitrary(pix, box, grey);
  boxDestroy(&box);
}

void write(Pix* pix, const char* text, int x, int baseline, l_uint32 value) {
  pixSetTextline(pix, font(), text, value, x, baseline, nullptr, nullptr);
}

// Pixels of `pix` (8 bpp) in the rectangle darker than 128.
int dark_pixels(Pix* pix, int x, int y, int w, int h) {
  int count = 0;
  for (int j = y; j < y + h; ++j) {
    for (int i = x; i < x + w; ++i) {
      l_uint32 v = 0;
      pixGetPixel(pix, i, j, &v);
      if (v < 128) ++count;
    }
  }
  return count;
}

double points(double pixels) {
  return pixels * 72 / kDpi;
}

// ---- deskew ----------------------------------------------------------------------------------

// A page of body text (lines of words, a table's rulings), turned by `degrees` as a copier
// would: the clean-up finds the angle that undoes it, and the page it gives is level (cleaning
// it again finds nothing to turn).
TEST(ImageDeskewTest, RecoversTheAngleAPageWasScannedAt) {
  for (const double degrees : {0.5, -3.0, 2.0, -1.2, 4.5, -0.3}) {
    SCOPED_TRACE(degrees);
    PixPtr page = white_page(1800, 1400);
    for (int line = 0; line < 20; ++line) {
      write(page.get(), "Programa Operativo Anual 2024: bacheo de calles $12,000.00", 100,
            150 + 55 * line, 0);
    }
    fill(page.get(), 80, 100, 1600, 3);
    const PixPtr turned(pixRotate(page.get(),
                                  static_cast<l_float32>(degrees * std::numbers::pi / 180),
                                  L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    ASSERT_TRUE(turned);
    const CleanPage clean = clean_page(turned.get(), kDpi);
    if (!clean.grey) {
      ADD_FAILURE() << "no grey page";
      continue;
    }
    EXPECT_NEAR(clean.skew_degrees, -degrees, 0.1);
    EXPECT_NEAR(clean_page(clean.grey.get(), kDpi).skew_degrees, 0, 0.1);
  }
}

TEST(ImageDeskewTest, ALevelPageIsNotTurned) {
  PixPtr page = white_page(1800, 1400);
  for (int line = 0; line < 20; ++line) {
    write(page.get(), "Programa Operativo Anual 2024: bacheo de calles $12,000.00", 100,
          150 + 55 * line, 0);
  }
  const CleanPage clean = clean_page(page.get(), kDpi);
  EXPECT_EQ(clean.skew_degrees, 0);
  ASSERT_TRUE(clean.grey);
  l_int32 same = 0;
  ASSERT_EQ(pixEqual(page.get(), clean.grey.get(), &same), 0);
  EXPECT_EQ(same, 1) << "a level page is copied unchanged";
}

// ---- rulings ---------------------------------------------------------------------------------

// A table at 300 dpi (borders 3 px thick): a one-line header row 60 px (14.4 pt) high, a body
// row, and a narrow month-like column 90 px (21.6 pt) wide; and something more drawn on the page.
// A mark whose both ends come within a few points of borders across it is `closed` like a
// border: only its length tells it from one.
struct RulingCase {
  const char* what;
  void (*draw)(Pix*);
  int extra_horizontal = 0;  // rulings besides the table's (a long line in the open)
};

const std::vector<int> kTableRows = {100, 160, 500};
const std::vector<int> kTableColumns = {100, 600, 690, 1100};

void draw_table(Pix* pix) {
  for (int y : kTableRows) fill(pix, 100, y, 1003, 3);
  for (int x : kTableColumns) fill(pix, x, 100, 3, 403);
}

TEST(ImageRulingsTest, RulingsAreFoundWhereTheyWereDrawnAndNothingElseIs) {
  const std::vector<RulingCase> cases = {
      {"nothing else", [](Pix*) {}},
      // 60 px = 14.4 pt: a dash (zero) filling most of the narrow column
      {"a dash in a narrow cell", [](Pix* p) { fill(p, 615, 300, 60, 3); }},
      // 40 px = 9.6 pt: a capital's stem filling most of the one-line row
      {"a letter's stem in a one-line row", [](Pix* p) { fill(p, 300, 113, 3, 40); }},
      {"a line of text in a cell",
       [](Pix* p) {
         pixSetTextline(p, font(), "Bacheo 12,000 l I |", 1, 130, 260, nullptr, nullptr);
       }},
      // 20 px = 4.8 pt thick: a bar or a fill, not a border
      {"a thick bar in a cell", [](Pix* p) { fill(p, 700, 350, 380, 20); }},
      // 29 pt, both ends in the open: a stamp's or a signature's stroke
      {"a short stroke in the open", [](Pix* p) { fill(p, 700, 700, 120, 3); }},
      // the table's lower border with pinholes a pixel or two wide: still one border
      {"a border broken by pinholes",
       [](Pix* p) {
         for (int x = 150; x < 1100; x += 97) pixRasterop(p, x, 500, 2, 3, PIX_CLR, nullptr, 0, 0);
       }},
      // over a quarter of the page's width: a title's underline, kept though it ends in the open
      {"a long underline in the open", [](Pix* p) { fill(p, 100, 800, 900, 3); }, 1},
  };
  for (const RulingCase& c : cases) {
    SCOPED_TRACE(c.what);
    PixPtr pix = white_page(1200, 900, 1);
    draw_table(pix.get());
    c.draw(pix.get());
    const ImageRulings found = find_image_rulings(pix.get(), kDpi);
    std::vector<layout::StrokedSegment> horizontal, vertical;
    for (const layout::StrokedSegment& s : found.segments) {
      (s.y0 == s.y1 ? horizontal : vertical).push_back(s);
    }
    if (horizontal.size() != kTableRows.size() + c.extra_horizontal ||
        vertical.size() != kTableColumns.size()) {
      ADD_FAILURE() << horizontal.size() << " horizontal and " << vertical.size()
                    << " vertical rulings found";
      continue;
    }
    for (std::size_t i = 0; i < kTableRows.size(); ++i) {
      EXPECT_NEAR(horizontal[i].y0, points(kTableRows[i] + 1.5), 0.2);
      EXPECT_NEAR(horizontal[i].x0, points(100), 0.5);
      EXPECT_NEAR(horizontal[i].x1, points(1103), 0.5);
    }
    for (std::size_t i = 0; i < kTableColumns.size(); ++i) {
      EXPECT_NEAR(vertical[i].x0, points(kTableColumns[i] + 1.5), 0.2);
      EXPECT_NEAR(vertical[i].y0, points(100), 0.5);
      EXPECT_NEAR(vertical[i].y1, points(503), 0.5);
    }
    EXPECT_TRUE(found.mask);
  }
}

// ---- dark bands ------------------------------------------------------------------------------

struct BandCase {
  const char* what;
  l_uint32 fill;      // the band's grey (255: no fill)
  int width, height;  // pixels at 300 dpi
  l_uint32 text;      // the label's grey
  bool inverted;
  int lines = 1;          // of text, 26 px apart, in bold (written twice, 2 px apart)
  bool halftone = false;  // the fill printed as a screen of 4 px dots 8 px apart
};

// A label band printed white on a dark fill is turned to dark text on white paper, and given
// back as a filled box in points; a light fill, a line of text or a rule is left as it is.
TEST(ImageDarkBandsTest, WhiteTextOnADarkBandBecomesDarkTextOnWhite) {
  const std::vector<BandCase> cases = {
      {"white label on dark blue (grey 40)", 40, 900, 70, 255, true},
      {"white label on a darkened copy's band (grey 100)", 100, 900, 70, 255, true},
      {"dark label on a light grey fill (160)", 160, 900, 70, 0, false},
      {"a line of black text on white", 255, 900, 70, 0, false},
      // 0.13 in high but 0.2 in wide: a bullet or a stamp's square, not a label row
      {"a small dark square", 40, 60, 40, 255, false},
      // tight lines of bold print close into one dark block, far from solid ink
      {"a paragraph of tight bold print", 255, 900, 200, 0, false, 7},
      // a copier's grey: dark dots on paper, a quarter of the box; closed, a solid block
      {"a grey fill printed as a halftone screen", 0, 900, 70, 0, false, 1, true},
  };
  constexpr int x = 200, y = 300;
  for (const BandCase& c : cases) {
    SCOPED_TRACE(c.what);
    PixPtr page = white_page(1400, 700);
    if (c.halftone) {
      for (int dy = 0; dy < c.height; dy += 8) {
        for (int dx = 0; dx < c.width; dx += 8) fill(page.get(), x + dx, y + dy, 4, 4, c.fill);
      }
    } else {
      fill(page.get(), x, y, c.width, c.height, c.fill);
    }
    for (int line = 0; line < c.lines && c.width > 300; ++line) {
      for (int bold : {0, 2}) {
        write(page.get(), "PROGRAMA PRESUPUESTARIO MUNICIPAL", x + 40 + bold, y + 45 + 26 * line,
              c.text);
      }
    }
    const int dark_before = dark_pixels(page.get(), x, y, c.width, c.height);
    const int label = c.width * c.height - dark_before;  // the white text's pixels, on a dark band
    const CleanPage clean = clean_page(page.get(), kDpi);
    if (!clean.grey) {
      ADD_FAILURE() << "no grey page";
      continue;
    }
    const int dark_after = dark_pixels(clean.grey.get(), x, y, c.width, c.height);
    if (!c.inverted) {
      EXPECT_TRUE(clean.bands.empty());
      EXPECT_EQ(dark_after, dark_before);
      continue;
    }
    if (clean.bands.size() != 1) {
      ADD_FAILURE() << clean.bands.size() << " bands found, not one";
      continue;
    }
    const poa::Box& box = clean.bands.front().box;
    EXPECT_NEAR(box.x0, points(x), 1);
    EXPECT_NEAR(box.y0, points(y), 1);
    EXPECT_NEAR(box.x1, points(x + c.width), 1);
    EXPECT_NEAR(box.y1, points(y + c.height), 1);
    // The letters are now the dark pixels, and the band is paper.
    ASSERT_GT(label, 0);
    EXPECT_GT(dark_after, label * 8 / 10);
    EXPECT_LT(dark_after, label * 12 / 10);
    l_uint32 paper = 0;
    pixGetPixel(clean.grey.get(), x + 5, y + 5, &paper);
    EXPECT_GT(paper, 230U);
  }
}

// ---- speckles --------------------------------------------------------------------------------

struct SpeckCase {
  const char* what;
  int width, height;  // pixels
  double dpi;
  bool kept;
};

// Noise specks (no larger than 1/150 in both ways) leave the binary page; the dot of an `i`, a
// decimal point or a hairline stroke stay. The size scales with the page's resolution.
TEST(ImageSpecklesTest, SpecksGoTheDotOfAnIAndADecimalPointStay) {
  const std::vector<SpeckCase> cases = {
      {"a one-pixel speck", 1, 1, 300, false},
      {"a 2 x 2 speck at 300 dpi", 2, 2, 300, false},
      {"a 2 x 1 speck", 2, 1, 300, false},
      {"a decimal point of 8 pt print at 300 dpi (4 px)", 4, 4, 300, true},
      {"the dot of an i at 300 dpi (3 px)", 3, 3, 300, true},
      {"a hairline stroke (1 x 6 px)", 1, 6, 300, true},
      {"a 3 x 3 speck at 600 dpi", 3, 3, 600, false},
      {"a decimal point at 600 dpi (6 px)", 6, 6, 600, true},
  };
  for (const SpeckCase& c : cases) {
    SCOPED_TRACE(c.what);
    PixPtr page = white_page(600, 400);
    fill(page.get(), 300, 200, c.width, c.height, 0);
    // A word beside it: the page has ink that stays whatever happens to the mark.
    write(page.get(), "Total", 60, 100, 0);
    const CleanPage clean = clean_page(page.get(), c.dpi);
    if (!clean.binary) {
      ADD_FAILURE() << "no binary page";
      continue;
    }
    BOX* around = boxCreate(295, 195, c.width + 10, c.height + 10);
    l_int32 ink = 0;
    pixCountPixelsInRect(clean.binary.get(), around, &ink, nullptr);
    boxDestroy(&around);
    if (c.kept) {
      EXPECT_GE(ink, c.width * c.height * 8 / 10);
    } else {
      EXPECT_EQ(ink, 0);
    }
    l_int32 word = 0;
    pixCountPixels(clean.binary.get(), &word, nullptr);
    EXPECT_GT(word, ink) << "the word's ink is kept";
  }
}

}  // namespace
}  // namespace poa::extractor::ocr
