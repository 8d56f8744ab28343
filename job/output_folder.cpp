// Holding an output folder: its lock, then the stale temporary files under it.
#include "job/output_folder.hpp"

#include <ostream>
#include <string>

#include "model/os_error.hpp"

namespace poa::job {

std::optional<exporters::OutputLock> hold_output_folder(const std::filesystem::path& folder,
                                                        std::string_view prefix,
                                                        std::ostream& err) {
  const std::filesystem::path dir = folder.empty() ? std::filesystem::path(".") : folder;
  std::string why;
  std::optional<exporters::OutputLock> lock = exporters::OutputLock::acquire(dir, why);
  if (!lock) {
    err << prefix << ": " << printable_name(dir.string()) << ": " << why << '\n';
    return std::nullopt;
  }
  // Only now: with the lock held no live run of ours writes here, whatever PIDs we can see.
  exporters::remove_stale_temps(dir);
  return lock;
}

}  // namespace poa::job
