// A PDF page as a grey raster for OCR, and whether it has a text layer at all: poppler's core
// (the page's resources, its images) and poppler-cpp (rendering). Internal to the extractor.
#pragma once

#include <cstdint>
#include <vector>

class PDFDoc;
namespace poppler {
class document;
}

namespace poa::extractor::ocr {

// 8-bit grey, row-major, one byte a pixel (0 black .. 255 white), `dpi` pixels an inch.
struct GreyImage {
  int width = 0, height = 0;
  double dpi = 0;
  // The page is one scanned image of one bit a pixel (a fax, a copier's black-and-white mode):
  // rendered, its edges are grey only where poppler smoothed them.
  bool bilevel = false;
  std::vector<std::uint8_t> pixels;
};

// Whether page `index` (0-based) can draw text: it, or a form it draws, has a font resource. A
// scanned page has none. Cheap: the content stream is not interpreted.
bool page_has_fonts(PDFDoc& doc, int index);

// The images page `index` draws: how many, and the resolution of the largest one when it covers
// most of the page (a copier's page), else 0, and whether that image has one bit a pixel.
// `grey_only`: the page draws that one image, in a grey colour space, and nothing else (no path,
// no text, no other image): its rendering has no colour to tell ink by.
struct PageImages {
  int count = 0;
  double page_image_dpi = 0;
  bool page_image_bilevel = false;
  bool grey_only = false;
};
PageImages probe_page_images(PDFDoc& doc, int index);

// Renders page `index` upright (its /Rotate applied) at `dpi`. Not thread-safe on one document.
// `grey_only` (PageImages): rendered straight in 8-bit grey, the same pixels as the colour
// rendering's luminance in a quarter of its memory (poppler's page bitmap and its copy, 4 bytes a
// pixel each, are most of a scanned page's peak).
GreyImage render_page(poppler::document& doc, int index, double dpi, bool grey_only = false);

}  // namespace poa::extractor::ocr
