// PNG bytes of a rendered page (cairo's PNG writer, over libpng).
#pragma once

#include <string>

#include "extractor/page_image.hpp"

namespace poa::exporters::html {

// The image as a PNG file's bytes (RGB, no alpha). Throws std::runtime_error when cairo fails.
std::string encode_png(const extractor::PageImage& image);

}  // namespace poa::exporters::html
