// A job's hold on the folder it writes into: the lock against a second run, and the clean-up of
// temporary files that a killed run left there.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "exporters/temp_files.hpp"

namespace poa::job {

// Locks `folder` (exporters::OutputLock) and removes stale temporary files of ours under it. When
// another run holds it (or the lock cannot be made), prints one line `PREFIX: FOLDER: why` on
// `err` and returns nullopt: the job then writes nothing and exits 1.
std::optional<exporters::OutputLock> hold_output_folder(const std::filesystem::path& folder,
                                                        std::string_view prefix, std::ostream& err);

}  // namespace poa::job
