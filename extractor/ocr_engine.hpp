// OCR of pages without a text layer, as the PDF reader sees it: a page image in, the words (with
// boxes and confidences) and rulings out. The engine itself (Tesseract, ocr_reader.hpp) lives in
// the module poa_ocr_tesseract.so, loaded the first time a page needs OCR (module_loader.hpp
// says where it is looked for), so a born-digital PDF never loads Tesseract. Internal to the
// extractor.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "extractor/ocr_page_image.hpp"
#include "extractor/pdf_layout.hpp"

namespace poa::extractor::ocr {

// OCR cannot start: Tesseract's language data missing (the message names the Debian package), or
// the module missing or broken (the message names its file and dlerror()'s reason).
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

// One OCR engine (not thread-safe: one per thread).
class PageOcr {
 public:
  virtual ~PageOcr() = default;
  // Reads one page image; `page_number` (1-based) numbers the PageWords. Never throws for the
  // image's content: a blank or unreadable image gives no words and a `problem`.
  virtual OcrPage read(const GreyImage& image, int page_number) = 0;
};

// What poa_ocr_tesseract.so's entry gives (module_loader.hpp).
struct OcrModule {
  int abi = 0;  // kOcrModuleAbi
  // Throws OcrUnavailable when Tesseract cannot load `language`.
  std::unique_ptr<PageOcr> (*make_engine)(const std::string& language) = nullptr;
};
inline constexpr int kOcrModuleAbi = 2;  // 2: GreyImage::bilevel
inline constexpr const char* kOcrModuleName = "poa_ocr_tesseract";

// A new engine of the OCR module for `language`. Throws OcrUnavailable (module or language).
std::unique_ptr<PageOcr> make_ocr_engine(const std::string& language);

// Reads several pages at once over `threads` threads, one engine each (engines are kept for the
// next call). Results are in the order of `images`. Throws OcrUnavailable as make_ocr_engine.
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
  std::vector<std::unique_ptr<PageOcr>> engines_;
};

// Sets each cell's confidence to the least of the OCR words it holds (a cell whose box meets a
// word's). Rows without boxes are left alone.
void attach_confidence(std::vector<CellRow>& rows, const std::vector<WordConfidence>& words);

}  // namespace poa::extractor::ocr
