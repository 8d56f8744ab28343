// OCR of pages without a text layer (Tesseract 5): a page image -> cleaned image -> words with
// boxes and confidences + the rulings the image draws, as the PageWords the layout passes take
// from a born-digital page. Built into the module poa_ocr_tesseract.so (ocr_module.cpp), never
// into poa_extractor: the PDF reader reaches it through ocr_engine.hpp.
#pragma once

#include <memory>
#include <string>

#include "extractor/ocr_engine.hpp"
#include "extractor/ocr_options.hpp"
#include "extractor/ocr_page_image.hpp"
#include "extractor/pdf_layout.hpp"

namespace poa::extractor::ocr {

// One Tesseract engine (not thread-safe: one per thread).
class OcrEngine final : public PageOcr {
 public:
  // Throws OcrUnavailable when Tesseract cannot load `language`.
  explicit OcrEngine(const std::string& language);
  ~OcrEngine() override;
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads one page image; `page_number` (1-based) numbers the PageWords. Never throws for the
  // image's content: a blank or unreadable image gives no words and a `problem`.
  OcrPage read(const GreyImage& image, int page_number) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace poa::extractor::ocr
