// A scanned page's image for OCR (ocr_page_image.cpp): a page that draws one grey image and
// nothing else is rendered straight in grey, to the same pixels as the colour rendering gives
// (whose coloured ink is told apart), in a quarter of its memory.
#include <gtest/gtest.h>

#include <poppler/PDFDoc.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/goo/GooString.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "extractor/ocr_page_image.hpp"
#include "pdf_of_objects.hpp"
#include "test_files.hpp"

namespace poa::extractor::ocr {
namespace {

namespace fs = std::filesystem;

// An image XObject of 4 x 4 pixels in `space`, `bits` a component, its samples as hex.
std::string image(const std::string& space, int bits, const std::string& hex) {
  return "<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace " + space +
         " /BitsPerComponent " + std::to_string(bits) + " /Filter /ASCIIHexDecode /Length " +
         std::to_string(hex.size() + 1) + " >>\nstream\n" + hex + ">\nendstream";
}

const std::string kGreySamples =
    "00FF80C0"
    "FF00C080"
    "80C000FF"
    "C080FF00";
const std::string kPageImage = "q 612 0 0 792 0 0 cm /Im0 Do Q";

PageImages probe(const fs::path& path, int index) {
  // The poppler-cpp document sets up poppler's global parameters, which PDFDoc needs.
  const std::unique_ptr<poppler::document> keeps_globals(
      poppler::document::load_from_file(path.string()));
  PDFDoc doc(std::make_unique<GooString>(path.string()));
  EXPECT_TRUE(doc.isOk());
  return probe_page_images(doc, index);
}

TEST(PageImageTest, OnlyAPageDrawingOneGreyImageAndNothingElseIsGreyOnly) {
  struct Case {
    const char* what;
    std::string content, resources;
    std::vector<std::string> extra;
    bool grey_only;
  };
  const std::string one_image = "/XObject << /Im0 5 0 R >>";
  const std::vector<Case> cases = {
      {"one grey image", kPageImage, one_image, {image("/DeviceGray", 8, kGreySamples)}, true},
      {"one bilevel image", kPageImage, one_image, {image("/DeviceGray", 1, "F09060F0")}, true},
      {"a colour image",
       kPageImage,
       one_image,
       {image("/DeviceRGB", 8, kGreySamples + kGreySamples + kGreySamples)},
       false},
      // one component, but a palette of colours
      {"an indexed image",
       kPageImage,
       one_image,
       {image("[/Indexed /DeviceRGB 1 <FF000000FF00>]", 1, "F09060F0")},
       false},
      {"a grey image and a red stroke",
       kPageImage + " 1 0 0 RG 4 w 100 100 m 300 300 l S",
       one_image,
       {image("/DeviceGray", 8, kGreySamples)},
       false},
      {"a grey image and a filled box",
       kPageImage + " 0 0 1 rg 100 100 50 50 re f",
       one_image,
       {image("/DeviceGray", 8, kGreySamples)},
       false},
      {"a grey image and a second image",
       kPageImage + " q 100 0 0 100 10 10 cm /Im1 Do Q",
       "/XObject << /Im0 5 0 R /Im1 6 0 R >>",
       {image("/DeviceGray", 8, kGreySamples), image("/DeviceGray", 8, kGreySamples)},
       false},
      // text may be coloured (an OCR'd scan's visible text layer, read with --ocr always)
      {"a grey image and text",
       kPageImage + " BT /F1 12 Tf 1 0 0 rg 72 72 Td (Total) Tj ET",
       one_image + " /Font << /F1 6 0 R >>",
       {image("/DeviceGray", 8, kGreySamples),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
       false},
  };
  const fs::path dir = test::fresh_test_dir("poa_page_image");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const fs::path path = dir / "page.pdf";
    std::ofstream(path, std::ios::binary) << test::one_page_pdf(c.content, c.resources, c.extra);
    const PageImages images = probe(path, 0);
    EXPECT_NEAR(images.page_image_dpi, 4.0 / (792.0 / 72), 0.01);  // its taller side
    EXPECT_EQ(images.grey_only, c.grey_only);
  }
  fs::remove_all(dir);
}

// Every page of the grey scan fixtures, rendered both ways at its own resolution: the same bytes
// (the colour rendering's luminance of a grey pixel is that grey).
TEST(PageImageTest, AGreyOnlyPageRendersToTheSamePixelsInGrey) {
  struct Case {
    const char* scan;
    std::vector<bool> grey_only;  // a page each
  };
  const std::vector<Case> cases = {
      {"wrapped_cells_300dpi_skewed", {true}},
      {"full_month_names_200dpi_noisy", {true, true}},
      {"missing_labels_fax_200dpi", {true, true}},
      {"mixed_text_and_scan", {false, true}},  // page 1 born-digital
      {"dark_labels_300dpi", {false, false}},  // colour JPEG
      {"wrapped_cells_dark_copy_stamp", {false}},
  };
  for (const Case& c : cases) {
    const fs::path path = fs::path(POA_SOURCE_DIR) / "fixtures/pdf/scans" / c.scan / "input.pdf";
    const std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
    ASSERT_TRUE(doc);
    for (std::size_t i = 0; i < c.grey_only.size(); ++i) {
      SCOPED_TRACE(std::string(c.scan) + " page " + std::to_string(i + 1));
      const PageImages images = probe(path, static_cast<int>(i));
      EXPECT_EQ(images.grey_only, c.grey_only[i]);
      if (!images.grey_only) continue;
      const GreyImage grey = render_page(*doc, static_cast<int>(i), images.page_image_dpi, true);
      const GreyImage colour = render_page(*doc, static_cast<int>(i), images.page_image_dpi);
      ASSERT_GT(grey.width, 0);
      EXPECT_EQ(grey.width, colour.width);
      EXPECT_EQ(grey.height, colour.height);
      EXPECT_TRUE(grey.pixels == colour.pixels);
    }
  }
}

}  // namespace
}  // namespace poa::extractor::ocr
