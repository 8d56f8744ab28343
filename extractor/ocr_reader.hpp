// OCR of pages without a text layer (Tesseract 5): a page image -> cleaned image -> words with
// boxes and confidences + the rulings the image draws, as the PageWords the layout passes take
// from a born-digital page. Built into the module poa_ocr_tesseract.so (ocr_module.cpp), never
// into poa_extractor: the PDF reader reaches it through ocr_engine.hpp.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extractor/ocr_engine.hpp"
#include "extractor/ocr_options.hpp"
#include "extractor/ocr_page_image.hpp"
#include "extractor/pdf_layout.hpp"

struct Pix;

namespace poa::extractor::ocr {

// One Tesseract engine (not thread-safe: one per thread).
class OcrEngine final : public PageOcr {
 public:
  // Throws OcrUnavailable when Tesseract cannot load `language`.
  explicit OcrEngine(const std::string& language);
  ~OcrEngine() override;
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads one page image; `page_number` (1-based) numbers the PageWords. Never throws for the
  // image's content: a blank or unreadable image gives no words and a `problem`.
  OcrPage read(const GreyImage& image, int page_number) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Small print read by OCR swaps `.` and `,` (they differ by a few pixels), and the normaliser
// then refuses the number or reads it wrong. Where the number's shape says which it was, it is put
// right: `$52.000.00` -> `$52,000.00` (groups of three, then two decimals); `1.000` -> `1,000`
// (groups of three after dots, no decimals: no value of a POA has three decimals); `4,2.3` ->
// `4.2.3` (a code of short groups: a thousands comma is always followed by three figures).
// Anything else (a word with letters, `1,5000`, `$12.5`) is returned as it is.
std::string fix_number_separators(const std::string& text);

// Whether a cell's words are one amount split where its separators were lost (`$12 000 00`):
// numbers all, one after the first a bare group of three figures or fewer. A list of partidas
// (`2461 5671`) is not.
bool is_split_number(const std::vector<std::string>& words);

// Whether a word's letters, as Tesseract boxes them (ink x0, x1 of each, in order), start one
// after the other: each at least half the letter before it further on. Tesseract's LSTM boxes
// letters roughly and can start one before the letter ahead of it (`3,000`: the second `0` over
// the first); the layout would take two same letters starting together for a PDF's fake bold and
// drop one (`3,00`). A word whose letters are not in order has them spread evenly over it.
bool glyphs_in_order(const std::vector<std::pair<int, int>>& glyph_x);

// Where a drawn cell's text starts, in pixels of `text` (1 bpp, 1 = ink, the rulings erased): at
// `inset` (the row `ruling`, the ruling's middle, and the border's inset below it) unless letters
// cross that line, as capitals touching the ruling above them do in dense forms (a fax: cut there,
// `Cabildo` was read `Cabiido`); then at their tops, never at or above `ruling`. A letter runs on
// down into the cell as far below the line as the line is below the ruling; what is left of the
// ruling (a flat speck) does not. Columns x0 to x1 (past the end).
int cell_top(Pix* text, int ruling, int x0, int x1, int inset);

}  // namespace poa::extractor::ocr
