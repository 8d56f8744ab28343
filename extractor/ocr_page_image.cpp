// A PDF page as a grey raster for OCR: the resolution of its scanned image, then poppler-cpp's
// renderer at that resolution (or at --dpi when the page is not one image).
#include "extractor/ocr_page_image.hpp"

#include <poppler/GfxState.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

namespace poa::extractor::ocr {
namespace {

// Forms nest; a malicious file could nest them forever.
constexpr int kMaxFormDepth = 8;
// An image covering this share of the page's area is the page (a copier's scan).
constexpr double kPageImageArea = 0.8;
// max - min of R, G, B over which a pixel is coloured ink (stamps, pen), not black or grey.
constexpr int kInkChroma = 90;
// A paler pixel is coloured ink with less chroma (a stamp's anti-aliased edge, or its ink thinned
// by JPEG's colour subsampling): its lightest channel is near paper.
constexpr int kPaleInkChroma = 36, kPaleInkLightest = 150;

bool has_fonts(Dict* resources, int depth) {
  if (resources == nullptr || depth > kMaxFormDepth) return false;
  const Object fonts = resources->lookup("Font");
  if (fonts.isDict() && fonts.getDict()->getLength() > 0) return true;
  const Object xobjects = resources->lookup("XObject");
  if (!xobjects.isDict()) return false;
  Dict* xd = xobjects.getDict();
  for (int i = 0; i < xd->getLength(); ++i) {
    const Object x = xd->getVal(i);
    if (!x.isStream()) continue;
    Dict* sd = x.streamGetDict();
    const Object subtype = sd->lookup("Subtype");
    if (!subtype.isName("Form")) continue;
    const Object res = sd->lookup("Resources");
    if (res.isDict() && has_fonts(res.getDict(), depth + 1)) return true;
  }
  return false;
}

// Sees the page's images without decoding them: their pixel size and where the CTM puts them.
class ImageProbe final : public OutputDev {
 public:
  explicit ImageProbe(double page_area) : page_area_(page_area) {}

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }

  void drawImageMask(GfxState* state, Object*, Stream*, int width, int height, bool, bool,
                     bool) override {
    record(state, width, height, 1, false);  // painted in the fill colour
  }
  void drawImage(GfxState* state, Object*, Stream*, int width, int height,
                 GfxImageColorMap* colours, bool, const int*, bool) override {
    record(state, width, height, colours != nullptr ? colours->getBits() : 8, is_grey(colours));
  }
  void drawMaskedImage(GfxState* state, Object*, Stream*, int width, int height, GfxImageColorMap*,
                       bool, Stream*, int, int, bool, bool) override {
    record(state, width, height, 8, false);
  }
  void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int width, int height,
                           GfxImageColorMap*, bool, Stream*, int, int, GfxImageColorMap*,
                           bool) override {
    record(state, width, height, 8, false);
  }
  // Paths (and shadings, which this device has Gfx paint as paths) may be coloured.
  void stroke(GfxState*) override { paints_more_ = true; }
  void fill(GfxState*) override { paints_more_ = true; }
  void eoFill(GfxState*) override { paints_more_ = true; }

  // The probe's result once the page is interpreted.
  PageImages result() const {
    PageImages out = result_;
    out.grey_only = out.count == 1 && grey_image_ && !paints_more_ && out.page_image_dpi > 0;
    return out;
  }

 private:
  // Grey colour spaces only: an indexed or a separation image has one component and colours.
  static bool is_grey(GfxImageColorMap* colours) {
    if (colours == nullptr) return false;
    const GfxColorSpace* space = colours->getColorSpace();
    const GfxColorSpaceMode mode = space->getMode();
    return mode == csDeviceGray || mode == csCalGray ||
           (mode == csICCBased && space->getNComps() == 1);
  }

  void record(GfxState* state, int width, int height, int bits, bool grey) {
    ++result_.count;
    grey_image_ = grey;
    // The image's unit square goes to the page through the CTM: its sides' lengths in points.
    const double* m = state->getCTM();
    const double w_pt = std::hypot(m[0], m[1]), h_pt = std::hypot(m[2], m[3]);
    if (w_pt <= 0 || h_pt <= 0 || w_pt * h_pt < kPageImageArea * page_area_) return;
    const double dpi = std::min(width / (w_pt / 72), height / (h_pt / 72));
    if (dpi > result_.page_image_dpi) {
      result_.page_image_dpi = dpi;
      result_.page_image_bilevel = bits == 1;
    }
  }

  double page_area_ = 0;
  PageImages result_;
  bool grey_image_ = false;   // the last image drawn (with count == 1: the only one)
  bool paints_more_ = false;  // a path was painted
};

}  // namespace

bool page_has_fonts(PDFDoc& doc, int index) {
  Page* page = doc.getPage(index + 1);
  return page != nullptr && has_fonts(page->getResourceDict(), 0);
}

PageImages probe_page_images(PDFDoc& doc, int index) {
  Page* page = doc.getPage(index + 1);
  if (page == nullptr) return {};
  ImageProbe probe(page->getCropWidth() * page->getCropHeight());
  doc.displayPage(&probe, index + 1, 72, 72, 0, false, true, false);
  PageImages out = probe.result();
  // Text may be coloured too; a page without fonts draws none.
  out.grey_only = out.grey_only && !page_has_fonts(doc, index);
  return out;
}

GreyImage render_page(poppler::document& doc, int index, double dpi, bool grey_only) {
  GreyImage out;
  const std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return out;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image::format_enum format =
      grey_only ? poppler::image::format_gray8 : poppler::image::format_argb32;
  renderer.set_image_format(format);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.format() != format) return out;
  out.width = img.width();
  out.height = img.height();
  out.dpi = dpi;
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  const auto* data = reinterpret_cast<const unsigned char*>(img.const_data());
  for (int y = 0; y < out.height; ++y) {
    const unsigned char* row = data + static_cast<std::size_t>(y) * img.bytes_per_row();
    std::uint8_t* dst = out.pixels.data() + static_cast<std::size_t>(y) * out.width;
    if (grey_only) {
      std::memcpy(dst, row, static_cast<std::size_t>(out.width));
      continue;
    }
    for (int x = 0; x < out.width; ++x) {
      // ARGB32 is B, G, R, A in memory (little-endian).
      const int b = row[4 * x], g = row[4 * x + 1], r = row[4 * x + 2];
      const int hi = std::max({r, g, b}), lo = std::min({r, g, b});
      // Coloured ink (a blue or red stamp, a signature in blue pen) is dropped to its lightest
      // channel, so it fades before OCR; black text and grey or dark fills keep their luminance.
      dst[x] = static_cast<std::uint8_t>(hi - lo > kInkChroma ||
                                                 (hi - lo > kPaleInkChroma && hi > kPaleInkLightest)
                                             ? hi
                                             : (299 * r + 587 * g + 114 * b) / 1000);
    }
  }
  return out;
}

}  // namespace poa::extractor::ocr
