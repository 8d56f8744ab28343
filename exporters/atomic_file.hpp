// Writes an output file under a temporary name in its folder and renames it into place on commit.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string_view>

#include "exporters/temp_files.hpp"
#include "model/os_error.hpp"

namespace poa::exporters {

// An output file that appears only when complete. The constructor creates a hidden temporary
// file next to `target` (same folder, so the rename cannot cross file systems); commit() closes
// it and renames it over `target`. If the object is destroyed without commit() (an exception, an
// abandoned batch), the temporary file is removed and `target` is left as it was. There is no
// fsync: the guarantee is against half-written files seen by readers, not against power loss.
// The temporary name is `.NAME.tmp-PID-N` (temp_files.hpp): removed on SIGINT/SIGTERM, and by a
// later run when this process died without removing it. A writer that needs a path (a zip
// library) may write temp_path() itself instead of calling write().
// Every failure throws poa::OutputError (model/os_error.hpp): one Spanish line naming the target,
// what failed and the system's reason.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends bytes to the temporary file.
  void write(std::string_view bytes);
  // Bytes written so far (after any truncate()).
  std::uint64_t size() const { return size_; }
  // Drops everything written after the first `size` bytes (size <= size()); later writes go on
  // from there. For a batch file that must lose one refused input's rows.
  void truncate(std::uint64_t size);
  // Closes and renames into place; returns the target. Call at most once.
  std::filesystem::path commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = 0;
  bool committed_ = false;
  std::optional<TempRegistration> registration_;
};

// Creates `folder` and its parents for outputs; throws poa::OutputError when it cannot. Returns
// the outermost folder it created (empty when `folder` was already there).
std::filesystem::path create_output_folder(const std::filesystem::path& folder);

// Undoes create_output_folder for a document refused part-way: removes `folder` and its parents
// up to `outermost` (what create_output_folder returned), each only while empty, so a refused
// input leaves no empty subfolder behind and a folder the user made stays.
void remove_created_folders(const std::filesystem::path& folder,
                            const std::filesystem::path& outermost) noexcept;

// Output for stdout held in an anonymous temporary file until it is complete, so a refused input
// prints nothing and a long document does not have to sit in memory. The file is removed by the
// system when the object goes (or the process ends). Failures throw poa::OutputError (a stdout
// that cannot be written, e.g. /dev/full, included).
class SpoolFile {
 public:
  SpoolFile();
  ~SpoolFile();
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;

  void write(std::string_view bytes);
  // Copies everything written so far to `out` and flushes it.
  void copy_to(std::ostream& out);

 private:
  std::FILE* file_ = nullptr;
};

}  // namespace poa::exporters
