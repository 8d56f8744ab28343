// libFuzzer target: bytes as the JSON `poa convert` writes -> document_from_json. A document it
// takes must write back (to_json) to JSON it takes again, and to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exporters/json_exporter.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string written;
  try {
    written = poa::exporters::to_json(poa::exporters::document_from_json(bytes, "fuzz.json"));
  } catch (const poa::InputError&) {
    return 0;  // refused with a diagnostic: fine
  }
  // What we wrote we must read back as the same document.
  const std::string again =
      poa::exporters::to_json(poa::exporters::document_from_json(written, "again.json"));
  if (again != written) std::abort();
  return 0;
}
