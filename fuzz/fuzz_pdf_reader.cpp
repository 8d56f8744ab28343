// libFuzzer target: bytes as a PDF -> open_source (poppler, our word collector, the drawn grid
// and the layout passes) -> recogniser -> normaliser. OCR is off: a page without text is refused,
// so an input spends its time in our code, not in Tesseract.
#include <cstddef>
#include <cstdint>

#include "extractor/recognizer.hpp"
#include "extractor/source.hpp"
#include "fuzz/fuzz_input_file.hpp"
#include "model/diagnostic.hpp"
#include "normalizer/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  poa::extractor::OpenOptions options;
  options.ocr.mode = poa::extractor::OcrMode::kNever;
  try {
    auto reader =
        poa::extractor::open_source(poa::fuzz::input_file(data, size, "input.pdf"), options);
    const poa::RawDocument raw = poa::extractor::recognize(*reader);
    (void)poa::normalizer::normalize(raw, reader->info());
  } catch (const poa::InputError&) {
    // A refusal (damaged, encrypted, not a POA…) is an answer, not a crash.
  }
  return 0;
}
