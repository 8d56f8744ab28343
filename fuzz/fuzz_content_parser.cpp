// libFuzzer target: bytes as a page's content streams -> ContentParser, handing over to poppler's
// Parser where it stops as the PDF reader does, against poppler's Parser reading the same parts
// (tests/pdf_content_compare.hpp): an object of another type or value, another operator or
// another count aborts. The input is cut into parts at each byte 0x1E, as a /Contents array
// gives them, so tokens, comments and strings running over a part's end are read too.
#include "tests/pdf_content_compare.hpp"

#include <poppler/Error.h>
#include <poppler/GlobalParams.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

// The record separator: a byte content streams do not use (poppler reads it as a regular
// character, like the other control bytes the mutations bring).
constexpr std::uint8_t kPartSeparator = 0x1E;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    // Damaged contents make poppler's Parser report every error on stderr.
    setErrorCallback([](ErrorCategory, Goffset, const char*) {});
    return true;
  }();
  (void)ready;
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == kPartSeparator) {
      parts.emplace_back();
    } else {
      parts.back().push_back(static_cast<char>(data[i]));
    }
  }
  const poa::extractor::pdf::Outcome outcome = poa::extractor::pdf::compare(parts);
  if (!outcome.difference.empty()) {
    std::fprintf(stderr, "ContentParser no lee lo que lee el Parser de poppler: %s (%zu partes)\n",
                 outcome.difference.c_str(), parts.size());
    std::abort();
  }
  return 0;
}
