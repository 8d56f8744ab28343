// OCR of pages without a text layer (Tesseract 5): a page image -> cleaned image -> words with
// boxes and confidences + the rulings the image draws, as the PageWords the layout passes take
// from a born-digital page. Internal to the extractor (the PDF reader calls it).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "extractor/ocr_options.hpp"
#include "extractor/ocr_page_image.hpp"
#include "extractor/pdf_layout.hpp"

namespace poa::extractor::ocr {

// Tesseract cannot start (its language data missing): the message names the Debian package.
class OcrUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A word's box (points) and how sure Tesseract was of it, 0..1.
struct WordConfidence {
  poa::Box box;
  double confidence = 0;
};

struct OcrPage {
  layout::PageWords words;  // words with glyph boxes, and the rulings found in the image
  std::vector<WordConfidence> confidences;
  double skew_degrees = 0;  // the deskew applied
  std::string problem;      // why nothing could be read (a blank page), Spanish; else empty
};

// One Tesseract engine (not thread-safe: one per thread).
class OcrEngine {
 public:
  // Throws OcrUnavailable when Tesseract cannot load `language`.
  explicit OcrEngine(const std::string& language);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads one page image; `page_number` (1-based) numbers the PageWords. Never throws for the
  // image's content: a blank or unreadable image gives no words and a `problem`.
  OcrPage read(const GreyImage& image, int page_number);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads several pages at once over `threads` threads, one engine each (engines are kept for the
// next call). Results are in the order of `images`. Throws OcrUnavailable as OcrEngine does.
class OcrPool {
 public:
  OcrPool(std::string language, int threads);
  ~OcrPool();
  std::vector<OcrPage> read(const std::vector<GreyImage>& images,
                            const std::vector<int>& page_numbers);
  int threads() const { return threads_; }

 private:
  std::string language_;
  int threads_ = 1;
  std::vector<std::unique_ptr<OcrEngine>> engines_;
};

// Sets each cell's confidence to the least of the OCR words it holds (a cell whose box meets a
// word's). Rows without boxes are left alone.
void attach_confidence(std::vector<CellRow>& rows, const std::vector<WordConfidence>& words);

}  // namespace poa::extractor::ocr
