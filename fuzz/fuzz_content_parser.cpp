// libFuzzer target: bytes as a page's content streams -> ContentParser, handing over to poppler's
// Parser where it stops as the PDF reader does, against poppler's Parser reading the same parts
// (tests/pdf_content_compare.hpp): an object of another type or value, another operator or
// another count aborts. The input is cut into parts at each byte 0x1E, as a /Contents array
// gives them, so tokens, comments and strings running over a part's end are read too.
#include "tests/pdf_content_compare.hpp"
// After it: poppler's headers need its Object.h first.
#include "fuzz/content_parts.hpp"

#include <poppler/Error.h>
#include <poppler/GlobalParams.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    // Damaged contents make poppler's Parser report every error on stderr.
    setErrorCallback([](ErrorCategory, Goffset, const char*) {});
    return true;
  }();
  (void)ready;
  const std::vector<std::string> parts = poa::fuzz::content_parts(data, size);
  const poa::extractor::pdf::Outcome outcome = poa::extractor::pdf::compare(parts);
  if (!outcome.difference.empty()) {
    std::fprintf(stderr, "ContentParser no lee lo que lee el Parser de poppler: %s (%zu partes)\n",
                 outcome.difference.c_str(), parts.size());
    std::abort();
  }
  return 0;
}
