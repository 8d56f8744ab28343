// libFuzzer target: bytes as a `poa pnt` settings file (clave = valor) -> load_settings_file.
#include <cstddef>
#include <cstdint>

#include "exporters/pnt/pnt_model.hpp"
#include "fuzz/fuzz_input_file.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  poa::exporters::pnt::Settings settings;
  try {
    poa::exporters::pnt::load_settings_file(poa::fuzz::input_file(data, size, "settings.txt"),
                                            settings);
  } catch (const poa::InputError&) {
    // A bad line is refused with its line number: fine.
  }
  return 0;
}
