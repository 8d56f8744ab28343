// For the fuzz targets whose reader takes a path (PDFs, templates, settings): each input is
// written to one temporary file per process and target, reused from input to input.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace poa::fuzz {

// A temporary file removed when the process ends normally (a crash leaves it, with the input).
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

// `data` written to `<temp>/poa-fuzz-<pid>-<name>`; the name keeps the extension a reader may
// look at (`input.pdf`).
inline const std::filesystem::path& input_file(const std::uint8_t* data, std::size_t size,
                                               std::string_view name) {
  static const TemporaryFile file{
      std::filesystem::temp_directory_path() /
      ("poa-fuzz-" + std::to_string(::getpid()) + "-" + std::string(name))};
  if (std::FILE* f = std::fopen(file.path.c_str(), "wb")) {
    if (size > 0) std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  return file.path;
}

}  // namespace poa::fuzz
