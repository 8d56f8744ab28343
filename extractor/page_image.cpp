// Page images through poppler-cpp's renderer (the review page's pictures of the PDF).
#include "extractor/page_image.hpp"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cstring>

#include "model/diagnostic.hpp"

namespace poa::extractor {

struct PageRenderer::Impl {
  std::unique_ptr<poppler::document> doc;
  poppler::page_renderer renderer;
};

PageRenderer::PageRenderer(const std::filesystem::path& path,
                           const std::optional<std::string>& password)
    : impl_(std::make_unique<Impl>()) {
  impl_->doc.reset(poppler::document::load_from_file(path.string(), password.value_or(""),
                                                     password.value_or("")));
  // The reader opened the same file a moment ago: failing here means it changed since.
  if (!impl_->doc || impl_->doc->is_locked()) {
    throw InputError(
        diag::input_error(impl_->doc ? DiagnosticCode::kPdfEncrypted : DiagnosticCode::kPdfDamaged,
                          "no se pudo volver a abrir el PDF para dibujar sus páginas",
                          Origin{path.string(), {}, {}, {}}));
  }
  impl_->renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  impl_->renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  impl_->renderer.set_image_format(poppler::image::format_argb32);
  impl_->renderer.set_paper_color(0xffffffff);
}

PageRenderer::~PageRenderer() = default;

int PageRenderer::page_count() const {
  return impl_->doc->pages();
}

std::pair<double, double> PageRenderer::page_size(int page) const {
  if (page < 1 || page > page_count()) return {0, 0};
  const std::unique_ptr<poppler::page> p(impl_->doc->create_page(page - 1));
  if (!p) return {0, 0};
  const poppler::rectf r = p->page_rect(poppler::crop_box);
  return {r.width(), r.height()};
}

PageImage PageRenderer::render(int page, double dpi) const {
  PageImage out;
  if (page < 1 || page > page_count()) return out;
  const std::unique_ptr<poppler::page> p(impl_->doc->create_page(page - 1));
  if (!p) return out;
  const poppler::image image = impl_->renderer.render_page(p.get(), dpi, dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) return out;
  out.width = image.width();
  out.height = image.height();
  out.stride = image.bytes_per_row();
  const auto bytes = static_cast<std::size_t>(out.stride) * static_cast<std::size_t>(out.height);
  out.pixels.resize(bytes);
  std::memcpy(out.pixels.data(), image.const_data(), bytes);
  return out;
}

}  // namespace poa::extractor
