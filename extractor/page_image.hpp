// Page images of a PDF for the review page: poppler renders them, the caller encodes them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace poa::extractor {

// One rendered page: 32-bit pixels, native-endian ARGB, opaque (the layout of cairo's RGB24), rows
// of `stride` bytes, top row first. Pixel (x, y) shows PDF point (x, y) * 72 / dpi of the page,
// counted from the top left as the readers' boxes are.
struct PageImage {
  int width = 0;
  int height = 0;
  int stride = 0;
  std::vector<unsigned char> pixels;
};

// A PDF opened for rendering. Throws InputError (PDF_DAMAGED, PDF_ENCRYPTED) when it cannot be
// opened, like the reader.
class PageRenderer {
 public:
  PageRenderer(const std::filesystem::path& path, const std::optional<std::string>& password);
  ~PageRenderer();
  PageRenderer(const PageRenderer&) = delete;
  PageRenderer& operator=(const PageRenderer&) = delete;

  [[nodiscard]] int page_count() const;
  // The page's size in PDF points (its crop box, as displayed); {0, 0} for a page out of range.
  [[nodiscard]] std::pair<double, double> page_size(int page) const;
  // Page `page` (1-based) at `dpi`, on white; an empty image for a page out of range.
  [[nodiscard]] PageImage render(int page, double dpi) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace poa::extractor
