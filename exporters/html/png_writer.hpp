// PNG bytes of a rendered page (libpng, which poppler already loads: no cairo in `poa`).
#pragma once

#include <string>

#include "extractor/page_image.hpp"

namespace poa::exporters::html {

// The image as a PNG file's bytes (RGB, no alpha; the same bytes cairo's PNG writer gave).
// Throws std::runtime_error when libpng fails.
std::string encode_png(const extractor::PageImage& image);

}  // namespace poa::exporters::html
