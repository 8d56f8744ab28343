// PNG bytes of a rendered page through libpng directly. poppler links libpng already, so the
// review report costs `poa` no library of its own (through cairo it cost 12: cairo, pixman, X11…).
#include "exporters/html/png_writer.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace poa::exporters::html {
namespace {

// What the callbacks share. libpng reports errors by longjmp (it is C: no exception may cross
// it), so the callbacks only record and jump; the message becomes an exception after the jump.
struct PngSink {
  std::string* out = nullptr;
  char error[160] = "";
};

void on_error(png_structp png, png_const_charp message) {
  auto* sink = static_cast<PngSink*>(png_get_error_ptr(png));
  if (sink->error[0] == '\0')
    std::snprintf(sink->error, sizeof sink->error, "%s", message ? message : "error de libpng");
  std::longjmp(png_jmpbuf(png), 1);
}

void on_warning(png_structp /*png*/, png_const_charp /*message*/) {}

void on_write(png_structp png, png_bytep data, png_size_t length) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  try {
    sink->out->append(reinterpret_cast<const char*>(data), length);
  } catch (const std::exception&) {  // bad_alloc: must not unwind through libpng
    png_error(png, "sin memoria");
  }
}

void on_flush(png_structp /*png*/) {}

// Writes every row. Kept apart from encode_png so that no object with a destructor lives in the
// frame setjmp returns to twice: `row` and `sink` belong to the caller.
bool write_rows(const extractor::PageImage& image, PngSink& sink, png_bytep row) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &sink, on_write, on_flush);
  // cairo_surface_write_to_png's choices for RGB24, so the files stay byte for byte the same:
  // 8-bit RGB, a white bKGD chunk, libpng's default filters and compression.
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
               static_cast<png_uint_32>(image.height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_color_16 white{};
  white.red = white.green = white.blue = white.gray = 255;
  png_set_bKGD(png, info, &white);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y) {
    // Native-endian 0xffRRGGBB words -> R, G, B bytes.
    const unsigned char* src = image.pixels.data() + static_cast<std::size_t>(y) * image.stride;
    png_bytep dst = row;
    for (int x = 0; x < image.width; ++x, src += 4, dst += 3) {
      std::uint32_t pixel = 0;
      std::memcpy(&pixel, src, sizeof pixel);
      dst[0] = static_cast<png_byte>(pixel >> 16);
      dst[1] = static_cast<png_byte>(pixel >> 8);
      dst[2] = static_cast<png_byte>(pixel);
    }
    png_write_row(png, row);
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

std::string encode_png(const extractor::PageImage& image) {
  if (image.width <= 0 || image.height <= 0) throw std::runtime_error("imagen de página vacía");
  if (image.stride < image.width * 4 ||
      image.pixels.size() < static_cast<std::size_t>(image.stride) * image.height)
    throw std::runtime_error("imagen de página incompleta");
  std::string out;
  std::vector<png_byte> row(static_cast<std::size_t>(image.width) * 3);
  PngSink sink;
  sink.out = &out;
  if (!write_rows(image, sink, row.data()))
    throw std::runtime_error(std::string("no se pudo codificar la imagen PNG: ") +
                             (sink.error[0] != '\0' ? sink.error : "sin memoria"));
  return out;
}

}  // namespace poa::exporters::html
