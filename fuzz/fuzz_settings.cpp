// libFuzzer target: bytes as a `poa pnt` settings file (clave = valor) -> load_settings_file.
// The file reader takes a path, so each input goes through one temporary file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "exporters/pnt/pnt_model.hpp"
#include "model/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("poa-fuzz-settings-" + std::to_string(::getpid()) + ".txt");
  if (std::FILE* f = std::fopen(file.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  poa::exporters::pnt::Settings settings;
  try {
    poa::exporters::pnt::load_settings_file(file, settings);
  } catch (const poa::InputError&) {
    // A bad line is refused with its line number: fine.
  }
  return 0;
}
