// Reader for PDFs (poppler-cpp): positioned words -> lines -> cells, streamed page by page.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "extractor/pdf_layout.hpp"
#include "model/cell_row.hpp"

namespace poa::extractor {

// Throws poa::InputError: PDF_ENCRYPTED (no or wrong password), PDF_DAMAGED (not loadable),
// PDF_NO_TEXT (no page has a text layer: a scan; OCR is not supported). `name` is what the
// source info and the diagnostics call the file (empty: `path`; the standard input's copy is
// read from a /proc path but named `(entrada estándar)`).
std::unique_ptr<RowReader> make_pdf_reader(const std::filesystem::path& path,
                                           const std::optional<std::string>& password,
                                           const std::string& name = {});

// How a page is read: the reader's way (fonts parsed once per document, contents inflated by
// zlib, glyphs grouped into words by its own collector), or poppler's own way from end to end
// (TextOutputDev), which the reader's reproduces exactly: the reference its test compares with.
enum class WordEngine { kCollector, kPoppler };

// The words and drawn graphics of one page (1-based), as the reader loads them for the layout.
// A page beyond the document gives an empty PageWords numbered `page`. Throws as make_pdf_reader
// does when the file cannot be opened (PDF_ENCRYPTED, PDF_DAMAGED).
layout::PageWords read_pdf_page(const std::filesystem::path& path, int page,
                                const std::optional<std::string>& password,
                                WordEngine engine = WordEngine::kCollector);

// The page count of a PDF that opens (with `password`), else nullopt; reads no page. For a
// batch's progress line, before the batch is converted.
std::optional<int> pdf_page_count(const std::filesystem::path& path,
                                  const std::optional<std::string>& password);

// `poa inspect`: what the reader saw on each page (or only `page`, 1-based): words with boxes,
// lines, column ranges, the cell rows handed to the recogniser, the drawn rulings and the cells
// of the grids they form, as plain text.
// Returns the PDF's page count; prints nothing when `page` is not one of its pages.
int inspect_pdf(const std::filesystem::path& path, const std::optional<std::string>& password,
                std::optional<int> page, std::ostream& out);

// `poa inspect --page N --svg OUT`: draws page `page` (1-based) as SVG: word boxes and text,
// rulings in red, grid cells in blue (shaded ones filled light). Written atomically (temporary
// file renamed into place). Throws InputError as read_pdf_page does, and std::runtime_error
// (Spanish message naming the file) when the page does not exist or the file cannot be written.
void write_pdf_page_svg(const std::filesystem::path& path,
                        const std::optional<std::string>& password, int page,
                        const std::filesystem::path& svg);

}  // namespace poa::extractor
