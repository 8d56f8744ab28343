// The OCR side that needs no Tesseract: the module's engines made and run over threads, and the
// confidences of the words put on the cells. The engines come from poa_ocr_tesseract.so, loaded
// by the first OcrPool (ocr_engine.hpp).
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "extractor/ocr_engine.hpp"
#include "model/module_loader.hpp"

namespace poa::extractor::ocr {

std::unique_ptr<PageOcr> make_ocr_engine(const std::string& language) {
  const OcrModule* module = nullptr;
  try {
    module = static_cast<const OcrModule*>(load_module(kOcrModuleName, kOcrModuleAbi));
  } catch (const ModuleUnavailable& e) {
    throw OcrUnavailable(e.what());
  }
  return module->make_engine(language);
}

OcrPool::OcrPool(std::string language, int threads)
    : language_(std::move(language)), threads_(std::max(1, threads)) {
  // The first engine now: a missing language is said before any page is rendered.
  engines_.push_back(make_ocr_engine(language_));
}

OcrPool::~OcrPool() = default;

std::vector<OcrPage> OcrPool::read(const std::vector<GreyImage>& images,
                                   const std::vector<int>& page_numbers) {
  std::vector<OcrPage> out(images.size());
  const int n = std::min<int>(threads_, static_cast<int>(images.size()));
  while (static_cast<int>(engines_.size()) < n) {
    engines_.push_back(make_ocr_engine(language_));
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&](PageOcr& engine) {
    try {
      for (std::size_t i; (i = next++) < images.size();) {
        out[i] = engine.read(images[i], page_numbers[i]);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < n; ++t)
    pool.emplace_back(work, std::ref(*engines_[static_cast<std::size_t>(t)]));
  work(*engines_.front());
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

void attach_confidence(std::vector<CellRow>& rows, const std::vector<WordConfidence>& words) {
  for (CellRow& row : rows) {
    for (Cell& cell : row.cells) {
      if (!cell.box) continue;
      const poa::Box& c = *cell.box;
      std::optional<double> least;
      for (const WordConfidence& w : words) {
        const double cy = (w.box.y0 + w.box.y1) / 2;
        const double overlap = std::min(c.x1, w.box.x1) - std::max(c.x0, w.box.x0);
        if (cy < c.y0 || cy > c.y1 || overlap <= 0) continue;
        if (!least || w.confidence < *least) least = w.confidence;
      }
      cell.confidence = least;
    }
  }
}

}  // namespace poa::extractor::ocr
