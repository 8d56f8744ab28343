// Reader for PDFs (poppler-cpp): positioned words -> lines -> cells, streamed page by page.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "model/cell_row.hpp"

namespace poa::extractor {

// Throws poa::InputError: PDF_ENCRYPTED (no or wrong password), PDF_DAMAGED (not loadable),
// PDF_NO_TEXT (no page has a text layer: a scan; OCR is not supported).
std::unique_ptr<RowReader> make_pdf_reader(const std::filesystem::path& path,
                                           const std::optional<std::string>& password);

// `poa inspect`: what the reader saw on each page (or only `page`, 1-based): words with boxes,
// lines, column ranges and the cell rows handed to the recogniser, as plain text.
void inspect_pdf(const std::filesystem::path& path, const std::optional<std::string>& password,
                 std::optional<int> page, std::ostream& out);

}  // namespace poa::extractor
