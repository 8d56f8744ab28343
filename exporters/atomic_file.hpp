// Writes an output file under a temporary name in its folder and renames it into place on commit.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace poa::exporters {

// An output file that appears only when complete. The constructor creates a hidden temporary
// file next to `target` (same folder, so the rename cannot cross file systems); commit() closes
// it and renames it over `target`. If the object is destroyed without commit() (an exception, an
// abandoned batch), the temporary file is removed and `target` is left as it was. There is no
// fsync: the guarantee is against half-written files seen by readers, not against power loss.
// Every failure throws std::runtime_error with a Spanish message naming the file.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends bytes to the temporary file.
  void write(std::string_view bytes);
  // Closes and renames into place; returns the target. Call at most once.
  std::filesystem::path commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

}  // namespace poa::exporters
