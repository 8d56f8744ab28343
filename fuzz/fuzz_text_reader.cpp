// libFuzzer target: bytes as a text dump -> reader (tab/pipe or `pdftotext -layout`) ->
// recogniser -> normaliser. Refusing the input (InputError) is fine; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractor/encoding.hpp"
#include "extractor/layout_text_reader.hpp"
#include "extractor/recognizer.hpp"
#include "extractor/text_reader.hpp"
#include "model/diagnostic.hpp"
#include "normalizer/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    poa::extractor::DecodedText text = poa::extractor::decode_to_utf8(bytes);
    auto reader = poa::extractor::is_layout_dump(text.utf8)
                      ? poa::extractor::make_layout_text_reader(std::move(text), "", "fuzz.txt")
                      : poa::extractor::make_text_reader(std::move(text), "", "fuzz.txt");
    const poa::RawDocument raw = poa::extractor::recognize(*reader);
    (void)poa::normalizer::normalize(raw, reader->info());
  } catch (const poa::InputError&) {
    // A refusal (not a POA…) is an answer, not a crash.
  }
  return 0;
}
