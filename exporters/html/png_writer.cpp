// PNG bytes of a rendered page through cairo (already a dependency; it brings libpng).
#include "exporters/html/png_writer.hpp"

#include <cairo.h>

#include <stdexcept>

namespace poa::exporters::html {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string encode_png(const extractor::PageImage& image) {
  if (image.width <= 0 || image.height <= 0) throw std::runtime_error("imagen de página vacía");
  // poppler's rgb24 rows are cairo's RGB24 rows: cairo reads them in place (it does not write).
  cairo_surface_t* surface = cairo_image_surface_create_for_data(
      const_cast<unsigned char*>(image.pixels.data()), CAIRO_FORMAT_RGB24, image.width,
      image.height, image.stride);
  std::string out;
  const cairo_status_t status = cairo_surface_write_to_png_stream(surface, append, &out);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("no se pudo codificar la imagen PNG: ") +
                             cairo_status_to_string(status));
  return out;
}

}  // namespace poa::exporters::html
