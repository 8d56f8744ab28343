// How pages without a text layer are read by OCR (`--ocr`, `--ocr-lang`, `--dpi`): plain options,
// no Tesseract type.
#pragma once

#include <string>

namespace poa::extractor {

enum class OcrMode {
  kAuto,    // pages without a text layer are read by OCR
  kAlways,  // every page is read by OCR, its text layer ignored
  kNever,   // no OCR: a PDF without text is refused (PDF_NO_TEXT)
};

struct OcrOptions {
  OcrMode mode = OcrMode::kAuto;
  std::string language = "spa";  // Tesseract's language data, e.g. "spa", "spa+eng"
  // Resolution pages are rendered at when they are not one scanned image (a scanned image is
  // read at its own resolution).
  int dpi = 300;
  // Pages read at the same time, one Tesseract engine each; 0: one per core the process may use
  // (usable_cores: `taskset -c 0` reads one page at a time).
  int threads = 0;
  // Print "OCR: página N de M" on stderr as pages are read (a terminal, a long document).
  bool progress = false;
};

}  // namespace poa::extractor
