// The library behind the `poa` binary: convert one input, or a batch, with the options of the CLI.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "exporters/exporter.hpp"
#include "model/document.hpp"

namespace poa {

struct ConvertOptions {
  std::optional<std::string> password;  // for encrypted PDFs
};

// Reads, recognises and normalises one input. Throws InputError when the file is refused.
Document convert_file(const std::filesystem::path& path, const ConvertOptions& options = {});

// Files named by `inputs`: files as given, directories recursed (regular files, sorted by path).
// Hidden files and our own outputs (*.json, *.csv written by poa) are not picked up from
// directories.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 std::vector<std::string>& errors);

}  // namespace poa
