// The pages of an open PDF that are read by OCR (--ocr auto|always|never), rendered and read a
// batch at a time over the cores, and laid out by the same passes as a born-digital page.
// Internal to the PDF reader.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "extractor/ocr_engine.hpp"
#include "extractor/ocr_options.hpp"
#include "extractor/pdf_layout.hpp"

class PDFDoc;
namespace poppler {
class document;
}

namespace poa::extractor::ocr {

class PdfOcr {
 public:
  // Chooses the pages to read by OCR: none (kNever), all (kAlways), or those without a font
  // resource (kAuto; nothing is interpreted, so a born-digital PDF pays nothing). When there are
  // some, starts Tesseract. Throws InputError PDF_NO_TEXT when OCR is needed and cannot be done:
  // Tesseract's language data missing (the message names the package), or every page to read is
  // an image too small to read and the PDF has no other page.
  PdfOcr(PDFDoc& core, poppler::document& doc, const std::filesystem::path& path,
         const OcrOptions& options);
  ~PdfOcr();

  // 1-based pages read by OCR, ascending (for `fuente.paginas_ocr`).
  const std::vector<int>& pages() const { return pages_; }
  bool reads(int index) const;  // index 0-based

  // Page `index` (0-based, one of pages()) laid out into rows, each cell with its confidence.
  // Pages are read in order; a batch of the following OCR pages is read at once.
  layout::PageLayout layout(int index, layout::LayoutState& state);

  // The words page `index` gives (for `poa inspect`): read alone, not in a batch.
  layout::PageWords words(int index);

 private:
  void read_batch(int first_index);
  GreyImage image_of(int index) const;

  PDFDoc& core_;
  poppler::document& doc_;
  OcrOptions options_;
  std::filesystem::path path_;
  std::vector<int> pages_;
  std::map<int, PageImages> scanned_;  // index -> the page's scanned image (resolution, bits)
  std::unique_ptr<OcrPool> pool_;
  std::map<int, OcrPage> ready_;  // read, not yet laid out
  int total_ = 0, done_ = 0;
};

}  // namespace poa::extractor::ocr
