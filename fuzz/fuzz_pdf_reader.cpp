// libFuzzer target: bytes as a PDF -> the PDF reader's whole pipeline (fuzz_pdf_pipeline.hpp).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_pdf_pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  poa::fuzz::read_pdf(data, size);
  return 0;
}
