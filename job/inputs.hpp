// The one input expansion every job uses: files as given, folders recursed.
#pragma once

#include <filesystem>
#include <vector>

#include "model/diagnostic.hpp"

namespace poa::job {

// Whether JSON files found in folders are inputs: `poa pnt` reads what `poa convert` wrote,
// `poa convert` does not read its own output back.
enum class JsonInFolders { kSkip, kTake };

// Files named by `inputs`: files as given, folders recursed (regular files, sorted by path).
// Hidden files and folders, and our own outputs (*.csv, *.xlsx, *.tmp, and *.json unless
// taken; any case) are not picked up from folders. A missing input or a folder that cannot be
// walked adds a FILE_UNREADABLE error to `errors`; the others are still returned.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 JsonInFolders json, Diagnostics& errors);

}  // namespace poa::job
