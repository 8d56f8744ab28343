// Clean-up of a scanned page before OCR with Leptonica: what a copier does to a page (skew, grey
// or dark fills, noise) undone as far as it can be, so Tesseract and the ruling finder see ink.
#include "extractor/image_cleanup.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "extractor/ocr_page_image.hpp"

namespace poa::extractor::ocr {

void PixDeleter::operator()(Pix* pix) const {
  pixDestroy(&pix);
}

namespace {

int scaled(double inches, double dpi) {
  return std::max(1, static_cast<int>(std::lround(inches * dpi)));
}

struct BoxaDeleter {
  void operator()(Boxa* boxa) const { boxaDestroy(&boxa); }
};
using BoxaPtr = std::unique_ptr<Boxa, BoxaDeleter>;

// Skew angle in degrees (0 when unclear): Leptonica's sweep-and-search on a binary copy.
double find_skew(Pix* grey, const CleanupConfig& config) {
  const PixPtr binary(pixThresholdToBinary(grey, 160));
  if (!binary) return 0;
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkewSweepAndSearch(binary.get(), &angle, &confidence, 4, 2,
                                static_cast<l_float32>(config.max_skew_degrees), 0.5f,
                                0.01f) != 0) {
    return 0;
  }
  if (confidence < config.min_skew_confidence || std::abs(angle) < config.min_skew_degrees) {
    return 0;
  }
  return angle;
}

// Dark filled bands (label rows printed white on dark): inverted in place, returned in points.
std::vector<layout::FilledBox> invert_dark_bands(Pix* grey, double dpi,
                                                 const CleanupConfig& config) {
  std::vector<layout::FilledBox> bands;
  const PixPtr dark(pixThresholdToBinary(grey, config.dark_threshold));
  if (!dark) return bands;
  // Closing fills the white letters inside a band (their strokes are thin); opening then
  // removes dark text on white (a line of it is lower than a band) and rulings.
  const int stroke = scaled(config.band_letter_stroke, dpi);
  const PixPtr closed(pixCloseBrick(nullptr, dark.get(), stroke, stroke));
  if (!closed) return bands;
  const PixPtr solid(pixOpenBrick(nullptr, closed.get(), scaled(config.band_min_width, dpi),
                                  scaled(config.band_min_height, dpi)));
  if (!solid) return bands;
  const BoxaPtr boxes(pixConnCompBB(solid.get(), 8));
  if (!boxes) return bands;
  // A wide white letter (M, an accented capital) can cut a band in two after the opening: pieces
  // of one band (the same rows, a letter's gap apart) are one band, else the strip between them
  // stays dark and reads as a ruling through the word.
  struct Piece {
    l_int32 x0, y0, x1, y1;
  };
  std::vector<Piece> pieces;
  for (l_int32 i = 0; i < boxaGetCount(boxes.get()); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    pieces.push_back(Piece{x, y, x + w, y + h});
  }
  const int gap = scaled(config.band_merge_gap, dpi);
  for (bool merged = true; merged;) {
    merged = false;
    for (std::size_t i = 0; i < pieces.size() && !merged; ++i) {
      for (std::size_t j = i + 1; j < pieces.size() && !merged; ++j) {
        Piece& a = pieces[i];
        const Piece& b = pieces[j];
        const l_int32 overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        const l_int32 lower = std::min(a.y1 - a.y0, b.y1 - b.y0);
        const l_int32 apart = std::max(a.x0, b.x0) - std::min(a.x1, b.x1);
        if (overlap < config.band_merge_rows * lower || apart > gap) continue;
        a = Piece{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
                  std::max(a.y1, b.y1)};
        pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(j));
        merged = true;
      }
    }
  }
  const double pt = 72.0 / dpi;
  for (const Piece& piece : pieces) {
    const l_int32 x = piece.x0, y = piece.y0, w = piece.x1 - piece.x0, h = piece.y1 - piece.y0;
    BOX* box = boxCreate(x, y, w, h);
    l_int32 count = 0;
    pixCountPixelsInRect(dark.get(), box, &count, nullptr);
    l_float32 average = 0;
    pixAverageInRect(grey, nullptr, box, 0, 255, 1, &average);
    if (count >= config.band_min_dark_share * w * h) {
      Pix* part = pixClipRectangle(grey, box, nullptr);
      if (part != nullptr) {
        pixInvert(part, part);
        // The band's colour, inverted, becomes paper: stretched to white, text stays black.
        const double background = 255.0 - average;
        if (background > 16 && background < 250) {
          const float gain = static_cast<float>(255.0 / background);
          pixMultConstantGray(part, gain);
        }
        pixRasterop(grey, x, y, w, h, PIX_SRC, part, 0, 0);
        pixDestroy(&part);
        bands.push_back(layout::FilledBox{poa::Box{x * pt, y * pt, (x + w) * pt, (y + h) * pt},
                                          average / 255.0});
      }
    }
    boxDestroy(&box);
  }
  return bands;
}

}  // namespace

PixPtr to_pix(const GreyImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  const l_int32 wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    const std::uint8_t* src = image.pixels.data() + static_cast<std::size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
  }
  const auto dpi = static_cast<l_int32>(std::lround(image.dpi));
  pixSetResolution(pix.get(), dpi, dpi);
  return pix;
}

CleanPage clean_page(const Pix* grey_in, double dpi, const CleanupConfig& config) {
  CleanPage out;
  setMsgSeverity(L_SEVERITY_NONE);          // Leptonica's warnings are not the user's business
  Pix* source = const_cast<Pix*>(grey_in);  // Leptonica's API takes non-const; it is not changed
  out.skew_degrees = find_skew(source, config);
  if (out.skew_degrees != 0) {
    out.grey.reset(pixRotate(source,
                             static_cast<l_float32>(out.skew_degrees * std::numbers::pi / 180),
                             L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
  } else {
    out.grey.reset(pixCopy(nullptr, source));
  }
  if (!out.grey) return out;
  out.bands = invert_dark_bands(out.grey.get(), dpi, config);

  const l_int32 window = scaled(config.sauvola_window, dpi);
  const l_int32 w = pixGetWidth(out.grey.get()), h = pixGetHeight(out.grey.get());
  // Leptonica wants tiles of a bounded size; about a thousand pixels a side is plenty.
  const l_int32 nx = std::max(1, w / 1000), ny = std::max(1, h / 1000);
  Pix* binary = nullptr;
  if (pixSauvolaBinarizeTiled(out.grey.get(), window, config.sauvola_factor, nx, ny, nullptr,
                              &binary) != 0 ||
      binary == nullptr) {
    return out;
  }
  const PixPtr raw(binary);
  const int speckle = scaled(config.speckle_inches, dpi);
  out.binary.reset(
      pixSelectBySize(raw.get(), speckle, speckle, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  return out;
}

}  // namespace poa::extractor::ocr
