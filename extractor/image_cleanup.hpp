// Clean-up of a scanned page before OCR (Leptonica): deskew, dark label bands inverted, adaptive
// binarisation, speckle removal. Internal to the extractor's OCR reader.
#pragma once

#include <memory>
#include <vector>

#include "extractor/page_graphics.hpp"

struct Pix;

namespace poa::extractor::ocr {

struct GreyImage;

struct PixDeleter {
  void operator()(Pix* pix) const;
};
// An owned Leptonica image.
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Thresholds of the clean-up, in inches unless said otherwise (scaled by the image's dpi).
struct CleanupConfig {
  double max_skew_degrees = 5.0;     // deskew searches ±this
  double min_skew_degrees = 0.05;    // a smaller skew is left alone
  float min_skew_confidence = 3.0f;  // Leptonica's own measure of a clear text baseline signal
  int dark_threshold = 110;          // grey level under which a pixel is part of a dark band
  // A band is at least this wide and high (a line of 8 pt text inside it is ~0.11 in high, so
  // a line of dark text on white, closed into a strip, is lower than any band).
  double band_min_width = 0.3, band_min_height = 0.12;
  double band_letter_stroke = 0.03;  // white strokes of letters in a band are thinner
  double band_min_dark_share = 0.6;  // dark pixels in a band's box (text blocks have far fewer)
  // Pieces of a band sharing this share of their rows and this close are one band.
  double band_merge_rows = 0.8, band_merge_gap = 0.12;
  double sauvola_window = 0.08;  // adaptive binarisation's window side
  float sauvola_factor = 0.34f;
  double speckle_inches = 1.0 / 150;  // components no larger than this both ways are noise
};

struct CleanPage {
  PixPtr grey;    // 8 bpp, deskewed, dark bands inverted
  PixPtr binary;  // 1 bpp (1 = ink), speckles removed
  double skew_degrees = 0;
  // The dark bands found (in PDF points), as the filled boxes a PDF would draw for them.
  std::vector<layout::FilledBox> bands;
};

// An 8-bpp Leptonica copy of `image`.
PixPtr to_pix(const GreyImage& image);

// Never throws; an image Leptonica cannot work on gives empty pointers.
CleanPage clean_page(const Pix* grey, double dpi, const CleanupConfig& config = {});

}  // namespace poa::extractor::ocr
