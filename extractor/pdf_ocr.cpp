// Pages of a PDF read by OCR: chosen when the PDF is opened (so `fuente` names them before any
// row is handed out), rendered one by one (poppler is not thread-safe on one document) and read
// by Tesseract a batch at a time, one engine a thread; memory holds one batch of page images.
#include "extractor/pdf_ocr.hpp"

#include <poppler/PDFDoc.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "model/cores.hpp"
#include "model/diagnostic.hpp"

namespace poa::extractor::ocr {
namespace {

// A scanned image under this resolution holds too few pixels a letter to read.
constexpr double kMinImageDpi = 100;
// Over this a scan is read at this resolution: more pixels only cost time.
constexpr double kMaxImageDpi = 400;

std::string dpi_text(double dpi) {
  return std::to_string(static_cast<int>(std::lround(dpi)));
}

}  // namespace

PdfOcr::PdfOcr(PDFDoc& core, poppler::document& doc, const std::filesystem::path& path,
               const OcrOptions& options)
    : core_(core), doc_(doc), options_(options), path_(path) {
  if (options.mode == OcrMode::kNever) return;
  const int n = core.getNumPages();
  std::vector<int> candidates;
  for (int i = 0; i < n; ++i) {
    if (options.mode == OcrMode::kAlways || !page_has_fonts(core, i)) candidates.push_back(i);
  }
  if (candidates.empty()) return;
  double smallest = 0;
  for (int i : candidates) {
    const PageImages images = probe_page_images(core, i);
    if (images.page_image_dpi > 0 && images.page_image_dpi < kMinImageDpi) {
      smallest = smallest == 0 ? images.page_image_dpi : std::min(smallest, images.page_image_dpi);
      continue;  // left blank: there is nothing to read at that resolution
    }
    if (images.count == 0 && options.mode == OcrMode::kAuto) continue;  // a blank page
    if (images.page_image_dpi > 0) scanned_[i] = images;
    pages_.push_back(i + 1);
  }
  const Origin origin{path.string(), {}, {}, {}};
  const bool other_pages = static_cast<int>(candidates.size()) < n;
  if (pages_.empty() && !other_pages && smallest > 0) {
    throw InputError(diag::input_error(
        DiagnosticCode::kPdfNoText,
        "el PDF no tiene texto, solo imágenes: parece un escaneo, pero de " + dpi_text(smallest) +
            " ppp, muy poca resolución para el OCR (se necesitan al menos " +
            dpi_text(kMinImageDpi) + "); escanéelo de nuevo a 300 ppp",
        origin));
  }
  if (pages_.empty()) return;
  total_ = static_cast<int>(pages_.size());
  const int threads = options.threads > 0 ? options.threads : static_cast<int>(poa::usable_cores());
  try {
    pool_ = std::make_unique<OcrPool>(options.language, threads);
  } catch (const OcrUnavailable& e) {
    throw InputError(diag::input_error(
        DiagnosticCode::kPdfNoText,
        std::string("el PDF no tiene texto en ") + (total_ == 1 ? "una página" : "sus páginas") +
            " (parece un escaneo) y no se puede leer con OCR: " + e.what(),
        origin));
  }
}

PdfOcr::~PdfOcr() = default;

bool PdfOcr::reads(int index) const {
  return std::binary_search(pages_.begin(), pages_.end(), index + 1);
}

GreyImage PdfOcr::image_of(int index) const {
  const auto it = scanned_.find(index);
  // A scanned page at its own resolution (one image pixel, one rendered pixel); else --dpi.
  const bool scanned = it != scanned_.end();
  const double dpi = scanned ? std::min(it->second.page_image_dpi, kMaxImageDpi)
                             : static_cast<double>(options_.dpi);
  GreyImage image = render_page(doc_, index, dpi, scanned && it->second.grey_only);
  image.bilevel = scanned && it->second.page_image_bilevel;
  return image;
}

void PdfOcr::read_batch(int first_index) {
  std::vector<GreyImage> images;
  std::vector<int> numbers;
  auto it = std::lower_bound(pages_.begin(), pages_.end(), first_index + 1);
  for (; it != pages_.end() && static_cast<int>(images.size()) < pool_->threads(); ++it) {
    images.push_back(image_of(*it - 1));
    numbers.push_back(*it);
  }
  std::vector<OcrPage> read = pool_->read(images, numbers);
  for (std::size_t i = 0; i < read.size(); ++i) ready_[numbers[i] - 1] = std::move(read[i]);
  done_ += static_cast<int>(read.size());
  if (options_.progress) {
    std::cerr << path_.string() << ": OCR, " << done_ << " de " << total_ << " páginas\n";
  }
}

layout::PageLayout PdfOcr::layout(int index, layout::LayoutState& state) {
  if (ready_.find(index) == ready_.end()) read_batch(index);
  OcrPage page = std::move(ready_[index]);
  ready_.erase(index);
  layout::PageLayout out = layout::layout_page(page.words, state);
  attach_confidence(out.rows, page.confidences);
  return out;
}

layout::PageWords PdfOcr::words(int index) {
  std::vector<OcrPage> read = pool_->read({image_of(index)}, {index + 1});
  return std::move(read.front().words);
}

}  // namespace poa::extractor::ocr
