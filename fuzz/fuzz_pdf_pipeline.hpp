// The PDF reader's whole pipeline as the PDF fuzz targets run it: open_source (poppler, our word
// collector, the drawn grid and the layout passes) -> recogniser -> normaliser. OCR is off: a page
// without text is refused, so an input spends its time in our code, not in Tesseract.
#pragma once

#include <cstddef>
#include <cstdint>

#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "fuzz/fuzz_input_file.hpp"
#include "model/diagnostic.hpp"
#include "normalizer/normalize.hpp"

namespace poa::fuzz {

// `size` bytes at `data` as a PDF file through the pipeline.
inline void read_pdf(const std::uint8_t* data, std::size_t size) {
  extractor::OpenOptions options;
  options.ocr.mode = extractor::OcrMode::kNever;
  try {
    auto reader = extractor::open_source(input_file(data, size, "input.pdf"), options);
    const RawDocument raw = extractor::recognize(*reader);
    (void)normalizer::normalize(raw, reader->info());
  } catch (const InputError&) {
    // A refusal (damaged, encrypted, no text, not a POA…) is an answer, not a crash.
  }
}

}  // namespace poa::fuzz
